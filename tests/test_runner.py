"""What one sweep run records: kept weeks, flows summed over each interval, ratios from sums."""

import math

from experiments.runner import recorded_steps, run_metrics
from model import CollaborationModel


def test_recorded_steps_sum_flows_and_recompute_ratios():
    series = CollaborationModel(rng=3).run(1).datacollector.get_model_vars_dataframe()
    rec = recorded_steps(series, 13, ["intake", "referral_uptake", "funds", "waiting"])
    assert list(rec["step"]) == [0, 13, 26, 39, 52]
    assert rec["intake"].sum() == series["intake"].sum()          # no flow is lost
    assert rec.loc[1, "intake"] == series["intake"].iloc[1:14].sum()
    window = series.iloc[27:40]
    assert math.isclose(rec.loc[3, "referral_uptake"],
                        window["referred"].sum() / window["seen_by_agencies"].sum())
    assert rec.loc[4, "funds"] == series["funds"].iloc[52]           # stocks as they stand
    assert rec.loc[2, "waiting"] == series["waiting"].iloc[26]


def test_last_week_is_always_recorded():
    series = CollaborationModel(rng=3).run(30 / 52).datacollector.get_model_vars_dataframe()
    rec = recorded_steps(series, 13, ["intake"])
    assert list(rec["step"]) == [0, 13, 26, 30]
    assert rec["intake"].sum() == series["intake"].sum()


def test_run_metrics_match_the_series():
    series = CollaborationModel(rng=4).run(2).datacollector.get_model_vars_dataframe()
    m = run_metrics(series)
    assert m["cases_handled_per_year"] == series["intake"].sum() / 2
    assert 0 <= m["referral_uptake"] <= 1
    assert m["groups_end"] == series["groups"].iloc[-1]
