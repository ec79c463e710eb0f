"""`kehoach render`: check every file first, then write documents (and PDFs) — or nothing."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kehoach.check import check_file
from kehoach.diagnostics import Diagnostic, Severity
from kehoach.spec.model import Plan


@dataclass
class Rendered:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    blocked: bool = False  # errors were found: nothing was written


def output_path(spec_path: str, out: str | None, several: bool) -> str:
    """`plans/x.yaml` → `x.docx` here; `-o` names the file, or a folder with several specs."""
    name = os.path.splitext(os.path.basename(spec_path))[0] + ".docx"
    if out is None:
        return name
    if several or os.path.isdir(out) or out.endswith(os.sep):
        return os.path.join(out, name)
    return out


def render_files(files: list[str], out: str | None, *, pdf: bool, template: str | None, ignore: tuple[str, ...]) -> Rendered:
    from kehoach.render import document, package, pdf as pdf_module
    from kehoach.render.context import metadata

    if pdf:
        pdf_module.soffice()  # fail before writing anything when LibreOffice is missing
    package.load_template(template)  # likewise for a template that is not a usable .docx
    result = Rendered()
    checked = []
    for path in files:
        done = check_file(path, ignore)
        result.diagnostics += done.diagnostics
        checked.append((path, done.spec))
    if any(d.severity is Severity.ERROR for d in result.diagnostics):
        result.blocked = True
        return result
    several = len(files) > 1
    jobs = []
    for path, spec in checked:
        target = output_path(path, out, several)
        if isinstance(spec, Plan):
            document.render_plan(spec, target, template)
        else:
            document.render_schedule(spec, target, template)
        jobs.append(pdf_module.PdfJob(target, *metadata(spec)))
        result.written.append(target)
    if pdf:
        pdf_module.convert(jobs)
        result.written += [job.pdf for job in jobs]
    return result
