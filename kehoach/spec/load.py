"""Load a plan or schedule file into the model, with every problem as a diagnostic.

Stages: read the file safely (yaml_source) → build the model against the
declared schemas (reader) → load the schedules a plan names → evaluate the
Jinja expressions in its text (templating).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from kehoach import rules
from kehoach.doctypes import TYPE_CODES
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.spec import templating, yaml_source
from kehoach.spec.model import (
    SESSIONS,
    Cell,
    FormSignature,
    MemberRef,
    Organ,
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
    Text,
    iter_texts,
)
from kehoach.spec.reader import Reader, Schema

NUMBERING_STYLES = ("roman", "arabic", "decimal", "alpha", "none")

PLAN = Schema("kế hoạch", {
    "type": False, "organ": True, "number": False, "place": True, "date": False,
    "year": False, "month": False, "subject": True, "bases": False, "intro": False,
    "window": False, "members": False, "sections": True, "numbering": False,
    "ignore": False, "closing": False, "recipients": True, "archive": True,
    "signer": True, "footnotes": False, "appendices": False,
})
ORGAN = Schema("`organ`", {"parent": False, "name": True, "code": True, "mention": False})
SIGNER = Schema("`signer`", {"lines": True, "name": True})
SECTION = Schema("mục", {
    "title": False, "text": False, "numbering": False, "body": False,
    "numbered": False, "timeline": False, "table": False,
})
PHASE = Schema("giai đoạn của `timeline`", {"from": False, "to": False, "on": False, "task": True})
TABLE = Schema("`table`", {"columns": True, "rows": True})
SCHEDULE_APPENDIX = Schema("phụ lục lịch", {"schedule": True, "label": False})
TABLE_APPENDIX = Schema("phụ lục", {
    "title": True, "table": True, "notes": False, "label": False,
    "column_numbers": False, "blank_rows": False, "signature": False,
})
FORM_SIGNATURE = Schema("`signature` của phụ lục", {"left": False, "right": False})
SCHEDULE = Schema("lịch", {
    "title": False, "subtitle": False, "window": False, "intro": False,
    "members": False, "rows": True, "ignore": False,
})
ROW = Schema("dòng lịch", {"date": True, "session": False, "place": True, "members": True})

_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


def looks_like_id(entry: str) -> bool:
    """Lowercase ASCII, digits and `_`, no spaces: a member id rather than literal text."""
    return bool(entry) and set(entry) <= _ID_CHARS and not entry.isdigit()


@dataclass
class Loaded:
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
        if schedule:
            window = schedule.window
            year = window.start.value.year if window else None
            diagnostics += templating.evaluate(iter_texts(schedule), templating.variables_for(year, None, None, None, None, window))
        return Loaded(schedule, diagnostics)
    plan = _plan(reader, root)
    diagnostics = reader.diagnostics
    diagnostics += _evaluate_plan(plan)
    return Loaded(plan, diagnostics)


def _is_schedule(root: yaml.MappingNode) -> bool:
    keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
    return "rows" in keys and "sections" not in keys


# -- plans ---------------------------------------------------------------------------


def _plan(reader: Reader, root: yaml.MappingNode) -> Plan:
    values = reader.mapping(root, PLAN) or {}
    plan = Plan(file=reader.path, pos=reader.pos(root))
    get = values.get
    if (node := get("type")) is not None:
        code = reader.choice(node, "type", TYPE_CODES)
        plan.type = Text(code, reader.pos(node)) if code else None
    if (node := get("organ")) is not None:
        plan.organ = _organ(reader, node)
    if (node := get("number")) is not None:
        plan.number = reader.integer(node, "number")
    if (node := get("place")) is not None:
        plan.place = reader.text(node, "place")
    if (node := get("date")) is not None:
        plan.date = reader.date(node, "date")
    if (node := get("year")) is not None:
        plan.year = reader.integer(node, "year", 1945, 2100)
    elif plan.date is not None:
        plan.year = plan.date.value.year
    elif "date" not in values:
        reader.report(rules.MISSING_KEY, root, "bản dự thảo (không có `date`) cần `year`: thêm `year: <năm của kế hoạch>`")
    if (node := get("month")) is not None:
        plan.month = reader.integer(node, "month", 1, 12)
    if (node := get("subject")) is not None:
        plan.subject = reader.text(node, "subject")
    for key in ("bases", "intro", "closing", "recipients"):
        if (node := get(key)) is not None:
            setattr(plan, key, reader.texts(node, key))
    if (node := get("ignore")) is not None:
        plan.ignore = reader.texts(node, "ignore")
    if (node := get("window")) is not None:
        plan.window = reader.window(node)
    if (node := get("members")) is not None:
        plan.members = _members(reader, node)
    if (node := get("sections")) is not None:
        plan.sections = _body(reader, node, "sections")
    if (node := get("numbering")) is not None:
        items = reader.sequence(node, "numbering") or []
        plan.numbering = [s for item in items if (s := reader.choice(item, "numbering", NUMBERING_STYLES))]
    if (node := get("archive")) is not None:
        plan.archive = reader.text(node, "archive")
    if (node := get("signer")) is not None:
        plan.signer = _signer(reader, node)
    if (node := get("footnotes")) is not None:
        plan.footnotes = _keyed_texts(reader, node, "footnotes", ids_only=False)
    if (node := get("appendices")) is not None:
        plan.appendices = [a for item in reader.sequence(node, "appendices") or [] if (a := _appendix(reader, item))]
    return plan


def _organ(reader: Reader, node: yaml.Node) -> Organ | None:
    values = reader.mapping(node, ORGAN)
    if values is None:
        return None
    fields = {k: reader.text(v, f"organ.{k}") for k, v in values.items()}
    return Organ(name=fields.get("name"), code=fields.get("code"), parent=fields.get("parent"), mention=fields.get("mention"))


def _signer(reader: Reader, node: yaml.Node) -> Signer | None:
    values = reader.mapping(node, SIGNER)
    if not values or "lines" not in values or "name" not in values:
        return None
    name = reader.text(values["name"], "signer.name")
    lines = reader.texts(values["lines"], "signer.lines")
    return Signer(lines, name) if name else None


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


def _members(reader: Reader, node: yaml.Node) -> dict[str, Text]:
    return _keyed_texts(reader, node, "members", ids_only=True)


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
    values = reader.mapping(node, SECTION)
    if values is None:
        return None
    section = Section(pos=reader.pos(node))
    if not values.keys() & {"title", "text", "body", "timeline", "table"}:
        reader.report(rules.MISSING_KEY, node, "mục cần `title` hoặc `text` (hoặc `body`, `timeline`, `table`)")
    if (v := values.get("title")) is not None:
        section.title = reader.text(v, "title")
    if (v := values.get("text")) is not None:
        section.text = reader.text(v, "text")
    if (v := values.get("numbering")) is not None:
        section.numbering = reader.choice(v, "numbering", NUMBERING_STYLES)
    if (v := values.get("numbered")) is not None:
        section.numbered = reader.boolean(v, "numbered") is not False
    if (v := values.get("body")) is not None:
        section.body = _body(reader, v, "body")
    if (v := values.get("timeline")) is not None:
        section.timeline = [p for item in reader.sequence(v, "timeline") or [] if (p := _phase(reader, item))]
    if (v := values.get("table")) is not None:
        section.table = _table(reader, v)
    return section


def _phase(reader: Reader, node: yaml.Node) -> Phase | None:
    values = reader.mapping(node, PHASE)
    if values is None:
        return None
    task = reader.text(values["task"], "task") if "task" in values else None
    if "on" in values:
        if "from" in values or "to" in values:
            reader.report(rules.BAD_VALUE, node, "giai đoạn dùng `on` (một ngày) hoặc `from`/`to` (một khoảng), không dùng cả hai")
            return None
        day = reader.date(values["on"], "on")
        return Phase(day, day, task, reader.pos(node)) if day and task else None
    if "from" not in values or "to" not in values:
        reader.report(rules.MISSING_KEY, node, "giai đoạn cần `from` và `to` (hoặc `on` cho một ngày)")
        return None
    start = reader.date(values["from"], "from")
    end = reader.date(values["to"], "to")
    return Phase(start, end, task, reader.pos(node)) if start and end and task else None


def _table(reader: Reader, node: yaml.Node) -> Table | None:
    values = reader.mapping(node, TABLE)
    if not values or "columns" not in values or "rows" not in values:
        return None
    columns = [t for c in reader.sequence(values["columns"], "columns") or [] if (t := reader.text(c, "columns"))]
    rows = []
    for row_node in reader.sequence(values["rows"], "rows") or []:
        cells = reader.sequence(row_node, "rows")
        if cells is None:
            continue
        rows.append([_cell(reader, cell) for cell in cells])
    return Table(columns, rows, reader.pos(node), header=[[Cell(t) for t in columns]])


def _cell(reader: Reader, node: yaml.Node) -> Cell:
    """A table cell; an empty cell (`~` or nothing) is an empty text, not an error."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return Cell(Text("", reader.pos(node)))
    return Cell(reader.text(node, "ô của bảng") or Text("", reader.pos(node)))


