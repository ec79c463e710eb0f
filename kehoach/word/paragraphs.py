"""The document as it prints, in order: paragraphs (with their numbering labels, formatting and
footnote markers) and tables (cells with their spans and vertical merges).

Word's debris is left behind here: runs split inside words are joined, spell-check marks, bookmarks
and rsids are never read, tracked changes are taken as they print (insertions kept, deletions
dropped), soft breaks, tabs, non-breaking and repeated spaces become one space, PAGE fields drop,
and a footnote reference becomes `[^n]`. Paragraphs are numbered from 1 in document order, table
cells' paragraphs included, as diagnostics on Word files count them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from kehoach.word.numbering import Numbering
from kehoach.word.package import W, WordPackage
from kehoach.word.styles import RunFormat, Styles

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_PAGE_FIELDS = ("PAGE", "NUMPAGES", "SECTIONPAGES")
_SKIPPED = {W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "instrText", W + "delText"}
_TEXTBOX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"


@dataclass
class Segment:
    text: str
    format: RunFormat


@dataclass
class Paragraph:
    number: int
    segments: list[Segment]
    style: str = ""
    label: str = ""          # Word's automatic number, as printed
    numbered_level: int | None = None
    align: str = ""
    page_break_before: bool = False
    cell: tuple[int, int, int] | None = None   # (table, row, column), from 1
    where: str = ""
    # A horizontal rule: a bottom border (own or from the style) or a drawn line in the paragraph.
    rule: bool = False

    @property
    def lines(self) -> list[str]:
        """The paragraph's lines (soft line breaks kept), each normalised."""
        raw = "".join(s.text for s in self.segments)
        return [clean(part) for part in raw.split("\n")]

    @property
    def text(self) -> str:
        """The paragraph as it prints, on one line, its Word numbering label in front."""
        body = clean("".join(s.text for s in self.segments))
        return f"{self.label} {body}".strip() if self.label else body

    def split_lines(self) -> list["Paragraph"]:
        """The paragraph's soft-broken lines (Shift+Enter, an HTML `<br>` saved by LibreOffice) as
        paragraphs of their own with the same number, each keeping its runs' formatting; a rule under
        the paragraph goes with its last line. A paragraph of one line is returned as it is."""
        if not any("\n" in s.text for s in self.segments):
            return [self]
        lines: list[list[Segment]] = [[]]
        for segment in self.segments:
            for k, part in enumerate(segment.text.split("\n")):
                if k:
                    lines.append([])
                if part:
                    lines[-1].append(Segment(part, segment.format))
        out = [replace(self, segments=line, label=self.label if k == 0 else "", rule=False)
               for k, line in enumerate(lines)]
        out[-1].rule = self.rule
        return out

    def formatted(self) -> list[Segment]:
        return [s for s in self.segments if s.text.strip()]


def clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ").replace("\u00ad", "")).strip()


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    span: int = 1
    merge: str = ""   # "restart" or "continue" for a vertical merge

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs if p.text)


@dataclass
class Table:
    number: int
    rows: list[list[Cell]]
    borderless: bool = False

    @property
    def first(self) -> Paragraph | None:
        return next((p for row in self.rows for c in row for p in c.paragraphs), None)

    def width(self) -> int:
        return max((sum(c.span for c in row) for row in self.rows), default=0)


Block = Paragraph | Table


@dataclass
class Margins:
    top: float | None = None
    bottom: float | None = None
    left: float | None = None
    right: float | None = None


@dataclass
class Document:
    path: str
    blocks: list[Block]
    footnotes: dict[str, str]
    paragraphs: list[Paragraph]
    margins: Margins
    title_page: bool = False            # the first page has its own (empty) header
    page_number_in_header: bool = False
    tracked_changes: int = 0
    objects: list[tuple[int, str]] = field(default_factory=list)   # (paragraph, "hình ảnh"/"hộp văn bản: …")


