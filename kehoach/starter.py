"""`kehoach init [DIR]`: a commented starter plan and schedule that check clean and render."""

from __future__ import annotations

import datetime as dt
import os
from string import Template

from kehoach import workdays
from kehoach.errors import UserError
from kehoach.fileio import data_path
from kehoach.outputs import Outputs

FILES = {"plans": "ke-hoach-mau.yaml", "schedules": "lich-mau.yaml"}
# The years a plan may have (as the loader reads `year`).
YEARS = (1945, 2100)


def inspection_week(year: int) -> list[dt.date]:
    """Monday to Friday of the first week from 8 November whose five days are all working days
    (no year has had a holiday there, but the calendar decides, not this module)."""
    day = dt.date(year, 11, 8)
    monday = day + dt.timedelta(days=(7 - day.weekday()) % 7)
    while True:
        week = [monday + dt.timedelta(days=i) for i in range(5)]
        if all(workdays.status(d).working for d in week):
            return week
        monday += dt.timedelta(days=7)


def create(folder: str, year: int | None = None, force: bool = False, today: dt.date | None = None) -> list[str]:
    """Write the starter plan and schedule under `folder`; the year defaults to `today`'s."""
    year = year or (today or dt.date.today()).year
    if not YEARS[0] <= year <= YEARS[1]:
        raise UserError(f"năm {year} nằm ngoài {YEARS[0]}–{YEARS[1]}: chọn năm khác với --year")
    week = inspection_week(year)
    values = {"nam": year, "tu": week[0].isoformat(), "den": week[-1].isoformat()}
    values.update({f"n{i + 1}": d.isoformat() for i, d in enumerate(week)})
    targets = Outputs(inputs=[], force=force, overwrite_hint="thêm --force để ghi đè, hoặc chọn thư mục khác")
    for sub, name in FILES.items():
        with open(data_path(os.path.join("starter", name)), encoding="utf-8") as f:
            text = Template(f.read()).substitute(values)
        what = "kế hoạch mẫu" if sub == "plans" else "lịch mẫu"
        targets.add(os.path.join(folder, sub, name), text, what)
    return targets.write()
