"""Data flows one way through the layers of ``helpers`` (README, "Architecture").

shared (i18n, display, errors, validation, result, lazy) ← data ← analysis ← plots, report, teaching;
the demo generators sit apart. A module may import from its own layer and the layers below it.
"""
import ast
import pathlib

import pytest

from conftest import ROOT

HELPERS = ROOT / "helpers"
SHARED = {"helpers.i18n", "helpers.display", "helpers.errors", "helpers.validation", "helpers.result", "helpers.lazy"}
TOP = ("helpers.plots", "helpers.report", "helpers.teaching", "helpers.__main__")


def layer(module: str) -> int:
    if module in SHARED or module == "helpers":
        return 0
    if module.startswith("helpers.data"):
        return 1
    if module.startswith("helpers.demo"):
        return 3          # the generators use analysis constants (e.g. Kano's table), nothing uses them
    if module.startswith(TOP):
        return 3
    return 2              # the analysis modules


def modules():
    for path in sorted(HELPERS.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def imported(path: pathlib.Path):
    """Every helpers module a file imports, at module level or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("helpers"))


@pytest.mark.parametrize("name,path", list(modules()), ids=[n for n, _ in modules()])
def test_imports_point_down_or_sideways(name, path):
    if name == "helpers":      # the package's setup() applies the plot theme on request
        return
    upward = [m for m in imported(path) if layer(m) > layer(name)]
    assert not upward, f"{name} (layer {layer(name)}) imports {upward} from a layer above it"


def test_nothing_in_the_library_imports_the_demo_generators():
    users = [name for name, path in modules() if not name.startswith("helpers.demo")
             and any(m.startswith("helpers.demo") for m in imported(path))]
    assert not users, users
