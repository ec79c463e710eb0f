"""The spec model: plans and schedules as the loader builds them, every value with its position.

The classes a schedule has one of per row (Text, DateValue, MemberRef, Row) use slots: a schedule
of ten thousand rows makes a quarter of a million of them. No class has a generated `==` or repr:
model objects are told apart by identity (no code compares two by value), and each generated method
is code compiled at import, which every command pays for."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import operator
import re
from dataclasses import dataclass, field
from typing import Union

from kehoach.diagnostics import Pos


# A footnote marker in any text value: `[^key]` (keys compared as text).
FOOTNOTE_MARKER = re.compile(r"\[\^(?P<note>[^\]\s]+)\]")

# A field that shows objects already reached through another field (a team's rows are also the
# schedule's rows): `iter_texts` does not walk it, so no text is found, evaluated or checked twice.
VIEW = {"walk": False}


@dataclass(slots=True, init=False, repr=False, eq=False)
class Text:
    """A text value of the spec.

    `source` is the value as written; `value` is what is printed, after its Jinja
    expressions are evaluated. `raw` is the scalar's slice of the source file, kept
    so that a problem found inside a value can point at its own line and column.
    """

    source: str
    pos: Pos
    raw: str = ""
    value: str = ""
    # Where each character of `value` stands in `raw`, and where `raw` breaks lines: built on the
    # first position asked for.
    _walk: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False)

    # Written out rather than generated: one call less for each of the thousands of values a spec has.
    def __init__(self, source: str, pos: Pos, raw: str = "", value: str = "") -> None:
        self.source = source
        self.pos = pos
        self.raw = raw
        self.value = value or source
        self._walk = None

    @property
    def templated(self) -> bool:
        source = self.source
        # `{` alone first: searching a Vietnamese text for one character is several times cheaper.
        return "{" in source and ("{{" in source or "{%" in source)

    def pos_at(self, offset: int) -> Pos:
        """The position of `value[offset]` in the file.

        Follows the value through the raw scalar, treating runs of white space
        alike (YAML folds line breaks and indentation) and skipping quoting and
        escapes. A templated value, or one that cannot be followed, points at
        its start, as the contract allows. The walk is done once per value, so
        many problems in one paragraph cost no more than one.
        """
        if not self.raw or offset <= 0:
            return self.pos
        if self._walk is None:
            # Asked once: `templated` reads the whole source, and a paragraph may hold thousands of problems.
            self._walk = ([], []) if self.templated else _walk(self.value, self.raw)
        raw_at, newlines = self._walk
        if offset >= len(raw_at):
            return self.pos
        value, raw = self.value, self.raw
        j = raw_at[offset]
        while j < len(raw) and raw[j] != value[offset] and value[offset] != " ":
            j += 1
        lines_before = bisect.bisect_left(newlines, j)
        if lines_before:
            return Pos(self.pos.file, self.pos.line + lines_before, j - newlines[lines_before - 1])
        return Pos(self.pos.file, self.pos.line, self.pos.column + j)

    def __str__(self) -> str:
        return self.value


# Most of a value is written in its file as it reads: runs of that many characters are matched
# in one comparison, not a character at a time (a paragraph of 8,000 dates is 140,000 characters).
_RUN = 64


def _walk(value: str, raw: str) -> tuple[list[int], list[int]]:
    """For each offset of `value` that can be followed into `raw`, the raw offset reached there."""
    raw_at = [0]
    i = j = 0
    while i < len(value) and j < len(raw):
        if i + _RUN <= len(value) and value[i : i + _RUN] == raw[j : j + _RUN]:
            raw_at.extend(range(j + 1, j + _RUN + 1))
            i += _RUN
            j += _RUN
        elif value[i] == raw[j]:
            i += 1
            j += 1
            raw_at.append(j)
        elif value[i].isspace() and raw[j].isspace():
            start = i
            while i < len(value) and value[i].isspace():
                i += 1
            while j < len(raw) and raw[j].isspace():
                j += 1
            raw_at.extend([j] * (i - start))
        else:
            j += 1
    newlines = []
    k = raw.find("\n")
    while k >= 0:
        newlines.append(k)
        k = raw.find("\n", k + 1)
    return raw_at, newlines


@dataclass(slots=True, repr=False, eq=False)
class DateValue:
    """A date of the spec, with where it is written."""

    value: dt.date
    pos: Pos


@dataclass(repr=False, eq=False)
class Window:
    """A span of days, `{from: ..., to: ...}`: a plan's or a schedule's `window`."""

    start: DateValue
    end: DateValue
    pos: Pos


@dataclass(repr=False, eq=False)
class Organ:
    """An issuing organ. A `name` or `parent` written as a list of lines is one Text holding the
    lines joined by line breaks, with `name_as_lines` / `parent_as_lines` set: printed as written."""

    name: Text | None
    code: Text | None
    parent: Text | None = None
    mention: Text | None = None
    name_as_lines: bool = False
    parent_as_lines: bool = False

    @property
    def name_lines(self) -> list[str]:
        """The name's lines as written, or [] when it was one string (to be broken by unit words)."""
        return self.name.value.split("\n") if self.name_as_lines and self.name else []

    @property
    def parent_lines(self) -> list[str]:
        return self.parent.value.split("\n") if self.parent_as_lines and self.parent else []


