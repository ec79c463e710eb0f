"""Rules about place names: the administrative units a plan names (`xã Tủa Thàng`, `huyện Tủa Chùa`),
against the units valid at the plan's date (a draft: its year).

A name counts as a unit's when a kind word stands before it (tỉnh, thành phố, huyện, quận, thị xã,
xã, phường, thị trấn, đặc khu) and it is capitalised; villages (thôn, bản, xóm, tổ dân phố) are not
units and are not read. A list after a kind word (`các xã: Mường Đun, Lao Xả Phình và ...`) is read
item by item. The province (and before 2025 the district) comes from the organ, its parent and the
place; communes are looked up in it only.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator

from kehoach import textsearch, units
from kehoach.refs.in_spec import references
from kehoach.rules import INFO, WARNING, check
from kehoach.spec.memo import once_per_spec
from kehoach.spec.model import Plan, Text, iter_texts
from kehoach.spec.prose import prose_texts
from kehoach.units import NEW, OLD, Unit

REORGANISED = dt.date(2025, 7, 1)

_KIND_WORDS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
_KIND_WORD = re.compile(r"(?<!\w)(?i:" + "|".join(_KIND_WORDS) + r")(?!\w)")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # `Ia H'Drai`
_BETWEEN_WORDS = re.compile(r"[ \t\n]+")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|\s(?i:và)\s)\s*")
_LEAD = re.compile(r"[ \t\n]+|[ \t\n]*:[ \t\n]*")
_PLURAL = re.compile(r"(?i:các)\s+$")
_LEVEL_ONLY = re.compile(r"(?i:cấp)\s+$")  # `Ban Chỉ đạo cấp huyện`: a level, not a unit
_NUMBERED = {"phường", "quận"}  # `Phường 1`, `Quận 3`: the only kinds named by a number
# Capitalised words that begin a body's name, not a unit's (`XÃ HỘI`, `xã: UBND thị trấn ...`).
_NOT_A_NAME = {"hội", "ubnd", "hđnd", "ủy", "uỷ", "ban", "đảng", "đoàn", "mttq", "mặt", "công", "trạm", "trường",
               "phòng", "sở", "bộ", "chủ", "phó", "các", "nhân", "thường", "văn", "đại", "cán", "trên", "tại"}
_KINDS = {
    "tỉnh": ("province",), "thành phố": ("province", "district"), "huyện": ("district",), "quận": ("district",),
    "thị xã": ("district",), "xã": ("commune",), "phường": ("commune",), "thị trấn": ("commune",),
    "đặc khu": ("commune",),
}
_MAX_WORDS = 5


@dataclass(frozen=True)
class Mention:
    offset: int  # of the name
    kind: str  # the kind word, lowercase: `xã`
    words: tuple[str, ...]  # the capitalised words after it; the name is some first of them
    listed: bool  # an item of a list after the kind word, or a name whose end is unknown: never "unknown"


def _name_words(text: str, pos: int, kind: str) -> tuple[tuple[str, ...], int]:
    """The capitalised words from `pos` on (at most five), and where they end."""
    words: list[str] = []
    end = pos
    while len(words) < _MAX_WORDS:
        match = _WORDS.match(text, pos)
        if not match:
            break
        word = match.group(0)
        if not (word[0].isupper() or (word.isdigit() and kind in _NUMBERED)) or _KIND_WORD.fullmatch(word):
            break
        if not words and word.lower() in _NOT_A_NAME:
            break
        words.append(word)
        end = match.end()
        gap = _BETWEEN_WORDS.match(text, end)
        if not gap:
            break
        pos = gap.end()
    return tuple(words), end


def _name_lead(text: str, end: int) -> re.Match | None:
    """The blank or the colon after a kind word that ends at `end`, when a name starts after it (a
    capital, or a digit: `Phường 1`); None for most kind words in running text (`các xã trên địa bàn`)."""
    lead = _LEAD.match(text, end)
    if lead and (text[lead.end() : lead.end() + 1].isupper() or text[lead.end() : lead.end() + 1].isdigit()):
        return lead
    return None


def _named_kind_words(text: str) -> Iterator[tuple[re.Match, re.Match]]:
    """The kind words `_KIND_WORD.finditer(text)` finds that a name follows, with their lead
    (`_name_lead`). They are tried only where the lowered text holds a kind word
    (kehoach/textsearch.py): their first letters are among the commonest, so a regex scan would stop
    at every fifth character. Each try starts after the previous match's end, as finditer's do.
    Six kind words in seven have no name after them, so the lead is looked at before the regex: the
    regex, where it matches, ends where the word found does; and a kind word passed over without its
    regex cannot hide another that finditer would have skipped, as the only one inside another is
    `xã` in `thị xã`, which ends where it does and so has no name after it either."""
    lower = textsearch.lowered(text)
    if lower is None:
        for match in _KIND_WORD.finditer(text):
            if lead := _name_lead(text, match.end()):
                yield match, lead
        return
    end = 0
    for start, word in textsearch.occurrences(lower, _KIND_WORDS):
        if start >= end and (lead := _name_lead(text, start + len(word))) and (match := _KIND_WORD.match(text, start)):
            yield match, lead
            end = match.end()


def mentions(text: str) -> Iterator[Mention]:
    """Each unit a text names, in order."""
    for match, lead in _named_kind_words(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if _LEVEL_ONLY.search(before) or (":" in lead.group(0) and not _PLURAL.search(before)):
            continue  # `cấp huyện`; `Cấp xã: Mỗi xã ...` (a colon opens a list only after `các`)
        kind = " ".join(match.group(0).lower().split())
        words, end = _name_words(text, lead.end(), kind)
        if not words:
            continue
        # In upper-case text (a heading, an organ) every word is capitalised: the name's end is unknown.
        yield Mention(lead.end(), kind, words, all(w.isupper() for w in words) and len(words) > 1)
        while separator := _LIST_SEPARATOR.match(text, end):
            start = separator.end()
            words, end = _name_words(text, start, kind)
            if not words:
                break
            yield Mention(start, kind, words, True)


def _mentions_of(values: Iterable[str]) -> dict[str, list[Mention]]:
    """The mentions of each of many texts, read as one (textsearch.Joined) to look for the kind words
    once rather than once a text; each text once, however often it repeats."""
    joined = textsearch.Joined(dict.fromkeys(values))
    found: dict[str, list[Mention]] = {value: [] for value in joined.texts}
    for mention in mentions(joined.text):
        i, start = joined.locate(mention.offset)
        found[joined.texts[i]].append(Mention(mention.offset - start, mention.kind, mention.words, mention.listed))
    return found


# -- where the plan is ---------------------------------------------------------------------------

@dataclass
class Context:
    eras: frozenset[str]
    old_province: str | None = None
    old_district: str | None = None
    new_province: str | None = None
    # Told by the organ or the place (`UBND TỈNH ĐIỆN BIÊN`, `huyện Tủa Chùa`), not guessed from a
    # commune's name: only then is a name missing from the province worth a note.
    stated: bool = True

    @cached_property
    def old_provinces(self) -> tuple[str, ...]:
        """The provinces before 2025 where a name is looked for (read from the older table only when asked)."""
        if self.old_province:
            return (self.old_province,)
        return units.merged_into(self.new_province) if self.new_province else ()

    def province(self, era: str) -> tuple[str, ...]:
        if era == NEW:
            return (self.new_province,) if self.new_province else ()
        return self.old_provinces


def _eras(spec) -> frozenset[str]:
    """The eras whose units are valid for the spec: its date's; for a draft, every era its year touches."""
    if isinstance(spec, Plan):
        if spec.date is not None:
            return frozenset({NEW if spec.date.value >= REORGANISED else OLD})
        year = spec.year
    else:
        year = spec.window.start.value.year if spec.window else None
    if year is None:
        return frozenset({OLD, NEW})
    if year < REORGANISED.year:
        return frozenset({OLD})
    return frozenset({NEW}) if year > REORGANISED.year else frozenset({OLD, NEW})


