"""A weekday written beside a date must be that date's (KH-D011), and a schedule's own window must lie
inside its plan's (KH-L011): both are what retyping last year's dates gets wrong."""

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE

# After the 2025 reorganisation: the thị trấn is a xã, the district's office is gone.
PLAN_2026 = (
    MINIMAL_PLAN.replace("2023-09-25", "2026-10-01").replace("năm 2023", "năm 2026")
    .replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG").replace("Thị trấn Hữu Lũng", "Hữu Lũng")
    .replace("Phòng LĐ, TB, XH-DT (b/c)", "UBND tỉnh Lạng Sơn (b/c)")
)


def test_a_weekday_that_is_not_the_dates(specs):
    text = PLAN_2026 + 'intro: "Đoàn làm việc vào Thứ Sáu, ngày 14/11/2026 tại xã."\n'
    assert specs.messages(text) == [
        "KH-D011 `Thứ Sáu, ngày 14/11/2026`: ngày 14/11/2026 là Thứ Bảy, không phải Thứ Sáu: sửa thứ hoặc ngày "
        "(lỗi hay gặp khi chép lịch năm trước)"
    ]
    assert specs.check(text) == ["11:27 warning KH-D011"]


def test_weekdays_written_as_numbers_and_dates_without_year():
    from kehoach import prose_dates

    (claim,) = prose_dates.weekdays("họp thứ 6 (ngày 14/11)")
    assert (claim.said, claim.weekday, claim.date.day, claim.date.month, claim.date.year) == ("thứ 6", 4, 14, 11, None)


def test_the_right_weekday_and_ordinals_are_fine(specs):
    assert specs.codes(PLAN_2026 + 'intro: "Thứ Bảy, 14/11/2026; lần thứ năm, 20 hộ; Chủ nhật 15/11/2026."\n') == []


SCHEDULE = MINIMAL_SCHEDULE.replace("window: {from: 2021-11-08, to: 2021-11-15}", "window: {from: 2021-11-08, to: 2021-11-17}") + (
    "  - {date: 2021-11-17, place: Xã Sa Loong, members: [pho_truong_ban]}\n"
)


def plan_with_window(end: str) -> str:
    return MINIMAL_PLAN.replace("2023", "2021") + (
        f"window: {{from: 2021-11-08, to: {end}}}\nappendices:\n  - schedule: lich.yaml\n"
    )


def test_a_schedule_whose_window_runs_past_the_plans(specs):
    specs.write("lich.yaml", SCHEDULE)
    assert specs.messages(plan_with_window("2021-11-12")) == [
        "KH-L011 lịch ghi thời gian từ ngày 08/11 đến ngày 17/11/2021, ngoài thời gian thực hiện của kế hoạch "
        "từ ngày 08/11 đến ngày 12/11/2021: sửa `window` của lịch hoặc của kế hoạch cho khớp (và câu nêu thời gian trong văn bản)"
    ]


def test_a_schedule_inside_the_plans_window(specs):
    specs.write("lich.yaml", SCHEDULE)
    assert specs.codes(plan_with_window("2021-11-30")) == []
