"""A Word document holding only a schedule (title, lines, the table; no header) imports as a schedule
file, like an Excel schedule, and `check FILE.docx` checks it as a schedule."""

import pathlib

import yaml
from click.testing import CliRunner

from import_docs import p, r, table, tc, write_docx
from kehoach.cli import main
from kehoach.importer.check import check_word

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_schedule_kehoach_renders_imports_back(tmp_path):
    source = ROOT / "schedules" / "2021-ngoc-hoi-lich-kiem-tra.yaml"
    rendered = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "lich.docx")])
    assert rendered.exit_code == 0, rendered.output
    result = CliRunner().invoke(main, ["import", str(tmp_path / "lich.docx"), "-o", str(tmp_path / "lich.yaml")])
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {tmp_path / 'lich.yaml'}" in result.output
    spec = yaml.safe_load((tmp_path / "lich.yaml").read_text(encoding="utf-8"))
    original = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert spec["title"] == original["title"] and spec["window"] == original["window"]
    assert [(r["date"], r["place"]) for r in spec["rows"]] == [(r["date"], r["place"]) for r in original["rows"]]
    assert check_word(str(tmp_path / "lich.docx")) == []


def test_check_a_word_schedule_points_at_the_cell(tmp_path):
    body = (p(r("LỊCH KIỂM TRA", b=True), jc="center")
            + p(r("Thời gian: từ ngày 17/10 đến ngày 21/10/2022."))
            + table([[tc(p(r("STT"))), tc(p(r("Thời gian"))), tc(p(r("Địa điểm"))), tc(p(r("Thành phần")))],
                     [tc(p(r("1"))), tc(p(r("Thứ Hai, 17/10/2022"))), tc(p(r("Thôn Làng Nà"))), tc(p(r("Chủ tịch UBND xã")))],
                     [tc(p(r("2"))), tc(p(r("Chủ Nhật, 23/10/2022"))), tc(p(r("Thôn Đông Hà"))), tc(p(r("Chủ tịch UBND xã")))]],
                    widths=4))
    write_docx(tmp_path / "lich.docx", body)
    found = [(d.code, d.pos.line, d.where, d.excerpt) for d in check_word(str(tmp_path / "lich.docx"))]
    assert ("KH-L001", 12, "bảng, dòng 3", "Chủ Nhật, 23/10/2022") in found
    assert ("KH-L003", 12, "bảng, dòng 3", "Chủ Nhật, 23/10/2022") in found


def test_a_word_file_with_neither_header_nor_schedule_is_kh_i004(tmp_path):
    write_docx(tmp_path / "x.docx", p(r("Biên bản họp thôn.")) + p(r("Nội dung cuộc họp.")))
    [found] = check_word(str(tmp_path / "x.docx"))
    assert found.code == "KH-I004" and "cũng không phải một lịch" in found.message
