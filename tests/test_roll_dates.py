"""How `kehoach new` moves each date: every date the loader reads is moved (or reported), written
the way it was — quotes, spaces, block scalars — and the file stays YAML."""

import datetime as dt

import pytest
from rolling import PLAN, project, run, schedule

from kehoach.spec.load import load
from kehoach.yearly import CannotRoll, roll_forward


def rolled(tmp_path, plan_text, year, *schedules):
    plan = project(tmp_path, *schedules)
    included = "".join(f"  - schedule: ../schedules/{n}\n" for n, _ in schedules)
    plan.write_text(plan_text + ("appendices:\n" + included if schedules else ""), encoding="utf-8")
    result = run("new", "--from", plan, "--year", year)
    assert "Traceback" not in result.output and "lỗi nội bộ" not in result.output, result.output
    return result


def new_plan(tmp_path, name="plans/2022-kh.yaml"):
    return (tmp_path / name).read_text(encoding="utf-8")


def window(tmp_path, name):
    spec = load(str(tmp_path / name)).spec
    return spec.window.start.value, spec.window.end.value


def test_dates_written_loosely_are_moved_as_the_loader_reads_them(tmp_path):
    plan = PLAN.replace("window: {from: 2021-11-08, to: 2021-11-12}", 'window: {from: " 2021-11-08", to: 2021-11-12}')
    result = rolled(tmp_path, plan, 2022, ("2021-lich.yaml", schedule("2021-11-9")))
    assert result.exit_code == 0, result.output
    assert 'window: {from: " 2022-11-08", to: 2022-11-11}' in new_plan(tmp_path)  # 12/11/2022 is a Saturday
    assert "date: 2022-11-08," in (tmp_path / "schedules" / "2022-lich.yaml").read_text(encoding="utf-8")


def test_dates_in_block_scalars_are_moved_in_place(tmp_path):
    plan = PLAN.replace(
        "window: {from: 2021-11-08, to: 2021-11-12}",
        "window:\n  from: |\n    2021-11-08\n  to: >-\n    2021-11-12\n",
    )
    result = rolled(tmp_path, plan, 2022)
    assert result.exit_code == 0, result.output
    assert "  from: |\n    2022-11-08\n  to: >-\n    2022-11-11\n" in new_plan(tmp_path)
    assert window(tmp_path, "plans/2022-kh.yaml") == (dt.date(2022, 11, 8), dt.date(2022, 11, 11))


def test_a_quoted_date_with_an_escape_is_written_anew(tmp_path):
    plan = PLAN.replace("from: 2021-11-08", 'from: "2021\\x2d11-08"')
    assert rolled(tmp_path, plan, 2022).exit_code == 0
    assert 'window: {from: "2022-11-08", to: 2022-11-11}' in new_plan(tmp_path)


def test_dates_in_other_digits_are_left_for_the_check_to_report(tmp_path):
    plan = PLAN.replace("from: 2021-11-08", "from: ٢٠٢١-١١-٠٨")
    result = rolled(tmp_path, plan, 2022, ("2021-lich.yaml", schedule("２０２１-１１-０９")))
    assert result.exit_code == 0
    assert "from: ٢٠٢١-١١-٠٨" in new_plan(tmp_path)
    assert "error KH-S006 `window.from` không đọc được `٢٠٢١-١١-٠٨` là ngày" in result.output
    assert "`date` không đọc được `２０２１-１１-０９` là ngày" in result.output


def test_a_date_that_would_leave_the_calendar_is_reported_not_moved(tmp_path):
    result = rolled(tmp_path, PLAN, 2022, ("2021-lich.yaml", schedule("9999-12-30")))
    assert result.exit_code == 0
    assert "Không dời được (sửa tay):\n" in result.output
    assert "schedules/2022-lich.yaml:2:12: 9999-12-30 — ngày mới ra ngoài lịch (năm 1 đến 9999): sửa tay" in result.output


def test_a_year_no_plan_has_is_refused(tmp_path):
    plan = project(tmp_path)
    assert run("new", "--from", plan, "--year", 9999).exit_code == 2
    with pytest.raises(CannotRoll, match="năm 9999 nằm ngoài 1945–2100"):
        roll_forward(str(plan), 9999)
    with pytest.raises(CannotRoll, match="kế hoạch đã là năm 2021"):
        roll_forward(str(plan), 2021)


