"""The month grid of a schedule: every day of the months it touches, what kind of day it is, and who
inspects where on it.

Built from the model alone, so the terminal, SVG and PNG views draw one and the same thing."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field

from kehoach import workdays
from kehoach.spec.model import Plan, Row, Schedule, Spec, Text, Window


@dataclass
class Visit:
    """One schedule row on one day."""

    place: str
    session: str
    members: list[str]
    outside_window: bool
    conflict: bool = False
    time: str = ""
    team: str = ""
    note: str = ""


@dataclass
class Day:
    date: dt.date
    working: bool
    holiday: str | None
    in_window: bool
    visits: list[Visit] = field(default_factory=list)

    @property
    def weekend(self) -> bool:
        return not self.working and self.holiday is None

    @property
    def working_weekend(self) -> bool:
        """A Saturday the year's official notice makes a working day (to make up a bridge day off)."""
        return self.working and self.date.weekday() >= workdays.SATURDAY

    @property
    def conflict(self) -> bool:
        return any(v.conflict for v in self.visits)

    @property
    def outside_window(self) -> bool:
        return any(v.outside_window for v in self.visits)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day | None]]  # Monday first; None pads the first and last week

    @property
    def days(self) -> list[Day]:
        return [d for week in self.weeks for d in week if d is not None]


@dataclass
class Conflict:
    member: str
    date: dt.date
    places: list[tuple[str, str]]  # (session, place), in schedule order


@dataclass
class CalendarView:
    title: str
    windows: list[tuple[dt.date, dt.date]]
    months: list[Month]
    conflicts: list[Conflict]

    @property
    def days(self) -> list[Day]:
        return [d for m in self.months for d in m.days]

    @property
    def holidays(self) -> list[Day]:
        return [d for d in self.days if d.holiday]

    @property
    def visit_count(self) -> int:
        return sum(len(d.visits) for d in self.days)


def _overlap(a: str, b: str) -> bool:
    """Two sessions of one day meet unless one is the morning and the other the afternoon."""
    return a == b or "cả ngày" in (a, b)


def member_names(row: Row, members: dict[str, Text]) -> list[str]:
    """Who goes (the team's members, then the row's own) as printed: an id by its name in
    `members`, literal text as written."""
    return [members[m.entry.value].value if m.is_id and m.entry.value in members else m.entry.value for m in row.all_members]


def row_days(row: Row) -> list[dt.date]:
    """The days a row covers: one, or every day of its `from`/`to` span."""
    first, last = row.date.value, row.last_day
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def schedule_parts(spec: Spec) -> list[tuple[Schedule, Window | None, dict[str, Text]]]:
    """Each schedule of `spec` with the window and members it is read with (a plan lends its own)."""
    if isinstance(spec, Schedule):
        return [(spec, spec.window, spec.members)]
    return [(s, s.window or spec.window, {**spec.members, **s.members}) for s in spec.schedules]


def _title(spec: Spec) -> str:
    if isinstance(spec, Plan):
        return spec.subject.value if spec.subject else ""
    return " ".join(t.value for t in (spec.title, spec.subtitle) if t)


def _month_span(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def build(spec: Spec) -> CalendarView:
    """The calendar of every schedule of `spec` (a plan's appendices, or the schedule itself)."""
    visits: dict[dt.date, list[Visit]] = {}
    windows: list[tuple[dt.date, dt.date]] = []
    conflicts: list[Conflict] = []
    for schedule, window, members in schedule_parts(spec):
        span = (window.start.value, window.end.value) if window else None
        if span and span not in windows:
            windows.append(span)
        booked: dict[tuple[str, dt.date], list[Visit]] = {}
        for row in schedule.rows:
            names = member_names(row, members)
            for day in row_days(row):
                visit = Visit(row.place.value, row.session, names,
                              outside_window=bool(span) and not span[0] <= day <= span[1],
                              time=row.time.value if row.time else "",
                              team=row.team.name.value if row.team and row.team.name else "",
                              note=row.note.value if row.note else "")
                visits.setdefault(day, []).append(visit)
                for name in names:
                    earlier = booked.setdefault((name, day), [])
                    clashing = [v for v in earlier if _overlap(v.session, visit.session)]
                    if clashing:
                        for v in (*clashing, visit):
                            v.conflict = True
                        conflicts.append(Conflict(name, day, [(v.session, v.place) for v in (*clashing, visit)]))
                    earlier.append(visit)
    dates = [d for window_span in windows for d in window_span] + list(visits)
    months = []
    if dates:
        for year, month in _month_span(min(dates), max(dates)):
            months.append(_month(year, month, windows, visits))
    return CalendarView(_title(spec), windows, months, conflicts)


def _month(year: int, month: int, windows, visits: dict[dt.date, list[Visit]]) -> Month:
    weeks = []
    for week in stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells: list[Day | None] = []
        for day in week:
            if day.month != month:
                cells.append(None)
                continue
            status = workdays.status(day)
            cells.append(Day(day, status.working, status.holiday,
                             in_window=any(a <= day <= b for a, b in windows),
                             visits=visits.get(day, [])))
        weeks.append(cells)
    return Month(year, month, weeks)
