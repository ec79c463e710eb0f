"""The labels Word's automatic numbering prints (`II.`, `1.2.`, `a)`), computed from numbering.xml.

A paragraph only says `numId` and `ilvl`; the label comes from the abstract numbering the num points
to (format, level text such as `%1.%2.`, start value), the num's `lvlOverride/startOverride`, and the
counters so far: nums sharing one abstract numbering continue each other's count (unless a num
restarts it with a startOverride), and a level starts again when a higher level advances."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from kehoach.word.package import W
from kehoach.vnformat import roman

_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    # Restart after this level advances (w:lvlRestart; by default any higher level).
    restart: int | None = None


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W + "val", default))
    except ValueError:
        return default


def _level(element: etree._Element) -> Level:
    fmt = element.find(W + "numFmt")
    text = element.find(W + "lvlText")
    restart = element.find(W + "lvlRestart")
    return Level(
        fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
        text.get(W + "val", "") if text is not None else "",
        _int(element.find(W + "start"), 1),
        _int(restart, 0) if restart is not None else None,
    )


def _letters(n: int, upper: bool) -> str:
    letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return letter.upper() if upper else letter


def format_number(fmt: str, n: int) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Feed paragraphs in document order to `label`; it returns what Word prints before each."""

    def __init__(self, root: etree._Element | None):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            levels = {_int_attr(lvl, "ilvl"): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            self._abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            abstract_id = num.find(W + "abstractNumId")
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    overrides[_int_attr(override, "ilvl")] = _int(start, 1)
            self._nums[num.get(W + "numId", "")] = (
                abstract_id.get(W + "val", "") if abstract_id is not None else "", overrides
            )

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self._nums or num_id == "0":
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or restart > ilvl:
                del counters[deeper]
        if level.fmt == "bullet":
            # Plans print dash and plus items; Word's bullet glyphs (•, , o, ▪) read as the dash.
            return "+" if level.text.strip() == "+" else "-"
        return _PLACEHOLDER.sub(lambda m: self._value(levels, counters, int(m.group(1)) - 1), level.text)

    @staticmethod
    def _value(levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels.get(ilvl, Level())
        return format_number(level.fmt, counters.get(ilvl, level.start))


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0
