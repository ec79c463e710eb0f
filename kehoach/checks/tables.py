"""Rules about tables (in sections, in appendices, in an appendix's body): their shape, never
silently shifted or cut when rendered. A table of the wrong shape cannot be rendered at all, so no
`ignore` silences these."""

from __future__ import annotations

from typing import Iterator

from kehoach.rules import ERROR, check
from kehoach.spec.model import Plan, Section, Table, TableAppendix, placed_rows


def _tables_in(body) -> Iterator[Table]:
    for item in body:
        if isinstance(item, Section):
            if item.table is not None:
                yield item.table
            yield from _tables_in(item.body)


def tables(plan: Plan) -> Iterator[Table]:
    """Every table of a plan, in document order."""
    yield from _tables_in(plan.sections)
    for appendix in plan.appendices:
        if isinstance(appendix, TableAppendix):
            if appendix.table is not None:
                yield appendix.table
            yield from _tables_in(appendix.body)


# Word's own limit: a table of more columns cannot be opened.
MAX_COLUMNS = 63


def _shaped(table: Table) -> bool:
    return 0 < table.width <= MAX_COLUMNS


@check("KH-S021", ERROR, applies_to=Plan, ignorable=False)
def table_without_columns(plan):
    """Bảng không có cột nào (`columns` rỗng), hoặc nhiều cột hơn Word mở được (63)."""
    for table in tables(plan):
        if table.width == 0:
            yield table.pos, "bảng không có cột nào: nêu tiêu đề các cột, ví dụ `columns: [STT, Nội dung, Ghi chú]`"
        elif table.width > MAX_COLUMNS:
            yield table.pos, (
                f"bảng có {table.width} cột (tính cả `span`), Word chỉ mở được bảng đến {MAX_COLUMNS} cột: "
                "tách thành nhiều bảng"
            )


@check("KH-S022", ERROR, applies_to=Plan, ignorable=False)
def row_cells_differ_from_columns(plan):
    """Một dòng của bảng có nhiều hoặc ít ô hơn số cột (tính cả ô gộp), hoặc ô gộp dòng vượt quá cuối bảng."""
    for table in tables(plan):
        if not _shaped(table):
            continue
        width = table.width
        for index, row in enumerate(placed_rows(table.header, width)[1:], start=1):
            if not row.fits:
                cells = table.header[index]
                pos = cells[0].pos if cells else table.pos
                yield pos, _mismatch("dòng tiêu đề", row.filled, row.free, width, numbered=False)
        for row, pos in zip(placed_rows(table.rows, width, table.numbered), table.row_pos):
            if not row.fits:
                yield pos, _mismatch("dòng", row.filled, row.free, width, table.numbered)
        for part, what in ((table.header, "phần tiêu đề"), (table.rows, "bảng")):
            yield from _past_the_end(part, what)


def _past_the_end(rows, what: str):
    """Cells merged over more rows than are left (`rows` in the header never reach the body)."""
    for index, cells in enumerate(rows):
        left = len(rows) - index
        for cell in cells:
            if cell.rows > left:
                yield cell.pos, f"ô gộp {cell.rows} dòng (`rows`) nhưng {what} chỉ còn {left} dòng từ dòng này: sửa `rows: {left}`"


def _mismatch(what: str, filled: int, free: int, width: int, numbered: bool) -> str:
    above = f", {width - free} cột đã có ô gộp từ dòng trên (`rows`)" if free < width else ""
    stt = "; ô STT có thể bỏ đi hoặc để `\"\"` để được đánh số tự động" if numbered else ""
    more_or_less = "thừa" if filled > free else "thiếu"
    return (
        f"{what} có {filled} ô (tính cả `span`) nhưng bảng có {width} cột{above}: {more_or_less} "
        f"{abs(filled - free)} ô; thêm hoặc bớt ô cho đúng từng cột{stt}"
    )


@check("KH-S023", ERROR, applies_to=Plan, ignorable=False)
def widths_differ_from_columns(plan):
    """Độ rộng cột (`widths`) không khớp số cột hoặc cộng lại quá 100%."""
    for table in tables(plan):
        if not table.widths or not _shaped(table):
            continue
        if len(table.widths) != table.width:
            yield table.pos, (
                f"`widths` có {len(table.widths)} số nhưng bảng có {table.width} cột: mỗi cột một độ rộng (phần trăm)"
            )
        elif sum(table.widths) > 100.5:
            yield table.pos, (
                f"`widths` cộng lại {sum(table.widths):g}%, rộng hơn trang: các độ rộng là phần trăm của bề rộng văn bản, "
                "tổng không quá 100"
            )
