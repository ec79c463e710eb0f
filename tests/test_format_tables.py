"""Tables anywhere: header rows, merged cells, widths, appendices with a body; a row never shifted or cut."""

from conftest import MINIMAL_PLAN

from kehoach.check import check_file
from kehoach.spec.model import Cell, Text, placed_rows


def appendix(table: str) -> str:
    """The minimal plan with one table appendix; the table's keys from line 14 on."""
    return MINIMAL_PLAN + "appendices:\n  - title: SỐ LIỆU\n    table:\n" + table


MERGED = """\
      columns:
        - [{text: STT, rows: 2}, {text: Đơn vị, rows: 2}, {text: Số hộ, span: 2}]
        - [Nghèo, Cận nghèo]
      widths: [8, 52, 20, 20]
      rows:
        - ["", Xã A, "12", "30"]
        - [Xã B, "9", "21"]
        - [{text: Tổng, span: 2}, "21", "51"]
"""


def test_a_header_of_two_rows_with_merged_cells_is_clean(specs):
    assert specs.check(appendix(MERGED)) == []


def test_the_model_keeps_header_rows_spans_and_widths(specs):
    table = check_file(specs.write("plan.yaml", appendix(MERGED))).spec.appendices[0].table
    assert [[(c.value, c.span, c.rows) for c in row] for row in table.header] == [
        [("STT", 1, 2), ("Đơn vị", 1, 2), ("Số hộ", 2, 1)],
        [("Nghèo", 1, 1), ("Cận nghèo", 1, 1)],
    ]
    assert [c.value for c in table.columns] == ["STT", "Đơn vị", "Số hộ"]
    assert table.width == 4 and table.numbered and table.widths == [8, 52, 20, 20]
    assert [[(column, cell.value) for column, cell in row.cells] for row in placed_rows(table.header, 4)] == [
        [(0, "STT"), (1, "Đơn vị"), (2, "Số hộ")],
        [(2, "Nghèo"), (3, "Cận nghèo")],
    ]
    # The STT cell written "" and the one left out are both numbered by the renderer: column 0 is the number's.
    placed = placed_rows(table.rows, 4, numbered=True)
    assert [(row.number_left_out, [column for column, _ in row.cells]) for row in placed] == [
        (False, [0, 1, 2, 3]), (True, [1, 2, 3]), (False, [0, 2, 3]),
    ]


def test_a_row_with_a_cell_too_many(specs):
    text = appendix("      columns: [STT, Họ và tên, Chức vụ]\n      rows:\n        - [\"1\", Nguyễn Văn A, Trưởng thôn, thừa]\n")
    assert specs.messages(text) == [
        "KH-S022 dòng có 4 ô (tính cả `span`) nhưng bảng có 3 cột: thừa 1 ô; thêm hoặc bớt ô cho đúng từng cột; "
        'ô STT có thể bỏ đi hoặc để `""` để được đánh số tự động'
    ]
    assert specs.check(text) == ["16:11 error KH-S022"]


def test_a_short_row_is_an_error_not_padded(specs):
    text = appendix("      columns: [Họ và tên, Chức vụ, Ghi chú]\n      rows:\n        - [Nguyễn Văn A]\n")
    assert specs.messages(text) == [
        "KH-S022 dòng có 1 ô (tính cả `span`) nhưng bảng có 3 cột: thiếu 2 ô; thêm hoặc bớt ô cho đúng từng cột"
    ]


def test_cells_covered_from_above_are_left_out(specs):
    good = appendix("      columns: [Xã, Thôn, Số hộ]\n      rows:\n        - [{text: Xã A, rows: 2}, Thôn 1, \"3\"]\n        - [Thôn 2, \"4\"]\n")
    assert specs.check(good) == []
    bad = good.replace('[Thôn 2, "4"]', '[Xã A, Thôn 2, "4"]')
    assert specs.messages(bad) == [
        "KH-S022 dòng có 3 ô (tính cả `span`) nhưng bảng có 3 cột, 1 cột đã có ô gộp từ dòng trên (`rows`): "
        "thừa 1 ô; thêm hoặc bớt ô cho đúng từng cột"
    ]


def test_a_cell_merged_past_the_last_row(specs):
    text = appendix("      columns: [Xã, Thôn]\n      rows:\n        - [{text: Xã A, rows: 3}, Thôn 1]\n        - [Thôn 2]\n")
    assert specs.messages(text) == ["KH-S022 ô gộp 3 dòng (`rows`) nhưng bảng chỉ còn 2 dòng từ dòng này: sửa `rows: 2`"]
    assert specs.check(text) == ["16:19 error KH-S022"]


def test_a_header_row_that_does_not_fill_the_columns(specs):
    text = appendix("      columns:\n        - [STT, {text: Số hộ, span: 2}]\n        - [Nghèo]\n      rows: [[\"1\", \"2\", \"3\"]]\n")
    assert specs.check(text) == ["16:12 error KH-S022"]


