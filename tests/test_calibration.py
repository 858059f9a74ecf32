"""The calibration: its method on small inputs, and the defaults taken from its result."""

import json
from pathlib import Path

import numpy as np

from experiments.calibration import (FITTED, TARGET_CASES, TARGET_GROUPS, calibration_run,
                                     distance, posterior)
from model import DEFAULTS, PARAMETERS

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_are_the_calibrated_values():
    result = json.loads((ROOT / "docs" / "calibration.json").read_text())
    for name, *_ in FITTED:
        assert DEFAULTS[name] == result["posterior"][name]["default"], name
        assert "calibration.md" in PARAMETERS[name].source


def test_distance_is_zero_at_the_targets_and_grows_away_from_them():
    assert distance(TARGET_CASES, TARGET_GROUPS) == 0.0
    assert distance(TARGET_CASES + 10, TARGET_GROUPS) < distance(TARGET_CASES + 20, TARGET_GROUPS)
    assert distance(TARGET_CASES, TARGET_GROUPS - 4) > distance(TARGET_CASES, TARGET_GROUPS - 2)


def test_posterior_summarises_the_accepted_candidates_only():
    rng = np.random.default_rng(1)
    draws = np.column_stack([rng.uniform(lo, hi, 100) for _, lo, hi, _ in FITTED])
    accepted = list(range(10))
    post = posterior({"draws": draws.tolist(), "accepted": accepted})
    for j, (name, *_rest) in enumerate(FITTED):
        col = draws[accepted, j]
        assert post[name]["median"] == np.median(col)
        assert post[name]["q05"] <= post[name]["median"] <= post[name]["q95"]


def test_calibration_run_reports_cases_and_groups():
    out = calibration_run({"candidate": 3, "rep": 0, "seed": 5, "params": {}})
    assert out["candidate"] == 3 and 20 < out["cases"] < 250 and out["groups"] >= 0
