"""An inspection-schedule table into a schedule, whatever its shape: weekday and date in one cell or
a separate `Buổi` column, a date cell merged over the day's morning and afternoon rows, team
sub-header rows (`ĐOÀN KIỂM TRA SỐ 1`), members as numbered lines or one paragraph each. Members that
recur across rows become `members` ids. None when the table is not a schedule or a row cannot be
read (the table then stays a table: nothing is dropped)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kehoach.importer import dates
from kehoach.word.paragraphs import Cell, Paragraph, Table
from kehoach.importer.source import Src, src
from kehoach.importer.tables import positions
from kehoach.vnformat import ngay, thu

_HEADERS = {
    "stt": re.compile(r"^(stt|tt|số\s*tt|số thứ tự)$", re.I),
    "time": re.compile(r"^(thời gian|ngày|ngày,? tháng|ngày kiểm tra|thời gian kiểm tra|thời gian thực hiện|ngày thực hiện)", re.I),
    "session": re.compile(r"^(buổi|thời điểm)$", re.I),
    "place": re.compile(r"^(địa điểm|địa bàn|đơn vị|xã|nơi|đơn vị được kiểm tra|địa điểm kiểm tra|địa bàn kiểm tra)", re.I),
    "members": re.compile(r"^(thành phần|đoàn|thành viên|người thực hiện|cán bộ|thành phần đoàn)", re.I),
    "note": re.compile(r"^ghi chú", re.I),
}
DEFAULT_HEADERS = {"time": "Thời gian", "place": "Địa điểm", "members": "Thành phần", "note": "Ghi chú"}
TEAM = re.compile(r"^(ĐOÀN|TỔ|Đoàn|Tổ)\b")
_ENTRY = re.compile(r"^(?:\d{1,2}[.)]|[-+•])\s*")
_ID_WORDS = 3


@dataclass
class ScheduleTable:
    rows: list[dict] = field(default_factory=list)
    teams: list[dict] = field(default_factory=list)
    members: dict[str, Src] = field(default_factory=dict)
    layout: str | None = None
    headers: dict[str, Src] = field(default_factory=dict)
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)
    # Cells whose weekday contradicts their date (KH-I005): the date is imported, the weekday is not.
    weekdays: list[tuple[Paragraph | None, str]] = field(default_factory=list)

    def spec_fields(self) -> dict:
        """The keys of a schedule file this table fills, in the files' order."""
        fields = {"layout": self.layout, "headers": self.headers, "members": self.members, "teams": self.teams}
        return {key: value for key, value in fields.items() if value} | {"rows": self.rows}


@dataclass
class ImportedSchedule:
    """A schedule file imported on its own (an Excel sheet, a Word document holding only a schedule)."""

    spec: dict
    cells: list[Paragraph] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    weekdays: list[tuple[Paragraph | None, str]] = field(default_factory=list)   # KH-I005


