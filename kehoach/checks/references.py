"""Rules about the documents a plan cites: their numbers and symbols, dates and issuers."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Iterator

from kehoach.rules import ERROR, INFO, WARNING, check
from kehoach.refs import issuers, registry
from kehoach.refs.extract import KINDS, Reference
from kehoach.refs.in_spec import references
from kehoach.spec.model import Plan, ScheduleAppendix, Text, iter_texts
from kehoach.vnformat import ngay

BLDTBXH_MERGED = dt.date(2025, 3, 1)
TWO_LEVEL_GOVERNMENT = dt.date(2025, 7, 1)


def _at(text: Text, offset: int | None):
    return text.pos_at(offset or 0)


def _plan_limit(spec: Plan) -> dt.date | None:
    """What a cited document must not be dated after: the plan's date, for a draft 31/12 of its year."""
    if spec.date is not None:
        return spec.date.value
    return dt.date(spec.year, 12, 31) if spec.year else None


@check("KH-R001", WARNING)
def unknown_issuer_code(spec):
    """Ký hiệu cơ quan ban hành không có trong danh sách (`17/TT-BLĐTBH`)."""
    for text, ref in references(spec):
        if not ref.normative:
            continue
        for code in ref.issuers:
            if not issuers.known(code):
                close = issuers.suggest(code)
                hint = f"có phải `{close}`?" if close else "kiểm tra lại, hoặc thêm mã vào kehoach/data/issuer_codes.yaml"
                yield _at(text, ref.offset), f"`{ref.number}`: không có cơ quan ban hành ký hiệu `{code}`: {hint}"


def _suggestion(ref: Reference) -> str:
    found = registry.candidates(ref)
    if len(found) == 1:
        return f"có phải `{found[0].number}` ({found[0].kind} ngày {ngay(found[0].date)})?" if found[0].date else f"có phải `{found[0].number}`?"
    return ""


@check("KH-R002", ERROR)
def normative_without_year(spec):
    """Nghị định, Thông tư, Thông tư liên tịch, Luật thiếu năm ban hành trong số ký hiệu (`14/TT-BLĐTBXH`)."""
    for text, ref in references(spec):
        if ref.symbol and ref.year is None and ref.normative:
            kind = ref.kind or "văn bản quy phạm pháp luật"
            hint = _suggestion(ref) or f"viết `{ref.serial}/<năm>/{ref.symbol}`"
            yield _at(text, ref.offset), f"{kind} `{ref.number}` thiếu năm ban hành trong số ký hiệu: {hint}"


@check("KH-R003", ERROR)
def missing_symbol(spec):
    """Số văn bản thiếu ký hiệu (`Thông tư số 24/2014`)."""
    for text, ref in references(spec):
        if ref.number and ref.symbol is None:
            hint = _suggestion(ref) or "thêm ký hiệu, ví dụ `24/2014/TT-BLĐTBXH`"
            yield _at(text, ref.offset), f"`{ref.text}` thiếu ký hiệu văn bản sau số `{ref.number}`: {hint}"


@check("KH-R004", WARNING)
def year_differs_from_date(spec):
    """Năm trong số ký hiệu khác năm của ngày ban hành (`24/2021/QĐ-TTg ngày 16/7/2022`)."""
    for text, ref in references(spec):
        if ref.year and ref.date and ref.year != ref.date.year:
            yield _at(text, ref.date_offset), (
                f"`{ref.number}` mang năm {ref.year} nhưng ghi ngày {ngay(ref.date)}: một trong hai bị sai"
            )


@check("KH-R005", WARNING)
def kind_contradicts_type(spec):
    """Tên loại văn bản không khớp ký hiệu (`Kế hoạch số 12/QĐ-UBND`)."""
    for text, ref in references(spec):
        expected, actual = ref.kind_code, ref.type_code
        if not ref.kind_before_number or expected is None or actual is None or expected == actual:
            continue
        named = next(k for k, v in KINDS.items() if v == actual) if actual in KINDS.values() else actual
        yield _at(text, ref.offset), (
            f"`{ref.kind} số {ref.number}`: ký hiệu `{actual}` là {named}, không phải {ref.kind}: sửa tên loại hoặc ký hiệu"
        )


