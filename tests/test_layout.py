"""The dependency direction of the layout: model imports neither experiments nor viz."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_packages(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_model_does_not_import_experiments_or_viz():
    used = imported_packages(ROOT / "model")
    assert "mesa" in used            # the scan sees real imports
    assert not used & {"experiments", "viz", "run"}
