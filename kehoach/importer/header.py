"""The header of a plan: issuing organ (and its parent), `Số: …/KH-CODE`, the place and date line,
a `DỰ THẢO` mark; from the borderless header table or from paragraphs at the top."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kehoach.word.paragraphs import Block, Paragraph, Table
from kehoach.importer.source import Src, is_bold, pieces, src

QUOC_HIEU = re.compile(r"C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I)
TIEU_NGU = re.compile(r"Đ[ộo]c\s+l[ậa]p\s*[-–—]\s*T[ựu]\s+do\s*[-–—]\s*H[ạa]nh\s+ph[úu]c", re.I)
NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\d+)?\s*/?\s*(?:(?P<year>\d{4})/)?(?P<type>[A-Za-zĐđ]+)\s*-\s*(?P<code>\S+)")
PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,60}?)\s*,\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})", re.I
)
DRAFT = re.compile(r"D[ỰU]\s*TH[ẢA]O", re.I)
TITLE = re.compile(r"^K[ẾE]\s*HO[ẠA]CH$", re.I)
_RULE = re.compile(r"^[\s_\-–—=.*]*$")
WHERE = "Phần đầu"   # where a diagnostic in the header is


@dataclass
class Header:
    parent: list[Src] = field(default_factory=list)
    name: list[Src] = field(default_factory=list)
    code: Src | None = None
    type: Src | None = None
    number: int | None = None
    place: Src | None = None
    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    draft: bool = False
    # The paragraphs of each part, for the layout rules.
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    end: int = 0                    # the first block after the header
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)


def is_title(block: Block) -> bool:
    """`KẾ HOẠCH` alone, or as the first line of a paragraph that goes on with the trích yếu."""
    return isinstance(block, Paragraph) and bool(block.text) and bool(TITLE.match(block.lines[0]))


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text))


def find(blocks: list[Block]) -> Header | None:
    """The header, or None when the document has none (no `Số:`, no place and date, no Quốc hiệu)."""
    header = Header()
    left: list[Paragraph] = []
    right: list[Paragraph] = []
    title_at = next((i for i, b in enumerate(blocks[:40]) if is_title(b)), None)
    limit = title_at if title_at is not None else min(len(blocks), 12)
    # Lines typed with Shift+Enter in one cell are lines of the header like lines typed with Enter.
    for index, block in enumerate(blocks[:limit]):
        if isinstance(block, Table):
            for row in block.rows:
                for k, cell in enumerate(row):
                    (left if k == 0 else right).extend(line for p in cell.paragraphs for line in p.split_lines())
        else:
            left.extend(block.split_lines())
    header.end = limit
    for line in left + right:
        line.where = WHERE
    organ_lines: list[tuple[str, bool, Paragraph]] = []
    for paragraph in left + right:
        text = paragraph.text
        if paragraph.rule or (text and is_rule(text)):
            header.parts.setdefault("rule_right" if paragraph in right else "rule_left", []).append(paragraph)
        if not text or is_rule(text):
            continue
        if DRAFT.fullmatch(text.strip("() ")):
            header.draft = True
            header.parts.setdefault("draft", []).append(paragraph)
            continue
        # Paragraph headers copied from a table put both columns on one line: cut at the Quốc hiệu.
        text = _take(header, paragraph, text, QUOC_HIEU, "quoc_hieu")
        text = _take(header, paragraph, text, TIEU_NGU, "tieu_ngu")
        if not text:
            continue
        if (m := NUMBER.match(text)) is not None:
            header.parts.setdefault("so", []).append(paragraph)
            header.number = int(m["number"]) if m["number"] else None
            header.code = src(m["code"].rstrip(".,;"), paragraph)
            if m["type"].upper() != "KH":
                header.type = src(m["type"], paragraph)
            continue
        if (m := PLACE_DATE.match(text)) is not None:
            _place_date(header, paragraph, m)
            continue
        if paragraph in right:
            header.notes.append((paragraph, f"dòng ở cột phải phần đầu văn bản chưa xếp được: «{text}»"))
            continue
        organ_lines.append((text, is_bold(pieces(paragraph)), paragraph))
    if header.code is None and header.place is None and "quoc_hieu" not in header.parts:
        return None
    _organ(header, organ_lines)
    return header


def _take(header: Header, paragraph: Paragraph, text: str, pattern: re.Pattern, part: str) -> str:
    match = pattern.search(text)
    if match is None:
        return text
    header.parts.setdefault(part, []).append(paragraph)
    return (text[: match.start()] + " " + text[match.end():]).strip()


def _place_date(header: Header, paragraph: Paragraph, m: re.Match) -> None:
    header.parts.setdefault("place_date", []).append(paragraph)
    header.place = src(m["place"].strip(), paragraph)
    year = int(m["year"])
    if m["day"] and m["month"]:
        try:
            header.date = dt.date(year, int(m["month"]), int(m["day"]))
            return
        except ValueError:
            header.notes.append((paragraph, f"ngày ký không có thật: «{m.group(0)}»; ghi là bản dự thảo"))
    header.year = year
    if m["month"] and 1 <= int(m["month"]) <= 12:
        header.month = int(m["month"])


def _organ(header: Header, lines: list[tuple[str, bool, Paragraph]]) -> None:
    """Parent lines, then the issuing organ's: by boldness when the document shows it (the organ is
    bold, its parent not), else the first of several lines is the parent."""
    if not lines:
        return
    bolds = [b for _, b, _ in lines]
    if any(bolds) and not all(bolds):
        first_bold = bolds.index(True)
        parent, name = lines[:first_bold], lines[first_bold:]
        trailing = [line for line in name if not line[1]]
        if trailing:
            header.notes.append((trailing[0][2], "dòng không đậm sau tên cơ quan ban hành: giữ trong tên cơ quan"))
    elif len(lines) >= 2 and not all(bolds):
        parent, name = lines[:1], lines[1:]
        header.notes.append((lines[0][2], f"coi «{lines[0][0]}» là cơ quan chủ quản (văn bản không in đậm tên cơ quan)"))
    else:
        parent, name = [], lines
    header.parent = [src(text, p) for text, _, p in parent]
    header.name = [src(text, p) for text, _, p in name]
    header.parts["parent"] = _unique([p for _, _, p in parent])
    header.parts["organ"] = _unique([p for _, _, p in name])


def _unique(paragraphs: list[Paragraph]) -> list[Paragraph]:
    seen: list[Paragraph] = []
    for p in paragraphs:
        if p not in seen:
            seen.append(p)
    return seen
