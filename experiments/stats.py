"""The project's statistics, in one place: means with intervals, paired tests, Holm, power.

- ``mean_ci``: the mean with its 95% interval (Student t by default, or a bootstrap
  interval from ``scipy.stats.bootstrap`` when given a random generator).
- ``holm``: Holm's step-down adjustment (the same numbers as statsmodels'
  ``multipletests(method="holm")``, which tests/test_stats.py checks).
- ``paired``: the paired t-test (``scipy.stats.ttest_rel``) with the mean difference,
  its t interval and Cohen's d_z, for arms run on common random numbers.
- ``pairs_for_power``: how many pairs a paired t-test needs for a given power
  (``statsmodels.stats.power.TTestPower``).
- ``hedges_g``: the standardised difference of two independent samples.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats

LEVEL = 0.95
ALPHA = 0.05
POWER = 0.8


class Interval(tuple):
    """(mean, low, high), with ``method`` naming how the interval was computed."""

    method: str

    def __new__(cls, mean, low, high, method: str):
        obj = super().__new__(cls, (mean, low, high))
        obj.method = method
        return obj

    @property
    def mean(self):
        return self[0]

    @property
    def low(self):
        return self[1]

    @property
    def high(self):
        return self[2]


def mean_ci(values, axis: int = 0, level: float = LEVEL, rng: np.random.Generator | None = None,
            n_resamples: int = 9999) -> Interval:
    """The mean over ``axis`` and its ``level`` confidence interval, NaN ignored.

    Without ``rng``: the Student t interval, element-wise over the other axes (NaN
    where fewer than two values). With ``rng`` (1-D values only): a bootstrap
    interval, BCa when it can be computed, percentile for constant samples, fewer
    than 3 values or a failed BCa, and none (NaN) below 2 values; ``method`` says
    which ("t", "BCa", "percentile" or "none").
    """
    if rng is not None:
        return _bootstrap(values, level, rng, n_resamples)
    x = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(x, axis=axis)
        n = np.sum(np.isfinite(x), axis=axis)
        sd = np.nanstd(x, axis=axis, ddof=1)
        half = np.where(n > 1, stats.t.ppf(0.5 + level / 2, np.maximum(n - 1, 1)) * sd
                        / np.sqrt(np.maximum(n, 1)), np.nan)
    low, high = mean - half, mean + half
    if np.ndim(mean) == 0:
        mean, low, high = float(mean), float(low), float(high)
    return Interval(mean, low, high, "t")


def _bootstrap(values, level, rng, n_resamples) -> Interval:
    x = np.asarray(values, dtype=float).ravel()
    x = x[np.isfinite(x)]
    if len(x) < 2:
        return Interval(float(x.mean()) if len(x) else float("nan"), float("nan"),
                        float("nan"), "none")
    mean = float(x.mean())
    if np.all(x == x[0]):
        return Interval(mean, float(x[0]), float(x[0]), "percentile")
    method = "BCa" if len(x) >= 3 else "percentile"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.bootstrap((x,), np.mean, method=method, n_resamples=n_resamples,
                              confidence_level=level, rng=rng, vectorized=True)
        low, high = res.confidence_interval
        if method == "BCa" and not (np.isfinite(low) and np.isfinite(high)):
            method = "percentile"
            res = stats.bootstrap((x,), np.mean, method=method, n_resamples=n_resamples,
                                  confidence_level=level, rng=rng, vectorized=True)
            low, high = res.confidence_interval
    return Interval(mean, float(low), float(high), method)


def holm(pvalues) -> np.ndarray:
    """Holm-adjusted p-values; NaN stays NaN and does not count as a test.

    The k-th smallest of m p-values is multiplied by m - k + 1, made non-decreasing in
    that order and capped at 1: the arithmetic of statsmodels' ``multipletests`` (Holm),
    done here because that function runs a full garbage collection on every call, which
    costs tens of milliseconds in a large process (an analysis makes dozens of calls).
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    if ok.any():
        tested = p[ok]
        order = np.argsort(tested, kind="stable")
        steps = np.arange(len(tested), 0, -1)
        adjusted = np.empty(len(tested))
        adjusted[order] = np.minimum(np.maximum.accumulate(tested[order] * steps), 1.0)
        out[ok] = adjusted
    return out


@dataclass
class Paired:
    """A paired comparison of a and b (a - b), one pair per common-random-numbers seed."""

    n: int
    mean_a: float
    mean_b: float
    diff: float
    low: float
    high: float
    sd_diff: float
    d_z: float            # mean difference over the SD of the differences (Cohen's d_z)
    t: float
    p: float              # two-sided; exact 0 or 1 when every pair has the same difference


def paired(a, b, level: float = LEVEL) -> Paired:
    """Paired t-test of a against b (pairs with a NaN dropped)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    keep = np.isfinite(a) & np.isfinite(b)
    a, b = a[keep], b[keep]
    d = a - b
    n = len(d)
    mean = float(d.mean()) if n else float("nan")
    sd = float(d.std(ddof=1)) if n > 1 else float("nan")
    if n > 1 and sd > 0:
        test = stats.ttest_rel(a, b)
        ci = mean_ci(d, level=level)
        return Paired(n, float(a.mean()), float(b.mean()), mean, ci.low, ci.high, sd,
                      mean / sd, float(test.statistic), float(test.pvalue))
    exact = 0.0 if n and mean != 0 else 1.0   # identical differences: no test, exact result
    return Paired(n, float(a.mean()) if n else math.nan, float(b.mean()) if n else math.nan,
                  mean, mean, mean, sd, float("nan"), float("nan"), exact)


def pairs_for_power(d_z: float, alpha: float = ALPHA, power: float = POWER,
                    maximum: int = 100_000) -> int:
    """Pairs a two-sided paired t-test needs to detect d_z with ``power`` at ``alpha``.

    ``alpha`` is the level the test is judged at (already divided for Holm's first
    step when the caller wants the conservative count). Returns ``maximum`` when the
    effect is zero or not finite (no finite count suffices).
    """
    from statsmodels.stats.power import TTestPower

    if not np.isfinite(d_z) or d_z == 0:
        return maximum
    analysis = TTestPower()
    effect = abs(float(d_z))

    def enough(n: int) -> bool:
        got = analysis.power(effect_size=effect, nobs=n, alpha=alpha, alternative="two-sided")
        if not np.isfinite(got):   # the noncentral t fails for large effects: normal approx.
            got = stats.norm.cdf(effect * math.sqrt(n) - stats.norm.ppf(1 - alpha / 2))
        return got >= power

    if enough(2):
        return 2
    low, high = 2, 4    # double until enough, then bisect (power grows with n)
    while not enough(high):
        if high >= maximum:
            return maximum
        low, high = high, min(2 * high, maximum)
    while high - low > 1:           # power grows with n: bisect for the smallest n
        mid = (low + high) // 2
        low, high = (low, mid) if enough(mid) else (mid, high)
    return high


def hedges_g(other, reference) -> float:
    """Standardised mean difference (other - reference) with Hedges' small-sample correction."""
    a, b = np.asarray(other, float), np.asarray(reference, float)
    na, nb = len(a), len(b)
    if na < 2 or nb < 2:
        return float("nan")
    pooled = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
    if pooled == 0:
        return float("nan")
    correction = 1 - 3 / (4 * (na + nb) - 9)
    return float(correction * (a.mean() - b.mean()) / pooled)
