"""KH-N…: Nghị định 30/2020 layout rules on an existing Word document, each on a minimal layout that
passes and one that fails, and end to end on Word documents."""

import pytest

from import_docs import clerk_plan
from kehoach.checks.layout import LayoutParagraph, WordLayout
from kehoach.importer.check import check_word
from kehoach.rules import RULES

GOOD_MARGINS = (20, 20, 30, 15)


def para(text, n=5, sizes=(13,), bold=False, italic=False, fonts=("Times New Roman",)):
    return LayoutParagraph(n, text, set(sizes), set(fonts), bold, italic, not bold, not italic)


def run(code, parts=None, paragraphs=(), margins=GOOD_MARGINS, page=True, title_page=True):
    layout = WordLayout("kh.docx", list(paragraphs), parts or {}, margins, page, title_page)
    return [d.message for d in RULES[code].run(layout)]


def test_times_new_roman_everywhere():
    assert run("KH-N001", paragraphs=[para("Nội dung")]) == []
    assert run("KH-N001", paragraphs=[para("Nội dung", fonts=("Arial",))]) == [
        "phông Arial ở 1 đoạn (đoạn đầu tiên ở đây): dùng phông Times New Roman cho toàn văn bản"
    ]


def test_quoc_hieu_is_bold_12_to_13():
    good = para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sizes=(13,), bold=True)
    assert run("KH-N002", {"quoc_hieu": [good]}) == []
    bad = para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sizes=(14,), bold=False)
    assert run("KH-N002", {"quoc_hieu": [bad]}) == [
        "Quốc hiệu: cỡ chữ 14 (cần 12–13); chưa in đậm (Nghị định 30/2020, Phụ lục I)"
    ]


def test_tieu_ngu_is_bold_13_to_14():
    assert run("KH-N003", {"tieu_ngu": [para("Độc lập - Tự do - Hạnh phúc", sizes=(14,), bold=True)]}) == []
    assert run("KH-N003", {"tieu_ngu": [para("Độc lập - Tự do - Hạnh phúc", sizes=(12,), bold=True, italic=True)]}) == [
        "Tiêu ngữ: cỡ chữ 12 (cần 13–14); không được in nghiêng (Nghị định 30/2020, Phụ lục I)"
    ]


def test_organ_bold_and_parent_not():
    assert run("KH-N004", {"organ": [para("BAN CHỈ ĐẠO", bold=True)], "parent": [para("UBND XÃ A")]}) == []
    assert run("KH-N004", {"organ": [para("Ban Chỉ đạo")], "parent": [para("UBND XÃ A", bold=True)]}) == [
        "Tên cơ quan ban hành: chưa in đậm; chưa viết in hoa (Nghị định 30/2020, Phụ lục I)",
        "Tên cơ quan chủ quản: không được in đậm (Nghị định 30/2020, Phụ lục I)",
    ]


def test_so_is_13_upright():
    assert run("KH-N005", {"so": [para("Số: 12/KH-BCĐ")]}) == []
    assert run("KH-N005", {"so": [para("Số: 12/KH-BCĐ", sizes=(14,), bold=True)]}) == [
        "Dòng «Số:»: cỡ chữ 14 (cần 13); không được in đậm (Nghị định 30/2020, Phụ lục I)"
    ]


def test_place_and_date_italic():
    assert run("KH-N006", {"place_date": [para("A, ngày 05 tháng 3 năm 2024", sizes=(14,), italic=True)]}) == []
    assert run("KH-N006", {"place_date": [para("A, ngày 05 tháng 3 năm 2024")]}) == [
        "Địa danh, ngày tháng: chưa in nghiêng (Nghị định 30/2020, Phụ lục I)"
    ]


def test_title_and_subject_bold():
    parts = {"title": [para("KẾ HOẠCH", sizes=(14,), bold=True)], "subject": [para("Kiểm tra", sizes=(14,), bold=True)]}
    assert run("KH-N007", parts) == []
    assert run("KH-N007", {"title": [para("Kế hoạch", sizes=(14,), bold=True)], "subject": [para("Kiểm tra", sizes=(14,))]}) == [
        "Tên loại «KẾ HOẠCH»: chưa viết in hoa (Nghị định 30/2020, Phụ lục I)",
        "Trích yếu: chưa in đậm (Nghị định 30/2020, Phụ lục I)",
    ]


