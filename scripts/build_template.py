"""Build the default Word template, templates/docx/kehoach.docx (and its package-data copy).

The template is an ordinary .docx a user may open and restyle in Word: every
paragraph kehoach writes uses one of the named styles below ("KH Nội dung",
"KH Đề mục 1", ...), so fonts, sizes and spacing come from the template.
Values follow Nghị định 30/2020/NĐ-CP, Phụ lục I (see the layout facts in
shared/spec/nd30-layout.md). The skeleton's placeholders are Jinja tags that
docxtpl fills: `{{ ... }}` for text, `{{p ... }}` for whole paragraphs.

    python scripts/build_template.py
"""

from __future__ import annotations

import os
import sys
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from kehoach.render import styles as S  # noqa: E402  (the style ids rendering writes)
TARGETS = [
    os.path.join(HERE, "..", "templates", "docx", "kehoach.docx"),
    os.path.join(HERE, "..", "kehoach", "data", "kehoach.docx"),
]
# The template's document.xml patched into a skeleton once, here, so that rendering with the
# default template never needs docxtpl (kehoach/render/skeleton.py).
SKELETON = os.path.join(HERE, "..", "kehoach", "data", "kehoach.skeleton.xml")
FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
INDENT = Cm(1.27)

# id, Vietnamese name, size (pt), bold, italic, alignment, first-line indent, space after (pt)
PARAGRAPH_STYLES = [
    (S.CO_QUAN_CHU_QUAN, "KH Cơ quan chủ quản", 13, False, False, CENTER, None, 0),
    (S.CO_QUAN_BAN_HANH, "KH Cơ quan ban hành", 13, True, False, CENTER, None, 0),
    (S.QUOC_HIEU, "KH Quốc hiệu", 12, True, False, CENTER, None, 0),
    (S.TIEU_NGU, "KH Tiêu ngữ", 13, True, False, CENTER, None, 0),
    (S.SO, "KH Số ký hiệu", 13, False, False, CENTER, None, 0),
    (S.DIA_DANH, "KH Địa danh ngày tháng", 13, False, True, CENTER, None, 0),
    (S.GACH, "KH Đường kẻ", 2, False, False, CENTER, None, 0),
    (S.TEN_LOAI, "KH Tên loại", 14, True, False, CENTER, None, 0),
    (S.TRICH_YEU, "KH Trích yếu", 14, True, False, CENTER, None, 0),
    (S.CAN_CU, "KH Căn cứ", 14, False, True, JUSTIFY, INDENT, 6),
    (S.NOI_DUNG, "KH Nội dung", 14, False, False, JUSTIFY, INDENT, 6),
    (S.DE_MUC_1, "KH Đề mục 1", 14, True, False, JUSTIFY, INDENT, 6),
    (S.DE_MUC_2, "KH Đề mục 2", 14, True, False, JUSTIFY, INDENT, 6),
    (S.DE_MUC_3, "KH Đề mục 3", 14, True, False, JUSTIFY, INDENT, 6),
    (S.DE_MUC_4, "KH Đề mục 4", 14, False, False, JUSTIFY, INDENT, 6),
    (S.NOI_NHAN, "KH Nơi nhận", 12, True, True, LEFT, None, 0),
    (S.NOI_NHAN_MUC, "KH Nơi nhận mục", 11, False, False, LEFT, None, 0),
    (S.CHUC_VU, "KH Quyền hạn chức vụ", 14, True, False, CENTER, None, 0),
    (S.NGUOI_KY, "KH Người ký", 14, True, False, CENTER, None, 0),
    (S.PHU_LUC, "KH Phụ lục", 14, True, False, CENTER, None, 0),
    (S.PHU_LUC_TEN, "KH Tên phụ lục", 14, True, False, CENTER, None, 0),
    (S.KEM_THEO, "KH Kèm theo", 14, False, True, CENTER, None, 0),
    (S.GHI_CHU, "KH Ghi chú", 13, False, False, JUSTIFY, None, 3),
    (S.BANG, "KH Bảng", 13, False, False, LEFT, None, 0),
    (S.BANG_TIEU_DE, "KH Bảng tiêu đề", 13, True, False, CENTER, None, 0),
    (S.BANG_SO, "KH Bảng số thứ tự", 13, False, False, CENTER, None, 0),
    (S.SO_TRANG, "KH Số trang", 14, False, False, CENTER, None, 0),
]


