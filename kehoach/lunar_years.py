"""The names of lunar years (`Giáp Thìn`, `Ất Tỵ`, `Bính Ngọ`) and where text writes one beside a year.

A lunar year is named by the sexagenary cycle: ten stems and twelve branches advance together, so the
year whose Tết falls in Gregorian year Y is stem (Y - 4) mod 10 and branch (Y - 4) mod 12 (2024:
Giáp Thìn). Text writes some names two ways (Tỵ/Tị, Mão/Mẹo, Tý/Tí, Kỷ/Kỉ, Quý/Quí): both are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
_VARIANTS = {"Kỉ": "Kỷ", "Quí": "Quý", "Tí": "Tý", "Tị": "Tỵ", "Mẹo": "Mão"}


def name_of(year: int) -> str:
    """The name of the lunar year whose Tết falls in `year`."""
    return f"{STEMS[(year - 4) % 10]} {BRANCHES[(year - 4) % 12]}"


@dataclass(frozen=True)
class Named:
    offset: int  # of the lunar name in the text
    written: str  # `Giáp Thìn`, as written
    canonical: str  # the same with the usual spellings (`Tị` → `Tỵ`)
    year: int  # the Gregorian year written beside it


def _alternatives(words) -> str:
    forms = {form for word in words for form in (word, word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    stems = _alternatives(STEMS + ("Kỉ", "Quí"))
    branches = _alternatives(BRANCHES + ("Tí", "Tị", "Mẹo"))
    name = rf"(?<!\w)(?P<stem>{stems})\s+(?P<branch>{branches})(?!\w)"
    # The year right after the name (`Giáp Thìn năm 2024`, `Xuân Ất Tỵ 2025`) or right before it
    # (`năm 2025 (Ất Tỵ)`).
    after = re.compile(name + r"[\s,(]*(?:(?i:năm)\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")
    before = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[(,]?\s*" + name)
    return after, before


def _canonical(word: str) -> str:
    word = word[0] + word[1:].lower()
    return _VARIANTS.get(word, word)


def find(text: str) -> list[Named]:
    """Each lunar year's name written beside a year, in text order."""
    found: dict[int, Named] = {}
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start = match.start("stem")
            if start not in found:
                found[start] = Named(
                    start, f"{match.group('stem')} {match.group('branch')}",
                    f"{_canonical(match.group('stem'))} {_canonical(match.group('branch'))}", int(match.group("year")),
                )
    return [found[k] for k in sorted(found)]
