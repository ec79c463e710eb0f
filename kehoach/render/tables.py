"""Tables: generic tables (body and appendices) and inspection schedules.

Built as one linear pass of string building, so a schedule of ten thousand rows
costs ten thousand times one row.
"""

from __future__ import annotations

from kehoach.render import ooxml
from kehoach.spec.model import Schedule, Table, Text, is_number_column
from kehoach.vnformat import ngay, thu

TEXT_WIDTH = 9355  # twips: A4 less 30 mm and 15 mm margins
NUMBER_WIDTH = 700


def _cell(text: str, footnotes, style: str = "KHBang") -> str:
    return "".join(ooxml.paragraph(ooxml.inline(line, footnotes), style) for line in text.split("\n"))


def body_table(table: Table, footnotes, *, column_numbers: bool = False, blank_rows: int = 0):
    """A generic table. An STT/TT first column is numbered when the rows leave its cells out.
    A blank form adds a row of column numbers under the header and empty numbered rows."""
    titles = [c.value for c in table.columns]
    numbered = bool(titles) and is_number_column(titles[0])
    rest = len(titles) - (1 if numbered else 0)
    other = (TEXT_WIDTH - (NUMBER_WIDTH if numbered else 0)) // max(rest, 1)
    widths = [NUMBER_WIDTH if numbered and i == 0 else other for i in range(len(titles))]
    rows: list[list[str]] = []
    if column_numbers:
        rows.append([ooxml.paragraph(ooxml.run(str(j + 1), italic=True), "KHBangSo") for j in range(len(titles))])
    for i, cells in enumerate(table.rows, start=1):
        values = [c.value for c in cells]
        if numbered and len(values) == len(titles) - 1:
            values = [str(i)] + values
        row = []
        for j, value in enumerate(values[: len(titles)]):
            style = "KHBangSo" if numbered and j == 0 else "KHBang"
            row.append(_cell(value, footnotes, style))
        row += [""] * (len(titles) - len(row))
        rows.append(row)
    for i in range(len(table.rows) + 1, len(table.rows) + blank_rows + 1):
        first = ooxml.paragraph(ooxml.run(str(i)), "KHBangSo") if numbered else ""
        rows.append([first] + [""] * (len(titles) - 1))
    return ooxml.table(list(zip(titles, widths)), rows)


SCHEDULE_COLUMNS = [("STT", NUMBER_WIDTH), ("Thời gian", 2050), ("Địa điểm", 2150), ("Thành phần", TEXT_WIDTH - NUMBER_WIDTH - 4200)]


def when(row) -> str:
    day = row.date.value
    text = f"{thu(day)}, {ngay(day)}"
    return text if row.session == "cả ngày" else f"{text}\n(buổi {row.session})"


def schedule_table(schedule: Schedule, members: dict[str, Text], footnotes):
    """The schedule's table, one row at a time."""
    return ooxml.table(SCHEDULE_COLUMNS, (_schedule_row(i, row, members, footnotes) for i, row in enumerate(schedule.rows, start=1)))


def _schedule_row(i: int, row, members: dict[str, Text], footnotes) -> list[str]:
    names = [members[m.entry.value].value if m.is_id and m.entry.value in members else m.entry.value for m in row.members]
    who = "".join(ooxml.paragraph(ooxml.inline(f"{k}. {name}", footnotes), "KHBang") for k, name in enumerate(names, start=1))
    return [
        ooxml.paragraph(ooxml.run(str(i)), "KHBangSo"),
        _cell(when(row), footnotes, "KHBangSo"),
        _cell(row.place.value, footnotes),
        who,
    ]
