"""The kept LibreOffice (PdfConverter): converts one document after another, and always ends with
every process it started — the real one where it is installed (always in CI), a stand-in server
that ignores SIGTERM as unoserver's LibreOffice did."""

import importlib.metadata
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kehoach.cli import main
from kehoach.errors import ToolMissing
from kehoach.render import listener
from test_pdf import ended

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


def test_one_document_after_another_then_nothing_left_running(kept_libreoffice, tmp_path):
    from pypdf import PdfReader

    docx = tmp_path / "ke-hoach.docx"
    assert CliRunner().invoke(main, ["render", str(EXAMPLE), "-o", str(docx)]).exit_code == 0
    with listener.PdfConverter() as converter:
        group = converter._process.pid
        first = converter.convert(str(docx))
        second = converter.convert(str(docx), str(tmp_path / "again.pdf"))
    assert first == str(tmp_path / "ke-hoach.pdf") and second == str(tmp_path / "again.pdf")
    pdf = PdfReader(second)
    assert pdf.metadata.author == "BAN CHỈ ĐẠO RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf.pages[0].extract_text(extraction_mode="layout")
    assert group_members(group) == []
    assert sorted(os.listdir(tmp_path)) == ["again.pdf", "ke-hoach.docx", "ke-hoach.pdf"]


# Stands in for "python3 with uno": answers `import uno`, and for `-m unoserver.server` serves
# info() over XML-RPC while it and a helper it starts ignore SIGTERM.
STUBBORN_SERVER = """\
import signal, subprocess, sys, xmlrpc.server
if sys.argv[1:] == ["-c", "import uno"]:
    sys.exit(0)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
helper = subprocess.Popen(["sleep", "300"])  # inherits SIGTERM ignored
open({pids!r}, "w").write(f"{{helper.pid}}\\n")
port = int(sys.argv[sys.argv.index("--port") + 1])
server = xmlrpc.server.SimpleXMLRPCServer(("127.0.0.1", port), logRequests=False)
server.register_function(lambda: {{"api": "3"}}, "info")
server.serve_forever()
"""


def test_a_server_that_ignores_sigterm_is_killed_with_its_helpers(fresh_lookup, tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    fake = tmp_path / "python-with-uno"
    fake.write_text(f"#!{sys.executable}\n" + STUBBORN_SERVER.format(pids=str(pids)), encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(listener, "uno_pythons", lambda: [str(fake)])
    monkeypatch.setattr(listener.pdf, "soffice", lambda: "soffice")
    converter = listener.PdfConverter(start_seconds=20)
    converter.start()
    group = converter._process.pid
    helper = int(pids.read_text())
    start = time.monotonic()
    converter.close()
    assert time.monotonic() - start < 20
    assert group_members(group) == [] and ended(helper)
    assert converter._work is None


def test_without_unoserver_it_says_which_extra_to_install(fresh_lookup, monkeypatch):
    def missing(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(listener.pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(listener, "uno_python", lambda: sys.executable)
    monkeypatch.setattr(listener.importlib.metadata, "distribution", missing)
    with pytest.raises(ToolMissing, match=r"pip install 'kehoach\[pdf-server\]'"):
        listener.PdfConverter().start()


def test_without_libreoffices_python_bridge_it_says_what_to_install(fresh_lookup, monkeypatch):
    monkeypatch.setattr(listener.pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(listener, "uno_pythons", lambda: [sys.executable])
    monkeypatch.setattr(listener.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1))
    with pytest.raises(ToolMissing, match="python3-uno"):
        listener.PdfConverter().start()
