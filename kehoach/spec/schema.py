"""Declared schemas: each key of a mapping with its type, its validation and its label, in one place.

A `Declaration` lists the keys a mapping may have as `Option`s. `read` walks a mapping once against
it, reporting unknown, repeated, missing and ill-typed values (every problem, not only the first) and
returns what it could read; a key whose value was wrong is left out, so the model's default applies.
Rules that tie several keys together (a draft needs `year`; `on` or `from`/`to`) run after it, in the
loader, on the nodes `read` also returns.
"""

from __future__ import annotations

from typing import Callable

import yaml

from kehoach import rules
from kehoach.spec.reader import Reader, Schema


class Option:
    """How one key is read. `what` names the value in messages (the key itself when not given).
    An option that only hands its value to a `Reader` method has that method as its `read`: one
    call less for each value of a spec."""

    __slots__ = ("required", "what")

    def __init__(self, *, required: bool = False, what: str | None = None):
        self.required = required
        self.what = what

    def read(self, reader: Reader, node: yaml.Node, what: str):
        raise NotImplementedError


class Text(Option):
    __slots__ = ()

    read = staticmethod(Reader.text)  # (reader, node, what)


class Texts(Option):
    """A string, or a list of strings."""

    __slots__ = ()

    read = staticmethod(Reader.texts)  # (reader, node, what)


class Integer(Option):
    __slots__ = ("low", "high")

    def __init__(self, low: int = 1, high: int | None = None, **kw):
        super().__init__(**kw)
        self.low, self.high = low, high

    def read(self, reader, node, what):
        return reader.integer(node, what, self.low, self.high)


class Number(Option):
    """A positive number, whole or decimal."""

    __slots__ = ()

    read = staticmethod(Reader.number)  # (reader, node, what)


class Date(Option):
    __slots__ = ()

    read = staticmethod(Reader.date)  # (reader, node, what)


class Boolean(Option):
    __slots__ = ()

    read = staticmethod(Reader.boolean)  # (reader, node, what)


class Choice(Option):
    __slots__ = ("allowed",)

    def __init__(self, allowed: tuple[str, ...], **kw):
        super().__init__(**kw)
        self.allowed = allowed

    def read(self, reader, node, what):
        return reader.choice(node, what, self.allowed)


class Window(Option):
    __slots__ = ()

    read = staticmethod(Reader.window)  # (reader, node, what)


class ListOf(Option):
    """A list whose items are read by `item`; items that could not be read are left out, or, when
    the list only means something whole (`whole=True`: a width for each column), the list is."""

    __slots__ = ("item", "whole")

    def __init__(self, item: Option, whole: bool = False, **kw):
        super().__init__(**kw)
        self.item = item
        self.whole = whole

    def read(self, reader, node, what):
        items = reader.sequence(node, what)
        if items is None:
            return None
        read_item = self.item.read
        if not self.whole:
            return [value for item in items if (value := read_item(reader, item, what)) is not None]
        values = [read_item(reader, item, what) for item in items]
        return None if None in values else values


class OneOrList(Option):
    """One value, or a list of them (a joint plan's organs and signers): always read as a list."""

    __slots__ = ("item",)

    def __init__(self, item: Option, **kw):
        super().__init__(**kw)
        self.item = item

    def read(self, reader, node, what):
        if not isinstance(node, yaml.SequenceNode):
            value = self.item.read(reader, node, what)
            return None if value is None else [value]
        if not node.value:
            reader.report(rules.WRONG_TYPE, node, f"`{what}` là danh sách rỗng: nêu ít nhất một")
            return None
        values = [self.item.read(reader, item, what) for item in node.value]
        return values if all(v is not None for v in values) else None


class Custom(Option):
    """A value with its own reading function `(reader, node, what)`: the body, tables, member lists."""

    __slots__ = ("function",)

    def __init__(self, function: Callable, **kw):
        super().__init__(**kw)
        self.function = function

    def read(self, reader, node, what):
        return self.function(reader, node, what)


class Nested(Option):
    """A mapping with its own declaration, built into a model object by `build(reader, node, values, nodes)`."""

    __slots__ = ("declaration", "build")

    def __init__(self, declaration: "Declaration", build: Callable, **kw):
        super().__init__(**kw)
        self.declaration = declaration
        self.build = build

    def read(self, reader, node, what):
        found = read(reader, node, self.declaration)
        return None if found is None else self.build(reader, node, *found)


class Declaration:
    """The keys of one kind of mapping. `what` names the mapping in messages (`kế hoạch`, `dòng lịch`)."""

    __slots__ = ("what", "options", "schema")

    def __init__(self, what: str, options: dict[str, Option]):
        self.what = what
        self.options = options
        self.schema = Schema(what, {key: option.required for key, option in options.items()})


def read(reader: Reader, node: yaml.Node, declaration: Declaration) -> tuple[dict, dict] | None:
    """The values read, and the nodes of every known key given (a wrong value included): None when
    the node is not a mapping. Every problem is reported."""
    nodes = reader.mapping(node, declaration.schema)
    if nodes is None:
        return None
    options = declaration.options
    values = {}
    for key, value_node in nodes.items():
        option = options[key]
        value = option.read(reader, value_node, option.what or key)
        if value is not None:
            values[key] = value
    return values, nodes
