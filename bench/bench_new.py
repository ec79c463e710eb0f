"""Benchmark `kehoach new` beside `kehoach check` of the same plan: the goal is `new` ≤ 2 × `check`,
linear in the size of the plan and its schedules (issue: performance at scale).

    python bench/bench_new.py            # about three minutes
    python bench/bench_new.py --quick    # one run each

Each case is a whole process, timed as the median of several runs: wall time, and the processor
time of the process (user + system), which other work on a shared machine disturbs less. The cases:
the typical plan (8 schedule rows), schedules of 2,000, 20,000 and 50,000 rows, 8,000 timeline phases with
literal dates, and 8,000 dates written in one paragraph (each listed for review).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import schedule_yaml

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = [sys.executable, "-m", "kehoach"]
TYPICAL = "2021-ngoc-hoi-kiem-tra.yaml"
LIMIT = 2.0


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and processor seconds of one whole process."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def median(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    results = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def cases(work: Path) -> dict[str, Path]:
    """Plans under work/plans, each with what makes it large."""
    shutil.copytree(ROOT / "plans", work / "plans")
    shutil.copytree(ROOT / "schedules", work / "schedules")
    typical = (work / "plans" / TYPICAL).read_text(encoding="utf-8")
    found = {"typical plan (8 rows)": work / "plans" / TYPICAL}
    for rows in (2000, 20000, 50000):
        (work / "schedules" / f"2021-lich-{rows}.yaml").write_text(schedule_yaml(rows), encoding="utf-8")
        plan = work / "plans" / f"2021-rows-{rows}.yaml"
        plan.write_text(typical.replace("2021-ngoc-hoi-lich-kiem-tra.yaml", f"2021-lich-{rows}.yaml"), encoding="utf-8")
        found[f"schedule of {rows:,} rows"] = plan
    start = dt.date(2021, 11, 8)
    phases = "".join(
        f"      - {{on: {start + dt.timedelta(days=i % 8)}, task: Việc {i}.}}\n" for i in range(8000)
    )
    plan = work / "plans" / "2021-phases.yaml"
    plan.write_text(typical.replace("sections:\n", "sections:\n  - title: TIẾN ĐỘ\n    timeline:\n" + phases, 1), encoding="utf-8")
    found["8,000 dated phases"] = plan
    dates = ", ".join(f"ngày {1 + i % 28:02d}/{1 + i % 12:02d}/{2010 + i % 10}" for i in range(8000))
    plan = work / "plans" / "2021-paragraph.yaml"
    plan.write_text(typical.replace("sections:\n", f'sections:\n  - title: MỐC\n    text: "Các mốc: {dates}."\n', 1), encoding="utf-8")
    found["8,000 dates in one paragraph"] = plan
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-new-") as work:
        work = Path(work)
        measured = {}
        print(f"{'case':32s} {'check':>16s} {'new':>16s}   new/check (wall, cpu)")
        for name, plan in cases(work).items():
            runs = 1 if args.quick else (3 if "0,000" in name else 5)
            check = median([*KEHOACH, "check", str(plan)], work, runs)
            new = median([*KEHOACH, "new", "--from", str(plan), "--year", "2022", "--force"], work, runs)
            measured[name] = (check, new)
            ratio = new[1] / check[1]
            failed += ratio > LIMIT
            print(f"{name:32s} {check[0]:6.2f} s {check[1]:5.2f} s {new[0]:6.2f} s {new[1]:5.2f} s   "
                  f"{new[0] / check[0]:.2f}, {ratio:.2f}  {'ok' if ratio <= LIMIT else 'OVER'}")
        small, large = measured["schedule of 2,000 rows"], measured["schedule of 50,000 rows"]
        per_row = [(large[i][1] - small[i][1]) / 48000 * 1e6 for i in (0, 1)]
        print(f"\nprocessor time per extra schedule row: check {per_row[0]:.0f} µs, new {per_row[1]:.0f} µs "
              f"(new/check {per_row[1] / per_row[0]:.2f}; limit {LIMIT})")
        failed += per_row[1] / per_row[0] > LIMIT
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
