"""`kehoach new` (roll a plan forward) and `kehoach init` (a starter plan)."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kehoach.check import check_file
from kehoach.cli import main
from kehoach.diagnostics import Severity
from kehoach.roll.calendar import week_shift
from kehoach.spec.load import load
from kehoach.spec.model import ScheduleAppendix
from kehoach.yearly import renamed

ROOT = Path(__file__).parent.parent


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def repo(tmp_path):
    """A copy of the examples, so that the originals stay as they are."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "schedules", tmp_path / "schedules")
    return tmp_path


def bounds(spec):
    """The window's and phases' bounds: they keep their day and month."""
    dates = []
    if spec.window:
        dates += [spec.window.start.value, spec.window.end.value]

    def walk(items):
        for item in items:
            if hasattr(item, "timeline"):
                dates.extend(d for p in item.timeline for d in (p.start.value, p.end.value))
                walk(item.body)

    walk(spec.sections)
    for schedule in spec.schedules:
        if schedule.window:
            dates += [schedule.window.start.value, schedule.window.end.value]
    return dates


def rows(spec):
    return [r.date.value for schedule in spec.schedules for r in schedule.rows]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "plans").glob("*.yaml")))
def test_roll_every_example_forward(repo, name):
    old = repo / "plans" / name
    before = {p: p.read_bytes() for p in (repo / "plans").glob("*.yaml")} | {p: p.read_bytes() for p in (repo / "schedules").glob("*.yaml")}
    old_spec = load(str(old)).spec
    new_year = old_spec.year + 1
    result = run("new", "--from", str(old), "--year", str(new_year))
    assert result.exit_code == 0, result.output
    new = repo / "plans" / name.replace(str(old_spec.year), str(new_year))
    assert new.exists()
    # the old files are byte-for-byte unchanged
    assert all(p.read_bytes() == data for p, data in before.items())
    spec = load(str(new)).spec
    # a draft of the new year
    assert (spec.number, spec.date, spec.year) == (None, None, new_year)
    # schedule rows moved by whole weeks: weekdays kept
    old_rows, new_rows = rows(old_spec), rows(spec)
    assert len(old_rows) == len(new_rows)
    for a, b in zip(old_rows, new_rows):
        assert (b - a).days in (364, 371) and a.weekday() == b.weekday()
    # bounds keep their day and month, or the nearest working day within three days
    old_bounds, new_bounds = bounds(old_spec), bounds(spec)
    assert len(old_bounds) == len(new_bounds)
    for a, b in zip(old_bounds, new_bounds):
        assert b.year == new_year and abs((b - a.replace(year=new_year)).days) <= 3, (a, b)
    # schedules: new copies, named for the new year, and the new plan points at them
    for old_appendix, appendix in zip(old_spec.appendices, spec.appendices):
        if isinstance(appendix, ScheduleAppendix):
            assert appendix.path.value == old_appendix.path.value.replace(str(old_spec.year), str(new_year))
            assert Path(appendix.schedule.file).exists() and appendix.schedule.file != old_appendix.schedule.file
    # text that uses {{ year }} follows by itself
    assert str(new_year) in spec.subject.value
    # no schedule day left the window: it widened to hold them
    errors = [d.as_text() for d in check_file(str(new)).diagnostics if d.severity is Severity.ERROR]
    assert errors == []


