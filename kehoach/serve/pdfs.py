"""The page's PDFs, one document at a time: through a LibreOffice kept running (kehoach.render.listener,
started on the first PDF request when unoserver is installed — `kehoach[pdf-server]`), else through a
fresh LibreOffice run per document, as `render --pdf` does. The kept one ends with the server."""

from __future__ import annotations

import importlib.util
import threading

from kehoach.errors import ConversionFailed, ToolMissing
from kehoach.render import pdf


class PdfMaker:
    def __init__(self, keep: bool = True):
        self.keep = keep and importlib.util.find_spec("unoserver") is not None
        self._converter = None
        self._lock = threading.Lock()  # one start, one conversion at a time through the kept one
        self._closed = False

    def convert(self, docx: str, out: str, name: str) -> None:
        if self.keep:
            with self._lock:
                if not self._closed and self.keep:
                    try:
                        self._kept().convert(docx, out)
                        return
                    except ToolMissing:
                        self.keep = False  # no LibreOffice bridge (python3-uno) here: never try again
                        self._stop()
                    except ConversionFailed:
                        self._stop()  # started afresh on the next request; this one runs on its own
        pdf.convert([pdf.PdfJob(docx, out, name)])

    def _kept(self):
        from kehoach.render.listener import PdfConverter

        if self._converter is None:
            converter = PdfConverter()
            converter.start()
            self._converter = converter
        return self._converter

    def _stop(self) -> None:
        converter, self._converter = self._converter, None
        if converter is not None:
            converter.close()

    def close(self) -> None:
        """End the kept LibreOffice, if any (without waiting for a conversion in progress: the server is stopping)."""
        self._closed = True
        self._stop()
