"""`kehoach import`: a Word plan (or an Excel schedule) into spec files, all of them or none, never
over an existing file without `force`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kehoach.outputs import Outputs
from kehoach.importer.writer import Emitted


@dataclass
class Written:
    paths: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # what import was unsure of, `¶N: …`

    @property
    def written(self) -> list[str]:
        return self.paths


def default_output(source: str) -> str:
    return os.path.splitext(os.path.basename(source))[0] + ".yaml"


def _emitted(source: str, out: str) -> tuple[list[tuple[str, Emitted, str]], list[str]]:
    """The files to write (path, text, what it is) and what import was unsure of."""
    from kehoach.importer.schedule_table import ImportedSchedule

    if source.lower().endswith(".xlsx"):
        from kehoach.importer.xlsx import import_workbook

        imported = import_workbook(source)
    else:
        from kehoach.importer.plan import import_word

        imported = import_word(source)
    if isinstance(imported, ImportedSchedule):
        from kehoach.importer.writer import dump

        notes = imported.notes + [f"{p.where}: {m}" for p, m in imported.weekdays]
        text = dump(imported.spec, [f"Lịch nhập từ {os.path.basename(source)} bằng `kehoach import`."])
        return [(out, text, "lịch nhập")], notes
    from kehoach.importer.plan import emit

    notes = [f"¶{p.number}: {m}" if p is not None else m for p, m in imported.notes + imported.weekdays]
    notes += [f"¶{n}: {what}" for n, what in imported.document.objects]
    if imported.document.tracked_changes:
        notes.append("tệp còn thay đổi được theo dõi: đã đọc như khi in (giữ phần thêm, bỏ phần xóa)")
    files = emit(imported, out)
    return [(path, text, "kế hoạch nhập" if k == 0 else "lịch nhập") for k, (path, text) in enumerate(files)], notes


def import_file(source: str, out: str | None = None, force: bool = False) -> Written:
    out = out or default_output(source)
    files, notes = _emitted(source, out)
    outputs = Outputs(inputs=[source], force=force,
                      overwrite_hint="không ghi đè; thêm --force để ghi đè hoặc đặt tên khác bằng -o")
    for path, emitted, what in files:
        outputs.add(path, emitted.text, what)
    return Written(outputs.write(), notes)


def roll_word(source: str, year: int, out: str | None, force: bool):
    """`new --from plan.docx`: import into a private folder, then roll forward as from a YAML plan;
    the new files land beside the Word file (or at `out`)."""
    import tempfile

    from kehoach.yearly import renamed, roll_forward

    with tempfile.TemporaryDirectory(prefix="kehoach-") as folder:
        stem = os.path.splitext(os.path.basename(source))[0]
        imported_plan = os.path.join(folder, stem + ".yaml")
        import_file(source, imported_plan)
        from kehoach.spec.load import load

        spec = load(imported_plan).spec
        old_year = getattr(spec, "year", None) or year - 1
        target = out or renamed(os.path.join(os.path.dirname(source), stem + ".yaml"), old_year, year)
        return roll_forward(imported_plan, year, target, force)
