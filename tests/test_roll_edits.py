"""Editing a file in place: edits applied in one pass, positions found again in the edited text,
and the output set that refuses a hard link to an input."""

import dataclasses
import os
from pathlib import Path

import pytest
import yaml
from rolling import run, schedule

ROOT = Path(__file__).parent.parent

from kehoach.errors import OutputConflict
from kehoach.outputs import Outputs
from kehoach.roll import spots
from kehoach.roll.edits import Edit, apply, new_positions, replace_value
from kehoach.spec import yaml_source
from kehoach.spec.includes import included_path
from kehoach.spec.load import load
from kehoach.spec.model import DateValue
from kehoach.spec.yaml_source import node_pos


def test_edits_are_applied_in_order_of_their_spans():
    assert apply("a 1 b 2 c", [Edit(6, 7, "20"), Edit(2, 3, "10")]) == "a 10 b 20 c"
    with pytest.raises(ValueError):
        apply("abc", [Edit(0, 2, "x"), Edit(1, 3, "y")])


def test_positions_follow_the_edits():
    text = "a: 1\nb: 2\nc: 3\n"
    edits = [Edit(0, 5, ""), Edit(8, 9, "22")]  # drop line 1; `2` becomes `22`
    assert apply(text, edits) == "b: 22\nc: 3\n"
    assert new_positions(apply(text, edits), edits, [5, 8, 13]) == [(1, 1), (1, 4), (2, 4)]


def test_a_value_keeps_its_quotes_and_spaces():
    text = 'from: " 2021-11-08"\n'
    node = yaml.compose(text).value[0][1]
    assert apply(text, [replace_value(text, node, "2021-11-08", "2022-11-07")]) == 'from: " 2022-11-07"\n'


def test_a_hard_link_to_an_input_is_an_input(tmp_path):
    original = tmp_path / "2021-kh.yaml"
    original.write_text("x", encoding="utf-8")
    os.link(original, tmp_path / "ban-sao.yaml")
    targets = Outputs(inputs=[str(original)], force=True, overwrite_hint="")
    targets.add(str(tmp_path / "ban-sao.yaml"), "y", "kế hoạch mới")
    with pytest.raises(OutputConflict, match="sẽ ghi đè lên tệp đầu vào"):
        targets.write()
    assert original.read_text(encoding="utf-8") == "x"


def test_a_schedule_rolls_forward_on_its_own(tmp_path):
    old = tmp_path / "2021-lich.yaml"
    old.write_text("window: {from: 2021-11-08, to: 2021-11-12}\n" + schedule("2021-11-09"), encoding="utf-8")
    assert run("new", "--from", old, "--year", 2022).exit_code == 0
    assert (tmp_path / "2022-lich.yaml").read_text(encoding="utf-8") == (
        "window: {from: 2022-11-08, to: 2022-11-11}\n" "rows:\n  - {date: 2022-11-08, place: Thôn 1, members: [Trưởng đoàn]}\n"
    )


def _dates_in(obj, found, seen):
    """Every DateValue the loader put in a model object."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, DateValue):
        found.add(obj.pos)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            _dates_in(item, found, seen)
    elif isinstance(obj, dict):
        for item in obj.values():
            _dates_in(item, found, seen)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            _dates_in(getattr(obj, f.name), found, seen)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "plans").glob("*.yaml")))
def test_new_finds_every_date_the_loader_reads(name):
    """spots.py walks the tree as load.py reads it: when the loader learns a new date key, this fails
    until `new` moves it too. (The plan's own `date` is removed, not moved.)"""
    path = ROOT / "plans" / name
    plan = load(str(path)).spec
    read = set()
    _dates_in(plan, read, set())
    read.discard(plan.date.pos if plan.date else None)
    source = yaml_source.read(str(path))
    found = spots.find(source.root)
    walked = {node_pos(str(path), s.node) for s in found.dates}
    for node in found.schedule_paths:
        schedule = included_path(str(path), node.value)
        walked |= {node_pos(schedule, s.node) for s in spots.find(yaml_source.read(schedule).root).dates}
    assert walked == read
