"""The body of a plan as WordprocessingML: bases, intro, numbered sections, timeline, tables, closing."""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.numbering import HEADING_STYLE, label
from kehoach.render.tables import body_table
from kehoach.spec.model import Phase, Plan, Section, Text
from kehoach.vnformat import ngay

BODY = styles.NOI_DUNG


class BodyWriter:
    def __init__(self, footnotes: ooxml.Footnotes, numbering: list[str]):
        self.footnotes = footnotes
        self.numbering = numbering
        self.out: list = []  # Xml, and tables as lazy chunks

    def text(self, text: Text | str, style: str = BODY, **paragraph) -> None:
        value = text.value if isinstance(text, Text) else text
        self.out.append(ooxml.paragraph(ooxml.inline(value, self.footnotes), style, **paragraph))

    def style_at(self, depth: int) -> str:
        return self.numbering[depth] if depth < len(self.numbering) else "alpha"

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
        heading = HEADING_STYLE.get(style, styles.DE_MUC_4 if depth >= 3 else styles.HEADINGS[depth])
        # Top-level titles are printed in capitals; a footnote's key is not a word to capitalise.
        upper = depth == 0
        if upper and prefix.upper() != prefix:  # `đ)` stays lowercase before a capitalised title
            runs = ooxml.run(prefix) + ooxml.inline(section.title.value, self.footnotes, upper=True)
        else:
            runs = ooxml.inline(prefix + section.title.value, self.footnotes, upper=upper)
        if section.text is None:
            # Only a heading standing alone keeps with what follows: run-in paragraphs chained by
            # keep-with-next would push whole blocks to the next page.
            self.out.append(ooxml.paragraph(runs, heading, keep_next=True, keep_lines=True))
            return
        separator = " " if section.title.value.rstrip().endswith(":") else ": "
        bold = heading != styles.DE_MUC_4
        runs += ooxml.inline(separator + section.text.value, self.footnotes, bold=False if bold else None)
        self.out.append(ooxml.paragraph(runs, heading))

    def phase(self, phase: Phase, number: str) -> None:
        start, end = phase.start.value, phase.end.value
        when = f"Ngày {ngay(start)}" if start == end else f"Từ ngày {ngay(start)} đến ngày {ngay(end)}"
        self.text(f"{number} {when}: {phase.task.value}".lstrip())

    def closing(self, paragraphs: list[Text]) -> None:
        """The closing lines stay on the page of the signature block that follows them (with the
        body's last paragraph when there are none): a signature never stands alone on a page."""
        if not paragraphs:
            self.keep_last_with_next()
            return
        for paragraph in paragraphs:
            self.text(paragraph, keep_next=True, keep_lines=True)

    def keep_last_with_next(self) -> None:
        last = self.out[-1] if self.out else None
        if isinstance(last, ooxml.Xml) and last.startswith("<w:p><w:pPr>") and "<w:keepNext/>" not in last:
            style_end = last.index("/>") + 2  # after <w:pStyle .../>, where keepNext belongs
            self.out[-1] = ooxml.Xml(last[:style_end] + "<w:keepNext/><w:keepLines/>" + last[style_end:])


def body_xml(plan: Plan, footnotes: ooxml.Footnotes) -> list:
    """The body's XML as chunks (tables are produced lazily)."""
    writer = BodyWriter(footnotes, plan.numbering)
    for base in plan.bases:
        writer.text(base, styles.CAN_CU)
    for paragraph in plan.intro:
        writer.text(paragraph)
    writer.items(plan.sections, depth=0, style=writer.style_at(0), parent="")
    writer.closing(plan.closing)
    return writer.out


def outline_xml(items, footnotes: ooxml.Footnotes, numbering: str) -> list:
    """An appendix's body (text, numbered items, tables), read like a section's body: its top level
    numbered `numbering` (`1.`, `2.`, ... by default), the levels below as a plan's."""
    writer = BodyWriter(footnotes, ["roman", numbering, "decimal", "alpha"])
    writer.items(items, depth=1, style=numbering, parent="")
    return writer.out
