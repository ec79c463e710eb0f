"""Layout rules of Nghị định 30/2020 (Phụ lục I) on an existing Word document: fonts, the size and
style of each part of the header and of Nơi nhận, margins, the date's zero rule, Nơi nhận's
punctuation, page numbers, the rules under the organ and the Tiêu ngữ. Warnings, like the checkers
clerks already use. The rules read a `WordLayout`, the facts the importer gathers from the .docx."""

from __future__ import annotations

import re
from typing import NamedTuple

from kehoach.diagnostics import Pos
from kehoach.rules import WARNING, check

FONT = "Times New Roman"


# Named tuples, not dataclasses: every `check` imports this module to know the KH-N codes, and only
# a Word document builds these.
class LayoutParagraph(NamedTuple):
    number: int
    text: str
    sizes: set[float]    # of its letters, in points; empty when unknown
    fonts: set[str]
    bold: bool           # every letter bold
    italic: bool         # every letter italic
    not_bold: bool       # no letter bold
    not_italic: bool


WHOLE_DOCUMENT = 0


class WordLayout(NamedTuple):
    file: str
    paragraphs: list[LayoutParagraph]
    # The document's parts: organ, parent, quoc_hieu, tieu_ngu, so, place_date, title, subject,
    # noi_nhan, recipients, rule_left, rule_right.
    parts: dict[str, list[LayoutParagraph]]
    margins: tuple[float | None, float | None, float | None, float | None]   # top, bottom, left, right (mm)
    page_number_in_header: bool
    title_page: bool

    def pos(self, paragraph: LayoutParagraph) -> Pos:
        return Pos(self.file, paragraph.number, 1)

    def whole(self) -> Pos:
        """The position of a problem of the whole document (margins, page numbers): paragraph 0,
        so that it is never taken for the first paragraph."""
        return Pos(self.file, WHOLE_DOCUMENT, 0)


def _sizes(low: float, high: float, paragraph: LayoutParagraph) -> str | None:
    wrong = sorted(s for s in paragraph.sizes if not low <= s <= high)
    if not wrong:
        return None
    want = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    return f"cỡ chữ {', '.join(f'{s:g}' for s in wrong)} (cần {want})"


def _part(layout: WordLayout, part: str, what: str, low: float, high: float, *, bold=None, italic=None, upper=False):
    for paragraph in layout.parts.get(part, []):
        problems = []
        if (found := _sizes(low, high, paragraph)) is not None:
            problems.append(found)
        if bold is True and not paragraph.bold:
            problems.append("chưa in đậm")
        if bold is False and not paragraph.not_bold:
            problems.append("không được in đậm")
        if italic is True and not paragraph.italic:
            problems.append("chưa in nghiêng")
        if italic is False and not paragraph.not_italic:
            problems.append("không được in nghiêng")
        if upper and paragraph.text != paragraph.text.upper():
            problems.append("chưa viết in hoa")
        if problems:
            yield layout.pos(paragraph), f"{what}: {'; '.join(problems)} (Nghị định 30/2020, Phụ lục I)"


@check("KH-N001", WARNING, WordLayout)
def font(layout: WordLayout):
    """Văn bản phải dùng phông Times New Roman."""
    wrong = [p for p in layout.paragraphs if p.fonts - {FONT, "(theme)"}]
    if wrong:
        names = sorted({f for p in wrong for f in p.fonts} - {FONT, "(theme)"})
        yield layout.pos(wrong[0]), (
            f"phông {', '.join(names)} ở {len(wrong)} đoạn (đoạn đầu tiên ở đây): dùng phông {FONT} cho toàn văn bản"
        )


@check("KH-N002", WARNING, WordLayout)
def quoc_hieu(layout: WordLayout):
    """Quốc hiệu: chữ in hoa, cỡ 12–13, đứng, đậm."""
    yield from _part(layout, "quoc_hieu", "Quốc hiệu", 12, 13, bold=True, italic=False, upper=True)


@check("KH-N003", WARNING, WordLayout)
def tieu_ngu(layout: WordLayout):
    """Tiêu ngữ: cỡ 13–14, đứng, đậm."""
    yield from _part(layout, "tieu_ngu", "Tiêu ngữ", 13, 14, bold=True, italic=False)


@check("KH-N004", WARNING, WordLayout)
def organ(layout: WordLayout):
    """Tên cơ quan ban hành in hoa, cỡ 12–13, đậm; cơ quan chủ quản in hoa, không đậm."""
    yield from _part(layout, "organ", "Tên cơ quan ban hành", 12, 13, bold=True, upper=True)
    yield from _part(layout, "parent", "Tên cơ quan chủ quản", 12, 13, bold=False, upper=True)


