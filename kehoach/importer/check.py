"""`kehoach check FILE.docx`: import in memory, check the imported spec with every rule, and point each
diagnostic back at the paragraph of the Word document it came from (`FILE.docx:¶45 (where) …`).

The imported spec is written to a private temporary folder and read by the loader like any spec, so
a Word plan is checked by exactly the code that checks a YAML plan; the writer's line map then turns
each YAML line back into the paragraph the text was read from."""

from __future__ import annotations

import bisect
import dataclasses
import os
import tempfile

from kehoach import rules
from kehoach.rules import RULES
from kehoach.checks.layout import WHOLE_DOCUMENT, LayoutParagraph, WordLayout
from kehoach.diagnostics import Diagnostic, Pos, ordered
from kehoach.errors import UserError
from kehoach.word.paragraphs import Document, Paragraph
from kehoach.importer.schedule_table import ImportedSchedule
from kehoach.importer.writer import Emitted

_EXCERPT = 160


def check_word(path: str, ignore: tuple[str, ...] = ()) -> list[Diagnostic]:
    from kehoach.check import check_file
    from kehoach.importer.plan import NoHeader, emit, import_word

    imported, refused = _read(path, import_word, NoHeader)
    if imported is None:
        return refused
    if isinstance(imported, ImportedSchedule):
        return _check_schedule(path, imported, ignore)
    document = imported.document
    with tempfile.TemporaryDirectory(prefix="kehoach-") as folder:
        files = emit(imported, os.path.join(folder, "ke-hoach.yaml"))
        for name, emitted in files:
            with open(name, "w", encoding="utf-8") as f:
                f.write(emitted.text)
        checked = check_file(files[0][0], ignore)
        maps = {name: emitted for name, emitted in files}
        found = [_mapped(d, path, maps, folder) for d in checked.diagnostics]
    by_number = {p.number: p for p in document.paragraphs}
    own = [(rules.IMPORT_UNSURE.at(_at(path, p), m), p) for p, m in imported.notes]
    own += [(rules.IMPORT_WEEKDAY.at(_at(path, p), m), p) for p, m in imported.weekdays]
    own += [(rules.IMPORT_OBJECT.at(Pos(path, n, 1), f"{what}: kehoach không đọc; kiểm tra bằng mắt"), by_number.get(n))
            for n, what in document.objects]
    if document.tracked_changes:
        own.append((rules.IMPORT_TRACKED.at(Pos(path), "tệp còn thay đổi được theo dõi: đã đọc như khi in (giữ phần thêm, "
                                            "bỏ phần xóa); chấp nhận hoặc từ chối các thay đổi trong Word"), None))
    layout = layout_of(imported)
    own += [(d, by_number[d.pos.line]) if d.pos.line != WHOLE_DOCUMENT else (dataclasses.replace(d, pos=Pos(path)), None)
            for rule in RULES.values() if rule.applies_to is WordLayout for d in rule.run(layout)]
    found += [_described(d, p) for d, p in own if d.code not in ignore]
    return ordered(found)


def _read(path: str, read, not_importable: type[UserError]):
    """What `read` imports from `path`, or None and the diagnostic that says why it cannot."""
    try:
        return read(path), []
    except not_importable as problem:
        return None, [rules.IMPORT_NOT_A_PLAN.at(Pos(path), str(problem))]
    except UserError as problem:
        return None, [rules.CANNOT_OPEN.at(Pos(path), str(problem))]


def _at(path: str, paragraph: Paragraph | None) -> Pos:
    return Pos(path, paragraph.number, 1) if paragraph is not None else Pos(path)


