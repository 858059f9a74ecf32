"""Replicated runs for the Compare and Teach pages: weekly curves, means and 95% intervals.

Both arms of a comparison use the same seeds (common random numbers), so their
difference is estimated run by run (a paired comparison). Intervals are Student-t
95% confidence intervals of the mean over replications.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from model import WEEKS_PER_YEAR, CollaborationModel

from experiments.stats import mean_ci

from .charts import rolling_ratio, rolling_sum

#: Weekly curves kept from each run (name -> how it is computed).
CURVES = ("uptake", "cases", "waiting", "trust", "funds", "staff", "volunteers", "groups",
          "conflicts", "found", "unmet")
#: One number per run, read at the end of the run or over its last 52 weeks.
END_METRICS = ("uptake", "cases", "unmet", "found", "conflicts", "trust", "funds", "staff",
               "volunteers", "groups")


def curves_of(cols: dict) -> dict[str, np.ndarray]:
    """Weekly curves from a run's reported columns (lists keyed by reporter name)."""
    a = {k: np.asarray(v, dtype=float) for k, v in cols.items()}
    return {
        "uptake": rolling_ratio(a["referred"], a["seen_by_agencies"], 13),
        "cases": rolling_sum(a["intake"], 13) * 4,
        "waiting": a["waiting"],
        "trust": a["mean_trust"],
        "funds": a["funds"],
        "staff": a["staff"],
        "volunteers": a["volunteers"],
        "groups": a["groups"],
        "conflicts": rolling_sum(a["conflicts"], WEEKS_PER_YEAR),
        "found": rolling_sum(a["entry_community"], 13) * 4,
        "unmet": rolling_sum(a["unmet_need"], 13) * 4,
    }


def end_metrics_of(cols: dict) -> dict[str, float]:
    """End-of-run numbers: flows over the last 52 weeks, levels at the last week."""
    a = {k: np.asarray(v, dtype=float) for k, v in cols.items()}
    last = slice(-WEEKS_PER_YEAR, None)
    seen = a["seen_by_agencies"][last].sum()
    return {
        "uptake": a["referred"][last].sum() / seen if seen else float("nan"),
        "cases": a["intake"][last].sum(),
        "unmet": a["unmet_need"][last].sum(),
        "found": a["entry_community"][last].sum(),
        "conflicts": a["conflicts"][last].sum(),
        "trust": a["mean_trust"][-1],
        "funds": a["funds"][-1],
        "staff": a["staff"][-1],
        "volunteers": a["volunteers"][-1],
        "groups": a["groups"][-1],
    }


def run_one(params: dict, seed: int, years: float) -> tuple[dict, dict]:
    """One run: (weekly curves, end metrics)."""
    model = CollaborationModel(rng=seed, **params).run(years)
    cols = model.datacollector.model_vars
    return curves_of(cols), end_metrics_of(cols)


@dataclass
class Arm:
    """The runs of one scenario: curves as (runs x weeks) arrays and end metrics per run."""

    label: str
    params: dict
    curves: dict = field(default_factory=dict)
    ends: dict = field(default_factory=dict)

    def add(self, curves: dict, ends: dict) -> None:
        for k, v in curves.items():
            self.curves.setdefault(k, []).append(v)
        for k, v in ends.items():
            self.ends.setdefault(k, []).append(v)

    def band(self, name: str):
        """(mean, low, high) weekly arrays of curve ``name``."""
        return mean_ci(np.vstack(self.curves[name]))

    def end(self, name: str):
        """(mean, low, high) of end metric ``name`` over runs."""
        m, lo, hi = mean_ci(np.asarray(self.ends[name], dtype=float))
        return float(m), float(lo), float(hi)


@dataclass
class Comparison:
    """Two arms run on the same seeds, with the settings that produced them."""

    a: Arm
    b: Arm
    reps: int
    years: float
    seed: int

    @property
    def weeks(self) -> np.ndarray:
        return np.arange(len(next(iter(self.a.curves.values()))[0]))

    def paired_difference(self, name: str):
        """(mean, low, high) of b - a for end metric ``name``, paired by seed."""
        diff = np.asarray(self.b.ends[name], dtype=float) - np.asarray(self.a.ends[name],
                                                                       dtype=float)
        m, lo, hi = mean_ci(diff)
        return float(m), float(lo), float(hi)

    def table(self):
        """End metrics of every run of both arms, one row per run (a pandas DataFrame)."""
        import pandas as pd

        rows = []
        for arm_name, arm in (("A", self.a), ("B", self.b)):
            for i in range(self.reps):
                row = {"arm": arm_name, "scenario": arm.label, "seed": self.seed + i,
                       "years": self.years}
                row.update({k: arm.ends[k][i] for k in END_METRICS})
                rows.append(row)
        return pd.DataFrame(rows)


class Cancelled(Exception):
    """The user started something else; the work in progress is dropped."""


def compare(params_a: dict, params_b: dict, reps: int, years: float, seed: int,
            labels=("A", "B"), report: Callable[[float], None] | None = None) -> Comparison:
    """Run both arms ``reps`` times on seeds seed, seed+1, ...; ``report(fraction)`` after each."""
    a, b = Arm(labels[0], dict(params_a)), Arm(labels[1], dict(params_b))
    total = 2 * reps
    for i in range(reps):
        for k, arm in enumerate((a, b)):
            arm.add(*run_one(arm.params, seed + i, years))
            if report is not None:
                report((2 * i + k + 1) / total)
    return Comparison(a, b, reps, years, seed)
