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


def test_the_table_matches_the_installed_package_for_official_years():
    import holidays

    with resources.files("kehoach").joinpath("data/holidays_vn.json").open(encoding="utf-8") as f:
        table = json.load(f)
    years = range(table["first_year"], table["official_through"] + 1)
    calendar = holidays.VN(years=years, language="vi")
    expected = {d.isoformat(): name for d, name in calendar.items()}
    assert {k: v for k, v in table["holidays"].items() if int(k[:4]) in years} == expected, (
        "the holiday table is stale: run python scripts/generate_holidays.py"
    )
