"""The document as it will print, in the page: the very .docx that `render` writes, turned into HTML
by mammoth, each paragraph keeping its Word style as a class whose CSS is read from the same
document's style definitions (alignment, bold, italic, size, first-line indent, the rules under the
header). So the preview cannot drift from the Word file: change a `KH ...` style in the template and
the preview follows."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALIGN = {"center": "center", "both": "justify", "left": "left", "right": "right", "start": "left", "end": "right"}


def _on(element) -> bool:
    return element is not None and element.get(W + "val") not in ("0", "false", "off")


def _styles(docx: bytes) -> list[tuple[str, str]]:
    """(style id, CSS declarations) of every paragraph style the document defines."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/styles.xml"))
    found = []
    for style in root.iter(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        css = []
        jc = style.find(f"{W}pPr/{W}jc")
        if jc is not None and jc.get(W + "val") in ALIGN:
            css.append(f"text-align:{ALIGN[jc.get(W + 'val')]}")
        indent = style.find(f"{W}pPr/{W}ind")
        if indent is not None and indent.get(W + "firstLine"):
            css.append(f"text-indent:{int(indent.get(W + 'firstLine')) / 20:.0f}pt")
        if style.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None:
            css.append("border-bottom:1px solid #000;width:35%;margin-left:auto;margin-right:auto")
        bold, italic = style.find(f"{W}rPr/{W}b"), style.find(f"{W}rPr/{W}i")
        if bold is not None:
            css.append("font-weight:" + ("bold" if _on(bold) else "normal"))
        if italic is not None:
            css.append("font-style:" + ("italic" if _on(italic) else "normal"))
        size = style.find(f"{W}rPr/{W}sz")
        if size is not None and size.get(W + "val", "").isdigit():
            css.append(f"font-size:{int(size.get(W + 'val')) / 2:g}pt")
        if css:
            found.append((style.get(W + "styleId"), ";".join(css)))
    return found


def _column_widths(docx: bytes) -> list[list[float]]:
    """Each table's column widths in percent, in document order (the order mammoth writes them)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    tables = []
    for table in root.iter(W + "tbl"):
        grid = [int(c.get(W + "w", "0")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
        total = sum(grid)
        tables.append([100 * w / total for w in grid] if total else [])
    return tables


def _with_widths(html: str, tables: list[list[float]]) -> str:
    """mammoth drops the widths; without them the browser shares the header table's columns evenly
    and breaks the Quốc hiệu, which Word keeps on one line."""
    parts = html.split("<table>")
    out = [parts[0]]
    for i, rest in enumerate(parts[1:]):
        widths = tables[i] if i < len(tables) else []
        columns = "".join(f'<col style="width:{w:.1f}%">' for w in widths)
        out.append("<table>" + (f"<colgroup>{columns}</colgroup>" if columns else "") + rest)
    return "".join(out)


def to_html(docx: bytes) -> tuple[str, str]:
    """(the document body as HTML, its CSS scoped to `.trang`)."""
    import mammoth

    styles = _styles(docx)
    style_map = "\n".join(f"p.{sid} => p.s-{sid}:fresh" for sid, _ in styles)
    result = mammoth.convert_to_html(io.BytesIO(docx), style_map=style_map, include_default_style_map=True)
    css = "\n".join(f".trang p.s-{sid}{{{decl}}}" for sid, decl in styles)
    return _with_widths(result.value, _column_widths(docx)), css