def test_the_shift_and_its_report(repo):
    result = run("new", "--from", str(repo / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"), "--year", "2022")
    assert "Đã dời các ngày trong lịch +364 ngày (+52 tuần): thứ trong tuần giữ nguyên" in result.output
    schedule = load(str(repo / "schedules" / "2022-ngoc-hoi-lich-kiem-tra.yaml")).spec
    assert schedule.rows[0].date.value == dt.date(2022, 11, 7)  # Monday 08/11/2021 → Monday 07/11/2022
    # 08/11/2022 would leave that Monday out: the window opens a day earlier to hold it, and says why
    assert (schedule.window.start.value, schedule.window.end.value) == (dt.date(2022, 11, 7), dt.date(2022, 11, 17))
    plan = load(str(repo / "plans" / "2022-ngoc-hoi-kiem-tra.yaml")).spec
    assert (plan.window.start.value, plan.window.end.value) == (dt.date(2022, 11, 7), dt.date(2022, 11, 17))
    assert (
        "Đã mở rộng thời gian để gồm các ngày trong lịch:\n"
        "plans/2022-ngoc-hoi-kiem-tra.yaml:13:16: 08/11/2021 → 07/11/2022 — để gồm ngày 07/11/2022 của lịch "
        "(các ngày trong lịch dời theo tuần, giữ thứ)\n"
    ) in result.stdout.replace(str(repo) + "/", "")
    assert "KH-L001" not in result.stdout


def test_only_the_changed_values_change(repo):
    run("new", "--from", str(repo / "plans" / "2023-huu-lung-ra-soat.yaml"), "--year", "2024")
    old = (repo / "plans" / "2023-huu-lung-ra-soat.yaml").read_text(encoding="utf-8").splitlines()
    new = (repo / "plans" / "2024-huu-lung-ra-soat.yaml").read_text(encoding="utf-8").splitlines()
    assert "number: 59" in old and not any(line.startswith("number:") for line in new)
    assert "date: 2023-09-25" in old and "year: 2024" in new
    assert len(new) == len(old) - 1
    # comments and every other line are kept as written
    changed = {i for i, (a, b) in enumerate(zip(old[:9] + old[10:], new)) if a != b}
    assert all("year:" in new[i] or "from: 2024" in new[i] for i in changed)
    assert old[0] == new[0] and old[0].startswith("# Kế hoạch rà soát")


def test_literal_dates_and_years_are_listed_for_review(repo):
    result = run("new", "--from", str(repo / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"), "--year", "2022")
    review = result.stdout.split("Cần xem lại")[1]
    assert "2022-ngoc-hoi-kiem-tra.yaml:42:314: 2021\n" in review
    # a cited document's date is not the plan's to move: it is listed with the document, to update
    assert "17 tháng 9 năm 2021" not in review


def test_a_replaced_document_is_reported_on_the_new_plan(repo):
    result = run("new", "--from", str(repo / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"), "--year", "2022")
    assert "KH-R011 Thông tư `17/2016/TT-BLĐTBXH` đã được thay thế" in result.stdout


def test_a_district_plan_rolled_past_the_reform_is_told_its_organ_is_gone(repo):
    """Districts were abolished on 01/7/2025: the rolled draft's check says so at once."""
    result = run("new", "--from", str(repo / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"), "--year", "2026")
    assert result.exit_code == 0
    diagnostics = result.stdout.split("Cần xem lại")[1]
    assert (
        "2026-ngoc-hoi-kiem-tra.yaml:4:11: warning KH-R012 kế hoạch năm 2026 do một cơ quan cấp huyện ban hành, "
        "nhưng từ 01/7/2025 chính quyền địa phương chỉ còn hai cấp (tỉnh, xã)"
    ) in diagnostics


def test_refuses_to_overwrite_without_force(repo):
    old = str(repo / "plans" / "2023-huu-lung-ra-soat.yaml")
    assert run("new", "--from", old, "--year", "2024").exit_code == 0
    target = repo / "plans" / "2024-huu-lung-ra-soat.yaml"
    target.write_text("giữ nguyên", encoding="utf-8")
    result = run("new", "--from", old, "--year", "2024")
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "giữ nguyên"
    assert run("new", "--from", old, "--year", "2024", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "giữ nguyên"


def test_output_name_and_option(repo):
    assert renamed("plans/2024-x.yaml", 2024, 2025) == "plans/2025-x.yaml"
    assert renamed("plans/ke-hoach.yaml", 2024, 2025) == "plans/ke-hoach-2025.yaml"
    out = repo / "khac" / "moi.yaml"
    assert run("new", "--from", str(repo / "plans" / "2023-huu-lung-ra-soat.yaml"), "--year", "2024", "-o", str(out)).exit_code == 0
    assert load(str(out)).spec.year == 2024


def test_week_shift():
    assert week_shift(dt.date(2021, 11, 8), 1) == 364
    assert week_shift(dt.date(2021, 11, 8), 6) == 2191  # 2191 days to 08/11/2027: exactly 313 weeks
    assert week_shift(dt.date(2021, 11, 8), 3) == 1099  # 1096 days (2024 is a leap year): 157 weeks is nearest
    assert week_shift(dt.date(2024, 2, 29), 1) == 364


def test_unreadable_old_plan(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("a: [1,\n", encoding="utf-8")
    result = run("new", "--from", str(bad), "--year", "2025")
    assert result.exit_code == 2 and f"không đọc được `{bad}`" in result.output and "Traceback" not in result.output


class TestInit:
    def test_starter_checks_clean_and_renders(self, tmp_path):
        result = run("init", str(tmp_path), "--year", "2026")
        assert result.exit_code == 0
        plan = tmp_path / "plans" / "ke-hoach-mau.yaml"
        assert check_file(str(plan)).diagnostics == []
        assert check_file(str(tmp_path / "schedules" / "lich-mau.yaml")).diagnostics == []
        assert run("render", str(plan), "-o", str(tmp_path / "mau.docx")).exit_code == 0

    def test_every_key_of_the_starter_is_explained(self, tmp_path):
        run("init", str(tmp_path), "--year", "2026")
        text = (tmp_path / "plans" / "ke-hoach-mau.yaml").read_text(encoding="utf-8")
        for key in ("organ:", "year:", "place:", "subject:", "window:", "bases:", "sections:", "recipients:", "archive:", "signer:", "appendices:"):
            line = next(line for line in text.splitlines() if line.startswith(key))
            assert "#" in line, key

    def test_refuses_to_overwrite(self, tmp_path):
        run("init", str(tmp_path), "--year", "2026")
        result = run("init", str(tmp_path), "--year", "2026")
        assert result.exit_code == 2 and "ke-hoach-mau.yaml` đã có: thêm --force để ghi đè" in result.output
        assert run("init", str(tmp_path), "--year", "2026", "--force").exit_code == 0
