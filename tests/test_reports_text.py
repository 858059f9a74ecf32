"""Every sentence a report prints about a result is computed from the numbers.

Each test changes the numbers behind a sentence and checks that the sentence
changes with them (and says what the new numbers say).
"""

import json
from pathlib import Path

from experiments.calibration import (kept_as_is, proposed_defaults, report_markdown,
                                     text_adoption, text_checks, text_coverage, text_defaults,
                                     text_identifiability, text_noise)
from model import DEFAULTS
from experiments.validation import OutcomeResult, describe_outcome

ROOT = Path(__file__).resolve().parent.parent
POST = {"a": {"shrinkage": 0.8}, "b": {"shrinkage": 0.1}}


def test_identifiability_text_follows_shrinkage_and_correlation():
    before = text_identifiability(POST, {"a ~ b": 0.2})
    after = text_identifiability({"a": {"shrinkage": 0.1}, "b": {"shrinkage": 0.8}},
                                 {"a ~ b": -0.9})
    assert "well informed: `a` (0.80)" in before and "not informed: `b` (0.10)" in before
    assert "well informed: `b` (0.80)" in after and "not informed: `a` (0.10)" in after
    assert "No pair" in before and "a and b (r = -0.90)" in after


def test_noise_text_compares_noise_with_the_final_threshold():
    noise = {"median": 0.5, "max": 0.7, "sets": 5, "replicates": 8}
    assert "well below" in text_noise(noise, 2.0)
    assert "not below" in text_noise(noise, 0.4)


def test_coverage_text_counts_rows_inside_their_intervals():
    rows = [{"inside": True, "label": "x", "observed": 1, "low": 0, "high": 2},
            {"inside": False, "label": "y 2021", "observed": 9, "low": 0, "high": 2}]
    text = text_coverage(rows)
    assert text.startswith("1 of 2") and "y 2021 (reported 9" in text
    assert text_coverage([dict(rows[0])] * 2).startswith("2 of 2")
    assert text_checks(rows).startswith("1 of 2")


def test_defaults_text_keeps_the_defaults_unless_the_new_values_fit_better():
    cmp = {"replicates": 20, "current_error": 0.30, "proposed_error": 0.20}
    assert "recommended defaults" in text_defaults(cmp)
    assert "defaults stay" in text_defaults({**cmp, "proposed_error": 0.40})
    assert "0.300" in text_defaults(cmp) and "0.400" in text_defaults(
        {**cmp, "proposed_error": 0.40})


def test_adoption_text_compares_the_recommendation_with_the_defaults_now():
    cmp = {"current": {"a": 1.0, "b": 2.0}, "recommended": {"a": 1.5, "b": 3.0}}
    post = {"a": {"shrinkage": 0.9, "q05": 1.2, "q95": 1.8},
            "b": {"shrinkage": 0.1, "q05": 1.0, "q95": 4.0}}
    adopted = text_adoption(cmp, {"a": 1.5, "b": 3}, post)
    assert "are the recommended values: they were adopted" in adopted
    assert "not set to its posterior median" not in adopted
    # b is off its median, but the targets barely inform it and 2 lies in [1, 4]: named, with
    # the numbers that say why
    kept = text_adoption(cmp, {"a": 1.5, "b": 2.0}, post)
    assert "`a` were adopted" in kept and "`b` is not set to its posterior median 3" in kept
    assert "shrinkage 0.10" in kept and "default 2 lies inside" in kept and "[1, 4]" in kept
    assert "differ" not in kept
    # outside its interval, or informed, a default off the recommendation is named as differing
    outside = text_adoption(cmp, {"a": 1.0, "b": 5.0}, post)
    assert "differ from the recommended values for `a` (1 against 1.5), `b` (5 against 3)" \
        in outside and "adopted" not in outside
    same = {"current": {"a": 1.0}, "recommended": {"a": 1.0}}
    assert "defaults of the time of the fit" in text_adoption(same, {"a": 1.0}, post)
    # a later fit at those defaults: the rule kept b, so the medians are stored apart
    refit = {"current": {"a": 1.5, "b": 2.0}, "recommended": {"a": 1.5, "b": 2.0},
             "medians": {"a": 1.5, "b": 3.0}}
    text = text_adoption(refit, {"a": 1.5, "b": 2.0}, post)
    assert "defaults of the time of the fit" in text and "`b` is not set to its posterior " \
        "median 3" in text
    # a default moved after the fit, still uninformed and inside: not called "kept"
    moved = text_adoption(same, {"a": 1.5}, {"a": post["b"]})
    assert "`a` is not set to its posterior median 1" in moved and "kept" not in moved


def test_defaults_text_names_defaults_the_rule_kept_off_their_medians():
    cmp = {"replicates": 20, "current_error": 0.30, "proposed_error": 0.20,
           "proposed": {"a": 1.5, "b": 2.0}, "medians": {"a": 1.5, "b": 3.0}}
    text = text_defaults(cmp)
    assert "the proposed values (the posterior medians, with `b` kept at the default" in text
    assert "fit better, so they are the recommended defaults" in text
    assert "the posterior medians by 0.200" in text_defaults({**cmp, "medians": cmp["proposed"]})


