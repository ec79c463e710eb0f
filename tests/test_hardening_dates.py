"""One date grammar (kehoach/spec/dates.py) for the loader and `kehoach new`."""

import datetime as dt

import pytest

from conftest import MINIMAL_PLAN
from kehoach.spec import dates


@pytest.mark.parametrize(
    "value, day",
    [("2021-11-08", dt.date(2021, 11, 8)), ("2023-10-2", dt.date(2023, 10, 2)), (" 2021-11-08 ", dt.date(2021, 11, 8))],
)
def test_dates_the_loader_accepts(value, day):
    assert dates.parse(value, "date") == day


@pytest.mark.parametrize(
    "value, reason",
    [
        ("08/11/2021", "`date` viết ngày theo dạng YYYY-MM-DD (năm-tháng-ngày): viết `2021-11-08`"),
        ("2021-11-31", "`date`: ngày 31/11/2021 không có thật: tháng 11 năm 2021 chỉ có 30 ngày"),
        # Other scripts' digits are digits to `\d` and to int(), not to a clerk reading the plan.
        ("２０２１-１１-０８", "`date` không đọc được `２０２１-１１-０８` là ngày: viết theo dạng YYYY-MM-DD, ví dụ 2021-11-08"),
        ("0000-01-01", "`date`: không có năm 0"),
    ],
)
def test_dates_the_loader_refuses_say_why(value, reason):
    with pytest.raises(dates.BadDate) as refused:
        dates.parse(value, "date")
    assert str(refused.value) == reason


def test_a_date_in_other_digits_is_a_diagnostic_not_a_crash(specs):
    text = MINIMAL_PLAN.replace("date: 2023-09-25", "date: ٢٠٢٣-٠٩-٢٥")
    assert specs.check(text) == ["3:7 error KH-S006"]
