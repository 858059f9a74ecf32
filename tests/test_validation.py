"""The quick validation run in CI against the statistics of the full run (docs/validation.json).

The thresholds come from the full run only: for every outcome the full run
established, the quick run (other seeds, fewer replications) must show the same
direction, and a mean difference within four standard errors (the full run's
spread of paired differences over the quick run's sample size) of the full run's.
"""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from experiments.patterns import PATTERNS, Arm, Outcome, Pattern, level
from experiments.validation import QUICK_REPLICATIONS, evaluate, validate_model

ROOT = Path(__file__).resolve().parent.parent
FULL = json.loads((ROOT / "docs" / "validation.json").read_text())


@pytest.fixture(scope="module")
def quick():
    return validate_model(quick=True, workers=2, out=None, progress=False)


def test_full_run_is_the_documented_one():
    assert FULL["replications"] >= 30
    labels = {(o["pattern"], o["label"]) for o in FULL["outcomes"]}
    assert labels == {(p.key, o.label) for p in PATTERNS for o in p.outcomes}


@pytest.mark.parametrize("full", [o for o in FULL["outcomes"] if o["reproduced"]],
                         ids=lambda o: f"{o['pattern']}: {o['label'][:40]}")
def test_quick_run_agrees_with_the_full_run(quick, full):
    result = next(r for r in quick[full["pattern"]] if r.label == full["label"])
    assert result.n == QUICK_REPLICATIONS
    sign = -1.0 if full["expect"] in ("less", "recovers") else 1.0
    assert sign * result.diff > 0, f"quick run points the other way: {result.diff}"
    tolerance = 4 * full["sd_diff"] / math.sqrt(result.n)
    assert abs(result.diff - full["diff"]) <= tolerance, (result.diff, full["diff"], tolerance)


def test_evaluate_direction_holm_and_recovery():
    runs = {"a": {r: {"x": np.array([0.0, 1.0 + 0.01 * r])} for r in range(10)},
            "b": {r: {"x": np.array([0.0, 0.5 + 0.02 * r])} for r in range(10)}}
    up = Outcome("a above b", "a", "b", level("x", 1), level("x", 1))
    wrong = Outcome("a below b", "a", "b", level("x", 1), level("x", 1), expect="less")
    shrink = Outcome("gap narrows", "a", "b", level("x", 1), level("x", 0), expect="recovers")
    pattern = Pattern("T", "", "", "", (Arm("a"), Arm("b")), (up, wrong, shrink), 1, "x")
    got = {r.label: r for r in evaluate(pattern, runs)}
    assert got["a above b"].reproduced and got["a above b"].diff > 0
    assert not got["a below b"].reproduced            # the data point the other way
    assert not got["gap narrows"].reproduced          # the gap widened from week 0 to 1
    assert all(r.p_holm >= r.p for r in got.values())
