"""`kehoach new` and `kehoach init` check every file they will write before writing the first:
no output is one of their inputs or another output, and a refusal leaves every file as it was."""

from rolling import PLAN, project, run, schedule, snapshot


def test_the_new_plan_cannot_overwrite_an_old_schedule_even_with_force(tmp_path):
    plan = project(tmp_path, ("lich.yaml", schedule()))
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022, "-o", tmp_path / "schedules" / "lich.yaml", "--force")
    assert result.exit_code == 2
    assert "sẽ ghi đè lên tệp đầu vào" in result.output and "chọn tên khác (với -o)" in result.output
    assert snapshot(tmp_path) == before


def test_the_new_plan_cannot_overwrite_the_old_plan(tmp_path):
    plan = project(tmp_path)
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022, "-o", tmp_path / "plans" / "." / "2021-kh.yaml", "--force")
    assert result.exit_code == 2 and "tệp đầu vào" in result.output
    assert snapshot(tmp_path) == before


def test_two_schedules_whose_new_names_collide_write_nothing(tmp_path):
    # s.yaml → s-2022.yaml, and s-2021.yaml → s-2022.yaml
    plan = project(tmp_path, ("s.yaml", schedule()), ("s-2021.yaml", schedule("2021-11-09")))
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022, "--force")
    assert result.exit_code == 2
    assert "cùng được ghi vào" in result.output and "s-2022.yaml" in result.output
    assert snapshot(tmp_path) == before


def test_an_existing_folder_as_output_writes_nothing(tmp_path):
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    (tmp_path / "out").mkdir()
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022, "-o", tmp_path / "out", "--force")
    assert result.exit_code == 2 and "/out`: đó là một thư mục; nêu tên tệp" in result.output
    assert snapshot(tmp_path) == before and not (tmp_path / "schedules" / "2022-lich.yaml").exists()


def test_an_output_under_a_file_writes_nothing(tmp_path):
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022, "-o", tmp_path / "plans" / "2021-kh.yaml" / "x.yaml")
    assert result.exit_code == 2 and "một phần của đường dẫn là tệp, không phải thư mục" in result.output
    assert snapshot(tmp_path) == before


def test_an_existing_schedule_copy_stops_everything_without_force(tmp_path):
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    (tmp_path / "schedules" / "2022-lich.yaml").write_text("giữ nguyên", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("new", "--from", plan, "--year", 2022)
    assert result.exit_code == 2 and "2022-lich.yaml` đã có: thêm --force" in result.output
    assert snapshot(tmp_path) == before  # the plan is not written either


def test_one_schedule_included_twice_is_copied_once(tmp_path):
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    plan.write_text(plan.read_text(encoding="utf-8") + "  - schedule: ../schedules/2021-lich.yaml\n", encoding="utf-8")
    assert run("new", "--from", plan, "--year", 2022).exit_code == 0
    new = (tmp_path / "plans" / "2022-kh.yaml").read_text(encoding="utf-8")
    assert new.count("schedule: ../schedules/2022-lich.yaml") == 2


def test_a_schedule_outside_the_plans_folder_is_refused(tmp_path):
    outside = tmp_path / "khac"
    outside.mkdir()
    (outside / "2021-lich.yaml").write_text(schedule(), encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    for written in ("../../khac/2021-lich.yaml", str(outside / "2021-lich.yaml")):
        plan = inner / "2021-kh.yaml"
        plan.write_text(PLAN + f"appendices:\n  - schedule: {written}\n", encoding="utf-8")
        before = snapshot(tmp_path)
        result = run("new", "--from", plan, "--year", 2022, "--force")
        assert result.exit_code == 2, result.output
        assert f"2021-kh.yaml:13:15: lịch `{written}` nằm ngoài thư mục" in result.output
        assert snapshot(tmp_path) == before


def test_schedules_beside_the_plans_folder_are_the_projects_own(tmp_path):
    """`plans/x.yaml` including `../schedules/y.yaml`: the layout `kehoach init` makes."""
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    assert run("new", "--from", plan, "--year", 2022).exit_code == 0
    assert (tmp_path / "schedules" / "2022-lich.yaml").exists()


def test_init_where_schedules_is_a_file_writes_nothing(tmp_path):
    (tmp_path / "schedules").write_text("một tệp", encoding="utf-8")
    result = run("init", tmp_path, "--year", 2026)
    assert result.exit_code == 2 and "lich-mau.yaml`: một phần của đường dẫn là tệp, không phải thư mục" in result.output
    assert not (tmp_path / "plans").exists()
