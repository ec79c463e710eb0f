"""`kehoach init [DIR]`: a commented starter plan and schedule that check clean and render."""

from __future__ import annotations

import datetime as dt
import os
from string import Template

from kehoach.fileio import atomic_output, data_path

FILES = {"plans": "ke-hoach-mau.yaml", "schedules": "lich-mau.yaml"}


class StarterExists(Exception):
    pass


def inspection_week(year: int) -> list[dt.date]:
    """Monday to Friday of the first full week from 8 November: clear of every public holiday."""
    day = dt.date(year, 11, 8)
    monday = day + dt.timedelta(days=(7 - day.weekday()) % 7)
    return [monday + dt.timedelta(days=i) for i in range(5)]


def create(folder: str, year: int | None = None, force: bool = False) -> list[str]:
    year = year or dt.date.today().year
    week = inspection_week(year)
    values = {"nam": year, "tu": week[0].isoformat(), "den": week[-1].isoformat()}
    values.update({f"n{i + 1}": d.isoformat() for i, d in enumerate(week)})
    targets = {sub: os.path.join(folder, sub, name) for sub, name in FILES.items()}
    existing = [path for path in targets.values() if os.path.exists(path)]
    if existing and not force:
        raise StarterExists(f"`{existing[0]}` đã có: thêm --force để ghi đè, hoặc chọn thư mục khác")
    for sub, name in FILES.items():
        with open(data_path(os.path.join("starter", name)), encoding="utf-8") as f:
            text = f.read()
        with atomic_output(targets[sub]) as tmp:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(Template(text).substitute(values))
    return list(targets.values())
