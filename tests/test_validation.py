"""The quick validation run in CI against the statistics of the full run (docs/validation.json).

The thresholds come from the full run only: for every outcome the full run
established (reproduced, or significant in the opposite direction), the quick run
(other seeds, fewer replications) must show the same direction when the full
run's effect is at least two of the quick run's standard errors, and a mean
difference within four standard errors (the full run's spread of paired
differences over the quick run's sample size) of the full run's. The history
checks must agree with the full run's share of persisting runs (binomial test) and
its caseload level (four standard errors).
"""

import functools
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from experiments.history import PERSIST_GAP_WEEKS, evaluate_history, history_measure
from experiments.patterns import PATTERN, PATTERNS, VERIFICATION, Arm, Outcome, Pattern, level
from experiments.validation import (
    QUICK_REPLICATIONS,
    describe_outcome,
    evaluate,
    is_verification,
    pairs_to_run,
    validate_model,
    verdict,
)

ROOT = Path(__file__).resolve().parent.parent
FULL = json.loads((ROOT / "docs" / "validation.json").read_text())
ESTABLISHED = [o for o in FULL["outcomes"] if o["p_holm"] < FULL["alpha"]]


@pytest.fixture(scope="module")
def quick():
    """The quick run, in this process (workers=1): its results do not depend on the workers
    (tests/test_replicates.py), and under pytest-xdist both cores are busy anyway, so a pool
    would only add its start-up and copying (measured on 2 cores: 29 s of CPU in-process,
    38 s with 2 workers)."""
    return validate_model(quick=True, workers=1, out=None, progress=False)


def test_full_run_is_the_documented_one():
    labels = {(o["pattern"], o["label"]) for o in FULL["outcomes"]}
    assert labels == {(p.key, o.label) for p in PATTERNS for o in p.outcomes}
    restating = {(o["pattern"], o["label"]) for o in FULL["outcomes"] if o["verification"]}
    assert restating == {(p.key, o.label) for p in PATTERNS for o in p.outcomes
                         if p.kind == VERIFICATION or o.by_construction}
    assert min(o["n"] for o in FULL["outcomes"]) >= FULL["pilot"] >= 30


@pytest.mark.parametrize("full", ESTABLISHED, ids=lambda o: f"{o['pattern']}: {o['label'][:40]}")
def test_quick_run_shows_the_direction_the_full_run_established(quick, full):
    """Reproduced outcomes and failing ones (opposite direction) alike keep their direction."""
    result = next(r for r in quick.evaluated[full["pattern"]] if r.label == full["label"])
    assert result.n == QUICK_REPLICATIONS
    if abs(full["d_z"]) * math.sqrt(result.n) >= 2:   # the quick run sees it at 2 SE or more
        assert np.sign(result.diff) == np.sign(full["diff"]), (result.diff, full["diff"])
    tolerance = 4 * full["sd_diff"] / math.sqrt(result.n)
    assert abs(result.diff - full["diff"]) <= tolerance, (result.diff, full["diff"], tolerance)


def test_quick_history_agrees_with_the_full_run(quick):
    table = quick.history_table
    share = min(max(FULL["history"]["persist_share"], 0.01), 0.99)
    test = sps.binomtest(int(table["persists"].sum()), len(table), share)
    assert test.pvalue > 0.001, (table["persists"].mean(), share)
    tolerance = 4 * FULL["history"]["cases_level_sd"] / math.sqrt(len(table))
    assert abs(table["cases_level"].mean() - FULL["history"]["cases_level_mean"]) <= tolerance


def test_every_experiment_says_whether_it_holds_by_construction():
    assert {p.kind for p in PATTERNS} == {VERIFICATION, PATTERN}
    assert all(len(p.why) > 40 for p in PATTERNS)
    assert "P7" in {p.key for p in PATTERNS if p.kind == PATTERN}


