"""The parts of a .docx that import reads, opened safely and parsed without entities or network."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from lxml import etree

from kehoach.errors import NotReadable
from kehoach.inputfiles import open_package, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAIN_PART = "word/document.xml"
_PARTS = {
    "numbering": "word/numbering.xml",
    "styles": "word/styles.xml",
    "footnotes": "word/footnotes.xml",
    "settings": "word/settings.xml",
}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


@dataclass
class WordPackage:
    path: str
    document: etree._Element
    numbering: etree._Element | None
    styles: etree._Element | None
    footnotes: etree._Element | None
    settings: etree._Element | None
    headers: list[etree._Element]


def parse(path: str, package: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(read_member(package, name), _parser())
    except etree.XMLSyntaxError:
        raise NotReadable(
            f"`{path}`: phần `{name}` của tệp Word bị hỏng: mở bằng Word, lưu lại thành tệp mới rồi chạy lại."
        ) from None


def open_word(path: str) -> WordPackage:
    package = open_package(path)
    with package:
        names = set(package.namelist())
        if MAIN_PART not in names:
            raise NotReadable(
                f"`{path}` không phải tệp Word (.docx) — không có phần nội dung văn bản: "
                "mở bằng Word và lưu lại dạng Tài liệu Word (.docx)."
            )
        parts = {key: parse(path, package, name) if name in names else None for key, name in _PARTS.items()}
        headers = [parse(path, package, n) for n in sorted(names) if n.startswith("word/header") and n.endswith(".xml")]
        return WordPackage(path, parse(path, package, MAIN_PART), headers=headers, **parts)
