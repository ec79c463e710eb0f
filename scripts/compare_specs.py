"""Differential check of the spec loader: the same files loaded by two checkouts must give the same
model (every value, position and raw slice) and the same diagnostics (load alone, then every rule).

    python scripts/compare_specs.py corpus DIR            # example specs, test YAML, mutated copies
    python scripts/compare_specs.py dump DIR OUT.jsonl    # run once per checkout (PYTHONPATH=...)
    cmp base.jsonl branch.jsonl

Speed work on kehoach/spec must leave both dumps byte for byte the same.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import random
import shutil
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What hands and editors type, and what YAML gives a meaning to (the fuzz test's list and more:
# anchors, aliases, tags, merge keys and deep nesting, which the loader must keep refusing).
HOSTILE = [
    '"', "'", ": ", " #", "#1", "{{", "}}", "{{ year }}", "{{ window.from | so }}", "{{ 7 ** 99 }}",
    "*", "&a ", "*a", "\t", "- ", "[", "]", "{", "}", ", ", "|", ">", "!!python/object:os.system ",
    "<<: ", "%", "@", "`", "9" * 40, "2021-02-30", "2021-13-01", "08/11/2021", "²", "\u00a0", "~",
    "null", "true", "[^x]", "./.", "\\", "\r", "!!str ", "!!int ", "!foo ", "! ", "? ", "&b [", "*b",
    "&c {x: 1, y: *c}", "[" * 45 + "x" + "]" * 45, "- " * 45, "{a: " * 42 + "1" + "}" * 42, "&", "&&",
    "{% if year %}x{% endif %}", "\u0301", "K\u0301", "Hộ #1", " # note", "[a, b]", "{a: b}",
]


def _corpus(folder: Path, mutants: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sources: list[tuple[str, str]] = []
    for kind in ("plans", "schedules"):
        for path in sorted((ROOT / kind).glob("*.yaml")) + sorted((ROOT / "tests" / "seeds" / kind).glob("*.yaml")):
            sources.append((kind, path.read_text(encoding="utf-8")))
    for kind in ("plans", "schedules"):
        (folder / kind).mkdir(exist_ok=True)
    # Schedules the example plans name, so that included schedules are read too.
    for path in sorted((ROOT / "schedules").glob("*.yaml")):
        shutil.copy(path, folder / "schedules" / path.name)
    # Distinct plans of the batch benchmark, each including its own schedule (copied beside them).
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_batch import generate

    with tempfile.TemporaryDirectory() as batch:
        generate(Path(batch), 40)
        for kind in ("plans", "schedules"):
            sources += [(kind, path.read_text(encoding="utf-8")) for path in sorted((Path(batch) / kind).glob("*.yaml"))]
        for path in sorted((Path(batch) / "schedules").glob("*.yaml")):
            shutil.copy(path, folder / "schedules" / path.name)
    sources += [("plans", text) for text in _test_yaml()]
    for number, (kind, text) in enumerate(sources):
        (folder / kind / f"src-{number:04d}.yaml").write_text(text, encoding="utf-8")
    chance = random.Random(14)
    for number in range(mutants):
        kind, text = chance.choice(sources)
        (folder / kind / f"mut-{number:05d}.yaml").write_text(_mutate(chance, text), encoding="utf-8")


def _test_yaml() -> list[str]:
    """The YAML written in the tests' sources, alone and after the minimal plan and schedule."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE

    found: set[str] = set()
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ":" in node.value and "\n" in node.value:
                text = textwrap.dedent(node.value)
                found |= {text, MINIMAL_PLAN + text, MINIMAL_SCHEDULE + text}
    return sorted(found)


def _mutate(chance: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(chance.choice((1, 1, 2, 3))):
        if not lines:
            break
        at = chance.randrange(len(lines))
        kind = chance.randrange(6)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            other = chance.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == 3:  # an anchor on one value and an alias of it on a later one
            later = chance.randrange(at, len(lines))
            lines[at] = _at_value(lines[at], "&x ", replace=False)
            if later != at:
                lines[later] = _at_value(lines[later], "*x", replace=True)
        elif kind == 4:  # something at the start of a value
            lines[at] = _at_value(lines[at], chance.choice(HOSTILE), replace=False)
        else:
            line = lines[at]
            column = chance.randrange(len(line) + 1)
            lines[at] = line[:column] + chance.choice(HOSTILE) + line[column:]
    return "".join(lines)


def _at_value(line: str, what: str, replace: bool) -> str:
    for mark in (": ", "- "):
        where = line.find(mark)
        if where >= 0:
            start = where + len(mark)
            return line[:start] + what + ("\n" if replace else line[start:])
    return what + line


def _dump(folder: Path, out: Path) -> None:
    from kehoach.check import check_file
    from kehoach.spec.load import load

    with out.open("w", encoding="utf-8") as sink:
        for path in sorted(folder.rglob("*.yaml")):
            loaded = load(str(path))
            record = {
                "file": str(path),
                "load": [_diagnostic(d) for d in loaded.diagnostics],
                "model": _model(loaded.spec, {}),
                "check": [_diagnostic(d) for d in check_file(str(path)).diagnostics],
            }
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def _diagnostic(d) -> list:
    return [d.as_text(), d.severity.value, d.fatal, d.where, d.excerpt]


def _model(obj, seen: dict):
    """Every field of every model object; an object met again is dumped as the number it was given,
    and a field that only views an object reached elsewhere (a row's team) as that object's position."""
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, (list, tuple)):
        if type(obj).__name__ == "Pos":
            return ["Pos", *obj]
        return [_model(item, seen) for item in obj]
    if isinstance(obj, dict):
        return {str(key): _model(value, seen) for key, value in obj.items()}
    if dataclasses.is_dataclass(obj):
        if id(obj) in seen:
            return ["seen", seen[id(obj)]]
        seen[id(obj)] = len(seen)
        fields = {}
        for f in dataclasses.fields(obj):
            if f.name.startswith("_"):
                continue
            value = getattr(obj, f.name)
            if f.metadata.get("walk") is False and value is not None and not isinstance(value, list):
                fields[f.name] = ["view", type(value).__name__, _model(getattr(value, "pos", None), seen)]
            else:
                fields[f.name] = _model(value, seen)
        return [type(obj).__name__, fields]
    return [type(obj).__name__, str(obj)]


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "corpus":
        _corpus(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 4000)
    else:
        _dump(Path(sys.argv[2]), Path(sys.argv[3]))
