"""Import speed and field accuracy.

Speed: a plan of N pages (sections of dash paragraphs, and a schedule of N×4 rows) is rendered once,
then imported in memory (read, parse, write YAML text) several times; the median per size shows
whether import is well under a second at 30 pages and linear in length.

Accuracy: on the test documents (the five example plans rendered, and the clerk-typed Word plan with
Word numbering, typed numbering and as a draft), each field the import fills is compared with what
the document holds; the table prints correct/total per field."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))


def _plan_yaml(pages: int) -> str:
    sections = []
    for s in range(1, pages + 1):
        items = "\n".join(f'          - "- Nội dung kiểm tra số {k} của mục {s}: rà soát hộ nghèo, hộ cận nghèo tại các thôn, tổ dân phố trên địa bàn xã."' for k in range(1, 7))
        sections.append(f"  - title: NỘI DUNG SỐ {s}\n    body:\n      - title: Yêu cầu {s}\n        body:\n{items}")
    rows = "\n".join(f"      - [\"{k}\", \"Xã {k}\", \"Đoàn {k % 3}\"]" for k in range(1, pages * 4 + 1))
    return f"""organ: {{parent: UBND HUYỆN A, name: BAN CHỈ ĐẠO, code: BCĐ}}
number: 5
place: Ngọc Hồi
date: 2024-03-05
subject: Kiểm tra công tác giảm nghèo năm 2024
sections:
{chr(10).join(sections)}
recipients: [UBND tỉnh, Các xã]
archive: VT
signer: {{lines: [TRƯỞNG BAN], name: Nguyễn Văn A}}
appendices:
  - title: DANH SÁCH
    table:
      columns: [STT, Địa bàn, Đoàn]
      rows:
{rows}
"""


def speed() -> None:
    from kehoach.importer.plan import emit, import_document
    from kehoach.render.job import render_files

    print("pages  paragraphs  import (median of 5)  per page")
    with tempfile.TemporaryDirectory() as folder:
        for pages in (10, 30, 90):
            spec = os.path.join(folder, f"p{pages}.yaml")
            with open(spec, "w", encoding="utf-8") as f:
                f.write(_plan_yaml(pages))
            docx = os.path.join(folder, f"p{pages}.docx")
            result = render_files([spec], docx, pdf=False, template=None, ignore=())
            assert result.written, [d.as_text() for d in result.diagnostics]
            times = []
            for _ in range(5):
                start = time.perf_counter()
                imported = import_document(docx)
                emit(imported, os.path.join(folder, "x.yaml"))
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"{pages:5d}  {len(imported.document.paragraphs):10d}  {median * 1000:17.0f} ms  {median / pages * 1000:6.1f} ms")


def _fields(plan: dict) -> dict:
    sections = plan.get("sections", [])
    return {
        "organ": plan.get("organ"), "number": plan.get("number"), "place": plan.get("place"),
        "date": str(plan.get("date") or plan.get("year")), "subject": plan.get("subject"),
        "bases": plan.get("bases"), "section titles": [s.get("title") for s in sections if isinstance(s, dict)],
        "recipients": plan.get("recipients"), "archive": plan.get("archive"), "signer": plan.get("signer"),
    }


def accuracy() -> None:
    import json

    from import_docs import clerk_plan
    from kehoach.importer.plan import import_document
    from kehoach.render.job import render_files

    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        cases = []
        for name in sorted(os.listdir(os.path.join(ROOT, "plans"))):
            spec_path = os.path.join(ROOT, "plans", name)
            docx = os.path.join(folder, name + ".docx")
            render_files([spec_path], docx, pdf=False, template=None, ignore=())
            from kehoach.check import check_file

            spec = check_file(spec_path).spec
            expected = {
                "organ": spec.organ.name.value if spec.organ else None, "number": spec.number,
                "place": spec.place.value, "date": str(spec.date.value if spec.date else spec.year),
                "subject": spec.subject.value, "bases": [b.value for b in spec.bases],
                "section titles": [s.title.value for s in spec.sections if getattr(s, "title", None)],
                "recipients": [t.value for t in spec.recipients], "archive": spec.archive.value,
                "signer": {"lines": [t.value for t in spec.signer.lines], "name": spec.signer.name.value},
            }
            cases.append((docx, expected, True))
        clerk_expected = {
            "organ": ["BAN CHỈ ĐẠO", "GIẢM NGHÈO"], "number": 12, "place": "Tân Lập", "date": "2024-03-05",
            "subject": "Kiểm tra công tác giảm nghèo năm 2024", "section titles": ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM"],
            "recipients": ["UBND huyện (b/c)", "Các thôn"], "archive": "VT, BCĐ",
            "signer": {"lines": ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"], "name": "Nguyễn Văn An"},
        }
        for kind, options in (("word-numbering", {}), ("typed", {"word_numbering": False}), ("draft", {"draft": True})):
            path = os.path.join(folder, kind + ".docx")
            clerk_plan(path, **options)
            expected = dict(clerk_expected)
            if kind == "draft":
                expected.update(number=None, date="2024")
            cases.append((path, expected, False))
        for path, expected, _ in cases:
            got = _fields(import_document(path).plan)
            got["organ"] = got["organ"].get("name") if got["organ"] else None
            for key, want in expected.items():
                have = got.get(key)
                if key == "bases" and not want:
                    have = have or []
                ok = json.dumps(have, ensure_ascii=False, default=str) == json.dumps(want, ensure_ascii=False, default=str)
                totals.setdefault(key, [0, 0])
                totals[key][0] += ok
                totals[key][1] += 1
                if not ok:
                    print(f"  {os.path.basename(path)} {key}: {have!r} ≠ {want!r}")
    print("field            correct / documents")
    for key, (ok, total) in totals.items():
        print(f"{key:16s} {ok:3d} / {total}")


if __name__ == "__main__":
    speed()
    accuracy()
