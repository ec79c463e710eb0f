"""Evaluate the Jinja expressions in text values, so text follows the plan from year to year.

Sandboxed (a spec can reach no Python object or file), strict about undefined
names, and bounded (`{{ "x" * 10**9 }}` is refused rather than run). Jinja is
imported only when some value actually holds an expression: most checks never
pay for it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kehoach import vnformat
from kehoach.vnformat import nfc
from kehoach import rules
from kehoach.diagnostics import Diagnostic

MAX_RESULT = 100_000


class WindowValue(dict):
    """`{{ window }}` prints the period; `window.from` and `window.to` are its dates."""

    def __str__(self) -> str:
        return vnformat.khoang(self["from"], self["to"])


def _date_filter(function):
    def apply(value):
        if isinstance(value, dt.date):
            return function(value)
        raise TypeError(f"bộ lọc này cần một ngày, không phải `{value}`")

    return apply


FILTERS = {
    "ngay": _date_filter(vnformat.ngay),
    "ngay_dai": _date_filter(vnformat.ngay_dai),
    "thu": _date_filter(vnformat.thu),
    "so": vnformat.so,
}


# Jinja's own filters a plan may use: each costs time and space linear in its input. The others
# (`center`, `format`, `indent`, `replace`, `join`, ...) can turn a short expression into gigabytes.
_JINJA_FILTERS = ("capitalize", "upper", "lower", "title", "trim", "default", "d", "string", "int", "abs", "round", "length")
# Bounds of the arithmetic: a plan counts years, days and amounts.
MAX_BITS = 4096
MAX_EXPONENT = 64


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedEnvironment(ImmutableSandboxedEnvironment):
        # Intercepted operators are also never folded at compile time (jinja2.nodes.BinExpr.as_const),
        # so `{{ "x" * 10**9 }}` written with constants is stopped here too.
        intercepted_binops = frozenset(["*", "**", "%"])

        def call_binop(self, context, operator, left, right):
            _bounded(operator, left, right)
            return super().call_binop(context, operator, left, right)

    env = BoundedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    # A plan needs none of Jinja's globals, and lipsum() could produce unbounded text.
    env.globals.clear()
    kept = {name: env.filters[name] for name in _JINJA_FILTERS}
    env.filters.clear()
    env.filters.update(kept)
    env.filters.update(FILTERS)
    return env


def _bounded(operator: str, left, right) -> None:
    """Refuse an operation whose result would be too large to be part of a plan."""
    from jinja2.sandbox import SecurityError

    numbers = type(left) is int and type(right) is int
    if operator == "**" and numbers and (abs(right) > MAX_EXPONENT or left.bit_length() * abs(right) > MAX_BITS):
        raise SecurityError("số quá lớn")
    if operator == "*":
        if numbers and left.bit_length() + right.bit_length() > MAX_BITS:
            raise SecurityError("số quá lớn")
        if isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple)):
            raise SecurityError("lặp chuỗi")
    if operator == "%" and isinstance(left, str):
        raise SecurityError("định dạng chuỗi")


# What a text value's expression may be made of: names, constants, arithmetic, comparisons, filters
# and `{% if %}`. Loops, macros, assignments and calls are how a short expression runs for hours.
_ALLOWED_NODES = frozenset((
    "Template", "Output", "TemplateData", "If", "Name", "Const", "Getattr", "Getitem", "Slice",
    "Filter", "Test", "Add", "Sub", "Mul", "Div", "FloorDiv", "Mod", "Pow", "Neg", "Pos", "Not",
    "And", "Or", "Concat", "Compare", "Operand", "CondExpr", "Tuple", "List", "Dict", "Pair", "Keyword",
))
_REFUSED_NAMES = {
    "For": "vòng lặp `{% for %}`", "Macro": "`{% macro %}`", "CallBlock": "`{% call %}`",
    "Assign": "`{% set %}`", "AssignBlock": "`{% set %}`", "FilterBlock": "`{% filter %}`",
    "With": "`{% with %}`", "Call": "lời gọi hàm `(...)`",
}


class Refused(Exception):
    """A construct a text value may not use; `str()` says which, in Vietnamese."""


def _compile(source: str, variables: dict):
    from jinja2 import UndefinedError

    try:
        return _template(source)
    except _Called as called:
        if called.name not in variables:  # `lipsum(...)`: the name is what is wrong, as Jinja would say it
            raise UndefinedError(f"'{called.name}' is undefined") from None
        raise Refused(_REFUSED_NAMES["Call"]) from None


class _Called(Exception):
    def __init__(self, name: str):
        self.name = name


@lru_cache(maxsize=1024)
def _template(source: str):
    """The template of a text whose every construct is allowed; compiled once per distinct text
    (a schedule repeats the same expressions row after row)."""
    env = _environment()
    tree = env.parse(source)
    for node in tree.find_all(object):  # every node of the tree
        kind = type(node).__name__
        if kind not in _ALLOWED_NODES:
            called = getattr(node, "node", None) if kind == "Call" else None
            if type(called).__name__ == "Name":
                raise _Called(called.name)
            raise Refused(_REFUSED_NAMES.get(kind, f"`{kind}`"))
    return env.from_string(tree)


# What nearly every plan writes: `{{ year }}`, `{{ year + 1 }}`, `{{ window | capitalize }}`,
# `{{ window.from | ngay }}`. Evaluated directly, exactly as Jinja would, so that checking a plan
# does not pay for importing Jinja; anything else (and every error) goes to the sandbox. A pattern,
# compiled (and cached by `re`) when a text first holds an expression.
_SIMPLE = (
    r"\{\{\s*(?P<name>[a-z_]+)(?:\.(?P<attr>from|to))?\s*(?:(?P<op>[+-])\s*(?P<n>\d{1,4}))?"
    r"\s*(?:\|\s*(?P<filter>[a-z_]+))?\s*\}\}"
)
_PLAIN_FILTERS = {"capitalize": str.capitalize, "upper": str.upper, "lower": str.lower}


def _direct(source: str, variables: dict) -> str | None:
    """The value of a text whose expressions are all simple; None when Jinja must decide."""
    if "{%" in source or "{#" in source or source.count("{{") != len(re.findall(_SIMPLE, source)):
        return None
    failed = False

    def value(match: re.Match) -> str:
        nonlocal failed
        name, attr, op, n, filter_name = match.group("name", "attr", "op", "n", "filter")
        item = variables.get(name)
        if item is None or (attr and not isinstance(item, WindowValue)):
            failed = True
            return ""
        if attr:
            item = item[attr]
        if op:
            if type(item) is not int:
                failed = True
                return ""
            item = item + int(n) if op == "+" else item - int(n)
        if filter_name in _PLAIN_FILTERS:
            return _PLAIN_FILTERS[filter_name](str(item))
        if filter_name:
            wanted = int if filter_name == "so" else dt.date
            if filter_name not in FILTERS or not isinstance(item, wanted):
                failed = True
                return ""
            return FILTERS[filter_name](item)
        return str(item)

    result = re.sub(_SIMPLE, value, source)
    return None if failed else result


def may_hold_expressions(file_text: str) -> bool:
    """Whether a value read from a file can hold an expression: only where the file writes `{{` or
    `{%`, or a `\\` escape that could make one. (Folding lines leaves a blank or a line break between
    them, so it never joins two braces.) A schedule of ten thousand rows without one is not walked."""
    return "{{" in file_text or "{%" in file_text or "\\" in file_text


def evaluate(texts, variables: dict, unreadable: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Set `value` of every templated Text; a problem is a diagnostic at the value's start.
    `unreadable`: names the spec gives but whose value could not be read — their own diagnostic
    already says what is wrong, so a text using them is not reported as missing them."""
    problems: list[Diagnostic] = []
    for text in texts:
        source = text.source
        # Text.templated without a call: a one-character search first, several times cheaper in
        # Vietnamese text than looking for `{{` (which Python widens to the text's width first).
        if "{" not in source or ("{{" not in source and "{%" not in source):
            continue
        try:
            result = _direct(source, variables)
            if result is None:
                result = _compile(text.source, variables).render(variables)
        except Exception as error:  # any failure of user code in the sandbox is the user's to fix
            if _undefined_name(error) not in unreadable:
                problems.append(rules.TEMPLATE.at(text.pos, _explain(error, variables)))
            continue
        if len(result) > MAX_RESULT:
            problems.append(rules.TEMPLATE.at(text.pos, "biểu thức cho ra văn bản quá dài"))
            continue
        text.value = nfc(result)
    return problems