# Word refuses properties out of the schema's order: what may follow w:pBdr in a w:pPr, and
# w:tblBorders / w:tblLayout in a w:tblPr (ECMA-376 Part 1, CT_PPrBase and CT_TblPr).
PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
TBLPR_AFTER_LAYOUT = ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", *TBLPR_AFTER_LAYOUT)

NAMES = {style_id: name for style_id, name, *_ in PARAGRAPH_STYLES}


def style(document, style_id: str):
    return document.styles[NAMES[style_id]]


def define_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
    lang = parse_xml(f'<w:lang {nsdecls("w")} w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>')
    normal.element.rPr.append(lang)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for style_id, name, size, bold, italic, align, indent, after in PARAGRAPH_STYLES:
        added = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        added.style_id = style_id
        added.base_style = normal
        added.quick_style = True
        font = added.font
        font.name = FONT
        font.size = Pt(size)
        font.bold = bold
        font.italic = italic
        fmt = added.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        fmt.line_spacing = 1.0 if after == 0 else 1.15
        if indent is not None:
            fmt.first_line_indent = indent
    # Times New Roman everywhere, the built-in styles Word may offer included.
    for existing in styles:
        if existing.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER) and existing.font.name not in (None, FONT):
            existing.font.name = FONT
    for style_id in (S.BANG, S.BANG_TIEU_DE, S.BANG_SO):
        style(document, style_id).paragraph_format.space_before = Pt(3)
        style(document, style_id).paragraph_format.space_after = Pt(3)
    # The short rules under the organ and the trích yếu, and the rule as long as the Tiêu ngữ.
    gach = style(document, S.GACH).element.get_or_add_pPr()
    gach.insert_element_before(
        parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'),
        *PPR_AFTER_PBDR,
    )
    note_text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
    note_text.style_id = S.FOOTNOTE_TEXT
    note_text.base_style = normal
    note_text.font.size = Pt(12)
    note_text.paragraph_format.alignment = JUSTIFY
    note_ref = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    note_ref.style_id = S.FOOTNOTE_REFERENCE
    note_ref.font.superscript = True


def page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers from page 2: the first page's header differs and stays empty.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.style = style(document, S.SO_TRANG)
    number._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
    ))
    section.first_page_header.is_linked_to_previous = False


