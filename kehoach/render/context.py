"""The words of the document's fixed parts, as Nghị định 30/2020 wants them written."""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import datetime, timezone
from functools import cache

from kehoach import __version__
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
    codes = "-".join(organ.code.value for organ in plan.organs)  # a joint plan: `KH-SNV-MTTQ`
    return f"{number}/{plan.type_code}-{codes}"


def ngay_thang_nam(plan: Plan) -> str:
    """`ngày 08 tháng 01 năm 2024`; a draft `ngày      tháng      năm 2024` (or with its known month)."""
    if plan.date is not None:
        d = plan.date.value
        return f"ngày {d.day:02d} tháng {month_text(d.month)} năm {d.year}"
    month = month_text(plan.month) if plan.month else DRAFT_BLANK
    return f"ngày {DRAFT_BLANK} tháng {month} năm {plan.year}"


def dia_danh_ngay(plan: Plan) -> str:
    return f"{plan.place.value}, {ngay_thang_nam(plan)}"


# Unit words of Vietnamese administrative units: an organ's name breaks before the unit word that
# starts its place name (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NAM`) and never inside `TỈNH QUẢNG NAM`.
# `XÃ HỘI` (society, as in `THƯƠNG BINH VÀ XÃ HỘI`) is not a commune.
_UNIT = re.compile(r"(?<!\S)(?:THÀNH PHỐ|THỊ TRẤN|THỊ XÃ|TỈNH|HUYỆN|QUẬN|PHƯỜNG|XÃ(?! HỘI\b))(?=\s)")
NO_BREAK_SPACE = "\u00a0"


def organ_lines(name: str, *, fits: int | None = None) -> list[str]:
    """The lines of an organ's name in the header, uppercase. Lines written by the user stay as
    written; a line is broken before its last unit word when text stands before it (always, or only
    when longer than `fits` characters). No-break spaces tie the unit word to the first word of its
    place (`TỈNH QUẢNG NAM`), so Word never wraps between them, yet a long place still wraps."""
    lines = []
    for line in name.upper().split("\n"):
        line = " ".join(line.split())
        found = list(_UNIT.finditer(line))
        if not found:
            lines.append(line)
            continue
        unit = found[-1]
        first, _, rest = line[unit.end() :].strip().partition(" ")
        place = NO_BREAK_SPACE.join([*unit.group().split(), first]) + (f" {rest}" if rest else "")
        head = line[: unit.start()].rstrip()
        if head and (fits is None or len(line) > fits):
            lines += [head, place]
        else:
            lines.append(f"{head} {place}".lstrip())
    return lines


def organ_mention(plan: Plan) -> str:
    """How running text names the organ(s): `organ.mention`, else the name in sentence case."""
    return " và ".join(_mention(organ) for organ in plan.organs)


def _mention(organ) -> str:
    if organ.mention is not None:
        return organ.mention.value
    return running_name(organ.name.value)


# A Vietnamese syllable (tone and vowel marks stripped): a word that is not one is an abbreviation
# (`UBND`, `MTTQ`, `LĐ-TB&XH`) and keeps its capitals.
_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?", re.I)
# Departments whose name is a list of fields, each capitalised: `Sở Lao động - Thương binh và Xã hội`,
# `Phòng Nông nghiệp và Phát triển nông thôn`, `Sở Văn hóa, Thể thao và Du lịch`.
_DEPARTMENT = ("SỞ", "PHÒNG")
_COUNTRY = re.compile(r"\bviệt nam\b")   # `Ủy ban MTTQ Việt Nam`
_FIELD_START = re.compile(r"^(?:-|–|,|VÀ)$|,$")


def _syllable(word: str) -> bool:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bool(_SYLLABLE.fullmatch(bare))


def _lower(word: str, capital: bool) -> str:
    if not _syllable(word.rstrip(",")):
        return word
    return word.capitalize() if capital else word.lower()


def running_name(name: str) -> str:
    """An organ's name as running text writes it, from the uppercase name of the header: sentence
    case for the organ words, the unit words (`xã`, `thị trấn`) in lowercase and the place after each
    capitalised syllable by syllable (`Ủy ban nhân dân xã Hòa Bình`); a department's name (after Sở,
    Phòng, Ban) starts with a capital, and a Sở's or Phòng's each field (`Sở Lao động - Thương binh
    và Xã hội`). A name not written in capitals is kept as written."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words: list[str] = []
    units = list(_UNIT.finditer(name))
    head = name[: units[0].start()] if units else name
    head_words = head.split()
    department = bool(head_words) and head_words[0] in _DEPARTMENT + ("BAN",)
    for k, word in enumerate(head_words):
        starts_name = department and (k == 1 or (head_words[0] in _DEPARTMENT and k > 1 and _FIELD_START.search(head_words[k - 1])))
        words.append(_lower(word, k == 0 or starts_name))
    for k, unit in enumerate(units):
        end = units[k + 1].start() if k + 1 < len(units) else len(name)
        words.append(unit.group().lower())
        # Every syllable of a place is capitalised, Vietnamese or not (`Plei Kần`, `Đăk Xú`).
        words += [word.capitalize() for word in name[unit.end(): end].split()]
    return _COUNTRY.sub("Việt Nam", " ".join(words))


def kem_theo(plan: Plan) -> str:
    return f"(Kèm theo {type_name(plan)} số {so_ky_hieu(plan)} {ngay_thang_nam(plan)} của {organ_mention(plan)})"


def metadata(spec: Plan | Schedule) -> tuple[str, str]:
    """Title and author of the document and its PDF: a plan's trích yếu and organ, a schedule's title."""
    if isinstance(spec, Plan):
        return plain(spec.subject.value), "; ".join(" ".join(clean(o.name.value).split()) for o in spec.organs)
    return (plain(spec.title.value) if spec.title else "Lịch"), ""


@cache
def maker() -> str:
    """What made the document, for its properties: `kehoach 0.1.0`."""
    return f"kehoach {__version__}"


def now() -> datetime:
    """The time a document is made, in UTC to the second; SOURCE_DATE_EPOCH fixes it for reproducible builds."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(fixed), timezone.utc) if fixed.isdigit() else datetime.now(timezone.utc)
    return moment.replace(microsecond=0)
