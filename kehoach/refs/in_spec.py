"""The references a spec cites, found once per spec (several rules and `kehoach new` ask for them)."""

from __future__ import annotations

from kehoach.refs.extract import Reference, find
from kehoach.spec.memo import once_per_spec
from kehoach.spec.model import Plan, Text
from kehoach.spec.prose import prose_texts


@once_per_spec
def references(spec) -> list[tuple[Text, Reference]]:
    """Every reference in a plan's text (schedule rows are places and people, not citations)."""
    if not isinstance(spec, Plan):
        return []
    return [(text, r) for text in prose_texts(spec) for r in find(text.value)]
