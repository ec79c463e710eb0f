"""`kehoach ics`: the schedule as an iCalendar file, read back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from conftest import MINIMAL_PLAN
from kehoach import ics
from kehoach.check import check_file
from kehoach.cli import main

LICH = """\
title: LỊCH KIỂM TRA, GIÁM SÁT
window: {from: 2021-11-08, to: 2021-11-15}
members: {ptb: Phó Trưởng Ban Chỉ đạo huyện, nn: Đại diện Phòng Nông nghiệp}
rows:
  - {date: 2021-11-08, place: Thị trấn Plei Kần, members: [ptb, nn]}
  - {date: 2021-11-09, session: sáng, place: Xã Đăk Ang, members: [ptb]}
  - {date: 2021-11-09, session: chiều, place: Xã Đăk Nông, members: [ptb, Ông Lê Văn C]}
"""


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


@pytest.fixture
def lich(specs) -> str:
    return specs.write("lich.yaml", LICH)


def test_all_day_and_timed_events_in_vietnam_time(lich):
    whole, morning, afternoon = events(ics.build(check_file(lich).spec, lich))
    assert whole["DTSTART"].dt == dt.date(2021, 11, 8)
    assert whole["DTEND"].dt == dt.date(2021, 11, 9)  # exclusive: the next day
    assert str(whole["SUMMARY"]) == "Kiểm tra, giám sát: Thị trấn Plei Kần"
    assert str(whole["LOCATION"]) == "Thị trấn Plei Kần"
    assert str(whole["DESCRIPTION"]) == (
        "Buổi: cả ngày\nThành phần:\n- Phó Trưởng Ban Chỉ đạo huyện\n- Đại diện Phòng Nông nghiệp"
    )
    start, end = morning["DTSTART"].dt, morning["DTEND"].dt
    assert (start.hour, start.minute, end.hour, end.minute) == (7, 30, 11, 30)
    assert start.utcoffset() == dt.timedelta(hours=7) and str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert morning["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert (afternoon["DTSTART"].dt.hour, afternoon["DTEND"].dt.hour) == (13, 17)
    assert "- Ông Lê Văn C" in str(afternoon["DESCRIPTION"])
    for event in (whole, morning, afternoon):
        assert event["DTSTAMP"].dt.tzinfo is not None


def test_the_file_carries_its_timezone_definition(lich):
    cal = Calendar.from_ical(ics.build(check_file(lich).spec, lich))
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Ho_Chi_Minh"
    assert str(cal["VERSION"]) == "2.0" and str(cal["X-WR-CALNAME"]) == "LỊCH KIỂM TRA, GIÁM SÁT"


def test_office_hours_are_configurable(lich, tmp_path):
    out = tmp_path / "lich.ics"
    result = CliRunner().invoke(main, ["ics", lich, "-o", str(out), "--sang", "7h-11h", "--chieu", "14:00-16:30"])
    assert result.exit_code == 0, result.output
    _, morning, afternoon = events(out.read_bytes())
    assert (morning["DTSTART"].dt.time(), morning["DTEND"].dt.time()) == (dt.time(7), dt.time(11))
    assert (afternoon["DTSTART"].dt.time(), afternoon["DTEND"].dt.time()) == (dt.time(14), dt.time(16, 30))
    bad = CliRunner().invoke(main, ["ics", lich, "--sang", "11:30-7:30"])
    assert bad.exit_code == 2 and "giờ kết thúc phải sau giờ bắt đầu" in bad.output


def uids_of(path: str) -> list[str]:
    return [str(e["UID"]) for e in events(ics.build(check_file(path).spec, path))]


def test_uids_do_not_depend_on_row_order_and_are_unique(specs, lich):
    first = uids_of(lich)
    head, rows = LICH.split("rows:\n")
    reordered = head + "rows:\n" + "".join(reversed(rows.splitlines(keepends=True)))
    second = uids_of(specs.write("lich.yaml", reordered))
    assert second == list(reversed(first)) and len(set(first)) == 3
    assert first[0].endswith("@kehoach") and "2021" not in first[0]


def test_moving_a_visit_to_another_day_or_session_keeps_its_uid(specs, lich):
    first = uids_of(lich)
    moved = LICH.replace("2021-11-09, session: sáng, place: Xã Đăk Ang", "2021-11-12, session: chiều, place: Xã Đăk Ang")
    assert uids_of(specs.write("lich.yaml", moved)) == first


def test_two_visits_to_one_place_are_two_events_counted_by_date(specs):
    twice = LICH + "  - {date: 2021-11-12, place: Thị trấn Plei Kần, members: [nn]}\n"
    first = uids_of(specs.write("lich.yaml", twice))
    assert len(set(first)) == 4
    head, rows = twice.split("rows:\n")
    reordered = head + "rows:\n" + "".join(reversed(rows.splitlines(keepends=True)))
    assert uids_of(specs.write("lich.yaml", reordered)) == list(reversed(first))


def test_two_teams_at_one_place_are_two_events(specs):
    teams = """\
