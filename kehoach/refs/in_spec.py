"""The references a spec cites, found once per spec (several rules and `kehoach new` ask for them)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from kehoach.refs.extract import Reference, find
from kehoach.spec.model import Plan, Text
from kehoach.spec.prose import prose_texts

_FOUND: WeakKeyDictionary = WeakKeyDictionary()


def references(spec) -> list[tuple[Text, Reference]]:
    """Every reference in a plan's text (schedule rows are places and people, not citations)."""
    if spec not in _FOUND:
        found = []
        if isinstance(spec, Plan):
            for text in prose_texts(spec):
                found += [(text, r) for r in find(text.value)]
        _FOUND[spec] = found
    return _FOUND[spec]
