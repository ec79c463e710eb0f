"""Date rules on the plan's own dates: window, timeline, dates in prose."""

from conftest import MINIMAL_PLAN

TIMELINE = """\
  - title: TIẾN ĐỘ
    timeline:
"""


def plan_with_timeline(*phases: str) -> str:
    """The minimal plan with a timeline section, and a closing so that the body still ends with `./.`."""
    timeline = TIMELINE + "".join(f"      - {p}\n" for p in phases)
    return MINIMAL_PLAN.replace("recipients:", timeline + 'closing: "Trên đây là Kế hoạch./."\nrecipients:')


def test_window_ending_before_it_starts(specs):
    assert specs.messages(MINIMAL_PLAN + "window: {from: 2023-10-20, to: 2023-10-01}\n") == [
        "KH-D001 window kết thúc ngày 01/10/2023, trước ngày bắt đầu 20/10/2023: kiểm tra lại `from` và `to`"
    ]


def test_window_in_order_is_fine(specs):
    assert specs.check(MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\n") == []


def test_window_in_another_year(specs):
    assert specs.check(MINIMAL_PLAN + "window: {from: 2022-10-01, to: 2022-10-20}\n") == ["11:16 warning KH-D005"]


def test_phase_ending_before_it_starts(specs):
    text = plan_with_timeline("{from: 2023-10-20, to: 2023-10-01, task: Rà soát.}")
    assert specs.check(text) == ["10:32 error KH-D002"]


def test_phase_before_the_plan_date_is_info(specs):
    # Seed 001: the plan is signed 25/9/2023, its first phase (drafting the plan) starts 15/8/2023.
    text = plan_with_timeline(
        "{from: 2023-08-15, to: 2023-09-30, task: Xây dựng Kế hoạch.}",
        "{from: 2023-10-01, to: 2023-10-20, task: Rà soát.}",
    )
    assert specs.messages(text) == [
        "KH-D003 giai đoạn bắt đầu ngày 15/8/2023, trước ngày ký kế hoạch 25/9/2023: "
        "đúng nếu đó là việc soạn chính kế hoạch này, nếu không hãy sửa ngày"
    ]


def test_a_draft_has_no_signing_date_to_compare_phases_with(specs):
    text = plan_with_timeline("{from: 2023-08-15, to: 2023-09-30, task: Xây dựng Kế hoạch.}")
    assert specs.check(text.replace("date: 2023-09-25", "year: 2023")) == []


def test_phases_out_of_order(specs):
    text = plan_with_timeline(
        "{from: 2023-10-21, to: 2023-10-25, task: Tổng hợp.}",
        "{from: 2023-10-01, to: 2023-10-20, task: Rà soát.}",
    )
    assert specs.check(text) == ["11:16 warning KH-D004"]


def test_phases_may_lie_outside_the_window(specs):
    text = plan_with_timeline(
        "{from: 2023-09-26, to: 2023-09-30, task: Chuẩn bị.}",
        "{from: 2023-12-01, to: 2023-12-30, task: Báo cáo.}",
    )
    assert specs.check(text + "window: {from: 2023-10-01, to: 2023-10-20}\n") == []


def test_phase_on_one_day(specs):
    assert specs.check(plan_with_timeline("{on: 2023-10-02, task: Họp triển khai.}")) == []


class TestProse:
    def closing(self, sentence: str) -> str:
        return MINIMAL_PLAN + f'closing: "{sentence} ./."\n'

    def test_impossible_date(self, specs):
        assert specs.messages(self.closing("Báo cáo trước ngày 31/11/2023.")) == [
            "KH-D006 ngày 31/11/2023 không có thật: tháng 11 năm 2023 chỉ có 30 ngày"
        ]

    def test_impossible_date_points_at_the_date_itself(self, specs):
        # `closing: "` is 10 columns, `Báo cáo trước ngày ` 19 more.
        assert specs.check(self.closing("Báo cáo trước ngày 31/11/2023.")) == ["11:30 error KH-D006"]

    def test_impossible_long_form_date(self, specs):
        assert specs.codes(self.closing("Họp ngày 30 tháng 02 năm 2024.")) == ["KH-D006"]

    def test_reversed_range(self, specs):
        assert specs.messages(self.closing("Rà soát từ ngày 05/10/2023 đến ngày 02/10/2023.")) == [
            "KH-D007 khoảng ngày bị ngược: bắt đầu 05/10/2023 sau ngày kết thúc 02/10/2023: "
            "có phải từ ngày 02/10 đến ngày 05/10/2023?"
        ]

    def test_range_without_the_second_ngay(self, specs):
        # Seed 001: "Từ ngày 04/11/2023 đến 10/11/2023".
        assert specs.check(self.closing("Từ ngày 04/11/2023 đến 10/11/2023: Phúc tra.")) == []
        assert specs.codes(self.closing("Từ ngày 14/11/2023 đến 10/11/2023: Phúc tra.")) == ["KH-D007"]

    def test_date_without_a_year_takes_the_ranges_year(self, specs):
        assert specs.check(self.closing("Thời gian: từ ngày 08/11 đến ngày 15/11/2023.")) == []
        assert specs.codes(self.closing("Thời gian: từ ngày 16/11 đến ngày 15/11/2023.")) == ["KH-D007"]

    def test_date_without_a_year_takes_the_plans_year(self, specs):
        assert specs.codes(self.closing("Họp ngày 29/02.")) == ["KH-D006"]  # 2023 is not a leap year

    def test_deadline_already_passed(self, specs):
        assert specs.messages(self.closing("Gửi báo cáo chậm nhất ngày 20/9/2023.")) == [
            "KH-D008 hạn ngày 20/9/2023 đã qua khi kế hoạch ký ngày 25/9/2023: sửa hạn cho sau ngày ký"
        ]

    def test_deadline_in_bold_markup(self, specs):
        # Seed 003: "**trước** ngày 18/3/2024".
        assert specs.codes(self.closing("Gửi về Phòng **trước** ngày 18/9/2023.")) == ["KH-D008"]

    def test_deadline_after_signing_is_fine(self, specs):
        assert specs.check(self.closing("Báo cáo gửi về Sở **trước ngày 26/11/2023.**")) == []

    def test_a_draft_skips_deadlines(self, specs):
        text = self.closing("Gửi báo cáo chậm nhất ngày 20/9/2023.").replace("date: 2023-09-25", "year: 2023")
        assert specs.check(text) == []

    def test_a_cited_document_date_is_not_a_deadline(self, specs):
        text = MINIMAL_PLAN + "bases: [Thực hiện Kế hoạch số 237/KH-UBND ngày 06/7/2023 của UBND huyện Hữu Lũng.]\n"
        assert specs.check(text) == []

    def test_counts_are_not_dates(self, specs):
        assert specs.check(self.closing("Tại 08/08 xã, thị trấn; mỗi thôn từ 05-10 hộ.")) == []

    def test_other_years_in_prose_are_never_flagged(self, specs):
        assert specs.check(self.closing("Làm cơ sở cho năm 2024 và những năm tiếp theo.")) == []


def test_lunar_year_name_beside_another_year(specs):
    # `Tết Nguyên đán Giáp Thìn năm {{ year }}` rolled from 2024 to 2025.
    text = MINIMAL_PLAN + 'intro: ["Bảo đảm cho nhân dân vui Tết Nguyên đán Giáp Thìn năm 2025."]\n'
    assert specs.messages(text) == [
        "KH-D009 năm 2025 là năm Ất Tỵ (Tết Nguyên đán năm 2025), không phải Giáp Thìn: "
        "sửa thành `Ất Tỵ` (lỗi hay gặp khi chép văn bản năm trước)"
    ]
    assert specs.check(text) == ["11:50 warning KH-D009"]
    assert specs.check(text.replace("Giáp Thìn", "Ất Tỵ")) == []


def test_lunar_year_name_after_its_year_and_in_the_subject(specs):
    text = MINIMAL_PLAN.replace(
        "subject: Rà soát hộ nghèo, hộ cận nghèo năm 2023",
        "subject: Tổ chức Tết cho hộ nghèo năm 2027 (Bính Ngọ)")
    assert specs.codes(text) == ["KH-D009"]
    assert specs.codes(text.replace("Bính Ngọ", "Đinh Mùi")) == []


def test_lunar_year_name_left_behind_by_a_roll_forward(specs):
    # Issue 13: `Tết Nguyên đán Giáp Thìn năm {{ year }}` rolled from 2024 to 2027.
    draft = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2027").replace("năm 2023", "năm {{ year }}")
    text = draft + 'intro: ["Chăm lo Tết Nguyên đán Giáp Thìn năm {{ year }} cho hộ nghèo."]\n'
    assert [m for m in specs.messages(text) if m.startswith("KH-D")] == [
        "KH-D009 năm 2027 là năm Đinh Mùi (Tết Nguyên đán năm 2027), không phải Giáp Thìn: "
        "sửa thành `Đinh Mùi` (lỗi hay gặp khi chép văn bản năm trước)"
    ]
