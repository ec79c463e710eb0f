"""Rules about the plan's own dates: its window, its timeline, and dates written in prose."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from kehoach import lunar_years, prose_dates, textsearch
from kehoach.rules import ERROR, INFO, WARNING, check
from kehoach.spec.memo import once_per_spec
from kehoach.spec.model import Phase, Plan, Schedule, Section, Text, Window
from kehoach.spec.prose import prose_texts
from kehoach.vnformat import khoang, ngay, thu


def _windows(spec) -> Iterator[tuple[str, Window]]:
    if isinstance(spec, Plan):
        if spec.window:
            yield "window", spec.window
        for schedule in spec.schedules:
            if schedule.window:
                yield "window của lịch", schedule.window
    elif isinstance(spec, Schedule) and spec.window:
        yield "window", spec.window


def _timelines(body) -> Iterator[list[Phase]]:
    for item in body:
        if isinstance(item, Section):
            if item.timeline:
                yield item.timeline
            yield from _timelines(item.body)


def _phases(body) -> Iterator[Phase]:
    for timeline in _timelines(body):
        yield from timeline


@check("KH-D001", ERROR)
def window_reversed(spec):
    """Thời gian thực hiện (`window`) kết thúc trước khi bắt đầu."""
    for what, window in _windows(spec):
        if window.end.value < window.start.value:
            yield window.end.pos, (
                f"{what} kết thúc ngày {ngay(window.end.value)}, trước ngày bắt đầu {ngay(window.start.value)}: "
                "kiểm tra lại `from` và `to`"
            )


@check("KH-D002", ERROR, applies_to=Plan)
def phase_reversed(spec):
    """Một giai đoạn của `timeline` kết thúc trước khi bắt đầu."""
    for phase in _phases(spec.sections):
        if phase.end.value < phase.start.value:
            yield phase.end.pos, (
                f"giai đoạn kết thúc ngày {ngay(phase.end.value)}, trước ngày bắt đầu {ngay(phase.start.value)}: "
                "kiểm tra lại `from` và `to`"
            )


@check("KH-D003", INFO, applies_to=Plan)
def phase_before_plan(spec):
    """Một giai đoạn bắt đầu trước ngày ký kế hoạch (thường là chính việc soạn kế hoạch)."""
    if spec.date is None:
        return
    signed = spec.date.value
    for phase in _phases(spec.sections):
        if phase.start.value < signed:
            yield phase.start.pos, (
                f"giai đoạn bắt đầu ngày {ngay(phase.start.value)}, trước ngày ký kế hoạch {ngay(signed)}: "
                "đúng nếu đó là việc soạn chính kế hoạch này, nếu không hãy sửa ngày"
            )


@check("KH-D004", WARNING, applies_to=Plan)
def phases_out_of_order(spec):
    """Các giai đoạn của `timeline` không theo thứ tự thời gian."""
    for timeline in _timelines(spec.sections):
        for previous, phase in zip(timeline, timeline[1:]):
            if phase.start.value < previous.start.value:
                yield phase.start.pos, (
                    f"giai đoạn bắt đầu ngày {ngay(phase.start.value)}, trước giai đoạn ở trên "
                    f"(bắt đầu ngày {ngay(previous.start.value)}): sắp xếp lại theo thời gian"
                )


@check("KH-D005", WARNING, applies_to=Plan)
def window_other_year(spec):
    """Thời gian thực hiện nằm ở năm khác năm của kế hoạch."""
    if spec.year is None:
        return
    for what, window in _windows(spec):
        for end in (window.start, window.end):
            if not spec.covers_year(end.value.year):
                yield end.pos, (
                    f"{what} có ngày {ngay(end.value)}, không thuộc năm {spec.year} của kế hoạch: "
                    "kiểm tra lại năm (lỗi hay gặp khi chép kế hoạch năm trước)"
                )
                break


def _prose_texts(spec) -> tuple[list[Text], int | None]:
    """The spec's running text, and the year a date written without one takes."""
    year = spec.year if isinstance(spec, Plan) else (spec.window.start.value.year if spec.window else None)
    return prose_texts(spec), year


