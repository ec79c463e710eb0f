"""Lunar year names (can chi): `Giáp Thìn` is 2024, `Đinh Mùi` 2027.

The sexagenary cycle pairs ten heavenly stems with twelve earthly branches; Vietnamese names the
fourth branch Mão (the cat) where Chinese has the rabbit. A name stands for the lunar year that
begins at the Tết of its calendar year.
"""

from __future__ import annotations

import re

STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
# Spellings clerks also write for the same branches.
_OTHER_SPELLINGS = ("Tí", "Mẹo", "Tị")

# 4 CE was a Giáp Tý year, the cycle's first.
_CYCLE_START = 4

NAME = re.compile(
    r"(?<!\w)(" + "|".join(STEMS) + r")\s+(" + "|".join(BRANCHES + _OTHER_SPELLINGS) + r")(?!\w)",
    re.IGNORECASE,
)


def year_name(year: int) -> str:
    """`Bính Ngọ` for 2026."""
    index = year - _CYCLE_START
    return f"{STEMS[index % 10]} {BRANCHES[index % 12]}"
