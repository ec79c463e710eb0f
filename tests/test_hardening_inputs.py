"""What a user names as input is read only when it is a regular file of bounded size: devices, pipes,
folders, huge files and zip bombs are diagnostics (KH-F001, KH-F005), never a hang or blown memory."""

import os
import resource
import subprocess
import sys
import zipfile

import pytest

from conftest import MINIMAL_PLAN
from kehoach.check import check_file
from kehoach.refs.sources import references_in


def found(diagnostics):
    return [(d.code, d.message) for d in diagnostics]


NOT_A_FILE = "đây không phải một tệp thông thường (thiết bị, ống dẫn): nêu một tệp trên đĩa"


def test_check_dev_zero():
    assert found(check_file("/dev/zero").diagnostics) == [("KH-F001", NOT_A_FILE)]


def test_check_a_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    assert found(check_file(str(fifo)).diagnostics) == [("KH-F001", NOT_A_FILE)]


def test_check_a_folder(tmp_path):
    assert found(check_file(str(tmp_path)).diagnostics) == [
        ("KH-F001", "đây là một thư mục, không phải tệp: nêu tên tệp trong thư mục đó")
    ]


def test_check_a_file_over_the_bound(tmp_path):
    big = tmp_path / "plan.yaml"
    with open(big, "wb") as f:
        f.truncate(9 * 1024 * 1024)
    assert found(check_file(str(big)).diagnostics) == [
        ("KH-F005", "tệp lớn 9 MB, quá giới hạn 8 MB: tách thành các tệp nhỏ hơn")
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/stdin"])
def test_a_schedule_that_is_a_device_is_not_read(specs, device):
    text = MINIMAL_PLAN + f"appendices:\n  - schedule: {device}\n"
    assert specs.check(text) == ["12:15 error KH-S011"]


def test_refs_dev_zero():
    assert found(references_in("/dev/zero")[1]) == [("KH-F001", NOT_A_FILE)]


def test_refs_a_huge_text(tmp_path):
    big = tmp_path / "vanban.txt"
    with open(big, "wb") as f:
        f.truncate(9 * 1024 * 1024)
    assert found(references_in(str(big))[1]) == [
        ("KH-F005", "tệp lớn 9 MB, quá giới hạn 8 MB: tách thành các tệp nhỏ hơn")
    ]


def test_refs_a_docx_zip_bomb_is_refused_before_it_unpacks(tmp_path):
    bomb = tmp_path / "bom.docx"
    chunk = b"<" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    ((code, message),) = found(references_in(str(bomb))[1])
    assert code == "KH-F005" and "khi giải nén lớn hơn 256 MB" in message


def test_refs_of_a_seven_megabyte_symbol_stays_small(tmp_path):
    text = tmp_path / "vanban.txt"
    text.write_text("Quyết định số 1/" + "A-" * 3_500_000 + "\n", encoding="utf-8")

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (768 * 1024 * 1024,) * 2)

    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "refs", str(text)], capture_output=True, text=True, timeout=60, preexec_fn=limit_memory
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\t")[1:3] == ["Quyết định", "1/A-A-A-A-A-A-A"]


@pytest.mark.parametrize("command, name", [
    ("import", "ke-hoach.docx"), ("import", "lich.xlsx"), ("import", "ke-hoach.yaml"),
    ("check", "ke-hoach.docx"), ("check", "lich.xlsx"),
])
def test_import_and_check_of_a_fifo_answer_at_once(tmp_path, command, name):
    # In a child process with a timeout: a regression would block on the pipe, not hang the suite.
    fifo = tmp_path / name
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "kehoach", command, str(fifo)], capture_output=True, text=True,
                          timeout=30, cwd=tmp_path)
    assert done.returncode == 2 and NOT_A_FILE in done.stdout + done.stderr
    assert sorted(f.name for f in tmp_path.iterdir()) == [name]
