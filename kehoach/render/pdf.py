"""PDF through LibreOffice: all documents of a call in one LibreOffice run.

LibreOffice writes the PDF's Title and Author from the document's own properties (docProps/core.xml,
which the package sets to the trích yếu and the organ), so nothing is done to the PDF afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import ConversionFailed, ToolMissing
from kehoach.render import process_group

TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class PdfJob:
    docx: str  # the document to convert (may be a staged temporary file)
    pdf: str  # where the PDF goes
    name: str  # what the user knows the document as, for messages


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ToolMissing(
            "không tìm thấy LibreOffice (lệnh `soffice`) để xuất PDF: cài LibreOffice "
            "(trên Debian/Ubuntu: `apt-get install libreoffice-writer-nogui fonts-liberation2`), "
            "hoặc bỏ `--pdf` để chỉ ghi tệp .docx"
        )
    return found


def convert(jobs: list[PdfJob], timeout: float = TIMEOUT_SECONDS) -> None:
    """Convert every job's .docx in one LibreOffice run; any failure raises ConversionFailed, whose
    message says what failed (the caller says what to do: it knows what it wrote)."""
    if not jobs:
        return
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        # Inputs are copied under plain numbered names: LibreOffice names each PDF after its input, and
        # an absolute path can never be read as one of its options (a file named `-x.docx` can).
        inputs = os.path.join(work, "in")
        out = os.path.join(work, "out")
        os.mkdir(inputs)
        for n, job in enumerate(jobs):
            shutil.copyfile(job.docx, os.path.join(inputs, f"{n}.docx"))
        # A private profile: a LibreOffice the user has open does not block us, nor we it.
        profile = Path(work, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", out,
                   *(os.path.join(inputs, f"{n}.docx") for n in range(len(jobs)))]
        try:
            code, errors = process_group.run(command, timeout)
        except subprocess.TimeoutExpired:
            raise ConversionFailed(
                f"LibreOffice chưa xuất xong PDF sau {timeout:.0f} giây và đã bị dừng (thử lại với ít tệp hơn)"
            ) from None
        except OSError as error:
            raise ToolMissing(f"không chạy được LibreOffice `{program}` ({error.strerror}): cài lại LibreOffice") from None
        for n, job in enumerate(jobs):
            produced = os.path.join(out, f"{n}.pdf")
            if not os.path.exists(produced):
                said = errors.strip()[-300:]
                raise ConversionFailed(
                    f"LibreOffice không xuất được PDF cho `{job.name}` (mã thoát {code}{': ' + said if said else ''})"
                )
            shutil.copyfile(produced, job.pdf)
