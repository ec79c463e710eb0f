"""A template's document.xml as a skeleton to fill: its tags whole, `{{p name }}` paragraphs replaced.

Word splits a tag such as `{{ so }}` across runs when a user edits the template;
docxtpl's `patch_xml` mends that and turns `{{p name }}` paragraphs into
placeholders for whole paragraphs. That is all we take from docxtpl, once per
template: the default template's skeleton ships with the package (built by
scripts/build_template.py), another template's is patched on first use and
cached. Filling a skeleton whose placeholders are plain names needs no Jinja;
anything more goes through a sandboxed, autoescaping Jinja environment.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Iterator

from kehoach.errors import TemplateError
from kehoach.render.ooxml import Xml, flatten, in_text_element

_SIMPLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

# What a template may hold, and what it must: without the body the plan would be missing.
PLACEHOLDERS = {
    "co_quan": "cơ quan ban hành", "so": "số, ký hiệu", "dia_danh_ngay": "địa danh, ngày tháng",
    "ten_loai": "tên loại văn bản", "trich_yeu": "trích yếu", "noi_dung": "nội dung",
    "noi_nhan": "nơi nhận", "nguoi_ky": "chữ ký", "phu_luc": "phụ lục",
}
REQUIRED = ("noi_dung",)


def patch(document_xml: str) -> str:
    """The skeleton of a template's document.xml (imports docxtpl: build time, or first use)."""
    from docxtpl import DocxTemplate

    # patch_xml is a pure function of the XML that docxtpl keeps as a method.
    return DocxTemplate.patch_xml(None, document_xml)


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kehoach", "skeletons")


def _patcher_version() -> str:
    from importlib.metadata import version

    return version("docxtpl")


@lru_cache(maxsize=8)
def cached(document_xml: str) -> str:
    """The skeleton of a user's template, patched once and kept in the user's cache; another
    docxtpl may patch differently, so its version is part of the key."""
    import hashlib  # only a user's template needs it

    from kehoach.fileio import atomic_output

    key = hashlib.sha256(f"docxtpl {_patcher_version()}\n{document_xml}".encode("utf-8")).hexdigest()
    path = os.path.join(_cache_dir(), key + ".xml")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        pass
    skeleton = patch(document_xml)
    try:
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(skeleton)
    except OSError:
        pass  # a read-only home: patch again next time
    return skeleton


def checked(skeleton: str, path: str) -> str:
    """The skeleton, once its placeholders are known to be ours and the body's is there."""
    names = placeholders(skeleton, path)
    unknown = sorted(names - PLACEHOLDERS.keys())
    if unknown:
        known = ", ".join(f"{{{{ {name} }}}} ({what})" for name, what in PLACEHOLDERS.items())
        raise TemplateError(
            f"`{path}`: mẫu có chỗ điền không biết: {', '.join(f'{{{{ {n} }}}}' for n in unknown)}. "
            f"Sửa hoặc xóa nó trong Word; các chỗ điền dùng được: {known}."
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise TemplateError(
            f"`{path}`: mẫu không có chỗ điền {', '.join(f'{{{{p {n} }}}}' for n in missing)} "
            "(nội dung kế hoạch): thêm một đoạn chỉ chứa `{{p noi_dung }}` vào mẫu trong Word, "
            "nếu không văn bản sẽ thiếu toàn bộ nội dung."
        )
    return skeleton


def placeholders(skeleton: str, path: str) -> set[str]:
    if not _needs_jinja(skeleton):
        return set(_SIMPLE.findall(skeleton))
    from jinja2 import TemplateSyntaxError, meta
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    try:
        return meta.find_undeclared_variables(ImmutableSandboxedEnvironment().parse(skeleton))
    except TemplateSyntaxError as error:
        raise TemplateError(
            f"`{path}`: chỗ điền `{{{{ ... }}}}` hoặc `{{% ... %}}` trong mẫu viết sai ({error.message}): sửa trong Word."
        ) from None


@lru_cache(maxsize=8)  # asked for every document of the template
def _needs_jinja(skeleton: str) -> bool:
    return "{%" in skeleton or "{#" in skeleton or skeleton.count("{{") != len(_SIMPLE.findall(skeleton))


class Finished:
    """Finished XML, as a string or lazily produced chunks: put into the skeleton as it is."""

    def __init__(self, chunks):
        self.chunks = chunks

    def __html__(self) -> str:  # Jinja's autoescape leaves such values alone
        return "".join(flatten(self.chunks))


def fill(skeleton: str, context: dict) -> Iterator[str]:
    """The skeleton with its placeholders filled, as chunks: text as text (its breaks as Word
    breaks), finished XML as it is."""
    values = {name: item if isinstance(item, (Finished, Xml)) else in_text_element(str(item)) for name, item in context.items()}
    if _needs_jinja(skeleton):
        yield _jinja(skeleton, values)
        return
    position = 0
    for match in _SIMPLE.finditer(skeleton):
        yield skeleton[position : match.start()]
        item = values[match.group(1)]
        yield from flatten(item.chunks) if isinstance(item, Finished) else (item,)
        position = match.end()
    yield skeleton[position:]


def _jinja(skeleton: str, context: dict) -> str:
    from jinja2 import StrictUndefined, TemplateError as JinjaError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # The template is the user's file: sandboxed, strict, and autoescaped (so `TB&XH` stays `TB&XH`).
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    try:
        return env.from_string(skeleton).render(context)
    except JinjaError as error:
        raise TemplateError(f"mẫu Word không điền được ({error}): sửa các chỗ điền `{{{{ ... }}}}` trong mẫu.") from None