@check("KH-R006", WARNING)
def issuer_contradicts_authority(spec):
    """Ký hiệu cơ quan không khớp cơ quan được nêu (`NĐ-CP ... của Thủ tướng Chính phủ`)."""
    for text, ref in references(spec):
        if not ref.issuer or not ref.issuers:
            continue
        named = issuers.named_by(ref.issuer)
        # An unknown code is KH-R001's to report; compare only codes we know.
        coded = {issuers.group(code) for code in ref.issuers if issuers.known(code)}
        if named and coded and not named & coded:
            code = "-".join(ref.issuers)
            yield _at(text, ref.offset), (
                f"`{ref.number}` có ký hiệu `{code}` ({issuers.authority(ref.issuers[0])}) "
                f"nhưng câu viết `của {ref.issuer}`: sửa một trong hai"
            )


@check("KH-R007", ERROR, applies_to=Plan)
def cited_after_the_plan(spec):
    """Văn bản được trích dẫn có ngày sau ngày của kế hoạch."""
    limit = _plan_limit(spec)
    if limit is None:
        return
    for text, ref in references(spec):
        if ref.date and ref.date > limit:
            when = f"ngày ký kế hoạch {ngay(limit)}" if spec.date else f"năm {spec.year} của kế hoạch"
            yield _at(text, ref.date_offset), (
                f"`{ref.number}` ngày {ngay(ref.date)} sau {when}: kế hoạch không thể thực hiện một văn bản ban hành sau nó; kiểm tra lại ngày"
            )


def _identity(ref: Reference) -> tuple:
    """A document is its number and symbol; a local one also its issuer (a tỉnh and its huyện both
    issue `KH-UBND` numbers); an administrative number also its year (numbers restart each year)."""
    local = not ref.normative and not (set(ref.issuers) & {"TTg", "CP", "BLĐTBXH", "LĐTBXH"})
    who = " ".join(ref.issuer.lower().split()) if local and ref.issuer else None
    year = ref.date.year if ref.year is None and ref.date else None
    return ref.number, who, year


@check("KH-R008", WARNING)
def two_dates_for_one_document(spec):
    """Một văn bản được trích dẫn với hai ngày khác nhau."""
    first: dict[tuple, tuple[Reference, Text]] = {}
    for text, ref in references(spec):
        if not ref.number or not ref.date:
            continue
        key = _identity(ref)
        if key not in first:
            first[key] = (ref, text)
            continue
        earlier, _ = first[key]
        if earlier.date != ref.date:
            yield _at(text, ref.date_offset), (
                f"`{ref.number}` ghi ngày {ngay(ref.date)}, nhưng ở trên ghi ngày {ngay(earlier.date)}: thống nhất một ngày"
            )


def _registry_mismatches(spec, confirmed: bool) -> Iterator:
    for text, ref in references(spec):
        if not ref.date:
            continue
        entry = registry.lookup(ref)
        if entry and entry.date and entry.confirmed == confirmed and entry.date != ref.date:
            sure = "" if confirmed else " (ngày này trong danh mục chưa được đối chiếu với văn bản gốc)"
            yield _at(text, ref.date_offset), (
                f"{entry.kind} `{entry.number}` ban hành ngày {ngay(entry.date)}, không phải {ngay(ref.date)}{sure}"
            )


@check("KH-R009", WARNING)
def wrong_date_of_known_document(spec):
    """Văn bản trung ương đã biết bị ghi sai ngày ban hành."""
    yield from _registry_mismatches(spec, confirmed=True)


@check("KH-R010", INFO)
def maybe_wrong_date_of_known_document(spec):
    """Ngày của văn bản khác ngày trong danh mục (ngày trong danh mục chưa được đối chiếu)."""
    yield from _registry_mismatches(spec, confirmed=False)


