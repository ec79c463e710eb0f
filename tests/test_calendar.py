"""`kehoach lich`: the schedule as a month grid in the terminal, as SVG and as PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN
from kehoach.calendar import model, show, svg, text
from kehoach.check import check_file
from kehoach.cli import main

# Hội An, spring 2025: Giỗ Tổ on Monday 7/4, 30/4 and 1/5, 2/5 off in exchange for Saturday 26/4.
LICH = """\
title: LỊCH KIỂM TRA
window: {from: 2025-04-24, to: 2025-05-06}
members: {a: Ông Nguyễn Văn A, b: Bà Trần Thị B}
rows:
  - {date: 2025-04-24, session: sáng, place: Xã Tam Thanh, members: [a, b]}
  - {date: 2025-04-24, session: chiều, place: Xã Tam Hòa, members: [a]}
  - {date: 2025-04-25, session: sáng, place: Xã Tam Anh, members: [a]}
  - {date: 2025-04-25, place: Xã Tam Xuân, members: [a, b]}
  - {date: 2025-04-30, place: Xã Tam Tiến, members: [b]}
  - {date: 2025-05-07, place: Xã Tam Hiệp, members: [b]}
"""


@pytest.fixture
def view(specs):
    return model.build(check_file(specs.write("lich.yaml", LICH)).spec)


def test_the_grid_marks_window_visits_conflicts_holidays_and_weekends(view):
    april, may = view.months
    assert text.month_grid(april) == [
        "                 Tháng 4 năm 2025",
        " T2     T3     T4     T5     T6     T7     CN",
        "         1      2      3      4      5 ~    6 ~",
        "  7 L    8      9     10     11     12 ~   13 ~",
        " 14     15     16     17     18     19 ~   20 ~",
        " 21     22     23    [24● ] [25! ] [26 +] [27 ~]",
        "[28  ] [29  ] [30●L]",
    ]
    assert text.month_grid(may)[2:4] == [
        "                     [ 1 L] [ 2 L] [ 3 ~] [ 4 ~]",
        "[ 5  ] [ 6  ]   7×     8      9     10 ~   11 ~",
    ]


def test_the_text_lists_visits_holidays_by_name_conflicts_and_a_legend(view):
    out = text.render(view)
    assert "Thời gian thực hiện: từ ngày 24/4 đến ngày 06/5/2025" in out
    assert "   Thứ Năm,  24/4/2025  sáng     Xã Tam Thanh — Ông Nguyễn Văn A; Bà Trần Thị B" in out
    assert "!  Thứ Sáu,  25/4/2025  cả ngày  Xã Tam Xuân — Ông Nguyễn Văn A; Bà Trần Thị B" in out
    assert " × Thứ Tư,   07/5/2025  cả ngày  Xã Tam Hiệp — Bà Trần Thị B" in out
    assert "L Thứ Hai,  07/4/2025  Ngày Giỗ Tổ Hùng Vương" in out
    assert "L Thứ Sáu,  02/5/2025  Ngày nghỉ (thay cho ngày 26/04/2025)" in out
    assert "! 25/4/2025: Ông Nguyễn Văn A ở Xã Tam Anh (sáng) và Xã Tam Xuân (cả ngày)" in out
    assert "Chú thích:" in out and "+ thứ Bảy làm việc bù" in out
    assert "\x1b[" not in out


def test_morning_and_afternoon_in_two_places_is_no_conflict(view):
    assert [c.date.day for c in view.conflicts] == [25]
    assert not view.months[0].weeks[3][3].conflict  # 24/4: sáng and chiều


def test_a_plan_shows_its_included_schedule_with_the_plans_window(specs):
    specs.write("lich.yaml", "members: {nn: Đại diện Phòng Nông nghiệp}\nrows:\n"
                             "  - {date: 2023-10-02, place: Khu 1, members: [nn]}\n")
    plan = specs.write("plan.yaml", MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\n"
                                                   "appendices:\n  - schedule: lich.yaml\n")
    view = model.build(check_file(plan).spec)
    assert view.title == "Rà soát hộ nghèo, hộ cận nghèo năm 2023"
    assert view.windows == [(view.days[0].date, view.days[19].date)]
    assert [(d.date.day, [v.place for v in d.visits]) for d in view.days if d.visits] == [(2, ["Khu 1"])]


def test_colour_only_in_a_terminal_and_never_with_no_color(specs):
    path = specs.write("lich.yaml", LICH)
    assert "\x1b[" in show(path, colour=True).text
    runner = CliRunner()
    result = runner.invoke(main, ["lich", path], env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.output
    assert result.exit_code == 1  # the conflict and the day outside the window are errors


def test_svg_is_well_formed_and_draws_the_same_marks(view):
    picture = svg.render(view)
    root = ET.fromstring(picture)
    words = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    said = " ".join(words)  # a label wraps onto the lines of its cell
    assert "Tháng 4 năm 2025" in words and "Tháng 5 năm 2025" in words
    assert "Ngày Giỗ Tổ Hùng Vương" in said
    assert "Sáng: Xã Tam Anh" in said and "Cả ngày: Xã Tam Xuân" in said
    assert "Làm việc bù" in words
    assert words.count("!") == 1 and words.count("×") == 1


def test_svg_labels_are_drawn_at_a_readable_size_and_wrap_in_their_cell(view):
    root = ET.fromstring(svg.render(view))
    sizes = [int(t.get("font-size")) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert min(sizes) >= 12 and int(root.get("width")) <= 700  # ≥ 11 px in the page's 660 px pane
    assert svg._wrapped("Cả ngày: Thị trấn Núi Thành Mới Ở Quảng Nam", 2) == ["Cả ngày: Thị", "trấn Núi Th…"]


def test_png_and_svg_files_are_written_and_never_over_an_existing_file(specs, tmp_path):
    path = specs.write("lich.yaml", LICH)
    png, svg_file = tmp_path / "lich.png", tmp_path / "lich.svg"
    runner = CliRunner()
    result = runner.invoke(main, ["lich", path, "--png", str(png), "--svg", str(svg_file)])
    assert f"Đã ghi {png}" in result.output and f"Đã ghi {svg_file}" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg_file.read_text(encoding="utf-8").startswith("<svg")
    again = runner.invoke(main, ["lich", path, "--png", str(png)])
    assert again.exit_code == 2 and "đã có: thêm --force" in again.output
    assert runner.invoke(main, ["lich", path, "--png", str(png), "--force"]).exit_code == 1
    onto_input = runner.invoke(main, ["lich", path, "--svg", path])
    assert "ghi đè lên tệp đầu vào" in onto_input.output and "rows:" in open(path, encoding="utf-8").read()


def test_a_picture_never_replaces_a_schedule_the_plan_includes_even_with_force(specs):
    schedule = specs.write("lich.yaml", "members: {nn: Đại diện Phòng Nông nghiệp}\nrows:\n"
                                        "  - {date: 2023-10-02, place: Khu 1, members: [nn]}\n")
    plan = specs.write("plan.yaml", MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\n"
                                                   "appendices:\n  - schedule: lich.yaml\n")
    before = open(schedule, encoding="utf-8").read()
    for option in ("--svg", "--png"):
        result = CliRunner().invoke(main, ["lich", plan, option, schedule, "--force"])
        assert result.exit_code == 2 and "ghi đè lên tệp đầu vào" in result.output
        assert open(schedule, encoding="utf-8").read() == before


def test_an_svg_and_a_png_on_one_path_write_neither(specs, tmp_path):
    path = specs.write("lich.yaml", LICH)
    same = tmp_path / "lich.out"
    result = CliRunner().invoke(main, ["lich", path, "--svg", str(same), "--png", str(same)])
    assert result.exit_code == 2 and "cùng được ghi vào" in result.output and not same.exists()


def test_an_unreadable_file_is_reported_not_drawn(specs):
    path = specs.write("bad.yaml", "rows: [\n")
    result = CliRunner().invoke(main, ["lich", path])
    assert result.exit_code == 2 and "KH-F" in result.output


def test_the_shipped_plan_shows_its_eight_communes():
    view = model.build(check_file("plans/2021-ngoc-hoi-kiem-tra.yaml").spec)
    assert view.visit_count == 8 and not view.conflicts
    assert [d.date.day for d in view.days if d.in_window] == list(range(8, 18))


def test_a_span_covers_each_of_its_days_and_a_team_books_its_members():
    import datetime as dt

    from kehoach.diagnostics import Pos
    from kehoach.spec.model import DateValue, MemberRef, Row, Schedule, Team, Text

    pos = Pos("lich.yaml")
    team = Team(pos, name=Text("ĐOÀN SỐ 1", pos), members=[MemberRef(Text("Ông A", pos), False)])
    day = lambda d: DateValue(dt.date(2021, 11, d), pos)  # noqa: E731
    schedule = Schedule("lich.yaml", pos, rows=[
        Row(day(8), Text("Xã Đăk Ang", pos), [], pos, end=day(10), team=team),
        Row(day(9), Text("Xã Pờ Y", pos), [MemberRef(Text("Ông A", pos), False)], pos, session="sáng", time=Text("8h", pos)),
    ])
    view = model.build(schedule)
    assert [(d.date.day, [v.place for v in d.visits]) for d in view.days if d.visits] == [
        (8, ["Xã Đăk Ang"]), (9, ["Xã Đăk Ang", "Xã Pờ Y"]), (10, ["Xã Đăk Ang"])]
    assert [(c.member, c.date.day) for c in view.conflicts] == [("Ông A", 9)]
    assert "Thứ Ba,   09/11/2021  sáng 8h  Xã Pờ Y — Ông A" in text.render(view)
    assert "(ĐOÀN SỐ 1)" in text.render(view)
