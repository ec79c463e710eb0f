"""Property: no mutation of a real spec makes `check` (or `render` of what checks clean) crash or hang.

The example plans and their schedule are mutated the way hands and editors damage YAML — lines
deleted, doubled or swapped, and characters YAML or Jinja give a meaning to typed anywhere — and each
result is checked; a result that checks without errors is rendered. Derandomized and bounded, so it
runs the same examples in CI every time.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.check import check_file
from kehoach.diagnostics import Severity
from kehoach.render.job import render_files

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted((ROOT / "plans").glob("*.yaml")) + sorted((ROOT / "schedules").glob("*.yaml"))
TEXTS = {path: path.read_text(encoding="utf-8").splitlines(keepends=True) for path in SPECS}

HOSTILE = [
    '"', "'", ": ", " #", "#1", "{{", "}}", "{{ year }}", "{{ window.from | so }}", "{{ 7 ** 99999 }}",
    '{{ "x" * 999999999 }}', "{% for a in 'x' * 9999 %}{{ a }}{% endfor %}", "*", "&a ", "*a", "\t",
    "- ", "[", "]", "{", "}", ", ", "|", ">", "!!python/object:os.system ", "<<: ", "%", "@", "`",
    "9" * 40, "2021-02-30", "2021-13-01", "9999-12-31", "0001-01-01", "2023-10-2", "08/11/2021",
    "²", "٣", "\u00a0", "\u200b", "~", "null", "true", "[^x]", "./.", "Thông tư 17/TT-BLĐTBH",
    "ngày 31/02/2021", "1/" + "A-" * 40, "\\", "\r",
]

deletion = st.tuples(st.just("delete"), st.integers(0, 10_000))
duplication = st.tuples(st.just("duplicate"), st.integers(0, 10_000))
swap = st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000))
insertion = st.tuples(st.just("insert"), st.integers(0, 10_000), st.integers(0, 200), st.sampled_from(HOSTILE))
mutations = st.lists(st.one_of(deletion, duplication, swap, insertion), min_size=1, max_size=4)


def mutate(lines: list[str], edits) -> str:
    lines = list(lines)
    for edit in edits:
        if not lines:
            break
        kind, at = edit[0], edit[1] % len(lines)
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = edit[2] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        else:
            line = lines[at]
            column = edit[2] % (len(line) + 1)
            lines[at] = line[:column] + edit[3] + line[column:]
    return "".join(lines)


@settings(
    max_examples=250,
    derandomize=True,
    database=None,
    deadline=10_000,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(spec=st.sampled_from(SPECS), edits=mutations, schedule_edits=st.one_of(st.none(), mutations))
def test_no_mutation_crashes_check_or_render(spec, edits, schedule_edits):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for kind in ("plans", "schedules"):
            shutil.copytree(ROOT / kind, work / kind)
        target = work / spec.parent.name / spec.name
        target.write_text(mutate(TEXTS[spec], edits), encoding="utf-8")
        if schedule_edits is not None:  # a plan's included schedule damaged too
            schedule = SPECS[-1]
            (work / "schedules" / schedule.name).write_text(mutate(TEXTS[schedule], schedule_edits), encoding="utf-8")

        checked = check_file(str(target))
        for d in checked.diagnostics:
            assert d.message and d.code and d.pos.line >= 1
        if checked.spec is not None and not any(d.severity is Severity.ERROR for d in checked.diagnostics):
            assert checked.complete
            out = work / "out.docx"
            done = render_files([str(target)], str(out), pdf=False, template=None, ignore=())
            assert not done.blocked and out.stat().st_size > 0


def test_the_fuzz_has_its_inputs():
    # Without the example specs the property above would test nothing.
    assert len(SPECS) >= 6
