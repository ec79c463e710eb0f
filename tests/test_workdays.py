"""Vietnamese working days, from the `holidays` package through the generated table."""

import datetime as dt
import json
from importlib import resources

import pytest

from kehoach import workdays


@pytest.mark.parametrize(
    "day, holiday",
    [
        ("2026-02-16", "Giao thừa Tết Nguyên Đán"),
        ("2026-02-20", "Mùng bốn Tết Nguyên Đán"),
        ("2026-04-27", "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),  # Giỗ Tổ 2026 falls on Sunday 26/4
        ("2026-08-31", "Ngày nghỉ (thay cho ngày 22/08/2026)"),
        ("2026-09-01", "Quốc khánh"),
        ("2026-11-24", "Ngày Văn hóa Việt Nam"),
        ("2024-04-29", "Ngày nghỉ (thay cho ngày 04/05/2024)"),
        ("2025-05-02", "Ngày nghỉ (thay cho ngày 26/04/2025)"),
        ("2021-04-21", "Ngày Giỗ Tổ Hùng Vương"),
    ],
)
def test_holidays(day, holiday):
    assert workdays.status(dt.date.fromisoformat(day)) == workdays.DayStatus(False, holiday)


@pytest.mark.parametrize("day", ["2026-08-22", "2024-05-04", "2025-04-26"])
def test_swapped_saturdays_are_working_days(day):
    assert workdays.status(dt.date.fromisoformat(day)).working


def test_weekends():
    assert workdays.status(dt.date(2021, 11, 13)).weekend  # Saturday
    assert workdays.status(dt.date(2021, 11, 14)).weekend  # Sunday
    assert workdays.status(dt.date(2021, 11, 15)).working
    assert workdays.status(dt.date(2025, 11, 24)).working  # Ngày Văn hóa Việt Nam is a holiday from 2026


def test_years_outside_the_table_ask_the_package():
    assert workdays.status(dt.date(2040, 9, 2)).holiday == "Quốc khánh"


def _generator():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parent.parent / "scripts" / "generate_holidays.py"
    spec = importlib.util.spec_from_file_location("generate_holidays", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped_table() -> dict:
    with resources.files("kehoach").joinpath("data/holidays_vn.json").open(encoding="utf-8") as f:
        return json.load(f)


def test_the_table_matches_the_installed_package_and_the_notices():
    assert _shipped_table() == _generator().build(), "the holiday table is stale: run python scripts/generate_holidays.py"


def test_the_table_reaches_as_far_as_the_package():
    # Not a fixed year: a plan for next year (or the one after) never falls off the table on 1 January.
    import holidays

    table = _shipped_table()
    assert table["last_year"] == holidays.VN.end_year
    assert table["last_year"] >= dt.date.today().year + 10


def test_a_notice_the_package_lacks_is_applied():
    notice = {
        "year": 2027, "notice": "Thông báo (ví dụ) nghỉ bù 30/4/2027", "source": "test",
        "off": {dt.date(2027, 4, 29): "Ngày nghỉ (thay cho ngày 24/04/2027)"}, "worked": ["2027-04-24"],
    }
    table = _generator().build([notice])
    assert table["holidays"]["2027-04-29"] == "Ngày nghỉ (thay cho ngày 24/04/2027)"
    assert "2027-04-24" in table["working_saturdays"]
    assert table["official_through"] == 2027
    assert _generator().build([])["official_through"] == 2026


def test_every_notice_names_the_document_that_decided_it():
    import yaml

    with resources.files("kehoach").joinpath("data/holiday_notices.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    for entry in data["notices"] + data["checked"]:
        assert entry["year"] and entry["notice"] and entry["source"]
