"""Schedules: teams, clock times, rows over several days, notes, layouts; double booking across teams."""

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE

from kehoach.check import check_file


def schedule(rows: str = "", teams: str = "") -> str:
    """The minimal schedule (rows from line 5), then `teams` after its rows."""
    return (MINIMAL_SCHEDULE if rows else MINIMAL_SCHEDULE.replace("rows:\n", "rows: []\n")) + rows + teams


TEAMS = """\
teams:
  - id: doan_1
    name: ĐOÀN KIỂM TRA SỐ 1
    members: [pho_truong_ban]
    rows:
      - {date: 2021-11-08, session: sáng, time: "07:30", place: Xã Đăk Ang}
      - {from: 2021-11-09, to: 2021-11-10, place: Xã Đăk Dục, note: Ở lại xã}
  - id: doan_2
    name: ĐOÀN KIỂM TRA SỐ 2
    members: [nn]
    rows:
      - {date: 2021-11-08, session: chiều, place: Xã Sa Loong, members: [pho_truong_ban]}
"""


def test_teams_are_clean_and_their_rows_are_the_schedules(specs):
    text = schedule("  - {date: 2021-11-11, place: Xã Pờ Y, team: doan_2, members: [Trưởng thôn]}\n", TEAMS)
    found = check_file(specs.write("s.yaml", text))
    assert found.diagnostics == []
    spec = found.spec
    assert [r.place.value for r in spec.rows] == ["Xã Pờ Y", "Xã Đăk Ang", "Xã Đăk Dục", "Xã Sa Loong"]
    assert [t.name.value for t in spec.teams] == ["ĐOÀN KIỂM TRA SỐ 1", "ĐOÀN KIỂM TRA SỐ 2"]
    assert [r.place.value for r in spec.teams[0].rows] == ["Xã Đăk Ang", "Xã Đăk Dục"]
    first, in_team, spanning, _ = spec.rows
    assert first.team is spec.teams[1] and first.team_id.value == "doan_2"
    assert [m.entry.value for m in first.all_members] == ["nn", "Trưởng thôn"]
    assert [m.entry.value for m in first.members] == ["Trưởng thôn"]
    assert in_team.time.value == "7h30" and in_team.members == [] and in_team.team is spec.teams[0]
    assert (spanning.date.value.day, spanning.end.value.day, spanning.note.value) == (9, 10, "Ở lại xã")
    assert (spec.layout, spec.headers) == ("ngay", {})


def test_a_member_in_two_teams_at_once(specs):
    text = schedule(teams=TEAMS.replace("session: chiều, place: Xã Sa Loong", "session: sáng, place: Xã Sa Loong"))
    assert specs.messages(text, "s.yaml") == [
        "KH-L006 Phó Trưởng Ban Chỉ đạo huyện đã có lịch ở Xã Đăk Ang (sáng) ngày 08/11/2021: "
        "không thể ở Xã Sa Loong (sáng) cùng buổi; sửa ngày, buổi (`session`) hoặc thành phần"
    ]
    assert specs.check(text, "s.yaml") == ["16:73 error KH-L006"]


def test_a_row_over_several_days_books_each_day(specs):
    # The team row (10/11 of its 9–10/11) books after the row above: reported at the team's member.
    text = schedule("  - {date: 2021-11-10, place: Xã Pờ Y, members: [pho_truong_ban]}\n", TEAMS)
    assert specs.check(text, "s.yaml") == ["9:15 error KH-L006"]


def test_a_row_that_names_an_unknown_team(specs):
    text = schedule("  - {date: 2021-11-11, place: Xã Pờ Y, team: doan_3}\n", TEAMS)
    assert specs.messages(text, "s.yaml") == ["KH-L010 không có đoàn `doan_3` trong `teams`: có phải `doan_2`?"]
    assert specs.check(text, "s.yaml") == ["5:46 error KH-L010"]
    assert specs.messages(schedule("  - {date: 2021-11-11, place: Xã Pờ Y, team: doan_1}\n"), "s.yaml") == [
        "KH-L010 không có đoàn `doan_1` trong `teams`: thêm đoàn vào `teams` với `id` này"
    ]


def test_two_teams_with_one_id(specs):
    text = schedule(teams=TEAMS.replace("id: doan_2", "id: doan_1"))
    assert specs.check(text, "s.yaml") == ["12:9 error KH-S007"]


def test_a_row_inside_a_team_names_no_other(specs):
    text = schedule(teams=TEAMS.replace("place: Xã Đăk Ang}", "place: Xã Đăk Ang, team: doan_2}"))
    assert specs.codes(text, "s.yaml") == ["KH-S002"]


