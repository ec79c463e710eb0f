"""A Word plan into the spec a plan file holds (and the schedule files of its appendices), with
every text remembering its paragraph and every doubt written down."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from kehoach.errors import NotReadable
from kehoach.importer import appendices, body, dates, header, labels, signature
from kehoach.word import package, paragraphs
from kehoach.word.paragraphs import Block, Document, Paragraph, Table
from kehoach.importer.schedule_table import ImportedSchedule
from kehoach.importer.source import Src, src
from kehoach.importer.writer import Emitted, dump
from kehoach.render.context import running_name


@dataclass
class Imported:
    path: str
    plan: dict
    schedules: list[dict]
    document: Document
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)
    weekdays: list[tuple[Paragraph | None, str]] = field(default_factory=list)   # KH-I005
    draft_mark: bool = False


def read_document(path: str) -> Document:
    document = paragraphs.read(package.open_word(path))
    if not any(p.text for p in document.paragraphs):
        raise NotReadable(f"`{path}` không có chữ nào: kiểm tra lại tệp (có thể nội dung nằm trong ảnh chụp hoặc hộp văn bản).")
    return document


def import_document(path: str) -> Imported:
    document = read_document(path)
    blocks = document.blocks
    head = header.find(blocks)
    if head is None:
        problem = NoHeader(
            f"`{path}` không có phần đầu của một văn bản hành chính (tên cơ quan, `Số: …/KH-…`, địa danh và ngày): "
            "kehoach chỉ nhập được kế hoạch theo Nghị định 30/2020 hoặc một lịch có bảng lịch; kiểm tra lại tệp."
        )
        problem.document = document
        raise problem
    imported = Imported(path, {}, [], document, dict(head.parts), list(head.notes), head.draft)
    year = head.date.year if head.date else head.year
    end = next((k for k in range(head.end, len(blocks)) if signature.starts_here(blocks[k])), None)
    main = blocks[head.end:end] if end is not None else blocks[head.end:]
    text = body.read(main, year)
    imported.notes += text.notes
    imported.parts.update(text.parts)
    sign = signature.read(blocks, end) if end is not None else None
    if sign is None:
        imported.notes.append((None, "không thấy «Nơi nhận» và chữ ký: thêm `recipients`, `archive` và `signer` vào tệp kế hoạch"))
        rest: list[Block] = []
    else:
        imported.notes += sign.notes
        imported.parts.update(sign.parts)
        rest = blocks[sign.end:]
    found = appendices.read(rest, year, text.window)
    imported.notes += found.notes
    imported.weekdays = found.weekdays
    for key, value in found.parts.items():
        imported.parts["appendix_" + key] = value
    imported.plan = _plan(head, text, sign, found, imported)
    imported.schedules = [a.schedule for a in found.items if a.schedule is not None]
    _footnotes(imported, document)
    _where(imported, blocks, head, end, sign)
    return imported


class NoHeader(NotReadable):
    """A Word file that is not an administrative document: no organ, no `Số:`, no place and date."""

    exit_code = 1
    document: Document | None = None    # what was read, for a reader of another kind of document


def import_word(path: str) -> Imported | ImportedSchedule:
    """A Word plan, or the schedule a Word document holds when it has no header."""
    try:
        return import_document(path)
    except NoHeader as problem:
        return import_schedule(path, problem.document)


def import_schedule(path: str, document: Document | None = None) -> ImportedSchedule:
    """A Word document holding only a schedule — title, lines and its table, as `kehoach render`
    writes a schedule file — into a schedule file, like an Excel schedule."""
    document = document or read_document(path)
    year = next((d.year for p in document.paragraphs for d in dates.dates(p.text, None)), None)
    found = appendices.read(document.blocks, year, None)
    schedules = [a.schedule for a in found.items if a.schedule is not None]
    if len(found.items) != 1 or not schedules:
        raise NoHeader(
            f"`{path}` không có phần đầu của một văn bản hành chính (tên cơ quan, `Số: …/KH-…`, địa danh và ngày) "
            "cũng không phải một lịch (tên lịch và bảng có cột thời gian, địa điểm, thành phần): kiểm tra lại tệp."
        )
    for table in (b for b in document.blocks if isinstance(b, Table)):
        for r, row in enumerate(table.rows, start=1):
            for p in (p for cell in row for p in cell.paragraphs):
                p.where = f"bảng, dòng {r}"
    notes = [f"¶{p.number}: {m}" if p is not None else m for p, m in found.notes]
    return ImportedSchedule(schedules[0], document.paragraphs, notes, found.weekdays)


def _one_or_lines(lines: list[Src]):
    if not lines:
        return None
    return lines[0] if len(lines) == 1 else list(lines)


def _plan(head, text, sign, found, imported: Imported) -> dict:
    plan: dict = {}
    if head.type is not None:
        plan["type"] = head.type
    organ = {"parent": _one_or_lines(head.parent), "name": _one_or_lines(head.name), "code": head.code,
             "mention": _mention(head.name, found.parts.get("kem_theo", []), imported.document.paragraphs)}
    plan["organ"] = {k: v for k, v in organ.items() if v is not None}
    if head.number is not None:
        plan["number"] = head.number
    plan["place"] = head.place
    if head.date is not None:
        plan["date"] = head.date
    else:
        plan["year"] = head.year
        if head.month is not None:
            plan["month"] = head.month
    plan["subject"] = text.subject
    if text.window:
        plan["window"] = {"from": text.window[0], "to": text.window[1]}
    if text.numbering:
        plan["numbering"] = text.numbering
    if text.bases:
        plan["bases"] = text.bases
    if text.intro:
        plan["intro"] = text.intro[0] if len(text.intro) == 1 else text.intro
    plan["sections"] = text.sections
    if text.closing:
        plan["closing"] = text.closing
    if sign is not None:
        plan["recipients"] = sign.recipients
        plan["archive"] = sign.archive
        plan["signer"] = {"lines": sign.lines, "name": sign.name}
    for key in ("organ", "place", "subject"):
        if not plan.get(key):
            imported.notes.append((None, f"không tìm thấy `{key}` trong văn bản: điền vào tệp kế hoạch"))
    if found.items:
        plan["appendices"] = [a.spec for a in found.items]
    return plan


_OF_WHOM = re.compile(r"\bcủa\s+(?P<who>[^()]+?)\s*\)?\s*$")


def _mention(name: list[Src], kem_theo: list[Paragraph], paragraphs: list[Paragraph]) -> Src | None:
    """How the document's running text names its organ, when that differs from what kehoach would
    write from the uppercase name: the `của …` of its first `(Kèm theo …)` line, else the name as
    some paragraph writes it (`Ủy ban nhân dân xã Hòa Bình xây dựng Kế hoạch …`)."""
    whole = " ".join(" ".join(line.split()) for line in name)
    if not whole:
        return None
    found = None
    for paragraph in kem_theo[:1]:
        if (m := _OF_WHOM.search(paragraph.text)) is not None:
            found = src(m["who"], paragraph)
    if found is None:
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, whole.split())) + r"(?!\w)", re.I)
        for paragraph in paragraphs:
            m = pattern.search(paragraph.text)
            if m is not None and m.group(0) != m.group(0).upper():
                found = src(m.group(0), paragraph)
                break
    return found if found is not None and found != running_name(whole) else None


def _footnotes(imported: Imported, document: Document) -> None:
    cited = [p for p in document.paragraphs if "[^" in "".join(s.text for s in p.segments)]
    if not cited:
        return
    keys = []
    for p in cited:
        keys += [k for k in re.findall(r"\[\^([^\]]+)\]", "".join(s.text for s in p.segments)) if k not in keys]
    notes = {}
    for key in keys:
        if key in document.footnotes:
            notes[key] = src(document.footnotes[key], None)
        else:
            imported.notes.append((None, f"chú thích [^{key}] không có nội dung trong tệp"))
    if notes:
        imported.plan["footnotes"] = notes
        # Keep the key order of the plan files: footnotes before appendices.
        if "appendices" in imported.plan:
            imported.plan["appendices"] = imported.plan.pop("appendices")


def _where(imported: Imported, blocks: list[Block], head, end, sign) -> None:
    """A human location for every paragraph: the part of the plan (`Mục II` in the body), and for
    a table outside the header and the signature, its row."""
    appendix_starts = {id(p) for p in imported.parts.get("appendix_label", []) + imported.parts.get("appendix_title", [])}
    region, section = header.WHERE, "Nội dung"
    for k, block in enumerate(blocks):
        if k == head.end:
            region = "Nội dung"
        if end is not None and k == end:
            region = "Nơi nhận, chữ ký"
        if sign is not None and k == sign.end:
            region = "Phụ lục"
        if isinstance(block, Paragraph):
            if region.startswith("Phụ lục") and id(block) in appendix_starts and body.appendices_label(block.text):
                region = block.text.rstrip(":. ")
            if region == "Nội dung" and (found := labels.find(block.text)) is not None and found.style == "roman":
                section = f"Mục {found.text.rstrip('.')}"
            block.where = section if region == "Nội dung" else region
            continue
        tabled = region not in (header.WHERE, "Nơi nhận, chữ ký")
        here = section if region == "Nội dung" else region
        for r, row in enumerate(block.rows, start=1):
            for cell in row:
                for p in cell.paragraphs:
                    p.where = f"{here}, bảng, dòng {r}" if tabled else here


def schedule_paths(plan_path: str, count: int) -> list[str]:
    stem = os.path.splitext(plan_path)[0]
    return [f"{stem}-lich.yaml" if k == 1 else f"{stem}-lich-{k}.yaml" for k in range(1, count + 1)]


def emit(imported: Imported, plan_path: str) -> list[tuple[str, Emitted]]:
    """The plan and its schedule files as YAML texts, the plan pointing at the schedules."""
    paths = schedule_paths(plan_path, len(imported.schedules))
    k = 0
    for appendix in imported.plan.get("appendices", []):
        if "title" not in appendix:
            relative = os.path.basename(paths[k])
            k += 1
            label = appendix.pop("label", None)
            appendix["schedule"] = relative
            if label is not None:
                appendix["label"] = label
    comments = [f"Nhập từ {os.path.basename(imported.path)} bằng `kehoach import`."]
    if imported.draft_mark:
        comments.append("Văn bản ghi «DỰ THẢO».")
    unsure = imported.notes + imported.weekdays
    if unsure:
        comments.append("Cần xem lại:")
        comments += [f"- ¶{p.number}: {m}" if p is not None else f"- {m}" for p, m in unsure]
    out = [(plan_path, dump(imported.plan, comments))]
    for path, schedule in zip(paths, imported.schedules):
        out.append((path, dump(schedule, [f"Lịch nhập từ {os.path.basename(imported.path)}."])))
    return out
