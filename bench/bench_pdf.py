"""Benchmark PDF conversion: one document through a fresh LibreOffice (what `kehoach render --pdf`
does) against a kept one (`PdfConverter`, for the web page), and a batch in one LibreOffice run.

    python bench/bench_pdf.py              # needs LibreOffice; the kept one also python3-uno and unoserver
    python bench/bench_pdf.py --batch 50

Not part of the test run: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.check import check_file  # noqa: E402
from kehoach.render import document, listener, pdf  # noqa: E402


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=20, help="documents converted in one LibreOffice run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-pdf-") as work:
        work = Path(work)
        docx = work / "ke-hoach.docx"
        document.render_plan(check_file(str(ROOT / "plans" / "2021-ngoc-hoi-kiem-tra.yaml")).spec, str(docx))
        fresh = [seconds(lambda: pdf.convert([pdf.PdfJob(str(docx), str(work / "fresh.pdf"), "x")]))
                 for _ in range(args.runs)]
        print(f"one document, fresh LibreOffice       {statistics.median(fresh):6.2f} s (median of {args.runs})")
        batch = [pdf.PdfJob(str(docx), str(work / f"b{n}.pdf"), "x") for n in range(args.batch)]
        whole = seconds(lambda: pdf.convert(batch))
        print(f"{args.batch} documents, one LibreOffice run   {whole:6.2f} s ({whole / args.batch:.2f} s a document)")
        started = time.perf_counter()
        with listener.PdfConverter() as converter:
            start = time.perf_counter() - started
            first = seconds(lambda: converter.convert(str(docx), str(work / "kept0.pdf")))
            kept = [seconds(lambda: converter.convert(str(docx), str(work / "kept.pdf"))) for _ in range(args.runs)]
            stop = seconds(converter.close)
        print(f"kept LibreOffice: start {start:.2f} s, first document {first:.2f} s, "
              f"then {statistics.median(kept):.2f} s a document (median of {args.runs}); shut down in {stop:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
