"""`kehoach refs` on a spec, a text file and a Word document."""

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from conftest import MINIMAL_PLAN
from kehoach.cli import main

ROOT = Path(__file__).parent.parent


def refs(*args):
    return CliRunner().invoke(main, ["refs", *args])


def test_text_file_table(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text("Số: 05/KH-UBND\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;\n", encoding="utf-8")
    result = refs(str(path))
    assert result.exit_code == 0
    assert result.stdout == f"{path}:2:8\tQuyết định\t90/QĐ-TTg\t18/01/2022\tThủ tướng Chính phủ\n"


def test_json_fields_are_the_contracts(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text("theo Thông tư số 10/2022/TT-BLĐTBXH\nngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội.\n", encoding="utf-8")
    assert json.loads(refs(str(path), "--format", "json").stdout) == [{
        "file": str(path), "line": 1, "column": 6, "kind": "Thông tư", "number": "10/2022/TT-BLĐTBXH",
        "date": "2022-05-31", "issuer": "Bộ Lao động - Thương binh và Xã hội",
        "text": "Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội",
    }]


def test_word_document(tmp_path):
    path = tmp_path / "kh.docx"
    document = Document()
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph("Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ;")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Thực hiện Kế hoạch số 20/KH-UBND ngày 25/01/2024 của UBND huyện Tủa Chùa."
    document.save(str(path))
    found = json.loads(refs(str(path), "--format", "json").stdout)
    assert [(r["line"], r["number"], r["date"]) for r in found] == [
        (2, "07/2021/NĐ-CP", "2021-01-27"),
        (3, "20/KH-UBND", "2024-01-25"),
    ]


def test_spec_positions_are_the_specs(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "bases: [Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.]\n")
    (found,) = json.loads(refs(path, "--format", "json").stdout)
    assert (found["line"], found["column"], found["number"]) == (11, 16, "24/2021/QĐ-TTg")


def test_missing_and_broken_files(tmp_path):
    assert refs(str(tmp_path / "khong-co.txt")).exit_code == 2
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    result = refs(str(broken))
    assert result.exit_code == 2 and "không phải tệp Office (.docx/.xlsx) đọc được" in result.output and "Traceback" not in result.output
