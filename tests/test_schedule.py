"""Schedule rules: the days chosen and who goes where."""

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE


def schedule(*rows: str) -> str:
    return MINIMAL_SCHEDULE + "".join(f"  - {r}\n" for r in rows)


def test_row_outside_the_window(specs):
    text = schedule(
        "{date: 2021-11-15, place: Xã Đăk Dục, members: [pho_truong_ban]}",
        "{date: 2021-11-16, place: Xã Sa Loong, members: [pho_truong_ban]}",
    )
    assert specs.messages(text, "s.yaml") == [
        "KH-L001 ngày 16/11/2021 (Xã Sa Loong) nằm ngoài thời gian thực hiện từ ngày 08/11 đến ngày 15/11/2021: "
        "sửa ngày, hoặc sửa `window` (và câu nêu thời gian trong văn bản) nếu đoàn thật sự đi thêm ngày"
    ]
    assert specs.check(text, "s.yaml") == ["6:12 error KH-L001"]


def test_included_schedule_uses_the_plans_window(specs):
    specs.write(
        "lich.yaml",
        "members: {nn: Đại diện Phòng Nông nghiệp}\nrows:\n"
        "  - {date: 2023-10-02, place: Khu 1, members: [nn]}\n"
        "  - {date: 2023-10-30, place: Khu 2, members: [nn]}\n",
    )
    plan = MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\nappendices:\n  - schedule: lich.yaml\n"
    path = specs.write("plan.yaml", plan)
    from kehoach.check import check_file

    found = check_file(path).diagnostics
    assert [(d.pos.file.endswith("lich.yaml"), d.pos.line, d.code) for d in found] == [(True, 4, "KH-L001")]


def test_schedule_window_takes_precedence_over_the_plans(specs):
    specs.write("lich.yaml", MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã A, members: [nn]}\n")
    plan = MINIMAL_PLAN.replace("2023", "2021") + "window: {from: 2021-12-01, to: 2021-12-10}\nappendices:\n  - schedule: lich.yaml\n"
    # Its days are checked against its own window (no KH-L001); the two windows disagreeing is
    # reported once, at the schedule's (lich.yaml, line 2).
    assert specs.check(plan) == ["2:9 error KH-L011"]


def test_row_on_a_public_holiday(specs):
    text = MINIMAL_SCHEDULE.replace("2021-11-08, to: 2021-11-15", "2026-04-20, to: 2026-04-30") + (
        "  - {date: 2026-04-27, place: Xã A, members: [nn]}\n"
    )
    assert specs.messages(text, "s.yaml") == [
        "KH-L002 Thứ Hai, 27/4/2026 là ngày nghỉ: Ngày Giỗ Tổ Hùng Vương (nghỉ bù); chọn một ngày làm việc khác"
    ]


def test_row_on_a_sunday(specs):
    text = schedule("{date: 2021-11-14, place: Xã A, members: [nn]}")
    assert specs.messages(text, "s.yaml") == [
        "KH-L003 14/11/2021 là Chủ Nhật, ngày nghỉ cuối tuần: chọn ngày làm việc, "
        "hoặc thêm `KH-L003` vào `ignore` nếu đoàn làm việc cả cuối tuần"
    ]


def test_a_swapped_working_saturday_is_fine(specs):
    text = MINIMAL_SCHEDULE.replace("2021-11-08, to: 2021-11-15", "2026-08-17, to: 2026-08-28") + (
        "  - {date: 2026-08-22, place: Xã A, members: [nn]}\n"
    )
    assert specs.check(text, "s.yaml") == []


def test_a_year_whose_notice_is_not_published_gets_an_info_note(specs):
    text = MINIMAL_SCHEDULE.replace("2021-11-08, to: 2021-11-15", "2027-11-08, to: 2027-11-19") + (
        "  - {date: 2027-11-08, place: Xã A, members: [nn]}\n"
        "  - {date: 2027-11-09, place: Xã B, members: [nn]}\n"
    )
    assert specs.check(text, "s.yaml") == ["5:12 info KH-L004"]


def test_row_in_another_year_than_the_plan(specs):
    specs.write("lich.yaml", "rows:\n  - {date: 2022-10-03, place: Khu 1, members: [Trưởng khu]}\n")
    plan = MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\nappendices:\n  - schedule: lich.yaml\n"
    path = specs.write("plan.yaml", plan)
    from kehoach.check import check_file

    assert sorted(d.code for d in check_file(path).diagnostics) == ["KH-L001", "KH-L005"]


def test_member_in_two_places_on_the_same_day(specs):
    text = schedule(
        "{date: 2021-11-08, place: Xã A, members: [pho_truong_ban, nn]}",
        "{date: 2021-11-08, place: Xã B, members: [pho_truong_ban]}",
    )
    assert specs.messages(text, "s.yaml") == [
        "KH-L006 Phó Trưởng Ban Chỉ đạo huyện đã có lịch ở Xã A (cả ngày) ngày 08/11/2021: "
        "không thể ở Xã B (cả ngày) cùng buổi; sửa ngày, buổi (`session`) hoặc thành phần"
    ]


def test_morning_and_afternoon_do_not_overlap(specs):
    text = schedule(
        "{date: 2021-11-08, session: sáng, place: Xã A, members: [pho_truong_ban]}",
        "{date: 2021-11-08, session: chiều, place: Xã B, members: [pho_truong_ban]}",
    )
    assert specs.check(text, "s.yaml") == []


def test_whole_day_overlaps_a_session(specs):
    text = schedule(
        "{date: 2021-11-08, session: sáng, place: Xã A, members: [pho_truong_ban]}",
        "{date: 2021-11-08, session: cả ngày, place: Xã B, members: [pho_truong_ban]}",
    )
    assert specs.codes(text, "s.yaml") == ["KH-L006"]


def test_the_same_literal_text_counts_as_one_member(specs):
    text = schedule(
        "{date: 2021-11-08, place: Xã A, members: [Đại diện Hội Nông dân]}",
        "{date: 2021-11-08, place: Xã B, members: [Đại diện Hội Nông dân]}",
    )
    assert specs.check(text, "s.yaml") == ["6:47 error KH-L006"]


def test_undefined_member_id(specs):
    text = schedule("{date: 2021-11-08, place: Xã A, members: [pho_truong_bn]}")
    assert specs.messages(text, "s.yaml") == [
        "KH-L007 thành phần `pho_truong_bn` chưa được khai báo trong `members`: có phải `pho_truong_ban`?"
    ]


def test_schedule_alone_without_window_gets_a_note(specs):
    text = "rows:\n  - {date: 2021-11-08, place: Xã A, members: [Trưởng đoàn]}\n"
    assert specs.check(text, "s.yaml") == ["1:1 info KH-L008"]


def test_seed_000_two_inspection_days_after_the_window(specs):
    """The headline check: the plan said 08/11 to 15/11/2021, the schedule went on to 17/11."""
    from pathlib import Path

    corrected = Path(__file__).parent.parent / "schedules" / "2021-ngoc-hoi-lich-kiem-tra.yaml"
    faithful = corrected.read_text(encoding="utf-8").replace("to: 2021-11-17", "to: 2021-11-15")
    assert [line.split()[-1] + " " + line.split()[0] for line in specs.check(faithful, "s.yaml")] == [
        "KH-L001 27:12",
        "KH-L001 28:12",
    ]
