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

import hashlib
import os
import re
from functools import lru_cache
from typing import Iterator

from kehoach.render.ooxml import esc, flatten

_SIMPLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def patch(document_xml: str) -> str:
    """The skeleton of a template's document.xml (imports docxtpl: build time, or first use)."""
    from docxtpl import DocxTemplate

    # patch_xml is a pure function of the XML that docxtpl keeps as a method.
    return DocxTemplate.patch_xml(None, document_xml)


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "kehoach", "skeletons")


@lru_cache(maxsize=8)
def cached(document_xml: str) -> str:
    """The skeleton of a user's template, patched once and kept in the user's cache."""
    from kehoach.fileio import atomic_output

    key = hashlib.sha256(document_xml.encode("utf-8")).hexdigest()
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


class Finished:
    """Finished XML, as a string or lazily produced chunks: put into the skeleton as it is."""

    def __init__(self, chunks):
        self.chunks = chunks

    def __html__(self) -> str:  # Jinja's autoescape leaves such values alone
        return "".join(flatten(self.chunks))


def fill(skeleton: str, context: dict) -> Iterator[str]:
    """The skeleton with its placeholders filled, as chunks: text escaped, finished XML as it is."""
    if "{%" in skeleton or "{#" in skeleton or skeleton.count("{{") != len(_SIMPLE.findall(skeleton)):
        yield _jinja(skeleton, context)
        return
    position = 0
    for match in _SIMPLE.finditer(skeleton):
        yield skeleton[position : match.start()]
        item = context[match.group(1)]
        if isinstance(item, Finished):
            yield from flatten(item.chunks)
        else:
            yield esc(str(item))
        position = match.end()
    yield skeleton[position:]


def _jinja(skeleton: str, context: dict) -> str:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # The template is the user's file: sandboxed, strict, and autoescaped (so `TB&XH` stays `TB&XH`).
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    return env.from_string(skeleton).render(context)
