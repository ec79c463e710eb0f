"""Benchmark a batch: 200 distinct plans rendered in one `kehoach render` call, beside a docxtpl loop
and python-docx building the same documents, per document and with each process's peak memory.

    python bench/bench_batch.py                  # 200 plans
    python bench/bench_batch.py --plans 1000     # memory must stay flat as the batch grows
    python bench/bench_batch.py --source DIR     # measure another checkout of kehoach (before/after)

The peers get the documents' text ready-made (read back from kehoach's own output), so their figures
are the cost of filling a template or building a document, without reading or checking any YAML:
the comparison flatters them, not kehoach. Not part of the test run: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLAN = ROOT / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"
EXAMPLE_SCHEDULE = ROOT / "schedules" / "2021-ngoc-hoi-lich-kiem-tra.yaml"

TARGETS = {
    "render ms per document / docxtpl": 0.20,
    "check ms per document": 4.0,
    "render MiB peak": 80.0,
}


def generate(work: Path, count: int) -> list[Path]:
    """`count` distinct plans, each with its own schedule: other districts, communes, organs and members."""
    plan_text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    schedule_text = EXAMPLE_SCHEDULE.read_text(encoding="utf-8")
    (work / "plans").mkdir()
    (work / "schedules").mkdir()
    plans = []
    for i in range(1, count + 1):
        schedule = re.sub(r"place: (Xã|Thị trấn) ([^,]+),", rf"place: \1 \2 {i},", schedule_text)
        schedule = schedule.replace("Phó Trưởng Ban Chỉ đạo huyện", f"Phó Trưởng Ban Chỉ đạo huyện số {i}")
        (work / "schedules" / f"lich-{i}.yaml").write_text(schedule, encoding="utf-8")
        plan = (
            plan_text.replace("UBND HUYỆN NGỌC HỒI", f"UBND HUYỆN SỐ {i}")
            .replace("place: Ngọc Hồi", f"place: Huyện số {i}")
            .replace("name: Y Lan", f"name: Nguyễn Văn {i}")
            .replace("2021-ngoc-hoi-lich-kiem-tra.yaml", f"lich-{i}.yaml")
            .replace("Tại 08/08 xã", f"Tại 08/08 xã của huyện số {i}")
        )
        path = work / "plans" / f"ke-hoach-{i}.yaml"
        path.write_text(plan, encoding="utf-8")
        plans.append(path)
    return plans


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one whole process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} ... failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed, int(done.stderr.strip().splitlines()[-1]) / 1024


def contents(docx: Path) -> dict:
    """What a peer needs to build the same document: kehoach's output read back with python-docx."""
    from docx import Document

    doc = Document(str(docx))
    header = [[p.text for p in cell.paragraphs if p.text] for cell in doc.tables[0].rows[0].cells]
    body = [
        {"heading": (p.style.name or "").startswith("KH Đề mục"), "text": p.text}
        for p in doc.paragraphs
        if p.text.strip()
    ]
    signature = [[p.text for p in cell.paragraphs if p.text] for cell in doc.tables[1].rows[0].cells]
    schedule = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    rows = [[c.text.replace("\n", " ") for c in row.cells] for row in schedule.rows[1:]]
    return {"header": header, "body": body, "signature": signature, "rows": rows}


def blank_template(path: Path) -> None:
    """kehoach's own template with an empty body: the peers write into the same styles and page."""
    from docx import Document

    doc = Document(str(ROOT / "kehoach" / "data" / "kehoach.docx"))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    doc.save(str(path))


def docxtpl_template(blank: Path, path: Path) -> None:
    """A docxtpl template with the same parts: header table, body paragraphs, signature, schedule table."""
    from docx import Document

    doc = Document(str(blank))
    header = doc.add_table(rows=1, cols=2)
    for cell, side in zip(header.rows[0].cells, ("left", "right")):
        cell.paragraphs[0].text = f"{{%p for line in header.{side} %}}"
        cell.add_paragraph("{{ line }}")
        cell.add_paragraph("{%p endfor %}")
    for line in ("{%p for item in body %}", "{%p if item.heading %}"):
        doc.add_paragraph(line)
    doc.add_paragraph("{{ item.text }}", style="KH Đề mục 1")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ item.text }}", style="KH Nội dung")
    for line in ("{%p endif %}", "{%p endfor %}"):
        doc.add_paragraph(line)
    signature = doc.add_table(rows=1, cols=2)
    for cell, side in zip(signature.rows[0].cells, ("left", "right")):
        cell.paragraphs[0].text = f"{{%p for line in signature.{side} %}}"
        cell.add_paragraph("{{ line }}")
        cell.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=4, cols=4)
    for cell, title in zip(table.rows[0].cells, ("STT", "Thời gian", "Địa điểm", "Thành phần")):
        cell.text = title
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    for n, cell in enumerate(table.rows[2].cells):
        cell.text = f"{{{{ row[{n}] }}}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    doc.save(str(path))


