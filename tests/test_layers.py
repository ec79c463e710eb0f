"""The layers run one way: spec (model, load) → checks and refs → render / import → cli and serve.

Every `import kehoach…` in the package, at the top of a module or inside a function, must name a
module of the same layer or one below it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "kehoach"

# The first prefix that matches a module's dotted name gives its layer.
LAYERS = [
    ("kehoach.cli", 5), ("kehoach.__main__", 5), ("kehoach.serve", 5),
    ("kehoach.render", 4), ("kehoach.importer", 4), ("kehoach.calendar", 4), ("kehoach.ics", 4),
    ("kehoach.yearly", 4), ("kehoach.roll", 4), ("kehoach.starter", 4), ("kehoach.outputs", 4),
    ("kehoach.check", 3), ("kehoach.checks", 3), ("kehoach.refs", 3), ("kehoach.units", 3),
    ("kehoach.prose_dates", 3), ("kehoach.lunar_years", 3),
    ("kehoach.spec", 2), ("kehoach.word", 2),
    ("kehoach.workdays", 1), ("kehoach.vnformat", 1), ("kehoach.doctypes", 1), ("kehoach.fileio", 1),
    ("kehoach.inputfiles", 1), ("kehoach.textsearch", 1),
    ("kehoach.rules", 0), ("kehoach.diagnostics", 0), ("kehoach.errors", 0), ("kehoach", 0),
]


def layer(module: str) -> int:
    for prefix, number in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return number
    raise AssertionError(f"{module} has no layer: add it to LAYERS")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("kehoach")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kehoach") and node.level == 0:
            # `from kehoach.render import pdf` imports kehoach.render.pdf: judge the module named.
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_a_layer_above_it(path):
    own = layer(module_name(path))
    above = sorted(name for name in imported(path) if layer(name) > own)
    assert above == [], f"{module_name(path)} (layer {own}) imports {above}"
