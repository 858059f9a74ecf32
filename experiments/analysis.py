"""Statistics of a sweep's results folder: per-point summaries, comparisons, sensitivity.

Everything here takes a results folder written by ``run.py sweep`` (see store.py) and
returns pandas tables, so it works the same from Python as behind ``run.py analyze``::

    from experiments.analysis import analyze
    result = analyze("results/example")
    result.points        # one row per design point and metric: n, mean, sd, 95% CI
    result.comparisons   # factor low vs high, or scenario vs the first scenario
    result.sensitivity   # Sobol S1/ST, Morris mu*/sigma or Spearman rho, by design

Conventions:

* Only runs with status 'done' count; a metric that is undefined in a run (NaN, e.g.
  referral uptake when no survivor was seen by an agency) is left out of that metric.
* Confidence intervals of a mean are 95% bootstrap intervals (``scipy.stats.bootstrap``,
  BCa, or percentile when the sample is constant or has fewer than 3 runs), with a seed
  derived from the sweep's root seed, the point and the metric: the same folder always
  gives the same numbers, whichever metrics are asked for.
* A difference is always *other minus reference*: the highest level of a factor minus its
  lowest, or a scenario minus the first scenario listed in the spec.
"""

from __future__ import annotations

import math
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from .runner import METRICS
from .spec import SpecError
from .stats import hedges_g, holm, mean_ci
from .store import load_manifest, read_parts  # noqa: F401  (read_parts: used by plots)

#: Metrics analysed by default: the headline outcomes of a run.
HEADLINE_METRICS = ("referral_uptake", "cases_handled_per_year", "mean_trust_end",
                    "unmet_need_per_year", "funds_end", "conflicts_per_year", "staff_end",
                    "volunteers_end", "groups_end")

#: Every run metric (see runner.run_metrics for definitions): a readable name, the unit for
#: axes and table headers, and the unit written after a number in a sentence ('' when the
#: name already says it, or for shares and scores).
METRIC_INFO = {
    "referral_uptake": ("referral uptake", "share", ""),
    "referral_uptake_last_year": ("referral uptake in the last year", "share", ""),
    "referrals_per_year": ("referrals per year", "referrals/year", ""),
    "cases_handled_per_year": ("cases handled per year", "cases/year", ""),
    "cases_handled_last_year": ("cases handled in the last year", "cases/year", ""),
    "unmet_need_per_year": ("unmet need per year", "survivors/year", ""),
    "community_cases_per_year": ("cases found by community groups per year", "cases/year", ""),
    "mean_wait_weeks": ("mean wait for accompaniment", "weeks", "weeks"),
    "good_outcome_share": ("share of good case outcomes", "share", ""),
    "conflicts_per_year": ("conflicts with agencies per year", "conflicts/year", ""),
    "joint_programs_per_year": ("joint programs won per year", "programs/year", ""),
    "grants_lost": ("donor grants lost", "grants", ""),
    "mean_trust_end": ("mean agency trust at the end", "0-1", ""),
    "mean_tie_end": ("mean staff tie to agencies at the end", "0-1", ""),
    "funds_end": ("funds at the end", "IDR million", "IDR million"),
    "staff_end": ("staff at the end", "persons", ""),
    "volunteers_end": ("volunteers at the end", "persons", ""),
    "cadres_end": ("cadres at the end", "persons", ""),
    "groups_end": ("community groups at the end", "groups", ""),
}

_missing = [m for m in HEADLINE_METRICS if m not in METRICS]
if _missing:  # pragma: no cover - a guard for whoever renames a metric in runner.py
    raise ImportError(f"headline metrics {_missing} are not in experiments.runner.METRICS")


def metric_label(name: str) -> str:
    """The readable name of a metric ('cases handled per year')."""
    return METRIC_INFO.get(name, (name.replace("_", " "), "", ""))[0]


def metric_unit(name: str) -> str:
    """The unit of a metric for an axis or table header ('cases/year'; '' if none)."""
    return METRIC_INFO.get(name, ("", "", ""))[1]


def metric_axis_label(name: str) -> str:
    unit = metric_unit(name)
    return f"{metric_label(name)} ({unit})" if unit else metric_label(name)


def metric_sentence_unit(name: str) -> str:
    """The unit after a number in a sentence ('12 cases a year'; '' for shares and scores)."""
    return METRIC_INFO.get(name, ("", "", ""))[2]


