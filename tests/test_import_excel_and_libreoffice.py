"""Excel schedules, and Word files LibreOffice saved (foreign material: its own XML, numbering and styles)."""

import datetime as dt
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.importer.check import check_workbook, check_word
from kehoach.importer.plan import import_document
from kehoach.importer.xlsx import import_workbook


def _workbook(path, dates_as_text: bool = False):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lịch"
    sheet.append(["LỊCH KIỂM TRA RÀ SOÁT HỘ NGHÈO"])
    sheet.append(["STT", "Ngày", "Buổi", "Địa bàn", "Thành phần đoàn"])
    rows = [(1, dt.date(2022, 10, 24), "Sáng", "Xã A", "Phó Chủ tịch UBND xã"),
            (2, None, "Chiều", "Xã B", "Phó Chủ tịch UBND xã"),
            (3, dt.date(2022, 10, 23), "Sáng", "Xã C", "Công chức LĐ-TB&XH")]
    for n, day, session, place, member in rows:
        value = f"{day.day:02d}/{day.month}/{day.year}" if dates_as_text and day else day
        sheet.append([n, value, session, place, member])
    sheet.merge_cells("B3:B4")  # the date over the morning and the afternoon
    book.save(path)


@pytest.mark.parametrize("as_text", [False, True], ids=["excel-dates", "text-dates"])
def test_excel_schedule_columns_found_by_header_text(tmp_path, as_text):
    _workbook(tmp_path / "lich.xlsx", as_text)
    spec = import_workbook(str(tmp_path / "lich.xlsx")).spec
    assert spec["title"] == "LỊCH KIỂM TRA RÀ SOÁT HỘ NGHÈO" and spec["layout"] == "buoi"
    assert [(str(r["date"]), r["session"], r["place"], r["members"]) for r in spec["rows"]] == [
        ("2022-10-24", "sáng", "Xã A", ["pho_chu_tich"]),
        ("2022-10-24", "chiều", "Xã B", ["pho_chu_tich"]),
        ("2022-10-23", "sáng", "Xã C", ["Công chức LĐ-TB&XH"]),
    ]


def test_check_excel_points_at_the_sheet_row(tmp_path):
    _workbook(tmp_path / "lich.xlsx")
    found = [d for d in check_workbook(str(tmp_path / "lich.xlsx")) if d.code == "KH-L003"]
    assert [(d.pos.line, d.where, d.excerpt) for d in found] == [(5, "Lịch, dòng 5, ô B5", "23/10/2022")]


def test_import_excel_writes_a_schedule_file(tmp_path):
    _workbook(tmp_path / "lich.xlsx")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "lich.xlsx"), "-o", str(tmp_path / "lich.yaml")])
    assert result.exit_code == 0, result.output
    assert "rows:\n  - date: 2022-10-24\n    session: sáng\n    place: Xã A\n" in (tmp_path / "lich.yaml").read_text(encoding="utf-8")


