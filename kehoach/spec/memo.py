"""Results worked out once per loaded spec, for the rules that share them (several rules read a
plan's prose, its references, its dates)."""

from __future__ import annotations

from functools import wraps
from typing import Callable, TypeVar
from weakref import WeakKeyDictionary

T = TypeVar("T")


def once_per_spec(function: Callable[[object], T]) -> Callable[[object], T]:
    """`function(spec)`, computed the first time it is asked for each spec object. The spec is held
    weakly: a batch frees each spec, and what was found in it, once its document is written."""
    found: WeakKeyDictionary = WeakKeyDictionary()

    @wraps(function)
    def cached(spec):
        if spec not in found:
            found[spec] = function(spec)
        return found[spec]

    return cached
