"""Which parts of a spec are running text, decided once for every rule that reads prose (dates
written in words, footnote markers, cited documents).

Prose is what a person writes as sentences: the subject, bases, intro, sections, closing, recipients,
footnotes, and the appendices' titles, tables and notes; for a schedule, its title, subtitle and
intro. A schedule's rows are places and people, the organ and the signer are names: not prose (and
scanning thousands of rows for sentences would cost more than rendering them).
"""

from __future__ import annotations

from kehoach.spec.memo import once_per_spec
from kehoach.spec.model import Plan, ScheduleAppendix, Text, iter_texts


@once_per_spec
def prose_texts(spec) -> list[Text]:
    """The prose of a plan or a schedule, in document order; found once per spec."""
    return iter_texts(_parts(spec))


def _parts(spec) -> list:
    if not isinstance(spec, Plan):
        return [spec.title, spec.subtitle, spec.intro]
    parts = [spec.subject, spec.bases, spec.intro, spec.sections, spec.closing, spec.recipients, spec.footnotes]
    for appendix in spec.appendices:
        if isinstance(appendix, ScheduleAppendix):
            if appendix.schedule is not None:
                parts += [appendix.label, *_parts(appendix.schedule)]
        else:
            parts.append(appendix)
    return parts
