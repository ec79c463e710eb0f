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


_STEMS = {s.lower() for s in STEMS} | {"kỉ", "quí"}
_BRANCHES = {b.lower() for b in BRANCHES} | {"tí", "tị", "mẹo"}
# The century's digits first, the lookbehind (no digit before them) after: the regex engine skips
# ahead to a `1` or a `2` only when the pattern begins with the characters it may begin with.
_YEAR = r"(?:19|20)(?<!\d(?:19|20))\d\d(?!\d)"
# The name right before the year (`Giáp Thìn năm 2024`, `Xuân Ất Tỵ 2025`) or right after it
# (`năm 2025 (Ất Tỵ)`). Generic words, checked against the stems and branches after matching: a
# pattern listing every spelling costs more to compile than a whole check.
_NAME_BEFORE = r"(?<!\w)(\w+)\s+(\w+)[\s,(]*(?:(?i:năm)\s+)?$"
_NAME_AFTER = r"\s*[(,]?\s*(\w+)\s+(\w+)(?!\w)"
# The three are kept as text, compiled by `re`'s own cache when a text may hold a name at all.
_REACH = 30


def _canonical(word: str) -> str:
    word = word[0] + word[1:].lower()
    return _VARIANTS.get(word, word)


def _is_name(stem: str, branch: str) -> bool:
    return stem[0].isupper() and branch[0].isupper() and stem.lower() in _STEMS and branch.lower() in _BRANCHES


def names(text: str) -> list[tuple[int, str]]:
    """Every lunar year's name in `text`, a year beside it or not (`Giáp Thìn năm {{ year }}`): its
    offset and how it is written."""
    return [(m.start(), m.group(0)) for m in _stem_and_word().finditer(text) if _is_name(m.group(1), m.group(2))]


@lru_cache(maxsize=1)
def _stem_and_word() -> re.Pattern:
    """A stem (as names are written: capitalised or in capitals) and the word after it."""
    stems = sorted({form for s in _STEMS for form in (s.capitalize(), s.upper())}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(stems) + r")\s+(\w+)(?!\w)")


def _may_hold_a_name(text: str) -> bool:
    """Whether a lunar year's name may stand in `text`: its lowered form holds a stem and a branch
    (the words `_is_name` asks for). Few texts with a year hold a branch at all (none of the seed
    plans' paragraphs holds both), and then their years need not be read around."""
    lower = text.lower()
    return any(branch in lower for branch in _BRANCHES) and any(stem in lower for stem in _STEMS)


def find(text: str) -> list[Named]:
    """Each lunar year's name written beside a year, in text order."""
    found: list[Named] = []
    if not ("19" in text or "20" in text) or not _may_hold_a_name(text):
        return found  # no year, or no name to read around one
    for year in re.finditer(_YEAR, text):
        start = max(0, year.start() - _REACH)
        before = re.search(_NAME_BEFORE, text[start : year.start()])
        after = re.compile(_NAME_AFTER).match(text, year.end())
        for match, offset in ((before, start), (after, 0)):
            if match and _is_name(match.group(1), match.group(2)):
                stem, branch = match.group(1), match.group(2)
                found.append(Named(offset + match.start(1), f"{stem} {branch}",
                                   f"{_canonical(stem)} {_canonical(branch)}", int(year.group(0))))
                break
    return found
