"""Find legal references in running text.

One function per stage, in the manner of eyecite: `find` scans the text for a
number and symbol (`24/2021/QĐ-TTg`, `4789/LĐTBXH-VPQGGN`, `24/2014`) and reads
around it: the kind word and `số` before it, the date (`ngày 16/7/2021`,
`ngày 16 tháng 7 năm 2021`) and the issuer (`của Thủ tướng Chính phủ`) after it;
`resolve_symbol` splits the symbol into its type code and issuers. Real text is
noisy — line breaks anywhere, `16/7/20 21`, `1315/VBHN -BLĐTBXH`, `Thông tư
07/2021/TT-BLĐTBXH` without `số` — so every gap between words is any run of
white space, and offsets always point into the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach.doctypes import KIND_CODES, SYMBOL_TYPE_CODES, YEAR_IN_NUMBER
from kehoach.prose_dates import GAP as _GAP, MONTH_WORD, SEPARATOR, YEAR_WORD

# Kind words (matched longest first, so that `Thông tư liên tịch` wins over `Thông tư`) and type codes.
KINDS = KIND_CODES
NORMATIVE_TYPES = YEAR_IN_NUMBER
TYPE_CODES = SYMBOL_TYPE_CODES

# Every repetition is bounded: a real symbol has a handful of parts of a few letters, and an unbounded
# repeat makes the regex engine keep a backtracking frame per repetition (a 7 MB `1/A-A-A-…` took 1.4 GB).
_PART = r"[A-ZĐ][A-Za-zĐđ0-9&]{0,15}"
# Tried only where `_numbers` finds a slash, so it begins with the number (and its lookbehind).
_NUMBER = (
    r"(?<![\w/])(?P<num>\d{1,5})\s?/\s?(?:(?P<year>\d{4})(?:\s?/\s?)?)?"
    r"(?P<symbol>" + _PART + r"(?:(?:\s?-|-\s?)" + _PART + r"){0,6})?(?![\w/])"
)
# These patterns, and `_NUMBER` above, are read only around a slash or a law's name once found: kept as
# text, compiled on first use (`_compiled`), so that a start-up for a plan citing nothing does not
# compile them.
# The kind word and `số` that end where a number starts (`Thông tư liên tịch số `), read backwards from
# the number: the 60 characters before it, reversed, matched at their start. Searching forwards for
# `(kind GAP)?(số GAP)?$` tries every kind word at each of the 60 positions (a third of the time of
# reading a reference); the reversed pattern is tried once. Both find the longest such tail: of two
# kind words where one ends the other (`Luật`, `Bộ luật`), the longer is tried first.
_KIND_REVERSED = "|".join(
    re.escape(k[::-1]).replace(r"\ ", _GAP) for k in sorted(KINDS, key=len, reverse=True)
)
_BEFORE_REVERSED = r"(?i)(?:" + _GAP + r"(?P<so>ốs))?(?:" + _GAP + r"(?P<kind>" + _KIND_REVERSED + r"))?"
_DATE_AFTER = (
    r"(?i)^[\s,*_]*(?:ban hành|ký)?[\s,*_]*ngày" + _GAP
    + r"(?:(?P<numeric>(?P<d>\d{1,2})" + SEPARATOR + r"(?P<m>\d{1,2})" + SEPARATOR + r"(?P<y>\d{2}\s?\d{2}))"
    + r"|(?P<d2>\d{1,2})" + MONTH_WORD + r"(?P<m2>\d{1,2})" + YEAR_WORD + r"(?P<y2>\d{4}))"
)
_ISSUER_AFTER = r"(?i)^[\s,*_]*của" + _GAP
# Where an issuer phrase ends: punctuation, a blank line (a single line break is only wrapping),
# the start of what the document is about,
# or `và` before a lowercase word (`... Tủa Chùa và nguồn kinh phí`; but `Thương binh và Xã hội`).
_ISSUER_END = (
    r"[;,.:()]|\n\s*\n|\s+(?:về|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|thực hiện|triển khai|giao|để|nhằm|"
    r"trong|theo|tại|v/v)\b|\s+và\s+(?=[a-zà-ỹđ])"
)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    """`pattern` compiled at its first use. `re.match(pattern, ...)` would find it in `re`'s own cache
    too, but through a Python-level lookup (flags, type checks) that cost more than many of the matches
    here, some thirty times per plan."""
    return re.compile(pattern)


def _issuer(after: str) -> tuple[str | None, int]:
    """The issuer phrase after `của`, and how far it reaches."""
    lead = _compiled(_ISSUER_AFTER).match(after)
    if not lead:
        return None, 0
    rest = after[lead.end() :]
    stop = _compiled(_ISSUER_END).search(rest)
    phrase = rest[: stop.start()] if stop else rest
    issuer = " ".join(phrase.split())
    return (issuer, lead.end() + len(phrase)) if issuer else (None, 0)


# A law cited by its name only: `Luật ngân sách`, `Bộ luật Lao động`.
_LAW_BY_NAME = (
    r"(?<!\w)(?P<kind>Bộ luật|Luật)" + _GAP + r"(?P<name>(?!số\b)[^\W\d_]+(?:" + _GAP + r"(?!và\b|năm\b|số\b|của\b|ngày\b|hiện\b|được\b)[^\W\d_]+){0,5})"
)
_OWN_NUMBER = re.compile(r"Số\s*:\s*$")
# White space before the punctuation that closes a citation (`07/2021/TT-BLĐTBXH .`).
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t\u00a0]+(?=[.,;:)])")


@dataclass(frozen=True)
class Reference:
    """A reference as found: what it says and where (offsets into the text it was found in)."""

    offset: int
    end: int
    text: str
    kind: str | None  # the kind word as written (`Thông tư`), None when there is none
    kind_before_number: bool  # the kind word stands directly before the number (with or without `số`)
    number: str | None  # number and symbol as printed without spaces: `24/2021/QĐ-TTg`
    serial: str | None
    year: int | None
    symbol: str | None
    date: dt.date | None
    date_text: str | None
    date_offset: int | None
    issuer: str | None
    # As written, for the rules on malformed citations (`16/7/20 21`, `1315/VBHN -BLĐTBXH`, no `số`).
    number_offset: int | None = None
    number_written: str | None = None
    date_written: str | None = None  # a numeric date's digits and separators: `16/7/20 21`
    said_so: bool = False  # `số` stands before the number
    space_before_punctuation: int | None = None  # offset of the blank in `07/2021/TT-BLĐTBXH .`

    @property
    def type_code(self) -> str | None:
        return resolve_symbol(self.symbol)[0]

    @property
    def issuers(self) -> tuple[str, ...]:
        return resolve_symbol(self.symbol)[1]

    @property
    def kind_code(self) -> str | None:
        return _kind_code(self.kind) if self.kind else None

    @property
    def normative(self) -> bool:
        codes = {self.type_code, self.kind_code}
        return bool(codes & NORMATIVE_TYPES) or (self.symbol or "").startswith("QH")


# The KH-R rules ask each reference for its codes again and again, and a plan cites the same few
# symbols and kind words: each is worked out once (bounded, so a huge text cannot grow the caches).
@lru_cache(maxsize=1024)
def _kind_code(kind: str) -> str | None:
    return KINDS.get(_canonical_kind(kind))


def _canonical_kind(kind: str) -> str:
    words = " ".join(kind.split())
    for known in KINDS:
        if known.lower() == words.lower():
            return known
    return words


@lru_cache(maxsize=1024)
def resolve_symbol(symbol: str | None) -> tuple[str | None, tuple[str, ...]]:
    """`QĐ-TTg` → (`QĐ`, (`TTg`,)); `LĐTBXH-VPQGGN` (a Công văn) → (None, (`LĐTBXH`,)); `QH14` → (`QH`, ())."""
    if not symbol:
        return None, ()
    parts = symbol.split("-")
    if _compiled(r"QH\d*").fullmatch(parts[0]):
        return "QH", tuple(parts[1:])
    if parts[0] in TYPE_CODES:
        return parts[0], tuple(parts[1:])
    return None, (parts[0],)


def _clean_symbol(raw: str | None) -> str | None:
    return _compiled(r"\s+").sub("", raw) if raw else None


def _date(match: re.Match) -> tuple[dt.date | None, str]:
    day, month, year = (match.group("d"), match.group("m"), match.group("y")) if match.group("d") else (
        match.group("d2"), match.group("m2"), match.group("y2"))
    text = match.group(0).strip(" ,*_\n\t")
    try:
        return dt.date(int(year.replace(" ", "")), int(month), int(day)), text
    except ValueError:
        return None, text


def _number_start(text: str, slash: int) -> int | None:
    """Where the number before the slash at `slash` starts (`12/`, `12 /`), None when no digit is there."""
    end = slash - 1 if slash > 0 and text[slash - 1].isspace() else slash  # `\s?` before the slash
    start = end
    # `\d` is str.isdecimal; six digits are one too many (`123456/` is no number), so stop there.
    while start > 0 and end - start < 6 and text[start - 1].isdecimal():
        start -= 1
    return start if start < end else None


def _numbers(text: str):
    """The matches `_NUMBER.finditer(text)` would give, found from the slashes: a plan's text holds
    some seven digits for each slash, and a regex scan that stops at every digit cost a third of
    reading the references. Every match's first slash follows its number, so trying `_NUMBER` where
    each slash's number starts (after the previous match's end, as finditer does) finds the same."""
    end = 0
    slash = text.find("/")
    while slash >= 0:
        start = _number_start(text, slash)
        match = _compiled(_NUMBER).match(text, start) if start is not None and start >= end else None
        if match:
            yield match
            end = match.end()
        slash = text.find("/", max(slash + 1, end))


def _head(before: str) -> tuple[str | None, bool, int]:
    """The kind word and `số` that stand right before a number (see `_BEFORE_REVERSED`): the kind as
    written, whether `số` is there, and how many characters both take."""
    head = _compiled(_BEFORE_REVERSED).match(before[::-1])
    kind = head.group("kind")
    return (kind[::-1] if kind else None), head.group("so") is not None, head.end()


def find(text: str) -> list[Reference]:
    """Every reference in `text`, in order."""
    names_a_law = "Luật" in text or "luật" in text
    if not names_a_law and "/" not in text:
        return []  # most of a plan's texts cite nothing: no number to read around, no law's name
    found: list[Reference] = []
    for match in _numbers(text):
        symbol = _clean_symbol(match.group("symbol"))
        year = int(match.group("year")) if match.group("year") else None
        if symbol is None and year is None:
            continue  # `08/11`: a date or a count, not a reference
        before = text[max(0, match.start() - 60) : match.start()]
        if _OWN_NUMBER.search(before):
            continue  # the document's own `Số: 05/KH-BCĐ`
        kind, said_so, head_length = _head(before)
        if symbol is None and kind is None:
            continue  # `24/2014` alone is not a reference; `Thông tư số 24/2014` is one without its symbol
        start = match.start() - head_length
        end = match.end()
        date = date_text = date_offset = date_written = None
        after = text[end : end + 120]
        if dated := _compiled(_DATE_AFTER).match(after):
            date, date_text = _date(dated)
            date_offset = end + dated.start("d" if dated.group("d") else "d2")
            date_written = dated.group("numeric")
            end += dated.end()
            after = text[end : end + 160]
        issuer, reach = _issuer(after)
        end += reach
        core_end = start + len(text[start:end].rstrip())
        blank = _SPACE_BEFORE_PUNCTUATION.match(text, core_end)
        number = f"{match.group('num')}/" + (f"{year}/" if year else "") + (symbol or "")
        found.append(Reference(
            offset=start, end=end, text=" ".join(text[start:end].split()),
            kind=" ".join(kind.split()) if kind else None, kind_before_number=kind is not None,
            number=number.rstrip("/"), serial=match.group("num"), year=year, symbol=symbol,
            date=date, date_text=date_text, date_offset=date_offset, issuer=issuer,
            number_offset=match.start(), number_written=match.group(0), date_written=date_written,
            said_so=said_so, space_before_punctuation=blank.start() if blank else None,
        ))
    if names_a_law:  # most paragraphs name no law: skip the scan for one
        found += _laws_by_name(text, found)
    return sorted(found, key=lambda r: r.offset)


def _laws_by_name(text: str, numbered: list[Reference]) -> list[Reference]:
    """The laws `text` cites by name only, outside the references found by their number."""
    found: list[Reference] = []
    # `numbered` is in text order: one pointer walks it beside the law names, so the cost stays linear.
    i = 0
    for law in _compiled(_LAW_BY_NAME).finditer(text):
        while i < len(numbered) and numbered[i].end <= law.start():
            i += 1
        if i < len(numbered) and numbered[i].offset <= law.start():
            continue  # inside a reference found by its number
        after = text[law.end() : law.end() + 30]
        if _compiled(r"[\s*_]*(?:số[\s*_]+)?\d").match(after):
            continue  # `Luật số 45/2019/QH14` is found by its number
        found.append(Reference(
            offset=law.start(), end=law.end(), text=" ".join(law.group(0).split()),
            kind=law.group("kind"), kind_before_number=False, number=None, serial=None, year=None,
            symbol=None, date=None, date_text=None, date_offset=None, issuer=None,
        ))
    return found
