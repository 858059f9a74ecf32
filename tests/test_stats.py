"""The one statistics module: intervals, Holm, paired tests and power."""

import math

import numpy as np
import pytest
from scipy import stats as sps

from experiments.stats import hedges_g, holm, mean_ci, paired, pairs_for_power


def test_holm_matches_the_step_down_rule_and_keeps_nan():
    adjusted = holm([0.01, 0.04, 0.03, float("nan")])
    assert np.allclose(adjusted[:3], [0.03, 0.06, 0.06])
    assert math.isnan(adjusted[3])
    assert np.all(holm([0.5, 0.9]) <= 1)


def test_holm_gives_exactly_the_numbers_of_statsmodels():
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(3)
    for m in (1, 2, 5, 40):
        p = rng.uniform(0, 0.2, m) ** 2
        p[rng.integers(0, m, m // 3)] = p[0]                   # ties
        assert np.array_equal(holm(p), multipletests(p, method="holm")[1])


def test_hedges_g_known_value_and_sign():
    # d = 1 / pooled sd 1 = 1; correction 1 - 3 / (4 * 6 - 9) = 0.8
    assert hedges_g([2, 3, 4], [1, 2, 3]) == pytest.approx(0.8)
    assert hedges_g([1, 2, 3], [2, 3, 4]) == pytest.approx(-0.8)
    assert math.isnan(hedges_g([1, 1], [1, 1]))


def test_t_interval_is_mean_plus_minus_t_times_standard_error():
    x = np.array([1.0, 2.0, 4.0, 3.0, 5.0])
    mean, low, high = mean_ci(x)
    half = sps.t.ppf(0.975, 4) * x.std(ddof=1) / math.sqrt(5)
    assert mean == 3.0 and low == pytest.approx(3 - half) and high == pytest.approx(3 + half)


def test_t_interval_works_column_by_column_and_ignores_nan():
    x = np.array([[1.0, 5.0], [3.0, np.nan], [2.0, 7.0]])
    mean, low, high = mean_ci(x, axis=0)
    assert mean.tolist() == [2.0, 6.0] and np.all(low < mean) and np.all(high > mean)


def test_bootstrap_interval_falls_back_for_constant_and_tiny_samples():
    rng = np.random.default_rng(0)
    ci = mean_ci([3.0, 3.0, 3.0, 3.0], rng=rng)
    assert (ci.low, ci.high, ci.method) == (3.0, 3.0, "percentile")
    ci = mean_ci([1.0, 2.0], rng=rng)
    assert ci.method == "percentile" and 1.0 <= ci.low <= ci.high <= 2.0
    assert mean_ci([5.0], rng=rng).method == "none"
    ci = mean_ci([1.0, 2.0, 4.0, 3.0, 5.0], rng=rng)
    assert ci.method == "BCa" and ci.low <= 3.0 <= ci.high


def test_paired_test_agrees_with_scipy_and_gives_d_z():
    a = np.array([3.0, 4.0, 6.0, 5.0, 7.0])
    b = np.array([2.0, 4.0, 4.0, 4.0, 5.0])
    got = paired(a, b)
    d = a - b
    assert got.p == pytest.approx(sps.ttest_rel(a, b).pvalue)
    assert got.d_z == pytest.approx(d.mean() / d.std(ddof=1))
    assert got.low < got.diff < got.high


def test_identical_differences_give_an_exact_result_without_a_test():
    got = paired([2.0, 3.0], [1.0, 2.0])
    assert got.diff == 1.0 and got.p == 0.0 and math.isnan(got.t)


def test_power_needs_more_pairs_for_smaller_effects_and_stricter_alpha():
    assert pairs_for_power(0.23) > 140          # the P8 example: about 150 pairs
    assert pairs_for_power(0.5) < pairs_for_power(0.23)
    assert pairs_for_power(0.5, alpha=0.05 / 3) > pairs_for_power(0.5)
    assert pairs_for_power(0.0) == pairs_for_power(float("nan")) == 100_000
