"""Rendered documents, opened with python-docx: layout rules of Nghị định 30/2020 and exact text."""

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm, Pt

from conftest import MINIMAL_PLAN
from kehoach.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"


def render(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def effective(paragraph, attribute: str):
    """A font attribute as Word resolves it: the first run, else the paragraph style and its bases."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if runs and getattr(runs[0].font, attribute) is not None:
        return getattr(runs[0].font, attribute)
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def alignment(paragraph):
    style = paragraph.style
    value = paragraph.alignment
    while value is None and style is not None:
        value = style.paragraph_format.alignment
        style = style.base_style
    return value


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("render") / "ke-hoach.docx"
    result = render(str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def doc(example):
    return Document(str(example))


def test_page_is_a4_with_the_decrees_margins(doc):
    section = doc.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(m.twips for m in margins) == (1134, 1134, 1701, 850)  # 20, 20, 30, 15 mm


def test_times_new_roman_everywhere(doc):
    assert doc.styles["Normal"].font.name == "Times New Roman"
    for style in doc.styles:
        if style.type == 1 and style.font.name is not None:
            assert style.font.name == "Times New Roman"


def test_header_table_text_and_format(doc):
    header = doc.tables[0]
    assert not header._tbl.xpath(".//w:tblBorders/w:top[@w:val='single']")
    left, right = header.rows[0].cells
    # The unit word is tied to its place name by no-break spaces: Word never wraps between them.
    assert [p.text for p in left.paragraphs if p.text] == ["UBND HUYỆN\xa0NGỌC HỒI", "BAN CHỈ ĐẠO RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"]
    parent, organ = left.paragraphs[0], left.paragraphs[1]
    assert (effective(parent, "size"), effective(parent, "bold")) == (Pt(13), False)
    assert (effective(organ, "size"), effective(organ, "bold")) == (Pt(13), True)
    quoc_hieu, tieu_ngu = right.paragraphs[0], right.paragraphs[1]
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (effective(quoc_hieu, "size"), effective(quoc_hieu, "bold")) == (Pt(12), True)
    assert tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert (effective(tieu_ngu, "size"), effective(tieu_ngu, "bold")) == (Pt(13), True)
    # the short rule under the organ and the rule under the Tiêu ngữ are bordered paragraphs
    assert left.paragraphs[2].style.name == "KH Đường kẻ" and right.paragraphs[2].style.name == "KH Đường kẻ"
    number, place = header.rows[1].cells
    assert number.paragraphs[0].text == "Số:      /KH-BCĐ"
    assert place.paragraphs[0].text == "Ngọc Hồi, ngày       tháng       năm 2021"
    assert effective(place.paragraphs[0], "italic") is True


def test_title_and_subject(doc):
    texts = [p.text for p in doc.paragraphs]
    title = doc.paragraphs[texts.index("KẾ HOẠCH")]
    assert (effective(title, "size"), effective(title, "bold"), alignment(title)) == (Pt(14), True, 1)
    subject = doc.paragraphs[texts.index("KẾ HOẠCH") + 1]
    assert subject.text == (
        "Kiểm tra, giám sát công tác giảm nghèo và tổ chức rà soát hộ nghèo, hộ cận nghèo năm 2021 tại các xã, thị trấn"
    )
    assert effective(subject, "bold") is True


def test_bases_italic_and_body_justified_with_first_line_indent(doc):
    base = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Kế hoạch số 3332"))
    assert effective(base, "italic") is True and effective(base, "size") == Pt(14)
    body = next(p for p in doc.paragraphs if p.text.startswith("Ban Chỉ đạo ban hành"))
    assert alignment(body) == 3  # justified
    assert body.style.paragraph_format.first_line_indent == Mm(12.7)


def test_headings_are_numbered_and_styled(doc):
    texts = [p.text for p in doc.paragraphs]
    for heading in ["I. MỤC ĐÍCH, YÊU CẦU", "II. THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM", "V. KINH PHÍ THỰC HIỆN: Thực hiện"]:
        assert any(t.startswith(heading) for t in texts), heading
    first = doc.paragraphs[texts.index("I. MỤC ĐÍCH, YÊU CẦU")]
    assert effective(first, "bold") is True
    assert "2. Thời gian: Từ ngày 08/11 đến ngày 17/11/2021 (chi tiết tại phụ lục đính kèm)." in texts
    assert any(t.startswith("4. Kiểm tra việc thực hiện quy trình") for t in texts)
    # run-in text after a bold title is not bold
    purpose = next(p for p in doc.paragraphs if p.text.startswith("1. Mục đích: "))
    assert purpose.runs[0].text == "1. Mục đích" and purpose.runs[1].bold is False


def test_italic_markup(doc):
    member = next(p for p in doc.paragraphs if p.text.startswith("- Thành viên Ban Chỉ đạo cấp huyện"))
    italic = [r.text for r in member.runs if r.italic]
    assert italic == ["theo lịch kiểm tra tại địa bàn được phân công phụ trách"]


def test_signature_and_recipients(doc):
    table = doc.tables[1]
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- CT, các PCT UBND huyện (b/c);",
        "- CVP, các PCVP;",
        "- Thành viên Ban Chỉ đạo huyện;",
        "- Ủy ban MTTQVN huyện;",
        "- UBND các xã, thị trấn;",
        "- Lưu: VT, TH.",
    ]
    heading = left.paragraphs[0]
    assert (effective(heading, "size"), effective(heading, "bold"), effective(heading, "italic")) == (Pt(12), True, True)
    assert effective(left.paragraphs[1], "size") == Pt(11)
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND HUYỆN", "Y Lan"]
    for p in right.paragraphs:
        if p.text:
            assert (effective(p, "bold"), alignment(p)) == (True, 1)


def test_real_footnotes(example):
    with zipfile.ZipFile(example) as z:
        document = z.read("word/document.xml").decode()
        footnotes = z.read("word/footnotes.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    assert document.count("<w:footnoteReference") == 2
    assert "Tài liệu đã được Phòng Lao động - TB&amp;XH photocopy" in footnotes
    assert 'w:type="separator"' in footnotes
    assert "relationships/footnotes" in rels and "footnotes+xml" in types


def test_page_numbers_from_page_two(doc, example):
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    with zipfile.ZipFile(example) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
    assert any('w:instr=" PAGE "' in h for h in headers)
    number = section.header.paragraphs[0]
    assert (alignment(number), effective(number, "size")) == (1, Pt(14))


def test_schedule_appendix(doc):
    texts = [p.text for p in doc.paragraphs]
    assert "LỊCH KIỂM TRA, GIÁM SÁT" in texts
    kem = next(p for p in doc.paragraphs if p.text.startswith("(Kèm theo"))
    assert kem.text == (
        "(Kèm theo Kế hoạch số      /KH-BCĐ ngày       tháng       năm 2021 "
        "của Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo huyện)"
    )
    assert effective(kem, "italic") is True
    page_start = next(p for p in doc.paragraphs if p.text == "LỊCH KIỂM TRA, GIÁM SÁT")
    assert page_start.paragraph_format.page_break_before
    schedule = doc.tables[2]
    assert [c.text for c in schedule.rows[0].cells] == ["STT", "Thời gian", "Địa điểm", "Thành phần"]
    assert schedule.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert [c.text for c in schedule.rows[1].cells[:3]] == ["1", "Thứ Hai, 08/11/2021", "Thị trấn Plei Kần"]
    assert [p.text for p in schedule.rows[1].cells[3].paragraphs] == [
        "1. Phó Trưởng Ban Chỉ đạo huyện",
        "2. Bộ phận giúp việc của Ban Chỉ đạo huyện.",
        "3. Đại diện Phòng Nông nghiệp-Phát triển nông thôn.",
        "4. Mời đại diện Ban Thường trực Ủy ban MTTQ Việt Nam huyện tham gia giám sát.",
    ]
    assert len(schedule.rows) == 9


def test_signed_plan_number_and_date_follow_the_zero_rule(specs, tmp_path):
    text = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2024-01-08\nnumber: 5").replace("2023", "2024")
    out = tmp_path / "x.docx"
    assert render(specs.write("plan.yaml", text), "-o", str(out)).exit_code == 0
    number, place = Document(str(out)).tables[0].rows[1].cells
    assert number.paragraphs[0].text == "Số: 05/KH-UBND"
    assert place.paragraphs[0].text == "Thị trấn Hữu Lũng, ngày 08 tháng 01 năm 2024"


def test_draft_that_knows_its_month(specs, tmp_path):
    text = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2022\nmonth: 11")
    out = tmp_path / "x.docx"
    render(specs.write("plan.yaml", text), "-o", str(out))
    assert Document(str(out)).tables[0].rows[1].cells[1].paragraphs[0].text == "Thị trấn Hữu Lũng, ngày       tháng 11 năm 2022"


def test_special_characters_round_trip_and_control_characters_vanish(specs, tmp_path):
    text = MINIMAL_PLAN + 'closing: ["Phòng LĐ-TB&XH <huyện> \\"A\\" \'B\'\\x07 xong./."]\n'
    out = tmp_path / "x.docx"
    assert render(specs.write("plan.yaml", text), "-o", str(out)).exit_code == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Phòng LĐ-TB&XH <huyện> \"A\" 'B' xong./." in texts


def test_errors_mean_nothing_is_written(specs, tmp_path):
    out = tmp_path / "x.docx"
    out.write_bytes(b"old")
    result = render(specs.write("plan.yaml", MINIMAL_PLAN + "number: x\n"), "-o", str(out))
    assert result.exit_code == 1 and "KH-S004" in result.stdout
    assert out.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["plan.yaml", "x.docx"]


def test_warnings_are_printed_and_the_document_written(specs, tmp_path):
    out = tmp_path / "x.docx"
    result = render(specs.write("plan.yaml", MINIMAL_PLAN + "bases: [Căn cứ A]\n"), "-o", str(out))
    assert result.exit_code == 0 and "KH-S013" in result.stdout and out.exists()


def test_default_output_name_is_in_the_current_directory(specs, tmp_path, monkeypatch):
    spec = specs.write("plans/2023-huu-lung.yaml", MINIMAL_PLAN)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert render(spec).exit_code == 0
    assert os.listdir(work) == ["2023-huu-lung.docx"]


def test_several_specs_go_into_the_output_folder(specs, tmp_path):
    a = specs.write("a.yaml", MINIMAL_PLAN)
    b = specs.write("b.yaml", "title: LỊCH\nwindow: {from: 2021-11-08, to: 2021-11-12}\nrows:\n  - {date: 2021-11-08, place: Xã A, members: [Trưởng đoàn]}\n")
    assert render(a, b, "-o", str(tmp_path / "out")).exit_code == 0
    assert sorted(os.listdir(tmp_path / "out")) == ["a.docx", "b.docx"]
    schedule = Document(str(tmp_path / "out" / "b.docx"))
    assert schedule.paragraphs[0].text == "LỊCH"
    assert [c.text for c in schedule.tables[0].rows[1].cells] == ["1", "Thứ Hai, 08/11/2021", "Xã A", "1. Trưởng đoàn"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Skeletons of user templates are cached; keep the tests' cache out of the user's home."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _template_with(tmp_path, replace: tuple[str, str]) -> Path:
    """The default template with one piece of its document.xml rewritten, as Word might leave it."""
    source = ROOT / "templates" / "docx" / "kehoach.docx"
    target = tmp_path / "mau.docx"
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert replace[0] in text
                data = text.replace(replace[0], replace[1]).encode("utf-8")
            out.writestr(info, data)
    return target


def test_a_tag_word_split_across_runs_still_works(specs, tmp_path):
    split = _template_with(tmp_path, ("<w:t>Số: {{ so }}</w:t>", '<w:t>Số: {{ s</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>o }}</w:t>'))
    out = tmp_path / "x.docx"
    text = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2023-09-25\nnumber: 59")
    assert render(specs.write("plan.yaml", text), "--template", str(split), "-o", str(out)).exit_code == 0
    assert Document(str(out)).tables[0].rows[1].cells[0].text == "Số: 59/KH-UBND"


def test_a_template_with_expressions_is_filled_by_a_sandboxed_jinja(specs, tmp_path):
    upper = _template_with(tmp_path, ("{{ dia_danh_ngay }}", "{{ dia_danh_ngay | upper }}"))
    out = tmp_path / "x.docx"
    assert render(specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(upper), "-o", str(out)).exit_code == 0
    assert Document(str(out)).tables[0].rows[1].cells[1].text == "THỊ TRẤN HỮU LŨNG, NGÀY 25 THÁNG 9 NĂM 2023"


def test_a_broken_template_is_a_clear_message(specs, tmp_path):
    broken = tmp_path / "mau.docx"
    broken.write_bytes(b"not a zip")
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(broken), "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "không phải tệp Office (.docx" in result.output and "Traceback" not in result.output


def test_another_template(specs, tmp_path):
    template = tmp_path / "mau.docx"
    shutil.copyfile(ROOT / "templates" / "docx" / "kehoach.docx", template)
    doc = Document(str(template))
    doc.styles["KH Nội dung"].font.size = Pt(13)
    doc.save(str(template))
    out = tmp_path / "x.docx"
    text = MINIMAL_PLAN + "closing: Trên đây là Kế hoạch./.\n"
    assert render(specs.write("plan.yaml", text), "--template", str(template), "-o", str(out)).exit_code == 0
    closing = next(p for p in Document(str(out)).paragraphs if p.text == "Trên đây là Kế hoạch./.")
    assert effective(closing, "size") == Pt(13)


def test_shipped_template_is_the_package_data_copy():
    assert (ROOT / "templates" / "docx" / "kehoach.docx").read_bytes() == (ROOT / "kehoach" / "data" / "kehoach.docx").read_bytes()


def test_alpha_numbering_follows_vietnamese_letter_order():
    from kehoach.render.numbering import label

    assert [label("alpha", n) for n in range(1, 8)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    assert [label("roman", 4), label("arabic", 2), label("decimal", 3, "2.")] == ["IV.", "2.", "2.3."]


def test_blank_form_appendix(specs, tmp_path):
    text = MINIMAL_PLAN + """appendices:
  - title: DANH SÁCH ĐĂNG KÝ
    table:
      columns: [TT, Họ và tên, Chức vụ]
      rows: [[Nguyễn Văn A, Trưởng thôn]]
    column_numbers: true
    blank_rows: 2
    notes: ["Cột 3: ghi rõ chức vụ"]
    signature: {left: [Người lập], right: [TM. ỦY BAN NHÂN DÂN]}
"""
    out = tmp_path / "x.docx"
    assert render(specs.write("plan.yaml", text), "-o", str(out)).exit_code == 0
    doc = Document(str(out))
    form = doc.tables[2]
    assert [[c.text for c in row.cells] for row in form.rows] == [
        ["TT", "Họ và tên", "Chức vụ"],
        ["1", "2", "3"],
        ["1", "Nguyễn Văn A", "Trưởng thôn"],
        ["2", "", ""],
        ["3", "", ""],
    ]
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("Ghi chú:") + 1] == "Cột 3: ghi rõ chức vụ"
    assert [c.text for c in doc.tables[3].rows[0].cells] == ["Người lập", "TM. ỦY BAN NHÂN DÂN"]
    assert doc.paragraphs[texts.index("Phụ lục")].paragraph_format.page_break_before


def test_timeline_numbers_continue_after_numbered_children(specs, tmp_path):
    text = MINIMAL_PLAN.replace("recipients:", """  - title: TỔ CHỨC THỰC HIỆN
    body:
      - title: Tiến độ
        body:
          - {title: Chuẩn bị, text: Họp triển khai.}
        timeline:
          - {from: 2023-10-01, to: 2023-10-20, task: Rà soát.}
          - {on: 2023-10-25, task: Báo cáo./.}
recipients:""")
    out = tmp_path / "x.docx"
    assert render(specs.write("plan.yaml", text), "-o", str(out)).exit_code == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "1.1. Chuẩn bị: Họp triển khai." in texts
    assert "1.2. Từ ngày 01/10/2023 đến ngày 20/10/2023: Rà soát." in texts
    assert "1.3. Ngày 25/10/2023: Báo cáo./." in texts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trong tháng **9/2023** (*nếu có*)", "Trong tháng 9/2023 (nếu có)"),
        ("thôn, xã[^1]; huyện[^ghi-chu]", "thôn, xã; huyện"),
        ("**đậm *và nghiêng*[^2]**", "đậm và nghiêng"),
        ("5 * 3 = 15 (*)", "5 * 3 = 15 (*)"),
    ],
)
def test_plain_text_drops_markup_only(text, expected):
    from kehoach.render.ooxml import plain

    assert plain(text) == expected
