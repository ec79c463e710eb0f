"""Where the values `kehoach new` changes stand in a spec's YAML node tree.

The tree is walked the way the loader (kehoach/spec/load.py) reads it — the same keys in the same
places — so every date the loader reads is found, and no other value is taken for one. Finding the
nodes, not the model's values, gives each value's exact span in the text, so that it can be
replaced there and nothing else in the file changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml

from kehoach.spec import dates
from kehoach.spec.reader import Reader

# How a date moves: schedule rows by whole weeks; bounds keep their day and month.
ROW, FROM, TO, ON = "row", "from", "to", "on"


@dataclass
class DateSpot:
    node: yaml.ScalarNode
    role: str
    value: dt.date | None  # None: the loader does not read it as a date (its diagnostic says why)


@dataclass
class Spots:
    """The values of one file that `new` may change."""

    root: yaml.MappingNode
    is_schedule: bool
    keys: dict[str, tuple[yaml.Node, yaml.Node]]
    dates: list[DateSpot] = field(default_factory=list)
    window: tuple[DateSpot, DateSpot] | None = None  # when both bounds are dates
    # The window and every phase written with `from` and `to`: bounds that must stay in order.
    pairs: list[tuple[DateSpot, DateSpot]] = field(default_factory=list)
    schedule_paths: list[yaml.ScalarNode] = field(default_factory=list)
    # A multi-year plan's `period`: its `from` and `to` nodes and years, when both are years.
    period: tuple[tuple[yaml.ScalarNode, int], tuple[yaml.ScalarNode, int]] | None = None

    @property
    def rows(self) -> list[DateSpot]:
        return [spot for spot in self.dates if spot.role == ROW and spot.value]


def find(root: yaml.MappingNode) -> Spots:
    keys = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    spots = Spots(root, ("rows" in keys or "teams" in keys) and "sections" not in keys, keys)
    if "window" in keys:
        _window(spots, keys["window"][1])
    if spots.is_schedule:
        _rows(spots, keys.get("rows"))
        for team in _items(keys.get("teams")):
            if isinstance(team, yaml.MappingNode):
                _rows(spots, next(((k, v) for k, v in team.value if k.value == "rows"), None))
        return spots
    if "period" in keys:
        _period(spots, keys["period"][1])
    for item in _items(keys.get("sections")):
        _section(spots, item)
    for appendix in _items(keys.get("appendices")):
        if isinstance(appendix, yaml.MappingNode):
            for key, value in appendix.value:
                if key.value == "schedule" and isinstance(value, yaml.ScalarNode):
                    spots.schedule_paths.append(value)
    return spots


def _items(pair: tuple[yaml.Node, yaml.Node] | None) -> list[yaml.Node]:
    if pair and isinstance(pair[1], yaml.SequenceNode):
        return pair[1].value
    return []


def _rows(spots: Spots, pair: tuple[yaml.Node, yaml.Node] | None) -> None:
    """A row's day (`date`), or both days of a row over several (`from`, `to`)."""
    for row in _items(pair):
        if isinstance(row, yaml.MappingNode):
            for key, value in row.value:
                if key.value in ("date", FROM, TO):
                    _date(spots, value, ROW)


def _period(spots: Spots, node: yaml.Node) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    found = {k.value: v for k, v in node.value if isinstance(v, yaml.ScalarNode) and k.value in (FROM, TO)}
    years = {key: value.value.strip() for key, value in found.items()}
    if len(years) == 2 and all(y.isascii() and y.isdigit() for y in years.values()):
        spots.period = (found[FROM], int(years[FROM])), (found[TO], int(years[TO]))


def _window(spots: Spots, node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        spots.window = _bounds(spots, node)


def _bounds(spots: Spots, node: yaml.MappingNode) -> tuple[DateSpot, DateSpot] | None:
    found = {k.value: _date(spots, v, k.value) for k, v in node.value if k.value in (FROM, TO, ON)}
    if FROM in found and TO in found and found[FROM].value and found[TO].value:
        spots.pairs.append((found[FROM], found[TO]))
        return found[FROM], found[TO]
    return None


def _section(spots: Spots, node: yaml.Node) -> None:
    if not isinstance(node, yaml.MappingNode) or Reader.looks_like_prose(node):
        return
    for key, value in node.value:
        if key.value == "body" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                _section(spots, item)
        elif key.value == "timeline" and isinstance(value, yaml.SequenceNode):
            for phase in value.value:
                if isinstance(phase, yaml.MappingNode):
                    _bounds(spots, phase)


def parsed(node: yaml.Node) -> dt.date | None:
    """The date a value stands for, as the loader reads it; None when it reads none."""
    if isinstance(node, yaml.ScalarNode):
        try:
            return dates.parse(node.value, "")
        except dates.BadDate:
            pass
    return None


def _date(spots: Spots, node: yaml.Node, role: str) -> DateSpot:
    spot = DateSpot(node, role, parsed(node))
    if isinstance(node, yaml.ScalarNode):
        spots.dates.append(spot)
    return spot
