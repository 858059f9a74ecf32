"""The README's two commands are the ones CI runs and the ones a new user copies."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r"TEST_COMMAND='(.+)'", ci).group(1)
    assert command in readme
    assert readme.index(command) < readme.index("\n## ")   # among the first lines


def test_readme_starts_with_the_baseline_command():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "python run.py" in first_block and "pip install -e ." in first_block
