"""`refs FILE.docx` reads the document as `check FILE.docx` does (kehoach.word): a reference's line is
the paragraph's ¶ number, a text box is not read, tracked changes are read as they print."""

from import_docs import dele, ins, p, r, table, tc, textbox, write_docx
from kehoach.refs.sources import references_in
from kehoach.word import package, paragraphs


def test_refs_lines_are_the_paragraph_numbers_of_check(tmp_path):
    body = (table([[tc(p(r("UBND XÃ A")), p(r("Số: 3/KH-UBND"))), tc(p(r("A, ngày 05 tháng 3 năm 2024")))]], widths=2)
            + p(textbox("Căn cứ Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021"), r("KẾ HOẠCH"))
            + p(r("Căn cứ Nghị định số "), dele("99/2020/NĐ-CP"), ins("07/2021/NĐ-CP"), r(" ngày 31/01/2021 của Chính phủ;")))
    write_docx(tmp_path / "kh.docx", body)
    found, problems = references_in(str(tmp_path / "kh.docx"))
    assert problems == []
    assert [(f.pos.line, f.reference.number) for f in found] == [(5, "07/2021/NĐ-CP")]
    numbered = paragraphs.read(package.open_word(str(tmp_path / "kh.docx"))).paragraphs
    assert "Nghị định số 07/2021/NĐ-CP" in numbered[4].text and numbered[4].number == 5
