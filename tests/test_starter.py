"""`kehoach init`: the starter's year comes from the date it is given, and any year works — inside the
holiday table or beyond it (the `holidays` package answers there)."""

import datetime as dt

import pytest

from kehoach import workdays
from kehoach.check import check_file
from kehoach.diagnostics import Severity
from kehoach.errors import UserError
from kehoach.starter import create, inspection_week


def problems(path):
    return [d.as_text() for d in check_file(str(path)).diagnostics if d.severity is not Severity.INFO]


def test_the_default_year_is_todays(tmp_path):
    written = create(str(tmp_path), today=dt.date(2031, 1, 1))
    assert "year: 2031 " in (tmp_path / "plans" / "ke-hoach-mau.yaml").read_text(encoding="utf-8")
    assert [problems(p) for p in written] == [[], []]


def test_a_year_beyond_the_holiday_table_still_checks_clean(tmp_path):
    year = 2090  # the generated table covers a few years around today's (2010–2035 now)
    written = create(str(tmp_path), today=dt.date(year, 6, 1))
    assert f"window: {{from: {inspection_week(year)[0].isoformat()}," in (tmp_path / "plans" / "ke-hoach-mau.yaml").read_text(encoding="utf-8")
    assert [problems(p) for p in written] == [[], []]


def test_the_inspection_week_is_five_working_days_every_year():
    for year in range(2010, 2041):
        week = inspection_week(year)
        assert [d.weekday() for d in week] == [0, 1, 2, 3, 4]
        assert all(workdays.status(d).working for d in week), year


def test_a_year_no_plan_has_is_refused(tmp_path):
    with pytest.raises(UserError, match="năm 1900 nằm ngoài 1945–2100"):
        create(str(tmp_path), 1900)
    assert not any(tmp_path.iterdir())
