"""`kehoach new` keeps a clean plan clean: schedule rows move by whole weeks, the window's and
phases' bounds keep their day and month, and where the two disagree the bound widens to the nearest
working day that holds the rows it held (listed, with the reason)."""

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
from rolling import PLAN, project, run

from kehoach.check import check_file
from kehoach.spec.load import load
from kehoach.starter import create
from kehoach.yearly import roll_forward

ROOT = Path(__file__).parent.parent
SCHEDULE_CODES = ("KH-L001", "KH-L002", "KH-L003")


def schedule_codes(diagnostics) -> Counter:
    return Counter(d.code for d in diagnostics if d.code in SCHEDULE_CODES)


def assert_no_new_schedule_problems(plan: Path, year: int):
    before = schedule_codes(check_file(str(plan)).diagnostics)
    rolled = roll_forward(str(plan), year, force=True)
    new = schedule_codes(rolled.diagnostics) - before
    assert not new, [d.as_text() for d in rolled.diagnostics if d.code in new]
    return rolled


def windows(path: Path) -> list[tuple[dt.date, dt.date]]:
    spec = load(str(path)).spec
    found = [spec.window] + [s.window for s in getattr(spec, "schedules", [])]
    return [(w.start.value, w.end.value) for w in found if w]


@pytest.mark.parametrize("year", [2025, 2027, 2028, 2029, 2030])
def test_the_starter_plan_rolls_clean_to_any_year(tmp_path, year):
    create(str(tmp_path), 2026)
    plan = tmp_path / "plans" / "ke-hoach-mau.yaml"
    assert_no_new_schedule_problems(plan, year)
    # the schedule's own window stays the plan's
    plan_window, schedule_window = windows(tmp_path / "plans" / f"ke-hoach-mau-{year}.yaml")
    assert plan_window == schedule_window


def test_the_starter_plan_of_2026_rolled_to_2027_opens_on_the_monday(tmp_path):
    create(str(tmp_path), 2026)
    result = run("new", "--from", tmp_path / "plans" / "ke-hoach-mau.yaml", "--year", 2027)
    # Monday 09/11/2026 → Monday 08/11/2027; Friday 13/11/2027 is a Saturday: Friday 12/11/2027
    assert windows(tmp_path / "plans" / "ke-hoach-mau-2027.yaml") == [(dt.date(2027, 11, 8), dt.date(2027, 11, 12))] * 2
    output = result.stdout.replace(f"{tmp_path}/", "")
    assert (
        "Đã mở rộng thời gian để gồm các ngày trong lịch:\n"
        "plans/ke-hoach-mau-2027.yaml:33:16: 09/11/2026 → 08/11/2027 — để gồm ngày 08/11/2027 của lịch "
        "(các ngày trong lịch dời theo tuần, giữ thứ)\n"
        "schedules/lich-mau-2027.yaml:5:16: 09/11/2026 → 08/11/2027 — để gồm ngày 08/11/2027 của lịch "
        "(các ngày trong lịch dời theo tuần, giữ thứ)\n"
    ) in output
    assert "KH-L001" not in output


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "plans").glob("*.yaml")))
def test_every_example_rolls_without_new_schedule_problems(tmp_path, name):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    plan = tmp_path / "plans" / name
    old_year = load(str(plan)).spec.year
    for year in sorted({old_year + k for k in range(1, 6)} | {2026, 2027, 2030} - {old_year}):
        assert_no_new_schedule_problems(plan, year)


