"""Dates as plans print them: `08/11/2021`, `8/11`, `Thứ Hai, 08/11/2021`, `Sáng 26/4/2026`, windows
`từ ngày 08/11 đến ngày 17/11/2021`."""

from __future__ import annotations

import bisect
import datetime as dt
import re

DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?!\d)")
WINDOW = re.compile(
    r"[Tt]ừ\s+ngày\s+(?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?\s*(?:đến|-|–)\s*(?:ngày\s+)?"
    r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
)
SESSION = re.compile(r"\b(?P<s>sáng|chiều|cả ngày)\b", re.I)
# A weekday as cells write it: `Thứ Sáu`, `thứ 6`, `T6`, `Chủ nhật`, `CN`; Monday is 0 as in datetime.
WEEKDAY = re.compile(r"(?<!\w)(?:th[ứu]\s*(?P<word>hai|ba|tư|năm|sáu|bảy|[2-7])|T(?P<short>[2-7])|(?P<sunday>chủ\s*nhật|CN))(?!\w)", re.I)
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
CLOCK = re.compile(r"(?<!\d)(?P<h>\d{1,2})\s*(?:h|giờ|:)\s*(?P<min>\d{2})?(?!\d)")


def make(day: int, month: int, year: int | None) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def window(text: str) -> tuple[dt.date, dt.date] | None:
    m = WINDOW.search(text)
    if m is None:
        return None
    end = make(int(m["d2"]), int(m["m2"]), int(m["y2"]))
    start = make(int(m["d1"]), int(m["m1"]), int(m["y1"] or m["y2"]))
    if start and end and start > end and not m["y1"]:
        start = make(int(m["d1"]), int(m["m1"]), int(m["y2"]) - 1)
    return (start, end) if start and end else None


def dates(text: str, year: int | None) -> list[dt.date]:
    """Every date in `text`; a date without its year takes the next one written, else `year`."""
    return [day for _, day in _placed_dates(text, year)]


def _placed_dates(text: str, year: int | None) -> list[tuple[int, dt.date]]:
    """Every date in `text` with the offset it starts at (one pass each way: the year a date without
    one takes is the next year written)."""
    found = list(DATE.finditer(text))
    years: list[int | None] = [None] * len(found)
    following = year
    for k in range(len(found) - 1, -1, -1):
        if found[k]["y"]:
            following = int(found[k]["y"])
        years[k] = int(found[k]["y"]) if found[k]["y"] else following
    out = []
    for m, y in zip(found, years):
        if (value := make(int(m["d"]), int(m["m"]), y)) is not None:
            out.append((m.start(), value))
    return out


def session(text: str) -> str | None:
    m = SESSION.search(text)
    return m["s"].lower() if m else None


def clock(text: str) -> str | None:
    m = CLOCK.search(text)
    if m is None or int(m["h"]) > 23:
        return None
    return f"{int(m['h'])}h{m['min'] or ''}"


def weekday_claims(text: str, year: int | None) -> list[tuple[str, int, dt.date]]:
    """Each weekday written in `text`, as written and as a number, with the date written after it:
    (`Thứ Sáu`, 4, 14/11/2026)."""
    placed = _placed_dates(text, year)
    starts = [start for start, _ in placed]
    out = []
    for m in WEEKDAY.finditer(text):
        k = bisect.bisect_left(starts, m.end())
        if k < len(placed):
            number = m["word"] or m["short"]
            claimed = 6 if m["sunday"] else int(number) - 2 if number.isdigit() else _WEEKDAY_WORDS[number.lower()]
            out.append((m.group(0), claimed, placed[k][1]))
    return out
