"""The calendar in a terminal: month grids, then the days with their visits, then the legend.

Every mark is a character, so the view says everything without colour (NO_COLOR, a pipe, a printer);
colour only repeats it."""

from __future__ import annotations

from typing import Callable

from kehoach.calendar.model import CalendarView, Day, Month
from kehoach.vnformat import khoang, ngay, thu

WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

MARK_VISIT, MARK_CONFLICT, MARK_OUTSIDE = "●", "!", "×"
MARK_HOLIDAY, MARK_WEEKEND, MARK_WORKING_WEEKEND = "L", "~", "+"

LEGEND = (
    f"[   ] trong thời gian thực hiện   {MARK_VISIT} ngày kiểm tra   {MARK_CONFLICT} trùng lịch (một người ở hai nơi cùng buổi)",
    f"{MARK_OUTSIDE} ngày kiểm tra ngoài thời gian thực hiện   {MARK_HOLIDAY} ngày lễ, nghỉ bù   "
    f"{MARK_WEEKEND} thứ Bảy, Chủ Nhật nghỉ   {MARK_WORKING_WEEKEND} thứ Bảy làm việc bù",
)

Paint = Callable[[str, dict], str]


def plain(text: str, style: dict) -> str:
    return text


def _visit_mark(day: Day) -> str:
    if day.conflict:
        return MARK_CONFLICT
    if day.outside_window:
        return MARK_OUTSIDE
    return MARK_VISIT if day.visits else " "


def _kind_mark(day: Day) -> str:
    if day.holiday:
        return MARK_HOLIDAY
    if day.weekend:
        return MARK_WEEKEND
    return MARK_WORKING_WEEKEND if day.working_weekend else " "


def _day_style(day: Day) -> dict:
    if day.conflict or day.outside_window:
        return {"fg": "white", "bg": "red", "bold": True}
    if day.visits:
        return {"fg": "green", "bold": True}
    if day.holiday:
        return {"fg": "red"}
    if day.weekend:
        return {"dim": True}
    return {}


def _cell(day: Day | None, paint: Paint) -> str:
    if day is None:
        return " " * 7
    left, right = ("[", "]") if day.in_window else (" ", " ")
    inner = f"{day.date.day:>2}{_visit_mark(day)}{_kind_mark(day)}"
    return f"{left}{paint(inner, _day_style(day))}{right} "


def month_grid(month: Month, paint: Paint = plain) -> list[str]:
    width = 7 * 7
    lines = [f"Tháng {month.month} năm {month.year}".center(width).rstrip(), "".join(f" {w:<5} " for w in WEEKDAYS).rstrip()]
    for week in month.weeks:
        lines.append("".join(_cell(day, paint) for day in week).rstrip())
    return lines


def render(view: CalendarView, paint: Paint = plain) -> str:
    out: list[str] = []
    if view.title:
        out.append(paint(view.title, {"bold": True}))
    for start, end in view.windows:
        out.append(f"Thời gian thực hiện: {khoang(start, end)}")
    if not view.months:
        out.append("Lịch chưa có ngày kiểm tra nào.")
        return "\n".join(out) + "\n"
    for month in view.months:
        out.append("")
        out += month_grid(month, paint)
    out.append("")
    out.append(paint("Ngày kiểm tra", {"bold": True}))
    for day in view.days:
        for visit in day.visits:
            marks = (MARK_CONFLICT if visit.conflict else " ") + (MARK_OUTSIDE if visit.outside_window else " ")
            when = f"{visit.session} {visit.time}" if visit.time else visit.session
            line = f"{marks} {thu(day.date) + ',':<9} {ngay(day.date)}  {when:<7}  {visit.place}"
            if visit.team:
                line += f" ({visit.team})"
            if visit.members:
                line += " — " + "; ".join(m.rstrip(" .;") for m in visit.members)
            if visit.note:
                line += f" [{visit.note}]"
            out.append(paint(line, _day_style(day)) if visit.conflict or visit.outside_window else line)
    if view.holidays:
        out.append("")
        out.append(paint("Ngày nghỉ lễ, nghỉ bù", {"bold": True}))
        out += [f"{MARK_HOLIDAY} {thu(d.date) + ',':<9} {ngay(d.date)}  {d.holiday}" for d in view.holidays]
    if view.conflicts:
        out.append("")
        out.append(paint("Trùng lịch", {"bold": True, "fg": "red"}))
        for c in view.conflicts:
            where = " và ".join(f"{place} ({session})" for session, place in c.places)
            out.append(f"{MARK_CONFLICT} {ngay(c.date)}: {c.member} ở {where}")
    out.append("")
    out.append("Chú thích: " + LEGEND[0])
    out.append("           " + LEGEND[1])
    return "\n".join(out) + "\n"
