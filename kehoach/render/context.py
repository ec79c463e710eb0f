"""The words of the document's fixed parts, as Nghị định 30/2020 wants them written."""

from __future__ import annotations

from kehoach.doctypes import TYPE_NAMES
from kehoach.render.ooxml import clean, plain
from kehoach.spec.model import Plan, Schedule
from kehoach.vnformat import month_text

DRAFT_BLANK = "     "


def type_name(plan: Plan) -> str:
    return TYPE_NAMES[plan.type_code]


def so_ky_hieu(plan: Plan) -> str:
    """`05/KH-BCĐ`: two digits below 10, no spaces inside; a draft leaves the number blank."""
    number = f"{plan.number:02d}" if plan.number is not None else DRAFT_BLANK
    return f"{number}/{plan.type_code}-{plan.organ.code.value}"


def ngay_thang_nam(plan: Plan) -> str:
    """`ngày 08 tháng 01 năm 2024`; a draft `ngày      tháng      năm 2024` (or with its known month)."""
    if plan.date is not None:
        d = plan.date.value
        return f"ngày {d.day:02d} tháng {month_text(d.month)} năm {d.year}"
    month = month_text(plan.month) if plan.month else DRAFT_BLANK
    return f"ngày {DRAFT_BLANK} tháng {month} năm {plan.year}"


def dia_danh_ngay(plan: Plan) -> str:
    return f"{plan.place.value}, {ngay_thang_nam(plan)}"


def organ_mention(plan: Plan) -> str:
    """How running text names the organ: `organ.mention`, else the name in sentence case."""
    if plan.organ.mention is not None:
        return plan.organ.mention.value
    name = plan.organ.name.value.replace("\n", " ")
    return name[:1] + name[1:].lower()


def kem_theo(plan: Plan) -> str:
    return f"(Kèm theo {type_name(plan)} số {so_ky_hieu(plan)} {ngay_thang_nam(plan)} của {organ_mention(plan)})"


def metadata(spec: Plan | Schedule) -> tuple[str, str]:
    """Title and author of the document and its PDF: a plan's trích yếu and organ, a schedule's title."""
    if isinstance(spec, Plan):
        return plain(spec.subject.value), clean(spec.organ.name.value)
    return (plain(spec.title.value) if spec.title else "Lịch"), ""
