"""The .docx package: the template's parts, with our document, footnotes and properties, zipped.

Parts are strings written straight into the zip: no DOM is built, so a document
of ten thousand table rows costs ten thousand times one row. The template's other parts are the same
in every document (styles.xml alone is 360 kB): they are compressed once per template and process,
and each document starts as a copy of those bytes.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kehoach.errors import TemplateError
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
_LEVEL = 6


def default_template() -> str:
    return data_path("kehoach.docx")


@dataclass(frozen=True, eq=False)
class Template:
    path: str
    parts: tuple[tuple[str, bytes], ...]
    skeleton: str

    def part(self, name: str) -> str | None:
        return next((data.decode("utf-8") for n, data in self.parts if n == name), None)

    @property
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
    def shared_zip(self) -> bytes:
        """A zip of the parts every document shares, compressed once: each package starts as a copy.

        The footnotes part is declared here when the template has none (every document gets one)."""
        parts = {name: data for name, data in self.parts if name not in _PER_DOCUMENT}
        if self.part(FOOTNOTES) is None:
            _declare_footnotes(parts)
        if APP in parts:
            parts[APP] = _app(parts[APP].decode("utf-8")).encode("utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return buffer.getvalue()


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
    core = template.part(CORE)
    # Not opened with truncation: ext4 flushes a file truncated to zero when it is closed, which
    # costs more than the write itself. The file (a staged temporary, normally empty) is cut after
    # the shared parts instead, so that zipfile finds their directory at its end.
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o666), "r+b") as f:
        f.write(template.shared_zip)
        f.truncate()
        f.seek(0)
        with zipfile.ZipFile(f, "a", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as z:
            if core is not None:
                z.writestr(CORE, _core(core, title, author))
            with z.open(DOCUMENT, "w") as stream:
                batch: list[str] = []
                size = 0
                for chunk in flatten(document):
                    batch.append(chunk)
                    size += len(chunk)
                    if size > 1 << 16:
                        stream.write("".join(batch).encode("utf-8"))
                        batch, size = [], 0
                stream.write("".join(batch).encode("utf-8"))
            z.writestr(FOOTNOTES, _footnotes_part(template.part(FOOTNOTES), "".join(footnotes)))


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


def _core(core: str, title: str, author: str) -> str:
    """The core properties: title and author, and when and by what the document was made."""
    from kehoach.render.context import maker, now

    made = now().strftime("%Y-%m-%dT%H:%M:%SZ")  # W3CDTF
    for tag, value, attributes in (
        ("dc:title", title, ""), ("dc:creator", author, ""), ("cp:lastModifiedBy", maker(), ""),
        ("dcterms:created", made, ' xsi:type="dcterms:W3CDTF"'), ("dcterms:modified", made, ' xsi:type="dcterms:W3CDTF"'),
    ):
        if attributes and not ("xmlns:xsi=" in core and "xmlns:dcterms=" in core):
            continue  # a template's core part without the namespaces a date needs keeps its dates
        element = f"<{tag}{attributes}>{esc(value)}</{tag}>"
        pattern = re.compile(f"<{tag}[^>]*?>[^<]*</{tag}>|<{tag}[^>]*/>")
        if pattern.search(core):
            core = pattern.sub(lambda _: element, core, count=1)
        else:
            core = core.replace("</cp:coreProperties>", element + "</cp:coreProperties>")
    return core


def _app(app: str) -> str:
    """The application that made the document: kehoach, not the one that made the template."""
    from kehoach.render.context import maker

    element = f"<Application>{esc(maker())}</Application>"
    if re.search(r"<Application>[^<]*</Application>|<Application/>", app):
        return re.sub(r"<Application>[^<]*</Application>|<Application/>", lambda _: element, app, count=1)
    return app.replace("</Properties>", element + "</Properties>")
