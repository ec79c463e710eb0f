"""Benchmark finding legal references: linear in the text's size, whatever its shape.

    python bench/bench_refs.py            # about a minute
    python bench/bench_refs.py --quick    # fewer runs

Each line is a ratio that linear code keeps near its input's ratio (2× the text, 2× the time), so
the verdict holds on a noisy machine:

- `refs` on running text of 1, 2 and 4 MB (seed plans, laws named without a number among them), and
  on 10,000 references beside 20,000 laws named without a number against half as many (this was
  quadratic: 2.3 s, 9.9 s, 33.8 s for 2,500, 5,000, 10,000; now 0.4 s, 0.7 s, 1.2 s);
- 2,000 references in one paragraph against 2,000 spread over paragraphs (`kehoach check`, whole process);
- a 7 MB symbol `1/A-A-A-…`: time and peak memory of `kehoach refs` (a backtracking regex once took 1.4 GB);
- the references of a plan with a 20,000-row schedule: rows are places and people, not citations,
  so they cost nothing here;
- the other scans of running text (dates, weekdays, place names) on 1 and 4 MB, and on words that
  announce a date with none after them.

Not part of the test run: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.refs.extract import find  # noqa: E402

KEHOACH = [sys.executable, "-m", "kehoach"]
TIME = shutil.which("time") or "/usr/bin/time"
SEEDS = ROOT.parent / "shared" / "seeds"

SENTENCE = ("Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định chuẩn nghèo đa chiều; "
            "theo Luật ngân sách nhà nước và Luật Tổ chức chính quyền địa phương; ")


def running_text(size: int) -> str:
    """About `size` characters of real plan text (the seeds), with laws named without a number."""
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) if SEEDS.is_dir() else ""
    unit = seeds + "\n" + SENTENCE * 20 + "\n"
    return (unit * (size // len(unit) + 1))[:size]


def best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def whole_process(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """Median wall time (s) and peak memory (MB) of a whole process."""
    times, peak = [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([TIME, "-f", "%M", *command], cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        peak = max(peak, int(done.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), peak


def plan_with(bases: list[str]) -> str:
    quoted = "\n".join(f'  - "{b}"' for b in bases)
    return f"""organ: {{name: ỦY BAN NHÂN DÂN XÃ HỮU LŨNG, code: UBND}}
place: Hữu Lũng
year: 2023
subject: Rà soát hộ nghèo, hộ cận nghèo năm 2023
bases:
{quoted}
sections:
  - title: MỤC ĐÍCH, YÊU CẦU
    text: Rà soát đúng quy trình./.