@dataclass(repr=False, eq=False)
class Signer:
    """A signature block: the lines above the name (`TM. ...`, the title), then the name."""

    lines: list[Text]
    name: Text


@dataclass(repr=False, eq=False)
class Period:
    """A multi-year plan's giai đoạn: `period: {from: 2021, to: 2025}`."""

    start: int
    end: int
    pos: Pos
    end_pos: Pos

    def __contains__(self, year: int) -> bool:
        return self.start <= year <= self.end

    def __str__(self) -> str:
        return f"{self.start}\u2013{self.end}"


@dataclass(slots=True, repr=False, eq=False)
class Cell:
    """A table cell: its text, and how many columns (`span`) and rows (`rows`) it covers."""

    text: Text
    span: int = 1
    rows: int = 1

    @property
    def value(self) -> str:
        return self.text.value

    @property
    def pos(self) -> Pos:
        return self.text.pos


_NUMBER_COLUMNS = {"stt", "tt"}


def is_number_column(title: str) -> bool:
    """An `STT`/`TT` column: numbered where its cells are left out or written `""`."""
    return title.strip().lower() in _NUMBER_COLUMNS


@dataclass(slots=True, repr=False, eq=False)
class PlacedRow:
    """A table row laid on the grid: each cell with the column it starts at."""

    cells: list[tuple[int, Cell]]
    # Columns not covered by a cell of a row above, and columns the row's own cells cover.
    free: int
    filled: int
    # The STT column's cell is left out: the row's number goes in column 0.
    number_left_out: bool = False

    @property
    def fits(self) -> bool:
        return self.filled == self.free or self.number_left_out


def placed_rows(rows: list[list[Cell]], width: int, numbered: bool = False) -> list[PlacedRow]:
    """Rows laid on a grid of `width` columns: spans fill columns left to right, a cell of `rows: N`
    covers its columns in the N - 1 rows below, which leave it out. In one pass over the cells."""
    covered = [0] * width
    placed_rows: list[PlacedRow] = []
    for cells in rows:
        free = [column for column in range(width) if not covered[column]]
        filled = sum(cell.span for cell in cells)
        left_out = numbered and bool(free) and free[0] == 0 and filled == len(free) - 1
        slots = free[1:] if left_out else free
        placed: list[tuple[int, Cell]] = []
        k = 0
        for cell in cells:
            if k >= len(slots):
                break
            column = slots[k]
            placed.append((column, cell))
            if cell.rows > 1:
                for spanned in range(column, min(column + cell.span, width)):
                    covered[spanned] = cell.rows
            k += cell.span
        for column in range(width):
            if covered[column]:
                covered[column] -= 1
        placed_rows.append(PlacedRow(placed, len(free), filled, left_out))
    return placed_rows