class _Reader:
    def __init__(self, package: WordPackage):
        self.styles = Styles(package.styles)
        self.numbering = Numbering(package.numbering)
        self.paragraphs: list[Paragraph] = []
        self.tables = 0
        self.tracked = 0
        self.objects: list[tuple[int, str]] = []
        # A complex field's state: inside its instruction, and whether its result is dropped.
        self._field_depth: list[dict] = []

    def blocks(self, container: etree._Element, cell: tuple[int, int, int] | None = None) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                out.append(self.paragraph(child, cell))
            elif tag == W + "tbl":
                out.append(self.table(child))
            elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                content = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if content is not None:
                    out += self.blocks(content, cell)
        return out

    def table(self, element: etree._Element) -> Table:
        self.tables += 1
        table = Table(self.tables, [])
        borders = element.find(f"{W}tblPr/{W}tblBorders")
        style = element.find(f"{W}tblPr/{W}tblStyle")
        table.borderless = (borders is not None and all(
            b.get(W + "val") in ("nil", "none") for b in borders)) or (borders is None and style is None)
        for r, tr in enumerate(element.iterchildren(W + "tr"), start=1):
            row: list[Cell] = []
            column = 1
            for tc in tr.iterchildren(W + "tc"):
                props = tc.find(W + "tcPr")
                span, merge = 1, ""
                if props is not None:
                    grid = props.find(W + "gridSpan")
                    if grid is not None and (grid.get(W + "val") or "1").isdigit():
                        span = max(1, int(grid.get(W + "val")))
                    vmerge = props.find(W + "vMerge")
                    if vmerge is not None:
                        merge = "restart" if vmerge.get(W + "val") == "restart" else "continue"
                cell_blocks = self.blocks(tc, (table.number, r, column))
                paragraphs = [b for b in cell_blocks if isinstance(b, Paragraph)]
                # A table nested in a cell: its paragraphs stay in the cell, in order.
                for nested in (b for b in cell_blocks if isinstance(b, Table)):
                    paragraphs += [p for nr in nested.rows for c in nr for p in c.paragraphs]
                row.append(Cell(paragraphs, span, merge))
                column += span
            table.rows.append(row)
        return table

    def paragraph(self, element: etree._Element, cell) -> Paragraph:
        ppr = element.find(W + "pPr")
        style_element = ppr.find(W + "pStyle") if ppr is not None else None
        style = style_element.get(W + "val") if style_element is not None else None
        paragraph = Paragraph(len(self.paragraphs) + 1, [], self.styles.name(style), cell=cell)
        self.paragraphs.append(paragraph)
        num = self._own_or_style(ppr, style, "numPr")
        if num is not None:
            num_id = num.find(W + "numId")
            ilvl = num.find(W + "ilvl")
            level = int(ilvl.get(W + "val", "0")) if ilvl is not None and (ilvl.get(W + "val") or "").isdigit() else 0
            if num_id is not None:
                paragraph.label = self.numbering.label(num_id.get(W + "val", ""), level)
                paragraph.numbered_level = level if paragraph.label else None
        jc = self._own_or_style(ppr, style, "jc")
        paragraph.align = jc.get(W + "val", "") if jc is not None else ""
        brk = self._own_or_style(ppr, style, "pageBreakBefore")
        paragraph.page_break_before = brk is not None and brk.get(W + "val", "true") not in ("0", "false")
        paragraph.rule = self._own_or_style(ppr, style, "pBdr") is not None and (
            self._own_or_style(ppr, style, "pBdr").find(W + "bottom") is not None
            or self._own_or_style(ppr, style, "pBdr").find(W + "top") is not None)
        self._field_depth = []
        objects = len(self.objects)
        self.inline(element, paragraph, style, None)
        # A drawn line (a shape without text) is the rule under the organ or the Tiêu ngữ, not an image.
        if len(self.objects) > objects and _drawn_line(element):
            del self.objects[objects:]
            paragraph.rule = True
        return paragraph

    def _own_or_style(self, ppr, style, tag):
        own = ppr.find(W + tag) if ppr is not None else None
        return own if own is not None else self.styles.paragraph_property(style, tag)

    def inline(self, element: etree._Element, paragraph: Paragraph, style: str | None, run_style) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                if tag in (W + "del", W + "moveFrom"):
                    self.tracked += 1
                continue
            if tag == W + "r":
                self.run(child, paragraph, style)
            elif tag == W + "fldSimple":
                if _field_name(child.get(W + "instr", "")) not in _PAGE_FIELDS:
                    self.inline(child, paragraph, style, run_style)
            elif tag in (W + "ins", W + "moveTo"):
                self.tracked += 1
                self.inline(child, paragraph, style, run_style)
            elif isinstance(tag, str) and tag != W + "pPr":
                # hyperlink, smartTag, sdt, customXml, bookmarks (empty), proofErr (empty)...
                self.inline(child, paragraph, style, run_style)

    def run(self, run: etree._Element, paragraph: Paragraph, style: str | None) -> None:
        rpr = run.find(W + "rPr")
        rstyle = rpr.find(W + "rStyle") if rpr is not None else None
        fmt = self.styles.run_format(style, rstyle.get(W + "val") if rstyle is not None else None, rpr)
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    self._field_depth.append({"instr": "", "result": False})
                elif kind == "separate" and self._field_depth:
                    self._field_depth[-1]["result"] = True
                elif kind == "end" and self._field_depth:
                    self._field_depth.pop()
            elif tag == W + "instrText" and self._field_depth:
                self._field_depth[-1]["instr"] += child.text or ""
            elif self._field_depth and (not self._field_depth[-1]["result"]
                                        or _field_name(self._field_depth[-1]["instr"]) in _PAGE_FIELDS):
                continue
            elif tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n" if child.get(W + "type") in (None, "textWrapping") else " ")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "footnoteReference":
                parts.append(f"[^{child.get(W + 'id')}]")
            elif tag in (W + "drawing", W + "pict", "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"):
                self.object(child, paragraph)
        if parts:
            paragraph.segments.append(Segment("".join(parts), fmt))

    def object(self, element: etree._Element, paragraph: Paragraph) -> None:
        boxes = list(element.iter(_TEXTBOX))
        if boxes:
            # Word writes a text box twice (DrawingML and its VML fallback): report it once.
            texts = {clean(" ".join(t.text or "" for t in box.iter(W + "t"))) for box in boxes}
            for text in sorted(t for t in texts if t):
                self.objects.append((paragraph.number, f"hộp văn bản «{text}»"))
        else:
            self.objects.append((paragraph.number, "hình ảnh"))


