"""The registry of rules: a stable code, a default severity and a one-line summary for each.

The bottom of the package: it imports only diagnostics, so the loader, the checks and the importers
can all name a rule.

Two kinds of rule share it. Rules found while reading a file (shape, YAML) are
*declared* and raised by the loader with `Rule.at`. Rules that look at a loaded
spec are *checks*: functions that yield `(pos, message)` pairs, registered
with `@check(code, severity)`; their docstring's first line is the summary.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Iterable, Iterator, NamedTuple

from kehoach.diagnostics import Diagnostic, Pos, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Finding = tuple[Pos, str]
CheckFunction = Callable[[object], Iterable[Finding]]


class Rule(NamedTuple):  # a named tuple: a dataclass costs every command half a millisecond to build
    code: str
    severity: Severity
    summary: str
    # A rule that means the file could not be read at all: exit code 2.
    fatal: bool = False
    function: CheckFunction | None = None
    # The kind of spec the rule looks at (a Plan, say); None: any.
    applies_to: type | None = None
    # False for the errors after which the model is incomplete (a missing key, a value of the wrong
    # type, a schedule that could not be read): `ignore` cannot silence them, so rendering only ever
    # receives a complete plan.
    ignorable: bool = True

    def at(self, pos: Pos, message: str) -> Diagnostic:
        return Diagnostic(pos, self.severity, self.code, message, self.fatal)

    def run(self, subject) -> Iterator[Diagnostic]:
        assert self.function is not None, f"{self.code} is raised by the loader"
        if self.applies_to is not None and not isinstance(subject, self.applies_to):
            return
        for pos, message in self.function(subject):
            yield self.at(pos, message)


RULES: dict[str, Rule] = {}

# Families of rules that look at one kind of input only (the layout of a Word document): their module,
# named by the layer that runs the rules, is imported when such an input is read or when a code of
# the family is asked for, so the other commands know their codes without paying for their import.
_ON_DEMAND: dict[str, str] = {}  # code prefix → module


def on_demand(prefix: str, module: str) -> None:
    _ON_DEMAND[prefix] = module


def known(code: str) -> Rule | None:
    """The rule of a code, its family's module imported if it is registered on demand."""
    if code not in RULES:
        for prefix, module in _ON_DEMAND.items():
            if code.startswith(prefix):
                import_module(module)
    return RULES.get(code)


def every_rule() -> dict[str, Rule]:
    for module in _ON_DEMAND.values():
        import_module(module)
    return RULES


def _register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} is defined twice")
    RULES[rule.code] = rule
    return rule


def declare(code: str, severity: Severity, summary: str, *, fatal: bool = False, ignorable: bool = True) -> Rule:
    return _register(Rule(code, severity, summary, fatal, ignorable=ignorable and not fatal))


def check(code: str, severity: Severity, applies_to: type | None = None, *, ignorable: bool = True) -> Callable[[CheckFunction], Rule]:
    def wrap(function: CheckFunction) -> Rule:
        summary = (function.__doc__ or "").strip().splitlines()[0]
        return _register(Rule(code, severity, summary, function=function, applies_to=applies_to, ignorable=ignorable))

    return wrap


# -- rules raised while reading a file (by the loader and the importers) -----------------

# The file could not be read at all: exit code 2.
CANNOT_OPEN = declare("KH-F001", ERROR, "Không mở được tệp.", fatal=True)
NOT_TEXT = declare("KH-F002", ERROR, "Tệp không phải văn bản UTF-8.", fatal=True)
YAML_SYNTAX = declare("KH-F003", ERROR, "YAML sai cú pháp.", fatal=True)
TAB_INDENT = declare("KH-F004", ERROR, "Thụt lề bằng phím Tab.", fatal=True)
TOO_LARGE = declare("KH-F005", ERROR, "Tệp quá lớn.", fatal=True)

# The file is YAML but not a valid spec: exit code 1. Those marked `ignorable=False` leave a value
# out of the model.
NOT_A_SPEC = declare("KH-S001", ERROR, "Tệp rỗng hoặc không phải một kế hoạch hay lịch.", ignorable=False)
UNKNOWN_KEY = declare("KH-S002", ERROR, "Khóa không có trong định dạng.")
MISSING_KEY = declare("KH-S003", ERROR, "Thiếu khóa bắt buộc.", ignorable=False)
WRONG_TYPE = declare("KH-S004", ERROR, "Giá trị sai kiểu.", ignorable=False)
UNQUOTED_TEXT = declare("KH-S005", ERROR, "Đoạn văn không đặt trong ngoặc kép bị YAML đọc thành danh sách hay cặp khóa.", ignorable=False)
BAD_DATE = declare("KH-S006", ERROR, "Ngày sai dạng hoặc không có thật.", ignorable=False)
DUPLICATE_KEY = declare("KH-S007", ERROR, "Một khóa viết hai lần.")
ALIAS = declare("KH-S008", ERROR, "Neo, bí danh hoặc khóa gộp của YAML.", ignorable=False)
TOO_DEEP = declare("KH-S009", ERROR, "Lồng nhau quá sâu.", ignorable=False)
FORBIDDEN_TAG = declare("KH-S010", ERROR, "Thẻ YAML không được phép.", ignorable=False)
BAD_SCHEDULE_REF = declare("KH-S011", ERROR, "Tệp lịch được nêu không đọc được hoặc không phải lịch.", ignorable=False)
BAD_VALUE = declare("KH-S012", ERROR, "Giá trị không thuộc các giá trị cho phép.", ignorable=False)
TEMPLATE = declare("KH-T001", ERROR, "Biểu thức {{ ... }} trong văn bản không tính được.", ignorable=False)
COMMENT_IN_TEXT = declare("KH-S018", WARNING, "Dấu ` #` trong đoạn văn không đặt trong ngoặc kép: YAML bỏ phần sau nó.")

# Raised while importing a Word or Excel file (kehoach/importer).
IMPORT_UNSURE = declare("KH-I001", INFO, "Phần của văn bản Word chưa xếp chắc chắn được vào kế hoạch: xem lại.")
IMPORT_OBJECT = declare("KH-I002", INFO, "Hình ảnh hoặc hộp văn bản trong tệp Word: kehoach không đọc nội dung của nó.")
IMPORT_TRACKED = declare("KH-I003", INFO, "Tệp Word còn thay đổi được theo dõi: đọc như khi in (giữ phần thêm, bỏ phần xóa).")
IMPORT_NOT_A_PLAN = declare("KH-I004", ERROR, "Tệp Word hoặc Excel không có phần đầu của văn bản hay bảng lịch.", ignorable=False)
IMPORT_WEEKDAY = declare("KH-I005", WARNING, "Ô lịch ghi một thứ khác với thứ của ngày ghi cùng ô.")
