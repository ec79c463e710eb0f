"""Rules about the file and the spec's shape.

The codes the loader raises while it reads are declared in kehoach/rules.py; these look at the
loaded spec.
"""

from __future__ import annotations

import re

from kehoach.rules import ERROR, WARNING, check, known
from kehoach.spec.memo import once_per_spec
from kehoach.spec.model import FOOTNOTE_MARKER, Plan, Text
from kehoach.spec.prose import prose_texts
from kehoach.vnformat import ngay

@check("KH-S013", WARNING, applies_to=Plan)
def base_punctuation(plan):
    """Căn cứ không kết thúc bằng `;` (căn cứ cuối: `.` hoặc `,`)."""
    last = len(plan.bases) - 1
    for i, base in enumerate(plan.bases):
        text = base.value.rstrip()
        end = text[-1:] if text else ""
        if i < last and end != ";":
            yield base.pos, f"căn cứ nên kết thúc bằng `;` (đang là `{end}`): thêm `;` ở cuối dòng"
        elif i == last and end not in (".", ",", ";"):
            yield base.pos, "căn cứ cuối cùng nên kết thúc bằng `.` (hoặc `,` khi câu mở đầu nối tiếp): thêm dấu ở cuối dòng"
        elif i == last and end == ";":
            yield base.pos, "căn cứ cuối cùng kết thúc bằng `.` (hoặc `,`), không phải `;`"


@once_per_spec
def _markers(plan: Plan) -> list[tuple[Text, re.Match]]:
    """Each footnote marker (`[^key]`) in the plan's prose, found once for the two rules that read
    them. Few texts hold one: a text without `[^` is passed over, a search costing a fraction of a
    regex scan's call."""
    return [
        (text, match)
        for text in prose_texts(plan) if "[^" in text.value
        for match in FOOTNOTE_MARKER.finditer(text.value)
    ]


@check("KH-S014", ERROR, applies_to=Plan)
def footnote_markers(plan):
    """Dấu chú thích `[^key]` không có nội dung trong `footnotes`."""
    for text, match in _markers(plan):
        if match.group(1) not in plan.footnotes:
            yield text.pos_at(match.start()), (
                f"chú thích `[^{match.group(1)}]` chưa có nội dung: thêm `{match.group(1)}: ...` vào `footnotes`"
            )


@check("KH-S015", WARNING, applies_to=Plan)
def unused_footnotes(plan):
    """Chú thích trong `footnotes` không được dùng ở đâu."""
    used = {match.group(1) for _, match in _markers(plan)}
    for key, text in plan.footnotes.items():
        if key not in used:
            yield text.pos, f"chú thích `{key}` không được dùng: thêm `[^{key}]` vào văn bản hoặc xóa nó"


@check("KH-S016", WARNING)
def unknown_ignored_codes(spec):
    """`ignore` nêu một mã quy tắc không tồn tại."""
    for code in spec.ignore:
        if known(code.value) is None:
            yield code.pos, f"không có quy tắc `{code.value}`: xem `kehoach rules` để biết các mã"


def not_ignorable(code: str, where: str) -> str:
    return (
        f"`{where}` nêu `{code}` nhưng lỗi này không bỏ qua được: nó làm kế hoạch thiếu một phần "
        "nên không dựng được văn bản; hãy sửa lỗi đó"
    )


@check("KH-S020", WARNING)
def unignorable_codes(spec):
    """`ignore` nêu một mã lỗi không bỏ qua được (lỗi làm kế hoạch thiếu một phần)."""
    for code in spec.ignore:
        rule = known(code.value)
        if rule is not None and not rule.ignorable:
            yield code.pos, not_ignorable(code.value, "ignore")


def _last_paragraph(plan: Plan):
    """The last sentence of the body: the closing, else the deepest last text of the sections
    (a heading is never the closing sentence)."""
    if plan.closing:
        return plan.closing[-1]
    items = plan.sections
    last = None
    while items:
        item = items[-1]
        if isinstance(item, Text):
            return item
        last = item.text or last
        if item.timeline:
            return item.timeline[-1].task
        items = item.body
    return last


@check("KH-S017", WARNING, applies_to=Plan)
def body_ends_with_end_mark(plan):
    """Phần nội dung không kết thúc bằng `./.` (Nghị định 30/2020, Phụ lục I)."""
    last = _last_paragraph(plan)
    if last is not None and not last.value.rstrip().rstrip("*").endswith("./."):
        yield last.pos, "câu cuối của phần nội dung phải kết thúc bằng `./.`: thêm `./.` vào cuối câu"


@check("KH-S019", WARNING, applies_to=Plan)
def plan_for_next_year(plan):
    """`year` là năm sau năm của ngày ban hành `date` (kế hoạch cho năm sau, ký cuối năm)."""
    # Any other difference is an error where the loader reads `year`; this one is how plans for the
    # coming year are issued in the last quarter, and just as often last year's `year` left unchanged.
    if plan.date is not None and plan.year == plan.date.value.year + 1:
        yield plan.date.pos, (
            f"kế hoạch năm {plan.year} ký ngày {ngay(plan.date.value)}: nếu đây là kế hoạch cho năm sau thì giữ nguyên "
            f"(thêm `ignore: [KH-S019]`); nếu không, sửa `year: {plan.date.value.year}` hoặc bỏ `year`"
        )