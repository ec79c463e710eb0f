"""What a person must still review in a rolled plan: nothing here is rewritten silently.

First the documents the plan cites that are dated before the new year (the bases above all: the
first thing a clerk updates), then every year and date written literally in any text — templated
texts included, whatever the distance to the new year — and lunar year names (`Giáp Thìn`), which
no `{{ year }}` can follow.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kehoach import lunar_years, prose_dates
from kehoach.diagnostics import Pos
from kehoach.refs.extract import find as find_references
from kehoach.refs.in_spec import references
from kehoach.spec.model import Plan, ScheduleAppendix, iter_texts

# A year, alone or closing a date or a range: `2021`, `08/11/2021`, `2016-2020`, `2021 - 2025`.
_YEAR = r"\d{4}"
_LITERAL_YEAR = re.compile(
    r"(?<![\w/.,-])(?:\d{1,2}\s?[/.-]\s?){0,2}(" + _YEAR + r")(?:\s?[-–]\s?(" + _YEAR + r"))?(?![\w/])"
)
# Years a plan may speak of (as the loader reads `year`); other four-digit numbers are counts.
_YEARS = range(1945, 2101)
# Between two texts joined for scanning: neither a word, a space nor punctuation any pattern reads.
_BETWEEN = "\x00"
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


@dataclass(frozen=True)
class Review:
    pos: Pos
    text: str
    note: str = ""

    def __str__(self) -> str:
        return f"{self.pos}: {self.text}" + (f" — {self.note}" if self.note else "")


def cited_before(spec, new_year: int) -> list[Review]:
    """The documents cited with a date (or a year in their number) before `new_year`, bases first."""
    if not isinstance(spec, Plan):
        return []
    bases = {id(t) for t in spec.bases}
    found = []
    for text, ref in references(spec):
        year = ref.date.year if ref.date else ref.year
        if year is not None and year < new_year:
            found.append((id(text) not in bases, Review(text.pos_at(ref.offset), ref.text, f"cập nhật cho năm {new_year}")))
    return _unique(review for _, review in sorted(found, key=lambda f: f[0]))


def literals(spec, new_year: int) -> list[Review]:
    """Years, dates and lunar year names written literally, outside the documents a plan cites.

    All texts are scanned as one string (joined by a character no pattern crosses), so a schedule of
    twenty thousand rows costs a few regex passes, not a hundred thousand small ones."""
    paths = {id(a.path) for a in getattr(spec, "appendices", []) if isinstance(a, ScheduleAppendix)}
    texts = [text for text in iter_texts(spec) if id(text) not in paths]  # a file's name is not prose
    own_references: dict[int, list[tuple[int, int]]] = {}
    for text, ref in references(spec):
        own_references.setdefault(id(text), []).append((ref.offset, ref.end))
    scanned, starts, cited = [], [], []
    at = 0
    for text in texts:
        if text.templated:
            value = _EXPRESSION.sub(lambda m: " " * len(m.group(0)), text.source)
            spans = [(r.offset, r.end) for r in find_references(value)]
        else:
            value, spans = text.value, own_references.get(id(text), [])
        scanned.append(value)
        starts.append(at)
        cited += [(at + a, at + b) for a, b in spans]
        at += len(value) + len(_BETWEEN)
    joined = _BETWEEN.join(scanned)

    found: list[tuple[int, int, str]] = []  # start and end in `joined`, note
    dates = []
    for match in prose_dates.find(joined):
        end = match.end or match.start
        dates.append((match.start.offset, end.offset + len(end.text)))
    outside = _Spans(cited)
    found += [(a, b, "") for a, b in dates if a not in outside]
    taken = _Spans(cited + dates)
    for match in _LITERAL_YEAR.finditer(joined):
        years = [int(y) for y in match.groups() if y]
        if all(y in _YEARS for y in years) and match.start() not in taken:
            found.append((*match.span(), ""))
    note = f"năm {new_year} là năm {lunar_years.name_of(new_year)}"
    found += [(a, a + len(written), note) for a, written in lunar_years.names(joined)]

    reviews = []
    for a, b, why in sorted(found):
        i = bisect.bisect_right(starts, a) - 1
        reviews.append(Review(texts[i].pos_at(a - starts[i]), joined[a:b], why))
    # By position; a templated text's items share one position and keep their text order.
    return _unique(sorted(reviews, key=lambda r: (r.pos.file, r.pos.line, r.pos.column)))


def _unique(reviews) -> list[Review]:
    """One line per place and text: a templated value points at its start for all it holds."""
    return list(dict.fromkeys(reviews))


class _Spans:
    """Spans of a text, merged, so that asking whether an offset lies in one costs log(spans)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]
