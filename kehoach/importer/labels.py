"""Section labels at the start of a paragraph, typed or printed by Word's numbering:
`I.` (roman), `1.` (arabic), `1.1.` (decimal), `a)` (alpha)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = [
    ("roman", re.compile(r"^(?P<label>[IVXL]{1,6}\.)\s*(?=\S)")),
    ("decimal", re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3}\.?)\s+(?=\S)")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2}\.)\s*(?=[^\d\s])")),
    ("alpha", re.compile(r"^(?P<label>[a-zđ]\))\s*(?=\S)")),
]


@dataclass(frozen=True)
class Label:
    style: str          # roman, arabic, decimal, alpha
    text: str           # as printed: `II.`, `1.2.`, `a)`
    end: int            # where the paragraph's text starts after it

    @property
    def kind(self) -> str:
        """Styles that nest into each other: `1.1.` and `1.1.1.` are different levels."""
        return f"decimal{self.text.rstrip('.').count('.')}" if self.style == "decimal" else self.style


def find(text: str) -> Label | None:
    for style, pattern in _PATTERNS:
        if (m := pattern.match(text)) is not None:
            return Label(style, m["label"], m.end())
    return None
