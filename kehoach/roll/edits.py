"""Edit a file's text in place: each changed value replaced at its span, everything else kept.

All edits of a file are applied in one pass over their spans in order, so rolling a schedule of
any length costs time in proportion to its size.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from itertools import accumulate

import yaml


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def apply(text: str, edits: list[Edit]) -> str:
    pieces: list[str] = []
    done = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < done:
            raise ValueError(f"overlapping edits at {edit.start}")  # a bug in kehoach, never the user's
        pieces += (text[done : edit.start], edit.text)
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces)


def replace_value(text: str, node: yaml.ScalarNode, written: str, new: str) -> Edit | None:
    """Replace `written` (the value as the loader read it, without the white space around it) by
    `new` inside the scalar's span, keeping its quotes, spaces and block indicator as they are.

    A quoted value whose text cannot be found as written (an escape inside it) is written anew as a
    double-quoted string; any other such value is left alone (None) for the caller to report.
    """
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    at = raw.find(written)
    if at >= 0:
        return Edit(start + at, start + at + len(written), new)
    if node.style in ("'", '"'):
        return Edit(start, end, json.dumps(new, ensure_ascii=False))
    return None


def remove_pair(text: str, key: yaml.Node, value: yaml.Node, replacement: str = "") -> Edit:
    """Remove a `key: value` pair of a block mapping — its lines, a comment after it included — or
    put `replacement` in its place at the same indentation. In a block mapping (flow mappings are
    refused before this) a pair owns whole lines: only indentation before the key, only a comment
    after the value, so the mapping stays valid YAML."""
    line_start = text.rfind("\n", 0, key.start_mark.index) + 1
    indent = text[line_start : key.start_mark.index]
    end = value.end_mark.index
    if end == 0 or text[end - 1] != "\n":  # a block scalar ends after its line break; others before it
        line_end = text.find("\n", end)
        end = len(text) if line_end < 0 else line_end + 1
    return Edit(line_start, end, indent + replacement + "\n" if replacement else "")


def new_positions(new_text: str, edits: list[Edit], offsets: list[int]) -> list[tuple[int, int]]:
    """Line and column (from 1, in characters) in the edited text of each old offset that no edit
    covers or that starts one."""
    if not offsets:
        return []
    ordered = sorted(edits, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    shifts = list(accumulate((len(e.text) - (e.end - e.start) for e in ordered), initial=0))
    line_starts = [0] + [m.end() for m in re.finditer("\n", new_text)]
    found = []
    for offset in offsets:
        moved = offset + shifts[bisect.bisect_left(starts, offset)]
        line = bisect.bisect_right(line_starts, moved)
        found.append((line, moved - line_starts[line - 1] + 1))
    return found
