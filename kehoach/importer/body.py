"""The body of a plan: `KẾ HOẠCH` and the trích yếu, bases, intro, numbered sections (with run-in
titles, dash items, timelines and tables), and the closing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.importer import dates, labels, tables
from kehoach.importer.header import is_rule, is_title
from kehoach.word.paragraphs import Block, Paragraph, Table
from kehoach.importer.source import Piece, Src, is_bold, markup, pieces, split_at, src

BASIS = re.compile(r"^(Căn cứ|Thực hiện|Theo|Xét|Triển khai|Nhằm)\b")
CLOSING = re.compile(r"^Trên đây\b")
PHASE = re.compile(
    r"^(?:Từ\s+ngày\s+(?P<from>[\d/]+)\s+(?:đến|-)\s+(?:ngày\s+)?(?P<to>\d{1,2}/\d{1,2}/\d{4})"
    r"|Ngày\s+(?P<on>\d{1,2}/\d{1,2}/\d{4}))\s*:\s*(?P<task>.+)$"
)
DEFAULT_NUMBERING = ["roman", "arabic", "decimal", "alpha"]


@dataclass
class Body:
    subject: Src | None = None
    bases: list[Src] = field(default_factory=list)
    intro: list[Src] = field(default_factory=list)
    sections: list = field(default_factory=list)
    numbering: list[str] | None = None
    closing: list[Src] = field(default_factory=list)
    window: tuple | None = None
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)


@dataclass
class _Node:
    label: labels.Label | None
    spec: dict
    paragraph: Paragraph | None
    children: list = field(default_factory=list)   # _Node or Src or table dicts


def marked(paragraph: Paragraph) -> str:
    text = markup(pieces(paragraph))
    return f"{paragraph.label} {text}".strip() if paragraph.label else text


def read(blocks: list[Block], year: int | None) -> Body:
    body = Body()
    k = 0
    while k < len(blocks) and not is_title(blocks[k]):
        if isinstance(blocks[k], Paragraph) and blocks[k].text and not is_rule(blocks[k].text):
            body.notes.append((blocks[k], f"đoạn trước «KẾ HOẠCH» chưa xếp được: «{blocks[k].text}»"))
        k += 1
    subject: list[Paragraph] = []
    run_on: list[str] = []
    if k < len(blocks):
        body.parts["title"] = [blocks[k]]
        run_on = [line for line in blocks[k].lines[1:] if line]
        k += 1
    if run_on:
        # The trích yếu typed in the title's paragraph after a line break.
        body.subject = src(" ".join(run_on), blocks[k - 1])
        subject = [blocks[k - 1]]
    while k < len(blocks) and isinstance(blocks[k], Paragraph):
        p = blocks[k]
        if not p.text or is_rule(p.text):
            if subject:
                break
        elif run_on or subject and (BASIS.match(p.text) or labels.find(p.text)) or (subject and not _subject_like(p, subject[0])) or len(subject) >= 3:
            break
        else:
            subject.append(p)
        k += 1
    if subject and not run_on:
        body.subject = src(" ".join(markup(pieces(p)) for p in subject), subject[0])
    body.parts["subject"] = subject
    rest = [b for b in blocks[k:] if not (isinstance(b, Paragraph) and (not b.text or is_rule(b.text)))]
    styled = any(s.format.bold for b in rest if isinstance(b, Paragraph) for s in b.segments)
    k = 0
    while k < len(rest) and isinstance(rest[k], Paragraph) and not _label(rest[k]) and BASIS.match(rest[k].text):
        body.bases.append(src(marked(rest[k]), rest[k]))
        body.parts.setdefault("bases", []).append(rest[k])
        k += 1
    while k < len(rest) and isinstance(rest[k], Paragraph) and not _label(rest[k]):
        body.intro.append(src(marked(rest[k]), rest[k]))
        k += 1
    stream = rest[k:]
    closing_at = _closing_start(stream)
    body.closing = [src(marked(p), p) for p in stream[closing_at:] if isinstance(p, Paragraph)]
    for t in stream[closing_at:]:
        if isinstance(t, Table):
            body.notes.append((t.first, "bảng sau phần kết chưa xếp được: giữ lại thành một mục"))
    roots = _tree(stream[:closing_at] + [t for t in stream[closing_at:] if isinstance(t, Table)], styled, body)
    body.sections, body.numbering = _sections(roots, year, body)
    for p in [b for b in blocks if isinstance(b, Paragraph)]:
        if "thời gian" in p.text.lower() and (found := dates.window(p.text)):
            body.window = found
            break
    return body


def appendices_label(text: str) -> bool:
    """`Phụ lục …` at the head of an appendix (numbers the `where` of its paragraphs)."""
    return text.upper().startswith(("PHỤ LỤC", "PHU LUC"))


def _subject_like(p: Paragraph, first: Paragraph) -> bool:
    return is_bold(pieces(p)) == is_bold(pieces(first)) and p.align == first.align


def _label(p: Paragraph) -> labels.Label | None:
    return labels.find(p.text)


def _closing_start(stream: list[Block]) -> int:
    for k in range(len(stream) - 1, -1, -1):
        b = stream[k]
        if isinstance(b, Paragraph) and CLOSING.match(b.text) and not _label(b):
            return k
    last = len(stream) - 1
    while last >= 0 and isinstance(stream[last], Table):
        last -= 1
    if last >= 0 and stream[last].text.endswith("./.") and not _label(stream[last]) and not stream[last].text.startswith(("-", "+")):
        return last
    return len(stream)


def _tree(stream: list[Block], styled: bool, body: Body) -> list:
    """Nest paragraphs under their labels: a label of a style already open closes up to it."""
    roots: list = []
    stack: list[_Node] = []
    for block in stream:
        if isinstance(block, Table):
            item = {"table": tables.to_spec(block)}
            (stack[-1].children if stack else roots).append(item)
            continue
        label = _label(block)
        if label is None:
            item = src(marked(block), block)
            (stack[-1].children if stack else roots).append(item)
            if not stack:
                body.notes.append((block, "đoạn văn trước mục đánh số đầu tiên: giữ nguyên là một đoạn"))
            continue
        kinds = [n.label.kind for n in stack]
        if label.kind in kinds:
            del stack[kinds.index(label.kind):]
        node = _Node(label, _heading(block, label, styled, not stack), block)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _heading(p: Paragraph, label: labels.Label, styled: bool, top: bool) -> dict:
    found = pieces(p)
    if not p.label:
        # A typed label: cut it (and the space after it) from the pieces.
        _, found = split_at(found, label.end)
    text = "".join(t for t, _, _ in found).strip()
    lead_bold = _leading_bold(found)
    if styled and lead_bold and len(lead_bold.strip()) < len(text):
        title, after = split_at(found, len(lead_bold))
        title_text = "".join(t for t, _, _ in title).strip()
        after_text = markup(after).strip()
        if title_text.endswith(":"):
            title_text = title_text[:-1].rstrip()
        elif after_text.startswith(":"):
            after_text = after_text[1:].strip()
        else:
            return {"text": src(markup(found), p)}
        return {"title": src(title_text, p), "text": src(after_text, p)} if after_text else {"title": src(title_text, p)}
    if styled:
        return {"title": src(text, p)} if (lead_bold or top) else {"text": src(markup(found), p)}
    # A document without bold: short lines are headings, `Heading: text` is a run-in title.
    head, colon, tail = text.partition(": ")
    if top or (len(text.split()) <= 15 and not text.endswith((".", ";", ":"))):
        return {"title": src(text, p)}
    if colon and len(head.split()) <= 10 and "." not in head:
        return {"title": src(head, p), "text": src(tail, p)}
    return {"text": src(text, p)}


def _leading_bold(found: list[Piece]) -> str:
    out = ""
    for text, bold, _ in found:
        if not bold:
            break
        out += text
    return out


def _sections(roots: list, year: int | None, body: Body) -> tuple[list, list[str] | None]:
    depth_styles: list[str] = []
    _collect_styles(roots, 0, depth_styles)
    numbering = depth_styles + DEFAULT_NUMBERING[len(depth_styles):]
    sections = [_emit(item, 0, numbering, year, body) for item in roots]
    return sections, (numbering if numbering != DEFAULT_NUMBERING else None)


def _collect_styles(items: list, depth: int, styles: list[str]) -> None:
    first = next((i for i in items if isinstance(i, _Node)), None)
    if first is None:
        return
    if len(styles) <= depth:
        styles.append(first.label.style)
    for item in items:
        if isinstance(item, _Node):
            _collect_styles(item.children, depth + 1, styles)


def _emit(item, depth: int, numbering: list[str], year: int | None, body: Body):
    if not isinstance(item, _Node):
        return item
    spec = dict(item.spec)
    children = item.children
    numbered = [c for c in children if isinstance(c, _Node)]
    expected = numbering[depth + 1] if depth + 1 < len(numbering) else "alpha"
    if numbered and numbered[0].label.style != expected:
        spec["numbering"] = numbered[0].label.style
    timeline, kept = _timeline(children, year)
    for n, child in enumerate([c for c in kept if isinstance(c, _Node)], start=1):
        if not _label_matches(child.label, n):
            body.notes.append((child.paragraph, f"số mục «{child.label.text}» không liền mạch: kehoach sẽ đánh lại số thứ tự {n}"))
    out = [_emit(c, depth + 1, numbering, year, body) for c in kept]
    if out:
        spec["body"] = out
    if timeline:
        spec["timeline"] = timeline
    return spec


def _label_matches(label: labels.Label, n: int) -> bool:
    from kehoach.render.numbering import LETTERS, roman

    stem = label.text.rstrip(".)").split(".")[-1]
    if label.style == "roman":
        return stem == roman(n)
    if label.style == "alpha":
        return n <= len(LETTERS) and stem == LETTERS[n - 1]
    return stem.isdigit() and int(stem) == n


def _timeline(children: list, year: int | None) -> tuple[list[dict], list]:
    """`Từ ngày … đến ngày …: task` items that close their section (the renderer prints a
    timeline after the section's other children) become its phases."""
    phases: list[dict] = []
    k = len(children)
    while k > 0:
        child = children[k - 1]
        if not isinstance(child, _Node) or child.children or "title" in child.spec:
            break
        text = child.spec.get("text", "")
        m = PHASE.match(str(text))
        if m is None:
            break
        phase = _phase(m, child.paragraph, year)
        if phase is None:
            break
        phases.insert(0, phase)
        k -= 1
    if len(phases) < 1:
        return [], children
    return phases, children[:k]


def _phase(m: re.Match, paragraph: Paragraph, year: int | None) -> dict | None:
    task = src(m["task"].strip(), paragraph)
    if m["on"]:
        on = dates.dates(m["on"], year)
        return {"on": on[0], "task": task} if on else None
    found = dates.dates(f"{m['from']} {m['to']}", year)
    if len(found) != 2 or found[0] > found[1]:
        return None
    return {"from": found[0], "to": found[1], "task": task}
