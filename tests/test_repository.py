"""The repository keeps its promises: examples check clean, CI runs the README's test command."""

import re
from pathlib import Path

import pytest

from kehoach.check import check_file
from kehoach.diagnostics import Severity

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "plans").glob("*.yaml")) + sorted((ROOT / "schedules").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_checks_without_errors(path):
    errors = [d.as_text() for d in check_file(str(path)).diagnostics if d.severity is Severity.ERROR]
    assert errors == []


def test_ci_runs_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_rule_is_exercised_by_a_test():
    from kehoach.check import every_rule

    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    assert [code for code in sorted(every_rule()) if code not in tests] == []


def test_the_contract_in_docs_names_every_key_the_loader_reads():
    """docs/plan-format.md is the contract a fresh clone carries: a key the loader reads and the page
    does not name is a key no clerk can learn about."""
    from kehoach.spec import load, schema

    contract = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    declared = {
        key
        for value in vars(load).values() if isinstance(value, schema.Declaration)
        for key in value.options
    }
    # Named as `key`, as `organ.key`, or written in an example as `key: ...`.
    named = [key for key in declared if any(form in contract for form in (f"`{key}", f".{key}`", f"{key}:"))]
    assert declared and sorted(declared - set(named)) == []