WHY_ABSENT = {
    "year": "kế hoạch cần `year` hoặc `date`; một lịch lấy năm theo `window` của nó",
    "window": "thêm `window: {from: ..., to: ...}` vào kế hoạch (hoặc vào lịch)",
    "number": "bản dự thảo chưa có `number`; thêm số khi văn bản được cấp số",
    "date": "bản dự thảo chưa có `date`; thêm ngày ký khi văn bản được ký",
    "month": "thêm `month` (tháng của bản dự thảo)",
    "place": "thêm `place`",
}


_TOO_LARGE = {
    "số quá lớn": "số quá lớn",
    "lặp chuỗi": "nhân một chuỗi hay danh sách với một số",
    "định dạng chuỗi": "định dạng chuỗi bằng `%`",
}


def _undefined_name(error: Exception) -> str | None:
    """The name an expression used that has no value (`window` in `{{ window }}`), if that is the error."""
    from jinja2 import UndefinedError

    message = str(error)
    if not isinstance(error, UndefinedError) or "has no attribute" in message or message.count("'") < 2:
        return None
    return message.split("'")[1]


def _explain(error: Exception, variables: dict) -> str:
    import difflib
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    if isinstance(error, UndefinedError):
        name = _undefined_name(error)
        if name:
            if name in WHY_ABSENT:
                return f"`{name}` chưa có giá trị ở đây: {WHY_ABSENT[name]}"
            close = difflib.get_close_matches(name, list(variables) + list(FILTERS), n=1)
            hint = f"có phải `{close[0]}`?" if close else "các tên dùng được: " + ", ".join(f"`{v}`" for v in variables)
            return f"không có tên `{name}` trong biểu thức: {hint}"
        return "biểu thức dùng một thuộc tính không có: chỉ dùng `year`, `number`, `date`, `window`, `window.from`, `window.to`"
    if isinstance(error, Refused):
        return f"biểu thức bị chặn vì không an toàn: văn bản không được dùng {error}; chỉ dùng tên, số, phép tính, bộ lọc và `{{% if %}}`"
    if isinstance(error, SecurityError) and str(error) in _TOO_LARGE:
        return f"biểu thức bị chặn vì không an toàn: kết quả quá lớn ({_TOO_LARGE[str(error)]}); viết thẳng giá trị cần in"
    if isinstance(error, SecurityError):
        return "biểu thức bị chặn vì không an toàn: chỉ dùng tên và bộ lọc của kế hoạch"
    if isinstance(error, TemplateSyntaxError) and "No filter named" in error.message:
        name = error.message.split("'")[1]
        usable = list(FILTERS) + [f for f in _JINJA_FILTERS if f != "d"]
        close = difflib.get_close_matches(name, usable, n=1)
        hint = f"có phải `{close[0]}`?" if close else "các bộ lọc dùng được: " + ", ".join(f"`{f}`" for f in usable)
        return f"không có bộ lọc `{name}`: {hint}"
    if isinstance(error, TemplateSyntaxError):
        return "biểu thức viết sai: kiểm tra cặp `{{ ... }}` (hay `{% if %}...{% endif %}`), dấu ngoặc và tên bộ lọc"
    if isinstance(error, TypeError) and "bộ lọc" in str(error):
        return str(error)
    if isinstance(error, ZeroDivisionError):
        return "biểu thức chia cho 0: sửa phép tính"
    if isinstance(error, TypeError):
        return "biểu thức tính trên hai giá trị không hợp nhau (ví dụ cộng chữ với số, hay ngày với số): sửa phép tính"
    return "biểu thức không tính được (số quá lớn, hay lồng nhau quá sâu): viết thẳng giá trị cần in"


def variables_for(year: int | None, number: int | None, date, month: int | None, place: str | None, window) -> dict:
    """The names a text value may use. Absent values are left out so that using them is a clear error."""
    names: dict = {}
    if year is not None:
        names["year"] = year
    if number is not None:
        names["number"] = f"{number:02d}"
    if date is not None:
        names["date"] = date
    if month is not None:
        names["month"] = month
    if place is not None:
        names["place"] = place
    if window is not None:
        names["window"] = WindowValue({"from": window.start.value, "to": window.end.value})
    return names

