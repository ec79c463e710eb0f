"""How each kind of date moves to another year.

Schedule rows move by whole weeks, so that a Monday inspection stays a Monday. The bounds of the
plan's window and of its phases keep their day and month (a plan that ends on 31/12 still ends on
31/12), moved to a working day only when they fall on a weekend or a holiday: a start to the next
working day, an end to the one before, so the period never grows; a single day (`on`) to the
nearest.
"""

from __future__ import annotations

import datetime as dt

from kehoach import workdays
from kehoach.roll.spots import FROM, ON, TO

# A bound is moved at most this far looking for a working day (Tết, the longest break, is 9 days).
_SEARCH_DAYS = 21


class OutOfRange(ValueError):
    """The date would leave the calendar Python knows (years 1 to 9999)."""


def same_day(day: dt.date, years: int) -> dt.date:
    """The same day and month `years` later (29 February becomes 28 February in a common year)."""
    year = day.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OutOfRange(day)
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def period_shift(first: int, last: int, new_year: int) -> int:
    """Years to move a giai đoạn `first`–`last` by for a plan of `new_year`: none when the year lies
    in it (another year's plan of the same giai đoạn), else whole lengths of it, to the giai đoạn
    that holds the year (2021–2025 → 2026–2030 for 2026 or 2028, → 2031–2035 for 2031)."""
    length = last - first + 1
    if length < 1 or first <= new_year <= last:
        return 0
    if new_year > last:
        return length * -(-(new_year - last) // length)
    return -length * -(-(first - new_year) // length)


def plus_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        raise OutOfRange(day) from None


def week_shifts(reference: dt.date, years: int) -> list[int]:
    """The multiples of 7 days around the same calendar date `years` later, nearest first."""
    days = (same_day(reference, years) - reference).days
    below = 7 * (days // 7)
    candidates = sorted({below, below + 7}, key=lambda s: (abs(s - days), s))
    return [s for s in candidates if _in_range(reference, s)]


def week_shift(reference: dt.date, years: int) -> int:
    """The multiple of 7 days nearest the same calendar date `years` later."""
    shifts = week_shifts(reference, years)
    if not shifts:
        raise OutOfRange(reference)
    return shifts[0]


def _in_range(day: dt.date, days: int) -> bool:
    try:
        plus_days(day, days)
    except OutOfRange:
        return False
    return True


def working_day_from(day: dt.date, step: int) -> dt.date:
    """`day` if it is a working day, else the nearest one in the direction of `step` (-1 before, 1
    after): a bound that must hold `day`. `day` itself when none is near."""
    for distance in range(_SEARCH_DAYS):
        candidate = plus_days(day, step * distance)
        if workdays.status(candidate).working:
            return candidate
    return day


def moved_bound(day: dt.date, years: int, role: str) -> dt.date:
    """A window's or phase's bound in the new year: same day and month, on a working day."""
    target = same_day(day, years)
    if workdays.status(target).working:
        return target
    steps = {FROM: (1,), TO: (-1,), ON: (-1, 1)}[role]
    for distance in range(1, _SEARCH_DAYS):
        for step in steps:
            candidate = plus_days(target, step * distance)
            if workdays.status(candidate).working:
                return candidate
    return target
