"""Appendices: each from a new page, with its label, title and `(Kèm theo ...)` line."""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.body import outline_xml
from kehoach.render.context import kem_theo
from kehoach.render.numbering import roman
from kehoach.render.signature import form_signature
from kehoach.render.tables import body_table, schedule_table
from kehoach.spec.model import Plan, Schedule, ScheduleAppendix, TableAppendix

RULE_INDENT = 3827  # twips each side: a short centred rule of about 30 mm


def appendix_label(plan: Plan, index: int, given) -> str:
    if given is not None:
        return given.value
    return "Phụ lục" if len(plan.appendices) == 1 else f"Phụ lục {roman(index)}"


def _heading(label: str, title: str | None, subtitle: str | None, kem: str | None, footnotes,
             new_page: bool = True) -> list:
    """Label, title, subtitle, `(Kèm theo ...)` and a short rule; from a new page unless told not to.
    The heading keeps with what follows it."""
    lines = []
    if label:
        lines.append((ooxml.inline(label, footnotes), styles.PHU_LUC))
    if title:
        # Printed in capitals; a footnote's key is not a word to capitalise.
        lines += [(ooxml.inline(line, footnotes, upper=True), styles.PHU_LUC_TEN) for line in title.split("\n")]
    if subtitle:
        lines.append((ooxml.inline(subtitle, footnotes), styles.PHU_LUC_TEN))
    if kem:
        lines.append((ooxml.inline(kem, footnotes), styles.KEM_THEO))
    out = [
        ooxml.paragraph(runs, style, page_break_before=new_page and i == 0, keep_next=True)
        for i, (runs, style) in enumerate(lines)
    ]
    out.append(ooxml.rule(styles.GACH, RULE_INDENT, after_twips=240))
    return out


def schedule_xml(schedule: Schedule, members, footnotes, *, label: str = "", kem: str | None = None,
                 first_page: bool = False) -> list:
    out = _heading(
        label,
        schedule.title.value if schedule.title else None,
        schedule.subtitle.value if schedule.subtitle else None,
        kem,
        footnotes,
        new_page=not first_page,
    )
    for line in schedule.intro:
        out.append(ooxml.paragraph(ooxml.inline(line.value, footnotes), styles.NOI_DUNG))
    out.append(schedule_table(schedule, members, footnotes))
    return out


def appendices_xml(plan: Plan, footnotes) -> list:
    """The appendices' XML as chunks (tables are produced lazily)."""
    out = []
    kem = kem_theo(plan)
    for index, appendix in enumerate(plan.appendices, start=1):
        label = appendix_label(plan, index, appendix.label)
        if isinstance(appendix, ScheduleAppendix):
            members = {**plan.members, **appendix.schedule.members}
            out += schedule_xml(appendix.schedule, members, footnotes, label=label, kem=kem)
        elif isinstance(appendix, TableAppendix):
            out += _heading(label, appendix.title.value, None, kem, footnotes)
            if appendix.body:
                out += outline_xml(appendix.body, footnotes, appendix.numbering or "arabic")
            if appendix.table is not None:
                out.append(body_table(appendix.table, footnotes, column_numbers=appendix.column_numbers,
                                      blank_rows=appendix.blank_rows))
            if appendix.notes:
                out.append(ooxml.paragraph(ooxml.run("Ghi chú:", bold=True, italic=True), styles.GHI_CHU))
            for note in appendix.notes:
                out.append(ooxml.paragraph(ooxml.inline(note.value, footnotes), styles.GHI_CHU))
            if appendix.signature is not None:
                out.append(form_signature(appendix.signature))
    return out
