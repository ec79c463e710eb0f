"""Tables: generic tables (body and appendices) and inspection schedules.

Built as one linear pass of string building, so a schedule of ten thousand rows
costs ten thousand times one row.
"""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.ooxml import Cell, Xml
from kehoach.spec.model import Row, Schedule, Table, Text
from kehoach.vnformat import khoang, ngay, thu

TEXT_WIDTH = 9355  # twips: A4 less 30 mm and 15 mm margins
NUMBER_WIDTH = 700
# Sizing columns from their content (13 pt Times New Roman): a character is about 120 twips wide on
# average, a cell's margins take 170; no column narrower than 600 twips (about 1 cm).
_CHAR_TWIPS = 120
_CELL_MARGINS = 170
_MIN_WIDTH = 600


def cell(text: str, footnotes, style: str = styles.BANG) -> Xml:
    """A cell's paragraphs: one per line of the text."""
    if "\n" not in text:
        return ooxml.paragraph(ooxml.inline(text, footnotes), style)
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


def given_widths(percents: list[float], total: int = TEXT_WIDTH) -> list[int]:
    """Widths given in per cent of the text width (scaled down if they add up to more than 100)."""
    scale = total / max(100.0, sum(percents))
    return [max(1, round(p * scale)) for p in percents]


class _Grid:
    """Lays rows of spec cells onto the table's columns: a cell spanning columns gets `gridSpan`, a
    cell spanning rows starts a vertical merge that the rows below continue (they leave its cell out)."""

    def __init__(self, width: int):
        self.width = width
        self.covered: dict[int, tuple[int, int]] = {}  # column → (rows still covered, columns spanned)

    def place(self, cells: list, footnotes, style_of) -> list[Xml | Cell]:
        out: list[Xml | Cell] = []
        given = iter(cells)
        column = 0
        while column < self.width:
            if column in self.covered:
                left, span = self.covered[column]
                out.append(Cell(ooxml.EMPTY, span, "continue"))
                if left > 1:
                    self.covered[column] = (left - 1, span)
                else:
                    del self.covered[column]
                column += span
                continue
            spec = next(given, None)
            if spec is None:  # a short row (a diagnostic in `check`): empty cells, never a shift
                out.append(ooxml.EMPTY)
                column += 1
                continue
            span = max(1, min(spec.span, self.width - column))
            content = cell(spec.value, footnotes, style_of(column))
            if spec.rows > 1:
                self.covered[column] = (spec.rows - 1, span)
                out.append(Cell(content, span, "restart"))
            else:
                out.append(Cell(content, span) if span > 1 else content)
            column += span
        return out

    def free(self, column: int) -> bool:
        return column not in self.covered


def _spans(cells: list) -> int:
    return sum(c.span for c in cells)


def body_table(table: Table, footnotes, *, column_numbers: bool = False, blank_rows: int = 0):
    """A generic table. Header rows repeat on every page; cells may span columns and rows. An STT/TT
    first column is numbered where the rows leave its cell out or write it empty. A blank form adds
    a row of column numbers under the header and empty numbered rows."""
    width = table.width
    if not width:
        return []
    numbered = table.numbered
    header_grid = _Grid(width)
    header = [header_grid.place(row, footnotes, lambda _: styles.BANG_TIEU_DE) for row in table.header]
    grid = _Grid(width)
    rows: list[list[Xml | Cell]] = []
    if column_numbers:
        rows.append([ooxml.paragraph(ooxml.run(str(j + 1), italic=True), styles.BANG_SO) for j in range(width)])
    number_style = (lambda j: styles.BANG_SO if j == 0 else styles.BANG) if numbered else (lambda _: styles.BANG)
    count = 0
    for cells in table.rows:
        if numbered and grid.free(0):
            count += 1
            cells = _numbered(count, cells, width, grid)
        rows.append(grid.place(cells, footnotes, number_style))
    for i in range(count + 1, count + blank_rows + 1):
        first = ooxml.paragraph(ooxml.run(str(i)), styles.BANG_SO) if numbered else ooxml.EMPTY
        rows.append([first] + [ooxml.EMPTY] * (width - 1))
    return ooxml.table(_widths(table, width), header, rows)


class _Number:
    """The number written into an STT cell left out or empty; keeps the cell's row span."""

    __slots__ = ("value", "span", "rows")

    def __init__(self, value: str, rows: int = 1):
        self.value, self.span, self.rows = value, 1, rows


def _numbered(n: int, cells: list, width: int, grid: _Grid) -> list:
    covered = sum(span for _, span in grid.covered.values())
    if _spans(cells) + covered == width - 1:
        return [_Number(str(n)), *cells]
    if cells and cells[0].span == 1 and not cells[0].value.strip():
        return [_Number(str(n), cells[0].rows), *cells[1:]]
    return cells


def _widths(table: Table, width: int) -> list[int]:
    if table.widths and len(table.widths) == width:
        return given_widths(table.widths)
    columns: list[list[str]] = [[] for _ in range(width)]
    for row in [*table.header, *table.rows]:
        column = 0
        for spec in row:
            if spec.span == 1 and column < width:
                columns[column].append(spec.value)
            column += spec.span
    return content_widths(columns, table.numbered)


# -- inspection schedules ------------------------------------------------------------------

