"""A kept LibreOffice for converting documents one at a time (the local web page): started once,
each conversion then costs a fraction of a fresh LibreOffice's start.

    with PdfConverter() as converter:
        converter.convert("ke-hoach.docx")          # → "ke-hoach.pdf"

It runs `unoserver` (PyPI, MIT; `pip install 'kehoach[pdf-server]'`), which starts `soffice
--headless --accept=...` and serves conversions over XML-RPC on 127.0.0.1. unoserver needs LibreOffice's
Python bridge (`import uno`), which lives in the system's Python (Debian: `python3-uno`) or in
LibreOffice's own, not in a virtual environment: the server runs under that Python, with only the
unoserver package added to its path. The server and its LibreOffice run in their own process group,
ended (terminate, then kill) when the converter closes, when kehoach exits, or on an error.
For a batch, `kehoach render --pdf` stays one fresh LibreOffice run: it needs neither.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import os
import sys
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import xmlrpc.client
from functools import lru_cache
from pathlib import Path

from kehoach.errors import ConversionFailed, ToolMissing
from kehoach.fileio import atomic_output
from kehoach.render import pdf, process_group

START_SECONDS = 90  # unoserver itself waits 7 s before it serves
CONVERT_SECONDS = 120


def uno_pythons() -> list[str]:
    """Pythons that may have LibreOffice's bridge: a chosen one, ours, the system's, LibreOffice's own."""
    found = [os.environ.get("KEHOACH_UNO_PYTHON", ""), sys.executable, "/usr/bin/python3"]
    office = shutil.which("soffice")
    if office:
        program = Path(os.path.realpath(office)).parent
        found += [str(program / "python"), str(program / "python.exe")]
    return [p for p in dict.fromkeys(found) if p and os.path.isfile(p)]


@lru_cache(maxsize=1)
def uno_python() -> str:
    for candidate in uno_pythons():
        try:
            if subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30).returncode == 0:
                return candidate
        except (OSError, subprocess.TimeoutExpired):
            continue
    raise ToolMissing(
        "không tìm thấy Python có cầu nối của LibreOffice (`import uno`) để giữ LibreOffice chạy sẵn: "
        "cài gói `python3-uno` (Debian/Ubuntu: `apt-get install python3-uno`), hoặc đặt biến "
        "KEHOACH_UNO_PYTHON là Python đi kèm LibreOffice"
    )


def unoserver_path(work: str) -> str:
    """A folder holding only the unoserver package and its metadata (its version is read from it),
    to put on the uno Python's path without the rest of our environment."""
    try:
        dist = importlib.metadata.distribution("unoserver")
    except importlib.metadata.PackageNotFoundError:
        raise ToolMissing(
            "chưa cài unoserver để giữ LibreOffice chạy sẵn: `pip install 'kehoach[pdf-server]'`"
        ) from None
    folder = os.path.join(work, "path")
    os.mkdir(folder)
    top = {Path(str(f)).parts[0] for f in dist.files or () if not str(f).startswith("..")}
    for name in top:
        os.symlink(dist.locate_file(name), os.path.join(folder, name))
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Timeout(xmlrpc.client.Transport):
    def __init__(self, seconds: float):
        super().__init__()
        self.seconds = seconds

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self.seconds
        return connection


class PdfConverter:
    """A LibreOffice kept running for one conversion after another; use it as a context manager."""

    def __init__(self, convert_seconds: int = CONVERT_SECONDS, start_seconds: float = START_SECONDS):
        self.convert_seconds = convert_seconds
        self.start_seconds = start_seconds
        self._process: subprocess.Popen | None = None
        self._work: str | None = None
        self._log = None
        self._lock = threading.RLock()  # a web server converts from several threads

    def __enter__(self) -> PdfConverter:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        with self._lock:
            if self._process is None:
                self._start()

    def _start(self) -> None:
        office = pdf.soffice()
        python = uno_python()
        self._work = tempfile.mkdtemp(prefix="kehoach-unoserver-")
        atexit.register(self.close)
        try:
            self._port = _free_port()
            command = [
                python, "-m", "unoserver.server", "--executable", office,
                "--interface", "127.0.0.1", "--port", str(self._port),
                "--uno-interface", "127.0.0.1", "--uno-port", str(_free_port()),
                "--user-installation", os.path.join(self._work, "profile"),
                "--conversion-timeout", str(self.convert_seconds),
            ]
            env = {**os.environ, "PYTHONPATH": unoserver_path(self._work)}
            self._log = open(os.path.join(self._work, "log"), "w+b")
            self._process = process_group.start(command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, env=env)
            self._wait_until_serving()
        except BaseException:
            self._close()
            raise

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + self.start_seconds
        while True:
            if self._process.poll() is not None:
                raise ConversionFailed(f"LibreOffice (unoserver) dừng ngay khi khởi động: {self._log_tail()}")
            try:
                self._proxy(5).info()
                return
            except (OSError, xmlrpc.client.Error):
                if time.monotonic() > deadline:
                    raise ConversionFailed(
                        f"LibreOffice (unoserver) chưa sẵn sàng sau {self.start_seconds:.0f} giây: {self._log_tail()}"
                    ) from None
                time.sleep(0.2)

    def _proxy(self, seconds: float) -> xmlrpc.client.ServerProxy:
        return xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self._port}", transport=_Timeout(seconds), allow_none=True)

    def _log_tail(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-400:] or "không có thông báo"

    def convert(self, docx: str, out: str | None = None) -> str:
        """Convert `docx` to PDF (beside it unless `out` is given), written whole or not at all."""
        from unoserver.client import UnoClient

        with self._lock:
            if self._process is not None and self._process.poll() is not None:
                self.close()  # a conversion timeout ends unoserver: start a new one
            self.start()
            port = self._port
        out = out or os.path.splitext(docx)[0] + ".pdf"
        with atomic_output(out) as tmp:
            try:
                UnoClient(port=str(port)).convert(inpath=os.path.abspath(docx), outpath=tmp, convert_to="pdf")
            except (OSError, xmlrpc.client.Error) as error:
                raise ConversionFailed(
                    f"LibreOffice không xuất được PDF cho `{docx}` ({error}): mở tệp bằng LibreOffice hoặc Word để xem"
                ) from None
        return out

    def close(self) -> None:
        """End the server and its LibreOffice (the whole group: LibreOffice may ignore SIGTERM)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._process is not None:
            process_group.stop(self._process)
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None
        atexit.unregister(self.close)