title: LỊCH KIỂM TRA
window: {from: 2021-11-08, to: 2021-11-15}
teams:
  - name: ĐOÀN SỐ 1
    members: [Ông A]
    rows: [{date: 2021-11-08, place: Xã Đăk Ang}]
  - name: ĐOÀN SỐ 2
    members: [Ông B]
    rows: [{date: 2021-11-08, place: Xã Đăk Ang}]
rows: []
"""
    path = specs.write("lich.yaml", teams)
    assert not check_file(path).diagnostics
    assert len(set(uids_of(path))) == 2


def test_a_signed_plan_names_its_events_by_its_number(specs):
    specs.write("lich.yaml", LICH)
    plan = MINIMAL_PLAN.replace("2023", "2021") + "number: 5\nwindow: {from: 2021-11-08, to: 2021-11-15}\n" \
        "appendices:\n  - schedule: lich.yaml\n"
    a = specs.write("a.yaml", plan)
    b = specs.write("b.yaml", plan)  # the same plan under another file name
    uids = lambda p: [str(e["UID"]) for e in events(ics.build(check_file(p).spec, p))]  # noqa: E731
    assert uids(a) == uids(b)
    draft = specs.write("c.yaml", plan.replace("number: 5\n", ""))
    assert uids(draft) != uids(a)


def test_a_schedule_with_errors_writes_nothing(specs, tmp_path):
    bad = specs.write("lich.yaml", LICH.replace("2021-11-09, session: sáng", "2021-11-20, session: sáng"))
    out = tmp_path / "lich.ics"
    result = CliRunner().invoke(main, ["ics", bad, "-o", str(out)])
    assert result.exit_code == 1 and "KH-L001" in result.output and not out.exists()


def test_an_existing_file_needs_force(lich, tmp_path):
    out = tmp_path / "lich.ics"
    out.write_text("cũ")
    assert CliRunner().invoke(main, ["ics", lich, "-o", str(out)]).exit_code == 2
    assert out.read_text() == "cũ"
    assert CliRunner().invoke(main, ["ics", lich, "-o", str(out), "--force"]).exit_code == 0
    assert len(events(out.read_bytes())) == 3


def test_the_calendar_never_replaces_a_schedule_the_plan_includes_even_with_force(specs):
    schedule = specs.write("lich.yaml", LICH)
    plan = specs.write("plan.yaml", MINIMAL_PLAN.replace("2023", "2021") + "window: {from: 2021-11-08, to: 2021-11-15}\n"
                       "appendices:\n  - schedule: lich.yaml\n")
    result = CliRunner().invoke(main, ["ics", plan, "-o", schedule, "--force"])
    assert result.exit_code == 2 and "ghi đè lên tệp đầu vào" in result.output
    assert open(schedule, encoding="utf-8").read() == LICH


def _row(day: dt.date, place: str, **extra):
    from kehoach.diagnostics import Pos
    from kehoach.spec.model import DateValue, Row, Text

    pos = Pos("lich.yaml", 5, 5)
    return Row(DateValue(day, pos), Text(place, pos), [], pos, **extra)


def test_a_span_a_time_a_team_and_a_note():
    from kehoach.diagnostics import Pos
    from kehoach.spec.model import DateValue, MemberRef, Schedule, Team, Text

    pos = Pos("lich.yaml")
    team = Team(pos, name=Text("ĐOÀN KIỂM TRA SỐ 1", pos), members=[MemberRef(Text("Ông A", pos), False)])
    schedule = Schedule("lich.yaml", pos, rows=[
        _row(dt.date(2021, 11, 8), "Xã Đăk Ang", end=DateValue(dt.date(2021, 11, 10), pos), team=team),
        _row(dt.date(2021, 11, 11), "Xã Pờ Y", session="sáng", time=Text("8h", pos), note=Text("mang hồ sơ", pos)),
        _row(dt.date(2021, 11, 12), "Xã Sa Loong", session="chiều", end=DateValue(dt.date(2021, 11, 13), pos)),
    ])
    span, timed, daily = events(ics.build(schedule, "lich.yaml"))
    assert (span["DTSTART"].dt, span["DTEND"].dt) == (dt.date(2021, 11, 8), dt.date(2021, 11, 11))
    assert str(span["DESCRIPTION"]) == "Buổi: cả ngày\nĐoàn: ĐOÀN KIỂM TRA SỐ 1\nThành phần:\n- Ông A"
    assert (timed["DTSTART"].dt.time(), timed["DTEND"].dt.time()) == (dt.time(8), dt.time(11, 30))
    assert str(timed["DESCRIPTION"]) == "Buổi: sáng, 8h\nGhi chú: mang hồ sơ"
    assert daily["RRULE"] == {"FREQ": ["DAILY"], "COUNT": [2]}
