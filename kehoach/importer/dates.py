"""Dates as plans print them: `08/11/2021`, `8/11`, `Thứ Hai, 08/11/2021`, `Sáng 26/4/2026`, windows
`từ ngày 08/11 đến ngày 17/11/2021`."""

from __future__ import annotations

import datetime as dt
import re

DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?!\d)")
WINDOW = re.compile(
    r"[Tt]ừ\s+ngày\s+(?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?\s*(?:đến|-|–)\s*(?:ngày\s+)?"
    r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
)
SESSION = re.compile(r"\b(?P<s>sáng|chiều|cả ngày)\b", re.I)
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
    found = list(DATE.finditer(text))
    years = [int(m["y"]) if m["y"] else None for m in found]
    out = []
    for k, m in enumerate(found):
        y = years[k] or next((v for v in years[k + 1:] if v), None) or year
        if (value := make(int(m["d"]), int(m["m"]), y)) is not None:
            out.append(value)
    return out


def session(text: str) -> str | None:
    m = SESSION.search(text)
    return m["s"].lower() if m else None


def clock(text: str) -> str | None:
    m = CLOCK.search(text)
    if m is None or int(m["h"]) > 23:
        return None
    return f"{int(m['h'])}h{m['min'] or ''}"