@check("KH-N005", WARNING, WordLayout)
def number(layout: WordLayout):
    """Số, ký hiệu: cỡ 13, đứng."""
    yield from _part(layout, "so", "Dòng «Số:»", 13, 13, bold=False, italic=False)


@check("KH-N006", WARNING, WordLayout)
def place_date(layout: WordLayout):
    """Địa danh và thời gian ban hành: cỡ 13–14, nghiêng."""
    yield from _part(layout, "place_date", "Địa danh, ngày tháng", 13, 14, italic=True, bold=False)


@check("KH-N007", WARNING, WordLayout)
def title(layout: WordLayout):
    """Tên loại (KẾ HOẠCH) và trích yếu: cỡ 13–14, đậm."""
    yield from _part(layout, "title", "Tên loại «KẾ HOẠCH»", 13, 14, bold=True, upper=True)
    yield from _part(layout, "subject", "Trích yếu", 13, 14, bold=True)


@check("KH-N008", WARNING, WordLayout)
def recipients_style(layout: WordLayout):
    """«Nơi nhận:» cỡ 12, đậm nghiêng; các dòng nơi nhận cỡ 11, đứng."""
    yield from _part(layout, "noi_nhan", "«Nơi nhận:»", 12, 12, bold=True, italic=True)
    # One line is enough to say: the recipients are usually all set alike.
    first = next(iter(_part(layout, "recipients", "Các dòng nơi nhận", 11, 11, bold=False, italic=False)), None)
    if first is not None:
        yield first


_LIMITS = (("trên", 20, 25), ("dưới", 20, 25), ("trái", 30, 35), ("phải", 15, 20))


@check("KH-N009", WARNING, WordLayout)
def margins(layout: WordLayout):
    """Lề trang: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm."""
    wrong = [
        f"lề {name} {value:g} mm (cần {low}–{high})"
        for (name, low, high), value in zip(_LIMITS, layout.margins)
        if value is not None and not low - 0.5 <= value <= high + 0.5
    ]
    if wrong:
        yield layout.whole(), "; ".join(wrong) + ": sửa trong Bố cục → Lề (Nghị định 30/2020, Phụ lục I)"


_DATE = r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm"  # compiled (and cached by re) on a Word document only


@check("KH-N010", WARNING, WordLayout)
def date_zeros(layout: WordLayout):
    """Ngày dưới 10 và tháng 1, 2 viết thêm số 0 (ngày 05 tháng 02); tháng khác không (tháng 9)."""
    for paragraph in layout.parts.get("place_date", []):
        m = re.search(_DATE, paragraph.text, re.I)
        if m is None:
            continue
        day, month = m["d"], m["m"]
        want_day = f"{int(day):02d}"
        want_month = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
        if (day, month) != (want_day, want_month):
            yield layout.pos(paragraph), (
                f"viết «ngày {want_day} tháng {want_month}», không phải «ngày {day} tháng {month}» "
                "(ngày dưới 10 và tháng 1, 2 thêm số 0)"
            )


@check("KH-N011", WARNING, WordLayout)
def recipients_punctuation(layout: WordLayout):
    """Mỗi dòng nơi nhận kết thúc bằng «;», dòng cuối («Lưu: …») bằng «.»."""
    lines = [p for p in layout.parts.get("recipients", []) if p.text]
    for k, paragraph in enumerate(lines):
        last = k == len(lines) - 1
        want = "." if last else ";"
        if not paragraph.text.endswith(want):
            yield layout.pos(paragraph), f"dòng nơi nhận {'cuối ' if last else ''}phải kết thúc bằng «{want}»"


@check("KH-N012", WARNING, WordLayout)
def page_numbers(layout: WordLayout):
    """Số trang ở giữa phần đầu trang, từ trang thứ hai (trang đầu không đánh số)."""
    if not layout.page_number_in_header:
        yield layout.whole(), "văn bản không đánh số trang ở đầu trang: chèn số trang (Chèn → Số trang → Đầu trang, giữa)"
    elif not layout.title_page:
        yield layout.whole(), "trang đầu cũng có số trang: chọn «Trang đầu khác» (Different First Page) để bỏ số ở trang 1"


@check("KH-N013", WARNING, WordLayout)
def header_rules(layout: WordLayout):
    """Dưới tên cơ quan ban hành và dưới Tiêu ngữ có đường kẻ ngang."""
    organ = layout.parts.get("organ", [])
    if organ and not layout.parts.get("rule_left"):
        yield layout.pos(organ[-1]), "thiếu đường kẻ ngang dưới tên cơ quan ban hành (dài 1/3 đến 1/2 dòng chữ, ở giữa)"
    tieu_ngu = layout.parts.get("tieu_ngu", [])
    if tieu_ngu and not layout.parts.get("rule_right"):
        yield layout.pos(tieu_ngu[-1]), "thiếu đường kẻ ngang dưới Tiêu ngữ (dài bằng dòng chữ)"
