"""`kehoach new --from OLD.yaml --year YYYY`: roll a plan (and its schedules) forward to another year.

The new files are the old ones edited in place, not re-dumped: every value to change (a date, the
plan's year, number and date, a schedule's path) is replaced at its exact span in the text, found
through the composed YAML node tree (kehoach/roll/spots.py). So comments, key order, quoting and
line breaks stay exactly as the clerk wrote them. Each old file is read once; all new files are
checked as targets before the first is written, and written all or nothing (kehoach/outputs.py).
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from dataclasses import dataclass, field

import yaml

from kehoach import workdays
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.errors import NotReadable, UnsafePath, UserError
from kehoach.outputs import Outputs
from kehoach.roll import calendar, edits, review, spots
from kehoach.roll.calendar import OutOfRange
from kehoach.roll.review import Review
from kehoach.spec import yaml_source
from kehoach.spec.includes import included_path, project_folder
from kehoach.spec.yaml_source import node_pos
from kehoach.vnformat import ngay, thu

# The years a plan may have (as the loader reads `year`).
YEARS = (1945, 2100)


class CannotRoll(UserError):
    """The old plan lacks what rolling needs (its year), or is written in a way that cannot be
    edited in place; the message says what to change."""


@dataclass
class Rolled:
    year: int
    shift_days: int = 0
    written: list[str] = field(default_factory=list)
    adjusted: list[Review] = field(default_factory=list)  # bounds moved off a weekend or holiday
    unmoved: list[Review] = field(default_factory=list)  # dates that could not be moved
    update: list[Review] = field(default_factory=list)  # cited documents dated before the new year
    review: list[Review] = field(default_factory=list)  # literal years, dates, lunar year names
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def checklist(self) -> list[tuple[str, list[Review]]]:
        """What a person must look at, each list under its heading, in the order to do it."""
        found = [
            ("Không dời được (sửa tay):", self.unmoved),
            ("Đã chuyển sang ngày làm việc:", self.adjusted),
            (f"Cập nhật cho năm {self.year} (văn bản được trích dẫn, căn cứ trước):", self.update),
            ("Cần xem lại (ngày tháng và năm viết thẳng trong văn bản, không được tự sửa):", self.review),
        ]
        return [(title, items) for title, items in found if items]


def renamed(path: str, old_year: int, new_year: int) -> str:
    """`2024-x.yaml` → `2025-x.yaml`; without the old year in its name, `x-2025.yaml`."""
    folder, name = os.path.split(path)
    stem, ext = os.path.splitext(name)
    if str(old_year) in stem:
        stem = stem.replace(str(old_year), str(new_year), 1)
    else:
        stem = f"{stem}-{new_year}"
    return os.path.join(folder, stem + ext)


@dataclass
class _File:
    old: str
    new: str
    source: yaml_source.Source
    spots: spots.Spots
    what: str
    written_as: str = ""  # a schedule: its new path as the new plan writes it
    edits: list[edits.Edit] = field(default_factory=list)
    # What to tell about a value: (its node, the list of Rolled it belongs in, text, note).
    notes: list[tuple[yaml.Node, list[Review], str, str]] = field(default_factory=list)

    def tell(self, node: yaml.Node, where: list[Review], text: str, note: str) -> None:
        self.notes.append((node, where, text, note))

    def new_text(self) -> str:
        """The edited text; the notes are placed at their values' positions in it."""
        text = edits.apply(self.source.text, self.edits)
        offsets = [node.start_mark.index for node, *_ in self.notes]
        for (line, column), (_, where, shown, note) in zip(edits.new_positions(text, self.edits, offsets), self.notes):
            where.append(Review(Pos(self.new, line, column), shown, note))
        return text