@check("KH-R011", WARNING, applies_to=Plan)
def replaced_document(spec):
    """Văn bản đã được thay thế trước năm của kế hoạch."""
    if not spec.year:
        return
    start_of_year = dt.date(spec.year, 1, 1)
    for text, ref in references(spec):
        entry = registry.lookup(ref) if ref.number else None
        if entry and entry.replaced_by and entry.replaced_from and entry.replaced_from <= start_of_year:
            yield _at(text, ref.offset), (
                f"{entry.kind} `{entry.number}` đã được thay thế bởi {entry.replaced_by} "
                f"từ ngày {ngay(entry.replaced_from)}: kế hoạch năm {spec.year} nên căn cứ văn bản mới"
            )


# The bodies the 2025 reorganisation removed, as plans write them (`Sở LĐ-TB&XH`, `PHÒNG LAO ĐỘNG - THƯƠNG BINH
# VÀ XÃ HỘI`, `Phòng LĐ, TB, XH`), and a district's people's committee.
_LABOUR = r"(?:Lao\s+động\s*-\s*(?:Thương\s+binh\s+(?:và|&)\s*Xã\s+hội|TB\s*(?:&|và)\s*XH)|LĐ\s*[-,]?\s*TB\s*[,&]?\s*(?:và\s*)?XH|LĐTBXH)"
# Patterns, compiled (and cached) by `re` at their first use: only a plan from 2025 on needs them.
_REMOVED_BODY = (
    r"(?<!\w)(?:(?P<level>Bộ|Sở|Phòng)\s+" + _LABOUR + r"|(?P<district>(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+huyện))(?!\w)"
)
_SUCCESSOR = {
    "bộ": "từ 01/3/2025 Bộ Lao động - Thương binh và Xã hội đã hợp nhất vào Bộ Nội vụ (công tác giảm nghèo chuyển sang Bộ Nông nghiệp và Môi trường)",
    "sở": "từ 01/3/2025 Sở Lao động - Thương binh và Xã hội đã hợp nhất vào Sở Nội vụ (công tác giảm nghèo chuyển sang Sở Nông nghiệp và Môi trường)",
    "phòng": "từ 01/3/2025 Phòng Lao động - Thương binh và Xã hội đã hợp nhất vào Phòng Nội vụ, và từ 01/7/2025 không còn cấp huyện",
    "huyện": "từ 01/7/2025 chính quyền địa phương chỉ còn hai cấp (tỉnh, xã), không còn Ủy ban nhân dân huyện",
}
_REMOVED_FROM = {"bộ": BLDTBXH_MERGED, "sở": BLDTBXH_MERGED, "phòng": BLDTBXH_MERGED, "huyện": TWO_LEVEL_GOVERNMENT}


def _certainly_on_or_after(spec: Plan, change: dt.date) -> str | None:
    """How to name the plan's time when it is certainly on or after `change`: its date; for a draft,
    its year when every day of that year is (a 2026 draft), never when only part of it is."""
    if spec.date is not None:
        return f"kế hoạch ngày {ngay(spec.date.value)}" if spec.date.value >= change else None
    if spec.year and dt.date(spec.year, 1, 1) >= change:
        return f"kế hoạch năm {spec.year}"
    return None


def _plan_prose(spec: Plan) -> list[Text]:
    """The plan's own text, recipients included (schedule rows are places and people)."""
    tables = [a for a in spec.appendices if not isinstance(a, ScheduleAppendix)]
    return iter_texts([spec.subject, spec.bases, spec.intro, spec.sections, spec.closing, spec.recipients,
                       spec.footnotes, tables])


def _labour_body(ref: Reference) -> str | None:
    """`bộ` or `sở` when a citation's issuer is the labour ministry or a provincial labour department."""
    codes = {issuers.group(c) for c in ref.issuers}
    named = (ref.issuer or "").lower()
    if "LĐTBXH" in codes or named.startswith("bộ lao động"):
        return "bộ"
    if "SLĐTBXH" in codes or named.startswith("sở lao động"):
        return "sở"
    return None


