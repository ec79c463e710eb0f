"""PDFs through LibreOffice: the real one where it is installed (always in CI), a stand-in script
for what LibreOffice does wrong (fails, hangs, leaves helpers behind)."""

import os
import shutil
import signal
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAL_PLAN
from kehoach.cli import main
from kehoach.errors import ConversionFailed

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "plans" / "2021-ngoc-hoi-kiem-tra.yaml"


def render(*args: str):
    return CliRunner().invoke(main, ["render", *args])


@pytest.fixture
def libreoffice():
    """The real LibreOffice. Skipped on a developer's machine without it; in CI (`CI` set) a missing
    LibreOffice fails the test instead, so the PDF tests can never be skipped silently there."""
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice (.ci/run): `soffice` is not on PATH")
        pytest.skip("LibreOffice is not installed here (CI installs it, and there this test runs)")


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """Put a stand-in `soffice` shell script first on PATH; returns a function taking its body."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def install(body: str) -> Path:
        script = folder / "soffice"
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        return script

    return install


def ended(pid: int) -> bool:
    """Gone, or a zombie waiting for a parent that is not ours to reap it (a container's init may not)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


# Writes a one-page PDF for every input, as LibreOffice does (`--outdir DIR`, then the files).
CONVERTS = """\
echo run >> "$(dirname "$0")/calls"
while [ "$1" != "--outdir" ]; do shift; done
out="$2"; shift 2
mkdir -p "$out"
for f in "$@"; do n=$(basename "$f" .docx); printf '%%PDF-1.4 fake' > "$out/$n.pdf"; done
"""


def test_libreoffice_writes_the_text_title_and_author(libreoffice, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "ke-hoach.docx"
    result = render(str(EXAMPLE), "-o", str(out), "--pdf")
    assert result.exit_code == 0, result.output
    pdf = PdfReader(str(tmp_path / "ke-hoach.pdf"))
    # Layout mode: LibreOffice draws some stacked diacritics from a fallback font, in their own runs.
    text = "".join(page.extract_text(extraction_mode="layout") for page in pdf.pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Phó Trưởng Ban Chỉ đạo huyện" in text
    # Nothing rewrites the PDF: LibreOffice takes these from the document's properties.
    assert pdf.metadata.title.startswith("Kiểm tra, giám sát công tác giảm nghèo")
    assert pdf.metadata.author == "BAN CHỈ ĐẠO RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"
    assert "LibreOffice" in pdf.metadata.producer


def test_a_spec_named_like_an_option_is_still_a_file(libreoffice, specs, tmp_path, monkeypatch):
    specs.write("-x.yaml", MINIMAL_PLAN)
    monkeypatch.chdir(tmp_path)
    result = render("--pdf", "--", "-x.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "-x.docx").exists() and (tmp_path / "-x.pdf").read_bytes().startswith(b"%PDF")


def test_without_libreoffice_nothing_is_written(specs, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "x.docx"
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(out), "--pdf")
    assert result.exit_code == 2 and "LibreOffice" in result.output and "apt-get install" in result.output
    assert not out.exists()


def test_several_documents_are_one_libreoffice_run(specs, tmp_path, fake_soffice):
    fake_soffice(CONVERTS)
    files = [specs.write(f"{name}.yaml", MINIMAL_PLAN) for name in ("a", "b", "c")]
    result = render(*files, "-o", str(tmp_path / "out"), "--pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bin" / "calls").read_text() == "run\n"
    assert sorted(os.listdir(tmp_path / "out")) == ["a.docx", "a.pdf", "b.docx", "b.pdf", "c.docx", "c.pdf"]


def test_a_failed_conversion_fails_the_call_and_keeps_no_document(specs, tmp_path, fake_soffice):
    """All or nothing: a .docx whose PDF was asked for and not made is not left behind."""
    fake_soffice("echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(tmp_path / "out" / "x.docx"), "--pdf")
    assert result.exit_code == 2
    assert "không xuất được PDF cho" in result.output and "source file could not be loaded" in result.output
    assert "chưa ghi tệp nào, kể cả .docx" in result.output
    assert not (tmp_path / "out").exists()


def test_a_hung_libreoffice_is_stopped_with_every_helper_it_started(tmp_path, fake_soffice):
    from kehoach.render import pdf

    pids = tmp_path / "pids"
    # The leader ignores SIGTERM, and starts a helper that ignores it too (as soffice.bin did).
    fake_soffice(f"trap '' TERM\n(trap '' TERM; sleep 300) &\necho $! >> {pids}\necho $$ >> {pids}\nsleep 300\n")
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"PK")
    start = time.monotonic()
    with pytest.raises(ConversionFailed, match="chưa xuất xong PDF sau 1 giây và đã bị dừng"):
        pdf.convert([pdf.PdfJob(str(docx), str(tmp_path / "x.pdf"), "x.docx")], timeout=1)
    assert time.monotonic() - start < 30
    assert all(ended(int(pid)) for pid in pids.read_text().split())
    assert not (tmp_path / "x.pdf").exists()


def test_an_interrupted_conversion_stops_libreoffice(tmp_path, fake_soffice):
    """Ctrl+C (or SIGTERM, which the render job turns into SystemExit) while LibreOffice runs."""
    from kehoach.render import pdf

    pids = tmp_path / "pids"
    fake_soffice(f"echo $$ >> {pids}\nsleep 300\n")
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"PK")
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with pytest.raises(KeyboardInterrupt):
            pdf.convert([pdf.PdfJob(str(docx), str(tmp_path / "x.pdf"), "x.docx")])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert ended(int(pids.read_text()))
