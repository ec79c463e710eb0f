"""`kehoach ics`: a schedule as an iCalendar file that phones, Outlook and Google Calendar import.

Every row is one event in Asia/Ho_Chi_Minh (the VTIMEZONE is included, so clients that know no zone
names still place it right): `cả ngày` is an all-day event, `sáng` and `chiều` are timed by the office
hours. Each event's UID comes from what the inspection *is* (the document, the schedule, the place and
team, the how-many-th visit there), not from its day or position, so importing the file again after
an edit — a visit moved to another day, rows reordered — updates events instead of adding copies."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from kehoach.calendar.model import member_names, schedule_parts
from kehoach.errors import UserError
from kehoach.spec.model import Plan, Row, Schedule, Spec

ZONE = "Asia/Ho_Chi_Minh"


class BadHours(UserError):
    """Office hours written in a way we cannot read."""


@dataclass(frozen=True)
class OfficeHours:
    morning: tuple[dt.time, dt.time] = (dt.time(7, 30), dt.time(11, 30))
    afternoon: tuple[dt.time, dt.time] = (dt.time(13, 30), dt.time(17, 0))

    def of(self, session: str) -> tuple[dt.time, dt.time]:
        return self.morning if session == "sáng" else self.afternoon


_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[:hH](\d{2})?)?\s*$")


def parse_clock(text: str) -> dt.time:
    """`7:30`, `7h30`, `7h`, `13` → a time of day."""
    found = _CLOCK.match(text)
    if not found or int(found[1]) > 23 or int(found[2] or 0) > 59:
        raise BadHours(f"giờ `{text}` không đọc được: viết như `7:30` hoặc `7h30`")
    return dt.time(int(found[1]), int(found[2] or 0))


def parse_span(text: str) -> tuple[dt.time, dt.time]:
    """`7:30-11:30` → (7:30, 11:30)."""
    start, sep, end = text.partition("-")
    if not sep:
        raise BadHours(f"khung giờ `{text}` không đọc được: viết như `7:30-11:30`")
    first, last = parse_clock(start), parse_clock(end)
    if last <= first:
        raise BadHours(f"khung giờ `{text}`: giờ kết thúc phải sau giờ bắt đầu")
    return first, last


def _document_key(spec: Spec, path: str) -> str:
    """What names the document across exports: its number and symbol once it has them, else its file."""
    if isinstance(spec, Plan) and spec.number is not None and spec.organ and spec.organ.code and spec.year:
        return f"{spec.number}/{spec.type_code}-{spec.organ.code.value}/{spec.year}"
    return os.path.splitext(os.path.basename(path))[0]


SESSION_ORDER = {"sáng": 0, "cả ngày": 1, "chiều": 2}


def _uids(key: str, schedule: Schedule) -> list[str]:
    """One UID per row, in row order, from what names an inspection across edits: the document, the
    schedule, the place (and team), and which visit to that place it is, counted by date. Moving a
    visit to another day or reordering rows keeps its UID, so a phone updates the event instead of
    adding a copy; a second visit to the same place is its own event."""
    def place_of(row: Row) -> tuple[str, str]:
        team = row.team_id.value if row.team_id else row.team.name.value if row.team and row.team.name else ""
        return " ".join(row.place.value.split()).casefold(), team.strip()

    visits: dict[tuple[str, str], list[int]] = {}
    for index, row in enumerate(schedule.rows):
        visits.setdefault(place_of(row), []).append(index)
    uids = [""] * len(schedule.rows)
    for (place, team), indexes in visits.items():
        indexes.sort(key=lambda i: (schedule.rows[i].date.value, SESSION_ORDER.get(schedule.rows[i].session, 1)))
        for occurrence, index in enumerate(indexes, 1):
            identity = "\x1f".join((key, os.path.basename(schedule.file), place, team, str(occurrence)))
            uids[index] = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32] + "@kehoach"
    return uids


def _summary(schedule: Schedule, row: Row) -> str:
    title = schedule.title.value.strip() if schedule.title else ""
    upper = title.upper()
    if upper.startswith("LỊCH "):
        what = title[5:].strip().capitalize()
    else:
        what = "Kiểm tra"
    return f"{what}: {row.place.value}"


def _add_times(event, row: Row, hours: OfficeHours, zone: ZoneInfo) -> None:
    """All day for `cả ngày` without a time (DTEND exclusive: the day after the last); otherwise from
    the row's `time`, or the session's start, to the session's end, repeated daily over a span."""
    first, last = row.date.value, row.last_day
    if row.session == "cả ngày" and row.time is None:
        event.add("dtstart", first)
        event.add("dtend", last + dt.timedelta(days=1))
        return
    start, end = hours.morning[0], hours.afternoon[1]
    if row.session != "cả ngày":
        start, end = hours.of(row.session)
    if row.time is not None:
        start = parse_clock(row.time.value)
        if start >= end:  # a time after the session's usual end: give the event an hour
            end = (dt.datetime.combine(first, start) + dt.timedelta(hours=1)).time()
    event.add("dtstart", dt.datetime.combine(first, start, tzinfo=zone))
    event.add("dtend", dt.datetime.combine(first, end, tzinfo=zone))
    if last > first:
        event.add("rrule", {"freq": "daily", "count": (last - first).days + 1})


