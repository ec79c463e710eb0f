"""An Excel inspection schedule into a schedule spec: the sheet becomes a table (merged cells kept as
spans and vertical merges) read by the same code as a Word schedule table; columns are found by their
header text (STT, Ngày/Thời gian, Buổi, Địa điểm/Địa bàn, Thành phần/Đoàn), dates may be Excel dates
or text. openpyxl reads the workbook, after inputfiles has bounded its size and its unpacked size."""

from __future__ import annotations

import datetime as dt

from kehoach.errors import NotReadable
from kehoach.importer import schedule_table
from kehoach.importer.schedule_table import ImportedSchedule
from kehoach.word.paragraphs import Cell, Paragraph, Segment, Table
from kehoach.importer.source import src
from kehoach.word.styles import RunFormat
from kehoach.inputfiles import open_package

_HEADER_ROWS = 15


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)


def _sheet_table(sheet, name: str) -> tuple[Table, list[Paragraph]]:
    from openpyxl.utils import get_column_letter

    merged: dict[tuple[int, int], tuple[str, int]] = {}
    for cells in sheet.merged_cells.ranges:
        width = cells.max_col - cells.min_col + 1
        for r in range(cells.min_row, cells.max_row + 1):
            for c in range(cells.min_col, cells.max_col + 1):
                if c == cells.min_col:
                    merged[(r, c)] = ("restart" if cells.max_row > cells.min_row and r == cells.min_row
                                      else "continue" if r > cells.min_row else "", width)
                else:
                    merged[(r, c)] = ("skip", width)
    paragraphs: list[Paragraph] = []
    rows = []
    for r, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        row = []
        for c, value in enumerate(values, start=1):
            merge, span = merged.get((r, c), ("", 1))
            if merge == "skip":
                continue
            text = _text(value).strip()
            letter = get_column_letter(c)
            paragraph = Paragraph(r, [Segment(text, RunFormat())] if text else [], where=f"{name}, dòng {r}, ô {letter}{r}")
            if text:
                paragraphs.append(paragraph)
            row.append(Cell([paragraph], span, merge))
        rows.append(row)
    return Table(1, rows), paragraphs


def import_workbook(path: str) -> ImportedSchedule:
    import openpyxl

    # openpyxl reads the stream open_package opened once the file passed its checks, never the path:
    # a pipe named lich.xlsx would block it.
    with open_package(path) as checked:
        try:
            workbook = openpyxl.load_workbook(checked.fp, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged or foreign file
            raise NotReadable(f"`{path}` không đọc được bằng Excel ({type(error).__name__}): mở bằng Excel và lưu lại dạng .xlsx.") from None
    for sheet in workbook.worksheets:
        table, cells = _sheet_table(sheet, sheet.title)
        found = _schedule(table, cells)
        if found is not None:
            return found
    raise NotSchedule(
        f"`{path}` không có bảng lịch: cần một dòng tiêu đề có cột thời gian (Ngày/Thời gian), địa điểm "
        "(Địa điểm/Địa bàn) và thành phần (Thành phần/Đoàn), mỗi dòng dưới đó có một ngày."
    )


class NotSchedule(NotReadable):
    exit_code = 1


def _schedule(table: Table, cells: list[Paragraph]) -> ImportedSchedule | None:
    rows = table.rows
    header_at = next((k for k, row in enumerate(rows[:_HEADER_ROWS])
                      if {"time", "place", "members"} <= schedule_table.columns(_placed(row)).keys()), None)
    if header_at is None:
        return None
    above = [p for row in rows[:header_at] for c in row for p in c.paragraphs if p.text]
    body = Table(1, [r for r in rows[header_at:] if any(c.paragraphs and c.paragraphs[0].text for c in r)])
    year = next((d.year for p in cells for d in _years(p.text)), None)
    found = schedule_table.read(body, year)
    if found is None:
        return None
    spec: dict = {}
    if above:
        spec["title"] = src(above[0].text, above[0])
    if len(above) > 1:
        spec["intro"] = [src(p.text, p) for p in above[1:]]
    spec.update(found.spec_fields())
    notes = [f"{p.where}: {m}" if p is not None else m for p, m in found.notes]
    return ImportedSchedule(spec, cells, notes, found.weekdays)


def _placed(row: list[Cell]):
    column, out = 0, []
    for cell in row:
        out.append((column, cell))
        column += cell.span
    return out


def _years(text: str):
    from kehoach.importer.dates import dates

    return dates(text, None)