# --- loading ------------------------------------------------------------------------------
@dataclass
class Results:
    """A results folder read into memory: what was asked and the finished runs."""

    folder: Path
    manifest: dict
    runs: pd.DataFrame            # every run row on disk (done and failed)
    done: pd.DataFrame            # status == 'done'
    metrics: list
    factors: list                 # factor names, in the manifest's (spec's) order
    notes: list = field(default_factory=list)

    @property
    def design(self) -> str:
        return self.manifest["design"]

    @property
    def scenarios(self) -> list:
        return list(self.manifest.get("scenarios") or [])

    @property
    def root_seed(self) -> int:
        return int(self.manifest.get("root_seed", 0))

    @property
    def spec(self) -> dict:
        return self.manifest.get("spec") or {}

    @property
    def n_points(self) -> int:
        return int(self.manifest["runs_total"]) // max(1, int(self.manifest["replications"]))

    def point_labels(self) -> dict:
        """A short label of each design point: the scenario, or the factor settings."""
        plan = self.plan()
        labels = {}
        for _, row in plan.drop_duplicates("point").iterrows():
            labels[int(row["point"])] = point_label(row, self.design, self.factors)
        return labels

    def plan(self) -> pd.DataFrame:
        path = self.folder / "plan.parquet"
        try:
            return pd.read_parquet(path)
        except Exception:  # missing or damaged: the run rows hold the same columns
            return self.runs


def point_label(row, design: str, factors: list) -> str:
    if design == "scenarios" and "scenario" in row:
        return str(row["scenario"])
    if design == "factorial":
        return ", ".join(f"{f} = {fmt_value(row[f])}" for f in factors)
    return f"point {int(row['point'])}"


def fmt_value(value) -> str:
    """A parameter value as people write it (0.6, not 0.6000000000000001)."""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return str(value)


def finite_number(x) -> bool:
    """True for a finite number (not None, NaN, inf or text)."""
    try:
        return x is not None and math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def decimals(*values) -> int:
    """Decimals that show about three significant digits of the largest value."""
    sizes = [abs(float(v)) for v in values if finite_number(v) and float(v) != 0]
    if not sizes:
        return 2
    return int(min(4, max(0, 2 - math.floor(math.log10(max(sizes))))))


def num(x, places: int) -> str:
    """x with a fixed number of decimals and thousands separators ('n/a' if missing)."""
    if not finite_number(x):
        return "n/a"
    x = float(x)
    if round(x, places) == 0:
        x = 0.0
    return f"{x:,.{places}f}"


def check_metrics(metrics) -> list:
    """The metrics to analyse: the headline ones by default; unknown names are an error."""
    if metrics is None:
        return list(HEADLINE_METRICS)
    metrics = [m.strip() for m in metrics if m and m.strip()]
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise SpecError(f"unknown metric(s) {', '.join(unknown)}; known metrics: "
                        f"{', '.join(METRICS)}")
    if not metrics:
        raise SpecError("no metrics to analyse; give e.g. --metrics referral_uptake,funds_end")
    return list(dict.fromkeys(metrics))


def load_results(folder, metrics=None) -> Results:
    """Read a results folder; a clear SpecError if it holds no sweep or no finished run."""
    folder = Path(folder)
    if not folder.exists():
        raise SpecError(f"{folder}: no such folder (give the --out folder of `run.py sweep`)")
    if not folder.is_dir():
        raise SpecError(f"{folder} is a file; give the results folder of `run.py sweep`")
    manifest = load_manifest(folder)
    metrics = check_metrics(metrics)
    parts = sorted((folder / "runs").glob("run-*.parquet")) if (folder / "runs").is_dir() \
        else []
    if not parts:
        raise SpecError(f"{folder} holds no finished runs yet (runs/ is empty); run or resume "
                        f"the sweep first: python run.py sweep {manifest.get('spec_file', 'SPEC')}"
                        f" --out {folder}")
    runs = read_parts(folder / "runs").sort_values("run_id").reset_index(drop=True)
    done = runs[runs["status"] == "done"].reset_index(drop=True)
    if done.empty:
        raise SpecError(f"{folder} holds no successful runs: all {len(runs)} finished run(s) "
                        "failed (see the 'failed' list in manifest.json)")
    factors = list(manifest.get("factors") or {})
    missing = [c for c in factors + metrics if c not in done.columns]
    if missing:
        raise SpecError(f"{folder}: the run table lacks column(s) {', '.join(missing)}; was it "
                        "written by another version of the code?")
    return Results(folder, manifest, runs, done, metrics, factors)