def borderless(table, widths) -> None:
    """No borders, fixed column widths (Word reads the cells' widths, LibreOffice the grid's)."""
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    tbl_pr = table._tbl.tblPr
    tbl_pr.insert_element_before(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    ), *TBLPR_AFTER_BORDERS)
    tbl_pr.insert_element_before(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'), *TBLPR_AFTER_LAYOUT)


def rule(cell, style, left_mm: float, right_mm: float) -> None:
    p = cell.add_paragraph(style=style)
    p.paragraph_format.left_indent = Mm(left_mm)
    p.paragraph_format.right_indent = Mm(right_mm)


def cell_text(cell, text: str, style) -> None:
    """Write into the cell's first (empty) paragraph, then add paragraphs."""
    first = cell.paragraphs[0]
    if not first.text and first.style.style_id == "Normal":
        first.style = style
        first.add_run(text)
    else:
        cell.add_paragraph(text, style=style)


def header_table(document) -> None:
    table = document.add_table(rows=2, cols=2)
    borderless(table, (Mm(65), Mm(100)))
    organ, nation = table.rows[0].cells
    cell_text(organ, "{{p co_quan }}", style(document, S.CO_QUAN_BAN_HANH))
    rule(organ, style(document, S.GACH), 20, 20)
    cell_text(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style(document, S.QUOC_HIEU))
    cell_text(nation, "Độc lập - Tự do - Hạnh phúc", style(document, S.TIEU_NGU))
    rule(nation, style(document, S.GACH), 19, 19)
    number, place = table.rows[1].cells
    cell_text(number, "Số: {{ so }}", style(document, S.SO))
    cell_text(place, "{{ dia_danh_ngay }}", style(document, S.DIA_DANH))
    number.paragraphs[0].paragraph_format.space_before = Pt(6)
    place.paragraphs[0].paragraph_format.space_before = Pt(6)


def title(document) -> None:
    p = document.add_paragraph("{{ ten_loai }}", style=style(document, S.TEN_LOAI))
    p.paragraph_format.space_before = Pt(18)
    document.add_paragraph("{{ trich_yeu }}", style=style(document, S.TRICH_YEU))
    p = document.add_paragraph(style=style(document, S.GACH))
    p.paragraph_format.left_indent = Mm(67.5)
    p.paragraph_format.right_indent = Mm(67.5)
    p.paragraph_format.space_after = Pt(12)


def signature_table(document) -> None:
    table = document.add_table(rows=1, cols=2)
    borderless(table, (Mm(80), Mm(85)))
    # Nơi nhận and the signer are one piece: the row never splits across pages (the body's last
    # lines keep with it, kehoach/render/body.py).
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    recipients, signer = table.rows[0].cells
    cell_text(recipients, "{{p noi_nhan }}", style(document, S.NOI_NHAN_MUC))
    cell_text(signer, "{{p nguoi_ky }}", style(document, S.CHUC_VU))


def build() -> Document:
    document = Document()
    # python-docx's default document starts with one empty paragraph; drop it.
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    define_styles(document)
    page_setup(document)
    header_table(document)
    title(document)
    document.add_paragraph("{{p noi_dung }}", style=style(document, S.NOI_DUNG))
    signature_table(document)
    document.add_paragraph("{{p phu_luc }}", style=style(document, S.NOI_DUNG))
    properties(document)
    drop_relationships(document.part.package.rels, "/thumbnail")
    # python-docx's stock stylesWithEffects.xml (Word 2010) no longer matches the styles above, and
    # Word repairs a document whose two style parts disagree; Word rebuilds it when it needs one.
    drop_relationships(document.part.rels, "/stylesWithEffects")
    return document


def drop_relationships(rels, type_ending: str) -> None:
    """Remove the relationships of a type; python-docx then neither saves the part nor declares its type."""
    for rel in [rel for rel in rels.values() if rel.reltype.endswith(type_ending)]:
        rels.pop(rel.rId)


def properties(document) -> None:
    """The template's own properties; a rendered document gets its time and maker at render time."""
    from kehoach.render.context import maker, now

    core = document.core_properties
    core.title = "Mẫu Kế hoạch (kehoach)"
    core.author = core.last_modified_by = maker()
    core.comments = ""
    core.language = "vi-VN"
    core.created = core.modified = now()
    app = next(part for part in document.part.package.parts if part.partname == "/docProps/app.xml")
    app._blob = APP_XML.encode("utf-8")


# Only the application's name: Word computes pages and words itself, and python-docx's stock part
# claims a Word for Mac that never saw the file.
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>kehoach</Application></Properties>"
)


def main() -> int:
    from kehoach.fileio import atomic_output
    from kehoach.render.skeleton import patch

    with atomic_output(TARGETS[0]) as tmp:
        build().save(tmp)
    with open(TARGETS[0], "rb") as f:
        data = f.read()
    for other in TARGETS[1:]:  # byte-for-byte the same file (a test checks it)
        with atomic_output(other) as tmp:
            with open(tmp, "wb") as f:
                f.write(data)
    with zipfile.ZipFile(TARGETS[0]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    with atomic_output(SKELETON) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(patch(xml))
    print("\n".join(os.path.normpath(t) for t in TARGETS + [SKELETON]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
