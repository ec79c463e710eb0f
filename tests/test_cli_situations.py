"""What the user sees when the command line itself is the problem, or the world around it is:
click's messages in Vietnamese, output encodings, closed pipes, full disks, user errors."""

import gc
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN
from kehoach.cli import guarded, main
from kehoach.errors import OutputConflict


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "args, message",
    [
        (["chek", "x.yaml"], "Lỗi: Không có lệnh 'chek'. Có phải 'check'?"),
        (["new", "--year", "2022"], "Lỗi: Thiếu tùy chọn '--from'."),
        (["check"], "Lỗi: Thiếu đối số 'FILES...'."),
        (["new", "--from", "x.yaml", "--year", "abc"], "Lỗi: Giá trị không hợp lệ cho '--year': 'abc' không phải một số hợp lệ."),
        (["check", "--formt", "json", "x.yaml"], "Lỗi: Không có tùy chọn '--formt'. Có phải '--format'?"),
    ],
)
def test_usage_errors_are_vietnamese(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[0].startswith("Cách dùng: kehoach")
    assert message in result.output
    assert "Usage" not in result.output and "Error" not in result.output


def test_help_is_vietnamese():
    output = run("-h").output
    assert output.startswith("Cách dùng: kehoach") and "Tùy chọn:" in output and "Lệnh:" in output


def test_a_user_error_is_its_message_and_exit_2():
    @main.command("hong")
    @guarded
    def broken():
        raise OutputConflict("`a.docx` trùng với tệp vào: chọn tên khác với -o.")

    try:
        result = run("hong")
    finally:
        main.commands.pop("hong")
    assert (result.exit_code, result.output) == (2, "kehoach: `a.docx` trùng với tệp vào: chọn tên khác với -o.\n")


def test_a_path_through_a_file_says_what_to_fix(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN)
    afile = specs.write("afile", "")
    result = run("render", path, "-o", os.path.join(afile, "x.docx"))
    assert result.exit_code == 2
    assert "là tệp, không phải thư mục" in result.output and "(-o)" in result.output
    assert "lỗi nội bộ" not in result.output


def test_the_cyclic_collector_is_left_alone_by_commands(specs):
    assert gc.isenabled()
    run("check", specs.write("plan.yaml", MINIMAL_PLAN))
    assert gc.isenabled()


def _kehoach(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, **kwargs)


def test_a_legacy_windows_output_encoding_still_prints_vietnamese(specs):
    env = dict(os.environ, PYTHONIOENCODING="cp1258")
    done = _kehoach("check", specs.write("plan.yaml", MINIMAL_PLAN + "number: x\n"), env=env)
    assert done.returncode == 1
    import unicodedata

    printed = unicodedata.normalize("NFC", done.stdout.decode("cp1258"))
    assert "`number` phải là một số nguyên" in printed
    assert "Traceback" not in done.stderr.decode("cp1258")


def test_a_full_disk_is_a_situation_not_a_bug():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kehoach", "rules"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert "đĩa đã đầy" in done.stderr and "Traceback" not in done.stderr


def test_a_closed_pipe_keeps_the_exit_code_of_the_errors(specs):
    many_errors = MINIMAL_PLAN + "".join(f"khoa_{i}: x\n" for i in range(2000))
    path = specs.write("plan.yaml", many_errors)
    reader = subprocess.Popen([sys.executable, "-m", "kehoach", "check", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.readline()
    reader.stdout.close()
    _, err = reader.communicate(timeout=60)
    assert reader.returncode == 1
    assert b"Traceback" not in err


def test_a_shared_schedule_is_reported_once(specs):
    schedule = specs.write(
        "lich.yaml",
        "title: LỊCH\nwindow: {from: 2021-11-08, to: 2021-11-15}\nrows:\n"
        "  - {date: 2021-11-14, place: Xã A, members: [Đoàn kiểm tra]}\n",
    )
    plan = MINIMAL_PLAN.replace("2023", "2021") + "appendices:\n  - schedule: lich.yaml\n"
    first, second = specs.write("a.yaml", plan), specs.write("b.yaml", plan)
    lines = run("check", first, second).stdout.splitlines()
    on_sunday = [line for line in lines if line.startswith(schedule)]
    assert len(on_sunday) == len(set(on_sunday)) >= 1
