"""What the page asks for, over the folder: check unsaved text, preview it, draw its calendar, write
it as .docx or .pdf, roll a plan forward, import a Word or Excel file. Each works on the text in the
editor (through a private draft, never inside the folder) unless it is meant to write there."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

from kehoach.check import check_file
from kehoach.diagnostics import Diagnostic, Severity, exit_code
from kehoach.errors import UserError
from kehoach.serve.files import Folder, draft
from kehoach.spec.model import Plan, Schedule


class HasErrors(UserError):
    """The text has errors: nothing can be written from it."""

    def __init__(self) -> None:
        super().__init__("tệp còn lỗi (error): sửa các lỗi được đánh dấu trong trình soạn thảo rồi thử lại")


@dataclass
class Status:
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    unreadable: bool = False
    kind: str = ""  # "kế hoạch" or "lịch"
    title: str = ""
    reason: str = ""  # why the file cannot be opened at all (a link leading outside, a FIFO, ...)


def status_of(folder: Folder, relative: str) -> Status:
    """The file's kind, title and counts; one odd file (a dangling link, a link out of the folder, a
    FIFO named `.yaml`) is a row that says so, never a folder page that fails."""
    try:
        path = folder.spec(relative)
    except UserError as odd:
        return Status(unreadable=True, reason=str(odd))
    checked = check_file(path)
    status = _counts(checked.diagnostics)
    spec = checked.spec
    if spec is not None:
        status.kind = "kế hoạch" if isinstance(spec, Plan) else "lịch"
        if isinstance(spec, Plan):
            status.title = spec.subject.value if spec.subject else ""
        else:
            status.title = spec.title.value if spec.title else ""
    return status


def _counts(diagnostics: list[Diagnostic]) -> Status:
    status = Status(unreadable=exit_code(diagnostics) == 2)
    for d in diagnostics:
        if d.severity is Severity.ERROR:
            status.errors += 1
        elif d.severity is Severity.WARNING:
            status.warnings += 1
        else:
            status.infos += 1
    return status


@dataclass
class Checked:
    """Diagnostics of the editor's text: those in the file itself (by line), those in files it includes."""

    here: list[dict] = field(default_factory=list)
    elsewhere: list[dict] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0


def _as_json(d: Diagnostic, file: str) -> dict:
    return {"file": file, "line": d.pos.line, "column": d.pos.column, "severity": d.severity.value,
            "code": d.code, "message": d.message}


def check_text(folder: Folder, relative: str, text: str) -> Checked:
    result = Checked()
    with draft(folder, relative, text) as unsaved:
        diagnostics = check_file(unsaved.path).diagnostics
        for d in diagnostics:
            if d.pos.file == unsaved.path:
                result.here.append(_as_json(d, relative))
            else:
                result.elsewhere.append(_as_json(d, unsaved.relative(d.pos.file)))
    counts = _counts(diagnostics)
    result.errors, result.warnings = counts.errors, counts.warnings
    return result


def calendar_svg(folder: Folder, relative: str, text: str) -> str | None:
    """The calendar of the text's schedules, or None when it has none (or cannot be read)."""
    from kehoach.calendar import model, svg

    with draft(folder, relative, text) as unsaved:
        spec = check_file(unsaved.path).spec
        if spec is None:
            return None
        view = model.build(spec)
    return svg.render(view) if view.visit_count or view.windows else None


def _docx_of(path: str, out: str):
    from kehoach.render.document import render_plan, render_schedule

    checked = check_file(path)
    if checked.spec is None or exit_code(checked.diagnostics):
        raise HasErrors()
    if isinstance(checked.spec, Plan):
        render_plan(checked.spec, out)
    else:
        render_schedule(checked.spec, out)
    return checked.spec


def docx_bytes(folder: Folder, relative: str, text: str) -> bytes:
    with draft(folder, relative, text) as unsaved, tempfile.TemporaryDirectory(prefix="kehoach-docx-") as work:
        out = os.path.join(work, "out.docx")
        _docx_of(unsaved.path, out)
        with open(out, "rb") as f:
            return f.read()


def preview_html(folder: Folder, relative: str, text: str) -> tuple[str, str]:
    from kehoach.serve.preview import to_html

    return to_html(docx_bytes(folder, relative, text))


