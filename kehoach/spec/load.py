"""Load a plan or schedule file into the model, with every problem as a diagnostic.

Stages: read the file safely (yaml_source) → build the model against the
declarations below (spec/schema.py) → load the schedules a plan names → evaluate the
Jinja expressions in its text (templating).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from kehoach import rules
from kehoach.doctypes import TYPE_CODES
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.spec import schema, templating, yaml_source
from kehoach.spec.includes import included_path, project_folder
from kehoach.spec.model import (
    HEADER_KEYS,
    LAYOUTS,
    SESSIONS,
    Cell,
    FormSignature,
    MemberRef,
    Organ,
    Period,
    Phase,
    Plan,
    Row,
    Schedule,
    ScheduleAppendix,
    Section,
    Signer,
    Spec,
    Table,
    TableAppendix,
    Team,
    Text,
    iter_texts,
)
from kehoach.spec.reader import Reader
from kehoach.vnformat import ngay

NUMBERING_STYLES = ("roman", "arabic", "decimal", "alpha", "none")

_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def looks_like_id(entry: str) -> bool:
    """Lowercase ASCII, digits and `_`, no spaces: a member id rather than literal text."""
    # Stripping the id characters from both ends leaves nothing only when every character is one.
    return bool(entry) and not entry.strip(_ID_CHARS) and not entry.isdigit()


@dataclass(repr=False, eq=False)  # methods compiled at import that nothing calls
class Loaded:
    """A file's spec (None when the file could not be read as one) and every problem found loading it."""

    spec: Spec | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load(path: str) -> Loaded:
    """A plan or a schedule, whichever the file holds."""
    source = yaml_source.read(path)
    if source.diagnostics:
        return Loaded(None, source.diagnostics)
    reader = Reader(path, source.text)
    root = source.root
    if root is None:
        reader.report(rules.NOT_A_SPEC, Pos(path), "tệp rỗng: một kế hoạch cần ít nhất `organ`, `place`, `subject`, `sections`, `recipients`, `archive`, `signer`")
        return Loaded(None, reader.diagnostics)
    if not isinstance(root, yaml.MappingNode):
        kind = "một danh sách" if isinstance(root, yaml.SequenceNode) else "một giá trị đơn"
        reader.report(rules.NOT_A_SPEC, root, f"tệp là {kind}, không phải một kế hoạch hay lịch: tệp phải là các dòng `khóa: giá trị` như `subject: ...`")
        return Loaded(None, reader.diagnostics)
    if _is_schedule(root):
        schedule = _schedule(reader, root)
        diagnostics = reader.diagnostics
        if schedule and templating.may_hold_expressions(source.text):
            window = schedule.window
            year = window.start.value.year if window else None
            variables = templating.variables_for(year, None, None, None, None, window)
            unreadable = _unreadable(root, variables)
            if "window" in unreadable:
                unreadable |= {"year"}  # a schedule's year is its window's
            diagnostics += templating.evaluate(iter_texts(schedule), variables, unreadable)
        return Loaded(schedule, diagnostics)
    plan = _plan(reader, root)
    diagnostics = reader.diagnostics
    diagnostics += _evaluate_plan(plan, root)
    return Loaded(plan, diagnostics)


