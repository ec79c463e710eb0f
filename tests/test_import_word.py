"""Word plans as clerks type them into specs: the header, Word's numbering and its debris, footnotes,
merged schedule cells, teams; what import is unsure of; bad files refused with nothing written."""

import zipfile

import pytest
from click.testing import CliRunner

from import_docs import clerk_plan, numbering, p, r, write_docx
from kehoach.cli import main
from kehoach.word import numbering as word_numbering
from kehoach.importer.check import check_word
from kehoach.importer.plan import emit, import_document
from lxml import etree


@pytest.fixture
def clerk(tmp_path):
    path = tmp_path / "kh.docx"
    clerk_plan(path)
    return path


def test_header_from_the_header_table(clerk):
    plan = import_document(str(clerk)).plan
    # The schedule's Kèm theo line names the organ `Ban Chỉ đạo`: running text's name for it.
    assert plan["organ"] == {"parent": "UBND XÃ TÂN LẬP", "name": ["BAN CHỈ ĐẠO", "GIẢM NGHÈO"], "code": "BCĐ",
                             "mention": "Ban Chỉ đạo"}
    assert (plan["number"], plan["place"], str(plan["date"])) == (12, "Tân Lập", "2024-03-05")


def test_a_draft_has_year_and_month_but_no_number_or_date(tmp_path):
    clerk_plan(tmp_path / "d.docx", draft=True)
    plan = import_document(str(tmp_path / "d.docx")).plan
    assert "number" not in plan and "date" not in plan
    assert (plan["year"], plan["month"]) == (2024, 4)


def test_word_numbering_and_typed_numbering_give_the_same_spec(tmp_path):
    clerk_plan(tmp_path / "auto.docx", word_numbering=True)
    clerk_plan(tmp_path / "typed.docx", word_numbering=False)
    auto = emit(import_document(str(tmp_path / "auto.docx")), str(tmp_path / "x.yaml"))[0][1].text
    typed = emit(import_document(str(tmp_path / "typed.docx")), str(tmp_path / "x.yaml"))[0][1].text
    assert auto.replace("auto.docx", "") == typed.replace("typed.docx", "")


