"""Issuer codes (kehoach/data/issuer_codes.yaml): which exist, and which authority a phrase names."""

from __future__ import annotations

import re
from functools import lru_cache

from kehoach.fileio import load_data

# Words that stand before the authority's name without changing who it is.
_TITLES = re.compile(r"^(?:bộ trưởng|thứ trưởng|chủ tịch|phó chủ tịch|giám đốc|thường trực)\s+(?=bộ|ủy ban|ubnd|sở|hội đồng)")


@lru_cache(maxsize=1)
def codes() -> dict[str, dict]:
    return load_data("issuer_codes.yaml")


def known(code: str) -> bool:
    return code in codes() or bool(re.fullmatch(r"QH\d*", code))


def suggest(code: str) -> str | None:
    import difflib  # only for a code that is not known: not at every start-up

    close = difflib.get_close_matches(code, list(codes()), n=1, cutoff=0.6)
    return close[0] if close else None


def _normal(text: str) -> str:
    text = " ".join(text.lower().split())
    return re.sub(r"\s*-\s*", "-", text)


def group(code: str) -> str:
    return codes().get(code, {}).get("group", code)


@lru_cache(maxsize=1024)
def named_by(phrase: str) -> frozenset[str]:
    """The codes of the authority a `của ...` phrase names, by its longest matching name. Plans cite
    the same few authorities again and again, and each phrase is compared with every known name:
    remembered (a bounded cache, so that a huge text cannot grow it)."""
    text = _TITLES.sub("", _normal(phrase))
    best: tuple[int, set[str]] = (0, set())
    for name, name_group in _authority_names():
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            if len(name) > best[0]:
                best = (len(name), {name_group})
            elif len(name) == best[0]:
                best[1].add(name_group)
    return frozenset(best[1])


@lru_cache(maxsize=1)
def _authority_names() -> list[tuple[str, str]]:
    """Every authority's name as `named_by` compares it, with its code's group: normalised once."""
    return [(_normal(name), group(code)) for code, info in codes().items() for name in info.get("names", [])]


def authority(code: str) -> str:
    return codes().get(code, {}).get("authority", code)
