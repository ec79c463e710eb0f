"""A Word table as a spec table: the first row is the header, cells keep their column spans and
vertical merges (`{text, span}`, `{text, rows}`), and the cells a merge covers are left out."""

from __future__ import annotations

from kehoach.word.paragraphs import Cell, Paragraph, Table
from kehoach.importer.source import markup, pieces, src


def cell_text(cell: Cell):
    paragraphs = [p for p in cell.paragraphs if p.text]
    text = " ".join(_marked(p) for p in paragraphs)
    return src(text, paragraphs[0] if paragraphs else (cell.paragraphs[0] if cell.paragraphs else None))


def _marked(paragraph: Paragraph) -> str:
    body = markup(pieces(paragraph))
    return f"{paragraph.label} {body}".strip() if paragraph.label else body


def positions(table: Table) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with their grid column (from 0)."""
    out = []
    for row in table.rows:
        column, placed = 0, []
        for cell in row:
            placed.append((column, cell))
            column += cell.span
        out.append(placed)
    return out


def _row_spans(grid: list[list[tuple[int, Cell]]]) -> dict[tuple[int, int], int]:
    spans: dict[tuple[int, int], int] = {}
    for r, row in enumerate(grid):
        for column, cell in row:
            if cell.merge != "restart":
                continue
            count = 1
            for below in grid[r + 1:]:
                match = next((c for col, c in below if col == column), None)
                if match is None or match.merge != "continue":
                    break
                count += 1
            spans[(r, column)] = count
    return spans


def to_spec(table: Table) -> dict:
    grid = positions(table)
    spans = _row_spans(grid)
    rows = []
    for r, row in enumerate(grid):
        cells = []
        for column, cell in row:
            if cell.merge == "continue":
                continue
            text = cell_text(cell)
            extra = {}
            if cell.span > 1:
                extra["span"] = cell.span
            if spans.get((r, column), 1) > 1:
                extra["rows"] = spans[(r, column)]
            cells.append({"text": text, **extra} if extra else text)
        rows.append(cells)
    if len(rows) < 2:
        return {"columns": rows[0] if rows else [], "rows": []}
    return {"columns": rows[0], "rows": rows[1:]}
