"""Find the dates written in running text.

Only dates the text marks as dates are read: `ngày 31/11/2023`, `ngày 25 tháng 9
năm 2023`, `từ ngày 05/10 đến ngày 02/10/2023`, `từ 04/11/2023 đến 10/11/2023`.
A number pair without such a mark (`Tại 08/08 xã`, `từ 05-10 hộ`) is a count,
not a date. Deadlines (`trước ngày`, `chậm nhất ngày`, `hạn ... ngày`) are told
apart, because one that has passed when the plan is signed is a mistake.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from kehoach import textsearch

# How running text writes a date, shared with the reference extractor (kehoach/refs/extract.py).
# Words may be separated by spaces, line breaks and **bold**/*italic* markers.
GAP = r"[\s*_]+"
# `08/11/2021`, `08-11-2021`, `08.11.2021`, and a stray space around the separator (`16/7/ 2021`).
SEPARATOR = r"\s?[/.-]\s?"
# `25 tháng 9 năm 2023`: the words between day, month and year (a comma may stand before `năm`).
MONTH_WORD = GAP + r"tháng" + GAP
YEAR_WORD = r"\s*,?" + GAP + r"năm" + GAP

_NUMERIC = r"(?<![\d/.])(\d{1,2})" + SEPARATOR + r"(\d{1,2})(?:" + SEPARATOR + r"(\d{4}))?(?![\d/])"
_LONG = r"(?<!\d)(\d{1,2})" + MONTH_WORD + r"(\d{1,2})(?:" + YEAR_WORD + r"(\d{4}))?(?!\d)"
# Both forms begin with a lookbehind, which keeps the regex engine from skipping ahead to a digit:
# the leading `(?=\d)` lets it (a whole plan's prose is read 4 times faster).
_TOKEN = rf"(?i)(?=\d)(?:{_NUMERIC}|{_LONG})"


@lru_cache(maxsize=1)
def _token() -> re.Pattern:
    """`_TOKEN`, compiled on first use: dates are read only after `ngày`, `từ` or a weekday, which
    the prose of a small plan may not hold."""
    return re.compile(_TOKEN)

# The marks (and the weekday before a date, below) are read only around a date found: kept as text,
# compiled on first use by `re`'s own cache, so that a start-up for a plan without dates does not compile them.
_MARK_DAY = r"(?i)(?<!\w)ngày[\s*_]*$"
_MARK_FROM = r"(?i)(?<!\w)từ(?:" + GAP + r"ngày)?[\s*_]*$"
_MARK_TO = r"(?i)[\s*_]*(?:đến|tới)(?:" + GAP + r"ngày)?[\s*_]*"
_MARK_DEADLINE = (
    r"(?i)(?<!\w)(?:trước|chậm nhất(?:" + GAP + r"là)?|hạn(?:" + GAP + r"(?:chót|cuối))?(?:" + GAP + r"(?:là|vào))?)"
    + GAP + r"ngày[\s*_]*$"
)
# A deadline's first words, one of which each of its matches holds.
_DEADLINE_WORDS = ("trước", "chậm", "hạn")
# How far back a mark may stand before its date.
_LOOKBACK = 40
# A day that comes back every year (`trước ngày 15/6 hằng năm`): a day of no one year.
_RECURRING = r"(?i)[\s*_,]*(?:của[\s*_]+)?(?:hằng|hàng|mỗi)[\s*_]+năm"
_LOOKAHEAD = 20


@dataclass(frozen=True)
class WrittenDate:
    """A date as written; the year may be missing (`ngày 08/11`)."""

    offset: int
    text: str
    day: int
    month: int
    year: int | None

    def resolve(self, default_year: int | None) -> dt.date | str | None:
        """The date, a sentence saying why it cannot exist, or None when no year is known."""
        year = self.year or default_year
        if year is None:
            return None
        if not 1 <= self.month <= 12:
            return f"không có tháng {self.month}"
        last = calendar.monthrange(year, self.month)[1]
        if not 1 <= self.day <= last:
            return f"tháng {self.month} năm {year} chỉ có {last} ngày"
        return dt.date(year, self.month, self.day)

    def back(self, by: int) -> WrittenDate:
        """The same date at an offset `by` characters back."""
        return WrittenDate(self.offset - by, self.text, self.day, self.month, self.year)


@dataclass(frozen=True)
class Found:
    kind: str  # "date", "deadline" or "range"
    start: WrittenDate
    end: WrittenDate | None = None
    recurring: bool = False

    def back(self, by: int) -> Found:
        return Found(self.kind, self.start.back(by), self.end and self.end.back(by), self.recurring)


def _written(match: re.Match) -> WrittenDate:
    groups = match.groups()
    day, month, year = groups[0:3] if groups[0] else groups[3:6]
    return WrittenDate(match.start(), match.group(0), int(day), int(month), int(year) if year else None)


# Every mark ends with `ngày` or `từ` (and blanks or **bold** markers) right before its date.
_MARK_WORDS = ("ngày", "từ")
_MARK_GAP = re.compile(r"[\s*_]*")


def _after_mark(text: str, lower: str | None) -> Iterator[re.Match]:
    """The dates `_TOKEN.finditer(text)` finds that stand right after `ngày` or `từ`: only those can
    have a mark before them. Found from the words in the lowered text (kehoach/textsearch.py) rather
    than by scanning for dates, which stops at each of a plan's numbers. A date holds neither word, so
    none begins before one and ends after it: the date read right after a word is finditer's."""
    if lower is None:
        yield from _token().finditer(text)
        return
    for start, word in textsearch.occurrences(lower, _MARK_WORDS):
        if match := _token().match(text, _MARK_GAP.match(text, start + len(word)).end()):
            yield match


