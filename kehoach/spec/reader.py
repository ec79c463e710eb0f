"""Typed reading of YAML nodes against declared schemas, collecting every problem.

Each read returns a value or None; a None always comes with a diagnostic, so
callers build what they can and the user sees every problem in one run.
"""

from __future__ import annotations

import re

import yaml

from kehoach import rules
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.vnformat import nfc
from kehoach.spec import dates
from kehoach.spec.model import DateValue, Text, Window
from kehoach.spec.yaml_source import node_pos

# A key that is prose, not one of our short English keys: YAML read "Thời gian: ..." as a mapping.
_PROSE_KEY = re.compile(r"[^\x00-\x7f]|\s|^[A-Z]")

_SCALAR = yaml.ScalarNode
_NULL_TAG = "tag:yaml.org,2002:null"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# After a plain scalar: blanks, then `#` glued to a character — text that YAML read as a comment.
_CUT_BY_COMMENT = re.compile(r"[ \t]+(?P<cut>#[^\s#][^\n]*)")
# The largest number a spec holds (a document's number, a count of rows): larger is a typing slip.
MAX_INTEGER = 999_999
# A width or a size (`30`, `12.5`): compiled (and cached by `re`) on first use, which few specs make.
_DECIMAL = r"[0-9]{1,6}(?:\.[0-9]{1,6})?"


class Schema:
    """The keys a mapping may have: name → required."""

    __slots__ = ("what", "keys", "required")

    def __init__(self, what: str, keys: dict[str, bool]):
        self.what = what
        self.keys = keys
        self.required = tuple(key for key, required in keys.items() if required)


class Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.diagnostics: list[Diagnostic] = []
        self._lines: list[str] | None = None

    # -- positions and reporting -------------------------------------------------------

    def pos(self, node: yaml.Node) -> Pos:
        return node_pos(self.path, node)

    def report(self, rule, node_or_pos, message: str) -> None:
        pos = node_or_pos if isinstance(node_or_pos, Pos) else self.pos(node_or_pos)
        self.diagnostics.append(rule.at(pos, message))

    # -- collections -------------------------------------------------------------------

    def mapping(self, node: yaml.Node, schema: Schema) -> dict[str, yaml.Node] | None:
        """The mapping's values by key, after reporting unknown, repeated and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self._wrong_type(node, f"{schema.what} phải là một bảng khóa: giá trị")
            return None
        values: dict[str, yaml.Node] = {}
        known = schema.keys
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(rules.WRONG_TYPE, key_node, "khóa phải là một chữ")
                continue
            key = key_node.value
            if key not in known:  # a declared key is ASCII, so already composed: only others are normalised
                key = nfc(key)
            if key in values:
                self.report(rules.DUPLICATE_KEY, key_node, f"khóa `{key}` đã có ở trên: giữ một, xóa cái còn lại")
                continue
            if key not in known:
                self._unknown_key(key_node, key, value_node, schema)
                continue
            values[key] = value_node
        for key in schema.required:
            if key not in values:
                self.report(rules.MISSING_KEY, node, f"{schema.what} thiếu khóa `{key}`: thêm `{key}: ...`")
        return values

    def _unknown_key(self, key_node: yaml.Node, key: str, value_node: yaml.Node, schema: Schema) -> None:
        if _PROSE_KEY.search(key):
            line = self._source_line(key_node).strip()
            self.report(
                rules.UNQUOTED_TEXT,
                key_node,
                f"đoạn văn có `: ` nên YAML đọc thành một cặp khóa–giá trị: đặt cả dòng trong ngoặc kép, ví dụ {_quoted(line)}",
            )
            return
        known = sorted(schema.keys)
        close = _close_match(key, known)
        hint = f"có phải `{close[0]}`?" if close else "các khóa hợp lệ: " + ", ".join(f"`{k}`" for k in known)
        self.report(rules.UNKNOWN_KEY, key_node, f"{schema.what} không có khóa `{key}`: {hint}")

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if isinstance(node, yaml.SequenceNode):
            return node.value
        self._wrong_type(node, f"`{what}` phải là một danh sách (mỗi dòng bắt đầu bằng `- `)")
        return None

    # -- scalars -----------------------------------------------------------------------

    def text(self, node: yaml.Node, what: str) -> Text | None:
        # Called for nearly every value of a spec: the comment test runs only after a blank.
        if isinstance(node, _SCALAR):
            value = node.value
            if node.tag == _NULL_TAG and value in _NULLS:
                self.report(rules.WRONG_TYPE, node, f"`{what}` để trống: điền nội dung")
                return None
            end = node.end_mark.index
            source = self.source
            if not node.style and source[end : end + 1] in " \t":  # plain: None from PyYAML, "" from libyaml
                cut = _CUT_BY_COMMENT.match(source, end)
                if cut is not None:
                    self._comment_after(node, what, cut)
            return Text(nfc(value), self.pos(node), source[node.start_mark.index : end])
        if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and self.looks_like_prose(node):
            line = self._source_line(node).strip()
            self.report(
                rules.UNQUOTED_TEXT,
                node,
                f"`{what}` là một đoạn văn nhưng YAML đọc thành "
                f"{'danh sách' if isinstance(node, yaml.SequenceNode) else 'cặp khóa–giá trị'}: "
                f"đặt cả dòng trong ngoặc kép, ví dụ {_quoted(line)}",
            )
            return None
        self._wrong_type(node, f"`{what}` phải là một đoạn văn")
        return None

    def texts(self, node: yaml.Node, what: str) -> list[Text]:
        """A string, or a list of strings (paragraphs, lines)."""
        if isinstance(node, yaml.SequenceNode):
            return [t for item in node.value if (t := self.text(item, what)) is not None]
        text = self.text(node, what)
        return [text] if text else []

    def integer(self, node: yaml.Node, what: str, low: int = 1, high: int | None = None) -> int | None:
        value = node.value.strip() if isinstance(node, yaml.ScalarNode) else None
        # ASCII digits only: `²` and other scripts' digits pass str.isdigit() but are not a number to write.
        if not value or not value.isascii() or not value.isdigit():
            self._wrong_type(node, f"`{what}` phải là một số nguyên, ví dụ `{what}: {low}`")
            return None
        limit = f"từ {low} đến {high}" if high is not None else f"từ {low} đến {MAX_INTEGER}"
        if len(value) > len(str(MAX_INTEGER)):  # never convert thousands of digits
            self.report(rules.BAD_VALUE, node, f"`{what}` phải {limit} (đang là một số {len(value)} chữ số)")
            return None
        number = int(value)
        if number < low or number > (MAX_INTEGER if high is None else high):
            self.report(rules.BAD_VALUE, node, f"`{what}` phải {limit} (đang là {number})")
            return None
        return number

    def number(self, node: yaml.Node, what: str) -> float | None:
        """A positive number, whole or decimal (`30`, `12.5`)."""
        value = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        if not re.fullmatch(_DECIMAL, value):
            self._wrong_type(node, f"`{what}` phải là một số dương, ví dụ `30` hoặc `12.5`")
            return None
        number = float(value)
        if number <= 0:
            self.report(rules.BAD_VALUE, node, f"`{what}` phải lớn hơn 0 (đang là {value})")
            return None
        return number

    def date(self, node: yaml.Node, what: str) -> DateValue | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL_TAG:
            self._wrong_type(node, f"`{what}` phải là một ngày dạng YYYY-MM-DD, ví dụ {dates.EXAMPLE}")
            return None
        try:
            return DateValue(dates.parse(node.value, what), self.pos(node))
        except dates.BadDate as problem:
            self.report(rules.BAD_DATE, node, str(problem))
            return None

    def window(self, node: yaml.Node, what: str = "window") -> Window | None:
        values = self.mapping(node, Schema(f"`{what}`", {"from": True, "to": True}))
        if values is None or "from" not in values or "to" not in values:
            return None
        start = self.date(values["from"], f"{what}.from")
        end = self.date(values["to"], f"{what}.to")
        if start is None or end is None:
            return None
        return Window(start, end, self.pos(node))

    def choice(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> str | None:
        text = self.text(node, what)
        if text is None:
            return None
        if text.value in allowed:
            return text.value
        options = ", ".join(f"`{a}`" for a in allowed)
        close = _close_match(text.value, allowed)
        hint = f"có phải `{close[0]}`?" if close else f"chọn một trong {options}"
        self.report(rules.BAD_VALUE, node, f"`{what}` không nhận `{text.value}`: {hint}")
        return None

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if value in ("true", "True", "false", "False"):
            return value in ("true", "True")
        self._wrong_type(node, f"`{what}` phải là `true` hoặc `false`")
        return None

    # -- helpers -----------------------------------------------------------------------

    def _comment_after(self, node: yaml.ScalarNode, what: str, match: re.Match) -> None:
        """Warn when YAML took the rest of a line of text for a comment: ` #` glued to what follows
        (`Hộ #1`, `#TT`) is text, not a note (a note is written `# ...`)."""
        cut = match.group("cut").rstrip()
        column = node.end_mark.column + match.start("cut") - node.end_mark.index
        whole = f"{node.value} {cut}".replace("\\", "\\\\").replace('"', '\\"')
        if len(whole) > 60:
            whole = whole[:57] + "..."
        self.report(
            rules.COMMENT_IN_TEXT,
            Pos(self.path, node.end_mark.line + 1, column + 1),
            f"`{what}`: YAML coi phần từ `{cut.split()[0][:20]}` đến hết dòng là ghi chú và bỏ khỏi văn bản: "
            f'đặt cả giá trị trong ngoặc kép, ví dụ `"{whole}"`',
        )

    def _wrong_type(self, node: yaml.Node, message: str) -> None:
        self.report(rules.WRONG_TYPE, node, message)

    def _source_line(self, node: yaml.Node) -> str:
        if self._lines is None:  # split once: a file can have thousands of such problems
            self._lines = self.source.splitlines()
        lines = self._lines
        index = node.start_mark.line
        return lines[index] if index < len(lines) else ""

    @staticmethod
    def looks_like_prose(node: yaml.Node) -> bool:
        """A list or mapping that began as a line of Vietnamese text (`- - Kiểm tra`, `Thời gian: ...`)."""
        if isinstance(node, yaml.MappingNode):
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and _PROSE_KEY.search(key.value):
                    return True
            return False
        return all(isinstance(item, yaml.ScalarNode) for item in node.value)


def _close_match(word: str, known) -> list[str]:
    import difflib  # only when a suggestion is made

    return difflib.get_close_matches(word, known, n=1, cutoff=0.6)


def _quoted(line: str) -> str:
    """The line as it should be written: the same text inside double quotes."""
    dash = "- " if line.startswith("- ") else ""
    body = line[len(dash):].replace('"', '\\"')
    if len(body) > 60:
        body = body[:57] + "..."
    return f'`{dash}"{body}"`'
