"""Texts of an imported spec that remember the paragraph they came from, and the markup
(`*italic*`, `**bold**`) of a paragraph whose formatting changes inside it."""

from __future__ import annotations

import re

from kehoach.word.paragraphs import Paragraph

_WS = re.compile(r"[ \t\n\u00a0\u2007\u202f\u200b]")


class Src(str):
    """A string of the imported spec with the paragraph it was read from (None: made by import)."""

    para: Paragraph | None = None


def src(text: str, para: Paragraph | None) -> Src:
    value = Src(text)
    value.para = para
    return value


Piece = tuple[str, bool, bool]   # text, bold, italic


def pieces(paragraph: Paragraph) -> list[Piece]:
    """The paragraph's text (without its Word label) in pieces of one formatting, spaces normalised
    as `Paragraph.text` normalises them; a space takes the formatting of the text before it."""
    chars: list[tuple[str, bool, bool]] = []
    for segment in paragraph.segments:
        bold, italic = segment.format.bold, segment.format.italic
        for ch in segment.text.replace("\u00ad", ""):
            if _WS.match(ch):
                if chars and chars[-1][0] != " ":
                    chars.append((" ", chars[-1][1], chars[-1][2]))
            else:
                chars.append((ch, bold, italic))
    while chars and chars[-1][0] == " ":
        chars.pop()
    out: list[Piece] = []
    for ch, bold, italic in chars:
        if out and out[-1][1] == bold and out[-1][2] == italic:
            out[-1] = (out[-1][0] + ch, bold, italic)
        else:
            out.append((ch, bold, italic))
    return out


def split_at(found: list[Piece], offset: int) -> tuple[list[Piece], list[Piece]]:
    """The pieces before and after character `offset` of their joined text."""
    before, after, seen = [], [], 0
    for text, bold, italic in found:
        if seen + len(text) <= offset:
            before.append((text, bold, italic))
        elif seen >= offset:
            after.append((text, bold, italic))
        else:
            cut = offset - seen
            before.append((text[:cut], bold, italic))
            after.append((text[cut:], bold, italic))
        seen += len(text)
    return before, after


def markup(found: list[Piece]) -> str:
    """The text with `**…**` and `*…*` where only part of it is bold or italic; formatting the whole
    text shares is the paragraph's style, not markup."""
    text = "".join(t for t, _, _ in found)
    letters = [(b, i) for t, b, i in found for ch in t if not ch.isspace()]
    all_bold = bool(letters) and all(b for b, _ in letters)
    all_italic = bool(letters) and all(i for _, i in letters)
    if (all_bold or not any(b for b, _ in letters)) and (all_italic or not any(i for _, i in letters)):
        return text.strip()
    out = []
    for part, bold, italic in found:
        mark = ("**" if bold and not all_bold else "") + ("*" if italic and not all_italic else "")
        core = part.strip()
        if not mark or not core:
            out.append(part)
            continue
        lead = part[: len(part) - len(part.lstrip())]
        trail = part[len(part.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark[::-1]}{trail}")
    return "".join(out).strip()


def is_bold(found: list[Piece]) -> bool:
    letters = [b for t, b, _ in found for ch in t if not ch.isspace()]
    return bool(letters) and all(letters)
