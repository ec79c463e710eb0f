"""The registry of rules: a stable code, a default severity and a one-line summary for each.

Two kinds of rule share it. Rules found while reading a file (shape, YAML) are
*declared* and raised by the loader with `Rule.at`. Rules that look at a loaded
spec are *checks*: functions that yield `(pos, message)` pairs, registered
with `@check(code, severity)`; their docstring's first line is the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from kehoach.diagnostics import Diagnostic, Pos, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Finding = tuple[Pos, str]
CheckFunction = Callable[[object], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    # A rule that means the file could not be read at all: exit code 2.
    fatal: bool = False
    function: CheckFunction | None = None
    # The kind of spec the rule looks at (a Plan, say); None: any.
    applies_to: type | None = None

    def at(self, pos: Pos, message: str) -> Diagnostic:
        return Diagnostic(pos, self.severity, self.code, message, self.fatal)

    def run(self, subject) -> Iterator[Diagnostic]:
        assert self.function is not None, f"{self.code} is raised by the loader"
        if self.applies_to is not None and not isinstance(subject, self.applies_to):
            return
        for pos, message in self.function(subject):
            yield self.at(pos, message)


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} is defined twice")
    RULES[rule.code] = rule
    return rule


def declare(code: str, severity: Severity, summary: str, *, fatal: bool = False) -> Rule:
    return _register(Rule(code, severity, summary, fatal))


def check(code: str, severity: Severity, applies_to: type | None = None) -> Callable[[CheckFunction], Rule]:
    def wrap(function: CheckFunction) -> Rule:
        summary = (function.__doc__ or "").strip().splitlines()[0]
        return _register(Rule(code, severity, summary, function=function, applies_to=applies_to))

    return wrap
