"""The five seed plans (text copied from real documents, with light markdown: `**bold**`, `*italic*`,
`#` headings) made into Word documents by LibreOffice: from the plain text (markdown marks removed), and from HTML
that keeps their bold and italic. A file LibreOffice saved is material kehoach did not write."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt")) or sorted((Path(__file__).parent / "seeds").glob("*.txt"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", re.S)


def seed_plain(text: str) -> str:
    """The seed as a plain text file: its markdown marks removed (a clerk's .txt has none)."""
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))


def seed_html(text: str) -> str:
    """Paragraphs (blank-line separated) with their line breaks, bold and italic; `#` marks dropped."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        block = re.sub(r"^#+\s*", "", block.strip(), flags=re.M)
        if not block:
            continue
        # Markdown's hard break (two spaces at the end of a line) and plain line breaks alike.
        body = html.escape(block, quote=False)
        body = _BOLD.sub(r"<b>\1</b>", body)
        body = _ITALIC.sub(r"<i>\1</i>", body)
        body = re.sub(r" *\n", "<br/>", body)
        paragraphs.append(f"<p>{body}</p>")
    return '<html><head><meta charset="utf-8"></head><body>' + "\n".join(paragraphs) + "</body></html>"


def convert(sources: list[Path], folder: Path) -> list[Path]:
    """One LibreOffice run for all files: `x.txt`/`x.html` → `x.docx` in `folder`."""
    subprocess.run([SOFFICE, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), *map(str, sources)],
                   check=True, capture_output=True, timeout=300)
    return [folder / (s.stem + ".docx") for s in sources]