def test_excel_without_a_schedule_is_refused(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Họ tên", "Số điện thoại"])
    book.save(tmp_path / "x.xlsx")
    assert [d.code for d in check_workbook(str(tmp_path / "x.xlsx"))] == ["KH-I004"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

PLAN_HTML = """<html><head><meta charset="utf-8"></head><body>
<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p><b>XÃ HỮU LIÊN</b></p><p>Số: 21/KH-UBND</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p>
<p><i>Hữu Liên, ngày 03 tháng 10 năm 2022</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p><p align="center"><b>Rà soát hộ nghèo, hộ cận nghèo năm 2022</b></p>
<p><i>Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ;</i></p>
<p>Ủy ban nhân dân xã xây dựng Kế hoạch như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p><p><b>1. Mục đích:</b> Xác định đúng hộ nghèo.</p>
<p>- Thời gian: từ ngày 17/10 đến ngày 21/10/2022.</p>
<p><b>II. TỔ CHỨC THỰC HIỆN</b></p><p>Công chức LĐ-TB&amp;XH tham mưu thực hiện.</p>
<p>Trên đây là Kế hoạch rà soát hộ nghèo, hộ cận nghèo năm 2022./.</p>
<table><tr><td><p><b><i>Nơi nhận:</i></b></p><p>- UBND huyện;</p><p>- Lưu: VT.</p></td>
<td><p><b>TM. ỦY BAN NHÂN DÂN</b></p><p><b>CHỦ TỊCH</b></p><p><b>Lê Văn Bình</b></p></td></tr></table>
<p style="page-break-before: always" align="center"><b>LỊCH RÀ SOÁT</b></p>
<table border="1"><tr><td>STT</td><td>Thời gian</td><td>Địa điểm</td><td>Thành phần</td></tr>
<tr><td>1</td><td>Thứ Hai, 17/10/2022</td><td>Thôn Làng Nà</td><td><p>1. Chủ tịch UBND xã</p><p>2. Công chức LĐ-TB&amp;XH</p></td></tr>
<tr><td>2</td><td>Chủ Nhật, 23/10/2022</td><td>Thôn Đông Hà</td><td><p>1. Chủ tịch UBND xã</p><p>2. Công chức LĐ-TB&amp;XH</p></td></tr>
</table></body></html>"""


@pytest.fixture(scope="module")
def libreoffice_plan(tmp_path_factory):
    if SOFFICE is None:
        pytest.skip("LibreOffice (libreoffice-writer-nogui) is not installed")
    folder = tmp_path_factory.mktemp("lo")
    (folder / "kh.html").write_text(PLAN_HTML, encoding="utf-8")
    subprocess.run([SOFFICE, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(folder / "kh.html")],
                   check=True, capture_output=True, timeout=180)
    return folder / "kh.docx"


def test_a_plan_saved_by_libreoffice(libreoffice_plan):
    imported = import_document(str(libreoffice_plan))
    plan = imported.plan
    assert plan["organ"] == {"parent": "ỦY BAN NHÂN DÂN", "name": "XÃ HỮU LIÊN", "code": "UBND"}
    assert (plan["number"], plan["place"], str(plan["date"])) == (21, "Hữu Liên", "2022-10-03")
    assert plan["subject"] == "Rà soát hộ nghèo, hộ cận nghèo năm 2022"
    assert plan["sections"][0]["body"][0]["title"] == "Mục đích"
    assert plan["signer"] == {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Lê Văn Bình"}
    [schedule] = imported.schedules
    assert [r["place"] for r in schedule["rows"]] == ["Thôn Làng Nà", "Thôn Đông Hà"]


def test_check_a_libreoffice_plan_finds_the_sunday(libreoffice_plan):
    [sunday] = [d for d in check_word(str(libreoffice_plan)) if d.code == "KH-L003"]
    assert sunday.excerpt == "Chủ Nhật, 23/10/2022" and sunday.where == "Phụ lục, bảng, dòng 3"


NUMBERED_HTML = """<html><head><meta charset="utf-8"></head><body>
<p>UBND XÃ A</p><p><b>BAN CHỈ ĐẠO</b></p><p>Số: 7/KH-BCĐ</p><p><i>A, ngày 05 tháng 3 năm 2024</i></p>
<p align="center"><b>KẾ HOẠCH</b></p><p align="center"><b>Kiểm tra năm 2024</b></p>
<ol type="I"><li><p><b>MỤC ĐÍCH</b></p>
  <ol><li><p><b>Mục đích:</b> Đánh giá.</p></li><li><p><b>Yêu cầu:</b> Đúng tiến độ.</p></li></ol></li>
<li><p><b>TỔ CHỨC THỰC HIỆN</b></p><ol><li><p>Các thôn thực hiện.</p></li></ol></li></ol>
<p>Trên đây là Kế hoạch./.</p><p><b><i>Nơi nhận:</i></b></p><p>- Các thôn;</p><p>- Lưu: VT.</p>
<p><b>TRƯỞNG BAN</b></p><p><b>Lê Văn C</b></p></body></html>"""


def test_word_numbering_written_by_libreoffice(tmp_path):
    """LibreOffice turns the HTML lists into Word numbering (numbering.xml): the labels are computed."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (libreoffice-writer-nogui) is not installed")
    (tmp_path / "kh.html").write_text(NUMBERED_HTML, encoding="utf-8")
    subprocess.run([SOFFICE, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(tmp_path / "kh.html")],
                   check=True, capture_output=True, timeout=180)
    document = import_document(str(tmp_path / "kh.docx"))
    labels = [p.label for p in document.document.paragraphs if p.label]
    assert labels == ["I.", "1.", "2.", "II.", "1."]
    sections = document.plan["sections"]
    assert [s["title"] for s in sections] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]
    assert sections[0]["body"] == [{"title": "Mục đích", "text": "Đánh giá."}, {"title": "Yêu cầu", "text": "Đúng tiến độ."}]
    assert sections[1]["body"] == [{"text": "Các thôn thực hiện."}]


def test_new_from_a_word_plan(tmp_path):
    from import_docs import clerk_plan

    clerk_plan(tmp_path / "ke-hoach-2024.docx", word_numbering=False)
    result = CliRunner().invoke(main, ["new", "--from", str(tmp_path / "ke-hoach-2024.docx"), "--year", "2025"])
    assert result.exit_code == 0, result.output
    new = (tmp_path / "ke-hoach-2025.yaml").read_text(encoding="utf-8")
    assert "year: 2025" in new and "number:" not in new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach-2024.docx", "ke-hoach-2025-lich.yaml", "ke-hoach-2025.yaml"]
