"""The calendar as an SVG picture, written as text: one grid per month, a legend at the foot.

Fonts: DejaVu Sans or Liberation Sans (both have every Vietnamese glyph), as the PNG converter and
browsers find them."""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape, quoteattr

from kehoach.calendar.model import CalendarView, Day, Month
from kehoach.calendar.text import MARK_CONFLICT, MARK_OUTSIDE, WEEKDAYS
from kehoach.vnformat import khoang

# Sized for the web page's half-width pane (about 660 px at 1366 px wide), where it is drawn nearly
# 1:1, so that the cells' 12 px labels stay readable; a label wraps rather than shrinks.
CELL_W, MARGIN, HEADER_H, WEEKDAY_H, MONTH_GAP = 96, 10, 34, 24, 18
WIDTH = MARGIN * 2 + CELL_W * 7
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
LABEL = 12  # the font size of a cell's labels
LINE = 14  # the height of one label line
CHARS = 12  # what fits on one label line of a cell
LINES_PER_CELL = 5
CELL_H = 26 + LINE * LINES_PER_CELL
TITLE_CHARS = 80

COLOURS = {
    "window": "#e6f0ff",
    "working": "#ffffff",
    "weekend": "#eeeeee",
    "holiday": "#fde2e2",
    "visit": "#1b6e3a",
    "conflict": "#c62828",
    "outside": "#e65100",
    "text": "#222222",
    "muted": "#777777",
    "grid": "#b0b0b0",
}


LEGEND = (
    ("window", "trong thời gian thực hiện"),
    ("weekend", "thứ Bảy, Chủ Nhật nghỉ"),
    ("holiday", "ngày lễ, nghỉ bù"),
    ("visit", "ngày kiểm tra: buổi và địa điểm"),
    ("conflict", f"{MARK_CONFLICT} trùng lịch: một người ở hai nơi cùng buổi"),
    ("outside", f"{MARK_OUTSIDE} ngày kiểm tra ngoài thời gian thực hiện"),
)


def _text(x: float, y: float, content: str, size: int = 11, fill: str = COLOURS["text"], weight: str = "normal", anchor: str = "start") -> str:
    return (f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" fill="{fill}" font-weight="{weight}" '
            f'text-anchor="{anchor}">{escape(content)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: str = COLOURS["grid"], width: float = 1) -> str:
    return f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'


def _short(text: str, chars: int = CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _background(day: Day) -> str:
    if day.holiday:
        return COLOURS["holiday"]
    if day.weekend:
        return COLOURS["weekend"]
    return COLOURS["window"] if day.in_window else COLOURS["working"]


def _day(day: Day, x: float, y: float) -> list[str]:
    parts = [_rect(x, y, CELL_W, CELL_H, _background(day))]
    if day.conflict or day.outside_window:
        colour = COLOURS["conflict"] if day.conflict else COLOURS["outside"]
        parts.append(_rect(x + 2, y + 2, CELL_W - 4, CELL_H - 4, "none", colour, 3))
        mark = MARK_CONFLICT if day.conflict else MARK_OUTSIDE
        parts.append(_text(x + CELL_W - 8, y + 16, mark, 14, colour, "bold", "end"))
    number_colour = COLOURS["conflict"] if day.holiday else COLOURS["muted"] if day.weekend else COLOURS["text"]
    parts.append(_text(x + 6, y + 16, str(day.date.day), 13, number_colour, "bold"))
    labels: list[tuple[list[str], str]] = []  # (its lines, its colour)
    if day.holiday:
        labels.append((_wrapped(day.holiday, 3), COLOURS["conflict"]))
    elif day.working_weekend:
        labels.append((["Làm việc bù"], COLOURS["muted"]))
    for visit in day.visits:
        colour = COLOURS["conflict"] if visit.conflict else COLOURS["outside"] if visit.outside_window else COLOURS["visit"]
        label = f"{visit.session.capitalize()}{' ' + visit.time if visit.time else ''}: {visit.place}"
        labels.append((_wrapped(label, 3), colour))
    lines = [(line, colour) for wrapped, colour in labels for line in wrapped]
    if len(lines) > LINES_PER_CELL:
        shown, used = [], 0
        for count, (wrapped, colour) in enumerate(labels):
            if used + len(wrapped) > LINES_PER_CELL - 1:
                break
            shown += [(line, colour) for line in wrapped]
            used += len(wrapped)
        lines = shown + [(f"+ {len(labels) - count} nơi khác", COLOURS["text"])]
    for i, (content, colour) in enumerate(lines):
        parts.append(_text(x + 5, y + 32 + i * LINE, content, LABEL, colour))
    return parts


def _wrapped(label: str, most: int, chars: int = CHARS) -> list[str]:
    """`label` on lines of a cell's width, at most `most` of them (the last cut short with `…`)."""
    lines = textwrap.wrap(label, chars)
    if len(lines) > most:
        lines = lines[: most - 1] + [_short(" ".join(lines[most - 1:]), chars)]
    return lines


def _month(month: Month, top: float) -> tuple[list[str], float]:
    parts = [_text(MARGIN, top + 22, f"Tháng {month.month} năm {month.year}", 16, weight="bold")]
    y = top + HEADER_H
    for i, name in enumerate(WEEKDAYS):
        parts.append(_text(MARGIN + i * CELL_W + CELL_W / 2, y + 16, name, 12, COLOURS["muted"], "bold", "middle"))
    y += WEEKDAY_H
    for week in month.weeks:
        for i, day in enumerate(week):
            if day is not None:
                parts += _day(day, MARGIN + i * CELL_W, y)
        y += CELL_H
    return parts, y + MONTH_GAP


def _legend(top: float) -> tuple[list[str], float]:
    parts, columns = [], 2
    for i, (key, label) in enumerate(LEGEND):
        x = MARGIN + (i % columns) * (WIDTH - 2 * MARGIN) / columns
        y = top + (i // columns) * 22
        if key in ("window", "weekend", "holiday"):
            parts.append(_rect(x, y, 18, 14, COLOURS[key]))
        else:
            parts.append(_rect(x, y, 18, 14, "none", COLOURS[key], 3))
        parts.append(_text(x + 26, y + 12, label, 12))
    rows = (len(LEGEND) + columns - 1) // columns
    return parts, top + rows * 22


def render(view: CalendarView) -> str:
    parts: list[str] = []
    y = MARGIN
    for line in _wrapped(view.title, 2, TITLE_CHARS) if view.title else []:
        parts.append(_text(MARGIN, y + 16, line, 14, weight="bold"))
        y += 20
    for start, end in view.windows:
        parts.append(_text(MARGIN, y + 14, f"Thời gian thực hiện: {khoang(start, end)}", 13))
        y += 20
    if not view.months:
        parts.append(_text(MARGIN, y + 20, "Lịch chưa có ngày kiểm tra nào.", 13))
        y += 30
    for month in view.months:
        drawn, y = _month(month, y)
        parts += drawn
    drawn, y = _legend(y)
    parts += drawn
    height = y + MARGIN
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" font-family={quoteattr(FONT)} role="img" '
        f'aria-label={quoteattr("Lịch kiểm tra " + view.title)}>\n'
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n"
    )
