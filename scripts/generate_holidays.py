"""Regenerate kehoach/data/holidays_vn.json from the `holidays` package.

The package is the source of truth for Vietnamese public holidays, compensatory
days off and the Saturdays swapped into working days by each year's official
notice. Importing it costs 100-140 ms (it loads every country), more than a
whole `kehoach check` may take, so we keep a table for the years plans are
written in. Run this after upgrading the package:

    python scripts/generate_holidays.py
"""

from __future__ import annotations

import json
import os
import sys

import holidays
from holidays.countries.vietnam import VietnamStaticHolidays

FIRST_YEAR, LAST_YEAR = 2010, 2035
OUT = os.path.join(os.path.dirname(__file__), "..", "kehoach", "data", "holidays_vn.json")


def build() -> dict:
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    calendar = holidays.VN(years=years, language="vi")
    return {
        "source": f"holidays {holidays.__version__}",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        # The last year whose official notice (swaps, bridge days) the package knows.
        "official_through": max(VietnamStaticHolidays.special_public_holidays),
        "holidays": {d.isoformat(): name for d, name in sorted(calendar.items())},
        "working_saturdays": sorted(d.isoformat() for d in calendar.weekend_workdays if d.year in years),
    }


def main() -> int:
    table = build()
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")
    os.replace(tmp, OUT)
    print(f"{OUT}: {len(table['holidays'])} ngày lễ, {table['source']}, chính thức đến {table['official_through']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
