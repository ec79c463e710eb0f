"""Read a YAML file into a node tree that keeps positions, safely.

We compose (never construct): no Python object is ever built from a tag, so
nothing in a spec can run. Before anything walks the tree, one iterative pass
refuses what a plan never needs and an attacker would use: aliases (an alias
bomb is a small tree of shared nodes), merge keys, explicit tags, and deep
nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from kehoach import inputfiles, rules
from kehoach.diagnostics import Diagnostic, Pos
from kehoach.errors import NotReadable

try:  # libyaml's C composer is several times faster on large schedules. Its parser alone: nothing
    # is constructed, so a loader's constructor and resolver tables would be set up for nothing.
    from yaml.cyaml import CParser as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base

_STR, _NULL, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "seq", "map"))
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_SCALAR_NODE, _SEQUENCE_NODE = yaml.ScalarNode, yaml.SequenceNode


class _Loader(_Base):
    """Tags for what we read, and nothing more.

    The loader never constructs, and every value is read from its text (dates, numbers, booleans),
    so guessing ints, floats and timestamps for each plain scalar — in Python, even under the C
    composer — is work thrown away. Empty values and merge keys keep their tags; explicit tags
    (`!!python/object`) never come here and are refused by `_unsafe_constructs`.
    """

    def resolve(self, kind, value, implicit):
        if kind is _SCALAR_NODE:
            if implicit[0]:
                if value in _NULLS:
                    return _NULL
                if value == "<<":
                    return _MERGE_TAG
            return _STR
        return _SEQ if kind is _SEQUENCE_NODE else _MAP

    # The composer calls these around every node for path resolvers, which we never add: types
    # written in C that take the same arguments (and are dropped) save two Python calls a node.
    descend_resolver = slice  # (parent, index)
    ascend_resolver = tuple  # ()

MAX_BYTES = inputfiles.MAX_TEXT_BYTES
MAX_DEPTH = 40

_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

# libyaml's messages, said again in Vietnamese with what to do.
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "có `: ` ở giữa một đoạn văn: đặt cả giá trị trong ngoặc kép (\"...\")"),
    ("could not find expected ':'", "thiếu dấu `:` sau khóa, hoặc một đoạn văn nhiều dòng chưa đặt trong ngoặc kép"),
    ("did not find expected key", "thụt lề không thẳng hàng với các khóa bên trên, hoặc một đoạn văn bắt đầu bằng `-`/`*` chưa đặt trong ngoặc kép"),
    ("did not find expected node content", "thiếu giá trị, hoặc ngoặc `[`/`{` chưa đóng: viết giá trị sau `:` hoặc đóng ngoặc"),
    ("did not find expected ',' or ']'", "ngoặc `[` chưa đóng, hoặc thiếu dấu `,` giữa các phần tử"),
    ("did not find expected ',' or '}'", "ngoặc `{` chưa đóng, hoặc thiếu dấu `,` giữa các phần tử"),
    ("found unexpected end of stream", "ngoặc kép chưa đóng: thêm `\"` ở cuối giá trị"),
    ("found unknown escape character", "trong ngoặc kép, `\\` phải viết là `\\\\`; hoặc dùng ngoặc đơn '...'"),
    ("exceeded maximum nesting depth", "lồng nhau quá sâu: một kế hoạch không cần quá vài cấp"),
    ("block sequence entries are not allowed", "một dòng `- ` nằm sai chỗ: đặt đoạn văn bắt đầu bằng `- ` trong ngoặc kép"),
    ("cannot start any token", "ký tự này không được đứng đầu một giá trị: đặt giá trị trong ngoặc kép"),
    ("found undefined alias", "`*` ở đầu giá trị bị YAML đọc là bí danh: đặt cả giá trị trong ngoặc kép"),
    ("did not find expected '-' indicator", "một dòng trong danh sách không bắt đầu bằng `- ` hoặc thụt lề lệch: thẳng hàng các dòng `- `"),
    ("did not find expected comment or line break", "giá trị bắt đầu bằng `|` hay `>` phải đặt trong ngoặc kép"),
    ("did not find expected alphabetic or numeric character", "giá trị bắt đầu bằng `*` hay `&` phải đặt trong ngoặc kép"),
    ("expected <block end>", "thụt lề không thẳng hàng, hoặc một đoạn văn bắt đầu bằng `\"`, `[` hay `{` chưa đặt cả dòng trong ngoặc kép"),
]


@dataclass(repr=False, eq=False)  # methods compiled at import that nothing calls
class Source:
    """A file's text and its root node, or why there is none."""

    path: str
    text: str = ""
    root: yaml.Node | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read(path: str) -> Source:
    source = Source(path)
    text = _read_text(path, source.diagnostics)
    if text is None:
        return source
    source.text = text
    try:
        source.root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        source.diagnostics.append(_syntax_diagnostic(path, text, error))
        return source
    except yaml.YAMLError as error:  # a reader error: a character YAML refuses
        source.diagnostics.append(
            rules.NOT_TEXT.at(Pos(path), f"tệp có ký tự điều khiển không được phép ({error}): lưu lại tệp dưới dạng văn bản UTF-8")
        )
        return source
    if source.root is not None and _may_be_unsafe(text, source.root):
        problems = _unsafe_constructs(path, source.root)
        if problems:
            # Walking a tree with shared nodes could take exponential time: stop here.
            source.diagnostics.extend(problems)
            source.root = None
    return source