def test_an_indented_plan_gets_its_year_at_the_same_indentation(tmp_path):
    plan = "".join("  " + line + "\n" for line in PLAN.replace("year: 2021", "number: 5\ndate: 2021-10-01").splitlines())
    result = rolled(tmp_path, plan, 2022)
    assert result.exit_code == 0, result.output
    text = new_plan(tmp_path)
    assert "\n  year: 2022\n" in text and "number" not in text and "date: 2021" not in text
    assert load(str(tmp_path / "plans" / "2022-kh.yaml")).spec.year == 2022


def test_the_year_keeps_its_quotes(tmp_path):
    assert rolled(tmp_path, PLAN.replace("year: 2021", 'year: "2021"  # năm'), 2022).exit_code == 0
    assert 'year: "2022"  # năm\n' in new_plan(tmp_path)


class TestBoundsKeepTheirDayAndMonth:
    def test_a_plan_ending_on_31_december_still_does_five_years_on(self, tmp_path):
        plan = PLAN.replace("year: 2021", "year: 2022").replace("2021-11-08, to: 2021-11-12", "2022-12-01, to: 2022-12-31")
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "2022-kh.yaml").write_text(plan, encoding="utf-8")
        assert run("new", "--from", tmp_path / "plans" / "2022-kh.yaml", "--year", 2027).exit_code == 0
        assert window(tmp_path, "plans/2027-kh.yaml") == (dt.date(2027, 12, 1), dt.date(2027, 12, 31))

    def test_an_end_on_a_sunday_moves_back_to_the_working_day_before(self, tmp_path):
        plan = PLAN.replace("year: 2021", "year: 2022").replace("2021-11-08, to: 2021-11-12", "2022-12-01, to: 2022-12-31")
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "2022-kh.yaml").write_text(plan, encoding="utf-8")
        result = run("new", "--from", tmp_path / "plans" / "2022-kh.yaml", "--year", 2028)
        assert window(tmp_path, "plans/2028-kh.yaml") == (dt.date(2028, 12, 1), dt.date(2028, 12, 29))
        assert "Đã chuyển sang ngày làm việc:\n" in result.output
        assert "2028-kh.yaml:5:32: 31/12/2022 → 29/12/2028 — ngày 31/12/2028 là Chủ Nhật\n" in result.output

    def test_a_start_on_a_holiday_moves_to_the_next_working_day(self, tmp_path):
        plan = PLAN.replace("year: 2021", "year: 2025").replace("2021-11-08, to: 2021-11-12", "2025-04-30, to: 2025-05-09")
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "2025-kh.yaml").write_text(plan, encoding="utf-8")
        assert run("new", "--from", tmp_path / "plans" / "2025-kh.yaml", "--year", 2026).exit_code == 0
        # 30/4 and 1/5/2026 are holidays, 9/5/2026 a Saturday
        assert window(tmp_path, "plans/2026-kh.yaml") == (dt.date(2026, 5, 4), dt.date(2026, 5, 8))

    def test_a_phase_on_one_day_moves_to_the_nearest_working_day(self, tmp_path):
        plan = PLAN.replace("year: 2021", "year: 2025").replace(
            "    text: Kiểm tra.\n", "    timeline:\n      - {from: 2025-02-27, to: 2025-02-28, task: Họp.}\n      - {on: 2025-09-02, task: Báo cáo.}\n"
        ).replace("2021-11-08, to: 2021-11-12", "2025-01-02, to: 2025-12-31")
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "2025-kh.yaml").write_text(plan, encoding="utf-8")
        assert run("new", "--from", tmp_path / "plans" / "2025-kh.yaml", "--year", 2028).exit_code == 0
        text = (tmp_path / "plans" / "2028-kh.yaml").read_text(encoding="utf-8")
        # 27/02/2028 is a Sunday: the phase starts on Monday 28/02, its end's day
        assert "{from: 2028-02-28, to: 2028-02-28, task: Họp.}" in text
        # Quốc khánh 2028 is Friday 01/9 and Saturday 02/9: Thursday 31/8 is nearer than Monday 04/9
        assert "{on: 2028-08-31, task: Báo cáo.}" in text


