"""The appendices after the signature: label (`Phụ lục II`), title, the `(Kèm theo …)` line, then an
inspection schedule (into a schedule file), one table (a table appendix) or text and tables (an
appendix with a `body`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.importer import dates, schedule_table, tables
from kehoach.importer.body import marked
from kehoach.importer.header import is_rule
from kehoach.word.paragraphs import Block, Paragraph, Table
from kehoach.importer.source import src
from kehoach.render.numbering import roman

LABEL = re.compile(r"^PH[ỤU]\s*L[ỤU]C(\s+(SỐ\s+)?[\dIVXLC]+[a-z]?)?\s*[:.]?$", re.I)
KEM_THEO = re.compile(r"^\(?\s*(Kèm|Ban hành kèm)\s+theo\b", re.I)
NOTES = re.compile(r"^(\*?\s*)?Ghi chú\s*:?\s*(?P<rest>.*)$", re.I)


@dataclass
class Appendix:
    spec: dict                       # the plan's appendix entry (schedule path filled in by the writer)
    schedule: dict | None = None     # the schedule file's content
    first: Paragraph | None = None


@dataclass
class Appendices:
    items: list[Appendix] = field(default_factory=list)
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)
    weekdays: list[tuple[Paragraph | None, str]] = field(default_factory=list)   # KH-I005


def _split(blocks: list[Block]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for block in blocks:
        starts = isinstance(block, Paragraph) and (LABEL.match(block.text) or block.page_break_before)
        if starts and groups and any(isinstance(b, Table) or (b.text and not LABEL.match(b.text)) for b in groups[-1]):
            groups.append([block])
        elif groups:
            groups[-1].append(block)
        elif isinstance(block, Table) or block.text:
            groups.append([block])
    return groups


def read(blocks: list[Block], year: int | None, plan_window) -> Appendices:
    found = Appendices()
    groups = _split(blocks)
    for k, group in enumerate(groups, start=1):
        found.items.append(_appendix(group, k, len(groups), year, plan_window, found))
    return found


def _appendix(group: list[Block], k: int, count: int, year, plan_window, found: Appendices) -> Appendix:
    blocks = [b for b in group if isinstance(b, Table) or (b.text and not is_rule(b.text))]
    label = None
    if blocks and isinstance(blocks[0], Paragraph) and LABEL.match(blocks[0].text):
        label = blocks.pop(0)
        found.parts.setdefault("label", []).append(label)
    titles: list[Paragraph] = []
    while blocks and isinstance(blocks[0], Paragraph) and not KEM_THEO.match(blocks[0].text) and _title_like(blocks[0]):
        titles.append(blocks.pop(0))
    if blocks and isinstance(blocks[0], Paragraph) and KEM_THEO.match(blocks[0].text):
        found.parts.setdefault("kem_theo", []).append(blocks.pop(0))
    if not titles and blocks and isinstance(blocks[0], Paragraph) and not any(isinstance(b, Table) for b in blocks[:1]):
        titles.append(blocks.pop(0))
    found.parts.setdefault("title", []).extend(titles)
    spec: dict = {}
    automatic = "Phụ lục" if count == 1 else f"Phụ lục {roman(k)}"
    if label is None:
        spec["label"] = src("", None)
    elif label.text.lower().rstrip(":.") != automatic.lower():
        spec["label"] = src(label.text.rstrip(":."), label)
    first = label or (titles[0] if titles else None)
    tables_here = [b for b in blocks if isinstance(b, Table)]
    if len(tables_here) == 1:
        window = _window(blocks) or plan_window
        schedule_year = window[0].year if window else year
        schedule = schedule_table.read(tables_here[0], schedule_year)
        if schedule is not None:
            return Appendix(spec, _schedule(schedule, titles, blocks, window, found), first)
    title = src("\n".join(marked(p) for p in titles), titles[0] if titles else first)
    if not titles:
        found.notes.append((first, "phụ lục không có tên: đặt tên trong `title`"))
    spec["title"] = title
    if len(tables_here) >= 1 and blocks and blocks[0] is tables_here[0] and _form_tail(blocks[1:]):
        _table_appendix(spec, blocks)
        return Appendix(spec, None, first)
    spec["body"] = [{"table": tables.to_spec(b)} if isinstance(b, Table) else src(marked(b), b) for b in blocks]
    return Appendix(spec, None, first)


def _form_tail(rest: list[Block]) -> bool:
    """After the table only notes and, last, a borderless signature table: a (blank) form."""
    for k, b in enumerate(rest):
        if isinstance(b, Table) and not (b.borderless and k == len(rest) - 1):
            return False
    return True


def _table_appendix(spec: dict, blocks: list[Block]) -> None:
    table = tables.to_spec(blocks[0])
    rows = table["rows"]
    if rows and [str(c) for c in rows[0]] == [str(n) for n in range(1, len(rows[0]) + 1)]:
        # The row of column numbers under the header of a form to fill in.
        spec["table"] = {"columns": table["columns"], "rows": rows[1:]}
        spec["column_numbers"] = True
    else:
        spec["table"] = table
    notes = []
    for b in blocks[1:]:
        if isinstance(b, Paragraph):
            text = _note(b.text)
            if text and not NOTES.match(text):
                notes.append(src(text, b))
        else:
            sides = [[src(p.text, p) for p in cell.paragraphs if p.text] for row in b.rows for cell in row]
            spec["signature"] = {"left": sides[0] if sides else [], "right": sides[1] if len(sides) > 1 else []}
    if notes:
        spec["notes"] = notes


def _note(text: str) -> str:
    m = NOTES.match(text)
    return m["rest"] if m and m["rest"] else text


def _title_like(p: Paragraph) -> bool:
    letters = [ch for ch in p.text if ch.isalpha()]
    upper = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    bold = any(s.format.bold for s in p.segments if s.text.strip())
    return p.align == "center" or upper or bold


def _window(blocks: list[Block]):
    for b in blocks:
        if isinstance(b, Paragraph) and (w := dates.window(b.text)):
            return w
    return None


def _schedule(table: schedule_table.ScheduleTable, titles: list[Paragraph], blocks: list[Block], window, found) -> dict:
    spec: dict = {}
    if titles:
        spec["title"] = src(marked(titles[0]), titles[0])
    if len(titles) > 1:
        spec["subtitle"] = src(" ".join(marked(p) for p in titles[1:]), titles[1])
    own_window = _window(blocks)
    if own_window:
        spec["window"] = {"from": own_window[0], "to": own_window[1]}
    intro = []
    for b in blocks:
        if isinstance(b, Table):
            break
        intro.append(src(marked(b), b))
    if intro:
        spec["intro"] = intro
    spec.update(table.spec_fields())
    after = False
    for b in blocks:
        if after and isinstance(b, Paragraph):
            found.notes.append((b, f"đoạn sau bảng lịch chưa xếp được (lịch không có chỗ ghi): «{b.text}»"))
        after = after or isinstance(b, Table)
    found.notes += table.notes
    found.weekdays += table.weekdays
    return spec
