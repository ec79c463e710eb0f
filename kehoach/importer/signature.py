"""Nơi nhận (recipients, `Lưu:`) and the signature (authority lines, then the signer's name),
from the borderless table under the body or from paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.importer.header import is_rule
from kehoach.word.paragraphs import Block, Paragraph, Table
from kehoach.importer.source import Src, src

NOI_NHAN = re.compile(r"^N[ơo]i\s+nh[ậa]n\s*:?", re.I)
ARCHIVE = re.compile(r"^[-+•]?\s*L[ưu]u\s*:?\s*(?P<archive>.*?)[.;]?$", re.I)
_ITEM = re.compile(r"^[-+•*]\s*")
_NOT_A_NAME = re.compile(r"^\(.*\)$|^(đã ký|ký tên|\[?chữ ký)", re.I)


@dataclass
class Signature:
    recipients: list[Src] = field(default_factory=list)
    archive: Src | None = None
    lines: list[Src] = field(default_factory=list)
    name: Src | None = None
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    notes: list[tuple[Paragraph, str]] = field(default_factory=list)
    end: int = 0


def starts_here(block: Block) -> bool:
    if isinstance(block, Table):
        return any(NOI_NHAN.match(p.text) for row in block.rows for c in row for p in c.paragraphs[:1])
    return bool(NOI_NHAN.match(block.text))


def read(blocks: list[Block], start: int) -> Signature:
    signature = Signature(end=start + 1)
    block = blocks[start]
    if isinstance(block, Table):
        for row in block.rows:
            for cell in row:
                if cell.paragraphs and NOI_NHAN.match(cell.paragraphs[0].text):
                    _recipients(signature, cell.paragraphs)
                else:
                    _signer(signature, cell.paragraphs)
        return signature
    # Paragraphs: Nơi nhận and its items, then the authority lines and the name.
    k = start
    recipients: list[Paragraph] = []
    while k < len(blocks) and isinstance(blocks[k], Paragraph):
        text = blocks[k].text
        if k > start and text and not _ITEM.match(text) and not ARCHIVE.match(text):
            break
        recipients.append(blocks[k])
        k += 1
    _recipients(signature, recipients)
    signer: list[Paragraph] = []
    while k < len(blocks) and isinstance(blocks[k], Paragraph) and len(signer) < 8:
        paragraph = blocks[k]
        if paragraph.page_break_before and signer:
            break
        signer.append(paragraph)
        k += 1
        text = paragraph.text
        if text and not _is_authority(text) and not _NOT_A_NAME.match(text):
            break
    _signer(signature, signer)
    signature.end = k
    return signature


def _recipients(signature: Signature, paragraphs: list[Paragraph]) -> None:
    signature.parts["noi_nhan"] = paragraphs[:1]
    signature.parts["recipients"] = paragraphs[1:]
    first = paragraphs[0] if paragraphs else None
    if first is not None:
        rest = NOI_NHAN.sub("", first.text).strip()
        if rest:
            signature.notes.append((first, f"chữ sau «Nơi nhận:» không phải nơi nhận nào, bỏ qua: «{rest}»"))
    for paragraph in paragraphs[1:]:
        for line in paragraph.lines:
            if not line or is_rule(line):
                continue
            if (m := ARCHIVE.match(line)) and re.match(r"^[-+•]?\s*L[ưu]u\b", line, re.I):
                signature.archive = src(m["archive"].strip(), paragraph)
                continue
            entry = _ITEM.sub("", line).rstrip()
            entry = entry[:-1].rstrip() if entry.endswith((";", ".", ",")) else entry
            if entry:
                signature.recipients.append(src(entry, paragraph))


def _is_authority(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _signer(signature: Signature, paragraphs: list[Paragraph]) -> None:
    named = [p for p in paragraphs if p.text]
    for paragraph in named:
        for line in paragraph.lines:
            if not line:
                continue
            if _NOT_A_NAME.match(line):
                signature.notes.append((paragraph, f"bỏ qua dòng thay chữ ký «{line}» (kehoach để trống chỗ ký)"))
            elif _is_authority(line) and signature.name is None:
                signature.lines.append(src(line, paragraph))
                signature.parts.setdefault("authority", []).append(paragraph)
            elif signature.name is None:
                signature.name = src(line, paragraph)
                signature.parts["name"] = [paragraph]
            else:
                signature.notes.append((paragraph, f"dòng sau tên người ký chưa xếp được: «{line}»"))
