"""Is a day a working day in Vietnam, and if not, why.

Answers come from the `holidays` package (public holidays, compensatory days
off, and the Saturdays each year's official notice makes working days),
through a table generated from it by `scripts/generate_holidays.py`; outside
the table's years the package itself is asked.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from kehoach.fileio import data_path

SATURDAY, SUNDAY = 5, 6


class DayStatus(NamedTuple):  # a dataclass would cost every `check` its building at import; only schedules use it
    working: bool
    holiday: str | None = None  # the holiday's Vietnamese name, when the day is one

    @property
    def weekend(self) -> bool:
        return not self.working and self.holiday is None


@lru_cache(maxsize=1)
def _table() -> dict:
    import json  # here: a check of a plan without a schedule imports no JSON parser

    with open(data_path("holidays_vn.json"), encoding="utf-8") as f:
        table = json.load(f)
    table["working_saturdays"] = set(table["working_saturdays"])
    return table


@lru_cache(maxsize=None)
def _package_year(year: int) -> tuple[dict[str, str], frozenset[str]]:
    import holidays

    calendar = holidays.VN(years=year, language="vi")
    names = {d.isoformat(): name for d, name in calendar.items()}
    return names, frozenset(d.isoformat() for d in calendar.weekend_workdays if d.year == year)


def _lookup(day: dt.date) -> tuple[str | None, bool]:
    table = _table()
    key = day.isoformat()
    if table["first_year"] <= day.year <= table["last_year"]:
        return table["holidays"].get(key), key in table["working_saturdays"]
    names, working_saturdays = _package_year(day.year)
    return names.get(key), key in working_saturdays


def status(day: dt.date) -> DayStatus:
    holiday, working_weekend = _lookup(day)
    if holiday:
        return DayStatus(False, holiday)
    if day.weekday() in (SATURDAY, SUNDAY) and not working_weekend:
        return DayStatus(False)
    return DayStatus(True)


def official_through() -> int:
    """The last year whose official holiday notice (swaps, bridge days) is known."""
    return _table()["official_through"]
