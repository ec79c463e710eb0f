"""Regenerate kehoach/data/holidays_vn.json from the `holidays` package and the official notices it
does not have yet (kehoach/data/holiday_notices.yaml).

The package is the source of truth for Vietnamese public holidays, compensatory days off and the
Saturdays swapped into working days by each year's official notice. Importing it costs 100-140 ms
(it loads every country), more than a whole `kehoach check` may take, so we keep a table from 2010 to
the last year the package covers. Run this after upgrading the package or adding a notice:

    python scripts/generate_holidays.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import holidays
import yaml
from holidays.countries.vietnam import VietnamStaticHolidays

FIRST_YEAR = 2010
DATA = Path(__file__).resolve().parent.parent / "kehoach" / "data"
OUT = DATA / "holidays_vn.json"


def notices(path: Path = DATA / "holiday_notices.yaml") -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f).get("notices") or []


def build(extra: list[dict] | None = None) -> dict:
    extra = notices() if extra is None else extra
    last_year = holidays.VN.end_year
    years = range(FIRST_YEAR, last_year + 1)
    calendar = holidays.VN(years=years, language="vi")
    days_off = {d.isoformat(): name for d, name in calendar.items()}
    worked = {d.isoformat() for d in calendar.weekend_workdays if d.year in years}
    for notice in extra:
        for day, name in (notice.get("off") or {}).items():
            days_off[_iso(day)] = name
        worked |= {_iso(day) for day in notice.get("worked") or ()}
    return {
        "source": f"holidays {holidays.__version__}" + (f" + {len(extra)} thông báo" if extra else ""),
        "first_year": FIRST_YEAR,
        "last_year": last_year,
        # The last year whose official notice (swaps, bridge days) is known.
        "official_through": max([max(VietnamStaticHolidays.special_public_holidays)] + [n["year"] for n in extra]),
        "holidays": dict(sorted(days_off.items())),
        "working_saturdays": sorted(worked),
    }


def _iso(day) -> str:
    return day.isoformat() if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)).isoformat()


def main() -> int:
    table = build()
    tmp = OUT.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, indent=0)  # one day a line: diffs stay readable
        f.write("\n")
    os.replace(tmp, OUT)
    print(f"{OUT}: {len(table['holidays'])} ngày lễ {table['first_year']}-{table['last_year']}, {table['source']}, "
          f"chính thức đến {table['official_through']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
