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
_TOKEN = re.compile(rf"(?=\d)(?:{_NUMERIC}|{_LONG})", re.IGNORECASE)

# The marks (and the weekday before a date, below) are read only around a date found: kept as text,
# compiled on first use by `re`'s own cache, so that a start-up for a plan without dates does not compile them.
_MARK_DAY = r"(?i)(?<!\w)ngày[\s*_]*$"
_MARK_FROM = r"(?i)(?<!\w)từ(?:" + GAP + r"ngày)?[\s*_]*$"
_MARK_TO = r"(?i)[\s*_]*(?:đến|tới)(?:" + GAP + r"ngày)?[\s*_]*"
_MARK_DEADLINE = (
    r"(?i)(?<!\w)(?:trước|chậm nhất(?:" + GAP + r"là)?|hạn(?:" + GAP + r"(?:chót|cuối))?(?:" + GAP + r"(?:là|vào))?)"
    + GAP + r"ngày[\s*_]*$"
)
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


@dataclass(frozen=True)
class Found:
    kind: str  # "date", "deadline" or "range"
    start: WrittenDate
    end: WrittenDate | None = None
    recurring: bool = False


def _written(match: re.Match) -> WrittenDate:
    groups = match.groups()
    day, month, year = groups[0:3] if groups[0] else groups[3:6]
    return WrittenDate(match.start(), match.group(0), int(day), int(month), int(year) if year else None)


def find(text: str) -> list[Found]:
    found: list[Found] = []
    tokens = list(_TOKEN.finditer(text))
    consumed = -1
    for i, match in enumerate(tokens):
        if i <= consumed:
            continue
        before = text[max(0, match.start() - _LOOKBACK) : match.start()]
        if re.search(_MARK_FROM, before) and i + 1 < len(tokens):
            following = tokens[i + 1]
            if re.fullmatch(_MARK_TO, text[match.end() : following.start()]):
                found.append(Found("range", _written(match), _written(following)))
                consumed = i + 1
                continue
        recurring = bool(re.match(_RECURRING, text[match.end() : match.end() + _LOOKAHEAD]))
        if re.search(_MARK_DEADLINE, before):
            found.append(Found("deadline", _written(match), recurring=recurring))
        elif re.search(_MARK_DAY, before):
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


def weekdays(text: str) -> list[WeekdayClaim]:
    """Every date that has its weekday written just before it."""
    claims: list[WeekdayClaim] = []
    lowered = text.lower()
    if "thứ" not in lowered and "chủ" not in lowered:  # most paragraphs name no weekday: skip reading their dates
        return claims
    for match in _TOKEN.finditer(text):
        before = text[max(0, match.start() - _LOOKBACK) : match.start()]
        said = re.search(_WEEKDAY_BEFORE, before)
        if said is None:
            continue
        number = _WEEKDAY_NUMBER[said.group(2).lower()] if said.group(2) else 6
        start = match.start() - len(before) + said.start()
        claims.append(WeekdayClaim(start, text[start : match.end()], said.group(1), number, _written(match)))
    return claims