def test_from_after_to(specs):
    text = schedule("  - {from: 2021-11-12, to: 2021-11-11, place: Xã B, members: [nn]}\n")
    assert specs.messages(text, "s.yaml") == [
        "KH-L009 dòng lịch (Xã B) kết thúc ngày 11/11/2021, trước ngày bắt đầu 12/11/2021: kiểm tra lại `from` và `to`"
    ]
    assert specs.check(text, "s.yaml") == ["5:28 error KH-L009"]


def test_a_row_whose_last_day_is_outside_the_window(specs):
    text = schedule("  - {from: 2021-11-12, to: 2021-11-16, place: Xã B, members: [nn]}\n")
    assert specs.check(text, "s.yaml") == ["5:28 error KH-L001"]


def test_date_or_from_and_to_not_both(specs):
    assert specs.messages(schedule("  - {date: 2021-11-12, to: 2021-11-13, place: Xã C, members: [nn]}\n"), "s.yaml") == [
        "KH-S012 dòng lịch dùng `date` (một ngày) hoặc `from`/`to` (nhiều ngày), không dùng cả hai"
    ]
    assert specs.messages(schedule("  - {from: 2021-11-12, place: Xã C, members: [nn]}\n"), "s.yaml") == [
        "KH-S003 dòng lịch nhiều ngày cần cả `from` và `to`"
    ]
    assert specs.messages(schedule("  - {place: Xã C, members: [nn]}\n"), "s.yaml") == [
        "KH-S003 dòng lịch thiếu khóa `date`: thêm `date: ...`"
    ]


def test_a_row_outside_a_team_still_needs_members(specs):
    assert specs.messages(schedule("  - {date: 2021-11-12, place: Xã C}\n"), "s.yaml") == [
        "KH-S003 dòng lịch thiếu khóa `members`: thêm `members: ...`"
    ]


def test_clock_times(specs):
    def time_of(written: str) -> str:
        path = specs.write("s.yaml", schedule(f"  - {{date: 2021-11-12, time: \"{written}\", place: Xã C, members: [nn]}}\n"))
        return check_file(path).spec.rows[0].time.value

    assert [time_of(t) for t in ("7h30", "7h", "07:30", "13 giờ 30", "8h00")] == ["7h30", "7h", "7h30", "13h30", "8h00"]
    assert specs.messages(schedule("  - {date: 2021-11-12, time: 25h, place: Xã C, members: [nn]}\n"), "s.yaml") == [
        "KH-S012 `time` viết giờ như `7h30` hoặc `7h` (đang là `25h`)"
    ]


def test_layout_and_headers(specs):
    text = "layout: buoi\nheaders: {place: Địa bàn, note: Ghi chú}\n" + schedule("  - {date: 2021-11-12, place: Xã C, members: [nn]}\n")
    spec = check_file(specs.write("s.yaml", text)).spec
    assert spec.layout == "buoi" and {k: v.value for k, v in spec.headers.items()} == {"place": "Địa bàn", "note": "Ghi chú"}
    assert specs.messages("layout: buổi\n" + schedule("  - {date: 2021-11-12, place: Xã C, members: [nn]}\n"), "s.yaml") == [
        "KH-S012 `layout` không nhận `buổi`: có phải `buoi`?"
    ]
    assert specs.codes("headers: {places: Địa bàn}\n" + schedule("  - {date: 2021-11-12, place: Xã C, members: [nn]}\n"), "s.yaml") == ["KH-S002"]


def test_a_schedule_of_teams_only(specs):
    text = MINIMAL_SCHEDULE.replace("rows:\n", "") + TEAMS
    found = check_file(specs.write("s.yaml", text))
    assert found.diagnostics == [] and len(found.spec.rows) == 3


def test_a_plans_schedule_sees_its_teams(specs):
    specs.write("lich.yaml", schedule(teams=TEAMS.replace("session: chiều, place: Xã Sa Loong", "session: sáng, place: Xã Sa Loong")))
    plan = MINIMAL_PLAN.replace("2023", "2021") + "appendices:\n  - schedule: lich.yaml\n"
    assert specs.codes(plan) == ["KH-L006"]


def test_every_text_is_found_once(specs):
    from kehoach.spec.model import iter_texts

    spec = check_file(specs.write("s.yaml", schedule("  - {date: 2021-11-11, place: Xã Pờ Y, team: doan_2, note: Họp}\n", TEAMS))).spec
    texts = iter_texts(spec)
    assert len({id(t) for t in texts}) == len(texts)
    values = [t.value for t in texts]
    assert values.count("Xã Đăk Ang") == 1 and "ĐOÀN KIỂM TRA SỐ 2" in values and "Họp" in values and "7h30" in values
