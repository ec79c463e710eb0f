"""The read-only commands (check, refs, rules) end their process without Python's teardown once their
output is flushed: whole processes print all of it and exit with the contract's codes."""

import json
import os
import subprocess
import sys
import sysconfig

from conftest import MINIMAL_PLAN


def kehoach(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True)


def test_a_clean_plan_exits_0_with_its_summary(specs):
    done = kehoach("check", specs.write("plan.yaml", MINIMAL_PLAN))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 ghi chú.\n")


def test_every_line_of_a_long_report_is_printed_and_errors_exit_1(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "".join(f"khoa_{i}: x\n" for i in range(2000)))
    done = kehoach("check", "--format", "json", path)
    assert done.returncode == 1
    assert [d["code"] for d in json.loads(done.stdout)] == ["KH-S002"] * 2000


def test_an_unreadable_file_exits_2(specs):
    done = kehoach("check", specs.write("plan.yaml", "a: [1,\n"))
    assert done.returncode == 2 and "KH-F003" in done.stdout


def test_the_rules_and_the_references_are_printed_whole(specs):
    rules = kehoach("rules")
    assert rules.returncode == 0 and rules.stdout.endswith("\n") and len(rules.stdout.splitlines()) > 60
    text = specs.write("a.txt", "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 28/01/2021 của Chính phủ;\n")
    refs = kehoach("refs", text)
    assert refs.returncode == 0
    assert refs.stdout == f"{text}:1:8\tNghị định\t07/2021/NĐ-CP\t28/01/2021\tChính phủ\n"


def test_the_installed_command_runs_the_same_entry_point(specs):
    """`kehoach` as pip installs it (kehoach.__main__:main, which pauses the collector before the
    command line's imports), not only `python -m kehoach`."""
    script = os.path.join(sysconfig.get_path("scripts"), "kehoach")
    done = subprocess.run([script, "check", specs.write("plan.yaml", MINIMAL_PLAN + "khoa: x\n")], capture_output=True, text=True)
    assert done.returncode == 1 and "KH-S002" in done.stdout
