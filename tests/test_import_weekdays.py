"""KH-I005: a schedule cell whose weekday contradicts its date (`Thứ Sáu, 14/11/2026` is a Saturday)
is reported at the cell when the schedule is imported, from Word and from Excel; the date is kept."""

import openpyxl
from click.testing import CliRunner

from import_docs import p, r, table, tc, write_docx
from kehoach.cli import main
from kehoach.importer.check import check_word, check_workbook
from kehoach.importer.plan import import_document
from kehoach.importer.xlsx import import_workbook

WRONG = "ô ghi Thứ Sáu nhưng ngày 14/11/2026 là Thứ Bảy: sửa thứ hoặc ngày"


def _plan_with_schedule(path, day_cell: str):
    header = table([[tc(p(r("UBND XÃ A")), p(r("BAN CHỈ ĐẠO", b=True)), p(r("Số: 5/KH-BCĐ"))),
                     tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True)), p(r("Độc lập - Tự do - Hạnh phúc", b=True)),
                        p(r("A, ngày 02 tháng 11 năm 2026", i=True)))]], borderless=True, widths=2)
    body = (header + p(r("KẾ HOẠCH", b=True)) + p(r("Kiểm tra hộ nghèo năm 2026", b=True))
            + p(r("I. THỜI GIAN", b=True)) + p(r("Từ ngày 09/11 đến ngày 20/11/2026./."))
            + table([[tc(p(r("Nơi nhận:"))), tc(p(r("TRƯỞNG BAN", b=True)), p(r("Nguyễn Văn An", b=True)))]], borderless=True, widths=2)
            + p(r("LỊCH KIỂM TRA", b=True), page_break=True)
            + table([[tc(p(r("STT"))), tc(p(r("Thời gian"))), tc(p(r("Địa điểm"))), tc(p(r("Thành phần")))],
                     [tc(p(r("1"))), tc(p(r("Thứ Năm, 12/11/2026"))), tc(p(r("Thôn 1"))), tc(p(r("Trưởng ban")))],
                     [tc(p(r("2"))), tc(p(r(day_cell))), tc(p(r("Thôn 2"))), tc(p(r("Trưởng ban")))]], widths=4))
    write_docx(path, body)


def test_a_word_schedule_cell_with_the_wrong_weekday(tmp_path):
    _plan_with_schedule(tmp_path / "kh.docx", "Thứ Sáu, 14/11/2026")
    imported = import_document(str(tmp_path / "kh.docx"))
    assert str(imported.schedules[0]["rows"][1]["date"]) == "2026-11-14"
    [found] = [d for d in check_word(str(tmp_path / "kh.docx")) if d.code == "KH-I005"]
    assert (found.severity, found.message, found.excerpt, found.where) == (
        "warning", WRONG, "Thứ Sáu, 14/11/2026", "Phụ lục, bảng, dòng 3")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "kh.docx"), "-o", str(tmp_path / "kh.yaml")])
    assert f"¶{found.pos.line}: {WRONG}" in result.output


def test_a_word_schedule_cell_with_the_right_weekday(tmp_path):
    _plan_with_schedule(tmp_path / "kh.docx", "Thứ Bảy, 14/11/2026")
    assert [d for d in check_word(str(tmp_path / "kh.docx")) if d.code == "KH-I005"] == []


def _workbook(path, cell: str):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lịch"
    sheet.append(["STT", "Ngày", "Địa bàn", "Thành phần đoàn"])
    sheet.append([1, cell, "Xã A", "Phó Chủ tịch UBND xã"])
    book.save(path)


def test_an_excel_cell_with_the_wrong_weekday(tmp_path):
    _workbook(tmp_path / "lich.xlsx", "Thứ Sáu, 14/11/2026")
    assert str(import_workbook(str(tmp_path / "lich.xlsx")).spec["rows"][0]["date"]) == "2026-11-14"
    [found] = [d for d in check_workbook(str(tmp_path / "lich.xlsx")) if d.code == "KH-I005"]
    assert (found.pos.line, found.where, found.message) == (2, "Lịch, dòng 2, ô B2", WRONG)
    _workbook(tmp_path / "dung.xlsx", "thứ 7 ngày 14/11/2026")
    assert [d for d in check_workbook(str(tmp_path / "dung.xlsx")) if d.code == "KH-I005"] == []


def test_a_long_cell_is_read_for_dates_once(monkeypatch):
    from kehoach.importer import dates

    calls = []
    real = dates._placed_dates
    monkeypatch.setattr(dates, "_placed_dates", lambda *a: calls.append(1) or real(*a))
    cell = "Thứ Sáu, 14/11/2026; " * 2000
    claims = dates.weekday_claims(cell, None)
    assert len(claims) == 2000 and claims[0] == ("Thứ Sáu", 4, claims[0][2]) and len(calls) == 1