# -- appendices and schedules --------------------------------------------------------


def _appendix(reader: Reader, node: yaml.Node):
    is_schedule = isinstance(node, yaml.MappingNode) and any(k.value == "schedule" for k, _ in node.value)
    values = reader.mapping(node, SCHEDULE_APPENDIX if is_schedule else TABLE_APPENDIX)
    if values is None:
        return None
    label = reader.text(values["label"], "label") if "label" in values else None
    if is_schedule:
        path_text = reader.text(values["schedule"], "schedule")
        if path_text is None:
            return None
        schedule = _included_schedule(reader, path_text)
        return ScheduleAppendix(path_text, reader.pos(node), schedule, label)
    title = reader.text(values["title"], "title") if "title" in values else None
    table = _table(reader, values["table"]) if "table" in values else None
    notes = reader.texts(values["notes"], "notes") if "notes" in values else []
    if title is None or table is None:
        return None
    appendix = TableAppendix(title, table, reader.pos(node), notes, label)
    if "column_numbers" in values:
        appendix.column_numbers = bool(reader.boolean(values["column_numbers"], "column_numbers"))
    if "blank_rows" in values:
        appendix.blank_rows = reader.integer(values["blank_rows"], "blank_rows", 0, 1000) or 0
    if "signature" in values and (sides := reader.mapping(values["signature"], FORM_SIGNATURE)) is not None:
        appendix.signature = FormSignature(
            left=reader.texts(sides["left"], "left") if "left" in sides else [],
            right=reader.texts(sides["right"], "right") if "right" in sides else [],
        )
    return appendix