def _unreadable(root: yaml.MappingNode, variables: dict) -> frozenset[str]:
    """Keys the file gives whose value could not be read (already reported): not "missing" in text."""
    given = {key.value for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
    return frozenset(given & set(templating.WHY_ABSENT) - set(variables))


def _is_schedule(root: yaml.MappingNode) -> bool:
    keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
    return ("rows" in keys or "teams" in keys) and "sections" not in keys


# -- plans ---------------------------------------------------------------------------


def _plan(reader: Reader, root: yaml.MappingNode) -> Plan:
    values, nodes = schema.read(reader, root, PLAN) or ({}, {})
    organs = values.pop("organ", None) or []
    signers = values.pop("signer", None) or []
    plan = Plan(file=reader.path, pos=reader.pos(root), **values)
    if organs:
        plan.organ, plan.joint_organs = organs[0], organs[1:]
    if signers:
        plan.signer, plan.joint_signers = signers[0], signers[1:]
    if organs and len(signers) > len(organs):
        reader.report(rules.BAD_VALUE, nodes["signer"], (
            f"{len(signers)} người ký nhưng chỉ {len(organs)} cơ quan ban hành: mỗi khối chữ ký là của một cơ quan "
            "trong `organ` (kế hoạch liên tịch: liệt kê đủ các cơ quan)"
        ))
    _plan_year(reader, root, plan, nodes)
    return plan


def _plan_year(reader: Reader, root: yaml.MappingNode, plan: Plan, nodes: dict) -> None:
    """A draft needs `year`; a signed plan takes its date's year, and a `year` written beside the
    date must agree with it (or be the next year: a plan for next year signed in its last quarter)."""
    date = plan.date
    if "year" not in nodes:
        if date is not None:
            plan.year = date.value.year
        elif "date" not in nodes:
            reader.report(rules.MISSING_KEY, root, "bản dự thảo (không có `date`) cần `year`: thêm `year: <năm của kế hoạch>`")
        return
    if plan.year is None or date is None:
        return
    signed = date.value
    if plan.year != signed.year and not (plan.year == signed.year + 1 and signed.month >= 10):
        reader.report(rules.BAD_VALUE, nodes["year"], (
            f"`year` là {plan.year} nhưng kế hoạch ký ngày {ngay(signed)}: sửa `year: {signed.year}` "
            "(hoặc bỏ `year`, năm lấy theo `date`), hoặc sửa `date`"
        ))


def _type_code(reader: Reader, node: yaml.Node, what: str) -> Text | None:
    code = reader.choice(node, what, TYPE_CODES)
    return Text(code, reader.pos(node)) if code else None


def _lines(reader: Reader, node: yaml.Node, what: str) -> Text | None:
    """A name written as one string, or as a list of lines (one Text holding the lines)."""
    if not isinstance(node, yaml.SequenceNode):
        return reader.text(node, what)
    lines = [reader.text(item, what) for item in node.value]
    if not lines:
        reader.report(rules.WRONG_TYPE, node, f"`{what}` là danh sách rỗng: viết tên, hoặc các dòng của tên")
        return None
    if any(line is None for line in lines):
        return None
    return Text("\n".join(line.source for line in lines), lines[0].pos)


def _organ(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> Organ:
    return Organ(
        name=values.get("name"), code=values.get("code"), parent=values.get("parent"), mention=values.get("mention"),
        name_as_lines=isinstance(nodes.get("name"), yaml.SequenceNode),
        parent_as_lines=isinstance(nodes.get("parent"), yaml.SequenceNode),
    )


def _signer(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> Signer | None:
    if "lines" not in values or "name" not in values:
        return None
    return Signer(values["lines"], values["name"])


def _period(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> Period | None:
    if "from" not in values or "to" not in values:
        return None
    return Period(values["from"], values["to"], reader.pos(node), reader.pos(nodes["to"]))


def _keyed_texts(reader: Reader, node: yaml.Node, what: str, ids_only: bool) -> dict[str, Text]:
    if not isinstance(node, yaml.MappingNode):
        reader.report(rules.WRONG_TYPE, node, f"`{what}` phải là các dòng `mã: nội dung`")
        return {}
    result: dict[str, Text] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        if key in result:
            reader.report(rules.DUPLICATE_KEY, key_node, f"mã `{key}` đã có ở trên: mỗi mã chỉ khai báo một lần")
            continue
        if ids_only and not looks_like_id(key):
            reader.report(rules.BAD_VALUE, key_node, f"mã thành phần `{key}` phải viết thường, không dấu, không cách (chữ, số, `_`), ví dụ `pho_truong_ban`")
            continue
        if (text := reader.text(value_node, f"{what}.{key}")) is not None:
            result[key] = text
    return result


def _members(reader: Reader, node: yaml.Node, what: str) -> dict[str, Text]:
    return _keyed_texts(reader, node, what, ids_only=True)


def _footnotes(reader: Reader, node: yaml.Node, what: str) -> dict[str, Text]:
    return _keyed_texts(reader, node, what, ids_only=False)


# -- the body ------------------------------------------------------------------------


def _body(reader: Reader, node: yaml.Node, what: str) -> list[Section | Text]:
    items = reader.sequence(node, what) or []
    body: list[Section | Text] = []
    for item in items:
        if isinstance(item, yaml.MappingNode) and not reader.looks_like_prose(item):
            if (section := _section(reader, item)) is not None:
                body.append(section)
        elif (text := reader.text(item, what)) is not None:
            body.append(text)
    return body


def _section(reader: Reader, node: yaml.MappingNode) -> Section | None:
    found = schema.read(reader, node, SECTION)
    if found is None:
        return None
    values, nodes = found
    if not nodes.keys() & {"title", "text", "body", "timeline", "table"}:
        reader.report(rules.MISSING_KEY, node, "mục cần `title` hoặc `text` (hoặc `body`, `timeline`, `table`)")
    return Section(pos=reader.pos(node), **values)


def _phase(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> Phase | None:
    task = values.get("task")
    if "on" in nodes:
        if "from" in nodes or "to" in nodes:
            reader.report(rules.BAD_VALUE, node, "giai đoạn dùng `on` (một ngày) hoặc `from`/`to` (một khoảng), không dùng cả hai")
            return None
        day = values.get("on")
        return Phase(day, day, task, reader.pos(node)) if day and task else None
    if "from" not in nodes or "to" not in nodes:
        reader.report(rules.MISSING_KEY, node, "giai đoạn cần `from` và `to` (hoặc `on` cho một ngày)")
        return None
    start, end = values.get("from"), values.get("to")
    return Phase(start, end, task, reader.pos(node)) if start and end and task else None


# -- tables --------------------------------------------------------------------------


def _table(reader: Reader, node: yaml.Node, what: str) -> Table | None:
    found = schema.read(reader, node, TABLE)
    if found is None:
        return None
    values, nodes = found
    if "columns" not in nodes or "rows" not in nodes:
        return None
    header = values.get("columns", [])
    rows, row_pos = values.get("rows", ([], []))
    columns = [cell.text for cell in header[0]] if header else []
    return Table(columns, rows, reader.pos(node), header=header, widths=values.get("widths", []), row_pos=row_pos)


def _header(reader: Reader, node: yaml.Node, what: str) -> list[list[Cell]]:
    """One header row (a list of titles), or several (a list of lists)."""
    items = reader.sequence(node, what)
    if not items:
        return []
    if all(isinstance(item, yaml.SequenceNode) for item in items):
        return [[_cell(reader, cell, what) for cell in row.value] for row in items]
    return [[_cell(reader, item, what) for item in items]]


def _rows(reader: Reader, node: yaml.Node, what: str) -> tuple[list[list[Cell]], list[Pos]]:
    rows, positions = [], []
    for row_node in reader.sequence(node, what) or []:
        cells = reader.sequence(row_node, what)
        if cells is None:
            continue
        rows.append([_cell(reader, cell, "ô của bảng") for cell in cells])
        positions.append(reader.pos(row_node))
    return rows, positions


def _cell(reader: Reader, node: yaml.Node, what: str) -> Cell:
    """A table cell: text, or `{text: ..., span: N, rows: N}` for a merged cell."""
    if isinstance(node, yaml.MappingNode) and not reader.looks_like_prose(node):
        values, _ = schema.read(reader, node, CELL)
        return Cell(values.get("text") or Text("", reader.pos(node)), values.get("span", 1), values.get("rows", 1))
    return Cell(_cell_text(reader, node, what))


def _cell_text(reader: Reader, node: yaml.Node, what: str) -> Text:
    """An empty cell (`~`, `""` or nothing) is an empty text, not an error."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return Text("", reader.pos(node))
    return reader.text(node, what) or Text("", reader.pos(node))


# -- appendices and schedules --------------------------------------------------------


def _appendix(reader: Reader, node: yaml.Node, what: str):
    is_schedule = isinstance(node, yaml.MappingNode) and any(k.value == "schedule" for k, _ in node.value)
    found = schema.read(reader, node, SCHEDULE_APPENDIX if is_schedule else TABLE_APPENDIX)
    if found is None:
        return None
    values, nodes = found
    label = values.get("label")
    if is_schedule:
        path_text = values.get("schedule")
        if path_text is None:
            return None
        return ScheduleAppendix(path_text, reader.pos(node), _included_schedule(reader, path_text), label)
    if "table" in nodes and "body" in nodes:
        reader.report(rules.BAD_VALUE, node, "phụ lục dùng `table` (một bảng) hoặc `body` (văn bản và các bảng), không dùng cả hai")
        return None
    if "table" not in nodes and "body" not in nodes:
        reader.report(rules.MISSING_KEY, node, "phụ lục thiếu khóa `table`: thêm `table: ...` (hoặc `body` cho văn bản và nhiều bảng)")
        return None
    if "body" in nodes and (form := nodes.keys() & {"column_numbers", "blank_rows"}):
        reader.report(rules.BAD_VALUE, nodes[min(form)], (
            f"`{min(form)}` dùng cho phụ lục một bảng (`table`), không dùng với `body`: đặt bảng vào `table`, hoặc bỏ khóa này"
        ))
    title, table = values.get("title"), values.get("table")
    if title is None or (table is None and "body" not in values):
        return None
    return TableAppendix(
        title, table, reader.pos(node), values.get("notes", []), label,
        column_numbers=bool(values.get("column_numbers")), blank_rows=values.get("blank_rows", 0),
        signature=values.get("signature"), body=values.get("body", []), numbering=values.get("numbering"),
    )


def _form_signature(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> FormSignature:
    return FormSignature(left=values.get("left", []), right=values.get("right", []))


def _included_schedule(reader: Reader, path_text: Text) -> Schedule | None:
    path = included_path(reader.path, path_text.value)
    if path is None:
        reader.report(rules.BAD_SCHEDULE_REF, path_text.pos, (
            f"tệp lịch `{path_text.value}` nằm ngoài thư mục `{project_folder(reader.path)}` của kế hoạch: "
            "đặt tệp lịch trong thư mục đó (ví dụ `schedules/`) và ghi đường dẫn tương đối tới nó"
        ))
        return None
    source = yaml_source.read(path)
    if source.diagnostics:
        if any(d.code == rules.CANNOT_OPEN.code for d in source.diagnostics):
            reader.report(rules.BAD_SCHEDULE_REF, path_text.pos, f"không mở được tệp lịch `{path}`: kiểm tra đường dẫn (tính từ thư mục của kế hoạch)")
        else:
            reader.diagnostics.extend(source.diagnostics)
        return None
    root = source.root
    if not isinstance(root, yaml.MappingNode) or not _is_schedule(root):
        reader.report(rules.BAD_SCHEDULE_REF, path_text.pos, f"`{path}` không phải một lịch (lịch có khóa `rows`): nêu đúng tệp lịch")
        return None
    schedule_reader = Reader(path, source.text)
    schedule = _schedule(schedule_reader, root)
    reader.diagnostics.extend(schedule_reader.diagnostics)
    return schedule


def _schedule(reader: Reader, root: yaml.MappingNode) -> Schedule:
    values, nodes = schema.read(reader, root, SCHEDULE) or ({}, {})
    if "rows" not in nodes and "teams" not in nodes:
        reader.report(rules.MISSING_KEY, root, "lịch thiếu khóa `rows`: thêm `rows: ...`")
    own_rows = values.pop("rows", [])
    teams = values.pop("teams", [])
    schedule = Schedule(file=reader.path, pos=reader.pos(root), teams=teams, **values)
    # Every row in the file's order: the `rows` list and each team's rows, where each stands.
    for key in nodes:
        if key == "rows":
            schedule.rows += own_rows
        elif key == "teams":
            for team in teams:
                schedule.rows += team.rows
    _join_teams(reader, schedule)
    return schedule


def _join_teams(reader: Reader, schedule: Schedule) -> None:
    """Rows that name a team by its id get the team (an unknown id is KH-L010's to report)."""
    by_id: dict[str, Team] = {}
    for team in schedule.teams:
        if team.id is None:
            continue
        if team.id.value in by_id:
            reader.report(rules.DUPLICATE_KEY, team.id.pos, f"mã đoàn `{team.id.value}` đã có ở trên: mỗi đoàn một mã riêng")
        else:
            by_id[team.id.value] = team
    for row in schedule.rows:
        if row.team_id is not None and row.team is None:
            row.team = by_id.get(row.team_id.value)


def _team(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> Team:
    team = Team(reader.pos(node), values.get("id"), values.get("name"), values.get("members", []), values.get("rows", []))
    for row in team.rows:
        row.team = team
    return team


def _row(reader: Reader, node: yaml.Node, what: str, in_team: bool = False) -> Row | None:
    found = schema.read(reader, node, TEAM_ROW if in_team else ROW)
    if found is None:
        return None
    values, nodes = found
    get = values.get
    if "date" in nodes:
        if "from" in nodes or "to" in nodes:
            reader.report(rules.BAD_VALUE, node, "dòng lịch dùng `date` (một ngày) hoặc `from`/`to` (nhiều ngày), không dùng cả hai")
            return None
        first = get("date")
        last = None
    elif "from" in nodes or "to" in nodes:
        if "from" not in nodes or "to" not in nodes:
            reader.report(rules.MISSING_KEY, node, "dòng lịch nhiều ngày cần cả `from` và `to`")
            return None
        first, last = get("from"), get("to")
        if last is None:
            return None
    else:
        reader.report(rules.MISSING_KEY, node, "dòng lịch thiếu khóa `date`: thêm `date: ...`")
        return None
    if "members" not in nodes and not in_team and "team" not in nodes:
        reader.report(rules.MISSING_KEY, node, "dòng lịch thiếu khóa `members`: thêm `members: ...`")
        return None
    place = get("place")
    session = get("session") if "session" in nodes else "cả ngày"
    if first is None or place is None or session is None:
        return None
    return Row(first, place, get("members", []), reader.pos(node), session, last, get("time"), get("note"), get("team"))


def _headers(reader: Reader, node: yaml.Node, values: dict, nodes: dict) -> dict[str, Text]:
    return values


def _team_row(reader: Reader, node: yaml.Node, what: str) -> Row | None:
    return _row(reader, node, what, in_team=True)


def _member_refs(reader: Reader, node: yaml.Node, what: str) -> list[MemberRef]:
    refs = []
    for item in reader.sequence(node, what) or []:
        entry = reader.text(item, what)
        if entry is not None:
            refs.append(MemberRef(entry, looks_like_id(entry.value)))
    return refs


# A clock time as plans write it: 7h30, 7h, 07:30, 7 giờ 30. (A pattern, compiled on first use: few
# schedules give times.)
_CLOCK = r"([01]?[0-9]|2[0-3])\s*(?:h|g|giờ|:)\s*([0-5][0-9])?(?:\s*(?:phút|p))?"


def _clock(reader: Reader, node: yaml.Node, what: str) -> Text | None:
    """A row's `time`, printed the way Vietnamese documents write it (`7h30`)."""
    text = reader.text(node, what)
    if text is None:
        return None
    match = re.fullmatch(_CLOCK, text.value.strip(), re.IGNORECASE)
    if match is None:
        reader.report(rules.BAD_VALUE, node, f"`{what}` viết giờ như `7h30` hoặc `7h` (đang là `{text.value}`)")
        return None
    return Text(text.source, text.pos, text.raw, f"{int(match.group(1))}h{match.group(2) or ''}")


# -- the declarations ------------------------------------------------------------------

_YEAR = dict(low=1945, high=2100)

ORGAN = schema.Declaration("`organ`", {
    "parent": schema.Custom(_lines, what="organ.parent"),
    "name": schema.Custom(_lines, required=True, what="organ.name"),
    "code": schema.Text(required=True, what="organ.code"),
    "mention": schema.Text(what="organ.mention"),
})
SIGNER = schema.Declaration("`signer`", {
    "lines": schema.Texts(required=True, what="signer.lines"),
    "name": schema.Text(required=True, what="signer.name"),
})
PERIOD = schema.Declaration("`period`", {
    "from": schema.Integer(**_YEAR, required=True, what="period.from"),
    "to": schema.Integer(**_YEAR, required=True, what="period.to"),
})
PHASE = schema.Declaration("giai đoạn của `timeline`", {
    "from": schema.Date(), "to": schema.Date(), "on": schema.Date(), "task": schema.Text(required=True),
})
CELL = schema.Declaration("ô của bảng", {
    "text": schema.Custom(_cell_text),
    "span": schema.Integer(1, 100),
    "rows": schema.Integer(1, 1000),
})
TABLE = schema.Declaration("`table`", {
    "columns": schema.Custom(_header, required=True),
    "rows": schema.Custom(_rows, required=True),
    "widths": schema.ListOf(schema.Number(), whole=True),
})
SECTION = schema.Declaration("mục", {
    "title": schema.Text(),
    "text": schema.Text(),
    "numbering": schema.Choice(NUMBERING_STYLES),
    "body": schema.Custom(_body),
    "numbered": schema.Boolean(),
    "timeline": schema.ListOf(schema.Nested(PHASE, _phase)),
    "table": schema.Custom(_table),
})
SCHEDULE_APPENDIX = schema.Declaration("phụ lục lịch", {"schedule": schema.Text(required=True), "label": schema.Text()})
FORM_SIGNATURE = schema.Declaration("`signature` của phụ lục", {"left": schema.Texts(), "right": schema.Texts()})
TABLE_APPENDIX = schema.Declaration("phụ lục", {
    "title": schema.Text(required=True),
    "table": schema.Custom(_table),
    "body": schema.Custom(_body),
    "numbering": schema.Choice(NUMBERING_STYLES),
    "notes": schema.Texts(),
    "label": schema.Text(),
    "column_numbers": schema.Boolean(),
    "blank_rows": schema.Integer(0, 1000),
    "signature": schema.Nested(FORM_SIGNATURE, _form_signature),
})
PLAN = schema.Declaration("kế hoạch", {
    "type": schema.Custom(_type_code),
    "organ": schema.OneOrList(schema.Nested(ORGAN, _organ), required=True),
    "number": schema.Integer(),
    "place": schema.Text(required=True),
    "date": schema.Date(),
    "year": schema.Integer(**_YEAR),
    "month": schema.Integer(1, 12),
    "period": schema.Nested(PERIOD, _period),
    "subject": schema.Text(required=True),
    "bases": schema.Texts(),
    "intro": schema.Texts(),
    "window": schema.Window(),
    "members": schema.Custom(_members),
    "sections": schema.Custom(_body, required=True),
    "numbering": schema.ListOf(schema.Choice(NUMBERING_STYLES)),
    "ignore": schema.Texts(),
    "closing": schema.Texts(),
    "recipients": schema.Texts(required=True),
    "archive": schema.Text(required=True),
    "signer": schema.OneOrList(schema.Nested(SIGNER, _signer), required=True),
    "footnotes": schema.Custom(_footnotes),
    "appendices": schema.ListOf(schema.Custom(_appendix)),
})

_ROW_OPTIONS = {
    "date": schema.Date(), "from": schema.Date(), "to": schema.Date(),
    "session": schema.Choice(SESSIONS),
    "time": schema.Custom(_clock),
    "place": schema.Text(required=True),
    "members": schema.Custom(_member_refs),
    "note": schema.Text(),
}
ROW = schema.Declaration("dòng lịch", {**_ROW_OPTIONS, "team": schema.Text()})
# A row inside a team belongs to it: it names no other.
TEAM_ROW = schema.Declaration("dòng lịch", _ROW_OPTIONS)
TEAM = schema.Declaration("đoàn", {
    "id": schema.Text(),
    "name": schema.Text(required=True),
    "members": schema.Custom(_member_refs),
    "rows": schema.ListOf(schema.Custom(_team_row), required=True),
})
HEADERS = schema.Declaration("`headers`", {key: schema.Text(what=f"headers.{key}") for key in HEADER_KEYS})
SCHEDULE = schema.Declaration("lịch", {
    "title": schema.Text(),
    "subtitle": schema.Text(),
    "window": schema.Window(),
    "intro": schema.Texts(),
    "members": schema.Custom(_members),
    "rows": schema.ListOf(schema.Custom(_row)),
    "teams": schema.ListOf(schema.Nested(TEAM, _team)),
    "layout": schema.Choice(LAYOUTS),
    "headers": schema.Nested(HEADERS, _headers),
    "ignore": schema.Texts(),
})

# -- text expressions ----------------------------------------------------------------


def _evaluate_plan(plan: Plan, root: yaml.MappingNode) -> list[Diagnostic]:
    own = [plan.bases, plan.intro, plan.sections, plan.closing, plan.recipients, plan.footnotes,
           plan.subject, plan.organs, plan.signers, plan.archive]
    variables = _variables(plan, plan.window)
    unreadable = _unreadable(root, variables)
    problems = templating.evaluate(iter_texts(own), variables, unreadable)
    for appendix in plan.appendices:
        window = plan.window
        if isinstance(appendix, ScheduleAppendix):
            if appendix.schedule is None:
                continue
            window = appendix.schedule.window or plan.window
            texts = iter_texts(appendix.schedule)
        else:
            texts = iter_texts([appendix.title, appendix.table, appendix.body, appendix.notes])
        problems += templating.evaluate(texts, _variables(plan, window), unreadable)
    return problems


def _variables(plan: Plan, window) -> dict:
    place = plan.place.value if plan.place else None
    date = plan.date.value if plan.date else None
    names = templating.variables_for(plan.year, plan.number, date, plan.month, place, window)
    if plan.period is not None:
        names["period"] = str(plan.period)
    return names
