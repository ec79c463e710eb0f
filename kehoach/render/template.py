"""Read a Word template's parts, refusing what kehoach cannot fill: not a .docx, a zip bomb, a
package without the parts every Word document has, XML parts not in UTF-8, a skeleton without the
plan's body or with placeholders kehoach does not know."""

from __future__ import annotations

from xml.etree import ElementTree

from kehoach.errors import NotReadable, TemplateError
from kehoach.inputfiles import open_package, read_member

DOCUMENT = "word/document.xml"
REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", DOCUMENT)


def read_parts(path: str) -> tuple[tuple[str, bytes], ...]:
    try:
        with open_package(path) as package:
            parts = tuple((info.filename, read_member(package, info.filename)) for info in package.infolist() if not info.is_dir())
    except NotReadable as error:
        raise TemplateError(f"Mẫu Word: {error}") from None
    names = {name for name, _ in parts}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise TemplateError(
            f"`{path}` thiếu phần {', '.join(missing)} của một tệp Word: mở mẫu bằng Word và lưu lại dạng .docx."
        )
    for name, data in parts:
        if name.endswith((".xml", ".rels")):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateError(
                    f"`{path}`: phần {name} không viết bằng UTF-8 (có thể là UTF-16): "
                    "mở mẫu bằng Word và lưu lại dạng .docx."
                ) from None
    _well_formed(path, dict(parts)[DOCUMENT].decode("utf-8"))
    return parts


def _well_formed(path: str, document: str) -> None:
    """Word writes no DTD; one could declare entities that expand without bound, so it is refused."""
    if "<!DOCTYPE" in document or "<!ENTITY" in document:
        raise TemplateError(f"`{path}`: word/document.xml có khai báo DOCTYPE/ENTITY, Word không viết như vậy: mở mẫu bằng Word và lưu lại.")
    try:
        ElementTree.fromstring(document)
    except ElementTree.ParseError as error:
        raise TemplateError(f"`{path}`: word/document.xml hỏng ({error}): mở mẫu bằng Word và lưu lại dạng .docx.") from None