def calendar_name(spec: Spec) -> str:
    if isinstance(spec, Plan) and spec.subject:
        return spec.subject.value
    if isinstance(spec, Schedule) and spec.title:
        return spec.title.value
    return "Lịch kiểm tra"


def build(spec: Spec, path: str, hours: OfficeHours = OfficeHours(), now: dt.datetime | None = None) -> bytes:
    """The iCalendar text of every schedule row of `spec` (a plan's appendices or the schedule itself)."""
    from icalendar import Calendar, Event

    zone = ZoneInfo(ZONE)
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", "-//kehoach//lich kiem tra//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name(spec))
    cal.add("x-wr-timezone", ZONE)
    key = _document_key(spec, path)
    for schedule, _window, members in schedule_parts(spec):
        for row, uid in zip(schedule.rows, _uids(key, schedule)):
            event = Event()
            event.add("uid", uid)
            event.add("dtstamp", stamp)
            event.add("summary", _summary(schedule, row))
            event.add("location", row.place.value)
            names = member_names(row, members)
            lines = [f"Buổi: {row.session}" + (f", {row.time.value}" if row.time else "")]
            if row.team is not None and row.team.name is not None:
                lines.append(f"Đoàn: {row.team.name.value}")
            if names:
                lines.append("Thành phần:")
                lines += [f"- {name}" for name in names]
            if row.note is not None:
                lines.append(f"Ghi chú: {row.note.value}")
            event.add("description", "\n".join(lines))
            _add_times(event, row, hours, zone)
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


@dataclass
class Exported:
    diagnostics: list
    written: str | None = None
    events: int = 0


def default_output(path: str) -> str:
    """`plans/x.yaml` → `x.ics` in the current folder, as `render` names its documents."""
    return os.path.splitext(os.path.basename(path))[0] + ".ics"


def export(path: str, out: str | None, hours: OfficeHours = OfficeHours(), force: bool = False,
           ignore: tuple[str, ...] = ()) -> Exported:
    """`kehoach ics`: check, then write the calendar — or nothing when the spec has errors
    (a phone calendar with a member in two places is worse than none)."""
    from kehoach.calendar import input_files
    from kehoach.check import check_file
    from kehoach.diagnostics import exit_code
    from kehoach.outputs import Outputs

    checked = check_file(path, ignore)
    result = Exported(checked.diagnostics)
    if checked.spec is None or exit_code(checked.diagnostics):
        return result
    outputs = Outputs(inputs=input_files(path, checked.spec), force=force,
                      overwrite_hint="thêm --force để ghi đè, hoặc chọn tên khác (-o)")
    outputs.add(out or default_output(path), build(checked.spec, path, hours), "tệp lịch .ics")
    [result.written] = outputs.write()
    result.events = sum(len(s.rows) for s, _w, _m in schedule_parts(checked.spec))
    return result
