"""The format's extensions as rendered: merged cells, header rows, widths, numbered STT cells,
appendix bodies, organ lines, joint plans, and schedules with teams, sessions, times, day spans,
notes and renamed headers. Each document is read back with python-docx and passes openxml-audit.

The models are built from a small spec and then extended in Python, so these tests describe the
renderer's side of the contract whatever YAML the loader accepts for it."""

import datetime as dt

from docx import Document

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.diagnostics import Pos
from kehoach.render.document import render_plan, render_schedule
from kehoach.spec.load import load
from kehoach.spec.model import (
    Cell, DateValue, MemberRef, Organ, Row, Signer, Table, TableAppendix, Team, Text, Section,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P = Pos("x.yaml", 1, 1)


def t(value: str) -> Text:
    return Text(value, P)


def c(value: str, span: int = 1, rows: int = 1) -> Cell:
    return Cell(t(value), span, rows)


def table(header, rows, widths=()) -> Table:
    header = [[cell if isinstance(cell, Cell) else c(cell) for cell in row] for row in header]
    rows = [[cell if isinstance(cell, Cell) else c(cell) for cell in row] for row in rows]
    return Table([cell.text for cell in header[0]], rows, P, header=header, widths=list(widths))


def plan(specs, text=MINIMAL_PLAN):
    return load(specs.write("plan.yaml", text)).spec


def written(tmp_path, spec, schedule=False):
    out = tmp_path / "x.docx"
    (render_schedule if schedule else render_plan)(spec, str(out))
    assert_opens_in_word(out)
    return Document(str(out))


def grid(docx_table) -> list[list[tuple[str, int, str | None]]]:
    """Each row's cells as written: (text, gridSpan, vMerge)."""
    out = []
    for tr in docx_table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            text = "\n".join("".join(x.text or "" for x in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))
            row.append((text, int(span.get(f"{W}val")) if span is not None else 1, merge.get(f"{W}val") if merge is not None else None))
        out.append(row)
    return out


def widths(docx_table) -> list[int]:
    return [int(w) for w in docx_table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]


def with_table(specs, shape: Table):
    spec = plan(specs)
    spec.sections[0].table = shape
    return spec


def test_header_rows_with_column_and_row_spans(specs, tmp_path):
    shape = table(
        [[c("STT", rows=2), c("Đơn vị", rows=2), c("Kết quả", span=2)], ["Hộ nghèo", "Hộ cận nghèo"]],
        [["", "Xã A", "12", "30"], [c("Xã B và C", span=2), "5", "6"]],
    )
    doc = written(tmp_path, with_table(specs, shape))
    assert grid(doc.tables[1]) == [
        [("STT", 1, "restart"), ("Đơn vị", 1, "restart"), ("Kết quả", 2, None)],
        [("", 1, "continue"), ("", 1, "continue"), ("Hộ nghèo", 1, None), ("Hộ cận nghèo", 1, None)],
        [("1", 1, None), ("Xã A", 1, None), ("12", 1, None), ("30", 1, None)],
        [("Xã B và C", 2, None), ("5", 1, None), ("6", 1, None)],
    ]
    header_rows = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in doc.tables[1]._tbl.tr_lst]
    assert header_rows == [True, True, False, False]


def test_row_spans_in_the_body_and_stt_left_out_or_empty(specs, tmp_path):
    shape = table(
        [["STT", "Xã", "Thôn", "Ghi chú"]],
        [[c("Xã A", rows=2), "Thôn 1", ""], ["Thôn 2", "x"], ["", "Xã B", "Thôn 3", ""]],
    )
    doc = written(tmp_path, with_table(specs, shape))
    assert grid(doc.tables[1])[1:] == [
        [("1", 1, None), ("Xã A", 1, "restart"), ("Thôn 1", 1, None), ("", 1, None)],
        [("2", 1, None), ("", 1, "continue"), ("Thôn 2", 1, None), ("x", 1, None)],
        [("3", 1, None), ("Xã B", 1, None), ("Thôn 3", 1, None), ("", 1, None)],
    ]


