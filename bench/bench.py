"""Benchmark kehoach: whole-process medians of `check` and `render` beside `python -c "import docxtpl"`,
`check` of the tests' minimal plan beside `python -c "import yaml, click"` (start-up), the cost of
each extra schedule row, and peak memory.

    python bench/bench.py            # about a minute
    python bench/bench.py --quick    # fewer runs

Not part of the test run: timings depend on the machine. The targets are ratios, so they hold on a
noisy one (issue: performance), except start-up's: the minimal plan checked in 100 ms on the
project's 2-core machine, where `import yaml, click` takes about 60 (issue #14).
"""

from __future__ import annotations

import argparse
import ast
import compileall
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = [sys.executable, "-m", "kehoach"]
TIME = shutil.which("time") or "/usr/bin/time"

TARGETS = {
    "render / import docxtpl": 1.6,
    "check / import docxtpl": 1.0,
    "ms check minimal plan": 100,
    "µs per row, whole process": 150,
    "µs per row, rendering alone": 40,
    "MB peak at 10,000 rows": 150,
}


def schedule_yaml(rows: int) -> str:
    """A schedule of `rows` rows on working days, five a week, from a Monday."""
    day = dt.date(2021, 1, 4)
    lines = [
        "title: LỊCH KIỂM TRA, GIÁM SÁT",
        "members: {pho_truong_ban: Phó Trưởng Ban Chỉ đạo huyện, giup_viec: Bộ phận giúp việc, nn: Đại diện Phòng Nông nghiệp}",
        "ignore: [KH-L002]",  # a long schedule crosses holidays; the rule's cost is still paid
        "rows:",
    ]
    written = 0
    while written < rows:
        if day.weekday() < 5:
            lines.append(f"  - {{date: {day.isoformat()}, place: Xã số {written + 1}, members: [pho_truong_ban, giup_viec, nn, Trưởng thôn {written % 9 + 1}]}}")
            written += 1
        day += dt.timedelta(days=1)
    return "\n".join(lines) + "\n"


def minimal_plan() -> str:
    """The tests' minimal plan (MINIMAL_PLAN in tests/conftest.py), read without importing pytest."""
    tree = ast.parse((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    return next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MINIMAL_PLAN" for t in node.targets)
    )


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one whole process."""
    start = time.perf_counter()
    done = subprocess.run([TIME, "-f", "%M", *command], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb / 1024


def median_of(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    results = [run(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def render_alone(path: Path, out: Path, runs: int) -> float:
    """Seconds to render an already checked schedule, in process (import and checking excluded)."""
    sys.path.insert(0, str(ROOT))
    from kehoach.check import check_file
    from kehoach.render.document import render_schedule

    spec = check_file(str(path)).spec
    render_schedule(spec, str(out))  # warm: imports, template
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_schedule(spec, str(out))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    small_runs, large_runs = (3, 1) if args.quick else (9, 3)
    # Where PYTHONDONTWRITEBYTECODE is set, every run would compile every module: time compiled code.
    compileall.compile_dir(ROOT / "kehoach", quiet=1)
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as work:
        work = Path(work)
        shutil.copytree(ROOT / "plans", work / "plans")
        shutil.copytree(ROOT / "schedules", work / "schedules")
        plan = work / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"
        minimal = work / "minimal.yaml"
        minimal.write_text(minimal_plan(), encoding="utf-8")
        sizes = (100, 1000, 10000)
        for rows in sizes:
            (work / f"lich-{rows}.yaml").write_text(schedule_yaml(rows), encoding="utf-8")

        results: dict[str, float] = {}
        baseline, _ = median_of([sys.executable, "-c", "import docxtpl"], work, small_runs)
        python, _ = median_of([sys.executable, "-c", "pass"], work, small_runs)
        check_plan, _ = median_of([*KEHOACH, "check", str(plan)], work, small_runs)
        yaml_click, _ = median_of([sys.executable, "-c", "import yaml, click"], work, small_runs)
        check_minimal, _ = median_of([*KEHOACH, "check", str(minimal)], work, small_runs)
        render_plan, render_peak = median_of([*KEHOACH, "render", str(plan), "-o", str(work / "p.docx")], work, small_runs)
        print(f"python -c pass                {python * 1000:8.1f} ms")
        print(f"python -c 'import docxtpl'    {baseline * 1000:8.1f} ms")
        print(f"python -c 'import yaml, click' {yaml_click * 1000:7.1f} ms")
        print(f"check  minimal plan           {check_minimal * 1000:8.1f} ms   (start-up: {(check_minimal - yaml_click) * 1000:.1f} ms over yaml and click)")
        print(f"check  typical plan           {check_plan * 1000:8.1f} ms   ({check_plan / baseline:.2f} × import docxtpl)")
        print(f"render typical plan           {render_plan * 1000:8.1f} ms   ({render_plan / baseline:.2f} × import docxtpl, {render_peak:.0f} MB)")
        results["render / import docxtpl"] = render_plan / baseline
        results["check / import docxtpl"] = check_plan / baseline
        results["ms check minimal plan"] = check_minimal * 1000

        checks, renders, alone = {}, {}, {}
        for rows in sizes:
            path = work / f"lich-{rows}.yaml"
            runs = large_runs if rows >= 10000 else small_runs
            checks[rows], check_peak = median_of([*KEHOACH, "check", str(path)], work, runs)
            renders[rows], peak = median_of([*KEHOACH, "render", str(path), "-o", str(work / f"l{rows}.docx")], work, runs)
            alone[rows] = render_alone(path, work / f"a{rows}.docx", max(runs, 5))
            print(f"schedule {rows:6d} rows   check {checks[rows] * 1000:8.1f} ms ({check_peak:.0f} MB)   "
                  f"render {renders[rows] * 1000:8.1f} ms ({peak:.0f} MB)   rendering alone {alone[rows] * 1000:8.1f} ms")
            if rows == 10000:
                results["MB peak at 10,000 rows"] = max(peak, check_peak)
        span = sizes[-1] - sizes[0]
        per_row = (renders[sizes[-1]] - renders[sizes[0]]) / span * 1e6
        per_row_check = (checks[sizes[-1]] - checks[sizes[0]]) / span * 1e6
        per_row_alone = (alone[sizes[-1]] - alone[sizes[0]]) / span * 1e6
        linear = (alone[10000] - alone[1000]) / (alone[1000] - alone[100]) if alone[1000] > alone[100] else float("nan")
        print(f"per extra row: render {per_row:.1f} µs, check {per_row_check:.1f} µs (whole process); "
              f"rendering alone {per_row_alone:.1f} µs; 1k→10k over 100→1k: {linear:.1f} (10 is linear)")
        results["µs per row, whole process"] = per_row
        results["µs per row, rendering alone"] = per_row_alone

    print("\ntarget                          measured   limit")
    failed = 0
    for name, limit in TARGETS.items():
        value = results[name]
        ok = value <= limit
        failed += not ok
        print(f"{name:30s} {value:9.2f}   {limit:5g}  {'ok' if ok else 'OVER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