def test_defaults_kept_as_is_only_when_uninformed_and_inside_the_interval():
    post = {"x": {"shrinkage": 0.1, "q05": 1.0, "q95": 2.0, "default": 1.6},
            "y": {"shrinkage": 0.7, "q05": 1.0, "q95": 2.0, "default": 1.6}}
    assert proposed_defaults(post, {"x": 1.2, "y": 1.2}) == {"x": 1.2, "y": 1.6}
    assert proposed_defaults(post, {"x": 2.5, "y": 1.2}) == {"x": 1.6, "y": 1.6}
    assert not kept_as_is({"shrinkage": 0.2, "q05": 1.0, "q95": 2.0}, 1.5)


def test_the_committed_calibration_report_is_rendered_from_its_results_and_todays_defaults():
    # fails when the defaults change and `python run.py calibrate --render` was not run
    result = json.loads((ROOT / "docs" / "calibration.json").read_text())
    committed = (ROOT / "docs" / "calibration.md").read_text()
    assert committed == report_markdown(result)
    for name in result["defaults"]["current"]:
        assert f"{float(DEFAULTS[name]):g} |\n" in committed.split("## Defaults")[1]


def _outcome(diff, p_holm, needed=10, n=30, d_z=0.5):
    return OutcomeResult("P", "x", "greater", n, 1.0, 1.0 - diff, diff, (diff - 1, diff + 1),
                         1.0, d_z, 1.0, p_holm, 1.0, p_holm=p_holm,
                         reproduced=p_holm < 0.05 and diff > 0, pairs_needed=needed,
                         powered=p_holm < 0.05 or needed <= n)


def test_outcome_text_says_the_direction_and_power_the_numbers_show():
    assert describe_outcome(_outcome(0.5, 0.01)) == "as expected"
    assert "opposite direction" in describe_outcome(_outcome(-0.5, 0.01))
    weak = describe_outcome(_outcome(0.1, 0.4, needed=150))
    assert "no clear difference" in weak and "needs 150 pairs" in weak
    assert "underpowered" not in describe_outcome(_outcome(0.1, 0.4, needed=20))


def test_publishing_files_are_valid():
    import yaml

    meta = json.loads((ROOT / "codemeta.json").read_text())
    assert meta["@context"].startswith("https://w3id.org/codemeta/")
    assert meta["license"].endswith("MIT")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0" and cff["license"] == "MIT"
    assert "Kolaborasi contributors" in (ROOT / "LICENSE").read_text()


def _sobol(st_assumption, st_low_assumption):
    import pandas as pd

    rows = [{"metric": "referral_uptake", "factor": "skill", "kind": "lever", "S1": 0.5,
             "S1_low": 0.4, "S1_high": 0.6, "ST": 0.6, "ST_low": 0.5, "ST_high": 0.7,
             "ST_conf": 0.1},
            {"metric": "referral_uptake", "factor": "unmet_request_factor", "kind": "assumption",
             "S1": 0.1, "S1_low": 0.0, "S1_high": 0.2, "ST": st_assumption,
             "ST_low": st_low_assumption, "ST_high": st_assumption + 0.02, "ST_conf": 0.1}]
    return pd.DataFrame(rows)


def test_sobol_text_says_when_conclusions_depend_on_assumptions():
    from experiments.report import sobol_findings

    depends = " ".join(sobol_findings(_sobol(0.3, 0.2), ["referral_uptake"], 64))
    free = " ".join(sobol_findings(_sobol(0.03, 0.0), ["referral_uptake"], 64))
    unsettled = " ".join(sobol_findings(_sobol(0.2, 0.0), ["referral_uptake"], 64))
    assert "depend on structural assumptions: `unmet_request_factor` (ST = 0.30)" in depends
    assert "do not hinge on those assumptions" in free
    assert "upper bounds reach 0.22 (`unmet_request_factor`)" in unsettled


def test_sobol_text_does_not_read_seed_noise_as_interaction():
    import pandas as pd

    from experiments.report import sobol_findings

    table = _sobol(0.03, 0.0)
    table.loc[0, ["ST", "ST_low", "ST_high"]] = [0.9, 0.8, 1.0]
    quiet = pd.DataFrame([{"metric": "referral_uptake", "share_of_means": 0.01}])
    noisy = pd.DataFrame([{"metric": "referral_uptake", "share_of_means": 0.5}])
    assert "sign of interactions" in " ".join(sobol_findings(table, ["referral_uptake"], 64,
                                                             quiet))
    assert "not evidence of interactions" in " ".join(sobol_findings(
        table, ["referral_uptake"], 64, noisy))


def test_seed_noise_text_and_share_follow_the_runs():
    from types import SimpleNamespace

    import numpy as np
    import pandas as pd

    from experiments.analysis import seed_noise
    from experiments.report import noise_findings

    rng = np.random.default_rng(0)
    points = np.repeat(np.arange(20), 4)

    def share(noise_sd):
        y = points * 1.0 + rng.normal(0, noise_sd, len(points))
        res = SimpleNamespace(done=pd.DataFrame({"point": points, "referral_uptake": y}),
                              metrics=["referral_uptake"])
        return seed_noise(res)

    small, large = share(0.1), share(40.0)
    assert small["share"].iloc[0] < 0.01 < 0.9 < large["share"].iloc[0]
    assert noise_findings(small) != noise_findings(large)
    assert f"{large['share'].iloc[0]:.0%}" in noise_findings(large)[0]