def test_widths_given_in_per_cent(specs, tmp_path):
    doc = written(tmp_path, with_table(specs, table([["STT", "Nội dung", "Kết quả"]], [["", "a", "b"]], [10, 60, 30])))
    assert widths(doc.tables[1]) == [936, 5613, 2806]


def test_widths_sized_from_content_not_equal(specs, tmp_path):
    shape = table(
        [["STT", "Họ và tên", "Nội dung công việc được giao", "Ký"]],
        [["", "Nguyễn Văn A", "Rà soát hộ nghèo, hộ cận nghèo trên địa bàn các thôn của xã theo quy trình", ""]],
    )
    found = widths(written(tmp_path, with_table(specs, shape)).tables[1])
    assert sum(found) == 9355 and found[0] == 700
    assert found[2] > 2 * found[1] > 2 * found[3] >= 1200  # the long column widest, the empty one at its floor


def test_a_table_appendix_with_a_body_numbered_like_a_section(specs, tmp_path):
    spec = plan(specs)
    numbers = table([["STT", "Chỉ tiêu", "Số lượng"]], [["", "Hộ nghèo", ""]])
    spec.appendices.append(TableAppendix(t("Đề cương báo cáo"), None, P, body=[
        Section(P, title=t("Kết quả thực hiện"), body=[t("- Số hộ nghèo đầu kỳ: ..."), t("- Số hộ thoát nghèo: ...")]),
        Section(P, title=t("Số liệu"), table=numbers),
        Section(P, title=t("Kiến nghị"), body=[Section(P, title=t("Với huyện"), text=t("..."))]),
    ]))
    doc = written(tmp_path, spec)
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("ĐỀ CƯƠNG BÁO CÁO")
    assert texts[start + 3 : start + 9] == [
        "1. Kết quả thực hiện", "- Số hộ nghèo đầu kỳ: ...", "- Số hộ thoát nghèo: ...", "2. Số liệu", "3. Kiến nghị",
        "3.1. Với huyện: ...",
    ]
    assert [c.text for c in doc.tables[-1].rows[1].cells] == ["1", "Hộ nghèo", ""]


def test_organ_name_as_lines_prints_as_written(specs, tmp_path):
    spec = plan(specs)
    spec.organ = Organ(t("Ủy ban nhân dân\nhuyện Ngọc Hồi"), t("UBND"), t("UBND TỈNH KON TUM"), name_as_lines=True)
    doc = written(tmp_path, spec)
    organ = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert organ == ["UBND TỈNH\xa0KON TUM", "ỦY BAN NHÂN DÂN", "HUYỆN NGỌC HỒI"]


def test_a_joint_plan(specs, tmp_path):
    spec = plan(specs)
    spec.organ = Organ(t("SỞ NỘI VỤ"), t("SNV"), t("UBND TỈNH LẠNG SƠN"))
    spec.joint_organs = [Organ(t("ỦY BAN MTTQ VIỆT NAM TỈNH LẠNG SƠN"), t("MTTQ"))]
    spec.signer = Signer([t("KT. GIÁM ĐỐC"), t("PHÓ GIÁM ĐỐC")], t("Nguyễn Văn A"))
    spec.joint_signers = [Signer([t("TM. BAN THƯỜNG TRỰC"), t("PHÓ CHỦ TỊCH")], t("Trần Thị B"))]
    doc = written(tmp_path, spec)
    # Side by side in the header's first cell, after an empty paragraph (LibreOffice would otherwise
    # number the first page).
    first_cell = doc.tables[0].rows[0].cells[0]
    assert first_cell.paragraphs[0].text == "" and first_cell._tc.index(first_cell.tables[0]._tbl) == 2
    organs = first_cell.tables[0].rows[0].cells
    assert [[p.text.replace("\xa0", " ") for p in cell.paragraphs] for cell in organs] == [
        ["UBND", "TỈNH LẠNG SƠN", "SỞ NỘI VỤ"], ["ỦY BAN MTTQ VIỆT NAM", "TỈNH LẠNG SƠN"],
    ]
    assert doc.tables[0].rows[1].cells[0].text == "Số:      /KH-SNV-MTTQ"
    left, right = doc.tables[-1].rows[0].cells
    assert right.paragraphs[0].text == "KT. GIÁM ĐỐC" and right.paragraphs[-1].text == "Nguyễn Văn A"
    assert left.paragraphs[0].text == "TM. BAN THƯỜNG TRỰC" and "Trần Thị B" in [p.text for p in left.paragraphs]
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index("Nơi nhận:") + 1] == "- Phòng LĐ, TB, XH-DT (b/c);"  # under the signatures