#: Parameters that are structural assumptions of the model (how a mechanism works, not a
#: policy lever anyone can pull). Sensitivity reports say which conclusions depend on them.
#: Names in one place, to update with the model.
STRUCTURAL_ASSUMPTIONS = frozenset({
    "unmet_request_factor", "tie_weight", "tie_pooling", "tie_access", "tie_decay",
    "trust_prior", "prior_strength", "contact_evidence", "outcome_evidence",
    "trust_forgetting", "wait_evidence", "refusal_evidence", "case_cost_per_week",
    "reserve_weeks", "donor_cycle_years", "small_grant_value", "donations_per_year",
})


def factor_kind(name: str) -> str:
    """'assumption' for a structural assumption, 'lever' otherwise."""
    return "assumption" if name in STRUCTURAL_ASSUMPTIONS else "lever"


# --- small statistics ---------------------------------------------------------------------
def _seed(root: int, *key) -> np.random.Generator:
    """A generator for one (purpose, point, metric), reproducible from the root seed."""
    words = [k if isinstance(k, int) else zlib.crc32(str(k).encode()) for k in key]
    return np.random.default_rng(np.random.SeedSequence(entropy=root, spawn_key=words))


def _finite(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return x[np.isfinite(x)]


def _nan_result():
    return float("nan"), float("nan")


# --- per design point ---------------------------------------------------------------------
def point_summary(res: Results, progress: bool = False, n_resamples: int = 9999) -> pd.DataFrame:
    """One row per design point and metric: settings, n, mean, sd and 95% bootstrap CI."""
    from tqdm import tqdm

    done = res.done
    plan = res.plan().drop_duplicates("point").set_index("point")
    settings = ["scenario"] if res.design == "scenarios" else res.factors
    labels = res.point_labels()
    rows = []
    groups = list(done.groupby("point", sort=True))
    for point, group in tqdm(groups, desc="point summaries", unit="point", delay=3,
                             disable=not progress, leave=False):
        point = int(point)
        for metric in res.metrics:
            x = _finite(group[metric])
            ci = mean_ci(x, rng=_seed(res.root_seed, "mean-ci", point, metric),
                         n_resamples=n_resamples)
            low, high, method = ci.low, ci.high, ci.method
            row = {"point": point, "label": labels.get(point, f"point {point}")}
            row.update({s: plan.loc[point, s] if s in plan.columns else group[s].iloc[0]
                        for s in settings})
            row.update({"metric": metric, "n": len(x),
                        "mean": float(x.mean()) if len(x) else float("nan"),
                        "sd": float(x.std(ddof=1)) if len(x) > 1 else float("nan"),
                        "ci_low": low, "ci_high": high, "ci_method": method})
            rows.append(row)
    return pd.DataFrame(rows)


# --- comparisons --------------------------------------------------------------------------
def _contrasts(res: Results) -> list[dict]:
    """What to compare: factor lowest vs highest level, or each scenario vs the first."""
    done = res.done
    out = []
    if res.design == "scenarios":
        names = res.scenarios
        if len(names) < 2:
            return []
        ref = names[0]
        for name in names[1:]:
            out.append({"kind": "scenario", "factor": "", "reference": ref, "other": name,
                        "ref_mask": done["scenario"] == ref, "other_mask": done["scenario"] == name,
                        "match": []})
    elif res.design == "factorial":
        for factor in res.factors:
            levels = sorted(set(res.manifest["factors"][factor]))
            if len(levels) < 2:
                continue
            low, high = levels[0], levels[-1]
            col = done[factor]
            out.append({"kind": "factor", "factor": factor, "reference": low, "other": high,
                        "ref_mask": _level_mask(col, low), "other_mask": _level_mask(col, high),
                        "match": [f for f in res.factors if f != factor]})
    return out


def _level_mask(column: pd.Series, level) -> pd.Series:
    if isinstance(level, (bool, np.bool_)) or column.dtype == bool:
        return column.astype(bool) == bool(level)
    if isinstance(level, (int, float)):
        return np.isclose(column.astype(float), float(level), rtol=1e-9, atol=1e-12)
    return column == level


def comparison_label(row) -> str:
    if row["kind"] == "scenario":
        return f"{row['other']} vs {row['reference']}"
    return f"{row['factor']}: {fmt_value(row['reference'])} → {fmt_value(row['other'])}"


def comparisons(res: Results) -> pd.DataFrame:
    """Differences of means with CIs, Hedges' g and tests, Holm-adjusted per metric.

    Tests, each named in its columns: Welch's t-test (``welch_*``, unequal variances, with
    the Welch-Satterthwaite CI of the difference), the Mann-Whitney U test (``mw_*``, a
    rank-based robustness check) and, where replicate-matched pairs exist (same seed, and
    for factorial designs the same levels of the other factors), the paired t-test
    (``paired_*``). Empty for designs other than 'factorial' and 'scenarios'.
    """
    contrasts = _contrasts(res)
    columns = ["metric", "kind", "factor", "reference", "other", "comparison", "n_ref",
               "n_other", "mean_ref", "mean_other", "diff", "diff_low", "diff_high",
               "hedges_g", "constant", "welch_t", "welch_df", "welch_p", "welch_p_holm",
               "mw_u", "mw_p", "mw_p_holm", "n_pairs", "paired_diff", "paired_low",
               "paired_high", "paired_t", "paired_p", "paired_p_holm"]
    if not contrasts:
        return pd.DataFrame(columns=columns)
    done = res.done
    rows = []
    for metric in res.metrics:
        for c in contrasts:
            ref_runs, other_runs = done[c["ref_mask"]], done[c["other_mask"]]
            a, b = _finite(other_runs[metric]), _finite(ref_runs[metric])
            row = {"metric": metric, "kind": c["kind"], "factor": c["factor"],
                   "reference": c["reference"], "other": c["other"], "n_ref": len(b),
                   "n_other": len(a),
                   "mean_ref": b.mean() if len(b) else np.nan,
                   "mean_other": a.mean() if len(a) else np.nan}
            row["comparison"] = comparison_label(row)
            row["diff"] = row["mean_other"] - row["mean_ref"]
            row["hedges_g"] = hedges_g(a, b)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                row["constant"] = bool(len(a) and len(b) and np.ptp(a) == 0 and np.ptp(b) == 0)
                if row["constant"]:  # no run-to-run variation: the difference is exact
                    row.update(welch_t=np.nan, welch_df=np.nan, welch_p=np.nan,
                               diff_low=row["diff"], diff_high=row["diff"])
                elif len(a) >= 2 and len(b) >= 2:
                    welch = stats.ttest_ind(a, b, equal_var=False)
                    ci = welch.confidence_interval(0.95)
                    row.update(welch_t=float(welch.statistic), welch_df=float(welch.df),
                               welch_p=float(welch.pvalue), diff_low=float(ci.low),
                               diff_high=float(ci.high))
                else:
                    row.update(welch_t=np.nan, welch_df=np.nan, welch_p=np.nan,
                               diff_low=np.nan, diff_high=np.nan)
                if len(a) >= 1 and len(b) >= 1:
                    mw = stats.mannwhitneyu(a, b, alternative="two-sided")
                    row.update(mw_u=float(mw.statistic), mw_p=float(mw.pvalue))
                else:
                    row.update(mw_u=np.nan, mw_p=np.nan)
                keys = ["replicate", "seed", *c["match"]]
                pairs = ref_runs[keys + [metric]].merge(other_runs[keys + [metric]], on=keys,
                                                        suffixes=("_ref", "_other"))
                pairs = pairs[np.isfinite(pairs[f"{metric}_ref"].astype(float))
                              & np.isfinite(pairs[f"{metric}_other"].astype(float))]
                row["n_pairs"] = len(pairs)
                x1 = pairs[f"{metric}_other"].to_numpy(float)
                x0 = pairs[f"{metric}_ref"].to_numpy(float)
                if len(pairs) >= 2 and np.ptp(x1 - x0) > 0:
                    paired = stats.ttest_rel(x1, x0)
                    pci = paired.confidence_interval(0.95)
                    row.update(paired_diff=float((x1 - x0).mean()),
                               paired_t=float(paired.statistic), paired_p=float(paired.pvalue),
                               paired_low=float(pci.low), paired_high=float(pci.high))
                else:  # fewer than 2 pairs, or every pair differs by the same amount
                    exact = float((x1 - x0)[0]) if len(pairs) else np.nan
                    row.update(paired_diff=exact, paired_t=np.nan, paired_p=np.nan,
                               paired_low=exact if len(pairs) >= 2 else np.nan,
                               paired_high=exact if len(pairs) >= 2 else np.nan)
            rows.append(row)
    table = pd.DataFrame(rows)
    for test in ("welch", "mw", "paired"):
        table[f"{test}_p_holm"] = np.nan
        for _, idx in table.groupby("metric").groups.items():
            table.loc[idx, f"{test}_p_holm"] = holm(table.loc[idx, f"{test}_p"])
    return table[columns]


# --- global sensitivity -------------------------------------------------------------------
def rebuild_sweep(manifest: dict):
    """The Sweep object of a manifest, for regenerating its design (no spec file needed)."""
    from .spec import Sweep

    spec = manifest.get("spec") or {}
    factors = {k: tuple(v) if manifest["design"] != "factorial" else list(v)
               for k, v in (manifest.get("factors") or {}).items()}
    return Sweep(path=Path(manifest.get("spec_file", "spec.toml")),
                 title=manifest.get("title", ""), design=manifest["design"],
                 replications=int(manifest["replications"]), years=float(manifest["years"]),
                 seed=int(manifest["root_seed"]), samples=int(spec.get("samples", 16)),
                 record_every=int(spec.get("record_every", 1)),
                 outputs=tuple(manifest.get("outputs", ())), base=manifest.get("fixed", {}),
                 factors=factors, scenarios=tuple(manifest.get("scenarios") or ()),
                 options=dict(spec.get("options", {})), raw=spec)


def salib_problem_from_manifest(manifest: dict) -> dict:
    names = list(manifest["factors"])
    return {"num_vars": len(names), "names": names,
            "bounds": [[float(v) for v in manifest["factors"][n]] for n in names]}


def point_means(res: Results) -> pd.DataFrame:
    """Mean over replicates of each metric, one row per design point (index = point)."""
    return res.done.groupby("point")[res.metrics].mean().reindex(range(res.n_points))


def seed_noise(res: Results) -> pd.DataFrame:
    """Each metric's variance split into seed noise and differences between design points.

    ``share``: the mean variance between replicates of a point (seed noise) over the
    variance of all single runs. ``share_of_means``: the seed noise left in replicate
    means (within-point variance / replicates) over the variance of the point means,
    which is what indices computed on means still contain. Needs 2+ replicates.
    """
    rows = []
    done = res.done
    for metric in res.metrics:
        groups = done.groupby("point")[metric]
        reps = groups.count()
        if reps.empty or reps.min() < 2:
            continue
        within = float(groups.var(ddof=1).mean())
        total = float(done[metric].var(ddof=1))
        means = groups.mean()
        between = float(means.var(ddof=1)) if len(means) > 1 else float("nan")
        r = float(reps.median())
        rows.append({"metric": metric, "points": int(len(reps)), "replicates": r,
                     "within_var": within, "total_var": total,
                     "share": within / total if total > 0 else float("nan"),
                     "share_of_means": (within / r) / between if between > 0 else float("nan")})
    return pd.DataFrame(rows)


def _design_matrix(res: Results) -> np.ndarray:
    """The design matrix regenerated from the manifest, checked against plan.parquet."""
    from .design import design_matrix

    names, matrix = design_matrix(rebuild_sweep(res.manifest))
    matrix = np.asarray(matrix, dtype=float)
    plan = res.plan().drop_duplicates("point").sort_values("point")
    if len(plan) != len(matrix):
        raise SpecError(f"the design regenerated from the manifest has {len(matrix)} points, "
                        f"the plan {len(plan)}")
    from model import PARAMETERS

    for j, name in enumerate(names):
        planned = plan[name].to_numpy(float)
        regenerated = matrix[:, j]
        if PARAMETERS[name].kind is int:
            regenerated = np.round(regenerated)
        if not np.allclose(planned, regenerated, rtol=1e-9, atol=1e-9):
            raise SpecError("the design regenerated from the manifest does not match "
                            "plan.parquet (another SALib/SciPy version?)")
    return matrix


def sobol_indices(res: Results) -> tuple[pd.DataFrame, pd.DataFrame]:
    """First-order and total Sobol indices (with 95% CIs) per metric and factor.

    Returns (first/total table, second-order table; the latter is empty unless the spec
    asked for options.second_order). Y is the per-point mean over replicates.
    """
    from SALib.analyze import sobol

    problem = salib_problem_from_manifest(res.manifest)
    second = bool(res.spec.get("options", {}).get("second_order", False))
    _design_matrix(res)  # the points are the Saltelli sample, in order
    means = point_means(res)
    rows, rows2 = [], []
    for metric in res.metrics:
        y = means[metric].to_numpy(float)
        if not np.all(np.isfinite(y)):
            res.notes.append(f"Sobol indices of {metric} not computed: "
                             f"{int((~np.isfinite(y)).sum())} design point(s) have no value "
                             "(failed or pending runs, or an undefined metric).")
            continue
        if np.ptp(y) == 0:
            res.notes.append(f"Sobol indices of {metric} not computed: it is the same at "
                             "every design point.")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            si = sobol.analyze(problem, y, calc_second_order=second, conf_level=0.95,
                               seed=res.root_seed % 2**32)
        for j, name in enumerate(problem["names"]):
            rows.append({"metric": metric, "factor": name, "kind": factor_kind(name),
                         "S1": si["S1"][j], "S1_low": si["S1"][j] - si["S1_conf"][j],
                         "S1_high": si["S1"][j] + si["S1_conf"][j], "S1_conf": si["S1_conf"][j],
                         "ST": si["ST"][j], "ST_low": si["ST"][j] - si["ST_conf"][j],
                         "ST_high": si["ST"][j] + si["ST_conf"][j], "ST_conf": si["ST_conf"][j]})
        if second:
            for j, a in enumerate(problem["names"]):
                for k in range(j + 1, len(problem["names"])):
                    rows2.append({"metric": metric, "factor_a": a,
                                  "factor_b": problem["names"][k], "S2": si["S2"][j, k],
                                  "S2_conf": si["S2_conf"][j, k]})
    return pd.DataFrame(rows), pd.DataFrame(rows2)


def morris_indices(res: Results) -> pd.DataFrame:
    """Morris screening per metric and factor: mu*, its 95% CI, mu and sigma."""
    from SALib.analyze import morris

    problem = salib_problem_from_manifest(res.manifest)
    x = _design_matrix(res)
    levels = int(res.spec.get("options", {}).get("num_levels", 4))
    means = point_means(res)
    rows = []
    for metric in res.metrics:
        y = means[metric].to_numpy(float)
        if not np.all(np.isfinite(y)):
            res.notes.append(f"Morris indices of {metric} not computed: "
                             f"{int((~np.isfinite(y)).sum())} design point(s) have no value.")
            continue
        if np.ptp(y) == 0:
            res.notes.append(f"Morris indices of {metric} not computed: it is the same at "
                             "every design point.")
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            si = morris.analyze(problem, x, y, conf_level=0.95, num_levels=levels,
                                seed=res.root_seed % 2**32)
        for j, name in enumerate(problem["names"]):
            rows.append({"metric": metric, "factor": name, "mu_star": si["mu_star"][j],
                         "mu_star_low": si["mu_star"][j] - si["mu_star_conf"][j],
                         "mu_star_high": si["mu_star"][j] + si["mu_star_conf"][j],
                         "mu_star_conf": si["mu_star_conf"][j], "mu": si["mu"][j],
                         "sigma": si["sigma"][j]})
    return pd.DataFrame(rows)


def rank_correlations(res: Results) -> pd.DataFrame:
    """Spearman rank correlation of each factor with each metric's per-point mean (LHS).

    95% CI by the Fisher z transform with the Fieller-Hartley-Pearson standard error
    1.06/sqrt(n-3); p from scipy.stats.spearmanr; p Holm-adjusted across factors per metric.
    """
    means = point_means(res)
    plan = res.plan().drop_duplicates("point").set_index("point").reindex(means.index)
    rows = []
    for metric in res.metrics:
        block = []
        for name in res.factors:
            x, y = plan[name].to_numpy(float), means[metric].to_numpy(float)
            ok = np.isfinite(x) & np.isfinite(y)
            n = int(ok.sum())
            rho, p = _nan_result()
            if n >= 3 and np.ptp(y[ok]) > 0 and np.ptp(x[ok]) > 0:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = stats.spearmanr(x[ok], y[ok])
                rho, p = float(r.statistic), float(r.pvalue)
            elif n >= 3 and np.ptp(y[ok]) == 0 and name == res.factors[0]:
                res.notes.append(f"Rank correlations of {metric} not computed: it is the same "
                                 "at every design point.")
            low = high = float("nan")
            if n > 3 and np.isfinite(rho):
                z, se = np.arctanh(np.clip(rho, -0.999999, 0.999999)), 1.06 / math.sqrt(n - 3)
                low, high = float(np.tanh(z - 1.96 * se)), float(np.tanh(z + 1.96 * se))
            block.append({"metric": metric, "factor": name, "n": n, "rho": rho,
                          "rho_low": low, "rho_high": high, "p": p})
        for row, adj in zip(block, holm([r["p"] for r in block])):
            row["p_holm"] = adj
        rows += block
    return pd.DataFrame(rows)


# --- how much: each factor's range ---------------------------------------------------------
BAND = 0.2   # the lowest and highest fifth of each factor's sampled range


def range_effects(res: Results) -> pd.DataFrame:
    """For sampled designs: how far each metric moves across each factor's range.

    Compares the runs whose factor value lies in the lowest fifth of its sampled
    range with those in the highest fifth, averaging over every other factor
    (they vary independently in the design): difference of means (high minus low)
    with Welch's 95% interval and p-value (scipy.stats.ttest_ind, equal_var=False).
    Sobol indices say which factor matters; this says by how much, in the metric's units.
    """
    bounds = res.manifest.get("factors") or {}
    rows = []
    for metric in res.metrics:
        for name in res.factors:
            if name not in bounds or len(bounds[name]) != 2:
                continue
            lo, hi = (float(v) for v in bounds[name])
            x = res.done[name].to_numpy(float)
            y = res.done[metric].to_numpy(float)
            width = (hi - lo) * BAND
            low = y[(x <= lo + width) & np.isfinite(y)]
            high = y[(x >= hi - width) & np.isfinite(y)]
            row = {"metric": metric, "factor": name, "low_band": f"{lo:g}-{lo + width:g}",
                   "high_band": f"{hi - width:g}-{hi:g}", "n_low": len(low), "n_high": len(high),
                   "mean_low": float(np.mean(low)) if len(low) else float("nan"),
                   "mean_high": float(np.mean(high)) if len(high) else float("nan")}
            row["diff"] = row["mean_high"] - row["mean_low"]
            row["ci_low"] = row["ci_high"] = row["p"] = float("nan")
            if len(low) > 1 and len(high) > 1 and (np.ptp(low) > 0 or np.ptp(high) > 0):
                test = stats.ttest_ind(high, low, equal_var=False)
                ci = test.confidence_interval(0.95)
                row.update(ci_low=float(ci.low), ci_high=float(ci.high), p=float(test.pvalue))
            rows.append(row)
    return pd.DataFrame(rows)


# --- everything ---------------------------------------------------------------------------
@dataclass
class Analysis:
    results: Results
    points: pd.DataFrame
    comparisons: pd.DataFrame
    sensitivity: pd.DataFrame          # Sobol, Morris or Spearman table (empty otherwise)
    sensitivity_kind: str              # 'sobol', 'morris', 'spearman' or ''
    second_order: pd.DataFrame = field(default_factory=pd.DataFrame)
    effects: pd.DataFrame = field(default_factory=pd.DataFrame)   # range_effects (sampled)
    noise: pd.DataFrame = field(default_factory=pd.DataFrame)     # seed_noise

    @property
    def notes(self) -> list:
        return self.results.notes


def analyze(folder, metrics=None, progress: bool = False, n_resamples: int = 9999) -> Analysis:
    """All the tables of a results folder (see the module docstring)."""
    res = load_results(folder, metrics)
    points = point_summary(res, progress=progress, n_resamples=n_resamples)
    comps = comparisons(res)
    kind, sens, second = "", pd.DataFrame(), pd.DataFrame()
    pending = int(res.manifest["runs_total"]) - len(res.runs)
    failed = int((res.runs["status"] != "done").sum())
    if failed or pending:
        res.notes.append(f"{failed} run(s) failed and {pending} are pending; the tables use "
                         f"the {len(res.done)} successful run(s).")
    try:
        if res.design == "sobol":
            kind = "sobol"
            sens, second = sobol_indices(res)
        elif res.design == "morris":
            kind = "morris"
            sens = morris_indices(res)
        elif res.design == "lhs":
            kind = "spearman"
            sens = rank_correlations(res)
    except SpecError as err:
        res.notes.append(f"Sensitivity indices not computed: {err}.")
    effects = range_effects(res) if res.design in ("sobol", "morris", "lhs") else pd.DataFrame()
    return Analysis(res, points, comps, sens, kind, second, effects, seed_noise(res))