def roll_forward(path: str, new_year: int, out: str | None = None, force: bool = False) -> Rolled:
    if not YEARS[0] <= new_year <= YEARS[1]:
        raise CannotRoll(f"năm {new_year} nằm ngoài {YEARS[0]}–{YEARS[1]}: chọn năm khác với --year")
    plan = _read(path, "kế hoạch mới")
    old_year = _old_year(plan)
    if not YEARS[0] <= old_year <= YEARS[1]:
        raise CannotRoll(f"`{path}` là kế hoạch năm {old_year}, ngoài {YEARS[0]}–{YEARS[1]}: sửa `year` (hoặc `date`) rồi chạy lại")
    if new_year == old_year:
        raise CannotRoll(f"kế hoạch đã là năm {old_year}: chọn một năm khác với --year")
    plan.new = out or renamed(path, old_year, new_year)
    hint = "thêm --force để ghi đè, hoặc chọn tên khác với -o"
    first = Outputs(inputs=[path], force=force, overwrite_hint=hint)
    first.add(plan.new, "", "kế hoạch mới")
    first.check()  # before the schedules' copies are placed beside it
    schedules = _schedules(plan, old_year, new_year)
    files = [plan, *schedules.values()]

    years = new_year - old_year
    rolled = Rolled(new_year)
    bounds = _move_bounds(files, years, rolled)
    rolled.shift_days = _row_shift(plan, schedules, bounds, years)
    for file in files:
        _date_edits(file, bounds, rolled)
    plan.edits += _plan_edits(plan, schedules, new_year)

    targets = Outputs(inputs=[f.old for f in files], force=force, overwrite_hint=hint)
    for file in files:
        targets.add(file.new, file.new_text(), file.what)
    rolled.written = targets.write()

    from kehoach.check import check_file

    checked = check_file(plan.new)
    rolled.diagnostics = checked.diagnostics
    if checked.spec is not None:
        rolled.update = review.cited_before(checked.spec, new_year)
        rolled.review = review.literals(checked.spec, new_year)
    return rolled


def _read(path: str, what: str) -> _File:
    source = yaml_source.read(path)
    if source.diagnostics or source.root is None:
        shown = "; ".join(d.as_text() for d in source.diagnostics[:3]) or f"{path}: tệp rỗng"
        raise NotReadable(f"không đọc được `{path}`: {shown} — sửa tệp (xem `kehoach check`) rồi chạy lại")
    if not isinstance(source.root, yaml.MappingNode):
        raise NotReadable(f"`{path}` không phải một kế hoạch hay lịch: chạy `kehoach check {path}` để xem vì sao")
    if source.root.flow_style:
        raise CannotRoll(f"`{path}` viết dạng `{{...}}` trên một dòng: hãy viết mỗi khóa một dòng rồi chạy lại")
    return _File(path, "", source, spots.find(source.root), what)


def _old_year(plan: _File) -> int:
    keys = plan.spots.keys
    if "year" in keys and isinstance(keys["year"][1], yaml.ScalarNode):
        value = keys["year"][1].value.strip()
        if value.isascii() and value.isdigit():
            return int(value)
    if "date" in keys:
        date = spots.parsed(keys["date"][1])
        if date:
            return date.year
    found = [s.value for s in plan.spots.dates if s.value]
    if plan.spots.is_schedule and found:
        return min(found).year
    raise CannotRoll(
        f"`{plan.old}` không có `year` hay `date` đọc được: thêm `year: <năm của kế hoạch>` để biết dời từ năm nào"
    )


def _schedules(plan: _File, old_year: int, new_year: int) -> dict[str, _File]:
    """The schedules the plan includes, by the path written in the plan (one copy each)."""
    found: dict[str, _File] = {}
    for node in plan.spots.schedule_paths:
        relative = unicodedata.normalize("NFC", node.value)
        if relative in found:
            continue
        old = included_path(plan.old, relative)
        if old is None:
            raise UnsafePath(
                f"{node_pos(plan.old, node)}: lịch `{relative}` nằm ngoài thư mục `{project_folder(plan.old)}` "
                "của kế hoạch: đặt tệp lịch trong thư mục đó (ví dụ `schedules/`) và ghi đường dẫn tương đối tới nó"
            )
        schedule = _read(old, f"lịch mới của `{old}`")
        schedule.written_as = renamed(relative, old_year, new_year)
        schedule.new = included_path(plan.new, schedule.written_as)
        if schedule.new is None:
            raise UnsafePath(
                f"lịch mới `{schedule.written_as}` của `{plan.new}` sẽ nằm ngoài thư mục của kế hoạch mới: "
                "đặt kế hoạch mới trong thư mục `plans/` cạnh `schedules/`, hoặc cạnh kế hoạch cũ"
            )
        found[relative] = schedule
    return found


def _move_bounds(files: list[_File], years: int, rolled: Rolled) -> dict[int, dt.date]:
    """Each window's and phase's bound in the new year (by id of its spot): same day and month,
    on a working day; a pair that would cross keeps the plain calendar dates."""
    moved: dict[int, dt.date] = {}
    for file in files:
        for spot in file.spots.dates:
            if spot.role == spots.ROW or spot.value is None:
                continue
            try:
                moved[id(spot)] = calendar.moved_bound(spot.value, years, spot.role)
            except OutOfRange:
                continue
        for start, end in file.spots.pairs:
            if id(start) in moved and id(end) in moved and moved[id(start)] > moved[id(end)]:
                moved[id(start)] = calendar.same_day(start.value, years)
                moved[id(end)] = calendar.same_day(end.value, years)
        for spot in file.spots.dates:
            day = moved.get(id(spot))
            if day and spot.role != spots.ROW and day != calendar.same_day(spot.value, years):
                note = _day_off(calendar.same_day(spot.value, years))
                file.tell(spot.node, rolled.adjusted, f"{ngay(spot.value)} → {ngay(day)}", note)
    return moved