# -- schedules ------------------------------------------------------------------------------


def schedule(specs, rows: list[Row], **extra):
    spec = load(specs.write("lich.yaml", MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã A, members: [nn]}\n")).spec
    spec.rows = rows
    for key, value in extra.items():
        setattr(spec, key, value)
    return spec


def row(day: int, place: str, session="cả ngày", *, end: int | None = None, time=None, note=None, members=("nn",)):
    return Row(
        DateValue(dt.date(2021, 11, day), P), t(place), [MemberRef(t(m), True) for m in members], P, session,
        DateValue(dt.date(2021, 11, end), P) if end else None, t(time) if time else None, t(note) if note else None,
    )


def test_schedule_times_spans_and_notes(specs, tmp_path):
    rows = [row(8, "Xã A", "sáng", time="7h30"), row(9, "Xã B", end=10, note="Mang hồ sơ"), row(11, "Xã C")]
    doc = written(tmp_path, schedule(specs, rows), schedule=True)
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows] == [
        ["STT", "Thời gian", "Địa điểm", "Thành phần", "Ghi chú"],
        ["1", "Sáng 7h30 Thứ Hai, 08/11/2021", "Xã A", "1. Đại diện Phòng Nông nghiệp", ""],
        ["2", "Từ ngày 09/11 đến ngày 10/11/2021", "Xã B", "1. Đại diện Phòng Nông nghiệp", "Mang hồ sơ"],
        ["3", "Thứ Năm, 11/11/2021", "Xã C", "1. Đại diện Phòng Nông nghiệp", ""],
    ]


def test_schedule_buoi_layout_merges_the_date_over_its_sessions(specs, tmp_path):
    rows = [row(8, "Xã A", "sáng"), row(8, "Xã B", "chiều"), row(9, "Xã C", "sáng")]
    spec = schedule(specs, rows, layout="buoi", headers={"place": t("Địa bàn")})
    doc = written(tmp_path, spec, schedule=True)
    assert grid(doc.tables[0]) == [
        [("STT", 1, None), ("Ngày", 1, None), ("Buổi", 1, None), ("Địa bàn", 1, None), ("Thành phần", 1, None)],
        [("1", 1, "restart"), ("Thứ Hai\n08/11/2021", 1, "restart"), ("Sáng", 1, None), ("Xã A", 1, None), ("1. Đại diện Phòng Nông nghiệp", 1, None)],
        [("", 1, "continue"), ("", 1, "continue"), ("Chiều", 1, None), ("Xã B", 1, None), ("1. Đại diện Phòng Nông nghiệp", 1, None)],
        [("2", 1, None), ("Thứ Ba\n09/11/2021", 1, None), ("Sáng", 1, None), ("Xã C", 1, None), ("1. Đại diện Phòng Nông nghiệp", 1, None)],
    ]


def test_schedule_teams_print_as_sub_headers_spanning_the_table(specs, tmp_path):
    first = [row(8, "Xã A", "sáng", members=()), row(8, "Xã B", "chiều", members=())]
    second = [row(8, "Xã C", "sáng", members=("nn",))]
    teams = [
        Team(P, t("doan_1"), t("ĐOÀN KIỂM TRA SỐ 1"), [MemberRef(t("pho_truong_ban"), True)], first),
        Team(P, t("doan_2"), t("ĐOÀN KIỂM TRA SỐ 2"), [MemberRef(t("pho_truong_ban"), True)], second),
    ]
    for team in teams:
        for r in team.rows:
            r.team = team
    doc = written(tmp_path, schedule(specs, first + second, teams=teams), schedule=True)
    rows = grid(doc.tables[0])
    assert rows[1] == [("ĐOÀN KIỂM TRA SỐ 1", 4, None)] and rows[4] == [("ĐOÀN KIỂM TRA SỐ 2", 4, None)]
    assert [r[2][0] for r in (rows[2], rows[3], rows[5])] == ["Xã A", "Xã B", "Xã C"]
    assert rows[5][3][0] == "1. Phó Trưởng Ban Chỉ đạo huyện\n2. Đại diện Phòng Nông nghiệp"