def _marked(mark: str, words: tuple[str, ...], before: str, lowered_before: str) -> bool:
    """Whether `before` ends with the mark: its regex runs only when the window holds one of the words
    every match of it holds (a search anchored at the end tries each of the 40 positions)."""
    return any(word in lowered_before for word in words) and re.search(mark, before) is not None


def find(text: str) -> list[Found]:
    return _find(text, textsearch.lowered(text))


def find_each(joined: textsearch.Joined) -> list[list[Found]]:
    """`find` of each of the joined texts, read as one (kehoach/textsearch.py)."""
    return joined.each(_find(joined.text, joined.lowered), lambda found: found.start.offset, Found.back)


def _find(text: str, lower: str | None) -> list[Found]:
    found: list[Found] = []
    resume = 0  # after a range: its second date is not read again as a date of its own
    for match in _after_mark(text, lower):
        if match.start() < resume:
            continue
        before = text[max(0, match.start() - _LOOKBACK) : match.start()]
        lowered_before = before.lower()
        # `đến` must follow before the next date is looked for: in texts read as one it may be far.
        if _marked(_MARK_FROM, ("từ",), before, lowered_before) and re.compile(_MARK_TO).match(text, match.end()):
            following = _token().search(text, match.end())  # the date finditer finds next
            if following and re.fullmatch(_MARK_TO, text[match.end() : following.start()]):
                found.append(Found("range", _written(match), _written(following)))
                resume = following.end()
                continue
        recurring = bool(re.match(_RECURRING, text[match.end() : match.end() + _LOOKAHEAD]))
        if _marked(_MARK_DEADLINE, _DEADLINE_WORDS, before, lowered_before):
            found.append(Found("deadline", _written(match), recurring=recurring))
        elif _marked(_MARK_DAY, ("ngày",), before, lowered_before):
            found.append(Found("date", _written(match), recurring=recurring))
    return found


def range_years(found: Found, default_year: int | None) -> tuple[int | None, int | None]:
    """Years for both ends of a range: a missing year is the range's (`từ ngày 08/11 đến ngày 15/11/2021`),
    else the plan's. The tool writes both years when they differ, so a start later than its end
    is a mistake to report, not a range across new year."""
    end_year = found.end.year or default_year
    return found.start.year or end_year, end_year


# A weekday written just before a date: `Thứ Sáu, 14/11/2026`, `thứ 6 (ngày 14/11)`, `Chủ nhật - 15/11`.
_WEEKDAY_BEFORE = (
    r"(?i)(?<!\w)(thứ" + GAP + r"(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ" + GAP + r"nhật)[\s*_,(–-]*(?:ngày[\s*_]*)?$"
)
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}


@dataclass(frozen=True)
class WeekdayClaim:
    offset: int  # where the weekday word starts
    text: str  # the weekday and the date as written
    said: str  # the weekday as written
    weekday: int  # Monday 0 … Sunday 6
    date: WrittenDate

    def back(self, by: int) -> WeekdayClaim:
        return WeekdayClaim(self.offset - by, self.text, self.said, self.weekday, self.date.back(by))


_WEEKDAY_WORDS = ("thứ", "chủ")
_DIGIT = re.compile(r"\d")


def _first_date_from(text: str, at: int) -> re.Match | None:
    """The first date `_TOKEN.finditer` finds from `at` on, when it starts within `_LOOKBACK`
    characters (a date further on cannot have the weekday at `at` before it). Dates start at a digit:
    trying each digit in turn is what finditer does; the bound keeps many weekday words before one
    date from reading it again and again."""
    limit = at + _LOOKBACK + 1
    digit = _DIGIT.search(text, at, limit)
    while digit:
        if match := _token().match(text, digit.start()):
            return match
        digit = _DIGIT.search(text, digit.end(), limit)
    return None


def _after_weekday(text: str, lower: str | None) -> Iterator[re.Match]:
    """The dates `_TOKEN.finditer(text)` finds that may have a weekday written before them: the first
    one after each `thứ` or `chủ` (kehoach/textsearch.py). The words between a weekday and its date
    hold one digit at most, and a date two, so no other date stands between them; and no date holds
    either word."""
    if lower is None:
        yield from _token().finditer(text)
        return
    last = -1
    for at, _ in textsearch.occurrences(lower, _WEEKDAY_WORDS):
        match = _first_date_from(text, at)
        if match and match.start() > last:
            last = match.start()
            yield match


def weekdays(text: str) -> list[WeekdayClaim]:
    """Every date that has its weekday written just before it."""
    return _weekdays(text, textsearch.lowered(text))


def weekdays_each(joined: textsearch.Joined) -> list[list[WeekdayClaim]]:
    """`weekdays` of each of the joined texts, read as one (kehoach/textsearch.py)."""
    return joined.each(_weekdays(joined.text, joined.lowered), lambda claim: claim.offset, WeekdayClaim.back)


def _weekdays(text: str, lower: str | None) -> list[WeekdayClaim]:
    claims: list[WeekdayClaim] = []
    for match in _after_weekday(text, lower):
        before = text[max(0, match.start() - _LOOKBACK) : match.start()]
        said = re.search(_WEEKDAY_BEFORE, before)
        if said is None:
            continue
        number = _WEEKDAY_NUMBER[said.group(2).lower()] if said.group(2) else 6
        start = match.start() - len(before) + said.start()
        claims.append(WeekdayClaim(start, text[start : match.end()], said.group(1), number, _written(match)))
    return claims