def test_noi_nhan_12_bold_italic_and_recipients_11():
    parts = {"noi_nhan": [para("Nơi nhận:", sizes=(12,), bold=True, italic=True)], "recipients": [para("- A;", sizes=(11,))]}
    assert run("KH-N008", parts) == []
    parts = {"noi_nhan": [para("Nơi nhận:", sizes=(12,), bold=True)], "recipients": [para("- A;", sizes=(13,)), para("- B.", sizes=(13,))]}
    assert run("KH-N008", parts) == [
        "«Nơi nhận:»: chưa in nghiêng (Nghị định 30/2020, Phụ lục I)",
        "Các dòng nơi nhận: cỡ chữ 13 (cần 11) (Nghị định 30/2020, Phụ lục I)",
    ]


def test_margins():
    assert run("KH-N009") == []
    assert run("KH-N009", margins=(25.4, 25.4, 25.4, 25.4)) == [
        "lề trái 25.4 mm (cần 30–35); lề phải 25.4 mm (cần 15–20): sửa trong Bố cục → Lề (Nghị định 30/2020, Phụ lục I)"
    ]


@pytest.mark.parametrize("written, expected", [
    ("ngày 05 tháng 3 năm 2024", []),
    ("ngày 15 tháng 02 năm 2024", []),
    ("ngày 5 tháng 09 năm 2024", ["viết «ngày 05 tháng 9», không phải «ngày 5 tháng 09» (ngày dưới 10 và tháng 1, 2 thêm số 0)"]),
    ("ngày 15 tháng 2 năm 2024", ["viết «ngày 15 tháng 02», không phải «ngày 15 tháng 2» (ngày dưới 10 và tháng 1, 2 thêm số 0)"]),
])
def test_date_zero_rule(written, expected):
    assert run("KH-N010", {"place_date": [para(f"Tân Lập, {written}")]}) == expected


def test_recipients_punctuation():
    assert run("KH-N011", {"recipients": [para("- A;"), para("- Lưu: VT.")]}) == []
    assert run("KH-N011", {"recipients": [para("- A"), para("- Lưu: VT")]}) == [
        "dòng nơi nhận phải kết thúc bằng «;»", "dòng nơi nhận cuối phải kết thúc bằng «.»",
    ]


def test_page_numbers_from_page_two():
    assert run("KH-N012") == []
    assert run("KH-N012", page=False) == [
        "văn bản không đánh số trang ở đầu trang: chèn số trang (Chèn → Số trang → Đầu trang, giữa)"
    ]
    assert run("KH-N012", title_page=False) == [
        "trang đầu cũng có số trang: chọn «Trang đầu khác» (Different First Page) để bỏ số ở trang 1"
    ]


def test_rules_under_organ_and_tieu_ngu():
    parts = {"organ": [para("BAN")], "tieu_ngu": [para("Độc lập")], "rule_left": [para("")], "rule_right": [para("")]}
    assert run("KH-N013", parts) == []
    assert run("KH-N013", {"organ": [para("BAN")], "tieu_ngu": [para("Độc lập")]}) == [
        "thiếu đường kẻ ngang dưới tên cơ quan ban hành (dài 1/3 đến 1/2 dòng chữ, ở giữa)",
        "thiếu đường kẻ ngang dưới Tiêu ngữ (dài bằng dòng chữ)",
    ]


def test_a_compliant_word_plan_has_no_layout_warning(tmp_path):
    clerk_plan(tmp_path / "kh.docx")
    assert [d.code for d in check_word(str(tmp_path / "kh.docx")) if d.code.startswith("KH-N")] == []


def test_layout_warnings_point_at_the_paragraph(tmp_path):
    clerk_plan(tmp_path / "kh.docx", zero_month=True)
    found = [d for d in check_word(str(tmp_path / "kh.docx")) if d.code == "KH-N010"]
    assert [(d.pos.line, d.where, d.excerpt) for d in found] == [(8, "Phần đầu", "Tân Lập, ngày 05 tháng 03 năm 2024")]


def test_kehoach_renders_what_its_layout_rules_accept(tmp_path):
    from kehoach.render.job import render_files

    render_files(["plans/2023-huu-lung-ra-soat.yaml"], str(tmp_path / "a.docx"), pdf=False, template=None, ignore=())
    assert [d.as_text() for d in check_word(str(tmp_path / "a.docx")) if d.code.startswith("KH-N")] == []
