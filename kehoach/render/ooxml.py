"""The XML layer: WordprocessingML built as strings, linearly, kept apart from what a plan says.

Finished XML has its own type, `Xml`; paragraphs, cells and tables take only `Xml`, so a plan's text
cannot reach the document unescaped. Text enters XML in one place, `_text`: there it is normalised
to NFC, cleaned of what XML 1.0 forbids (control characters, lone surrogates), escaped, and its tabs
and line breaks become `<w:tab/>` and `<w:br/>` (a raw tab or newline inside `w:t` is not one in Word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

from kehoach.render import styles
from kehoach.spec.model import FOOTNOTE_MARKER
from kehoach.vnformat import nfc


class Xml(str):
    """A piece of finished WordprocessingML. Adding two gives `Xml`; adding plain text is a TypeError."""

    __slots__ = ()

    def __add__(self, other):
        if isinstance(other, Xml):
            return Xml(str.__add__(self, other))
        return NotImplemented

    def __html__(self) -> str:  # Jinja's autoescape (a user's template) leaves it as it is
        return self


EMPTY = Xml("")


def join(parts: Iterable[Xml]) -> Xml:
    parts = tuple(parts)
    if not set(map(type, parts)) <= {Xml}:  # type() per part in C: the check costs little on long tables
        raise TypeError(f"text given where XML is expected: {next(p for p in parts if type(p) is not Xml)[:40]!r}")
    return Xml("".join(parts))


# Dropped: what XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF) and lone
# surrogates (which UTF-8 cannot encode). Escaped: the characters with a meaning in XML.
_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"  # a character class's ranges
_FORBIDDEN_CHARACTER = re.compile(f"[{_FORBIDDEN}]")
_BREAK = re.compile(r"(\r\n|[\r\n\t])")
# Most text needs neither: one C-level scan finds out.
_NEEDS_WORK = re.compile(f"[&<>\"\t\n\r{_FORBIDDEN}]")


def clean(text: str) -> str:
    """Text as a reader sees it, for places that are not XML (PDF metadata): NFC, no forbidden characters."""
    return nfc(_FORBIDDEN_CHARACTER.sub("", text))


def esc(text: str) -> str:
    """Text as the content of an XML element or attribute of another part (document properties)."""
    if not _NEEDS_WORK.search(text):
        return nfc(text)
    # Not one str.translate table for both jobs: it looks up every character of non-ASCII text
    # (slow on Vietnamese), where these scan in C.
    text = _FORBIDDEN_CHARACTER.sub("", text)
    return nfc(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def _text(text: str) -> str:
    """The run content for `text`: `w:t` pieces, with `<w:tab/>` and `<w:br/>` for tabs and line breaks."""
    if not _NEEDS_WORK.search(text):
        if not text:
            return ""
        return f'<w:t xml:space="preserve">{nfc(text)}</w:t>'
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return f'<w:t xml:space="preserve">{esc(text)}</w:t>'
    out = []
    for piece in _BREAK.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(f'<w:t xml:space="preserve">{esc(piece)}</w:t>')
    return "".join(out)


def in_text_element(text: str) -> Xml:
    """`text` for a placeholder standing inside a template's `w:t`: closed and reopened around breaks."""
    if "\t" in text or "\n" in text or "\r" in text:
        return Xml(f'</w:t>{_text(text)}<w:t xml:space="preserve">')
    return Xml(esc(text))


def run(text: str, *, bold: bool | None = None, italic: bool | None = None, size: int | None = None) -> Xml:
    if bold is None and italic is None and size is None:
        return Xml(f"<w:r>{_text(text)}</w:r>")
    props = ""
    if bold is not None:
        props += "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    if italic is not None:
        props += "<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>'
    if size is not None:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return Xml(f"<w:r>{rpr}{_text(text)}</w:r>")


def footnote_reference(note_id: int) -> Xml:
    return Xml(
        f'<w:r><w:rPr><w:rStyle w:val="{styles.FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def paragraph(
    content: Xml,
    style: str,
    *,
    align: str | None = None,
    no_indent: bool = False,
    page_break_before: bool = False,
    keep_next: bool = False,
    keep_lines: bool = False,
) -> Xml:
    if not isinstance(content, Xml):
        raise TypeError(f"text given where XML is expected: {content[:40]!r}")
    if not (keep_next or keep_lines or page_break_before or no_indent or align):  # most paragraphs
        return Xml(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p>')
    props = f'<w:pStyle w:val="{style}"/>'  # in the schema's order: Word repairs any other
    if keep_next:
        props += "<w:keepNext/>"
    if keep_lines:
        props += "<w:keepLines/>"
    if page_break_before:
        props += "<w:pageBreakBefore/>"
    if no_indent:
        props += '<w:ind w:firstLine="0"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return Xml(f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>")


def rule(style: str, indent_twips: int, after_twips: int = 0) -> Xml:
    """An empty paragraph whose bottom border draws a centred rule (its style holds the border)."""
    spacing = f'<w:spacing w:after="{after_twips}"/>' if after_twips else ""
    return Xml(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}'
        f'<w:ind w:left="{indent_twips}" w:right="{indent_twips}"/></w:pPr></w:p>'
    )


