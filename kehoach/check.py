"""Check files: load each, run every rule, leave out the codes the user chose to accept — except the
errors after which the plan is incomplete, which no `ignore` silences."""

from __future__ import annotations

from typing import NamedTuple

from kehoach.checks import dates, period, places, references, schedule, shape, tables  # noqa: F401  (importing registers the rules)
from kehoach.diagnostics import Diagnostic, ordered
from kehoach.rules import RULES, every_rule, known, on_demand  # noqa: F401  (every_rule: for `kehoach rules`)
from kehoach.spec.load import load
from kehoach.spec.model import Plan, Spec


class Checked(NamedTuple):  # a named tuple: a dataclass costs every `check` half a millisecond to build
    spec: Spec | None
    diagnostics: list[Diagnostic]

    @property
    def complete(self) -> bool:
        """The spec was read whole: no problem left a value out of the model. Rendering needs this."""
        return self.spec is not None and not any(d.fatal or not ignorable(d.code) for d in self.diagnostics)


# The layout rules read a Word document only (kehoach.importer.check imports them to check one).
on_demand("KH-N", "kehoach.checks.layout")


def ignorable(code: str) -> bool:
    rule = known(code)
    return rule is None or rule.ignorable


def run_rules(spec: Spec) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in list(RULES.values()):  # a rule asking for a code may register more (those on demand)
        if rule.function is not None:
            found.extend(rule.run(spec))
    return found


def check_file(path: str, ignore: tuple[str, ...] = ()) -> Checked:
    loaded = load(path)
    diagnostics = list(loaded.diagnostics)
    spec = loaded.spec
    if spec is not None:
        diagnostics += run_rules(spec)
    diagnostics += _not_ignored(diagnostics, ignore)
    return Checked(spec, ordered(_accepted(spec, diagnostics, ignore)))


def _not_ignored(diagnostics: list[Diagnostic], ignore: tuple[str, ...]) -> list[Diagnostic]:
    """Say so where `--ignore` named a code that cannot be ignored and the file has it."""
    wanted = {code for code in ignore if not ignorable(code)}
    first: dict[str, Diagnostic] = {}
    for d in diagnostics:
        if d.code in wanted and d.code not in first:
            first[d.code] = d
    return [shape.unignorable_codes.at(d.pos, shape.not_ignorable(d.code, "--ignore")) for d in first.values()]


def _accepted(spec: Spec | None, diagnostics: list[Diagnostic], ignore: tuple[str, ...]) -> list[Diagnostic]:
    """Leave out ignored codes: the command line's everywhere, a spec's own in its file
    (a plan's `ignore` also covers the schedules it includes)."""
    everywhere = set(ignore)
    per_file: dict[str, set[str]] = {}
    if spec is not None:
        per_file[spec.file] = {t.value for t in spec.ignore}
        if isinstance(spec, Plan):
            for included in spec.schedules:
                per_file[included.file] = {t.value for t in included.ignore} | per_file[spec.file]
    return [
        d for d in diagnostics
        if d.fatal
        or not ignorable(d.code)
        or (d.code not in everywhere and d.code not in per_file.get(d.pos.file, ()))
    ]
