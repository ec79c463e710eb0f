"""Helpers: write a tiny spec, check it, compare the diagnostics as `LINE:COL severity CODE`."""

from __future__ import annotations

import importlib.metadata
import os
import textwrap
from pathlib import Path

import pytest

from kehoach.check import check_file
from kehoach.errors import ToolMissing
from kehoach.render import listener

# Ten lines; tests add keys from line 11 on, so expected line numbers stay readable.
MINIMAL_PLAN = """\
organ: {name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}
place: Thị trấn Hữu Lũng
date: 2023-09-25
subject: Rà soát hộ nghèo, hộ cận nghèo năm 2023
sections:
  - title: MỤC ĐÍCH, YÊU CẦU
    text: Rà soát đúng quy trình./.
recipients: ["Phòng LĐ, TB, XH-DT (b/c)"]
archive: VT, VH-XH
signer: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Quang Nhuệ}
"""

# A schedule of four lines; rows from line 5.
MINIMAL_SCHEDULE = """\
title: LỊCH KIỂM TRA
window: {from: 2021-11-08, to: 2021-11-15}
members: {pho_truong_ban: Phó Trưởng Ban Chỉ đạo huyện, nn: Đại diện Phòng Nông nghiệp}
rows:
"""


class Specs:
    def __init__(self, root: Path):
        self.root = root

    def write(self, name: str, text: str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return str(path)

    def check(self, text: str, name: str = "plan.yaml", ignore: tuple[str, ...] = ()) -> list[str]:
        """`LINE:COL severity CODE` of each diagnostic of the spec `text`."""
        path = self.write(name, text)
        return [f"{d.pos.line}:{d.pos.column} {d.severity.value} {d.code}" for d in check_file(path, ignore).diagnostics]

    def messages(self, text: str, name: str = "plan.yaml") -> list[str]:
        path = self.write(name, text)
        return [f"{d.code} {d.message}" for d in check_file(path).diagnostics]

    def codes(self, text: str, name: str = "plan.yaml") -> list[str]:
        path = self.write(name, text)
        return [d.code for d in check_file(path).diagnostics]


@pytest.fixture
def specs(tmp_path) -> Specs:
    return Specs(tmp_path)


# The kept LibreOffice (kehoach.render.listener), for the listener's tests and the web page's.
@pytest.fixture
def fresh_lookup():
    listener.uno_python.cache_clear()
    yield
    listener.uno_python.cache_clear()


@pytest.fixture
def kept_libreoffice(fresh_lookup):
    """LibreOffice, its Python bridge and unoserver; in CI (`CI` set) their absence fails the test."""
    try:
        listener.pdf.soffice()
        listener.uno_python()
        importlib.metadata.distribution("unoserver")
    except (ToolMissing, importlib.metadata.PackageNotFoundError) as missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install LibreOffice, python3-uno and kehoach[test] (.ci/run): {missing}")
        pytest.skip(f"no kept LibreOffice here: {missing}")
