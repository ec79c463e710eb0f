"""Layout that a văn thư officer checks: the signature block in one piece with the body's last lines,
keep-with-next only on headings, the organ name broken where Vietnamese documents break it, footnote
markers kept wherever they stand, and properties that say when and by what the document was made."""

import re
import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from docx import Document

from conftest import MINIMAL_PLAN
from kehoach.cli import main
from kehoach.render.context import organ_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rendered(specs, tmp_path, text):
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", text), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def keeps(paragraph) -> bool:
    return paragraph._p.find(f"{W}pPr/{W}keepNext") is not None


PLAN = MINIMAL_PLAN.replace(
    """  - title: MỤC ĐÍCH, YÊU CẦU
    text: Rà soát đúng quy trình./.""",
    """  - title: MỤC ĐÍCH, YÊU CẦU
    body:
      - {title: Mục đích, text: Đánh giá đúng thực trạng.}
      - {title: Yêu cầu, text: Đúng quy trình.}
      - title: Nội dung
        body: [Rà soát hộ nghèo., Rà soát hộ cận nghèo.]""",
) + "closing: [Đề nghị các thôn phối hợp thực hiện., Trên đây là Kế hoạch rà soát./.]\n"


def test_keep_with_next_only_on_headings_and_the_closing_lines(specs, tmp_path):
    doc = Document(str(rendered(specs, tmp_path, PLAN)))
    kept = [p.text for p in doc.paragraphs if keeps(p)]
    assert kept == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "3. Nội dung",
        "Đề nghị các thôn phối hợp thực hiện.",
        "Trên đây là Kế hoạch rà soát./.",
    ]
    assert not [s.name for s in doc.styles if s.name.startswith("KH ") and s.paragraph_format.keep_with_next]


def test_without_closing_lines_the_last_body_paragraph_goes_with_the_signature(specs, tmp_path):
    doc = Document(str(rendered(specs, tmp_path, MINIMAL_PLAN)))
    body = [p for p in doc.paragraphs if p.text.startswith("I. MỤC ĐÍCH")]
    assert keeps(body[0]) and body[0]._p.find(f"{W}pPr/{W}keepLines") is not None


def test_the_signature_block_is_one_row_that_never_splits(specs, tmp_path):
    doc = Document(str(rendered(specs, tmp_path, PLAN)))
    signature = doc.tables[-1]
    assert len(signature.rows) == 1 and signature.rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None
    recipients, signer = signature.rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:" and signer.paragraphs[-1].text == "Nguyễn Quang Nhuệ"
    # Inside the block every line but the last keeps with the next one.
    assert [keeps(p) for p in signer.paragraphs] == [True] * (len(signer.paragraphs) - 1) + [False]


