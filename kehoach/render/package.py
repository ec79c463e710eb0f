"""The .docx package: the template's parts, with our document, footnotes and properties, zipped.

Parts are strings written straight into the zip: no DOM is built, so a document
of ten thousand table rows costs ten thousand times one row. The template's other parts are the same
in every document (styles.xml alone is 360 kB): their zip entries, compressed, and their directory
records are made once per template and process, and each package starts as a copy of those bytes.
The zip is written here (`_ZipWriter`) rather than by zipfile, which, to append to such a copy,
would read its directory back for every document.
"""

from __future__ import annotations

import os
import re
import struct
import time
import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import BinaryIO, Callable, Iterable, Iterator, NamedTuple

from kehoach.errors import NotWritable, TemplateError
from kehoach.fileio import atomic_output, data_path, is_staged
from kehoach.render.ooxml import esc, flatten

DOCUMENT = "word/document.xml"
FOOTNOTES = "word/footnotes.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
CORE = "docProps/core.xml"
APP = "docProps/app.xml"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
# Each document's own parts; every other part is the template's (app.xml naming kehoach as its maker).
_PER_DOCUMENT = (CORE, DOCUMENT, FOOTNOTES)


def default_template() -> str:
    return data_path("kehoach.docx")


@dataclass(frozen=True, eq=False)
class Template:
    path: str
    parts: tuple[tuple[str, bytes], ...]
    skeleton: str

    def part(self, name: str) -> str | None:
        return next((data.decode("utf-8") for n, data in self.parts if n == name), None)

    @cached_property
    def core_form(self) -> str | None:
        core = self.part(CORE)
        return None if core is None else _core_form(core)

    @cached_property
    def next_footnote_id(self) -> int:
        notes = self.part(FOOTNOTES) or ""
        return max((int(i) for i in re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', notes)), default=0) + 1

    def body_only(self, content) -> list:
        """The template's document with `content` (chunks) as its whole body, its page setup kept."""
        document = self.part(DOCUMENT)
        # Found by position, not by a regular expression: linear whatever the body holds.
        body, end = document.find("<w:body>"), document.rfind("</w:body>")
        close = document.rfind("</w:sectPr>", body, end)
        last = document.rfind("<w:sectPr", body, close)
        change = document.rfind("<w:sectPrChange", body, last)
        if change >= 0 and document.find("</w:sectPrChange>", change, last) < 0:  # a tracked change's copy
            last = document.rfind("<w:sectPr", body, change)
        if min(body, close, last) < 0 or document[close + len("</w:sectPr>") : end].strip():
            raise TemplateError(f"`{self.path}`: không tìm thấy phần thân văn bản (w:body) trong mẫu: mở mẫu bằng Word và lưu lại.")
        return [document[: body + len("<w:body>")], content, document[last:]]

    @cached_property
    def shared(self) -> _Entries:
        """The zip entries of the parts every document shares, compressed once: each package starts with them.

        The footnotes part is declared here when the template has none (every document gets one)."""
        parts = {name: data for name, data in self.parts if name not in _PER_DOCUMENT}
        if self.part(FOOTNOTES) is None:
            _declare_footnotes(parts)
        if APP in parts:
            parts[APP] = _app(parts[APP].decode("utf-8")).encode("utf-8")
        z = _ZipWriter(_Entries(b"", b"", 0, _dos_time(time.localtime())))
        for name, data in parts.items():
            z.add_whole(name, data, _tight)
        return z.entries()


@lru_cache(maxsize=4)
def load_template(path: str | None = None) -> Template:
    from kehoach.render import skeleton, template

    path = path or default_template()
    parts = template.read_parts(path)
    if path == default_template():
        with open(data_path("kehoach.skeleton.xml"), encoding="utf-8") as f:
            return Template(path, parts, f.read())
    document = dict(parts)[DOCUMENT].decode("utf-8")
    return Template(path, parts, skeleton.checked(skeleton.cached(document), path))


def write(template: Template, out_path: str, document, footnotes: list[str], title: str, author: str) -> None:
    """Write the package beside `out_path` and rename it into place (in place when `out_path` is
    already a file staged by the render job)."""
    if is_staged(out_path):
        write_package(template, out_path, document, footnotes, title, author)
        return
    with atomic_output(out_path) as tmp:
        write_package(template, tmp, document, footnotes, title, author)


def write_package(template: Template, path: str, document, footnotes: list[str], title: str, author: str) -> None:
    """Write the package at `path`: the shared parts as compressed once, then this document's own.

    The document (chunks) is streamed into the zip: a large table never exists as one string.
    Footnotes are met while it is written, so the footnotes part comes last."""
    core = template.core_form
    # Not opened with truncation: ext4 flushes a file truncated to zero when it is closed, which
    # costs more than the write itself. The file (a staged temporary, normally empty) is cut after
    # the package instead.
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o666), "r+b") as f:
        z = _ZipWriter(template.shared, f)
        if core is not None:
            z.add_whole(CORE, _core(core, title, author), _fast)
        z.add(DOCUMENT, _encoded(flatten(document)), _fast)
        z.add_whole(FOOTNOTES, _footnotes_part(template.part(FOOTNOTES), "".join(footnotes)), _fast)
        z.finish()
        f.truncate()