recipients: ["UBND tỉnh (b/c)"]
archive: VT
signer: {{lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Văn A}}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    runs = 2 if parser.parse_args().quick else 5
    rows = []

    # 1. running text of growing size
    sizes = (1_000_000, 2_000_000, 4_000_000)
    texts = {size: running_text(size) for size in sizes}
    timed = {size: best(lambda t=texts[size]: find(t), runs) for size in sizes}
    found = len(find(texts[sizes[0]]))
    for size in sizes:
        rows.append((f"refs of {size // 1_000_000} MB of plan text", f"{timed[size]:.2f} s",
                     f"{timed[size] / timed[sizes[0]]:.2f}× the 1 MB time ({size // sizes[0]}× the text)"))
    rows.append(("references in 1 MB", f"{found:,}", ""))
    # Laws named without a number beside numbered references: each law was once compared with every reference.
    dense = {n: SENTENCE * n for n in (5_000, 10_000)}
    dense_time = {n: best(lambda t=text: find(t), runs) for n, text in dense.items()}
    rows.append(("10,000 references beside 20,000 laws by name", f"{dense_time[10_000]:.2f} s",
                 f"{dense_time[10_000] / dense_time[5_000]:.2f}× half as many ({dense_time[5_000]:.2f} s)"))

    # The other scans of running text (dates, weekdays, place names), found from their words: plan
    # text, and words that announce a date with none after it (each looks ahead for one).
    from kehoach import prose_dates
    from kehoach.checks.places import mentions

    def scans(text: str) -> None:
        prose_dates.find(text), prose_dates.weekdays(text), list(mentions(text))

    scan_time = {size: best(lambda t=texts[size]: scans(t), runs) for size in (sizes[0], sizes[-1])}
    rows.append((f"dates, weekdays, places of {sizes[-1] // 1_000_000} MB", f"{scan_time[sizes[-1]]:.2f} s",
                 f"{scan_time[sizes[-1]] / scan_time[sizes[0]]:.2f}× the 1 MB time ({sizes[-1] // sizes[0]}× the text)"))
    announced = {n: ("từ ngày 1/2 đến xã Tủa Thàng, thứ hai " + " " * 40) * n + "ngày 3/4" for n in (25_000, 100_000)}
    announced_time = {n: best(lambda t=text: scans(t), runs) for n, text in announced.items()}
    rows.append(("100,000 dates announced with none after", f"{announced_time[100_000]:.2f} s",
                 f"{announced_time[100_000] / announced_time[25_000]:.2f}× a quarter as many ({announced_time[25_000]:.2f} s)"))

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # 2. 2,000 references in one paragraph against spread out
        citation = "Căn cứ Thông tư số {n}/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội"
        (work / "one.yaml").write_text(plan_with(["; ".join(citation.format(n=n) for n in range(1, 2001)) + "."]), encoding="utf-8")
        (work / "spread.yaml").write_text(plan_with([citation.format(n=n) + ";" for n in range(1, 2001)]), encoding="utf-8")
        one, _ = whole_process([*KEHOACH, "check", "one.yaml"], work, runs)
        spread, _ = whole_process([*KEHOACH, "check", "spread.yaml"], work, runs)
        rows.append(("check: 2,000 references in one paragraph", f"{one:.2f} s", f"{one / spread:.2f}× spread over 2,000 paragraphs ({spread:.2f} s)"))

        # 3. the worst symbol
        (work / "symbol.txt").write_text("Công văn số 1/A" + "-A" * 3_500_000 + "\n", encoding="utf-8")
        (work / "small.txt").write_text("Công văn số 1/A-B ngày 01/02/2023\n", encoding="utf-8")
        worst, worst_mb = whole_process([*KEHOACH, "refs", "symbol.txt"], work, max(1, runs // 2))
        small, small_mb = whole_process([*KEHOACH, "refs", "small.txt"], work, max(1, runs // 2))
        rows.append(("refs of a 7 MB symbol 1/A-A-A-…", f"{worst:.2f} s, {worst_mb:.0f} MB peak",
                     f"a one-line file: {small:.2f} s, {small_mb:.0f} MB"))

    # 4. a plan with a 20,000-row schedule: rows are not scanned for citations
    from kehoach.refs.in_spec import references
    from kehoach.spec.model import Pos, Plan, Row, DateValue, Schedule, ScheduleAppendix, Text
    import datetime as dt

    def plan(rows_count: int) -> Plan:
        day = DateValue(dt.date(2023, 10, 2), Pos("x", 1, 1))
        schedule = Schedule("s.yaml", Pos("s.yaml", 1, 1), rows=[
            Row(day, Text(f"Xã số {i} (theo Kế hoạch số {i}/KH-UBND)", Pos("s.yaml", i, 1)), [], Pos("s.yaml", i, 1))
            for i in range(rows_count)])
        return Plan("p.yaml", Pos("p.yaml", 1, 1), bases=[Text(SENTENCE, Pos("p.yaml", 2, 1))],
                    appendices=[ScheduleAppendix(Text("s.yaml", Pos("p.yaml", 3, 1)), Pos("p.yaml", 3, 1), schedule)])

    def timed_references(rows_count: int) -> float:
        plans = [plan(rows_count) for _ in range(runs)]  # built first: only the look-up is timed
        return min(best(lambda p=p: references(p), 1) for p in plans)

    small_time, large_time = timed_references(10), timed_references(20_000)
    rows.append(("references of a plan with 20,000 schedule rows", f"{large_time * 1000:.2f} ms",
                 f"10 rows: {small_time * 1000:.2f} ms; {len(references(plan(20_000)))} found (rows are not read)"))

    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>22}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
