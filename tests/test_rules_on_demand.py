"""The Word layout rules (KH-N…) are imported only when a Word document is checked, yet every command
knows their codes. Each case runs in a fresh process: in this one, other tests have imported them."""

import subprocess
import sys

from conftest import MINIMAL_PLAN


def fresh(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return done.stdout


def test_checking_a_plan_does_not_import_the_layout_rules(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN)
    out = fresh("import sys; from kehoach.check import check_file; "
                "print(check_file(sys.argv[1]).diagnostics, 'kehoach.checks.layout' in sys.modules)", path)
    assert out == "[] False\n"


def test_a_plan_may_ignore_a_layout_rule_and_not_an_unknown_one(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN + "ignore: [KH-N001, KH-N099]\n")
    out = fresh("import sys; from kehoach.check import check_file; "
                "print(*(f'{d.pos.line} {d.code} {d.message}' for d in check_file(sys.argv[1]).diagnostics), sep='\\n')", path)
    assert out == "11 KH-S016 không có quy tắc `KH-N099`: xem `kehoach rules` để biết các mã\n"


def test_the_rules_command_lists_the_layout_rules():
    out = subprocess.run([sys.executable, "-m", "kehoach", "rules"], capture_output=True, text=True, check=True).stdout
    assert "KH-N001  warning  Văn bản phải dùng phông Times New Roman." in out.splitlines()
    assert sum(line.startswith("KH-N0") for line in out.splitlines()) == 13