@dataclass(repr=False, eq=False)
class Table:
    """A table. `header` holds every header row; `columns` is its first row's texts (the column
    titles of a one-row header, as before). `widths` are per cent of the text width, or empty."""

    columns: list[Text] = field(metadata=VIEW)
    rows: list[list[Cell]]
    pos: Pos
    header: list[list[Cell]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    # Where each row starts in the file (an empty row has no cell to point at).
    row_pos: list[Pos] = field(default_factory=list)

    @property
    def width(self) -> int:
        """The number of columns: the first header row's cells, counting spans."""
        return sum(cell.span for cell in self.header[0]) if self.header else len(self.columns)

    @property
    def numbered(self) -> bool:
        """The first column is STT/TT: rows may leave its cell out, or write it `""`."""
        return bool(self.columns) and is_number_column(self.columns[0].value)


@dataclass(repr=False, eq=False)
class Phase:
    """A step of a section's `timeline`, from `start` to `end` (the same day for `on`)."""

    start: DateValue
    end: DateValue
    task: Text
    pos: Pos


@dataclass(repr=False, eq=False)
class Section:
    """A part of the body: a title or a text, and what it holds (paragraphs, parts, a timeline, a table)."""

    pos: Pos
    title: Text | None = None
    text: Text | None = None
    numbering: str | None = None
    numbered: bool = True
    body: list[Union["Section", Text]] = field(default_factory=list)
    timeline: list[Phase] = field(default_factory=list)
    table: Table | None = None


@dataclass(slots=True, repr=False, eq=False)
class MemberRef:
    """One entry of a schedule row's `members`: an id of `members`, or literal text."""

    entry: Text
    is_id: bool


SESSIONS = ("sáng", "chiều", "cả ngày")


@dataclass(slots=True, repr=False, eq=False)
class Row:
    """A schedule row. `date` is its day, or its first day when it spans days (`from`/`to`, then
    `end` is the last). `members` are the row's own; a row of a team also has the team's."""

    date: DateValue
    place: Text
    members: list[MemberRef]
    pos: Pos
    session: str = "cả ngày"
    end: DateValue | None = None
    time: Text | None = None
    note: Text | None = None
    team_id: Text | None = None
    team: "Team | None" = field(default=None, metadata=VIEW)

    @property
    def all_members(self) -> list[MemberRef]:
        """Who goes: the team's members, then the row's own."""
        return self.team.members + self.members if self.team is not None else self.members

    @property
    def last_day(self) -> dt.date:
        return self.end.value if self.end is not None else self.date.value


@dataclass(repr=False, eq=False)
class Team:
    """An inspection team (đoàn kiểm tra): members listed once, and its rows (which are also in the
    schedule's `rows`, where the team stands)."""

    pos: Pos
    id: Text | None = None
    name: Text | None = None
    members: list[MemberRef] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list, metadata=VIEW)


LAYOUTS = ("ngay", "buoi")
HEADER_KEYS = ("time", "place", "members", "note")


@dataclass(repr=False, eq=False)
class Schedule:
    """An inspection schedule (lịch kiểm tra), in its own file or read through a plan's appendix."""

    file: str
    pos: Pos
    rows: list[Row] = field(default_factory=list)
    title: Text | None = None
    subtitle: Text | None = None
    window: Window | None = None
    intro: list[Text] = field(default_factory=list)
    members: dict[str, Text] = field(default_factory=dict)
    ignore: list[Text] = field(default_factory=list)
    # Every row is in `rows`, a team's rows included (in the file's order); `teams` groups them.
    teams: list[Team] = field(default_factory=list)
    layout: str = "ngay"
    # Column headers renamed: `time`, `place`, `members`, `note` → the title to print.
    headers: dict[str, Text] = field(default_factory=dict)


@dataclass(repr=False, eq=False)
class ScheduleAppendix:
    """An appendix that is a schedule file (`schedule: ...`), loaded with the plan."""

    path: Text
    pos: Pos
    schedule: Schedule | None
    label: Text | None = None


@dataclass(repr=False, eq=False)
class FormSignature:
    """The signature area at the foot of a blank form: `Người lập` on the left, the authority on the right."""

    left: list[Text] = field(default_factory=list)
    right: list[Text] = field(default_factory=list)


@dataclass(repr=False, eq=False)
class TableAppendix:
    """An appendix holding one `table`, or a `body` (text and tables, like a section's body)."""

    title: Text
    table: Table | None
    pos: Pos
    notes: list[Text] = field(default_factory=list)
    label: Text | None = None
    # Blank forms to fill in (seed 003): a row of column numbers, empty numbered rows, a signature area.
    column_numbers: bool = False
    blank_rows: int = 0
    signature: FormSignature | None = None
    body: list[Union["Section", Text]] = field(default_factory=list)
    # The numbering of the body's top level (`1.`, `2.`, ... when not given).
    numbering: str | None = None


