"""Every document kehoach writes opens in Microsoft Word without a repair (openxml-audit, the Open
XML SDK's rules with Word's repair behaviour), whatever the spec holds."""

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN
from kehoach.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "plans").glob("*.yaml")) + sorted((ROOT / "schedules").glob("*.yaml"))


def render(spec, out) -> Path:
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return Path(out)


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.name)
def test_every_example_opens_clean(spec, tmp_path):
    assert_opens_in_word(render(spec, tmp_path / "x.docx"))


def test_the_starter_plan_and_schedule_open_clean(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert_opens_in_word(render(tmp_path / "plans" / "ke-hoach-mau.yaml", tmp_path / "plan.docx"))
    assert_opens_in_word(render(tmp_path / "schedules" / "lich-mau.yaml", tmp_path / "lich.docx"))


def test_the_template_opens_clean_and_has_no_stale_style_copy():
    template = ROOT / "templates" / "docx" / "kehoach.docx"
    assert_opens_in_word(template)
    with zipfile.ZipFile(template) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()
        assert "stylesWithEffects" not in z.read("word/_rels/document.xml.rels").decode()
        assert "stylesWithEffects" not in z.read("[Content_Types].xml").decode()


HOSTILE = MINIMAL_PLAN.replace(
    "subject: Rà soát hộ nghèo, hộ cận nghèo năm 2023",
    r"""subject: "Tab\there, CR\rLF\r\nnew\nline <&>\"' \x01\x1f 😀𝕏 Pneumonoultramicroscopicsilicovolcanoconiosis""" + '"',
).replace(
    "    text: Rà soát đúng quy trình./.",
    r"""    text: "Rà soát\x0b đúng 😀 quy trình\r\nhai dòng./."
    table:
      columns: [STT, "Tên\tcột <&>[^1]", Ghi chú]
      rows: [["", "a\nb", "\x02c"], ["", "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuudài", "&amp;"]]""",
) + 'footnotes: {"1": "chú\tthích <&>"}\n'


def test_hostile_text_opens_clean_and_reads_back(specs, tmp_path):
    out = render(specs.write("plan.yaml", HOSTILE), tmp_path / "x.docx")
    assert_opens_in_word(out)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    # Tabs and line breaks are Word's tabs and breaks; forbidden characters are gone; the rest as written.
    assert 'Tab\there, CR\nLF\nnew\nline <&>"\'  😀𝕏 Pneumonoultramicroscopicsilicovolcanoconiosis' in texts
    assert "I. MỤC ĐÍCH, YÊU CẦU: Rà soát đúng 😀 quy trình\nhai dòng./." in texts
    table = doc.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Tên\tcột <&>", "Ghi chú"]
    assert [c.text for c in table.rows[1].cells] == ["1", "a\nb", "c"]
    assert table.rows[2].cells[2].text == "&amp;"
    with zipfile.ZipFile(out) as z:
        document = z.read("word/document.xml").decode()
        assert "\t" not in document and "\r" not in document
        assert "chú</w:t><w:tab/>" in z.read("word/footnotes.xml").decode()


def test_text_enters_xml_in_one_place():
    from kehoach.render import ooxml

    assert ooxml.run("a\tb\r\nc\rd\ne") == (
        '<w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/>'
        '<w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t><w:br/>'
        '<w:t xml:space="preserve">e</w:t></w:r>'
    )
    assert ooxml.run("x\ud800\udfff\x00<y>") == '<w:r><w:t xml:space="preserve">x&lt;y&gt;</w:t></w:r>'
    with pytest.raises(TypeError):
        ooxml.paragraph("<w:r>not escaped</w:r>", "KHNoiDung")
    with pytest.raises(TypeError):
        ooxml.run("a") + "<w:r/>"
    with pytest.raises(TypeError):
        list(ooxml.table([100], [], [["plain text"]]))


def test_a_table_without_columns_or_a_row_without_cells_is_not_written():
    from kehoach.render import ooxml

    assert list(ooxml.table([], [], [[ooxml.EMPTY]])) == []
    written = "".join(ooxml.table([100], [], [[], [ooxml.EMPTY]]))
    assert written.count("<w:tr>") == 1 and "<w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr>" not in written


@pytest.mark.parametrize(
    "columns, rows",
    [
        ("[STT, Nội dung]", '[[Một], ["", Hai], ["3", Ba]]'),
        ("[Nội dung, Kết quả, Ghi chú]", "[[a, b, c], [d, e, f]]"),
        ("[Chỉ một cột]", "[[a], [b]]"),
        ("[TT, Họ và tên, Chức vụ, Đơn vị, Số điện thoại, Ghi chú]", "[[A, B, C, D, E], [A, B, C, D, E]]"),
        ("[[{text: STT, rows: 2}, {text: Kết quả, span: 2}], [Nghèo, Cận nghèo]]", '[["", "1", "2"], [{text: Tổng, span: 2}, "3"]]'),
        ("[STT, Xã, Thôn]", '[[{text: Xã A, rows: 3}, Thôn 1], [Thôn 2], [Thôn 3], ["", {text: Xã B, span: 2}]]'),
        ("[STT, Nội dung, Ghi chú]", '[["", {text: Cả dòng, span: 2}], [{text: "", rows: 2}, a, b], [c, d]]'),
    ],
    ids=["numbered", "plain", "one-column", "six-columns", "header-rows", "row-spans", "merged-stt"],
)
def test_table_shapes_open_clean(specs, tmp_path, columns, rows):
    text = MINIMAL_PLAN.replace(
        "    text: Rà soát đúng quy trình./.",
        f"    text: Rà soát đúng quy trình./.\n    table: {{columns: {columns}, rows: {rows}}}",
    )
    out = render(specs.write("plan.yaml", text), tmp_path / "x.docx")
    assert_opens_in_word(out)
    table = Document(str(out)).tables[1]
    widths = [int(w) for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert sum(widths) == 9355 and min(widths) >= 600
    for tr in table._tbl.tr_lst:  # every row fills the grid exactly
        assert sum(int(tc.tcPr.gridSpan.val) if tc.tcPr.gridSpan is not None else 1 for tc in tr.tc_lst) == len(widths)