def _described(d: Diagnostic, paragraph: Paragraph | None) -> Diagnostic:
    if paragraph is None:
        return dataclasses.replace(d, where="toàn văn bản")
    return dataclasses.replace(d, where=paragraph.where or "văn bản", excerpt=_excerpt(paragraph.text))


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _mapped(d: Diagnostic, path: str, maps: dict[str, Emitted], folder: str) -> Diagnostic:
    message = d.message.replace(folder + os.sep, "")
    emitted = maps.get(d.pos.file)
    if emitted is None:
        return dataclasses.replace(d, pos=Pos(path), message=message, where="toàn văn bản")
    line = d.pos.line
    hit = emitted.lines.get(line)
    if hit is None:
        # A key's own line (`rows:`) belongs to the value under it, else to the one above.
        numbers = emitted.numbers()
        k = bisect.bisect_right(numbers, line)
        near = numbers[k] if k < len(numbers) else (numbers[-1] if numbers else None)
        hit = emitted.lines.get(near) if near is not None else None
        column = 1
    else:
        column = max(1, d.pos.column - hit[1] + 1)
    if hit is None:
        return dataclasses.replace(d, pos=Pos(path), message=message, where="toàn văn bản")
    paragraph = hit[0]
    return dataclasses.replace(
        d, pos=Pos(path, paragraph.number, column), message=message,
        where=paragraph.where or "văn bản", excerpt=_excerpt(paragraph.text),
    )


def layout_paragraph(paragraph: Paragraph) -> LayoutParagraph:
    letters = [(s.format, ch) for s in paragraph.segments for ch in s.text if ch.isalpha()]
    return LayoutParagraph(
        paragraph.number,
        paragraph.text,
        {f.size for f, _ in letters if f.size is not None},
        {f.font for f, _ in letters if f.font is not None},
        bool(letters) and all(f.bold for f, _ in letters),
        bool(letters) and all(f.italic for f, _ in letters),
        not any(f.bold for f, _ in letters),
        not any(f.italic for f, _ in letters),
    )


def layout_of(imported) -> WordLayout:
    document: Document = imported.document
    # By identity, not number: the soft-broken lines of one header paragraph share its number.
    convert: dict[int, LayoutParagraph] = {}

    def of(p: Paragraph) -> LayoutParagraph:
        if id(p) not in convert:
            convert[id(p)] = layout_paragraph(p)
        return convert[id(p)]

    parts = {name: [of(p) for p in found] for name, found in imported.parts.items() if not name.startswith("_")}
    m = document.margins
    return WordLayout(
        document.path, [of(p) for p in document.paragraphs if p.text], parts,
        (m.top, m.bottom, m.left, m.right), document.page_number_in_header, document.title_page,
    )


def check_workbook(path: str, ignore: tuple[str, ...] = ()) -> list[Diagnostic]:
    """`kehoach check lich.xlsx`: the schedule imported in memory and checked; positions are the
    sheet's rows (`¶` is the row number) and `where` names the sheet, row and cell."""
    from kehoach.importer.xlsx import NotSchedule, import_workbook

    imported, refused = _read(path, import_workbook, NotSchedule)
    if imported is None:
        return refused
    return _check_schedule(path, imported, ignore)


def _check_schedule(path: str, imported: ImportedSchedule, ignore: tuple[str, ...]) -> list[Diagnostic]:
    """A schedule imported on its own, checked as a schedule file."""
    from kehoach.check import check_file
    from kehoach.importer.writer import dump

    with tempfile.TemporaryDirectory(prefix="kehoach-") as folder:
        name = os.path.join(folder, "lich.yaml")
        emitted = dump(imported.spec)
        with open(name, "w", encoding="utf-8") as f:
            f.write(emitted.text)
        found = [_mapped(d, path, {name: emitted}, folder) for d in check_file(name, ignore).diagnostics]
    found += [rules.IMPORT_UNSURE.at(Pos(path), note) for note in imported.notes if rules.IMPORT_UNSURE.code not in ignore]
    found += [_described(rules.IMPORT_WEEKDAY.at(_at(path, p), m), p) for p, m in imported.weekdays
              if rules.IMPORT_WEEKDAY.code not in ignore]
    return ordered(found)