def _table(values_a, values_b):
    rows = [{"arm": "a", "replicate": r, "o0_a": x, "o0_b": x} for r, x in enumerate(values_a)]
    rows += [{"arm": "b", "replicate": r, "o0_a": x, "o0_b": x} for r, x in enumerate(values_b)]
    return pd.DataFrame(rows)


def _pattern(expect):
    outcome = Outcome("a vs b", "a", "b", level("x", 1), level("x", 1), expect=expect)
    return Pattern("T", "", "", "", (Arm("a"), Arm("b")), (outcome,), 1, "x")


def test_an_outcome_in_the_wrong_direction_is_not_reproduced_and_says_so():
    rng = np.random.default_rng(0)
    a, b = 1 + rng.normal(0, 0.1, 20), 0.5 + rng.normal(0, 0.1, 20)
    up, = evaluate(_pattern("greater"), _table(a, b))
    down, = evaluate(_pattern("less"), _table(a, b))
    assert up.reproduced and not down.reproduced
    assert "opposite direction" in describe_outcome(down)


def test_an_outcome_that_restates_a_rule_is_verification_and_not_in_the_verdict():
    rng = np.random.default_rng(3)
    a, b = 1 + rng.normal(0, 0.1, 20), 0.5 + rng.normal(0, 0.1, 20)
    restated = Outcome("restated", "a", "b", level("x", 1), level("x", 1),
                       by_construction="the rule says so")
    failing = Outcome("real", "a", "b", level("x", 1), level("x", 1), expect="less")
    pattern = Pattern("T", "", "", "", (Arm("a"), Arm("b")), (restated, failing), 1, "x",
                      kind=PATTERN)
    rows = [{"arm": arm, "replicate": r, **{f"o{i}_{s}": x for i in (0, 1) for s in "ab"}}
            for arm, values in (("a", a), ("b", b)) for r, x in enumerate(values)]
    results = evaluate(pattern, pd.DataFrame(rows))
    assert results[0].reproduced and not results[1].reproduced
    assert verdict(results) == "not reproduced"          # the restated outcome does not count
    assert is_verification(pattern, results[0]) and not is_verification(pattern, results[1])
    assert verdict(evaluate(_pattern("greater"), _table(a, b))) == "reproduced"


def test_p7_marks_the_outcomes_that_restate_its_rules():
    marked = {(p.key, o.label) for p in PATTERNS for o in p.outcomes if o.by_construction}
    assert {k for k, _ in marked} == {"P7"}
    assert all(o.by_construction == "" for p in PATTERNS if p.kind == VERIFICATION
               for o in p.outcomes)
    assert ("P7", "cases handled per year, years 3-5") not in marked


def test_a_small_effect_is_flagged_underpowered_and_sizes_the_next_run():
    rng = np.random.default_rng(1)
    a = rng.normal(0, 1, 12)
    b = a - 0.15 + rng.normal(0, 1, 12)
    result, = evaluate(_pattern("greater"), _table(a, b))
    if result.p_holm >= 0.05:
        assert not result.powered and "underpowered" in describe_outcome(result)
    assert result.pairs_needed > 12
    assert pairs_to_run([result], 12) == min(200, result.pairs_needed)