DOCXTPL_LOOP = """
import json, sys
from docxtpl import DocxTemplate
template, data, out = sys.argv[1:4]
for n, line in enumerate(open(data, encoding="utf-8")):
    c = json.loads(line)
    doc = DocxTemplate(template)  # a template is filled once: each document starts from the file
    doc.render({"header": {"left": c["header"][0], "right": c["header"][1]}, "body": c["body"],
                "signature": {"left": c["signature"][0], "right": c["signature"][1]}, "rows": c["rows"]})
    doc.save(f"{out}/{n}.docx")
"""

PYTHON_DOCX_LOOP = """
import json, sys
from docx import Document
blank, data, out = sys.argv[1:4]
for n, line in enumerate(open(data, encoding="utf-8")):
    c = json.loads(line)
    doc = Document(blank)
    for table_of in (c["header"], c["signature"]):
        cells = doc.add_table(rows=1, cols=2).rows[0].cells
        for cell, lines in zip(cells, table_of):
            cell.text = "\\n".join(lines)
    for item in c["body"]:
        doc.add_paragraph(item["text"], style="KH Đề mục 1" if item["heading"] else "KH Nội dung")
    table = doc.add_table(rows=1, cols=4)
    for cell, title in zip(table.rows[0].cells, ("STT", "Thời gian", "Địa điểm", "Thành phần")):
        cell.text = title
    for row in c["rows"]:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    doc.save(f"{out}/{n}.docx")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--source", type=Path, default=ROOT, help="the kehoach checkout to measure")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.source.resolve())}
    kehoach = [sys.executable, "-m", "kehoach"]
    with tempfile.TemporaryDirectory(prefix="kehoach-batch-") as work:
        work = Path(work)
        plans = [str(p) for p in generate(work, args.plans)]
        out = work / "out"
        count = len(plans)

        data = work / "contents.jsonl"
        render = [*kehoach, "render", *plans, "-o", str(out)]
        timed(render, work, env)  # the peers' contents are read back from kehoach's output
        with open(data, "w", encoding="utf-8") as f:
            for plan in plans:
                f.write(json.dumps(contents(out / (Path(plan).stem + ".docx")), ensure_ascii=False) + "\n")
        blank, template = work / "blank.docx", work / "docxtpl.docx"
        blank_template(blank)
        docxtpl_template(blank, template)
        peers = work / "peers"
        peers.mkdir()
        commands = {
            "check": ([*kehoach, "check", *plans], env),
            "render": (render, env),
            "docxtpl": ([sys.executable, "-c", DOCXTPL_LOOP, str(template), str(data), str(peers)], None),
            "python-docx": ([sys.executable, "-c", PYTHON_DOCX_LOOP, str(blank), str(data), str(peers)], None),
        }
        # Rounds of one run each, side by side: a machine whose load changes affects every tool alike.
        rounds = [{name: timed(command, work, command_env) for name, (command, command_env) in commands.items()}
                  for _ in range(args.runs)]
    per = {name: statistics.median(r[name][0] for r in rounds) / count * 1000 for name in commands}
    peak = {name: max(r[name][1] for r in rounds) for name in commands}
    ratio = statistics.median(r["render"][0] / r["docxtpl"][0] for r in rounds)
    print(f"{count} distinct plans, one process each, medians of {args.runs} rounds, whole process divided by {count}:")
    print(f"kehoach check  {per['check']:7.1f} ms/doc   peak {peak['check']:6.1f} MiB")
    print(f"kehoach render {per['render']:7.1f} ms/doc   peak {peak['render']:6.1f} MiB   ({ratio:.2f} × docxtpl)")
    print(f"docxtpl loop   {per['docxtpl']:7.1f} ms/doc   peak {peak['docxtpl']:6.1f} MiB")
    print(f"python-docx    {per['python-docx']:7.1f} ms/doc   peak {peak['python-docx']:6.1f} MiB")
    results = {
        "render ms per document / docxtpl": ratio,
        "check ms per document": per["check"],
        "render MiB peak": peak["render"],
    }
    print("\ntarget                               measured   limit")
    failed = 0
    for name, limit in TARGETS.items():
        ok = results[name] <= limit
        failed += not ok
        print(f"{name:36s} {results[name]:9.2f}   {limit:5g}  {'ok' if ok else 'OVER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
