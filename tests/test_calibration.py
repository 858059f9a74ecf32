"""The calibration: what a run reports for each target, the posterior summaries, a tiny fit."""

import numpy as np
import pandas as pd
import pytest

from experiments.calibration import (HELD_OUT, PRIORS, TARGETS, Budget, Fit, correlations, fit,
                                     posterior_summary, predictive_checks, simulate)
from experiments.history import measure_of
from experiments.replicates import calendar_years
from experiments.reported import SIMFONI


@pytest.fixture(scope="module")
def one_run():
    return simulate({}, 1)


def test_every_target_is_a_reported_row_and_held_out_rows_are_targets():
    assert len({t.key for t in TARGETS}) == len(TARGETS)
    assert all(t.figure.value > 0 for t in TARGETS)
    assert set(HELD_OUT) < {t.key for t in TARGETS}


def test_targets_inform_demand_and_capacity_separately():
    columns = {measure_of(t.figure)[0] for t in TARGETS}   # each target is measured
    assert "intake" in columns                      # the center: demand and capacity
    assert columns & {"seen_uptd_ppa_province", "seen_dp3ap2kb_city"}   # agencies: demand
    # province-wide rows are not the model's catchment
    assert not any(t.scope == SIMFONI for t in TARGETS)


def test_a_run_reports_every_target(one_run):
    row = one_run.iloc[0]
    for t in TARGETS:
        assert np.isfinite(row[t.key]) and row[t.key] >= 0, t.key
    assert row["cases_2019"] > 0 and row["uptd_province_2018"] > row["dp3ap2kb_city_2020"]


def test_agency_counts_are_first_contacts_plus_survivors_the_center_sent_on():
    """The agencies' seen_ columns (calibration's and validation's measure) add up to the
    first contacts, plus at most the survivors the full center sent to an agency."""
    from model import AGENCY_KEYS, CollaborationModel

    model = CollaborationModel(rng=3, hours_per_case_week=12.0, incidents_per_week=14.0)
    model.run(2)
    frame = model.datacollector.get_model_vars_dataframe().iloc[1:]
    received = frame[[f"seen_{k}" for k in AGENCY_KEYS]].sum(axis=1)
    extra = received - frame["seen_by_agencies"]
    assert (extra >= 0).all() and (extra <= frame["returned_to_agency"]).all()
    assert extra.sum() > 0 and extra.sum() < frame["returned_to_agency"].sum()
    assert calendar_years(model.datacollector.get_model_vars_dataframe(), 1999).iloc[-1] == 2000


def _fit(particles, weights):
    return Fit(TARGETS, pd.DataFrame(particles), np.asarray(weights, float), [1.0], 10)


def test_shrinkage_is_near_zero_for_the_prior_and_near_one_for_a_narrow_posterior():
    rng = np.random.default_rng(0)
    wide = {name: rng.uniform(lo, hi, 4000) for name, lo, hi, _ in PRIORS}
    narrow = {name: rng.normal((lo + hi) / 2, (hi - lo) / 100, 4000) for name, lo, hi, _ in PRIORS}
    for name in wide:
        assert abs(posterior_summary(_fit(wide, np.ones(4000)))[name]["shrinkage"]) < 0.1
        assert posterior_summary(_fit(narrow, np.ones(4000)))[name]["shrinkage"] > 0.95


def test_weights_move_the_posterior_median():
    x = {name: np.linspace(lo, hi, 101) for name, lo, hi, _ in PRIORS}
    up = posterior_summary(_fit(x, np.linspace(0.01, 1, 101)))
    down = posterior_summary(_fit(x, np.linspace(1, 0.01, 101)))
    name = PRIORS[0][0]
    assert up[name]["median"] > down[name]["median"]


def test_correlations_see_a_trade_off():
    rng = np.random.default_rng(1)
    a = rng.uniform(0, 1, 500)
    particles = {name: rng.uniform(0, 1, 500) for name, *_ in PRIORS}
    particles[PRIORS[0][0]], particles[PRIORS[1][0]] = a, 1 - a + rng.normal(0, 0.01, 500)
    corr = correlations(_fit(particles, np.ones(500)))
    assert corr[f"{PRIORS[0][0]} ~ {PRIORS[1][0]}"] < -0.9


def test_predictive_checks_flag_a_reported_value_outside_the_interval():
    t = TARGETS[0]
    table = pd.DataFrame({t.key: np.arange(100.0) + t.figure.value + 50})
    row, = predictive_checks(table, (t,))
    assert not row["inside"] and row["low"] > row["observed"]
    row, = predictive_checks(table.assign(**{t.key: table[t.key] - 100}), (t,))
    assert row["inside"]


def test_a_tiny_abc_smc_fit_returns_weighted_particles_within_the_priors(tmp_path):
    # 3 particles (about 6 runs of 25 years, where 4 took 11): as much of pyabc's path
    tiny = Budget(population=3, replicates=1, generations=1, max_simulations=6)
    result = fit(TARGETS[:3], tiny, workers=1, progress=False, db_dir=tmp_path)
    assert len(result.particles) == 3 and np.isclose(result.weights.sum(), 1)
    for name, lo, hi, _ in PRIORS:
        assert result.particles[name].between(lo, hi).all()
    assert not list(tmp_path.iterdir())           # the sqlite database was removed
