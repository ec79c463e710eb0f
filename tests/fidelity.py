"""How faithfully a rendered document reproduces a seed plan: word-sequence similarity and line coverage."""

from __future__ import annotations

import re
import zipfile
from difflib import SequenceMatcher

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")
# Footnote markers printed as superscript digits (`xã¹`) are markup, not words.
_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")
# The seeds' text lost the breaks between list items (`huyện2. Bộ phận`): a digit after a letter starts a word.
_GLUED_NUMBER = re.compile(r"(?<=[^\W\d_])(?=\d)")


def words(text: str) -> list[str]:
    text = _SUPERSCRIPT.sub("", _TAG.sub(" ", text))
    return _WORD.findall(_GLUED_NUMBER.sub(" ", text).lower())


def _paragraph_text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def docx_text(path: str) -> str:
    """Every text of a .docx in reading order: headers, then the body (tables included), each footnote
    right after the paragraph that cites it (where a printed page shows it, and where the seeds have it)."""
    from html import unescape

    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        document = z.read("word/document.xml").decode("utf-8")
        notes = z.read("word/footnotes.xml").decode("utf-8") if "word/footnotes.xml" in names else ""
        headers = [z.read(n).decode("utf-8") for n in sorted(names) if re.match(r"word/header\d*\.xml$", n)]
    footnotes = {
        note_id: " ".join(_paragraph_text(p) for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S))
        for note_id, body in re.findall(r'<w:footnote [^>]*w:id="(\d+)"[^>]*>(.*?)</w:footnote>', notes, re.S)
    }
    parts = [_paragraph_text(p) for header in headers for p in re.findall(r"<w:p[ >].*?</w:p>", header, re.S)]
    for paragraph in re.findall(r"<w:p[ >].*?</w:p>", document, re.S):
        parts.append(_paragraph_text(paragraph))
        parts += [footnotes.get(n, "") for n in re.findall(r'<w:footnoteReference w:id="(\d+)"', paragraph)]
    return unescape("\n".join(parts))


def similarity(seed: list[str], render: list[str]) -> float:
    return SequenceMatcher(None, seed, render, autojunk=False).ratio()


def _found_in_order(line: list[str], render: list[str], starts: dict[str, list[int]]) -> bool:
    window = 2 * len(line) + 10
    for start in starts.get(line[0], []):
        k, end = 1, min(len(render), start + window)
        for i in range(start + 1, end):
            if k < len(line) and render[i] == line[k]:
                k += 1
        if k == len(line):
            return True
    return False


def missing_lines(seed_text: str, render: list[str]) -> list[str]:
    """The seed's lines of three words or more whose words are not found, in order, in the render."""
    starts: dict[str, list[int]] = {}
    for i, w in enumerate(render):
        starts.setdefault(w, []).append(i)
    lines = [line for line in seed_text.splitlines() if len(words(line)) >= 3]
    return [line for line in lines if not _found_in_order(words(line), render, starts)], len(lines)


def coverage(seed_text: str, render: list[str]) -> float:
    missing, total = missing_lines(seed_text, render)
    return 1 - len(missing) / total