# -- from YAML, as a user writes it (docs/plan-format.md, "Extensions") ---------------------

JOINT_PLAN = """\
organ:
  - {parent: UBND TỈNH LẠNG SƠN, name: SỞ NỘI VỤ, code: SNV}
  - {name: "ỦY BAN MTTQ VIỆT NAM TỈNH LẠNG SƠN", code: MTTQ}
signer:
  - {lines: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC], name: Nguyễn Văn A}
  - {lines: [TM. BAN THƯỜNG TRỰC, PHÓ CHỦ TỊCH], name: Trần Thị B}
place: Lạng Sơn
date: 2022-03-01
subject: Phối hợp giám sát giảm nghèo
sections:
  - title: MỤC ĐÍCH
    text: Giám sát đúng quy định.
    table:
      columns: [[{text: STT, rows: 2}, {text: Đơn vị, rows: 2}, {text: Kết quả, span: 2}], [Hộ nghèo, Hộ cận nghèo]]
      rows: [["", Xã A, "12", "30"], [{text: Xã B và C, span: 2}, "5", "6"]]
  - title: TỔ CHỨC
    text: Các đơn vị thực hiện./.
recipients: [UBND các huyện]
archive: VT
appendices:
  - title: ĐỀ CƯƠNG BÁO CÁO
    body:
      - title: Kết quả thực hiện
        body: ["- Số hộ nghèo đầu kỳ: ..."]
      - title: Số liệu
        table: {columns: [STT, Chỉ tiêu, Số lượng], widths: [10, 60, 30], rows: [["", Hộ nghèo, ""]]}
  - schedule: lich.yaml
"""

TEAM_SCHEDULE = """\
title: LỊCH GIÁM SÁT
layout: buoi
headers: {place: Địa bàn}
members: {a: Phó Giám đốc Sở, b: Phó Chủ tịch MTTQ}
teams:
  - name: ĐOÀN SỐ 1
    members: [a]
    rows:
      - {date: 2022-03-07, session: sáng, time: 7h30, place: Xã A}
      - {date: 2022-03-07, session: chiều, place: Xã B, note: Mang hồ sơ}
  - name: ĐOÀN SỐ 2
    members: [b]
    rows:
      - {from: 2022-03-08, to: 2022-03-09, place: Xã C}
rows: []
"""


def test_a_joint_plan_with_every_extension_from_yaml(specs, tmp_path):
    from click.testing import CliRunner

    from kehoach.cli import main

    specs.write("lich.yaml", TEAM_SCHEDULE)
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", JOINT_PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert_opens_in_word(out)
    doc = Document(str(out))
    assert doc.tables[0].rows[1].cells[0].text == "Số:      /KH-SNV-MTTQ"
    assert grid(doc.tables[1])[0] == [("STT", 1, "restart"), ("Đơn vị", 1, "restart"), ("Kết quả", 2, None)]
    texts = [p.text for p in doc.paragraphs]
    assert "1. Kết quả thực hiện" in texts and "2. Số liệu" in texts
    assert widths(doc.tables[-2]) == [936, 5613, 2806]
    schedule = grid(doc.tables[-1])
    assert [cell[0] for cell in schedule[0]] == ["STT", "Ngày", "Buổi", "Địa bàn", "Thành phần", "Ghi chú"]
    assert schedule[1] == [("ĐOÀN SỐ 1", 6, None)]
    assert schedule[2][:3] == [("1", 1, "restart"), ("Thứ Hai\n07/3/2022", 1, "restart"), ("Sáng 7h30", 1, None)]
    assert schedule[3][:3] == [("", 1, "continue"), ("", 1, "continue"), ("Chiều", 1, None)]
    assert schedule[5][1][0] == "Từ ngày 08/3 đến ngày 09/3/2022"