def test_body_text_as_it_prints(clerk):
    plan = import_document(str(clerk)).plan
    purpose = plan["sections"][0]["body"][0]
    assert purpose["title"] == "Mục đích" and purpose["text"] == "Đánh giá kết quả thực hiện công tác giảm nghèo"
    # A tab and a non-breaking space are one space; an italic run is *italic*; the tracked
    # insertion is kept and the deletion dropped; the footnote reference is [^1].
    assert purpose["body"] == ["- Kiểm tra việc rà soát hộ nghèo *tại các thôn*;", "- Đề xuất giải pháp mới cho năm sau[^1]."]
    assert plan["subject"] == "Kiểm tra công tác giảm nghèo năm 2024"
    assert plan["intro"] == "Ban Chỉ đạo xây dựng Kế hoạch kiểm tra như sau:"
    assert plan["footnotes"] == {"1": "Theo mẫu của Ủy ban nhân dân huyện."}
    assert [str(d) for d in plan["window"].values()] == ["2024-04-08", "2024-04-12"]
    assert (plan["recipients"], plan["archive"]) == (["UBND huyện (b/c)", "Các thôn"], "VT, BCĐ")
    assert plan["signer"] == {"lines": ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"], "name": "Nguyễn Văn An"}
    assert plan["closing"] == ["Trên đây là Kế hoạch kiểm tra công tác giảm nghèo năm 2024 của Ban Chỉ đạo./."]


def test_schedule_with_merged_date_cells_sessions_and_a_team(clerk):
    imported = import_document(str(clerk))
    [schedule] = imported.schedules
    assert schedule["layout"] == "buoi" and schedule["headers"] == {"place": "Địa bàn"}
    assert schedule["members"] == {"truong_ban_chi": "Trưởng ban Chỉ đạo", "cong_chuc_van": "Công chức Văn hóa - Xã hội"}
    [team] = schedule["teams"]
    assert team["name"] == "ĐOÀN KIỂM TRA SỐ 1"
    assert [(str(row["date"]), row["session"], row["place"], row["members"]) for row in team["rows"]] == [
        ("2024-04-08", "sáng", "Thôn 1", ["truong_ban_chi", "cong_chuc_van"]),
        ("2024-04-08", "chiều", "Thôn 2", ["truong_ban_chi", "cong_chuc_van"]),
        ("2024-04-09", "sáng", "Thôn 3", ["truong_ban_chi", "Bí thư Đoàn xã"]),
    ]
    assert imported.plan["appendices"] == [{"label": ""}]
    files = emit(imported, "kh.yaml")
    assert [name for name, _ in files] == ["kh.yaml", "kh-lich.yaml"]
    assert "  - schedule: kh-lich.yaml\n    label: \"\"\n" in files[0][1].text


def test_text_boxes_and_tracked_changes_are_listed(clerk):
    found = {d.code: d for d in check_word(str(clerk))}
    assert found["KH-I002"].message == "hộp văn bản «Mẫu 01»: kehoach không đọc; kiểm tra bằng mắt"
    assert found["KH-I002"].where == "Phụ lục"
    assert found["KH-I003"].where == "toàn văn bản"


def test_numbering_labels_from_numbering_xml():
    xml = numbering([("upperRoman", "%1."), ("decimal", "%1.%2."), ("lowerLetter", "%3)")], restart_num=2)
    labels = word_numbering.Numbering(etree.fromstring(xml.encode()))
    printed = [labels.label("1", 0), labels.label("1", 1), labels.label("1", 1), labels.label("1", 2),
               labels.label("1", 0), labels.label("1", 1), labels.label("2", 0), labels.label("1", 0)]
    # Level 2 restarts when level 1 advances; num 2 restarts the count with its startOverride.
    assert printed == ["I.", "I.1.", "I.2.", "a)", "II.", "II.1.", "I.", "II."]


def test_bullets_read_as_dash_and_plus_items():
    xml = numbering([("bullet", "\uf0b7"), ("bullet", "+")])
    labels = word_numbering.Numbering(etree.fromstring(xml.encode()))
    assert [labels.label("1", 0), labels.label("1", 1)] == ["-", "+"]


def test_merged_cells_of_a_table_appendix(tmp_path):
    from import_docs import table, tc

    schedule_like = table([
        [tc(p(r("STT"))), tc(p(r("Nội dung"))), tc(p(r("Kinh phí")), span=2)],
        [tc(p(r("1"))), tc(p(r("Tập huấn")), vmerge="restart"), tc(p(r("Trung ương"))), tc(p(r("Địa phương")))],
        [tc(p(r("2"))), tc(p(), vmerge="continue"), tc(p(r("10"))), tc(p(r("5")))],
    ], widths=4)
    clerk_plan(tmp_path / "kh.docx")
    with zipfile.ZipFile(tmp_path / "kh.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    at = xml.index("<w:sectPr>")
    extra = p(r("PHỤ LỤC II", b=True), jc="center", page_break=True) + p(r("KINH PHÍ", b=True), jc="center") + schedule_like
    parts["word/document.xml"] = (xml[:at] + extra + xml[at:]).encode()
    with zipfile.ZipFile(tmp_path / "kh2.docx", "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    appendix = import_document(str(tmp_path / "kh2.docx")).plan["appendices"][1]
    assert appendix["title"] == "KINH PHÍ"
    assert appendix["table"] == {
        "columns": ["STT", "Nội dung", {"text": "Kinh phí", "span": 2}],
        "rows": [["1", {"text": "Tập huấn", "rows": 2}, "Trung ương", "Địa phương"], ["2", "10", "5"]],
    }


def test_positions_map_back_to_paragraphs(tmp_path):
    from kehoach.render.job import render_files

    render_files(["plans/2021-ngoc-hoi-kiem-tra.yaml"], str(tmp_path / "a.docx"), pdf=False, template=None, ignore=())
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    # A Sunday in the schedule: 14/11/2021.
    parts["word/document.xml"] = parts["word/document.xml"].replace("Thứ Sáu, 12/11/2021".encode(), "Chủ Nhật, 14/11/2021".encode())
    with zipfile.ZipFile(tmp_path / "b.docx", "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    [sunday] = [d for d in check_word(str(tmp_path / "b.docx")) if d.code == "KH-L003"]
    assert sunday.where == "Phụ lục, bảng, dòng 6" and sunday.excerpt == "Chủ Nhật, 14/11/2021"
    assert sunday.as_text().startswith(f"{tmp_path / 'b.docx'}:¶{sunday.pos.line} (Phụ lục, bảng, dòng 6): ")
    assert sunday.as_json()["excerpt"] == "Chủ Nhật, 14/11/2021"


# -- bad input: a Vietnamese message, exit 1 or 2, nothing written --------------------------------


def _not_a_zip(path):
    path.write_text("không phải Word")


def _encrypted(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (300 * 1024 * 1024))


def _no_header(path):
    write_docx(path, p(r("Biên bản họp thôn.")) + p(r("Nội dung cuộc họp.")))


def _empty(path):
    write_docx(path, p())


@pytest.mark.parametrize("make, code, words", [
    (_not_a_zip, 2, "không phải tệp Office"),
    (_encrypted, 2, "có mật khẩu"),
    (_zip_bomb, 2, "giải nén"),
    (_no_header, 1, "không có phần đầu"),
    (_empty, 2, "không có chữ nào"),
], ids=["not-a-zip", "encrypted", "zip-bomb", "no-header", "empty"])
def test_bad_word_files_are_refused_and_nothing_is_written(tmp_path, make, code, words):
    source = tmp_path / "vao.docx"
    make(source)
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "ra.yaml")])
    assert result.exit_code == code and words in result.output
    assert sorted(f.name for f in tmp_path.iterdir()) == ["vao.docx"]
    checked = CliRunner().invoke(main, ["check", str(source)])
    assert checked.exit_code == code and words in checked.output


def test_import_prints_what_it_wrote_and_never_overwrites(tmp_path, clerk):
    out = tmp_path / "kh.yaml"
    first = CliRunner().invoke(main, ["import", str(clerk), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert f"Đã ghi {out}" in first.output and f"Đã ghi {tmp_path / 'kh-lich.yaml'}" in first.output
    assert "hộp văn bản «Mẫu 01»" in first.output
    again = CliRunner().invoke(main, ["import", str(clerk), "-o", str(out)])
    assert again.exit_code == 2 and "đã có: không ghi đè" in again.output
    assert CliRunner().invoke(main, ["import", str(clerk), "-o", str(out), "--force"]).exit_code == 0


def test_kh_i001_lists_what_import_was_unsure_of(tmp_path):
    body = (p(r("UBND XÃ A")) + p(r("Số: 3/KH-UBND")) + p(r("A, ngày 05 tháng 3 năm 2024")) + p(r("KẾ HOẠCH"))
            + p(r("Kiểm tra")) + p(r("Đoạn trước mục đầu.")) + p(r("I. MỤC ĐÍCH")) + p(r("- Nội dung.")))
    write_docx(tmp_path / "kh.docx", body)
    unsure = [d for d in check_word(str(tmp_path / "kh.docx")) if d.code == "KH-I001"]
    assert any("không thấy «Nơi nhận»" in d.message for d in unsure)


def test_kh_i004_a_word_file_that_is_not_a_plan(tmp_path):
    _no_header(tmp_path / "x.docx")
    assert [d.code for d in check_word(str(tmp_path / "x.docx"))] == ["KH-I004"]


def test_the_local_web_page_imports_through_the_real_importer(tmp_path, clerk):
    from kehoach.serve.actions import import_upload
    from kehoach.serve.files import Folder

    site = tmp_path / "site"
    site.mkdir()
    written = import_upload(Folder.at(str(site)), "ke hoach.docx", clerk.read_bytes())
    assert written == ["ke-hoach.yaml", "ke-hoach-lich.yaml"]
    assert "schedule: ke-hoach-lich.yaml" in (site / "ke-hoach.yaml").read_text(encoding="utf-8")
