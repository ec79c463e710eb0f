"""The XML layer: WordprocessingML strings built linearly, kept apart from what a plan says.

Everything here returns XML text. Text is escaped, normalised to NFC and
cleaned of characters XML 1.0 forbids, so whatever a spec holds, the document
opens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from kehoach.spec.model import FOOTNOTE_MARKER

# Characters XML 1.0 forbids are dropped; the five with a meaning in XML are escaped; one pass.
_ILLEGAL = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
_CLEAN = str.maketrans({c: None for c in _ILLEGAL})
_ESCAPE = str.maketrans({**{c: None for c in _ILLEGAL}, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    return _nfc(text.translate(_CLEAN))


def esc(text: str) -> str:
    return _nfc(text.translate(_ESCAPE))


def run(text: str, *, bold: bool | None = None, italic: bool | None = None, size: int | None = None) -> str:
    if bold is None and italic is None and size is None and "\n" not in text:
        return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else "<w:r/>"
    props = ""
    if bold is not None:
        props += "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    if italic is not None:
        props += "<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>'
    if size is not None:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{esc(line)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def footnote_reference(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def paragraph(
    content: str,
    style: str,
    *,
    align: str | None = None,
    no_indent: bool = False,
    page_break_before: bool = False,
    keep_next: bool = False,
) -> str:
    props = f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        props += "<w:keepNext/>"
    if page_break_before:
        props += "<w:pageBreakBefore/>"
    if no_indent:
        props += '<w:ind w:firstLine="0"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def rule(style: str, indent_twips: int, after_twips: int = 0) -> str:
    """An empty paragraph whose bottom border draws a centred rule (its style holds the border)."""
    spacing = f'<w:spacing w:after="{after_twips}"/>' if after_twips else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}'
        f'<w:ind w:left="{indent_twips}" w:right="{indent_twips}"/></w:pPr></w:p>'
    )


# `**bold**`, `*italic*` and footnote markers `[^key]` inside a text value.
_INLINE = re.compile(r"\*\*(?P<b>.+?)\*\*|\*(?P<i>[^*\s][^*]*?)\*|" + FOOTNOTE_MARKER.pattern, re.S)


def inline(text: str, footnote: Callable[[str], int] | None = None, *, bold: bool | None = None, italic: bool | None = None) -> str:
    """Runs for a text value, its markup turned into bold, italic and footnote references."""
    if "*" not in text and "[^" not in text:
        return run(text, bold=bold, italic=italic)
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            out.append(run(text[position : match.start()], bold=bold, italic=italic))
        if match.group("b") is not None:
            out.append(inline(match.group("b"), footnote, bold=True, italic=italic))
        elif match.group("i") is not None:
            out.append(inline(match.group("i"), footnote, bold=bold, italic=True))
        elif footnote is not None:
            out.append(footnote_reference(footnote(match.group("note"))))
        position = match.end()
    if position < len(text):
        out.append(run(text[position:], bold=bold, italic=italic))
    return "".join(out)


def plain(text: str) -> str:
    """The text a reader sees: markup removed (for headers, tests and PDF metadata)."""
    return _INLINE.sub(lambda m: plain(m.group("b") or m.group("i") or ""), text)


Chunks = Iterable  # of str, or of nested Chunks: large parts are produced lazily, row by row


def flatten(chunks) -> Iterator[str]:
    """The strings of nested chunks, in order."""
    if isinstance(chunks, str):
        yield chunks
        return
    for chunk in chunks:
        if isinstance(chunk, str):
            yield chunk
        else:
            yield from flatten(chunk)


def table(columns: list[tuple[str, int]], rows: Iterable[list[str]], *, header_style: str = "KHBangTieuDe") -> Iterator[str]:
    """A bordered table, produced row by row; the header row repeats on every page.
    `rows` hold each cell's paragraphs' XML."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for _, w in columns)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    total = sum(w for _, w in columns)
    header = "".join(_cell(paragraph(inline(title), header_style), width) for title, width in columns)
    yield (
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f'<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>'
    )
    widths = [w for _, w in columns]
    for cells in rows:
        yield "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(_cell(c, w) for c, w in zip(cells, widths)) + "</w:tr>"
    yield "</w:tbl>"


def _cell(content: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{content or "<w:p/>"}</w:tc>'


@dataclass
class Footnotes:
    """Footnotes met while writing the document, in order; Word numbers them."""

    texts: dict[str, str]
    first_id: int = 1  # after the footnotes a user's template may already hold
    bodies: list[str] = field(default_factory=list)

    def __call__(self, key: str) -> int:
        note_id = self.first_id + len(self.bodies)
        text = self.texts.get(key, "")
        self.bodies.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'{run(" ")}{inline(text)}</w:p></w:footnote>'
        )
        return note_id
