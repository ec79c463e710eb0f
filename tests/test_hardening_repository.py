"""The test suite itself: no test depends on today's date, and every skip says why (pytest runs with
`-rs`, so the reason is printed in CI's output)."""

import re
from pathlib import Path

import pytest

TESTS = sorted(Path(__file__).parent.glob("*.py"))
THIS = Path(__file__).name


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_no_test_reads_the_clock(path):
    if path.name == THIS:
        return
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"date\.today\(|datetime\.now\(|datetime\.utcnow\(|time\.localtime\(", text), (
        f"{path.name} reads today's date: pass a fixed year or date instead"
    )


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.name)
def test_every_skip_gives_its_reason(path):
    text = path.read_text(encoding="utf-8")
    for call in re.finditer(r"(?:skipif|pytest\.skip)\((?:[^()]|\([^()]*\))*\)", text):
        assert "reason" in call.group(0) or "pytest.skip(\"" in call.group(0) or "pytest.skip(f\"" in call.group(0), call.group(0)


def test_skip_reasons_are_printed():
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'addopts = ".*-rs', pyproject)