def _encoded(chunks) -> Iterator[bytes]:
    """The chunks as UTF-8, in pieces of about 64 kB (one compressor call per chunk would cost more)."""
    batch: list[str] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk)
        if size > 1 << 16:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    yield "".join(batch).encode("utf-8")


def _footnotes_part(existing: str | None, ours: str) -> bytes:
    if existing is None:
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_W}>{_SEPARATORS}{ours}</w:footnotes>'
        ).encode("utf-8")
    end = existing.rfind("</w:footnotes>")
    return (existing[:end] + ours + existing[end:]).encode("utf-8")


def _declare_footnotes(parts: dict[str, bytes]) -> None:
    """Relate the footnotes part to the document and give it its content type."""
    rels = parts[RELS].decode("utf-8")
    taken = set(re.findall(r'Id="([^"]+)"', rels))
    rid = next(f"rIdFootnotes{i}" for i in range(1, 100) if f"rIdFootnotes{i}" not in taken)
    relation = f'<Relationship Id="{rid}" Type="{_FOOTNOTES_REL}" Target="footnotes.xml"/>'
    parts[RELS] = rels.replace("</Relationships>", relation + "</Relationships>").encode("utf-8")
    types = parts[TYPES].decode("utf-8")
    override = f'<Override PartName="/{FOOTNOTES}" ContentType="{_FOOTNOTES_TYPE}"/>'
    parts[TYPES] = types.replace("</Types>", override + "</Types>").encode("utf-8")


# Where each document's own values go in the core properties part: NUL never stands in an XML part.
_TITLE, _AUTHOR, _MADE = "\0title\0", "\0author\0", "\0made\0"


def _core_form(core: str) -> str:
    """The core properties with the document's title and author, and when and by what it was made,
    as slots (`_core`) filled for each document."""
    from kehoach.render.context import maker

    for tag, value, attributes in (
        ("dc:title", _TITLE, ""), ("dc:creator", _AUTHOR, ""), ("cp:lastModifiedBy", esc(maker()), ""),
        ("dcterms:created", _MADE, ' xsi:type="dcterms:W3CDTF"'), ("dcterms:modified", _MADE, ' xsi:type="dcterms:W3CDTF"'),
    ):
        if attributes and not ("xmlns:xsi=" in core and "xmlns:dcterms=" in core):
            continue  # a template's core part without the namespaces a date needs keeps its dates
        element = f"<{tag}{attributes}>{value}</{tag}>"
        pattern = re.compile(f"<{tag}[^>]*?>[^<]*</{tag}>|<{tag}[^>]*/>")
        if pattern.search(core):
            core = pattern.sub(lambda _: element, core, count=1)
        else:
            core = core.replace("</cp:coreProperties>", element + "</cp:coreProperties>")
    return core


def _core(form: str, title: str, author: str) -> bytes:
    from kehoach.render.context import now

    made = now().strftime("%Y-%m-%dT%H:%M:%SZ")  # W3CDTF
    return form.replace(_TITLE, esc(title)).replace(_AUTHOR, esc(author)).replace(_MADE, made).encode("utf-8")


def _app(app: str) -> str:
    """The application that made the document: kehoach, not the one that made the template."""
    from kehoach.render.context import maker

    element = f"<Application>{esc(maker())}</Application>"
    if re.search(r"<Application>[^<]*</Application>|<Application/>", app):
        return re.sub(r"<Application>[^<]*</Application>|<Application/>", lambda _: element, app, count=1)
    return app.replace("</Properties>", element + "</Properties>")


# -- the zip format (PKWARE's APPNOTE): local headers and data, then the central directory -----------

_LOCAL = struct.Struct("<4s5H3L2H")  # signature, version, flags, method, time, date, crc, sizes, name and extra lengths
_CENTRAL = struct.Struct("<4s6H3L5H2L")  # the same, with the maker's version first, then comment, disk, attributes, offset
_END = struct.Struct("<4s4H2LH")  # disks, entries (twice), directory size and offset, comment length
# The zip's comment. Word and LibreOffice write a package of their own when they save, without it: a
# document that still ends with it is one kehoach wrote that nobody has saved since (`marked`).
_MARK = b"kehoach"
_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_UTF8_NAME = 0x800
_LIMIT = 0xFFFFFFFF  # sizes and offsets past 32 bits need Zip64
_WRITE_PAST = 1 << 20  # bytes kept in memory before they are written out