def test_a_table_with_no_columns(specs):
    text = appendix("      columns: []\n      rows: [[a]]\n")
    assert specs.messages(text) == [
        "KH-S021 bảng không có cột nào: nêu tiêu đề các cột, ví dụ `columns: [STT, Nội dung, Ghi chú]`"
    ]
    assert specs.check(text) == ["14:7 error KH-S021"]


def test_more_columns_than_word_opens(specs):
    text = appendix("      columns: [{text: Số liệu, span: 64}]\n      rows: [[a]]\n")
    assert specs.messages(text) == [
        "KH-S021 bảng có 64 cột (tính cả `span`), Word chỉ mở được bảng đến 63 cột: tách thành nhiều bảng"
    ]


def test_widths_one_per_column_and_at_most_the_page(specs):
    base = "      columns: [STT, Nội dung]\n      rows: [[\"1\", a]]\n"
    assert specs.check(appendix(base + "      widths: [10, 90]\n")) == []
    assert specs.messages(appendix(base + "      widths: [10, 20, 70]\n")) == [
        "KH-S023 `widths` có 3 số nhưng bảng có 2 cột: mỗi cột một độ rộng (phần trăm)"
    ]
    assert specs.codes(appendix(base + "      widths: [50, 60]\n")) == ["KH-S023"]
    assert specs.codes(appendix(base + "      widths: [10, rộng]\n")) == ["KH-S004"]


def test_a_merged_cell_spans_at_least_one_column(specs):
    text = appendix("      columns: [a, b]\n      rows: [[{text: x, span: 0}, y]]\n")
    assert specs.codes(text) == ["KH-S012"]


BODY = """\
appendices:
  - title: ĐỀ CƯƠNG BÁO CÁO NĂM {{ year }}
    body:
      - title: Kết quả thực hiện năm {{ year }}
        body: ["- Số hộ nghèo đầu kỳ: ..."]
      - title: Số liệu
        table: {columns: [STT, Chỉ tiêu, Số lượng], rows: [["", Hộ nghèo, ""]]}
"""


def test_an_appendix_with_a_body_of_text_and_tables(specs):
    found = check_file(specs.write("plan.yaml", MINIMAL_PLAN + BODY))
    assert found.diagnostics == []
    appendix = found.spec.appendices[0]
    assert appendix.table is None and appendix.numbering is None
    assert [s.title.value for s in appendix.body] == ["Kết quả thực hiện năm 2023", "Số liệu"]
    assert appendix.body[1].table.rows[0][1].value == "Hộ nghèo"


def test_the_tables_of_an_appendix_body_are_checked(specs):
    text = MINIMAL_PLAN + BODY.replace('[["", Hộ nghèo, ""]]', "[[Hộ nghèo, \"\", \"\", \"\"]]")
    assert specs.check(text) == ["17:60 error KH-S022"]


def test_an_appendix_has_a_table_or_a_body(specs):
    both = MINIMAL_PLAN + BODY.replace("    body:\n", "    table: {columns: [a], rows: [[b]]}\n    body:\n", 1)
    assert specs.messages(both) == [
        "KH-S012 phụ lục dùng `table` (một bảng) hoặc `body` (văn bản và các bảng), không dùng cả hai"
    ]
    form = MINIMAL_PLAN + BODY.replace("    body:\n", "    blank_rows: 5\n    body:\n", 1)
    assert specs.messages(form) == [
        "KH-S012 `blank_rows` dùng cho phụ lục một bảng (`table`), không dùng với `body`: đặt bảng vào `table`, hoặc bỏ khóa này"
    ]
    neither = MINIMAL_PLAN + "appendices:\n  - title: PHỤ LỤC\n"
    assert specs.messages(neither) == [
        "KH-S003 phụ lục thiếu khóa `table`: thêm `table: ...` (hoặc `body` cho văn bản và nhiều bảng)"
    ]


def test_placing_cells_is_one_pass_over_them():
    cell = Cell(Text("x", None))
    rows = [[Cell(Text("a", None), rows=3), cell, cell]] + [[cell, cell]] * 2 + [[cell, cell, cell]]
    assert [row.fits for row in placed_rows(rows, 3)] == [True, True, True, True]


def test_header_cells_are_texts_of_the_plan(specs):
    from kehoach.spec.model import iter_texts

    text = appendix(MERGED.replace("Cận nghèo]", "\"Cận nghèo[^1]\"]")) + "footnotes: {1: Theo chuẩn nghèo giai đoạn 2022–2025.}\n"
    assert specs.check(text) == []
    texts = iter_texts(check_file(specs.write("plan.yaml", text)).spec)
    assert len({id(t) for t in texts}) == len(texts) and [t.value for t in texts].count("STT") == 1


def test_a_table_of_the_wrong_shape_cannot_be_ignored(specs):
    text = appendix("      columns: [Họ và tên, Chức vụ]\n      rows:\n        - [Nguyễn Văn A]\n") + "ignore: [KH-S022]\n"
    assert specs.codes(text) == ["KH-S022", "KH-S020"]
    # `--ignore` too: its warning stands at the first error it could not silence.
    assert specs.check(text, ignore=("KH-S022",)) == ["16:11 warning KH-S020", "16:11 error KH-S022", "17:10 warning KH-S020"]