def schedule_path(plan_file: str, relative: str) -> str:
    return os.path.normpath(os.path.join(os.path.dirname(plan_file), relative))


def _included_schedule(reader: Reader, path_text: Text) -> Schedule | None:
    path = schedule_path(reader.path, path_text.value)
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
    values = reader.mapping(root, SCHEDULE) or {}
    schedule = Schedule(file=reader.path, pos=reader.pos(root))
    if (v := values.get("title")) is not None:
        schedule.title = reader.text(v, "title")
    if (v := values.get("subtitle")) is not None:
        schedule.subtitle = reader.text(v, "subtitle")
    if (v := values.get("window")) is not None:
        schedule.window = reader.window(v)
    if (v := values.get("intro")) is not None:
        schedule.intro = reader.texts(v, "intro")
    if (v := values.get("members")) is not None:
        schedule.members = _members(reader, v)
    if (v := values.get("ignore")) is not None:
        schedule.ignore = reader.texts(v, "ignore")
    if (v := values.get("rows")) is not None:
        schedule.rows = [r for item in reader.sequence(v, "rows") or [] if (r := _row(reader, item))]
    return schedule


def _row(reader: Reader, node: yaml.Node) -> Row | None:
    values = reader.mapping(node, ROW)
    if values is None or not {"date", "place", "members"} <= values.keys():
        return None
    date = reader.date(values["date"], "date")
    place = reader.text(values["place"], "place")
    session = reader.choice(values["session"], "session", SESSIONS) if "session" in values else "cả ngày"
    members = []
    for item in reader.sequence(values["members"], "members") or []:
        entry = reader.text(item, "members")
        if entry is not None:
            members.append(MemberRef(entry, looks_like_id(entry.value)))
    if date is None or place is None or session is None:
        return None
    return Row(date, place, members, reader.pos(node), session)


# -- text expressions ----------------------------------------------------------------


def _evaluate_plan(plan: Plan) -> list[Diagnostic]:
    place = plan.place.value if plan.place else None
    date = plan.date.value if plan.date else None
    own = [plan.bases, plan.intro, plan.sections, plan.closing, plan.recipients, plan.footnotes,
           plan.subject, plan.organ, plan.signer, plan.archive]
    problems = templating.evaluate(
        iter_texts(own), templating.variables_for(plan.year, plan.number, date, plan.month, place, plan.window)
    )
    for appendix in plan.appendices:
        window = plan.window
        if isinstance(appendix, ScheduleAppendix):
            if appendix.schedule is None:
                continue
            window = appendix.schedule.window or plan.window
            texts = iter_texts(appendix.schedule)
        else:
            texts = iter_texts([appendix.title, appendix.table, appendix.notes])
        problems += templating.evaluate(
            texts, templating.variables_for(plan.year, plan.number, date, plan.month, place, window)
        )
    return problems
