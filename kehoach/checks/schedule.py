"""Rules about inspection schedules (lịch kiểm tra): the days chosen and who goes where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from kehoach import workdays
from kehoach.rules import ERROR, INFO, WARNING, check
from kehoach.spec.model import Plan, Schedule, Text, Window
from kehoach.vnformat import khoang, ngay, thu


@dataclass
class Context:
    """A schedule as it is checked: alone, or inside the plan that includes it."""

    schedule: Schedule
    window: Window | None
    members: dict[str, Text]
    year: int | None


def contexts(spec) -> Iterator[Context]:
    if isinstance(spec, Schedule):
        yield Context(spec, spec.window, spec.members, None)
    elif isinstance(spec, Plan):
        for schedule in spec.schedules:
            yield Context(schedule, schedule.window or spec.window, {**spec.members, **schedule.members}, spec.year)


@check("KH-L001", ERROR)
def row_outside_window(spec):
    """Ngày kiểm tra nằm ngoài thời gian thực hiện (`window`)."""
    for ctx in contexts(spec):
        if ctx.window is None:
            continue
        start, end = ctx.window.start.value, ctx.window.end.value
        for row in ctx.schedule.rows:
            day = row.date.value
            if not start <= day <= end:
                yield row.date.pos, (
                    f"ngày {ngay(day)} ({row.place.value}) nằm ngoài thời gian thực hiện {khoang(start, end)}: "
                    "sửa ngày, hoặc sửa `window` (và câu nêu thời gian trong văn bản) nếu đoàn thật sự đi thêm ngày"
                )


@check("KH-L002", WARNING)
def row_on_holiday(spec):
    """Ngày kiểm tra rơi vào ngày nghỉ lễ, ngày nghỉ bù hoặc ngày nghỉ hoán đổi."""
    for ctx in contexts(spec):
        for row in ctx.schedule.rows:
            status = workdays.status(row.date.value)
            if status.holiday:
                yield row.date.pos, (
                    f"{thu(row.date.value)}, {ngay(row.date.value)} là ngày nghỉ: {status.holiday}; chọn một ngày làm việc khác"
                )


@check("KH-L003", WARNING)
def row_on_weekend(spec):
    """Ngày kiểm tra rơi vào thứ Bảy hoặc Chủ Nhật không phải ngày làm việc bù."""
    for ctx in contexts(spec):
        for row in ctx.schedule.rows:
            if workdays.status(row.date.value).weekend:
                yield row.date.pos, (
                    f"{ngay(row.date.value)} là {thu(row.date.value)}, ngày nghỉ cuối tuần: chọn ngày làm việc, "
                    "hoặc thêm `KH-L003` vào `ignore` nếu đoàn làm việc cả cuối tuần"
                )


@check("KH-L004", INFO)
def holiday_notice_unknown(spec):
    """Lịch nghỉ lễ chính thức (nghỉ bù, hoán đổi) của năm đó chưa được công bố."""
    known = workdays.official_through()
    for ctx in contexts(spec):
        told: set[int] = set()
        for row in ctx.schedule.rows:
            year = row.date.value.year
            if year > known and year not in told:
                told.add(year)
                yield row.date.pos, (
                    f"thông báo nghỉ lễ năm {year} chưa được công bố (đã biết đến năm {known}): ngày lễ đã được kiểm tra, "
                    "nhưng ngày nghỉ bù và ngày hoán đổi năm này thì chưa"
                )


@check("KH-L005", WARNING)
def row_other_year(spec):
    """Ngày kiểm tra ở năm khác năm của kế hoạch."""
    for ctx in contexts(spec):
        if ctx.year is None:
            continue
        for row in ctx.schedule.rows:
            if row.date.value.year != ctx.year:
                yield row.date.pos, (
                    f"ngày {ngay(row.date.value)} không thuộc năm {ctx.year} của kế hoạch: kiểm tra lại năm "
                    "(lỗi hay gặp khi chép lịch năm trước)"
                )


_OVERLAPS = {
    "sáng": {"sáng", "cả ngày"},
    "chiều": {"chiều", "cả ngày"},
    "cả ngày": {"sáng", "chiều", "cả ngày"},
}


@check("KH-L006", ERROR)
def member_in_two_places(spec):
    """Một thành phần có mặt ở hai nơi trong cùng một buổi."""
    for ctx in contexts(spec):
        # Per member and day, the first booking of each session: (order booked, place). Any later
        # booking of the same session clashes with that one already, so keeping it is enough.
        booked: dict[tuple[str, object], dict[str, tuple[int, str]]] = {}
        for order, row in enumerate(ctx.schedule.rows):
            for ref in row.members:
                who = ref.entry.value.strip()
                if ref.is_id and who not in ctx.members:
                    continue
                sessions = booked.setdefault((who, row.date.value), {})
                clashes = [(sessions[s], s) for s in _OVERLAPS[row.session] if s in sessions]
                if clashes:
                    (_, place), session = min(clashes)
                    shown = ctx.members[who].value if ref.is_id else who
                    yield ref.entry.pos, (
                        f"{shown} đã có lịch ở {place} ({session}) ngày {ngay(row.date.value)}: "
                        f"không thể ở {row.place.value} ({row.session}) cùng buổi; sửa ngày, buổi (`session`) hoặc thành phần"
                    )
                sessions.setdefault(row.session, (order, row.place.value))


# Suggesting a close id compares it with every member: done for this many distinct unknown ids per
# schedule, so that thousands of them cost linear time (past that, the message says how to declare it).
_SUGGESTED_IDS = 50


def _close_match(who: str, known: list[str]) -> list[str]:
    import difflib  # only for a schedule with an unknown member

    return difflib.get_close_matches(who, known, n=1, cutoff=0.6)


@check("KH-L007", ERROR)
def undefined_member(spec):
    """Thành phần viết như một mã (chữ thường không dấu) nhưng chưa khai báo trong `members`."""
    for ctx in contexts(spec):
        known = sorted(ctx.members)
        hints: dict[str, str] = {}
        for row in ctx.schedule.rows:
            for ref in row.members:
                who = ref.entry.value
                if not ref.is_id or who in ctx.members:
                    continue
                hint = hints.get(who)
                if hint is None:
                    close = _close_match(who, known) if len(hints) < _SUGGESTED_IDS else []
                    hint = hints[who] = f"có phải `{close[0]}`?" if close else f"thêm `{who}: <tên hiển thị>` vào `members`"
                yield ref.entry.pos, f"thành phần `{who}` chưa được khai báo trong `members`: {hint}"


@check("KH-L008", INFO)
def schedule_without_window(spec):
    """Lịch không có thời gian thực hiện nên chưa kiểm tra được ngày nằm ngoài thời gian."""
    for ctx in contexts(spec):
        if ctx.window is None and ctx.schedule.rows:
            where = "kế hoạch và lịch đều" if isinstance(spec, Plan) else "lịch"
            yield ctx.schedule.pos, (
                f"{where} không có `window`, nên chưa kiểm tra ngày nằm ngoài thời gian thực hiện: "
                "thêm `window: {from: ..., to: ...}` để kiểm tra"
            )
