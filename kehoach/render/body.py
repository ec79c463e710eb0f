"""The body of a plan as WordprocessingML: bases, intro, numbered sections, timeline, tables, closing."""

from __future__ import annotations

from kehoach.render import ooxml
from kehoach.render.numbering import HEADING_STYLE, label
from kehoach.render.tables import body_table
from kehoach.spec.model import Phase, Plan, Section, Text
from kehoach.vnformat import ngay

BODY = "KHNoiDung"


class BodyWriter:
    def __init__(self, plan: Plan, footnotes: ooxml.Footnotes):
        self.plan = plan
        self.footnotes = footnotes
        self.out: list = []  # XML strings, and tables as lazy chunks

    def text(self, text: Text | str, style: str = BODY, **runs) -> None:
        value = text.value if isinstance(text, Text) else text
        self.out.append(ooxml.paragraph(ooxml.inline(value, self.footnotes, **runs), style))

    def write(self) -> list:
        plan = self.plan
        for base in plan.bases:
            self.text(base, "KHCanCu")
        for paragraph in plan.intro:
            self.text(paragraph)
        self.items(plan.sections, depth=0, style=self.style_at(0), parent="")
        for paragraph in plan.closing:
            self.text(paragraph)
        return self.out

    def style_at(self, depth: int) -> str:
        styles = self.plan.numbering
        return styles[depth] if depth < len(styles) else "alpha"

    def items(self, items, depth: int, style: str, parent: str) -> int:
        """Write the items; return how many were numbered (a timeline after them continues the count)."""
        n = 0
        for item in items:
            if isinstance(item, Text):
                self.text(item)
                continue
            numbered = item.numbered and style != "none" and (item.title is not None or item.text is not None)
            if numbered:
                n += 1
            own = label(style, n, parent) if numbered else ""
            self.section(item, depth, style, own)
            children = item.numbering or self.style_at(depth + 1)
            counted = self.items(item.body, depth + 1, children, own or parent)
            for k, phase in enumerate(item.timeline, start=counted + 1):
                self.phase(phase, label(children, k, own or parent))
            if item.table is not None:
                self.out.append(body_table(item.table, self.footnotes))
        return n

    def section(self, section: Section, depth: int, style: str, number: str) -> None:
        prefix = f"{number} " if number else ""
        if section.title is None:
            if section.text is not None:
                self.text(prefix + section.text.value)
            return
        title = section.title.value.upper() if depth == 0 else section.title.value
        heading = HEADING_STYLE.get(style, "KHDeMuc4" if depth >= 3 else f"KHDeMuc{depth + 1}")
        runs = ooxml.inline(prefix + title, self.footnotes)
        if section.text is not None:
            separator = " " if title.rstrip().endswith(":") else ": "
            bold = heading != "KHDeMuc4"
            runs += ooxml.inline(separator + section.text.value, self.footnotes, bold=False if bold else None)
        self.out.append(ooxml.paragraph(runs, heading, keep_next=section.text is None))

    def phase(self, phase: Phase, number: str) -> None:
        start, end = phase.start.value, phase.end.value
        when = f"Ngày {ngay(start)}" if start == end else f"Từ ngày {ngay(start)} đến ngày {ngay(end)}"
        self.text(f"{number} {when}: {phase.task.value}".lstrip())


def body_xml(plan: Plan, footnotes: ooxml.Footnotes) -> list:
    """The body's XML as chunks (tables are produced lazily)."""
    return BodyWriter(plan, footnotes).write()