def _drawn_line(element: etree._Element) -> bool:
    xml_tags = {e.tag.rsplit("}", 1)[-1] for e in element.iter() if isinstance(e.tag, str)}
    return bool(xml_tags & {"line", "cxnSp"} or ("prstGeom" in xml_tags and "blip" not in xml_tags
                and not any(e.get("prst") not in ("line", "straightConnector1") for e in element.iter()
                            if isinstance(e.tag, str) and e.tag.endswith("prstGeom"))))


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _twips_to_mm(value: str | None) -> float | None:
    try:
        return round(int(value) * 25.4 / 1440, 1) if value is not None else None
    except ValueError:
        return None


def read(package: WordPackage) -> Document:
    reader = _Reader(package)
    body = package.document.find(W + "body")
    blocks = reader.blocks(body) if body is not None else []
    margins, title_page = Margins(), False
    sect = body.find(W + "sectPr") if body is not None else None
    if sect is not None:
        mar = sect.find(W + "pgMar")
        if mar is not None:
            margins = Margins(*(_twips_to_mm(mar.get(W + side)) for side in ("top", "bottom", "left", "right")))
        title_page = sect.find(W + "titlePg") is not None
    return Document(
        package.path, blocks, _footnotes(package.footnotes), reader.paragraphs, margins, title_page,
        any(_has_page_field(h) for h in package.headers), reader.tracked, reader.objects,
    )


def _has_page_field(header: etree._Element) -> bool:
    instructions = [e.get(W + "instr", "") for e in header.iter(W + "fldSimple")]
    instructions += ["".join(t.text or "" for t in header.iter(W + "instrText"))]
    return any("PAGE" in i.upper() for i in instructions)


def _footnotes(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    notes = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = []
        for p in note.iter(W + "p"):
            texts.append("".join(t.text or "" for t in p.iter(W + "t") if not _deleted(t)))
        notes[note.get(W + "id", "")] = clean(" ".join(texts))
    return notes


def _deleted(element: etree._Element) -> bool:
    return any(a.tag in (W + "del", W + "moveFrom") for a in element.iterancestors())
