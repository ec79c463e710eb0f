"""`kehoach new --from OLD.yaml --year YYYY`: roll a plan (and its schedules) forward to another year.

The new files are the old ones edited in place, not re-dumped: every value to
change (a date, the plan's number and date, a schedule's path) is replaced at
its exact span in the text, found through the composed YAML node tree. So
comments, key order, quoting and line breaks stay exactly as the clerk wrote
them, with no round-trip library between them and their file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

import yaml

from kehoach import prose_dates
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.fileio import atomic_output
from kehoach.spec.load import load, schedule_path
from kehoach.spec.model import Plan, ScheduleAppendix, iter_texts
from kehoach.spec.yaml_source import read

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_KEYS = {"from", "to", "on", "date"}
_YEAR_IN_PROSE = re.compile(r"(?<!\w)năm\s+(\d{4})(?!\d)", re.IGNORECASE)


class RollError(Exception):
    """Something the user must fix first; the message says what."""


@dataclass
class Review:
    pos: Pos
    text: str


@dataclass
class Rolled:
    shift_days: int
    written: list[str] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def week_shift(reference: dt.date, years: int) -> int:
    """The multiple of 7 days that lands nearest the same calendar date `years` later
    (a Monday inspection stays a Monday)."""
    try:
        target = reference.replace(year=reference.year + years)
    except ValueError:  # 29 February
        target = reference.replace(year=reference.year + years, day=28)
    return 7 * round((target - reference).days / 7)


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
class _Edit:
    start: int
    end: int
    text: str


def _apply(text: str, edits: list[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _date_edits(node: yaml.Node, shift: int, skip_top_date: bool, top: yaml.Node) -> list[_Edit]:
    """Shift every ISO date under a `from`, `to`, `on` or `date` key (the plan's own `date` aside)."""
    edits: list[_Edit] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if (
                    isinstance(value, yaml.ScalarNode)
                    and key.value in _DATE_KEYS
                    and _ISO.match(value.value)
                    and not (skip_top_date and current is top and key.value == "date")
                ):
                    day = dt.date.fromisoformat(value.value) + dt.timedelta(days=shift)
                    edits.append(_Edit(value.start_mark.index, value.end_mark.index, _keep_quotes(value, day.isoformat())))
                else:
                    stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return edits


def _keep_quotes(node: yaml.ScalarNode, value: str) -> str:
    quote = {"'": "'", '"': '"'}.get(node.style or "", "")
    return f"{quote}{value}{quote}"


def _line_span(text: str, key: yaml.Node, value: yaml.Node) -> tuple[int, int]:
    """From the start of the key's line to the end of the value's line, its comment with it."""
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    end = text.find("\n", value.end_mark.index)
    return start, len(text) if end < 0 else end + 1


def _plan_edits(text: str, root: yaml.MappingNode, new_year: int, shift: int, paths: dict[str, str]) -> list[_Edit]:
    if root.flow_style:
        raise RollError("kế hoạch viết dạng `{...}` trên một dòng: hãy viết mỗi khóa một dòng rồi chạy lại")
    edits = _date_edits(root, shift, skip_top_date=True, top=root)
    keys = {k.value: (k, v) for k, v in root.value}
    year_line = f"year: {new_year}\n"
    if "year" in keys:
        value = keys["year"][1]
        edits.append(_Edit(value.start_mark.index, value.end_mark.index, str(new_year)))
        year_line = ""
    # A draft: no number, no date; `year` takes the place of `date` when the plan had none.
    for key in ("number", "date"):
        if key in keys:
            start, end = _line_span(text, *keys[key])
            edits.append(_Edit(start, end, year_line if key == "date" else ""))
    for appendix in _sequence(keys.get("appendices")):
        if isinstance(appendix, yaml.MappingNode):
            for key, value in appendix.value:
                if key.value == "schedule" and isinstance(value, yaml.ScalarNode) and value.value in paths:
                    edits.append(_Edit(value.start_mark.index, value.end_mark.index, _keep_quotes(value, paths[value.value])))
    return edits


def _sequence(pair) -> list[yaml.Node]:
    if pair and isinstance(pair[1], yaml.SequenceNode):
        return pair[1].value
    return []


def _reference_date(spec) -> dt.date:
    """The date the shift is measured on: the window's start, else the first date the spec holds."""
    if spec.window is not None:
        return spec.window.start.value
    schedules = spec.schedules if isinstance(spec, Plan) else [spec]
    for schedule in schedules:
        if schedule.window:
            return schedule.window.start.value
        if schedule.rows:
            return schedule.rows[0].date.value
    year = spec.year if isinstance(spec, Plan) else dt.date.today().year
    return dt.date(year, 1, 1)


def roll_forward(path: str, new_year: int, out: str | None = None, force: bool = False) -> Rolled:
    loaded = load(path)
    if loaded.spec is None:
        raise RollError(
            "không đọc được kế hoạch cũ: " + "; ".join(d.as_text() for d in loaded.diagnostics[:3])
            + " — sửa tệp (xem `kehoach check`) rồi chạy lại"
        )
    spec = loaded.spec
    old_year = spec.year if isinstance(spec, Plan) else _reference_date(spec).year
    if old_year is None:
        raise RollError("kế hoạch cũ không có `year` hay `date`: không biết dời từ năm nào")
    if new_year == old_year:
        raise RollError(f"kế hoạch đã là năm {old_year}: chọn một năm khác với --year")
    shift = week_shift(_reference_date(spec), new_year - old_year)
    target = out or renamed(path, old_year, new_year)
    plans = [(path, target)]
    schedules: list[tuple[str, str]] = []
    relative: dict[str, str] = {}
    if isinstance(spec, Plan):
        for appendix in spec.appendices:
            if isinstance(appendix, ScheduleAppendix) and appendix.schedule is not None:
                old_relative = appendix.path.value
                new_relative = renamed(old_relative, old_year, new_year)
                relative[old_relative] = new_relative
                schedules.append((schedule_path(path, old_relative), schedule_path(target, new_relative)))
    for _, new_path in plans + schedules:
        if os.path.exists(new_path) and not force:
            raise RollError(f"`{new_path}` đã có: chọn tên khác với -o, hoặc thêm --force để ghi đè")
    for old_path, new_path in plans + schedules:
        if os.path.abspath(old_path) == os.path.abspath(new_path):
            raise RollError(f"tệp mới trùng tệp cũ `{old_path}`: chọn tên khác với -o")

    rolled = Rolled(shift)
    for old_path, new_path in schedules:
        source = read(old_path)
        _write(new_path, _apply(source.text, _date_edits(source.root, shift, skip_top_date=False, top=source.root)))
        rolled.written.append(new_path)
    source = read(path)
    if isinstance(spec, Plan):
        edits = _plan_edits(source.text, source.root, new_year, shift, relative)
    else:
        edits = _date_edits(source.root, shift, skip_top_date=False, top=source.root)
    _write(target, _apply(source.text, edits))
    rolled.written.insert(0, target)

    from kehoach.check import check_file

    checked = check_file(target)
    rolled.diagnostics = checked.diagnostics
    if checked.spec is not None:
        rolled.review = _to_review(checked.spec, new_year)
    return rolled


def _write(path: str, text: str) -> None:
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)


def _to_review(spec, new_year: int) -> list[Review]:
    """Literal dates and years left in the prose: never rewritten silently, listed for a person to decide."""
    from kehoach.refs.in_spec import references

    cited: dict[int, list[tuple[int, int]]] = {}
    for text, ref in references(spec):
        cited.setdefault(id(text), []).append((ref.offset, ref.end))
    found: list[Review] = []
    for text in iter_texts(spec):
        if text.templated:
            continue
        # A cited document's date is a fact about that document, not the plan's to move.
        seen = list(cited.get(id(text), []))
        for match in prose_dates.find(text.value):
            start = match.start.offset
            end = (match.end or match.start).offset + len((match.end or match.start).text)
            if not any(a <= start < b for a, b in seen):
                found.append(Review(text.pos_at(start), text.value[start:end]))
            seen.append((start, end))
        for match in _YEAR_IN_PROSE.finditer(text.value):
            year = int(match.group(1))
            if year != new_year and abs(year - new_year) <= 2 and not any(a <= match.start() < b for a, b in seen):
                found.append(Review(text.pos_at(match.start()), match.group(0)))
    return sorted(found, key=lambda r: (r.pos.file, r.pos.line, r.pos.column))