HEADERS = {"time": "Thời gian", "place": "Địa điểm", "members": "Thành phần", "note": "Ghi chú"}
# twips: STT, then the layout's date columns, then Địa điểm; Thành phần takes the rest, less Ghi chú.
_DATE_WIDTHS = {"ngay": [2050], "buoi": [1500, 1000]}
_PLACE_WIDTH = {"ngay": 2150, "buoi": 2050}
_NOTE_WIDTH = 1500


def _session(row: Row) -> str:
    """`Sáng`, `Chiều 13h30`, `7h30` (a whole day with a time), or `` (a whole day)."""
    session = "" if row.session == "cả ngày" else row.session.capitalize()
    time = row.time.value if row.time is not None else ""
    return f"{session} {time}".strip()


def _days(row: Row) -> str:
    """`Thứ Hai, 08/11/2021`, or `Từ ngày 08/11 đến ngày 10/11/2021` for a row spanning days."""
    if row.end is not None and row.end.value != row.date.value:
        return khoang(row.date.value, row.end.value)
    return f"{thu(row.date.value)}, {ngay(row.date.value)}"


def when(row: Row) -> str:
    """The `Thời gian` cell: the session (and time) before the day: `Sáng 7h30, Thứ Hai, 08/11/2021`."""
    session, days = _session(row), _days(row)
    if not session:
        return days[:1].upper() + days[1:]
    return f"{session}, {days}" if row.end is not None and row.end.value != row.date.value else f"{session} {days}"


def schedule_table(schedule: Schedule, members: dict[str, Text], footnotes):
    """The schedule's table, one row at a time: `STT | Thời gian | Địa điểm | Thành phần`, or with
    `layout: buoi` `STT | Ngày | Buổi | ...` with each day's cell merged over its sessions; a `Ghi chú`
    column when a row has a note; each team's rows under a sub-header row spanning the table."""
    titles = {key: (schedule.headers[key].value if key in schedule.headers else title) for key, title in HEADERS.items()}
    buoi = schedule.layout == "buoi"
    notes = any(row.note is not None for row in schedule.rows)
    dates = ["Ngày", "Buổi"] if buoi else [titles["time"]]
    if buoi and "time" in schedule.headers:
        dates[0] = titles["time"]
    names = ["STT", *dates, titles["place"], titles["members"]] + ([titles["note"]] if notes else [])
    widths = [NUMBER_WIDTH, *_DATE_WIDTHS[schedule.layout], _PLACE_WIDTH[schedule.layout]]
    widths.append(TEXT_WIDTH - sum(widths) - (_NOTE_WIDTH if notes else 0))
    if notes:
        widths.append(_NOTE_WIDTH)
    header = [[cell(name, footnotes, styles.BANG_TIEU_DE) for name in names]]
    writer = _ScheduleRows(schedule, members, footnotes, len(names), notes, buoi)
    return ooxml.table(widths, header, writer.rows())


class _ScheduleRows:
    def __init__(self, schedule: Schedule, members, footnotes, width: int, notes: bool, buoi: bool):
        self.schedule, self.members, self.footnotes = schedule, members, footnotes
        self.width, self.notes, self.buoi = width, notes, buoi
        self.team_of = {id(row): team for team in schedule.teams for row in team.rows}

    def rows(self):
        rows = self.schedule.rows
        team = None
        number = 0
        for i, row in enumerate(rows):
            own = self.team_of.get(id(row))
            if own is not None and own is not team and own.name is not None:
                yield [Cell(cell(own.name.value, self.footnotes, styles.BANG_TIEU_DE), self.width)]
            starts_day = True
            if self.buoi:
                # A day's rows in a row (not spanning days, same team) share one merged date cell.
                previous = rows[i - 1] if i else None
                starts_day = not (previous is not None and own is team and _same_day(previous, row))
                if starts_day:
                    number += 1
                day_rows = starts_day and i + 1 < len(rows) and _same_day(row, rows[i + 1]) and self.team_of.get(id(rows[i + 1])) is own
            else:
                number += 1
            team = own
            yield self.row(number, row, starts_day, day_rows if self.buoi else False)

    def row(self, number: int, row: Row, starts_day: bool, merged: bool) -> list[Xml | Cell]:
        names = [
            self.members[m.entry.value].value if m.is_id and m.entry.value in self.members else m.entry.value
            for m in row.all_members
        ]
        who = ooxml.join(
            ooxml.paragraph(ooxml.inline(f"{k}. {name}", self.footnotes), styles.BANG) for k, name in enumerate(names, start=1)
        )
        if self.buoi:
            if starts_day:
                stt = ooxml.paragraph(ooxml.run(str(number)), styles.BANG_SO)
                days = _days(row)
                day = cell(days[:1].upper() + days[1:] if row.end is not None else days.replace(", ", "\n"), self.footnotes, styles.BANG_SO)
                first = [Cell(stt, 1, "restart"), Cell(day, 1, "restart")] if merged else [stt, day]
            else:
                first = [Cell(ooxml.EMPTY, 1, "continue"), Cell(ooxml.EMPTY, 1, "continue")]
            first.append(cell(_session(row) or "Cả ngày", self.footnotes, styles.BANG_SO))
        else:
            first = [ooxml.paragraph(ooxml.run(str(number)), styles.BANG_SO), cell(when(row), self.footnotes, styles.BANG_SO)]
        out = [*first, cell(row.place.value, self.footnotes), who]
        if self.notes:
            out.append(cell(row.note.value, self.footnotes) if row.note is not None else ooxml.EMPTY)
        return out


def _same_day(a: Row, b: Row) -> bool:
    return a.end is None and b.end is None and a.date.value == b.date.value
