"""Where `kehoach refs` reads references from: a spec, a plain-text file, or a Word document."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kehoach import inputfiles
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.errors import NotReadable
from kehoach.refs.extract import Reference, find


@dataclass
class Located:
    pos: Pos
    reference: Reference

    def as_json(self) -> dict:
        r = self.reference
        return {
            "file": self.pos.file, "line": self.pos.line, "column": self.pos.column,
            "kind": r.kind, "number": r.number, "date": r.date.isoformat() if r.date else None,
            "issuer": r.issuer, "text": r.text,
        }


def _in_text(path: str, text: str) -> list[Located]:
    """References of a whole text, positions counted in its lines (a reference may span lines)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out = []

    for ref in find(text):
        line = bisect_right(starts, ref.offset)
        out.append(Located(Pos(path, line, ref.offset - starts[line - 1] + 1), ref))
    return out


def _docx_text(path: str) -> str:
    """The document's paragraphs as they print, one line each, numbered as `check FILE.docx` numbers
    them (¶N is line N): tables' paragraphs included, text boxes not, tracked changes as they print."""
    from kehoach.word import package, paragraphs

    return "\n".join(p.text for p in paragraphs.read(package.open_word(path)).paragraphs)


def references_in(path: str) -> tuple[list[Located], list[Diagnostic]]:
    from kehoach import rules

    lower = path.lower()
    if lower.endswith((".yaml", ".yml")):
        from kehoach.check import check_file
        from kehoach.refs.in_spec import references

        checked = check_file(path)
        fatal = [d for d in checked.diagnostics if d.fatal or d.code == rules.NOT_A_SPEC.code]
        if checked.spec is None:
            return [], fatal
        return [Located(text.pos_at(ref.offset), ref) for text, ref in references(checked.spec)], fatal
    try:
        if lower.endswith(".docx"):
            text = _docx_text(path)
        else:
            text = inputfiles.read_bytes(path).decode("utf-8-sig")
    except inputfiles.TooLarge as refused:
        return [], [rules.TOO_LARGE.at(Pos(path), refused.reason)]
    except NotReadable as refused:
        return [], [rules.CANNOT_OPEN.at(Pos(path), getattr(refused, "reason", str(refused)))]
    except UnicodeDecodeError:
        return [], [rules.NOT_TEXT.at(Pos(path), "tệp không phải văn bản UTF-8: lưu lại với mã UTF-8, hoặc dùng tệp .docx")]
    except Exception as error:  # a damaged or foreign .docx: zipfile/lxml errors
        return [], [rules.CANNOT_OPEN.at(Pos(path), f"không đọc được tệp Word ({type(error).__name__}): mở bằng Word và lưu lại dạng .docx")]
    return _in_text(path, text), []