def pdf_bytes(folder: Folder, relative: str, text: str, maker=None) -> bytes:
    """The PDF through LibreOffice (`maker`: a kehoach.serve.pdfs.PdfMaker, else a fresh run);
    without LibreOffice, a sentence that says how to install it."""
    from kehoach.errors import ToolMissing
    from kehoach.render import pdf

    try:
        pdf.soffice()
    except ToolMissing as missing:
        raise NoPdf(str(missing).replace("hoặc bỏ `--pdf` để chỉ ghi tệp .docx", "hoặc tải tệp .docx")) from missing
    with draft(folder, relative, text) as unsaved, tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        out = os.path.join(work, os.path.splitext(os.path.basename(relative))[0] + ".docx")
        _docx_of(unsaved.path, out)
        target = os.path.splitext(out)[0] + ".pdf"
        if maker is not None:
            maker.convert(out, target, relative)
        else:
            pdf.convert([pdf.PdfJob(out, target, relative)])
        with open(target, "rb") as f:
            return f.read()


class NoPdf(UserError):
    """LibreOffice is not installed on the machine that serves the page."""


def next_year(path: str) -> int:
    """The year a plan rolls forward to by default: the one after its own (or after this one)."""
    import datetime as dt

    spec = check_file(path).spec
    year = dt.date.today().year
    if isinstance(spec, Plan):
        year = spec.year or (spec.date.value.year if spec.date else year)
    elif isinstance(spec, Schedule):
        if spec.window is not None:
            year = spec.window.start.value.year
        elif spec.rows:
            year = spec.rows[0].date.value.year
    return year + 1


def roll_forward(folder: Folder, relative: str, year: int) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Next year's draft beside the plan (and its schedules beside theirs); returns the relative
    paths written and, as the command line prints them, the lists to look at under their headings,
    the new plan's own errors and warnings last."""
    from kehoach.yearly import roll_forward as roll

    rolled = roll(folder.spec(relative), year, None, False)

    def where(pos) -> str:
        return f"{folder.relative(os.path.realpath(pos.file))}:{pos.line}"

    written = [folder.relative(os.path.realpath(p)) for p in rolled.written]
    checklist = [(title, [f"{where(r.pos)}: {r.text}" + (f" — {r.note}" if r.note else "") for r in items])
                 for title, items in rolled.checklist()]
    if rolled.diagnostics:
        checklist.append((f"Kiểm tra kế hoạch năm {year}:", [
            f"{where(d.pos)}:{d.pos.column}: {d.severity.value} {d.code} {d.message}" for d in rolled.diagnostics]))
    return written, checklist


UPLOAD_LIMIT = 20 * 1024 * 1024
IMPORTABLE = (".docx", ".xlsx")


class CannotImport(UserError):
    """An upload that is not a Word or Excel file, or an importer that is not installed."""


def _free_name(folder: Folder, stem: str) -> str:
    """`stem.yaml` in the folder, or `stem-2.yaml`, ... when it is taken: an import never overwrites."""
    candidate, n = f"{stem}.yaml", 1
    while os.path.exists(os.path.join(folder.root, candidate)):
        n += 1
        candidate = f"{stem}-{n}.yaml"
    return candidate


def import_upload(folder: Folder, filename: str, data: bytes) -> list[str]:
    """A Word plan or an Excel schedule, uploaded, into a new spec at the top of the folder.

    The importer (`kehoach.importer.import_file(path, out, force)`, whose result lists the files it
    `written`) reads the upload from a private temporary folder."""
    name = os.path.basename(filename.replace("\\", "/"))
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in IMPORTABLE:
        raise CannotImport("chỉ nhập được tệp Word (.docx) hoặc Excel (.xlsx); tệp .doc, .xls cũ: mở bằng Word/Excel rồi lưu lại dạng .docx/.xlsx")
    if len(data) > UPLOAD_LIMIT:
        raise CannotImport("tệp tải lên quá 20 MiB: đây không giống một kế hoạch hay một lịch")
    try:
        from kehoach.importer import import_file
    except ImportError as missing:
        raise CannotImport("bản kehoach này chưa có chức năng nhập tệp Word/Excel: cập nhật kehoach") from missing
    safe_stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem).strip("-") or "nhap"
    target = os.path.join(folder.root, _free_name(folder, safe_stem))
    with tempfile.TemporaryDirectory(prefix="kehoach-upload-") as work:
        # Under the clerk's own file name, which the imported file's first comment names.
        plain = name.replace("\x00", "")
        usable = plain and not plain.startswith(".") and len(plain.encode("utf-8")) <= 200
        source = os.path.join(work, plain if usable else safe_stem[:100] + suffix)
        with open(source, "wb") as f:
            f.write(data)
        try:
            result = import_file(source, target, False)
        except UserError as error:
            # The clerk knows the file they sent, not the server's temporary folder.
            raise CannotImport(str(error).replace(source, name).replace(work + os.sep, "")) from None
    return [folder.relative(os.path.realpath(p)) for p in result.written]
