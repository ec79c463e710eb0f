"""The registry of national documents (kehoach/data/registry.yaml)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from kehoach.fileio import load_data

from kehoach.refs.extract import Reference, resolve_symbol


class Entry(NamedTuple):  # a dataclass would cost every `check` its building at import; only citations use it
    number: str
    kind: str
    issuer: str
    date: dt.date | None
    confirmed: bool
    title: str
    year: int | None = None
    replaced_by: str | None = None
    replaced_from: dt.date | None = None
    amended_by: tuple[str, ...] = ()
    source: str | None = None  # where the entry was read (a published text, or the press)


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    loaded = []
    for item in load_data("registry.yaml"):
        item["amended_by"] = tuple(item.get("amended_by") or ())
        loaded.append(Entry(**item))
    return tuple(loaded)


def lookup(reference: Reference) -> Entry | None:
    """The registry's entry for a reference. An administrative number (no year) names a document
    only together with its year, so such a reference is matched only when it is dated."""
    for entry in entries():
        if entry.number != reference.number:
            continue
        if entry.year is None:
            return entry
        if reference.date is not None and reference.date.year == entry.year:
            return entry
    return None


def candidates(reference: Reference) -> list[Entry]:
    """Entries a malformed reference may have meant: the same serial number and type, and the year
    when it is given (`Thông tư số 24/2014` → 24/2014/TT-BLĐTBXH; `14/TT-BLĐTBXH` → 14/2018/TT-BLĐTBXH)."""
    type_code = reference.type_code or reference.kind_code
    found = []
    for entry in entries():
        serial, *rest = entry.number.split("/")
        entry_year = int(rest[0]) if len(rest) == 2 else None
        entry_type = resolve_symbol(rest[-1])[0]
        if serial.lstrip("0") != (reference.serial or "").lstrip("0") or entry_type != type_code:
            continue
        if reference.year is not None and entry_year != reference.year:
            continue
        found.append(entry)
    return found