def _candidates(words: tuple[str, ...]) -> Iterator[str]:
    """The name and its shorter readings (`Tủa Chùa Năm` in upper-case text → `Tủa Chùa`)."""
    for n in range(len(words), 0, -1):
        yield " ".join(words[:n])


def _context(spec, eras: frozenset[str], named: dict[str, list[Mention]]) -> Context:
    """Where the plan is, from its organ, the organ's parent and its place (`named`: the mentions of
    each of the spec's texts, these among them)."""
    context = Context(eras)
    own: list[Text] = []
    if isinstance(spec, Plan):
        if spec.organ:
            own += [t for t in (spec.organ.parent, spec.organ.name, spec.organ.mention) if t]
        if spec.place:
            own.append(spec.place)
    for mention in (m for text in own for m in named[text.value]):
        for name in _candidates(mention.words):
            if "province" in _KINDS[mention.kind] and not (context.old_province or context.new_province):
                # A province of today also names the older ones merged into it: the older table is
                # read only for a plan from before the reorganisation.
                old = units.provinces(name, OLD) if OLD in eras else []
                new = units.provinces(name, NEW) if NEW in eras else []
                context.old_province = old[0].province if old else None
                context.new_province = new[0].province if new else None
                if old or new:
                    break
            if "district" in _KINDS[mention.kind] and not context.old_district:
                districts = [d for d in units.districts(name) if context.old_province in (None, d.province)]
                if len(districts) == 1:
                    context.old_district = districts[0].full
                    context.old_province = districts[0].province
                    break
    if isinstance(spec, Plan) and spec.place and not (context.old_province or context.new_province):
        districts = units.districts(spec.place.value)
        if len(districts) == 1:
            context.old_district, context.old_province = districts[0].full, districts[0].province
    if not (context.old_province or context.new_province):
        # A commune's own plan rarely names its province: a commune name found in one province only tells it.
        for mention in (m for text in own for m in named[text.value] if "commune" in _KINDS[m.kind]):
            era = NEW if NEW in eras else OLD
            found = {u.province: u for name in _candidates(mention.words) for u in units.communes_named(name, era)}
            if len(found) == 1:
                unit = next(iter(found.values()))
                context.stated = False
                if era == NEW:
                    context.new_province = unit.province
                else:
                    context.old_province, context.old_district = unit.province, unit.district
                break
    if context.old_province and not context.new_province:
        context.new_province = units.now_province(context.old_province)
    return context


