"""Helpers for the tests of `kehoach new`: a tiny plan in a `plans/` folder, its schedules beside it."""

from pathlib import Path

from click.testing import CliRunner

from kehoach.cli import main

PLAN = """\
organ: {name: ỦY BAN NHÂN DÂN XÃ A, code: UBND}
place: A
year: 2021
subject: Kiểm tra năm {{ year }}
window: {from: 2021-11-08, to: 2021-11-12}
sections:
  - title: NỘI DUNG
    text: Kiểm tra.
recipients: [Lưu]
archive: VT
signer: {lines: [CHỦ TỊCH], name: Nguyễn Văn A}
"""


def schedule(day="2021-11-08"):
    return f"rows:\n  - {{date: {day}, place: Thôn 1, members: [Trưởng đoàn]}}\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def project(tmp_path, *schedules, plan_name="2021-kh.yaml"):
    """plans/<plan_name> including each schedule file (name → text) from schedules/."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "schedules").mkdir(exist_ok=True)
    text = PLAN + ("appendices:\n" if schedules else "")
    for name, body in schedules:
        (tmp_path / "schedules" / name).write_text(body, encoding="utf-8")
        text += f"  - schedule: ../schedules/{name}\n"
    plan = tmp_path / "plans" / plan_name
    plan.write_text(text, encoding="utf-8")
    return plan


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
