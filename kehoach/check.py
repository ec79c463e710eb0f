"""Check a file: load it, run every rule, leave out the codes the user chose to accept."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.checks import dates, layout, references, schedule, shape  # noqa: F401  (importing registers the rules)
from kehoach.rules import RULES
from kehoach.diagnostics import Diagnostic, ordered
from kehoach.spec.load import load
from kehoach.spec.model import Plan, Spec


@dataclass
class Checked:
    spec: Spec | None
    diagnostics: list[Diagnostic]


def run_rules(spec: Spec) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in RULES.values():
        if rule.function is not None:
            found.extend(rule.run(spec))
    return found


def check_file(path: str, ignore: tuple[str, ...] = ()) -> Checked:
    loaded = load(path)
    diagnostics = list(loaded.diagnostics)
    spec = loaded.spec
    if spec is not None:
        diagnostics += run_rules(spec)
    return Checked(spec, ordered(_accepted(spec, diagnostics, ignore)))


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
        if d.fatal or (d.code not in everywhere and d.code not in per_file.get(d.pos.file, ()))
    ]