# -- what a name is ------------------------------------------------------------------------------

def _exact(level: str, name: str, era: str, context: Context, kind: str) -> list[Unit]:
    if level == "province":
        return units.provinces(name, era)
    if level == "district":
        if era == NEW:
            return []
        return [d for d in units.districts(name) if not context.old_provinces or d.province in context.old_provinces]
    found = [u for p in context.province(era) for u in units.communes(era, p).get(units.key(name), [])]
    if kind == "thị trấn":
        found = [u for u in found if u.kind == "Thị trấn"]  # no town is left after 2025: a commune of that name is another unit
    return found


def _near(level: str, name: str, era: str, context: Context) -> list[Unit]:
    if level == "province":
        return units.close(name, units.all_provinces(era))
    if level == "district":
        if era == NEW:
            return []
        pool = {k: [d for d in v if not context.old_provinces or d.province in context.old_provinces]
                for k, v in units.all_districts().items()}
        return units.close(name, {k: v for k, v in pool.items() if v})
    found: list[Unit] = []
    for province in context.province(era):
        index = units.communes(era, province)
        if era == OLD and context.old_district:
            in_district = {k: [u for u in v if u.district == context.old_district] for k, v in index.items()}
            found += units.close(name, {k: v for k, v in in_district.items() if v})
        if not found:
            found += units.close(name, index)
    return found