def test_an_old_year_no_plan_has_is_refused_before_writing(tmp_path):
    result = rolled(tmp_path, PLAN.replace("year: 2021", "year: 9999"), 2022)
    assert result.exit_code == 2 and "là kế hoạch năm 9999, ngoài 1945–2100: sửa `year`" in result.output
    assert not (tmp_path / "plans" / "2022-kh.yaml").exists()


def test_a_window_far_outside_the_years_is_refused_not_a_crash(tmp_path):
    result = rolled(tmp_path, PLAN.replace("from: 2021-11-08", "from: 0001-01-01"), 1950)
    assert result.exit_code == 2 and "không dời được ngày 01/01/1 sang năm mới" in result.output


class TestAGiaiDoanMovesWithTheYearItHolds:
    """A plan of a giai đoạn (`period: {from: 2021, to: 2025}`) rolled to a year after it is the plan
    of the next giai đoạn of the same length; to a year inside it, another year's plan of the same
    giai đoạn. A window or phase over several years moves with the giai đoạn, the others by years."""

    GIAI_DOAN = PLAN.replace("year: 2021", "year: 2022\nperiod: {from: 2021, to: 2025}").replace(
        "{from: 2021-11-08, to: 2021-11-12}", "{from: 2021-01-04, to: 2025-12-31}"
    ).replace("    text: Kiểm tra.\n", "    timeline:\n      - {from: 2022-03-01, to: 2022-03-31, task: Tổng kết năm.}\n")

    def roll(self, tmp_path, plan, year):
        (tmp_path / "plans").mkdir()
        (tmp_path / "plans" / "2022-gd.yaml").write_text(plan, encoding="utf-8")
        result = run("new", "--from", tmp_path / "plans" / "2022-gd.yaml", "--year", year)
        assert result.exit_code == 0, result.output
        self.output = result.stdout
        spec = load(str(tmp_path / "plans" / f"{year}-gd.yaml")).spec
        phase = spec.sections[0].timeline[0]
        period = (spec.period.start, spec.period.end) if spec.period else None
        return period, (spec.window.start.value, spec.window.end.value), (phase.start.value, phase.end.value)

    def test_the_year_after_the_giai_doan_starts_the_next_one(self, tmp_path):
        period, window, phase = self.roll(tmp_path, self.GIAI_DOAN, 2026)
        assert "Đã chuyển sang giai đoạn mới:\n" in self.output
        assert "2026-gd.yaml:4:16: 2021–2025 → 2026–2030 — năm 2026 nằm ngoài giai đoạn cũ\n" in self.output
        assert period == (2026, 2030)
        assert window == (dt.date(2026, 1, 5), dt.date(2030, 12, 31))  # 04/01/2026 is a Sunday
        assert phase == (dt.date(2026, 3, 2), dt.date(2026, 3, 31))  # the year's own phase: 2022 → 2026

    def test_a_later_year_finds_the_giai_doan_that_holds_it(self, tmp_path):
        period, window, _ = self.roll(tmp_path, self.GIAI_DOAN, 2033)
        assert period == (2031, 2035) and (window[0].year, window[1]) == (2031, dt.date(2035, 12, 31))

    def test_a_year_inside_the_giai_doan_keeps_it(self, tmp_path):
        period, window, phase = self.roll(tmp_path, self.GIAI_DOAN, 2023)
        assert period == (2021, 2025) and "giai đoạn mới" not in self.output
        assert window == (dt.date(2021, 1, 4), dt.date(2025, 12, 31))
        assert phase == (dt.date(2023, 3, 1), dt.date(2023, 3, 31))

    def test_a_window_over_several_years_without_a_period_is_its_own_giai_doan(self, tmp_path):
        period, window, _ = self.roll(tmp_path, self.GIAI_DOAN.replace("period: {from: 2021, to: 2025}\n", ""), 2026)
        assert period is None and window == (dt.date(2026, 1, 5), dt.date(2030, 12, 31))
