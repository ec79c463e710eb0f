"""PDF through LibreOffice: all documents of a call in one LibreOffice run, metadata set with pypdf."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from kehoach.fileio import atomic_output


class PdfUnavailable(Exception):
    """LibreOffice is not installed: say how to install it."""


@dataclass
class PdfJob:
    docx: str
    title: str
    author: str

    @property
    def pdf(self) -> str:
        return os.path.splitext(self.docx)[0] + ".pdf"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise PdfUnavailable(
            "không tìm thấy LibreOffice (lệnh `soffice`) để xuất PDF: cài LibreOffice "
            "(trên Debian/Ubuntu: `apt-get install libreoffice-writer-nogui fonts-liberation`), "
            "hoặc bỏ `--pdf` để chỉ ghi tệp .docx"
        )
    return found


def convert(jobs: list[PdfJob], timeout: int = 600) -> None:
    if not jobs:
        return
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        # A private profile: a LibreOffice the user has open does not block us, nor we it.
        profile = "file://" + os.path.join(work, "profile")
        out = os.path.join(work, "out")
        done = subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", out, *[j.docx for j in jobs]],
            capture_output=True, text=True, timeout=timeout,
        )
        for job in jobs:
            produced = os.path.join(out, os.path.splitext(os.path.basename(job.docx))[0] + ".pdf")
            if not os.path.exists(produced):
                raise RuntimeError(f"LibreOffice did not convert {job.docx}: {done.stderr.strip()}")
            _with_metadata(produced, job)


def _with_metadata(produced: str, job: PdfJob) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(produced))
    writer.add_metadata({"/Title": job.title, "/Author": job.author})
    with atomic_output(job.pdf) as tmp:
        with open(tmp, "wb") as f:
            writer.write(f)