Appendix = Union[ScheduleAppendix, TableAppendix]


@dataclass(repr=False, eq=False)
class Plan:
    """A plan as read. Required keys may be None when missing: the loader has reported them,
    and the other checks still run so that one run shows every problem."""

    file: str
    pos: Pos
    organ: Organ | None = None
    place: Text | None = None
    year: int | None = None
    subject: Text | None = None
    sections: list[Union[Section, Text]] = field(default_factory=list)
    recipients: list[Text] = field(default_factory=list)
    archive: Text | None = None
    signer: Signer | None = None
    type: Text | None = None
    number: int | None = None
    date: DateValue | None = None
    month: int | None = None
    bases: list[Text] = field(default_factory=list)
    intro: list[Text] = field(default_factory=list)
    window: Window | None = None
    members: dict[str, Text] = field(default_factory=dict)
    numbering: list[str] = field(default_factory=lambda: ["roman", "arabic", "decimal", "alpha"])
    ignore: list[Text] = field(default_factory=list)
    closing: list[Text] = field(default_factory=list)
    footnotes: dict[str, Text] = field(default_factory=dict)
    appendices: list[Appendix] = field(default_factory=list)
    # A joint plan (liên tịch): the organs and signers after the first (which stay in organ/signer).
    joint_organs: list[Organ] = field(default_factory=list)
    joint_signers: list[Signer] = field(default_factory=list)
    period: Period | None = None

    @property
    def organs(self) -> list[Organ]:
        return ([self.organ] if self.organ else []) + self.joint_organs

    @property
    def signers(self) -> list[Signer]:
        return ([self.signer] if self.signer else []) + self.joint_signers

    def covers_year(self, year: int) -> bool:
        """The plan's year, or a year of its period."""
        return year == self.year or (self.period is not None and year in self.period)

    @property
    def is_draft(self) -> bool:
        return self.date is None

    @property
    def type_code(self) -> str:
        return self.type.value if self.type else "KH"

    @property
    def schedules(self) -> list[Schedule]:
        return [a.schedule for a in self.appendices if isinstance(a, ScheduleAppendix) and a.schedule]


Spec = Union[Plan, Schedule]


def _fields_of(kind: type):
    """A function giving the values of a model class's walked fields, in order (one C call per
    object); made on first use, then found in `_FIELDS`."""
    getter = _FIELDS.get(kind)
    if getter is None:
        names = tuple(
            f.name for f in dataclasses.fields(kind) if f.metadata.get("walk", True)
        ) if dataclasses.is_dataclass(kind) else ()
        if len(names) > 1:
            getter = operator.attrgetter(*names)
        else:  # attrgetter of one name gives the value itself, not a tuple
            getter = (lambda obj, one=operator.attrgetter(*names): (one(obj),)) if names else (lambda obj: ())
        _FIELDS[kind] = getter
    return getter


_FIELDS: dict[type, object] = {}


def iter_texts(obj) -> list[Text]:
    """Every Text in a model object, in document order (schedules included)."""
    if type(obj) is Text:
        return [obj]
    found: list[Text] = []
    _collect(obj, found)
    return found


# Values that hold no Text: not walked (most of a row's fields are dates, positions or absent).
_LEAVES = frozenset({type(None), str, int, float, bool, dt.date, DateValue, Pos, Window, Period})


def _collect(obj, found: list[Text]) -> None:
    # Texts are taken where they are met, without a call each: most of a spec's values are Texts.
    kind = type(obj)
    if kind is list or kind is tuple:
        items = obj
    elif kind is dict:
        items = obj.values()
    else:
        items = (_FIELDS.get(kind) or _fields_of(kind))(obj)
    for item in items:
        item_kind = type(item)
        if item_kind is Text:
            found.append(item)
        elif item_kind is MemberRef and type(item.entry) is Text:  # a third of a plan's objects; is_id is a bool
            found.append(item.entry)
        elif item_kind not in _LEAVES and item:  # empty lists and dicts (a third of the rest) hold none
            _collect(item, found)
