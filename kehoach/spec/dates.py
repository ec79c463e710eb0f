"""The one date grammar of a spec: how the loader (and `kehoach new`) read a date value.

A date is written `YYYY-MM-DD`; a one-digit month or day (`2023-10-2`) is accepted, as clerks type
them. Only ASCII digits count (`２０２１` or Arabic-Indic digits are not a date a reader can check),
and the white space YAML leaves around a quoted value is ignored. `08/11/2021` is recognised only to
say how to write it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
# Recognised only to say how to write it: compiled (and cached by `re`) when first needed.
_VN_DATE = r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})"

EXAMPLE = "2021-11-08"


class BadDate(ValueError):
    """A date value that is not a date; `str()` is the Vietnamese reason and what to write."""


def parse(value: str, what: str) -> dt.date:
    """The date `value` stands for, or `BadDate` naming `what` (the key) and the fix."""
    value = value.strip()
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = map(int, match.groups())
        checked = _real_date(year, month, day)
        if isinstance(checked, dt.date):
            return checked
        raise BadDate(f"`{what}`: {checked}")
    if match := re.fullmatch(_VN_DATE, value):
        day, month, year = (int(g) for g in match.groups())
        checked = _real_date(year, month, day)
        fix = f": viết `{checked.isoformat()}`" if isinstance(checked, dt.date) else f" ({checked})"
        raise BadDate(f"`{what}` viết ngày theo dạng YYYY-MM-DD (năm-tháng-ngày){fix}")
    shown = value if len(value) <= 40 else value[:37] + "..."
    raise BadDate(f"`{what}` không đọc được `{shown}` là ngày: viết theo dạng YYYY-MM-DD, ví dụ {EXAMPLE}")


def _real_date(year: int, month: int, day: int) -> dt.date | str:
    """The date, or why it does not exist."""
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    if year < 1:
        return f"không có năm {year}"
    try:
        return dt.date(year, month, day)
    except ValueError:
        days = calendar.monthrange(year, month)[1]
        return f"ngày {day}/{month}/{year} không có thật: tháng {month} năm {year} chỉ có {days} ngày"
