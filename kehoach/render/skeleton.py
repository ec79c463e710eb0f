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

from kehoach.render.ooxml import esc

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


def fill(skeleton: str, context: dict) -> str:
    """The skeleton with its placeholders filled: text escaped, finished XML (`Markup`) as it is."""
    if "{%" not in skeleton and "{#" not in skeleton and skeleton.count("{{") == len(_SIMPLE.findall(skeleton)):
        def value(match: re.Match) -> str:
            item = context[match.group(1)]
            return str(item) if hasattr(item, "__html__") else esc(str(item))

        return _SIMPLE.sub(value, skeleton)
    return _jinja(skeleton, context)


def _jinja(skeleton: str, context: dict) -> str:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # The template is the user's file: sandboxed, strict, and autoescaped (so `TB&XH` stays `TB&XH`).
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    return env.from_string(skeleton).render(context)