def _inside_citation(refs: list[Reference], offset: int) -> bool:
    """Whether `offset` falls in one of `refs` (in text order)."""
    i = bisect_right([r.offset for r in refs], offset) - 1
    return i >= 0 and offset < refs[i].end


_DISTRICT_WORD = r"(?<!\w)huyện(?!\w)"


@check("KH-R012", WARNING, applies_to=Plan)
def reorganised_authorities(spec):
    """Cơ quan đã thay đổi năm 2025: Bộ, Sở, Phòng LĐTBXH sáp nhập (1/3/2025), bỏ cấp huyện (1/7/2025)."""
    cited: dict[int, list[Reference]] = {}
    for text, ref in references(spec):
        cited.setdefault(id(text), []).append(ref)
        body = _labour_body(ref)
        if body and ref.date and ref.date >= BLDTBXH_MERGED:
            yield _at(text, ref.date_offset), f"`{ref.number}` ngày {ngay(ref.date)}: {_SUCCESSOR[body]}; kiểm tra lại cơ quan ban hành"
    when = {level: _certainly_on_or_after(spec, change) for level, change in _REMOVED_FROM.items()}
    if not any(when.values()):
        return
    organ = [t for t in (spec.organ.name, spec.organ.parent) if t] if spec.organ else []
    if when["huyện"]:
        for name in organ:
            if re.search(_DISTRICT_WORD, name.value, re.IGNORECASE):
                yield name.pos, (
                    f"{when['huyện']} do một cơ quan cấp huyện ban hành, nhưng {_SUCCESSOR['huyện']}: kiểm tra lại cơ quan ban hành"
                )
                break
    for text in organ + _plan_prose(spec):
        for match in re.finditer(_REMOVED_BODY, text.value, re.IGNORECASE):
            level = "huyện" if match.group("district") else match.group("level").lower()
            if not when[level] or (level == "huyện" and (text in organ or text.value[match.end():].lstrip()[:1].isupper())):
                continue  # the organ is reported above; a named district by KH-P002, with what replaced it
            # A citation names its issuer as it was then (`Thông tư ... của Bộ Lao động - Thương binh và Xã hội`).
            if _inside_citation(cited.get(id(text), []), match.start()):
                continue
            name = " ".join(match.group(0).split())
            yield text.pos_at(match.start()), f"{when[level]} còn nêu `{name}`: {_SUCCESSOR[level]}; sửa lại tên cơ quan"


def _spaced(written: str | None) -> bool:
    return bool(written) and any(ch.isspace() for ch in written)


@check("KH-R013", WARNING)
def stray_spaces_in_citation(spec):
    """Dấu cách thừa trong số ký hiệu, trong năm của ngày, hoặc trước dấu câu (`1315/VBHN -BLĐTBXH`, `16/7/20 21`, `07/2021/TT-BLĐTBXH .`)."""
    for text, ref in references(spec):
        if _spaced(ref.number_written):
            yield _at(text, ref.number_offset), (
                f"`{ref.number_written}` có dấu cách thừa trong số ký hiệu: viết `{ref.number}`"
            )
        if _spaced(ref.date_written):
            yield _at(text, ref.date_offset), (
                f"ngày `{ref.date_written}` có dấu cách thừa: viết `{''.join(ref.date_written.split())}`"
            )
        if ref.space_before_punctuation is not None:
            blank = ref.space_before_punctuation
            tail = text.value[blank:].lstrip()[:1]
            last = text.value[ref.offset:blank].split()[-1]
            yield _at(text, blank), f"`{last} {tail}` có dấu cách trước dấu `{tail}`: viết `{last}{tail}`"


@check("KH-R014", WARNING)
def kind_without_so(spec):
    """Tên loại văn bản đứng liền số ký hiệu, thiếu chữ `số` (`Thông tư 07/2021/TT-BLĐTBXH`)."""
    for text, ref in references(spec):
        if ref.kind_before_number and not ref.said_so and ref.number_offset is not None:
            yield _at(text, ref.offset), (
                f"`{ref.kind} {ref.number}` thiếu chữ `số`: viết `{ref.kind} số {ref.number}`"
            )