def columns(header: list[tuple[int, Cell]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for column, cell in header:
        text = cell.text.strip()
        for key, pattern in _HEADERS.items():
            if key not in found and pattern.match(text):
                found[key] = column
                break
    return found


def read(table: Table, year: int | None) -> ScheduleTable | None:
    grid = positions(table)
    if len(grid) < 2:
        return None
    header_at = next((r for r, row in enumerate(grid[:3]) if {"time", "place"} <= columns(row).keys()), None)
    if header_at is None:
        return None
    cols = columns(grid[header_at])
    if "members" not in cols:
        return None
    result = ScheduleTable()
    width = table.width()
    for key, column in cols.items():
        cell = next(c for col, c in grid[header_at] if col == column)
        if key in DEFAULT_HEADERS and cell.text.strip() != DEFAULT_HEADERS[key] and key != "time":
            result.headers[key] = src(cell.text.strip(), cell.paragraphs[0] if cell.paragraphs else None)
    if "session" in cols:
        result.layout = "buoi"
    team: dict | None = None
    above: dict[int, Cell] = {}
    entries: list[tuple[dict, list[tuple[str, Paragraph]]]] = []
    weekday_checked: set[int] = set()   # a date cell merged over several rows is read once
    for row in grid[header_at + 1:]:
        cells = {col: cell for col, cell in row}
        for col, cell in row:
            if cell.merge == "continue" and col in above:
                cells[col] = above[col]
        texts = [c.text.strip() for _, c in row if c.text.strip()]
        if len(row) == 1 and row[0][1].span >= width - 1 or (texts and len(set(texts)) == 1 and TEAM.match(texts[0])):
            if texts and TEAM.match(texts[0]):
                first = row[0][1].paragraphs[0] if row[0][1].paragraphs else None
                team = {"name": src(texts[0], first), "rows": []}
                result.teams.append(team)
                continue
            if not texts:
                continue
        for col, cell in row:
            if cell.merge != "continue":
                above[col] = cell
        parsed = _row(cells, cols, year)
        if parsed is None:
            first = next((p for _, c in row for p in c.paragraphs if p.text), None)
            result.notes.append((first, "dòng lịch không đọc được ngày: giữ cả bảng thành phụ lục bảng"))
            return None
        row_spec, members = parsed
        time_cell = cells.get(cols["time"])
        if time_cell is not None and id(time_cell) not in weekday_checked:
            weekday_checked.add(id(time_cell))
            result.weekdays += _weekday_mismatches(time_cell.text, year, row_spec.get("_anchor"))
        entries.append((row_spec, members))
        (team["rows"] if team is not None else result.rows).append(row_spec)
    if not entries:
        return None
    _members(result, entries)
    if result.teams and result.rows:
        result.notes.append((None, "lịch có cả dòng ngoài đoàn và các đoàn kiểm tra"))
    return result


def _row(cells: dict[int, Cell], cols: dict[str, int], year: int | None):
    time_cell = cells.get(cols["time"])
    time_text = time_cell.text if time_cell else ""
    anchor = next((p for p in (time_cell.paragraphs if time_cell else []) if p.text), None)
    found = dates.dates(time_text, year)
    if not found:
        return None
    spec: dict = {}
    window = dates.window(time_text)
    if window or (len(found) == 2 and found[0] < found[1] and re.search(r"đến|-", time_text)):
        spec["from"], spec["to"] = window or (found[0], found[1])
    else:
        spec["date"] = found[0]
    session_text = cells[cols["session"]].text if "session" in cols and cols["session"] in cells else time_text
    session = dates.session(session_text)
    if session:
        spec["session"] = session
    clock = dates.clock(re.sub(dates.DATE, " ", time_text))
    if clock and re.search(r"\d\s*(h|giờ)", time_text):
        spec["time"] = clock
    place_cell = cells.get(cols["place"])
    place_paragraph = next((p for p in place_cell.paragraphs if p.text), anchor) if place_cell else anchor
    spec["place"] = src(place_cell.text if place_cell else "", place_paragraph)
    members: list[tuple[str, Paragraph]] = []
    member_cell = cells.get(cols["members"])
    for paragraph in member_cell.paragraphs if member_cell else []:
        for line in paragraph.lines:
            entry = _ENTRY.sub("", line).strip() if not paragraph.label else line.strip()
            if entry:
                members.append((entry, paragraph))
    if "note" in cols and (note_cell := cells.get(cols["note"])) and note_cell.text.strip():
        spec["note"] = src(note_cell.text.strip(), note_cell.paragraphs[0])
    for key in ("date", "from"):
        if key in spec:
            spec["_anchor"] = anchor
    return spec, members


def _weekday_mismatches(text: str, year: int | None, anchor: Paragraph | None) -> list[tuple[Paragraph | None, str]]:
    return [(anchor, f"ô ghi {written} nhưng ngày {ngay(day)} là {thu(day)}: sửa thứ hoặc ngày")
            for written, claimed, day in dates.weekday_claims(text, year) if claimed != day.weekday()]


def _members(result: ScheduleTable, entries: list[tuple[dict, list[tuple[str, Paragraph]]]]) -> None:
    counts: dict[str, int] = {}
    for _, members in entries:
        for text in {t for t, _ in members}:
            counts[text] = counts.get(text, 0) + 1
    ids: dict[str, str] = {}
    for row_spec, members in entries:
        listed = []
        for text, paragraph in members:
            if counts[text] > 1 or _looks_like_id(text):
                if text not in ids:
                    ids[text] = _new_id(text, set(ids.values()))
                    result.members[ids[text]] = src(text, paragraph)
                listed.append(src(ids[text], paragraph))
            else:
                listed.append(src(text, paragraph))
        row_spec["members"] = listed


def _looks_like_id(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9_]+", text)) and not text.isdigit()


def _new_id(text: str, taken: set[str]) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", plain)
    stem = "_".join(words[:_ID_WORDS]) or "thanh_vien"
    if stem[0].isdigit():
        stem = "tv_" + stem
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}_{n}", n + 1
    return candidate
