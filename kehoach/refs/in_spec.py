"""The references a spec cites, found once per spec (several rules and `kehoach new` ask for them)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from kehoach.refs.extract import Reference, find
from kehoach.spec.model import Plan, ScheduleAppendix, Text, iter_texts

_FOUND: WeakKeyDictionary = WeakKeyDictionary()


def _prose_of(appendix):
    """An appendix's text that may cite documents: a schedule's title and introduction, not its rows."""
    if not isinstance(appendix, ScheduleAppendix):
        return appendix
    schedule = appendix.schedule
    return [appendix.label] + ([schedule.title, schedule.subtitle, schedule.intro] if schedule else [])


def references(spec) -> list[tuple[Text, Reference]]:
    """Every reference in a plan's text (schedule rows are places and people, not citations)."""
    if spec not in _FOUND:
        found = []
        if isinstance(spec, Plan):
            texts = iter_texts([spec.subject, spec.bases, spec.intro, spec.sections, spec.closing,
                                spec.footnotes, [_prose_of(a) for a in spec.appendices]])
            for text in texts:
                found += [(text, r) for r in find(text.value)]
        _FOUND[spec] = found
    return _FOUND[spec]