def test_history_checks_fail_when_runs_miss_the_reported_figures():
    base = {"persists": True, "min_cases_after_first": 80.0, "longest_without_staff": 0.0,
            "longest_part_paid": 2.0,
            "cases_level": 101.0, "cases_sd": 5.0, "cases_2013": 77.0, "groups_2019": 7.0,
            "share agencies' referrals": 0.4, "share directly": 0.3,
            "share community groups": 0.3, "seen uptd_ppa_province": 64.0,
            "seen dp3ap2kb_city": 18.5}
    rng = np.random.default_rng(2)
    good = pd.DataFrame([{k: (v + rng.normal(0, 1) if isinstance(v, float) and v > 1 else v)
                          for k, v in base.items()} for _ in range(40)])
    assert all(c.passed for c in evaluate_history(good))
    bad = good.assign(groups_2019=good["groups_2019"] + 30, persists=False)
    verdicts = {c.key: c.passed for c in evaluate_history(bad)}
    assert not verdicts["groups 2019"] and not verdicts["persistence"]
    assert verdicts["caseload level"]
    # agencies' counts at half the reported level fail, and the women's part is placed
    half = evaluate_history(good.assign(**{"seen uptd_ppa_province": 32.0,
                                           "seen dp3ap2kb_city": 9.0}))
    agencies = {c.key: c for c in half}
    assert not agencies["uptd_ppa_province cases"].passed
    assert not agencies["dp3ap2kb_city cases"].passed
    assert "would be 16.2, below the runs' central 95%" in agencies["uptd_ppa_province cases"].observed
    assert "would be 4.68, below the runs' central 95%" in agencies["dp3ap2kb_city cases"].observed
    low = {c.key: c for c in evaluate_history(good.assign(**{"seen uptd_ppa_province": 10.0}))}
    assert "would be 16.2, above the runs' central 95%" in low["uptd_ppa_province cases"].observed
    # spells of part pay are printed beside persistence, outside its criterion
    part = good.assign(longest_part_paid=[20.0] * 3 + [2.0] * (len(good) - 3))
    persistence = next(c for c in evaluate_history(part) if c.key == "persistence")
    assert persistence.passed and "in a row in 3 of 40 runs (longest 20 weeks)" in persistence.observed


def _weekly_history(unpaid_weeks: int) -> pd.DataFrame:
    """A made-up 1999-2023 weekly series: 3 cases a week, 8 staff, one spell of unpaid weeks."""
    weeks = 25 * 52
    frame = pd.DataFrame({"year": [1999] + [1999 + w // 52 for w in range(weeks)],
                          "intake": 3, "staff": 8, "paid_share": 1.0, "groups": 7,
                          "referred": 1, "entry_center": 1, "entry_community": 1,
                          "seen_uptd_ppa_province": 1, "seen_dp3ap2kb_city": 0,
                          "unpaid_weeks": 0})
    start = 10 * 52 + 5
    frame.loc[start:start + unpaid_weeks - 1, "paid_share"] = 0.0
    return frame


def test_staff_kept_on_without_any_salary_count_as_weeks_without_paid_staff():
    at_limit = history_measure(_weekly_history(PERSIST_GAP_WEEKS), 1999)
    assert at_limit["persists"] and at_limit["longest_without_staff"] == PERSIST_GAP_WEEKS
    # staff stay on the books, but one week more without any salary breaks persistence
    over = history_measure(_weekly_history(PERSIST_GAP_WEEKS + 1), 1999)
    assert not over["persists"] and over["longest_without_staff"] == PERSIST_GAP_WEEKS + 1
    assert over["min_cases_after_first"] == 156


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    from cli import main
    from experiments import executors

    # a 1 s connect timeout instead of the default 10 s: the refusal is the same, sooner
    monkeypatch.setattr(executors, "connect", functools.partial(executors.connect, timeout=1))
    code = main(["validate", "--quick", "--no-progress", "--scheduler", "tcp://127.0.0.1:9",
                 "--out", str(tmp_path / "v.md")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach the Dask scheduler" in err and "Traceback" not in err
    assert "within 1 s" in err


def test_robustness_values_lie_on_either_side_of_the_defaults():
    from experiments.validation import ROBUSTNESS
    from model import DEFAULTS, PARAMETERS

    for name, low, high in ROBUSTNESS:
        assert low < DEFAULTS[name] < high, (name, low, DEFAULTS[name], high)
        PARAMETERS[name].check(low)       # inside the parameter's valid range
        PARAMETERS[name].check(high)


def test_a_quick_report_says_its_history_verdicts_are_a_smoke_test(quick, tmp_path):
    from experiments.validation import write_markdown

    text = write_markdown(quick, tmp_path / "validation.md").read_text()
    assert f"central 95% of {len(quick.history_table)} runs" in text
    assert "This is a quick run" not in (ROOT / "docs" / "validation.md").read_text()