def _read_text(path: str, sink: list[Diagnostic]) -> str | None:
    where = Pos(path)
    try:
        data = inputfiles.read_bytes(path, MAX_BYTES)
    except inputfiles.TooLarge as refused:
        sink.append(rules.TOO_LARGE.at(where, refused.reason))
        return None
    except NotReadable as refused:
        sink.append(rules.CANNOT_OPEN.at(where, refused.reason))
        return None
    if b"\x00" in data:
        sink.append(rules.NOT_TEXT.at(where, "đây là tệp nhị phân, không phải văn bản YAML: nêu tệp .yaml của kế hoạch"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        sink.append(
            rules.NOT_TEXT.at(
                Pos(path, line),
                "tệp không phải mã UTF-8 (có thể lưu bằng mã TCVN3/VNI hoặc Windows-1258): "
                "mở bằng trình soạn thảo và lưu lại với mã UTF-8",
            )
        )
        return None


def _syntax_diagnostic(path: str, text: str, error: yaml.MarkedYAMLError) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent or (error.problem and "'\\t'" in error.problem):
        return rules.TAB_INDENT.at(
            Pos(path, line, 1), "dòng này thụt lề bằng phím Tab: YAML chỉ chấp nhận dấu cách, hãy thay Tab bằng dấu cách"
        )
    problem = error.problem or str(error)
    hint = _written_text_hint(source_line, error.context or "", problem)
    if hint is None:
        hint = next((h for needle, h in _SYNTAX_HINTS if needle in problem), None)
    if hint is None:
        hint = "xem lại thụt lề, dấu `:` và ngoặc kép ở dòng này; một đoạn văn có ký tự đặc biệt thì đặt trong ngoặc kép"
    return rules.YAML_SYNTAX.at(Pos(path, line, column), f"YAML sai cú pháp ở dòng {line}: {hint}")


# A value in quotes followed by more text on the line: a quote inside the text closed it early.
# (Patterns, not compiled regexes: they are needed only after a syntax error.)
_INNER_DOUBLE = r'"(?:[^"\\]|\\.)*"[^\s,\]}#:]'
_INNER_SINGLE = r"'(?:[^']|'')*'[^\s,\]}#:]"
_VALUE = r"^(\s*(?:-\s+)*(?:[\w.]+:\s+)?(?:-\s+)*)(.*?)\s*$"


def _written_text_hint(line: str, context: str, problem: str) -> str | None:
    """What a clerk most likely typed, when the line shows it, with the line rewritten as it should be."""
    prefix, value = re.match(_VALUE, line).groups()
    if "{{" in line and ("flow" in context or "expected key" in problem or "expected ','" in problem):
        inside_list = value.startswith("[")
        if inside_list and value.endswith("]"):
            items = (item.strip() for item in value[1:-1].split(","))
            example = prefix + "[" + ", ".join(i if i[:1] in "\"'" else f'"{i}"' for i in items) + "]"
        else:
            example = f'{prefix}"{value}"'
        where = "trong danh sách `[...]`" if inside_list else "ở đầu giá trị"
        return f"biểu thức `{{{{ ... }}}}` {where} phải nằm trong ngoặc kép, ví dụ `{_shorten(example)}`"
    if value.startswith('"') and re.search(_INNER_DOUBLE, value):
        inner = value[1:-1] if value.endswith('"') else value[1:]
        example = prefix + '"' + inner.replace('\\"', '"').replace('"', '\\"') + '"'
        return (
            "dấu ngoặc kép bên trong đoạn văn làm giá trị kết thúc sớm: viết nó thành `\\\"` "
            f"(hoặc dùng “ ”), ví dụ `{_shorten(example)}`"
        )
    if value.startswith("'") and re.search(_INNER_SINGLE, value):
        inner = value[1:-1] if value.endswith("'") else value[1:]
        example = prefix + "'" + inner.replace("''", "'").replace("'", "''") + "'"
        return f"dấu nháy đơn bên trong đoạn văn làm giá trị kết thúc sớm: viết nó thành `''`, ví dụ `{_shorten(example)}`"
    for mark, what in (("*", "bí danh"), ("&", "neo")):
        if value.startswith(mark) and (mark == "*" and "alias" in context + problem or mark == "&" and "anchor" in context):
            return (
                f"đoạn văn bắt đầu bằng `{mark}` bị YAML đọc là {what}: đặt cả đoạn trong ngoặc kép, "
                f'ví dụ `{_shorten(prefix + chr(34) + value + chr(34))}`'
            )
    if value[:1] in "|>" and "block scalar" in context:
        return f'đoạn văn bắt đầu bằng `{value[0]}` phải đặt trong ngoặc kép, ví dụ `{_shorten(prefix + chr(34) + value + chr(34))}`'
    return None


def _shorten(example: str) -> str:
    example = example.strip()
    return example if len(example) <= 70 else example[:67] + "..."


# A position for nearly every node of a spec: built as the tuple it is, without the named tuple's
# constructor written in Python.
_new_tuple = tuple.__new__


def node_pos(path: str, node: yaml.Node) -> Pos:
    mark = node.start_mark
    return _new_tuple(Pos, (path, mark.line + 1, mark.column + 1))


def _may_be_unsafe(text: str, root: yaml.Node) -> bool:
    """Whether `_unsafe_constructs` could find anything: a cheap look at the text, and the tree's depth.

    Exact, not a guess. A tag is written with `!`, a merge key as `<<`. An alias needs an anchor, and
    an anchor's `&` starts a token: it follows a blank, an indicator, a quote or the start of the file,
    never a letter or digit, after which `&` is part of a word or name (`TB&XH`). Without them, the
    tree shares no node, so only its depth is left to measure.
    """
    if "!" in text or "<<" in text:
        return True
    at = text.find("&")
    while at != -1:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find("&", at + 1)
    return _deeper_than(root, MAX_DEPTH)


def _deeper_than(node: yaml.Node, levels: int) -> bool:
    """Whether a tree that shares no node holds a node more than `levels` deep, `node` being 1 deep.
    Recursive, but never more than `levels` calls deep."""
    if isinstance(node, yaml.ScalarNode) or not node.value:
        return levels < 1
    if levels < 2:
        return True
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) and _deeper_than(item, levels - 1):
                return True
        return False
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) and _deeper_than(key, levels - 1):
            return True
        if not isinstance(value, yaml.ScalarNode) and _deeper_than(value, levels - 1):
            return True
    return False


def _unsafe_constructs(path: str, root: yaml.Node) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            problems.append(
                rules.ALIAS.at(node_pos(path, node), "neo `&` và bí danh `*` không được dùng trong kế hoạch: viết đầy đủ giá trị ở từng chỗ")
            )
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS and node.tag != _MERGE_TAG:
            problems.append(
                rules.FORBIDDEN_TAG.at(node_pos(path, node), f"thẻ `{node.tag.replace('tag:yaml.org,2002:', '!!')}` không được phép: xóa thẻ, chỉ viết giá trị")
            )
            continue
        if depth > MAX_DEPTH:
            problems.append(rules.TOO_DEEP.at(node_pos(path, node), f"lồng nhau quá {MAX_DEPTH} cấp: một kế hoạch không cần sâu như vậy"))
            return problems
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == _MERGE_TAG:
                    problems.append(rules.ALIAS.at(node_pos(path, key), "khóa gộp `<<` không được dùng: viết đầy đủ các khóa"))
                    continue
                stack.append((value, depth + 1))
                stack.append((key, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
    return problems
