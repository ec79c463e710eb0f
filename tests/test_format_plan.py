"""Plans: organ names as lines, joint plans, multi-year periods, `year` beside `date`."""

from conftest import MINIMAL_PLAN

from kehoach.check import check_file


def load(specs, text: str):
    found = check_file(specs.write("plan.yaml", text))
    assert [d.code for d in found.diagnostics] == []
    return found.spec


def test_an_organ_name_written_as_lines(specs):
    text = MINIMAL_PLAN.replace(
        "organ: {name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}",
        "organ: {parent: [UBND HUYỆN, HỮU LŨNG], name: [ỦY BAN NHÂN DÂN, THỊ TRẤN HỮU LŨNG], code: UBND}",
    )
    organ = load(specs, text).organ
    assert organ.name_lines == ["ỦY BAN NHÂN DÂN", "THỊ TRẤN HỮU LŨNG"]
    assert organ.parent_lines == ["UBND HUYỆN", "HỮU LŨNG"]
    assert organ.name.value == "ỦY BAN NHÂN DÂN\nTHỊ TRẤN HỮU LŨNG"


def test_an_organ_name_in_one_string_has_no_lines_of_its_own(specs):
    organ = load(specs, MINIMAL_PLAN).organ
    assert organ.name_lines == [] and organ.name.value == "ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG"


def test_an_organ_name_with_no_lines(specs):
    text = MINIMAL_PLAN.replace("name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG", "name: []")
    assert specs.messages(text) == ["KH-S004 `organ.name` là danh sách rỗng: viết tên, hoặc các dòng của tên"]


JOINT = MINIMAL_PLAN.replace(
    "organ: {name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}",
    "organ:\n"
    "  - {parent: UBND TỈNH LẠNG SƠN, name: SỞ NỘI VỤ, code: SNV}\n"
    "  - {name: \"ỦY BAN MTTQ VIỆT NAM, TỈNH LẠNG SƠN\", code: MTTQ}",
).replace(
    "signer: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Quang Nhuệ}",
    "signer:\n"
    "  - {lines: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC], name: Nguyễn Văn A}\n"
    "  - {lines: [TM. BAN THƯỜNG TRỰC, PHÓ CHỦ TỊCH], name: Trần Thị B}",
)


def test_a_joint_plan_lists_its_organs_and_signers(specs):
    plan = load(specs, JOINT)
    assert [o.code.value for o in plan.organs] == ["SNV", "MTTQ"]
    assert plan.organ.code.value == "SNV" and [o.code.value for o in plan.joint_organs] == ["MTTQ"]
    assert [s.name.value for s in plan.signers] == ["Nguyễn Văn A", "Trần Thị B"]
    assert plan.signer.name.value == "Nguyễn Văn A"


def test_a_signer_for_every_organ_at_most(specs):
    text = MINIMAL_PLAN.replace(
        "signer: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Quang Nhuệ}",
        "signer: [{lines: [CHỦ TỊCH], name: Nguyễn Văn A}, {lines: [PHÓ CHỦ TỊCH], name: Trần Thị B}]",
    )
    assert specs.messages(text) == [
        "KH-S012 2 người ký nhưng chỉ 1 cơ quan ban hành: mỗi khối chữ ký là của một cơ quan trong `organ` "
        "(kế hoạch liên tịch: liệt kê đủ các cơ quan)"
    ]


def test_a_joint_plan_with_an_incomplete_organ(specs):
    text = JOINT.replace("code: MTTQ}", "}")
    assert specs.messages(text) == ["KH-S003 `organ` thiếu khóa `code`: thêm `code: ...`"]
    assert specs.codes(JOINT.replace("organ:\n  - {parent", "organ: []\nx:\n  - {parent")) == ["KH-S004", "KH-S002"]


PERIOD = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2021-03-01\nperiod: {from: 2021, to: 2025}")


def test_a_period_prints_and_its_years_are_the_plans(specs):
    text = PERIOD.replace("năm 2023", "giai đoạn {{ period }}") + "window: {from: 2021-03-01, to: 2025-12-31}\n"
    plan = load(specs, text)
    assert plan.subject.value == "Rà soát hộ nghèo, hộ cận nghèo giai đoạn 2021–2025"
    assert (plan.period.start, plan.period.end, plan.year) == (2021, 2025, 2021)
    assert plan.covers_year(2024) and not plan.covers_year(2026)
    # Without the period, the window's end is in another year than the plan's.
    assert specs.codes(text.replace("period: {from: 2021, to: 2025}\n", "").replace("{{ period }}", "2021")) == ["KH-D005"]


def test_a_period_that_ends_before_it_starts(specs):
    text = PERIOD.replace("to: 2025", "to: 2020")
    assert specs.messages(text) == [
        "KH-D010 giai đoạn kết thúc năm 2020, trước năm bắt đầu 2021: kiểm tra lại `from` và `to` của `period`"
    ]
    assert specs.check(text) == ["4:26 error KH-D010"]


def test_schedule_rows_in_any_year_of_the_period(specs):
    specs.write("lich.yaml", "members: {nn: Đại diện Phòng Nông nghiệp}\nrows:\n  - {date: 2024-10-02, place: Khu 1, members: [nn]}\n")
    text = PERIOD + "appendices:\n  - schedule: lich.yaml\n"
    assert specs.codes(text) == ["KH-L008"]
    assert specs.codes(text.replace("to: 2025", "to: 2023")) == ["KH-L008", "KH-L005"]


def test_a_recurring_deadline_is_never_passed(specs):
    deadline = MINIMAL_PLAN.replace("Rà soát đúng quy trình./.", "Báo cáo trước ngày 15/6 hằng năm./.")
    assert specs.codes(deadline) == []
    assert specs.codes(deadline.replace(" hằng năm", "")) == ["KH-D008"]


def test_in_a_multi_year_plan_a_deadline_without_its_year_is_not_read_as_passed(specs):
    text = PERIOD.replace("date: 2021-03-01", "date: 2021-08-01").replace(
        "Rà soát đúng quy trình./.", "Báo cáo trước ngày 15/6./.")
    assert specs.codes(text) == []
    assert specs.codes(text.replace("period: {from: 2021, to: 2025}\n", "")) == ["KH-D008"]


def test_year_beside_date_must_agree(specs):
    text = MINIMAL_PLAN + "year: 2022\n"
    assert specs.messages(text) == [
        "KH-S012 `year` là 2022 nhưng kế hoạch ký ngày 25/9/2023: sửa `year: 2023` (hoặc bỏ `year`, năm lấy theo `date`), hoặc sửa `date`"
    ]
    assert specs.check(text) == ["11:7 error KH-S012"]
    assert specs.codes(MINIMAL_PLAN + "year: 2023\n") == []
    # A plan for next year, signed in the last quarter of this one.
    assert specs.codes(MINIMAL_PLAN.replace("2023-09-25", "2023-12-20") + "year: 2024\n") == ["KH-S019"]
