"""Replicated runs for the Compare and Teach pages: weekly curves, means, intervals, paired tests.

The runs go through the project's one replicate pipeline
(``experiments.replicates.run_replicates``): replicate *k* of both arms uses the
same seed, derived from the first seed and *k* (common random numbers), so their
difference is estimated run by run and a comparison can be extended with more runs
later (replicates k, k+1, ...). Each outcome gets a paired t-test and the p-values of
the headline outcomes are adjusted together with Holm's method
(``experiments.stats``), so "B differs on k of 6 outcomes" keeps its 5% error rate
over all six.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from experiments import stats
from experiments.replicates import run_replicates
from model import DEFAULTS, WEEKS_PER_YEAR
from model.calendar import WEEKS_PER_QUARTER

from .charts import rolling_ratio, rolling_sum

#: Weekly curves kept from each run (name -> how it is computed).
CURVES = ("uptake", "cases", "waiting", "trust", "funds", "staff", "volunteers", "groups",
          "conflicts", "found", "unmet")
#: One number per run, read at the end of the run or over its last 52 weeks.
END_METRICS = ("uptake", "cases", "unmet", "found", "conflicts", "trust", "funds", "staff",
               "volunteers", "groups")
#: The outcomes the Compare verdict tests (one family for Holm's adjustment).
HEADLINE = ("uptake", "cases", "unmet", "trust", "funds", "staff")
#: Significance level of the verdict (after Holm's adjustment).
ALPHA = 0.05
#: Most runs per arm a comparison may have.
MAX_REPS = 200


def curves_of(cols: dict) -> dict[str, np.ndarray]:
    """Weekly curves from a run's reported columns (lists keyed by reporter name)."""
    a = {k: np.asarray(v, dtype=float) for k, v in cols.items()}
    quarter, quarters = WEEKS_PER_QUARTER, WEEKS_PER_YEAR // WEEKS_PER_QUARTER
    return {
        "uptake": rolling_ratio(a["referred"], a["seen_by_agencies"], quarter),
        "cases": rolling_sum(a["intake"], quarter) * quarters,
        "waiting": a["waiting"],
        "trust": a["mean_trust"],
        "funds": a["funds"],
        "staff": a["staff"],
        "volunteers": a["volunteers"],
        "groups": a["groups"],
        "conflicts": rolling_sum(a["conflicts"], WEEKS_PER_YEAR),
        "found": rolling_sum(a["entry_community"], quarter) * quarters,
        "unmet": rolling_sum(a["unmet_need"], quarter) * quarters,
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


def measure(model) -> dict:
    """What a replicate keeps: its end metrics and its weekly curves (run_replicates' measure)."""
    cols = model.datacollector.model_vars
    return {**end_metrics_of(cols), "curves": curves_of(cols)}


def event_weeks(events, start_year: int) -> list[tuple]:
    """Scenario events (experiments.events) as run_replicates events: (week, "change", set)."""
    from experiments.events import as_events

    return [(max(0, (e.year - start_year) * WEEKS_PER_YEAR), "change", dict(e.changes))
            for e in as_events(events)]


def mean_ci(values, axis: int = 0):
    """Mean and Student-t 95% interval over ``axis``, ignoring NaN (experiments.stats)."""
    return tuple(stats.mean_ci(values, axis=axis))


@dataclass
class Arm:
    """The runs of one scenario: curves as (runs x weeks) arrays and end metrics per run."""

    label: str
    params: dict
    events: tuple = ()
    curves: dict = field(default_factory=dict)
    ends: dict = field(default_factory=dict)
    seeds: list = field(default_factory=list)

    def add(self, curves: dict, ends: dict, seed: int | None = None) -> None:
        for k, v in curves.items():
            self.curves.setdefault(k, []).append(v)
        for k, v in ends.items():
            self.ends.setdefault(k, []).append(v)
        self.seeds.append(seed)

    def copy(self) -> "Arm":
        return Arm(self.label, dict(self.params), self.events,
                   {k: list(v) for k, v in self.curves.items()},
                   {k: list(v) for k, v in self.ends.items()}, list(self.seeds))

    def band(self, name: str):
        """(mean, low, high) weekly arrays of curve ``name``."""
        return mean_ci(np.vstack(self.curves[name]))

    def end(self, name: str):
        """(mean, low, high) of end metric ``name`` over runs."""
        m, lo, hi = mean_ci(np.asarray(self.ends[name], dtype=float))
        return float(m), float(lo), float(hi)


@dataclass(frozen=True)
class Outcome:
    """One outcome of a paired comparison: both arms, the paired difference and its test."""

    metric: str
    a: tuple                 # (mean, low, high)
    b: tuple
    diff: tuple              # (mean, low, high) of b - a, paired by seed
    p: float                 # paired t-test
    p_holm: float            # Holm-adjusted over the headline outcomes

    @property
    def differs(self) -> bool:
        return self.p_holm < ALPHA

    @property
    def direction(self) -> int:
        """+1 if B is higher, -1 if lower, 0 if they cannot be told apart."""
        return 0 if not self.differs else (1 if self.diff[0] > 0 else -1)


def paired_p(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sided paired t-test p-value (experiments.stats.paired), NaN pairs dropped."""
    return float(stats.paired(b, a).p)


def holm(pvalues: list[float]) -> list[float]:
    """Holm-adjusted p-values (experiments.stats.holm, statsmodels)."""
    return [float(p) for p in stats.holm(pvalues)]


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

    @property
    def start_year(self) -> int:
        return int(self.a.params.get("start_year", DEFAULTS["start_year"]))

    @property
    def calendar(self) -> np.ndarray:
        """Calendar time of each week (the start year at week 0)."""
        return self.start_year + self.weeks / WEEKS_PER_YEAR

    def paired_difference(self, name: str):
        """(mean, low, high) of b - a for end metric ``name``, paired by seed."""
        diff = np.asarray(self.b.ends[name], dtype=float) - np.asarray(self.a.ends[name],
                                                                       dtype=float)
        m, lo, hi = mean_ci(diff)
        return float(m), float(lo), float(hi)

    def outcomes(self, metrics=HEADLINE) -> list[Outcome]:
        """Every outcome in ``metrics`` with its paired test, Holm-adjusted together."""
        raw = [paired_p(self.a.ends[m], self.b.ends[m]) for m in metrics]
        adjusted = holm(raw)
        return [Outcome(m, self.a.end(m), self.b.end(m), self.paired_difference(m), p, q)
                for m, p, q in zip(metrics, raw, adjusted)]

    def table(self):
        """End metrics of every run of both arms, one row per run (a pandas DataFrame)."""
        import pandas as pd

        rows = []
        for arm_name, arm in (("A", self.a), ("B", self.b)):
            for i in range(self.reps):
                row = {"arm": arm_name, "scenario": arm.label, "replicate": i,
                       "seed": arm.seeds[i], "years": self.years}
                row.update({k: arm.ends[k][i] for k in END_METRICS})
                rows.append(row)
        return pd.DataFrame(rows)


class Cancelled(Exception):
    """The user started something else; the work in progress is dropped."""


def compare(params_a: dict, params_b: dict, reps: int, years: float, seed: int,
            labels=("A", "B"), report: Callable[[float], None] | None = None,
            events=((), ())) -> Comparison:
    """Run both arms ``reps`` times on common seeds from ``seed``; ``report(fraction)`` as
    runs finish."""
    start = Comparison(Arm(labels[0], dict(params_a), tuple(events[0])),
                       Arm(labels[1], dict(params_b), tuple(events[1])), 0, years, seed)
    return extend(start, reps, report)


#: Replicates run between two progress reports.
CHUNK = 2


def extend(result: Comparison, reps: int, report: Callable[[float], None] | None = None
           ) -> Comparison:
    """A new comparison with ``reps`` runs per arm: the runs of ``result`` and the missing ones.

    ``result`` itself is not changed (the page may be drawing it). Runs already made
    keep their replicate numbers and seeds, so 20 runs extended to 50 equal 50 runs
    made at once.
    """
    reps = min(int(reps), MAX_REPS)
    a, b = result.a.copy(), result.b.copy()
    arms = {"A": a.params, "B": b.params}
    events = {name: event_weeks(arm.events, int(arm.params.get("start_year",
                                                               DEFAULTS["start_year"])))
              for name, arm in (("A", a), ("B", b))}
    todo = range(result.reps, reps)
    for first in range(todo.start, todo.stop, CHUNK):
        chunk = range(first, min(first + CHUNK, todo.stop))
        table = run_replicates(arms, chunk, result.seed, measure, years=result.years,
                               workers=1, progress=False,
                               events={k: v for k, v in events.items() if v})
        for row in table.to_dict("records"):
            arm = a if row["arm"] == "A" else b
            arm.add(row["curves"], {k: row[k] for k in END_METRICS}, int(row["seed"]))
        if report is not None:
            report((chunk.stop - todo.start) / max(1, len(todo)))
    return Comparison(a, b, max(reps, result.reps), result.years, result.seed)