@once_per_spec
def _joined(spec) -> textsearch.Joined:
    """The spec's running text read as one, for the rules that scan it for dates and weekdays."""
    return textsearch.Joined(text.value for text in prose_texts(spec))


@once_per_spec
def _prose(spec) -> list[tuple[Text, prose_dates.Found, int | None]]:
    """Every date found in the spec's text, with the year a date without one takes; found once per
    spec, for the three rules that read them."""
    texts, year = _prose_texts(spec)
    each = prose_dates.find_each(_joined(spec))
    return [(text, found, year) for text, founds in zip(texts, each) for found in founds]


@check("KH-D006", ERROR)
def impossible_prose_date(spec):
    """Một ngày viết trong văn bản không có thật (`ngày 31/11/2023`)."""
    for text, found, year in _prose(spec):
        years = prose_dates.range_years(found, year) if found.kind == "range" else (year,)
        for written, default in zip((found.start, found.end), years):
            if written is None:
                continue
            resolved = written.resolve(default)
            if isinstance(resolved, str):
                yield text.pos_at(written.offset), f"ngày {written.text} không có thật: {resolved}"


@check("KH-D007", WARNING)
def reversed_prose_range(spec):
    """Khoảng ngày viết trong văn bản có ngày bắt đầu sau ngày kết thúc."""
    for text, found, year in _prose(spec):
        if found.kind != "range":
            continue
        start_year, end_year = prose_dates.range_years(found, year)
        start, end = found.start.resolve(start_year), found.end.resolve(end_year)
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
            yield text.pos_at(found.start.offset), (
                f"khoảng ngày bị ngược: bắt đầu {ngay(start)} sau ngày kết thúc {ngay(end)}: "
                f"có phải {khoang(end, start)}?"
            )


@check("KH-D008", WARNING, applies_to=Plan)
def deadline_passed(spec):
    """Một hạn (`trước ngày`, `chậm nhất ngày`) đã qua khi kế hoạch được ký."""
    if spec.date is None:
        return
    signed = spec.date.value
    for text, found, year in _prose(spec):
        # A recurring deadline (`hằng năm`), or one without its year in a multi-year plan, names no one day.
        if found.kind != "deadline" or found.recurring or (spec.period and found.start.year is None):
            continue
        deadline = found.start.resolve(year)
        if isinstance(deadline, dt.date) and deadline < signed:
            yield text.pos_at(found.start.offset), (
                f"hạn ngày {ngay(deadline)} đã qua khi kế hoạch ký ngày {ngay(signed)}: sửa hạn cho sau ngày ký"
            )


@check("KH-D009", WARNING)
def lunar_year_name(spec):
    """Tên năm âm lịch không khớp năm viết cạnh nó (`Tết Nguyên đán Giáp Thìn năm 2025`)."""
    for text in _prose_texts(spec)[0]:
        for named in lunar_years.find(text.value):
            right = lunar_years.name_of(named.year)
            if named.canonical != right:
                yield text.pos_at(named.offset), (
                    f"năm {named.year} là năm {right} (Tết Nguyên đán năm {named.year}), không phải {named.written}: "
                    f"sửa thành `{right}` (lỗi hay gặp khi chép văn bản năm trước)"
                )


@check("KH-D011", WARNING)
def weekday_of_a_date(spec):
    """Thứ viết cạnh một ngày không đúng với ngày đó (`Thứ Sáu, 14/11/2026` là Thứ Bảy)."""
    texts, year = _prose_texts(spec)
    for text, claims in zip(texts, prose_dates.weekdays_each(_joined(spec))):
        for claim in claims:
            day = claim.date.resolve(year)
            if isinstance(day, dt.date) and day.weekday() != claim.weekday:
                yield text.pos_at(claim.offset), (
                    f"`{claim.text}`: ngày {ngay(day)} là {thu(day)}, không phải {claim.said}: sửa thứ hoặc ngày "
                    "(lỗi hay gặp khi chép lịch năm trước)"
                )