def test_the_ngoc_hoi_window_widens_to_the_last_wednesday_in_2026(tmp_path):
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    roll_forward(str(tmp_path / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"), 2026)
    # rows Monday 09/11 to Wednesday 18/11/2026; the window kept 09/11 and widened 17/11 to 18/11
    assert windows(tmp_path / "plans" / "2026-ngoc-hoi-kiem-tra.yaml") == [(dt.date(2026, 11, 9), dt.date(2026, 11, 18))] * 2


def plan_with(tmp_path, window: str, *rows: str, year: int = 2024):
    body = "rows:\n" + "".join(f"  - {{{row}, place: Xã A, members: [Trưởng đoàn]}}\n" for row in rows)
    text = PLAN.replace("year: 2021", f"year: {year}").replace("{from: 2021-11-08, to: 2021-11-12}", window)
    plan = project(tmp_path, (f"{year}-lich.yaml", f"window: {window}\n" + body), plan_name=f"{year}-kh.yaml")
    plan.write_text(text + f"appendices:\n  - schedule: ../schedules/{year}-lich.yaml\n", encoding="utf-8")
    return plan


def test_a_february_week_across_a_leap_day(tmp_path):
    rows = [f"date: 2024-02-{d}" for d in (26, 27, 28, 29)] + ["date: 2024-03-01"]
    plan = plan_with(tmp_path, "{from: 2024-02-26, to: 2024-03-01}", *rows)
    assert_no_new_schedule_problems(plan, 2025)
    # Monday 26/02/2024 → Monday 24/02/2025; 01/3/2025 is a Saturday: Friday 28/02/2025
    assert windows(tmp_path / "plans" / "2025-kh.yaml") == [(dt.date(2025, 2, 24), dt.date(2025, 2, 28))] * 2


def test_rows_over_several_days_and_rows_of_teams_move_too(tmp_path):
    schedule = (
        "window: {from: 2024-11-11, to: 2024-11-15}\n"
        "rows:\n  - {from: 2024-11-11, to: 2024-11-12, place: Xã A, members: [Trưởng đoàn]}\n"
        "teams:\n  - name: Đoàn 2\n    members: [Trưởng đoàn 2]\n    rows:\n      - {date: 2024-11-15, place: Xã B}\n"
    )
    plan = project(tmp_path, ("2024-lich.yaml", schedule), plan_name="2024-kh.yaml")
    plan.write_text(plan.read_text(encoding="utf-8").replace("2021", "2024"), encoding="utf-8")
    assert_no_new_schedule_problems(plan, 2025)
    spec = load(str(tmp_path / "schedules" / "2025-lich.yaml")).spec
    days = [(r.date.value, r.end.value if r.end else None) for r in spec.rows]
    assert (dt.date(2025, 11, 10), dt.date(2025, 11, 11)) in days and (dt.date(2025, 11, 14), None) in days


def test_the_week_is_chosen_so_that_no_row_falls_on_a_holiday(tmp_path):
    # Monday 28/4/2025 + 52 weeks is Monday 27/4/2026, the day off for Giỗ Tổ Hùng Vương;
    # 53 weeks is Monday 04/5/2026, a working day: the window widens to hold it
    plan = plan_with(tmp_path, "{from: 2025-04-28, to: 2025-04-29}", "date: 2025-04-28", year=2025)
    result = run("new", "--from", plan, "--year", 2026)
    assert "+371 ngày (+53 tuần)" in result.output
    assert "KH-L002" not in result.stdout
    assert windows(tmp_path / "plans" / "2026-kh.yaml") == [(dt.date(2026, 4, 28), dt.date(2026, 5, 4))] * 2


def test_a_row_on_tet_either_way_is_reported(tmp_path):
    # Mondays 10/2 and 17/2/2025: 52 weeks later 16/2/2026 is Giao thừa, 53 weeks later 16/2 again
    plan = plan_with(tmp_path, "{from: 2025-02-10, to: 2025-02-21}", "date: 2025-02-10", "date: 2025-02-17", year=2025)
    result = run("new", "--from", plan, "--year", 2026)
    assert "KH-L002 Thứ Hai, 16/02/2026 là ngày nghỉ" in result.stdout or "KH-L002 Thứ Hai, 16/2/2026 là ngày nghỉ" in result.stdout


def test_a_row_outside_the_old_window_is_not_taken_in(tmp_path):
    # Tuesday 12/11/2024 was already outside Wednesday 13/11 – Friday 15/11/2024: it stays outside,
    # still reported; the window widens only for the Wednesday it held (now Wednesday 12/11/2025)
    plan = plan_with(tmp_path, "{from: 2024-11-13, to: 2024-11-15}", "date: 2024-11-12", "date: 2024-11-13")
    result = run("new", "--from", plan, "--year", 2025)
    assert windows(tmp_path / "plans" / "2025-kh.yaml") == [(dt.date(2025, 11, 12), dt.date(2025, 11, 14))] * 2
    assert result.stdout.count("error KH-L001") == 1
    assert "error KH-L001 ngày 11/11/2025 (Xã A) nằm ngoài thời gian thực hiện từ ngày 12/11 đến ngày 14/11/2025" in result.stdout
