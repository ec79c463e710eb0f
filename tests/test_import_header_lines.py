"""The header typed with soft line breaks (Shift+Enter, or an HTML `<br>` saved by LibreOffice) in one
cell per side reads as the same header typed with Enter: each line keeps its own formatting."""

import pytest

from import_docs import p, r, table, tc, write_docx
from kehoach.importer.check import check_word
from kehoach.importer.plan import import_document

BREAK = "<w:r><w:br/></w:r>"
LEFT = [("ỦY BAN NHÂN DÂN", {"b": True}), ("XÃ HÒA BÌNH", {"b": True}), ("Số: 12/KH-UBND", {})]
RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"b": True}), ("Độc lập - Tự do - Hạnh phúc", {"b": True}),
         ("Hòa Bình, ngày 05 tháng 3 năm 2026", {"i": True})]
BODY = (p(r("KẾ HOẠCH", b=True), jc="center") + p(r("Kiểm tra công tác rà soát hộ nghèo năm 2026", b=True), jc="center")
        + p(r("I. MỤC ĐÍCH, YÊU CẦU", b=True)) + p(r("Đánh giá đúng tình hình./.")))


def _cell(lines, soft: bool) -> str:
    if soft:
        return tc(p(BREAK.join(r(text, size=26, **fmt) for text, fmt in lines), jc="center"))
    return tc(*(p(r(text, size=26, **fmt), jc="center") for text, fmt in lines))


def _header_doc(path, soft: bool):
    write_docx(path, table([[_cell(LEFT, soft), _cell(RIGHT, soft)]], borderless=True, widths=2) + BODY)


@pytest.fixture
def soft(tmp_path):
    _header_doc(tmp_path / "soft.docx", soft=True)
    return tmp_path / "soft.docx"


def test_soft_broken_header_lines_read_as_lines(soft):
    imported = import_document(str(soft))
    plan = imported.plan
    assert plan["organ"] == {"name": ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH"], "code": "UBND"}
    assert (plan["number"], plan["place"], str(plan["date"])) == (12, "Hòa Bình", "2026-03-05")
    assert [m for _, m in imported.notes if "in đậm" in m] == []


def test_soft_broken_header_imports_as_the_header_typed_with_enter(tmp_path, soft):
    _header_doc(tmp_path / "enter.docx", soft=False)
    assert import_document(str(soft)).plan == import_document(str(tmp_path / "enter.docx")).plan


def test_layout_rules_see_each_soft_broken_line_with_its_own_formatting(soft):
    codes = {(d.code, d.pos.line) for d in check_word(str(soft))}
    # Quốc hiệu and organ are bold and 13 pt: nothing to say about them; the place and date line is
    # italic on its own line although the cell's other lines are bold.
    assert not codes & {("KH-N002", 2), ("KH-N003", 2), ("KH-N004", 1), ("KH-N005", 1), ("KH-N006", 2)}


def test_a_layout_problem_in_the_first_paragraph_is_placed_in_the_header(tmp_path):
    # Soft breaks put the whole left column in ¶1: its problems are the header's, not the document's.
    small = [(text, fmt) for text, fmt in LEFT[:2]]
    cell = tc(p(BREAK.join([r(text, size=26, **fmt) for text, fmt in small] + [r("Số: 12/KH-UBND", size=22)]), jc="center"))
    write_docx(tmp_path / "kh.docx", table([[cell, _cell(RIGHT, True)]], borderless=True, widths=2) + BODY)
    [found] = [d for d in check_word(str(tmp_path / "kh.docx")) if d.code == "KH-N005"]
    assert (found.pos.line, found.where, found.excerpt) == (1, "Phần đầu", "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH Số: 12/KH-UBND")


SOFT_HTML = """<html><head><meta charset="utf-8"></head><body>
<table><tr><td><p>UBND HUYỆN TỦA CHÙA<br><b>ỦY BAN NHÂN DÂN XÃ HÒA BÌNH</b><br>Số: 12/KH-UBND</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>
<i>Hòa Bình, ngày 05 tháng 3 năm 2026</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p><p align="center"><b>Rà soát hộ nghèo năm 2026</b></p>
<p><b>I. MỤC ĐÍCH</b></p><p>Rà soát đúng./.</p></body></html>"""


def test_a_header_with_br_saved_by_libreoffice(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (libreoffice-writer-nogui) is not installed")
    (tmp_path / "kh.html").write_text(SOFT_HTML, encoding="utf-8")
    # A private profile: another LibreOffice running on the machine must not lock this one out.
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "kh.html")],
                   check=True, capture_output=True, timeout=180)
    imported = import_document(str(tmp_path / "kh.docx"))
    plan = imported.plan
    assert plan["organ"] == {"parent": "UBND HUYỆN TỦA CHÙA", "name": "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "code": "UBND"}
    assert (plan["number"], plan["place"], str(plan["date"])) == (12, "Hòa Bình", "2026-03-05")
