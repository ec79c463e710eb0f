"""Regenerate kehoach/data/units_2025.tsv, units_legacy.tsv and units_names.tsv: Vietnam's administrative units after
and before the 2025 reorganisation, and which new units took each old one's place.

The source is the `vietnamadminunits` package (MIT), used here at build time only: it needs shapely,
numpy and geopy and takes over a second to import, where `kehoach check` reads a few lines of compact
tables when a text names a unit (a plan of 2026 only those of current units). Install it, then run:

    pip install vietnamadminunits && python scripts/generate_units.py

The tables are plain text, one record a line and its fields separated by tabs, after a `#` line that
says where they come from: a check decodes only the lines it looks up, with no parser to import (the
json module alone costs a check of a small plan 1.5 ms; parsing whole JSON tables took 8 ms).

    units_2025.tsv     province, unit, unit, ...              the 34 provinces and their 3,321 communes, wards and
                                                 special zones from 01/7/2025 ("Xã Tủa Chùa")
    units_legacy.tsv   province, new province,                the 63 provinces before, their districts and communes,
                       district, "unit=i,j;unit=k", ...       each old commune with the positions, in the new
                                                 province's list, of the new units it went into (several
                                                 when it was split); a district without communes (an
                                                 island district) lists its successor under an empty name
    units_names.tsv    index, name key, places...             where each name stands, derived from the two tables:
                                                 "new"/"old", a commune's name, then the positions of the
                                                 provinces having one; "districts", a district's name,
                                                 then a province's position and the district, for each;
                                                 sorted by their bytes, so that a name is found by bisection

A district's communes are one field, split only when that district is looked up: parsed as lists,
ten thousand communes cost more to load than a whole `kehoach check`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kehoach" / "data"
sys.path.insert(0, str(ROOT))  # this checkout's kehoach (its name keys), whatever is installed

from kehoach import units  # noqa: E402


def _source() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


def build() -> dict:
    data = _source()
    with sqlite3.connect(data / "dataset.db") as db:
        new_rows = db.execute("SELECT province, ward, provinceKey, wardKey FROM admin_units ORDER BY province, ward").fetchall()
        old_rows = db.execute(
            "SELECT province, district, ward, provinceKey, districtKey, wardKey FROM admin_units_legacy "
            "ORDER BY province, district, ward"
        ).fetchall()
    with open(data / "converter_2025.json", encoding="utf-8") as f:
        converter = json.load(f)

    new: dict[str, list[str]] = {}
    new_position: dict[tuple[str, str], tuple[str, int]] = {}  # (province key, unit key) → (province, position)
    province_by_key: dict[str, str] = {}
    for province, unit, province_key, unit_key in new_rows:
        units = new.setdefault(province, [])
        new_position[(province_key, unit_key)] = (province, len(units))
        province_by_key[province_key] = province
        units.append(unit)

    now = {old_key: province_by_key[new_key] for new_key, old_keys in converter["DICT_PROVINCE"].items() for old_key in old_keys}

    # old "province_district_unit" key → positions of its successors in the new province
    successors: dict[str, list[int]] = {}
    for province_key, by_new in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for unit_key, old_keys in by_new.items():
            position = _position(new_position, province_key, unit_key)
            for old_key in old_keys:
                successors.setdefault(old_key, []).append(position)
    for province_key, by_old in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in by_old.items():
            successors.setdefault(old_key, []).extend(
                _position(new_position, province_key, part["newWardKey"]) for part in parts)

    old: dict[str, dict] = {}
    for province, district, unit, province_key, district_key, unit_key in old_rows:
        entry = old.setdefault(province, {"now": now[province_key], "districts": {}})
        units = entry["districts"].setdefault(district, {})
        key = f"{province_key}_{district_key}_{unit_key or ''}"
        if unit is None:
            # An island district without communes became a special zone of the same name.
            short = district.split(" ", 1)[1]
            units[""] = [i for i, name in enumerate(new[entry["now"]]) if name == f"Đặc khu {short}"]
        else:
            units[unit] = sorted(set(successors.get(key, [])))
    return {"source": f"vietnamadminunits {metadata.version('vietnamadminunits')}", "new": new, "old": old}


def _position(new_position: dict, province_key: str, unit_key: str) -> int:
    """A converter key's position; the package's data spells one key with its diacritics (`xãcẩmgiàng`)."""
    if (province_key, unit_key) in new_position:
        return new_position[(province_key, unit_key)][1]
    from unidecode import unidecode  # a dependency of vietnamadminunits

    plain = unidecode(unit_key).replace(" ", "").lower()
    return new_position[(province_key, plain)][1]


def packed(old: dict) -> dict:
    """The old units with each district's communes as one string (see above)."""
    return {
        province: {"now": entry["now"], "districts": {
            district: ";".join(f"{unit}={','.join(map(str, after))}" for unit, after in communes.items())
            for district, communes in entry["districts"].items()
        }}
        for province, entry in old.items()
    }


def _checked(field: str) -> str:
    if "\t" in field or "\n" in field:
        raise ValueError(f"a tab or a line break in {field!r}: the tables are tab-separated lines")
    return field


def _text(header: str, rows: list[list[str]]) -> str:
    return "\n".join([f"# {header}", *("\t".join(_checked(f) for f in row) for row in rows)]) + "\n"


def table_texts(table: dict) -> dict[str, str]:
    """The two tables' files, from `build()`."""
    source = f"generated by scripts/generate_units.py from {table['source']}"
    return {
        "units_2025.tsv": _text(f"{source}: province, then its units",
                                [[province, *units] for province, units in table["new"].items()]),
        "units_legacy.tsv": _text(f"{source}: province, the province it became, then each district and its units",
                                  [[province, entry["now"], *(f for d in entry["districts"].items() for f in d)]
                                   for province, entry in packed(table["old"]).items()]),
    }


def index_text(index: dict[str, dict]) -> str:
    """The name index's file, from kehoach.units.name_index() over the tables as written."""
    rows = sorted(([part, name_key, *map(str, places)] if part != "districts" else
                   [part, name_key, *(str(f) for place in places for f in place)]
                   for part, names in index.items() for name_key, places in names.items()),
                  key=lambda row: "\t".join(row).encode())
    return _text("derived by scripts/generate_units.py from units_2025.tsv and units_legacy.tsv: index, name key, "
                 "then the provinces' positions (a district's: position and district)", rows)


def _write(name: str, text: str) -> None:
    out = DATA / name
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out)


def main() -> int:
    table = build()
    for name, text in table_texts(table).items():
        _write(name, text)
    # Derived from the two tables just written: where each commune and district name stands.
    for cached in (units.communes, units._lines, units._province, units._provinces_of, units._district_communes, units._districts):
        cached.cache_clear()
    _write("units_names.tsv", index_text(units.name_index()))
    communes_before = sum(len(units) for p in table["old"].values() for units in p["districts"].values())
    communes_after = sum(len(units) for units in table["new"].values())
    print(f"{DATA}/units_*.tsv: {len(table['old'])} tỉnh, {communes_before} xã trước 2025; {len(table['new'])} tỉnh, "
          f"{communes_after} xã từ 01/7/2025; {table['source']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
