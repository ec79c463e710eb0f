"""Compiler-style diagnostics: where, how bad, which rule, and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable, NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Pos(NamedTuple):
    """A place in a source file; line and column count from 1, columns in code points.
    (A named tuple: a large schedule makes tens of thousands of them.)"""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a file: where, how bad, which rule, and what to do."""

    pos: Pos
    severity: Severity
    code: str
    message: str
    # True when the file could not be read at all (exit code 2, not 1).
    fatal: bool = False
    # For a Word or Excel input, where a person finds the problem ("Phụ lục, bảng, dòng 8") and the
    # paragraph's or cell's text; `pos.line` is then the paragraph's number in document order.
    where: str = ""
    excerpt: str = ""

    def sort_key(self) -> tuple:
        return (self.pos.file, self.pos.line, self.pos.column, self.code, self.message)

    def as_text(self) -> str:
        if self.where:
            quoted = f" «{self.excerpt}»" if self.excerpt else ""
            return (
                f"{self.pos.file}:¶{self.pos.line} ({self.where}): "
                f"{self.severity.value} {self.code} {self.message}{quoted}"
            )
        return f"{self.pos}: {self.severity.value} {self.code} {self.message}"

    def as_json(self) -> dict:
        return {
            "file": self.pos.file,
            "line": self.pos.line,
            "column": self.pos.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        } | ({"excerpt": self.excerpt, "where": self.where} if self.where else {})


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by position, exact duplicates removed (a schedule shared by two plans is read twice)."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def exit_code(diagnostics: Iterable[Diagnostic]) -> int:
    """0 done, 1 the input has errors, 2 the input could not be read (the contract's table)."""
    code = 0
    for d in diagnostics:
        if d.fatal:
            return 2
        if d.severity is Severity.ERROR:
            code = 1
    return code


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    import json  # only for `--format json`

    return json.dumps([d.as_json() for d in diagnostics], ensure_ascii=False, indent=2)


def summary(diagnostics: list[Diagnostic]) -> str:
    counts = {s: 0 for s in Severity}
    for d in diagnostics:
        counts[d.severity] += 1
    return (
        f"{counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
        f"{counts[Severity.INFO]} ghi chú"
    )
