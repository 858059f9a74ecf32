"""The layers import only downwards: model <- experiments <- viz <- cli <- run.py."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The layers from the bottom up; each may import only those below it.
LAYERS = ["model", "experiments", "viz", "cli"]


def imported_packages(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_no_layer_above_it(layer):
    above = set(LAYERS[LAYERS.index(layer) + 1:]) | {"run"}
    assert not imported_packages(ROOT / layer) & above


def test_the_import_scan_sees_real_imports():
    assert "mesa" in imported_packages(ROOT / "model")
    assert {"model", "experiments"} <= imported_packages(ROOT / "cli")


def test_store_and_runner_do_not_import_each_other():
    """The store uses the runner (it runs and stores a task); never the other way round."""
    runner = (ROOT / "experiments" / "runner.py").read_text()
    assert "store" not in {node.module for node in ast.walk(ast.parse(runner))
                           if isinstance(node, ast.ImportFrom)}