# Raw deflate (negative window bits: no zlib header), hash tables in proportion to the window.
def _tight(window_bits: int):
    """For the parts every document shares, compressed once: zlib's level 6 (styles.xml: 13 kB)."""
    return zlib.compressobj(6, zlib.DEFLATED, -window_bits, min(8, window_bits - 6))


def _fast(window_bits: int):
    """For each document's own parts: zlib's level 1. The typical plan's document part (37 kB) takes
    0.18 ms and 7.0 kB, where level 6 takes 0.44 ms and 5.7 kB; a schedule of 10,000 rows (12 MB)
    18 ms and 240 kB, where level 6 takes 43 ms and 143 kB. ISA-L (the isal package) does level 1 in
    a quarter of zlib's time, but measured over a batch of 200 plans it gained nothing worth a
    compiled dependency (5.4 ms a document either way)."""
    return zlib.compressobj(1, zlib.DEFLATED, -window_bits, min(8, window_bits - 6))


class _Entries(NamedTuple):
    """Zip entries made once: local headers and data, their directory records, and their time."""

    data: bytes
    directory: bytes
    count: int
    stamp: tuple[int, int]  # MS-DOS time and date


def _dos_time(moment: time.struct_time) -> tuple[int, int]:
    return (
        moment.tm_hour << 11 | moment.tm_min << 5 | moment.tm_sec // 2,
        min(max(moment.tm_year - 1980, 0), 127) << 9 | moment.tm_mon << 5 | moment.tm_mday,  # 1980 to 2107
    )


class _ZipWriter:
    """A zip written front to back after entries made before. Each part streams through the
    compressor; its local header, which holds the CRC and sizes, is filled in once they are known
    (in memory, or in the file when a large part has already been written out)."""

    def __init__(self, start: _Entries, file: BinaryIO | None = None):
        self.file = file
        self.stamp = start.stamp
        self.pending = bytearray(start.data)
        self.written = 0
        self.directory = bytearray(start.directory)
        self.count = start.count

    def add_whole(self, name: str, data: bytes, deflate: Callable) -> None:
        """A part known whole: a window no larger than the part, which makes the compressor's set-up
        (most of the cost of a small part) cheaper."""
        self.add(name, (data,), deflate, window_bits=max(9, min(15, (len(data) - 1).bit_length())))

    def add(self, name: str, pieces: Iterable[bytes], deflate: Callable, window_bits: int = 15) -> None:
        encoded, flags = (name.encode("utf-8"), _UTF8_NAME) if not name.isascii() else (name.encode("ascii"), 0)
        offset = self._position()
        self.pending += bytes(_LOCAL.size) + encoded
        compressor = deflate(window_bits)
        crc = size = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            self.pending += compressor.compress(piece)
            if len(self.pending) > _WRITE_PAST and self.file is not None:
                self._write_out()
        self.pending += compressor.flush()
        compressed = self._position() - offset - _LOCAL.size - len(encoded)
        if max(size, self._position()) >= _LIMIT:
            raise NotWritable("văn bản quá lớn cho một tệp .docx (hơn 4 GB): tách lịch hoặc kế hoạch thành nhiều tệp rồi dựng lại")
        fields = (_VERSION, flags, _DEFLATED, *self.stamp, crc, compressed, size, len(encoded))
        self._fill(offset, _LOCAL.pack(b"PK\x03\x04", *fields, 0))
        self.directory += _CENTRAL.pack(b"PK\x01\x02", _VERSION, *fields, 0, 0, 0, 0, 0, offset) + encoded
        self.count += 1

    def entries(self) -> _Entries:
        return _Entries(bytes(self.pending), bytes(self.directory), self.count, self.stamp)

    def finish(self) -> None:
        """The directory and its end record, and everything still in memory, into the file."""
        at = self._position()
        self.pending += self.directory
        self.pending += _END.pack(b"PK\x05\x06", 0, 0, self.count, self.count, len(self.directory), at, len(_MARK))
        self.pending += _MARK
        self._write_out()

    def _position(self) -> int:
        return self.written + len(self.pending)

    def _write_out(self) -> None:
        self.file.write(self.pending)
        self.written += len(self.pending)
        self.pending.clear()

    def _fill(self, offset: int, header: bytes) -> None:
        if offset >= self.written:
            start = offset - self.written
            self.pending[start : start + len(header)] = header
            return
        self.file.seek(offset)
        self.file.write(header)
        self.file.seek(self.written)


def marked(path: str) -> bool:
    """The file ends with the end record and comment kehoach writes: read from its last bytes, where
    opening it as a zip would read its whole directory."""
    tail = _END.size + len(_MARK)
    try:
        with open(path, "rb") as f:
            f.seek(-tail, os.SEEK_END)
            end = f.read(tail)
    except OSError:  # shorter than an end record, or not readable
        return False
    return end[:4] == b"PK\x05\x06" and end[_END.size - 2 : _END.size] == struct.pack("<H", len(_MARK)) and end.endswith(_MARK)
