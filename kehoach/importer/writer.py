"""The imported spec as YAML text written by us: block style in the contract's key order, every string
quoted when YAML would read it as something else (JSON's double-quoted strings are YAML's), `{{`
escaped so that text is never evaluated, and for every line the paragraph it came from (the map
`check` uses to point at the Word document)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import yaml

from kehoach.word.paragraphs import Paragraph

_FIRST_UNSAFE = set("-?:,[]{}#&*!|>'\"%@`+~= \t")
_RESOLVER = yaml.resolver.Resolver()
_SIMPLE_FLOW = re.compile(r"^[\w][\w .()/-]*$")


@dataclass
class Emitted:
    text: str
    # line (from 1) → (paragraph, column where the value starts, from 1)
    lines: dict[int, tuple[Paragraph, int]] = field(default_factory=dict)

    def numbers(self) -> list[int]:
        """The mapped line numbers, in order (computed once)."""
        if self._numbers is None:
            self._numbers = sorted(self.lines)
        return self._numbers

    _numbers: list[int] | None = None


def escape_template(text: str) -> str:
    if "{{" not in text and "{%" not in text:
        return text
    return re.sub(r"\{[{%]", lambda m: "{{ '" + m.group(0) + "' }}", text)


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = escape_template(str(value))
    if flow:
        return text if _SIMPLE_FLOW.match(text) and _plain_str(text) else json.dumps(text, ensure_ascii=False)
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _plain_str(text: str) -> bool:
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _plain_ok(text: str) -> bool:
    return bool(text) and text[0] not in _FIRST_UNSAFE and text == text.strip() and not (
        ": " in text or " #" in text or text.endswith(":") or "\n" in text or "\t" in text or "\\" in text
    ) and _plain_str(text)


class _Writer:
    def __init__(self):
        self.out: list[str] = []
        self.lines: dict[int, tuple[Paragraph, int]] = {}

    def line(self, text: str, value=None, column: int = 0, anchor: Paragraph | None = None) -> None:
        self.out.append(text)
        para = getattr(value, "para", None) or anchor
        if para is not None:
            quoted = text[column:column + 1] == '"'
            self.lines[len(self.out)] = (para, column + 1 + quoted)

    def mapping(self, spec: dict, indent: int, first_prefix: str | None = None) -> None:
        anchor = spec.get("_anchor")
        items = [(k, v) for k, v in spec.items() if not k.startswith("_") and v is not None]
        for n, (key, value) in enumerate(items):
            prefix = first_prefix if (n == 0 and first_prefix is not None) else " " * indent
            head = f"{prefix}{scalar(key)}:"
            if isinstance(value, dict) and value:
                self.line(head, anchor=anchor)
                self.mapping(value, indent + 2)
            elif isinstance(value, list) and value:
                self.line(head, anchor=anchor)
                self.sequence(value, indent + 2)
            elif isinstance(value, (dict, list)):
                self.line(f"{head} {'{}' if isinstance(value, dict) else '[]'}", anchor=anchor)
            else:
                text = scalar(value)
                self.line(f"{head} {text}", value, len(head) + 1, anchor)

    def sequence(self, items: list, indent: int) -> None:
        pad = " " * indent
        for item in items:
            if isinstance(item, dict) and item:
                self.mapping(item, indent + 2, first_prefix=pad + "- ")
            elif isinstance(item, list):
                cells = ", ".join(self.flow(c) for c in item)
                first = next((c for c in item if getattr(c, "para", None) or (isinstance(c, dict) and getattr(c.get("text"), "para", None))), None)
                anchor = first if not isinstance(first, dict) else first.get("text")
                self.line(f"{pad}- [{cells}]", anchor, len(pad) + 2)
            else:
                text = scalar(item)
                self.line(f"{pad}- {text}", item, len(pad) + 2)

    def flow(self, value) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, str) and value == "":
            return '""'
        return scalar(value, flow=True)


def dump(spec: dict, comments: list[str] = ()) -> Emitted:
    writer = _Writer()
    for comment in comments:
        for line in comment.splitlines():
            writer.line(f"# {line}".rstrip())
    writer.mapping(spec, 0)
    return Emitted("\n".join(writer.out) + "\n", writer.lines)
