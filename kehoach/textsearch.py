r"""Finding the words a rule needs in running text, without a regex scan of every character.

A pattern such as `(?i)(?<!\w)(?:xã|huyện)(?!\w)` makes Python's regex engine try a match at every
position of the text, and nothing lets it skip ahead: a lookbehind comes first, and an ignore-case
letter is no literal it can search for. `str.find` looks for a word in a C loop many times faster.
The rules that read a plan's prose (dates, place names) look here for where their words stand, in
the text lowered once, and run their regex only there.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def lowered(text: str) -> str | None:
    """`text` in lower case with the same offsets, or None when lowering changes its length (`İ`
    becomes two characters). For the letters of the words looked for with it, `str.lower` folds case
    as the regex's ignore-case does (tests/test_text_scans.py checks every character)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def occurrences(lowered: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """Where each of `words` stands in `lowered` (overlapping ones included): (offset, word), in
    text order."""
    found = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.append((at, word))
            at = lowered.find(word, at + 1)
    found.sort()
    return found


class Joined:
    """Many texts read as one, for the scans that cost little a character but much a call (a plan's
    prose is some sixty short texts): joined by NUL, which no pattern of the rules reads across (it is
    no letter, digit, blank or punctuation they know), so that whatever a scan finds in the whole lies
    in one text, where that text alone gives it."""

    def __init__(self, texts: Iterable[str]):
        self.texts = list(texts)
        self.text = "\0".join(self.texts)
        self._starts = list(accumulate((len(text) + 1 for text in self.texts[:-1]), initial=0))

    @cached_property
    def lowered(self) -> str | None:
        """`lowered(self.text)`, once for the scans that share the texts."""
        return lowered(self.text)

    def locate(self, offset: int) -> tuple[int, int]:
        """Which text an offset of the whole falls in, and where that text starts in the whole."""
        i = bisect_right(self._starts, offset) - 1
        return i, self._starts[i]

    def each(self, found: Iterable[T], offset: Callable[[T], int], moved: Callable[[T, int], T]) -> list[list[T]]:
        """What a scan found in the whole, given to the texts it lies in: `moved(item, by)` is the item
        with its offsets `by` characters back, counted in its own text."""
        each: list[list[T]] = [[] for _ in self.texts]
        for item in found:
            i, start = self.locate(offset(item))
            each[i].append(moved(item, start))
        return each
