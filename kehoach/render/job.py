"""`kehoach render`: check every file, then write documents (and PDFs) — all of them or nothing.

Each spec is rendered as soon as it is checked, into a hidden temporary file beside its target, and
dropped: memory stays flat however many plans one call renders. Only when every spec checked
without an error (and every PDF was made) are the temporary files renamed into place; otherwise,
or when the process is interrupted, they are removed. Before anything is staged, the targets are
checked: no two inputs may share an output, no output may be an input, every folder must be writable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kehoach.check import check_file
from kehoach.diagnostics import Diagnostic, Severity, ordered
from kehoach.errors import ConversionFailed, OutputConflict
from kehoach.fileio import Staging, ensure_writable
from kehoach.outputs import same_file_key
from kehoach.spec.model import Plan, Spec


@dataclass
class Rendered:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    blocked: bool = False  # errors were found: nothing was written


@dataclass(frozen=True)
class Target:
    spec: str
    docx: str
    pdf: str | None


def output_path(spec_path: str, out: str | None, several: bool) -> str:
    """`plans/x.yaml` → `x.docx` here; `-o` names the file, or a folder with several specs."""
    name = os.path.splitext(os.path.basename(spec_path))[0] + ".docx"
    if out is None:
        return name
    if several or os.path.isdir(out) or out.endswith(os.sep):
        return os.path.join(out, name)
    return out


def targets_of(files: list[str], out: str | None, pdf: bool) -> list[Target]:
    several = len(files) > 1
    targets = []
    for path in files:
        docx = output_path(path, out, several)
        targets.append(Target(path, docx, os.path.splitext(docx)[0] + ".pdf" if pdf else None))
    return targets


def _identity(path: str) -> tuple[int, int] | None:
    """The file itself (a hard link or another spelling of the path is the same file)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class _OutputPaths:
    """Every output path of the call, to compare inputs against."""

    def __init__(self, targets: list[Target]):
        self.owner: dict[str, Target] = {}
        clashes: dict[str, list[str]] = {}
        for target in targets:
            for path in filter(None, (target.docx, target.pdf)):
                key = same_file_key(path)
                if key in self.owner:
                    clashes.setdefault(path, [self.owner[key].spec]).append(target.spec)
                self.owner[key] = target
        if clashes:
            lines = "; ".join(f"`{path}` ← {', '.join(f'`{s}`' for s in specs)}" for path, specs in clashes.items())
            raise OutputConflict(
                f"nhiều tệp sẽ ghi ra cùng một tệp ({lines}): chưa ghi gì; dựng riêng từng tệp, mỗi lần "
                "một tên khác với -o (vd. `kehoach render a/x.yaml -o x-a.docx`), hoặc đổi tên một tệp nguồn"
            )
        self.identities = {_identity(path): path for path in self.owner if _identity(path) is not None}

    def refuse_input(self, path: str, role: str) -> None:
        """An input (a spec, an included schedule, the template) must not be overwritten by an output."""
        hit = self.owner.get(same_file_key(path))
        written = (hit.docx if same_file_key(hit.docx) == same_file_key(path) else hit.pdf) if hit else self.identities.get(_identity(path))
        if written is not None:
            raise OutputConflict(
                f"tệp ra `{written}` chính là {role} `{path}`: ghi vào sẽ xóa mất nó; chưa ghi gì. "
                "Chọn tên tệp ra khác với -o (vd. `-o ke-hoach.docx`)"
            )


def made_by_kehoach(path: str) -> bool:
    """The document is one kehoach wrote that no other program has saved since: Word and LibreOffice
    write their own name into docProps/app.xml when they save. The zip's comment tells it without
    unpacking anything; documents written before kehoach marked them are read."""
    import re

    from kehoach.render.package import marked

    if marked(path):
        return True
    from kehoach.errors import NotReadable
    from kehoach.inputfiles import open_package, read_member

    try:
        with open_package(path) as package:
            app = read_member(package, "docProps/app.xml", 1024 * 1024).decode("utf-8", "replace")
    except (NotReadable, KeyError, OSError):
        return False
    found = re.search(r"<Application>([^<]*)</Application>", app)
    return bool(found) and found.group(1).startswith("kehoach")


def _refuse_overwriting_edits(path: str) -> None:
    """Re-rendering replaces kehoach's own documents; a document someone edited and saved is theirs."""
    if os.path.exists(path) and not made_by_kehoach(path):
        raise OutputConflict(
            f"`{path}` đã có và không phải văn bản kehoach vừa dựng (đã được sửa trong Word hoặc LibreOffice, "
            "hoặc là tệp khác): chưa ghi gì. Thêm --force để ghi đè, hoặc chọn tên khác với -o"
        )


def render_files(
    files: list[str], out: str | None, *, pdf: bool, template: str | None, ignore: tuple[str, ...], force: bool = False
) -> Rendered:
    from kehoach.render import package

    if pdf:
        from kehoach.render import pdf as pdf_module  # subprocess and pathlib: only for PDFs

        pdf_module.soffice()  # fail before writing anything when LibreOffice is missing
    chosen = package.load_template(template)  # likewise for a template that is not a usable .docx
    targets = targets_of(files, out, pdf)
    outputs = _OutputPaths(targets)
    outputs.refuse_input(chosen.path, "mẫu")
    for target in targets:
        outputs.refuse_input(target.spec, "tệp nguồn")
        for path in (target.docx, target.pdf):
            if path:
                ensure_writable(path)
    result = Rendered()
    jobs: list = []  # PdfJob
    with Staging() as staged:
        for target in targets:
            checked = check_file(target.spec, ignore)
            result.diagnostics += checked.diagnostics
            if not checked.complete or any(d.severity is Severity.ERROR for d in checked.diagnostics):
                result.blocked = True
            if result.blocked:
                continue  # keep checking the others, to report every problem at once
            for included in _included(checked.spec):
                outputs.refuse_input(included, "lịch kèm theo")
            if not force:
                # A PDF is only ever made from its .docx: it goes with it.
                _refuse_overwriting_edits(target.docx)
            docx = staged.stage(target.docx)
            _render(checked.spec, docx, template)
            if target.pdf:
                jobs.append(pdf_module.PdfJob(docx, staged.stage(target.pdf), target.docx))
        result.diagnostics = ordered(result.diagnostics)  # a schedule shared by two plans is reported once
        if result.blocked:
            staged.abandon()
            return result
        try:
            if jobs:
                pdf_module.convert(jobs)
        except ConversionFailed as failed:
            # All or nothing: the documents are not kept without the PDFs that were asked for.
            raise ConversionFailed(
                f"{failed}; chưa ghi tệp nào, kể cả .docx: chạy lại không có `--pdf` để có tệp .docx, "
                "rồi mở nó bằng LibreOffice hoặc Word để xem chỗ hỏng"
            ) from None
    result.written = [path for target in targets for path in (target.docx, target.pdf) if path]
    return result


def _included(spec: Spec) -> list[str]:
    return [schedule.file for schedule in spec.schedules] if isinstance(spec, Plan) else []


def _render(spec: Spec, path: str, template: str | None) -> None:
    from kehoach.render import document

    if isinstance(spec, Plan):
        document.render_plan(spec, path, template)
    else:
        document.render_schedule(spec, path, template)
