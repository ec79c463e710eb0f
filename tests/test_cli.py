"""The command line: output formats, exit codes, and bad input that must never produce a traceback."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN
from kehoach.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_clean_plan_exits_0_and_prints_nothing_on_stdout(specs):
    result = run("check", specs.write("plan.yaml", MINIMAL_PLAN))
    assert (result.exit_code, result.stdout) == (0, "")


def test_text_format(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "number: năm\n")
    result = run("check", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:11:9: error KH-S004 `number` phải là một số nguyên, ví dụ `number: 1`\n"


def test_json_format_is_exactly_the_contracts_array(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "bases: [Căn cứ A]\n")
    result = run("check", "--format", "json", path)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "file": path,
            "line": 11,
            "column": 9,
            "severity": "warning",
            "code": "KH-S013",
            "message": "căn cứ cuối cùng nên kết thúc bằng `.` (hoặc `,` khi câu mở đầu nối tiếp): thêm dấu ở cuối dòng",
        }
    ]


def test_json_includes_problems_that_stop_reading(specs):
    result = run("check", "--format", "json", str(specs.root / "khong-co.yaml"))
    assert result.exit_code == 2
    (problem,) = json.loads(result.stdout)
    assert (problem["code"], problem["line"], problem["column"]) == ("KH-F001", 1, 1)


def test_several_files_the_highest_code_wins(specs):
    good = specs.write("a.yaml", MINIMAL_PLAN)
    bad = specs.write("b.yaml", MINIMAL_PLAN + "number: x\n")
    broken = specs.write("c.yaml", "a: [1,\n")
    assert run("check", good, bad).exit_code == 1
    assert run("check", bad, broken, good).exit_code == 2


def test_ignore_option(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "bases: [Căn cứ A]\n")
    assert run("check", "--ignore", "KH-S013", path).stdout == ""


def test_rules_lists_every_code_once():
    lines = run("rules").stdout.splitlines()
    codes = [line.split()[0] for line in lines]
    assert len(codes) == len(set(codes)) and "KH-L001" in codes


@pytest.mark.parametrize(
    "name, content, exit_code, code",
    [
        ("empty", b"", 1, "KH-S001"),
        ("binary", bytes(range(256)) * 4, 2, "KH-F002"),
        ("latin", "place: Hữu Lũng\n".encode("cp1258", errors="replace") + b"\xff\xfe", 2, "KH-F002"),
        ("list", b"- organ: x\n", 1, "KH-S001"),
        ("tab", b"organ:\n\tname: UBND\n", 2, "KH-F004"),
        ("bracket", b"recipients: [a, b\n", 2, "KH-F003"),
        ("unquoted-colon", "subject: Kiểm tra: rà soát\n".encode(), 2, "KH-F003"),
        ("nesting", b"closing: " + b"[" * 400 + b"]" * 400 + b"\n", 1, "KH-S009"),
        ("python-tag", b"closing: !!python/object/apply:os.system ['echo pwned']\n", 1, "KH-S010"),
    ],
)
def test_bad_input_gets_a_clear_diagnostic(specs, name, content, exit_code, code):
    path = specs.root / f"{name}.yaml"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == exit_code
    assert code in result.stdout
    assert "Traceback" not in result.output


def test_missing_file_exit_2(specs):
    result = run("check", str(specs.root / "khong-co.yaml"))
    assert result.exit_code == 2
    assert "KH-F001 không có tệp này: kiểm tra lại đường dẫn và tên tệp" in result.stdout


def test_directory_instead_of_file(specs):
    assert run("check", str(specs.root)).exit_code == 2


def test_tab_message_says_what_to_do(specs):
    path = specs.write("tab.yaml", "organ:\n\tname: UBND\n")
    assert run("check", path).stdout == (
        f"{path}:2:1: error KH-F004 dòng này thụt lề bằng phím Tab: YAML chỉ chấp nhận dấu cách, hãy thay Tab bằng dấu cách\n"
    )


@pytest.mark.parametrize(
    "expression, message",
    [
        ("{{ yaer }}", "không có tên `yaer` trong biểu thức: có phải `year`?"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "biểu thức bị chặn vì không an toàn"),
        ("{{ lipsum(100000) }}", "không có tên `lipsum` trong biểu thức"),
        ("{{ cycler.__init__.__globals__ }}", "biểu thức bị chặn vì không an toàn"),
        ("{{ 'x' * 1000000000 }}", "biểu thức bị chặn vì không an toàn"),
        ("{{ date | ngya }}", "không có bộ lọc `ngya`: có phải `ngay`?"),
        ("{{ window }}", "`window` chưa có giá trị ở đây: thêm `window: {from: ..., to: ...}`"),
        ("{{ year", "biểu thức viết sai"),
    ],
)
def test_template_problems_are_diagnostics_at_the_value(specs, expression, message):
    path = specs.write("plan.yaml", MINIMAL_PLAN + f'closing: "{expression} ./."\n')
    result = run("check", path)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:11:10: error KH-T001 {message}")


def test_templates_print_what_the_contract_says(specs):
    from kehoach.spec.load import load

    text = (
        MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2021-11-01").replace("2023", "2021")
        + "window: {from: 2021-11-08, to: 2021-11-15}\n"
        'closing: ["{{ window | capitalize }}.", "{{ window.from | ngay_dai }}, {{ window.to | thu }}, '
        '{{ date | ngay }}, {{ 12600000 | so }}, năm {{ year }}."]\n'
    )
    plan = load(specs.write("plan.yaml", text)).spec
    assert [t.value for t in plan.closing] == [
        "Từ ngày 08/11 đến ngày 15/11/2021.",
        "ngày 08 tháng 11 năm 2021, Thứ Hai, 01/11/2021, 12.600.000, năm 2021.",
    ]


def test_an_internal_bug_is_a_short_message_not_a_traceback(specs, monkeypatch):
    import kehoach.check

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(kehoach.check, "check_file", broken)
    result = run("check", specs.write("plan.yaml", MINIMAL_PLAN))
    assert result.exit_code == 2
    assert "lỗi nội bộ" in result.output and "Traceback" not in result.output


def test_the_installed_command_runs(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "number: x\n")
    done = subprocess.run([sys.executable, "-m", "kehoach", "check", path], capture_output=True, text=True)
    assert done.returncode == 1
    assert "KH-S004" in done.stdout and "Traceback" not in done.stderr


def test_a_file_over_the_size_limit_is_refused(specs, monkeypatch):
    from kehoach.spec import yaml_source

    monkeypatch.setattr(yaml_source, "MAX_BYTES", 100)
    result = run("check", specs.write("plan.yaml", MINIMAL_PLAN))
    assert result.exit_code == 2 and "KH-F005" in result.stdout


def test_debug_shows_the_traceback_of_an_internal_bug(specs, monkeypatch):
    import kehoach.check

    monkeypatch.setattr(kehoach.check, "check_file", lambda *a, **k: 1 / 0)
    result = run("check", "--debug", specs.write("plan.yaml", MINIMAL_PLAN))
    assert isinstance(result.exception, ZeroDivisionError)