def spacer(style: str) -> Xml:
    """An empty paragraph of `style` without the border the style may draw."""
    return Xml(f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:pBdr><w:bottom w:val="nil"/></w:pBdr></w:pPr></w:p>')


# `**bold**`, `*italic*` and footnote markers `[^key]` inside a text value.
_INLINE = re.compile(r"\*\*(?P<b>.+?)\*\*|\*(?P<i>[^*\s][^*]*?)\*|" + FOOTNOTE_MARKER.pattern, re.S)


def inline(
    text: str,
    footnote: Callable[[str], int] | None = None,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    upper: bool = False,
) -> Xml:
    """Runs for a text value, its markup turned into bold, italic and footnote references.
    `upper` capitalises the words a reader sees, never a footnote's key."""
    if "*" not in text and "[^" not in text:
        if bold is None and italic is None:  # most text: one plain run
            return Xml(f"<w:r>{_text(text.upper() if upper else text)}</w:r>")
        return run(text.upper() if upper else text, bold=bold, italic=italic)
    out: list[Xml] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            out.append(run(_case(text[position : match.start()], upper), bold=bold, italic=italic))
        if match.group("b") is not None:
            out.append(inline(match.group("b"), footnote, bold=True, italic=italic, upper=upper))
        elif match.group("i") is not None:
            out.append(inline(match.group("i"), footnote, bold=bold, italic=True, upper=upper))
        elif footnote is not None:
            out.append(footnote_reference(footnote(match.group("note"))))
        position = match.end()
    if position < len(text):
        out.append(run(_case(text[position:], upper), bold=bold, italic=italic))
    return join(out)


def _case(text: str, upper: bool) -> str:
    return text.upper() if upper else text


def plain(text: str) -> str:
    """The text a reader sees: markup removed (for headers, tests and PDF metadata)."""
    return _INLINE.sub(lambda m: plain(m.group("b") or m.group("i") or ""), text)


Chunks = Iterable  # of Xml, or of nested Chunks: large parts are produced lazily, row by row


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


class Cell(NamedTuple):
    """A table cell that spans columns (`span`) or is part of a vertical merge (`merge`: `restart`
    on its first row, `continue` on the rows it covers). A plain cell is just its content, `Xml`."""

    content: Xml
    span: int = 1
    merge: str | None = None


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table(
    widths: list[int],
    header: list[list[Xml | Cell]],
    rows: Iterable[list[Xml | Cell]],
    *,
    bordered: bool = True,
) -> Iterator[Xml]:
    """A table, produced row by row: `header` rows repeat on every page, no row splits across pages.
    Cells hold their paragraphs' XML. A table without columns, or a row without cells, is not
    written (Word calls such a file corrupt)."""
    if not widths:
        return
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    if bordered:
        props = (
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
            '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        )
    else:
        props = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{_NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
    yield Xml(f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")
    align = '<w:vAlign w:val="center"/>' if bordered else ""
    for cells in header:
        if cells:
            yield Xml(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{_cells(cells, widths, align)}</w:tr>")
    for cells in rows:
        if cells:
            yield Xml(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_cells(cells, widths, align)}</w:tr>")
    yield Xml("</w:tbl>")


def _cells(cells: list[Xml | Cell], widths: list[int], align: str) -> str:
    out = []
    column = 0
    for cell in cells:
        if type(cell) is Xml:  # the common cell: one column, no merge
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[column]}" w:type="dxa"/>{align}</w:tcPr>{cell or "<w:p/>"}</w:tc>')
            column += 1
            continue
        if not isinstance(cell, Cell) or type(cell.content) is not Xml:
            raise TypeError(f"text given where XML is expected: {str(cell)[:40]!r}")
        content, span, merge = cell
        width = sum(widths[column : column + span])
        column += span
        extra = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (f'<w:vMerge w:val="{merge}"/>' if merge else "")
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}{align}</w:tcPr>{content or "<w:p/>"}</w:tc>')
    return "".join(out)


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
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{styles.FOOTNOTE_TEXT}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{styles.FOOTNOTE_REFERENCE}"/></w:rPr><w:footnoteRef/></w:r>'
            f'{run(" ")}{inline(text)}</w:p></w:footnote>'
        )
        return note_id
