"""Rules about inspection schedules (lịch kiểm tra): the days chosen and who goes where."""

from __future__ import annotations

import datetime as dt
from typing import Iterator, NamedTuple

from kehoach import workdays
from kehoach.rules import ERROR, INFO, WARNING, check
from kehoach.spec.model import Period, Plan, Row, Schedule, Text, Window
from kehoach.vnformat import khoang, ngay, thu


class Context(NamedTuple):  # a dataclass would cost every `check` its building at import; only schedules use it
    """A schedule as it is checked: alone, or inside the plan that includes it."""

    schedule: Schedule
    window: Window | None
    members: dict[str, Text]
    year: int | None
    # A multi-year plan's period: its years are the plan's too.
    period: Period | None = None


def contexts(spec) -> Iterator[Context]:
    if isinstance(spec, Schedule):
        yield Context(spec, spec.window, spec.members, None)
    elif isinstance(spec, Plan):
        for schedule in spec.schedules:
            yield Context(schedule, schedule.window or spec.window, {**spec.members, **schedule.members}, spec.year, spec.period)


@check("KH-L001", ERROR)
def row_outside_window(spec):
    """Ngày kiểm tra nằm ngoài thời gian thực hiện (`window`)."""
    for ctx in contexts(spec):
        if ctx.window is None:
            continue
        start, end = ctx.window.start.value, ctx.window.end.value
        for row in ctx.schedule.rows:
            # A row over several days: its last day too.
            for written in (row.date, row.end) if row.end is not None else (row.date,):
                day = written.value
                if not start <= day <= end:
                    yield written.pos, (
                        f"ngày {ngay(day)} ({row.place.value}) nằm ngoài thời gian thực hiện {khoang(start, end)}: "
                        "sửa ngày, hoặc sửa `window` (và câu nêu thời gian trong văn bản) nếu đoàn thật sự đi thêm ngày"
                    )
                    break


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
    for ctx in contexts(spec):
        known = workdays.official_through()  # here: a plan without a schedule need not read the holidays
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
            year = row.date.value.year
            if year != ctx.year and not (ctx.period is not None and year in ctx.period):
                span = f"giai đoạn {ctx.period}" if ctx.period is not None else f"năm {ctx.year}"
                yield row.date.pos, (
                    f"ngày {ngay(row.date.value)} không thuộc {span} của kế hoạch: kiểm tra lại năm "
                    "(lỗi hay gặp khi chép lịch năm trước)"
                )


_ONE_DAY = dt.timedelta(days=1)

_OVERLAPS = {
    "sáng": {"sáng", "cả ngày"},
    "chiều": {"chiều", "cả ngày"},
    "cả ngày": {"sáng", "chiều", "cả ngày"},
}


# A row over several days books its members on each (bounded: a row spans at most a year).
_LONGEST_SPAN = 366


def _row_days(rows: list[Row]) -> Iterator[tuple[Row, object]]:
    for row in rows:
        yield row, row.date.value
        if row.end is not None:
            day = row.date.value
            for _ in range(min((row.end.value - day).days, _LONGEST_SPAN)):
                day += _ONE_DAY
                yield row, day


@check("KH-L006", ERROR)
def member_in_two_places(spec):
    """Một thành phần có mặt ở hai nơi trong cùng một buổi."""
    for ctx in contexts(spec):
        booked: dict[tuple[str, object], dict[str, tuple[int, str]]] = {}
        for order, (row, day) in enumerate(_row_days(ctx.schedule.rows)):
            for ref in row.all_members:
                who = ref.entry.value.strip()
                if ref.is_id and who not in ctx.members:
                    continue
                sessions = booked.setdefault((who, day), {})
                # Most people are booked once a day: only a second booking is compared.
                clashes = sessions and [(sessions[s], s) for s in _OVERLAPS[row.session] if s in sessions]
                if clashes:
                    (_, place), session = min(clashes)
                    shown = ctx.members[who].value if ref.is_id else who
                    yield ref.entry.pos, (
                        f"{shown} đã có lịch ở {place} ({session}) ngày {ngay(day)}: "
                        f"không thể ở {row.place.value} ({row.session}) cùng buổi; sửa ngày, buổi (`session`) hoặc thành phần"
                    )
                sessions.setdefault(row.session, (order, row.place.value))


# Suggesting a close id compares it with every member: done for this many distinct unknown ids per
# schedule, so that thousands of them cost linear time (past that, the message says how to declare it).
_SUGGESTED_IDS = 50


def _close_match(word: str, known: list[str]) -> list[str]:
    import difflib  # only for a schedule with an unknown member or team

    return difflib.get_close_matches(word, known, n=1, cutoff=0.6)


@check("KH-L007", ERROR)
def undefined_member(spec):
    """Thành phần viết như một mã (chữ thường không dấu) nhưng chưa khai báo trong `members`."""
    for ctx in contexts(spec):
        known = sorted(ctx.members)
        hints: dict[str, str] = {}
        for row in ctx.schedule.rows:
            for ref in row.all_members:
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


@check("KH-L009", ERROR)
def row_span_reversed(spec):
    """Dòng lịch nhiều ngày có ngày bắt đầu (`from`) sau ngày kết thúc (`to`)."""
    for ctx in contexts(spec):
        for row in ctx.schedule.rows:
            if row.end is not None and row.end.value < row.date.value:
                yield row.end.pos, (
                    f"dòng lịch ({row.place.value}) kết thúc ngày {ngay(row.end.value)}, trước ngày bắt đầu "
                    f"{ngay(row.date.value)}: kiểm tra lại `from` và `to`"
                )


# Suggestions are looked for among this many teams at most: difflib costs a comparison per team.
_SUGGEST_AMONG = 200


@check("KH-L010", ERROR)
def unknown_team(spec):
    """Dòng lịch nêu một đoàn (`team`) không có trong `teams`."""
    for ctx in contexts(spec):
        known = sorted(t.id.value for t in ctx.schedule.teams if t.id is not None)
        hints: dict[str, str] = {}
        for row in ctx.schedule.rows:
            if row.team_id is None or row.team is not None:
                continue
            name = row.team_id.value
            if name not in hints:
                close = _close_match(name, known) if len(known) <= _SUGGEST_AMONG else []
                hints[name] = f"có phải `{close[0]}`?" if close else (
                    "các đoàn có mã: " + ", ".join(f"`{k}`" for k in known[:10]) if known
                    else "thêm đoàn vào `teams` với `id` này"
                )
            yield row.team_id.pos, f"không có đoàn `{name}` trong `teams`: {hints[name]}"


@check("KH-L011", ERROR, applies_to=Plan)
def schedule_window_outside_plan(plan):
    """Thời gian của lịch (`window` của tệp lịch) nằm ngoài thời gian thực hiện của kế hoạch."""
    # The schedule's own window decides which of its days are checked (KH-L001); one that runs past
    # the plan's lets inspection days after the plan's end pass unseen, and the document then gives
    # two periods: the body's and the appendix's.
    if plan.window is None:
        return
    start, end = plan.window.start.value, plan.window.end.value
    for schedule in plan.schedules:
        own = schedule.window
        if own is not None and not (start <= own.start.value and own.end.value <= end):
            yield own.pos, (
                f"lịch ghi thời gian {khoang(own.start.value, own.end.value)}, ngoài thời gian thực hiện của kế hoạch "
                f"{khoang(start, end)}: sửa `window` của lịch hoặc của kế hoạch cho khớp (và câu nêu thời gian trong văn bản)"
            )