def _day_off(day: dt.date) -> str:
    holiday = workdays.status(day).holiday
    return f"ngày {ngay(day)} là " + (f"ngày nghỉ {holiday}" if holiday else thu(day))


def _row_shift(plan: _File, schedules: dict[str, _File], bounds: dict[int, dt.date], years: int) -> int:
    """Whole weeks for every schedule row: of the two multiples of 7 days around the same calendar
    date in the new year, the one that leaves fewer rows outside their new window, else the nearer."""
    windows = []
    for schedule in schedules.values() if not plan.spots.is_schedule else [plan]:
        window = schedule.spots.window or plan.spots.window
        span = (bounds.get(id(window[0])), bounds.get(id(window[1]))) if window else None
        windows.append((schedule.spots.rows, span))
    reference = _reference(plan, schedules)
    try:
        shifts = calendar.week_shifts(reference, years)
    except OutOfRange:
        shifts = []
    if not shifts:
        raise CannotRoll(f"không dời được ngày {ngay(reference)} sang năm mới: kiểm tra lại các ngày trong kế hoạch")

    def outside(shift: int) -> int:
        count = 0
        for rows, span in windows:
            if span and span[0] and span[1]:
                low, high = (span[0] - dt.timedelta(days=shift)), (span[1] - dt.timedelta(days=shift))
                count += sum(1 for row in rows if not low <= row.value <= high)
        return count

    return min(shifts, key=outside)


def _reference(plan: _File, schedules: dict[str, _File]) -> dt.date:
    """The date the shift is measured from: the window's start, else the first date a file holds."""
    files = [plan, *schedules.values()]
    for file in files:
        if file.spots.window:
            return file.spots.window[0].value
    for file in files:
        found = [s.value for s in file.spots.dates if s.value]
        if found:
            return min(found)
    return dt.date(_old_year(plan), 1, 1)


def _date_edits(file: _File, bounds: dict[int, dt.date], rolled: Rolled) -> None:
    text = file.source.text
    for spot in file.spots.dates:
        if spot.value is None:
            continue  # not a date the loader reads: the new plan's check says so
        written = spot.node.value.strip()
        try:
            day = calendar.plus_days(spot.value, rolled.shift_days) if spot.role == spots.ROW else bounds[id(spot)]
        except (OutOfRange, KeyError):
            file.tell(spot.node, rolled.unmoved, written, "ngày mới ra ngoài lịch (năm 1 đến 9999): sửa tay")
            continue
        edit = edits.replace_value(text, spot.node, written, day.isoformat())
        if edit is None:
            file.tell(spot.node, rolled.unmoved, written, f"không sửa được tại chỗ: viết `{day.isoformat()}`")
        else:
            file.edits.append(edit)


def _plan_edits(plan: _File, schedules: dict[str, _File], new_year: int) -> list[edits.Edit]:
    """The new year; no `number` or `date` (a draft); the schedules' new paths."""
    text, keys = plan.source.text, plan.spots.keys
    found: list[edits.Edit] = []
    year_line = f"year: {new_year}"
    if "year" in keys:
        node = keys["year"][1]
        edit = edits.replace_value(text, node, node.value.strip(), str(new_year))
        if edit is None:
            raise CannotRoll(f"{node_pos(plan.old, node)}: viết `year: {new_year - 1}` trên một dòng rồi chạy lại")
        found.append(edit)
        year_line = ""
    for key in ("number", "date"):
        if key in keys and not plan.spots.is_schedule:
            found.append(edits.remove_pair(text, *keys[key], replacement=year_line if key == "date" else ""))
    for node in plan.spots.schedule_paths:
        new_relative = schedules[unicodedata.normalize("NFC", node.value)].written_as
        edit = edits.replace_value(text, node, node.value, new_relative)
        if edit is None:
            raise CannotRoll(f"{node_pos(plan.old, node)}: viết đường dẫn lịch trên một dòng, trong ngoặc kép, rồi chạy lại")
        found.append(edit)
    return found