def _known_level(level: str, era: str, context: Context) -> bool:
    """Whether the tables can tell that a name of this level is not a unit."""
    return level != "commune" or (context.stated and bool(context.province(era)))


def _names(found: list[Unit]) -> str:
    return ", ".join(f"`{u}`" for u in dict.fromkeys(found))


def _successors(unit: Unit) -> str:
    after = units.successors(unit)
    if not after:
        return ""
    if unit.kind in units.PROVINCE_KINDS and unit.full == unit.province:
        return f"nay thuộc {after[0]}"
    names = ", ".join(str(u) for u in dict.fromkeys(after))
    where = after[0].province[0].lower() + after[0].province[1:]
    if unit.district is None:
        return f"địa bàn nay là {names} ({where})"
    # About a tenth of the old communes were split between several new ones.
    return f"nay thuộc {names} ({where})" if len(after) == 1 else f"nay chia về {names} ({where})"


Verdict = tuple[str, str] | None  # (code, message)


def judge(mention: Mention, context: Context, cited: bool) -> Verdict:
    """What to say about one mention: nothing, a misspelling, a unit gone, or an unknown name.
    A name inside a citation (`của UBND huyện Tủa Chùa`) names the unit as it was: only its spelling counts."""
    eras = frozenset({OLD, NEW}) if cited else context.eras
    levels = _KINDS[mention.kind]
    written = f"{mention.kind} {' '.join(mention.words)}"
    for name in _candidates(mention.words):
        if any(_exact(level, name, era, context, mention.kind) for level in levels for era in eras):
            return None
    if NEW in eras and OLD not in eras:
        for name in _candidates(mention.words):
            for level in levels:
                gone = _exact(level, name, OLD, context, mention.kind)
                if gone:
                    then = f"{mention.kind} {name}"
                    after = "; ".join(filter(None, (_successors(u) for u in gone[:1])))
                    return "KH-P002", (
                        f"`{then}` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính)" + (f": {after}" if after else "")
                        + "; sửa lại tên đơn vị"
                    )
    for name in _candidates(mention.words):
        if len(name.split()) < 2:
            continue
        near = [u for level in levels for era in sorted(eras) for u in _near(level, name, era, context)]
        if near:
            return "KH-P001", f"`{mention.kind} {name}` không có trong danh mục đơn vị hành chính: có phải {_names(near)}?"
    # Unit names have two syllables or more; a single word (`Xã A`, a placeholder) is not worth a note.
    if mention.listed or cited or len(mention.words) < 2 or not all(_known_level(level, era, context) for level in levels for era in eras):
        return None
    where = ""
    if "commune" in levels:
        provinces = sorted({p for era in eras for p in context.province(era)})
        where = f" của {', '.join(p[0].lower() + p[1:] for p in provinces)}"
    return "KH-P003", (
        f"không thấy `{written}` trong danh mục đơn vị hành chính{where}: kiểm tra lại tên "
        "(thôn, bản, xóm, tổ dân phố không phải đơn vị hành chính)"
    )


# -- the rules -----------------------------------------------------------------------------------

def _texts(spec) -> list[Text]:
    """The prose (spec/prose.py), and the names prose does not hold: the organ, the place before the
    date, and the schedules' places."""
    texts: list[Text] = []
    if isinstance(spec, Plan):
        if spec.organ:
            texts += iter_texts([spec.organ.parent, spec.organ.name, spec.organ.mention])
        texts += iter_texts(spec.place)
    schedules = spec.schedules if isinstance(spec, Plan) else [spec]
    return texts + prose_texts(spec) + [row.place for schedule in schedules for row in schedule.rows]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and offset < spans[i][1]


