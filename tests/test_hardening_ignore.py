"""`ignore` cannot silence the errors that leave a plan incomplete; several files are checked as one."""

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.check import check_file


def without(key: str) -> str:
    return "".join(line + "\n" for line in MINIMAL_PLAN.splitlines() if not line.startswith(key + ":"))


def test_a_missing_key_is_reported_although_the_spec_ignores_it(specs):
    text = without("archive") + "ignore: [KH-S003]\n"
    assert specs.check(text) == ["1:1 error KH-S003", "10:10 warning KH-S020"]
    assert specs.messages(text)[1] == (
        "KH-S020 `ignore` nêu `KH-S003` nhưng lỗi này không bỏ qua được: nó làm kế hoạch thiếu một phần "
        "nên không dựng được văn bản; hãy sửa lỗi đó"
    )


def test_a_wrong_type_is_reported_although_the_command_line_ignores_it(specs):
    text = MINIMAL_PLAN + "number: năm mươi\n"
    assert specs.check(text, ignore=("KH-S004",)) == ["11:9 error KH-S004", "11:9 warning KH-S020"]


def test_a_missing_schedule_is_reported_although_ignored(specs):
    text = MINIMAL_PLAN + "ignore: [KH-S011]\nappendices:\n  - schedule: khong-co.yaml\n"
    assert specs.check(text, ignore=("KH-S011",)) == ["11:10 warning KH-S020", "13:15 error KH-S011", "13:15 warning KH-S020"]


def test_an_ignorable_rule_is_still_ignored(specs):
    text = MINIMAL_PLAN.replace("Rà soát đúng quy trình./.", "Rà soát đúng quy trình.") + "ignore: [KH-S017]\n"
    assert specs.check(text) == []


def test_complete_says_whether_rendering_may_use_the_plan(specs):
    assert check_file(specs.write("ok.yaml", MINIMAL_PLAN)).complete
    assert not check_file(specs.write("bad.yaml", without("archive")), ("KH-S003",)).complete
    warned = MINIMAL_PLAN.replace("Rà soát đúng quy trình./.", "Rà soát đúng quy trình.")
    assert check_file(specs.write("warned.yaml", warned)).complete


def test_render_refuses_a_plan_whose_missing_key_is_ignored(specs, tmp_path):
    from kehoach.render.job import render_files

    path = specs.write("plan.yaml", without("archive") + "ignore: [KH-S003]\n")
    done = render_files([path], str(tmp_path / "out.docx"), pdf=False, template=None, ignore=("KH-S003",))
    assert done.blocked and not (tmp_path / "out.docx").exists()


def test_a_schedule_shared_by_two_plans_reports_each_problem_once_in_file_order(specs):
    schedule = MINIMAL_SCHEDULE.replace("2021-11-08", "2023-10-02").replace("2021-11-15", "2023-10-06")
    specs.write("lich.yaml", schedule + "  - {date: 2023-10-02, place: Xã A, members: [pho_truong_bn]}\n")
    plan = MINIMAL_PLAN + "appendices:\n  - schedule: lich.yaml\n"
    a = specs.write("b-plan.yaml", plan)
    b = specs.write("a-plan.yaml", plan.replace("date: 2023-09-25", "date: 2023-09-26"))
    found = [(d["file"].rsplit("/", 1)[1], d["line"], d["code"]) for d in checked(a, b)]
    assert found == [("lich.yaml", 5, "KH-L007")]
    found = [(d["file"].rsplit("/", 1)[1], d["code"]) for d in checked(a, str(specs.root / "lich.yaml"), b, "--ignore", "KH-L007")]
    assert found == []


def checked(*args: str) -> list[dict]:
    """`kehoach check --format json` of several files: one list, sorted, each problem once."""
    import json

    from click.testing import CliRunner

    from kehoach.cli import main

    return json.loads(CliRunner().invoke(main, ["check", "--format", "json", *args]).stdout)
