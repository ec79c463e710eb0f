"""The test suite itself: no test depends on today's date, and every skip says why (pytest runs with
`-rs`, so the reason is printed in CI's output)."""

import re
from pathlib import Path

import pytest

TESTS = sorted(Path(__file__).parent.glob("*.py"))
THIS = Path(__file__).name


# Today's date or year (a timestamp compared with the moment of the test is not a date dependence).
CLOCK = re.compile(r"date\.today\(|now\([^)]*\)\s*\.\s*(?:year|date\(\))|time\.localtime\(")


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_no_test_reads_the_clock_without_saying_why(path):
    """A test that reads today's date gives a different answer next year; the rare one that means to
    (a table must reach beyond today) says so in a comment inside the same test."""
    if path.name == THIS:
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if not CLOCK.search(line):
            continue
        start = max(i for i in range(number + 1) if lines[i].lstrip().startswith("def ") or i == 0)
        said = any("#" in before for before in lines[start:number + 1])
        assert said, f"{path.name}:{number + 1} reads today's date: pass a fixed year or date, or say why in a comment"


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_every_skip_gives_its_reason(path):
    text = path.read_text(encoding="utf-8")
    for call in re.finditer(r"(?:skipif|pytest\.skip)\((?:[^()]|\([^()]*\))*\)", text):
        assert "reason" in call.group(0) or "pytest.skip(\"" in call.group(0) or "pytest.skip(f\"" in call.group(0), call.group(0)


def test_skip_reasons_are_printed():
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'addopts = ".*-rs', pyproject)