def test_document_properties_say_when_and_by_what(specs, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    out = rendered(specs, tmp_path, MINIMAL_PLAN)
    with zipfile.ZipFile(out) as z:
        core = z.read("docProps/core.xml").decode()
        app = z.read("docProps/app.xml").decode()
    made = re.search(r'<dcterms:created xsi:type="dcterms:W3CDTF">(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)</dcterms:created>', core)
    assert made and before <= datetime.strptime(made.group(1), "%Y-%m-%dT%H:%M:%S%z") <= before + timedelta(minutes=1)
    assert f'<dcterms:modified xsi:type="dcterms:W3CDTF">{made.group(1)}</dcterms:modified>' in core
    assert re.search(r"<cp:lastModifiedBy>kehoach [\d.]+</cp:lastModifiedBy>", core)
    assert re.search(r"<Application>kehoach [\d.]+</Application>", app)
    assert "python-docx" not in core + app and "2013" not in core and "Macintosh" not in app
    assert "<dc:creator>ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG</dc:creator>" in core


def test_source_date_epoch_fixes_the_time(specs, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with zipfile.ZipFile(rendered(specs, tmp_path, MINIMAL_PLAN)) as z:
        assert "2023-11-14T22:13:20Z" in z.read("docProps/core.xml").decode()


@pytest.mark.parametrize(
    "name, lines",
    [
        ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]),
        ("Ủy ban nhân dân thị trấn Hữu Lũng", ["ỦY BAN NHÂN DÂN", "THỊ TRẤN HỮU LŨNG"]),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
        ("BAN CHỈ ĐẠO GIẢM NGHÈO HUYỆN NGỌC HỒI", ["BAN CHỈ ĐẠO GIẢM NGHÈO", "HUYỆN NGỌC HỒI"]),
        ("ỦY BAN MTTQ VIỆT NAM, TỈNH LẠNG SƠN", ["ỦY BAN MTTQ VIỆT NAM,", "TỈNH LẠNG SƠN"]),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]),
        ("SỞ NỘI VỤ", ["SỞ NỘI VỤ"]),
        ("ỦY BAN NHÂN DÂN\nTỈNH\nQUẢNG NAM", ["ỦY BAN NHÂN DÂN", "TỈNH", "QUẢNG NAM"]),
    ],
)
def test_organ_names_break_before_the_unit_word(name, lines):
    assert [line.replace("\xa0", " ") for line in organ_lines(name)] == lines



def test_the_unit_word_is_tied_to_the_first_word_of_its_place():
    assert organ_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH") == ["ỦY BAN NHÂN DÂN", "THÀNH\xa0PHỐ\xa0HỒ CHÍ MINH"]
    assert organ_lines("UBND TỈNH KON TUM", fits=26) == ["UBND TỈNH\xa0KON TUM"]


def test_the_parent_stays_on_one_line_when_it_fits():
    assert [line.replace("\xa0", " ") for line in organ_lines("UBND HUYỆN NGỌC HỒI", fits=26)] == ["UBND HUYỆN NGỌC HỒI"]


def test_the_header_breaks_the_name_and_the_author_is_the_whole_name(specs, tmp_path):
    text = MINIMAL_PLAN.replace("ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM")
    out = rendered(specs, tmp_path, text)
    organ = [p.text.replace("\xa0", " ") for p in Document(str(out)).tables[0].rows[0].cells[0].paragraphs if p.text]
    assert organ == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]
    with zipfile.ZipFile(out) as z:  # the PDF's author comes from the same metadata
        assert "<dc:creator>ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM</dc:creator>" in z.read("docProps/core.xml").decode()


FOOTNOTED = MINIMAL_PLAN.replace("  - title: MỤC ĐÍCH, YÊU CẦU", '  - title: "Mục đích, yêu cầu[^nguon]"').replace(
    "    text: Rà soát đúng quy trình./.",
    "    text: Rà soát đúng quy trình./.\n    table: {columns: [STT, 'Nội dung[^cot]'], rows: [[Một]]}",
) + """footnotes: {nguon: Theo Quyết định số 24/2021/QĐ-TTg., cot: Ghi theo thôn., phu: Mẫu số 01.}
appendices:
  - title: "Danh sách hộ[^phu]"
    table: {columns: [STT, Họ và tên], rows: [[A]]}
"""


def test_footnote_markers_in_capitalised_titles_and_table_headers_are_footnotes(specs, tmp_path):
    out = rendered(specs, tmp_path, FOOTNOTED)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU: Rà soát đúng quy trình./." in texts and "DANH SÁCH HỘ" in texts
    assert doc.tables[1].rows[0].cells[1].text == "Nội dung"
    with zipfile.ZipFile(out) as z:
        notes = z.read("word/footnotes.xml").decode()
        document = z.read("word/document.xml").decode()
    for text in ("Theo Quyết định số 24/2021/QĐ-TTg.", "Ghi theo thôn.", "Mẫu số 01."):
        assert text in notes
    assert document.count("<w:footnoteReference ") == 3 and "NGUON" not in document + notes
