"""A Word plan into the spec a plan file holds (and the schedule files of its appendices), with
every text remembering its paragraph and every doubt written down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kehoach.errors import NotReadable
from kehoach.importer import appendices, body, header, labels, package, paragraphs, signature
from kehoach.importer.paragraphs import Block, Document, Paragraph
from kehoach.importer.source import Src, src
from kehoach.importer.writer import Emitted, dump


@dataclass
class Imported:
    path: str
    plan: dict
    schedules: list[dict]
    document: Document
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    notes: list[tuple[Paragraph | None, str]] = field(default_factory=list)
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
        raise NoHeader(
            f"`{path}` không có phần đầu của một văn bản hành chính (tên cơ quan, `Số: …/KH-…`, địa danh và ngày): "
            "kehoach chỉ nhập được kế hoạch theo Nghị định 30/2020; kiểm tra lại tệp."
        )
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


def _one_or_lines(lines: list[Src]):
    if not lines:
        return None
    return lines[0] if len(lines) == 1 else list(lines)


def _plan(head, text, sign, found, imported: Imported) -> dict:
    plan: dict = {}
    if head.type is not None:
        plan["type"] = head.type
    organ = {"parent": _one_or_lines(head.parent), "name": _one_or_lines(head.name), "code": head.code}
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


def _footnotes(imported: Imported, document: Document) -> None:
    cited = [p for p in document.paragraphs if "[^" in "".join(s.text for s in p.segments)]
    if not cited:
        return
    import re

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
    region, section = "Phần đầu", "Nội dung"
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
        tabled = region not in ("Phần đầu", "Nơi nhận, chữ ký")
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
    unsure = [(p, m) for p, m in imported.notes]
    if unsure:
        comments.append("Cần xem lại:")
        comments += [f"- ¶{p.number}: {m}" if p is not None else f"- {m}" for p, m in unsure]
    out = [(plan_path, dump(imported.plan, comments))]
    for path, schedule in zip(paths, imported.schedules):
        out.append((path, dump(schedule, [f"Lịch nhập từ {os.path.basename(imported.path)}."])))
    return out
