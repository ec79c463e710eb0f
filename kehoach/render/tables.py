"""Tables: generic tables (body and appendices) and inspection schedules.

Built as one linear pass of string building, so a schedule of ten thousand rows
costs ten thousand times one row.
"""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.ooxml import Xml
from kehoach.spec.model import Schedule, Table, Text, is_number_column
from kehoach.vnformat import ngay, thu

TEXT_WIDTH = 9355  # twips: A4 less 30 mm and 15 mm margins
NUMBER_WIDTH = 700
# Sizing columns from their content (13 pt Times New Roman): a character is about 120 twips wide on
# average, a cell's margins take 170; no column narrower than 600 twips (about 1 cm).
_CHAR_TWIPS = 120
_CELL_MARGINS = 170
_MIN_WIDTH = 600


def cell(text: str, footnotes, style: str = styles.BANG) -> Xml:
    """A cell's paragraphs: one per line of the text."""
    return ooxml.join(ooxml.paragraph(ooxml.inline(line, footnotes), style) for line in text.split("\n"))


def content_widths(columns: list[list[str]], numbered: bool, total: int = TEXT_WIDTH) -> list[int]:
    """Column widths from what the columns hold: each at least as wide as its longest word, the
    rest of the width shared in proportion to the columns' average text length. An STT column
    keeps its narrow width."""
    fixed = NUMBER_WIDTH if numbered else 0
    texts = columns[1:] if numbered else columns
    if not texts:
        return [total] if numbered else []
    floors, weights = [], []
    for texts_of_column in texts:
        longest = max((len(word) for text in texts_of_column for word in text.split()), default=0)
        floors.append(max(_MIN_WIDTH, longest * _CHAR_TWIPS + _CELL_MARGINS))
        weights.append(max(1.0, sum(len(t) for t in texts_of_column) / max(len(texts_of_column), 1)))
    available = total - fixed
    if sum(floors) > available:  # words too long for the page: shrink every floor alike
        floors = [f * available // sum(floors) for f in floors]
    spare = available - sum(floors)
    widths = [f + int(spare * w / sum(weights)) for f, w in zip(floors, weights)]
    widths[-1] += available - sum(widths)  # rounding: the columns fill the text width exactly
    return ([fixed] if numbered else []) + widths


def body_table(table: Table, footnotes, *, column_numbers: bool = False, blank_rows: int = 0):
    """A generic table. An STT/TT first column is numbered where the rows leave its cells out or
    empty. A blank form adds a row of column numbers under the header and empty numbered rows."""
    titles = [c.value for c in table.columns]
    if not titles:
        return []
    numbered = is_number_column(titles[0])
    values = [_numbered(i, [c.value for c in cells], len(titles), numbered) for i, cells in enumerate(table.rows, start=1)]
    columns = [[title] + [row[j] for row in values if j < len(row)] for j, title in enumerate(titles)]
    widths = content_widths(columns, numbered)
    header = [[cell(title, footnotes, styles.BANG_TIEU_DE) for title in titles]]
    rows: list[list[Xml]] = []
    if column_numbers:
        rows.append([ooxml.paragraph(ooxml.run(str(j + 1), italic=True), styles.BANG_SO) for j in range(len(titles))])
    for row in values:
        cells = [cell(value, footnotes, styles.BANG_SO if numbered and j == 0 else styles.BANG) for j, value in enumerate(row)]
        rows.append(cells + [ooxml.EMPTY] * (len(titles) - len(cells)))
    for i in range(len(table.rows) + 1, len(table.rows) + blank_rows + 1):
        first = ooxml.paragraph(ooxml.run(str(i)), styles.BANG_SO) if numbered else ooxml.EMPTY
        rows.append([first] + [ooxml.EMPTY] * (len(titles) - 1))
    return ooxml.table(widths, header, rows)


def _numbered(i: int, values: list[str], count: int, numbered: bool) -> list[str]:
    """The row's values, its STT cell filled with `i` when left out or written empty."""
    if numbered and len(values) == count - 1:
        return [str(i)] + values
    if numbered and values and not values[0].strip():
        return [str(i)] + values[1:]
    return values[:count]


SCHEDULE_WIDTHS = [NUMBER_WIDTH, 2050, 2150, TEXT_WIDTH - NUMBER_WIDTH - 4200]
SCHEDULE_TITLES = ["STT", "Thời gian", "Địa điểm", "Thành phần"]


def when(row) -> str:
    day = row.date.value
    text = f"{thu(day)}, {ngay(day)}"
    return text if row.session == "cả ngày" else f"{text}\n(buổi {row.session})"


def schedule_table(schedule: Schedule, members: dict[str, Text], footnotes):
    """The schedule's table, one row at a time."""
    header = [[cell(title, footnotes, styles.BANG_TIEU_DE) for title in SCHEDULE_TITLES]]
    return ooxml.table(
        SCHEDULE_WIDTHS, header, (_schedule_row(i, row, members, footnotes) for i, row in enumerate(schedule.rows, start=1))
    )


def _schedule_row(i: int, row, members: dict[str, Text], footnotes) -> list[Xml]:
    names = [members[m.entry.value].value if m.is_id and m.entry.value in members else m.entry.value for m in row.members]
    who = ooxml.join(ooxml.paragraph(ooxml.inline(f"{k}. {name}", footnotes), styles.BANG) for k, name in enumerate(names, start=1))
    return [
        ooxml.paragraph(ooxml.run(str(i)), styles.BANG_SO),
        cell(when(row), footnotes, styles.BANG_SO),
        cell(row.place.value, footnotes),
        who,
    ]