@once_per_spec
def _verdicts(spec) -> list[tuple[Text, int, str, str]]:
    """Every place finding of a spec, computed once for its three rules; a name repeated in a
    thousand schedule rows is judged once."""
    eras = _eras(spec)
    texts = _texts(spec)
    named = _mentions_of(text.value for text in texts)
    context = _context(spec, eras, named)
    cited: dict[int, list[tuple[int, int]]] = {}
    if isinstance(spec, Plan):
        for text, ref in references(spec):
            cited.setdefault(id(text), []).append((ref.offset, ref.end))
        # A basis (căn cứ) is a citation from end to end: the document's title names places as they were.
        for basis in iter_texts(spec.bases):
            cited[id(basis)] = [(0, len(basis.value))]
    organ = {id(t) for t in (spec.organ.parent, spec.organ.name) if t} if isinstance(spec, Plan) and spec.organ else set()
    judged: dict[tuple, Verdict] = {}

    def judged_mentions(value: str, spans: list[tuple[int, int]]) -> list[tuple[Mention, Verdict]]:
        out = []
        for mention in named[value]:
            inside = _inside(spans, mention.offset)
            memo = (mention.kind, tuple(units.key(w) for w in mention.words), mention.listed, inside)
            if memo not in judged:
                judged[memo] = judge(mention, context, inside)
            if judged[memo]:
                out.append((mention, judged[memo]))
        return out

    # Schedule rows repeat the same few places: a value without citations is read once.
    by_value: dict[str, list[tuple[Mention, Verdict]]] = {}
    found = []
    for text in texts:
        spans = cited.get(id(text))
        if spans is not None:
            results = judged_mentions(text.value, spans)
        elif text.value in by_value:
            results = by_value[text.value]
        else:
            results = by_value[text.value] = judged_mentions(text.value, [])
        for mention, verdict in results:
            if verdict[0] == "KH-P002" and id(text) in organ and "district" in _KINDS[mention.kind]:
                continue  # a district organ after 2025 is KH-R012's to report
            found.append((text, mention.offset, *verdict))
        if isinstance(spec, Plan) and text is spec.place and spec.place and not _KIND_WORD.search(text.value):
            if verdict := _bare_place(text.value, context):
                found.append((text, 0, *verdict))
    return found


def _bare_place(value: str, context: Context) -> Verdict:
    """The place printed before the date (`Tủa Chùa, ngày ...`): a unit's name without its kind."""
    words = tuple(value.split())
    name = " ".join(words)
    # The plan's own era first: a plan of 2026 reads the older table only for a name not found today.
    eras = sorted(context.eras) + sorted({OLD, NEW} - context.eras)
    levels = ("province", "district", "commune")
    if any(_exact(level, name, era, context, "") for era in eras for level in levels):
        return None
    if len(words) < 2:
        return None
    near = [u for era in eras for level in levels for u in _near(level, name, era, context)]
    if near:
        names = ", ".join(f"`{u.name}`" for u in dict.fromkeys(near))
        return "KH-P001", f"địa danh `{name}` không có trong danh mục đơn vị hành chính: có phải {names}?"
    return None


def _findings(spec, code: str):
    for text, offset, found_code, message in _verdicts(spec):
        if found_code == code:
            yield text.pos_at(offset), message


@check("KH-P001", WARNING)
def misspelt_unit(spec):
    """Tên đơn vị hành chính sai chính tả: gần giống một đơn vị có thật (`xã Tòa Thàng` → `xã Tủa Thàng`)."""
    yield from _findings(spec, "KH-P001")


@check("KH-P002", WARNING)
def unit_gone(spec):
    """Đơn vị hành chính không còn vào thời điểm của kế hoạch (sắp xếp năm 2025): nêu đơn vị thay thế."""
    yield from _findings(spec, "KH-P002")


@check("KH-P003", INFO)
def unknown_unit(spec):
    """Tên đơn vị hành chính không có trong danh mục (có thể là thôn, bản hoặc đơn vị đã sáp nhập trước đó)."""
    yield from _findings(spec, "KH-P003")
