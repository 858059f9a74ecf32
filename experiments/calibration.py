"""Calibrate the parameters the reported figures can inform, by ABC-SMC (pyabc).

Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009;
pyabc, Schälte et al. 2022) with an adaptive distance (pyabc's
AdaptivePNormDistance: each summary statistic is scaled anew each generation).
Each particle is run Budget.replicates times from the founding (start_year) to 2023 with
common random numbers (the same seeds for every particle), and its summary
statistics are the replicate means. Targets are reported rows (experiments/reported.py),
chosen so that demand and capacity are informed separately: agencies' counts
(UPTD PPA, DP3AP2KB) measure survivors reaching agencies, which depends on demand
only; the center's cases handled depend on demand and its capacity. The provincial
SIMFONI rows are not targets: they count all of West Sumatra, not the model's
catchment, and they rise threefold from 2021 to 2023 (a reporting system growing,
which no parameter here stands for).

Diagnostics: prior-to-posterior shrinkage, posterior correlations, posterior
predictive checks; the seed noise of the distance against the final epsilon; an
out-of-sample check (fit without HELD_OUT, predict those rows); and a comparison
of the defaults before and after, so that defaults change only if they fit better.
Every sentence of the report that states a result is computed from the numbers
(``text_*`` functions, tested in tests/test_reports_text.py).
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from model import DEFAULTS

from .history import history_years, run_value
from .replicates import run_replicates
from .reported import CENTER, pick

#: (parameter, prior low, prior high, significant digits of a default). Names in one
#: place, to update with the model.
PRIORS = (
    ("incidents_per_week", 3.0, 20.0, 2),
    ("help_seeking", 0.15, 0.9, 2),
    ("hours_per_case_week", 3.0, 10.0, 2),
    ("cadre_yield", 0.0002, 0.004, 2),
)
SEED = 2016


@dataclass(frozen=True)
class Target:
    """A reported row, fitted under ``key``; a run measures it as validation does
    (experiments/history.py ``run_value``: cases handled, groups at the year's end, or
    the cases an agency received, its ``seen_`` column).
    """

    key: str
    scope: str
    measure: str
    year: int

    @property
    def figure(self):
        return pick(self.scope, self.measure, self.year)


TARGETS = (
    Target("cases_2013", CENTER, "cases handled", 2013),
    Target("cases_2019", CENTER, "cases handled", 2019),
    Target("cases_2020", CENTER, "cases handled", 2020),
    Target("cases_2021", CENTER, "cases handled", 2021),
    Target("cases_2022", CENTER, "cases handled", 2022),
    Target("groups_2019", CENTER, "community groups in Padang", 2019),
    Target("uptd_province_2018", "West Sumatra province UPTD PPA", "cases received", 2018),
    Target("dp3ap2kb_city_2020", "Padang city DP3AP2KB", "cases", 2020),
    Target("dp3ap2kb_city_2021", "Padang city DP3AP2KB", "cases", 2021),
)
#: Rows left out of the out-of-sample fit and predicted by it.
HELD_OUT = ("cases_2021", "dp3ap2kb_city_2021")


@dataclass(frozen=True)
class Budget:
    """How much the calibration runs: per fit, and for the checks after it."""

    population: int = 60          # particles per generation
    replicates: int = 6           # runs per particle (common random numbers)
    generations: int = 8          # at most
    max_simulations: int = 600    # particles evaluated per fit, at most
    predictive: int = 60          # posterior draws for the predictive checks
    check_replicates: int = 20    # runs for the before/after comparison of defaults
    noise_sets: int = 10          # replicate sets for the seed noise of the distance


FULL = Budget()
QUICK = Budget(population=8, replicates=1, generations=2, max_simulations=40, predictive=8,
               check_replicates=3, noise_sets=3)


def observed(targets=TARGETS) -> dict:
    return {t.key: float(t.figure.value) for t in targets}


# --- what one run reports ------------------------------------------------------------------
class TargetMeasure:
    """Every target's simulated value in one run, read off the weekly series.

    Each over the same weeks as its reported row, as validation reads it.
    """

    def __call__(self, model) -> dict:
        frame = model.datacollector.get_model_vars_dataframe()
        out = {}
        for t in TARGETS:
            value = run_value(frame, t.figure)
            out[t.key] = np.nan if value is None else value
        return out


def simulate(params: dict, replicates: int, root: int = SEED) -> pd.DataFrame:
    """Runs at ``params`` from the founding to HISTORY_END: one row per replicate."""
    years = history_years(DEFAULTS["start_year"])
    return run_replicates({"fit": dict(params)}, replicates, root, TargetMeasure(),
                          years=years, workers=1, progress=False)


@dataclass(frozen=True)
class ParticleModel:
    """The model as pyabc sees it: parameters in, replicate-mean statistics out."""

    replicates: int
    keys: tuple

    def __call__(self, parameters) -> dict:
        params = {name: float(parameters[name]) for name, *_ in PRIORS}
        table = simulate(params, self.replicates)
        return {k: float(table[k].mean()) for k in self.keys}


# --- the fit --------------------------------------------------------------------------------
def _sampler(workers, scheduler):
    from pyabc.sampler import (DaskDistributedSampler, MulticoreEvalParallelSampler,
                               SingleCoreSampler)

    if scheduler:
        from .executors import connect

        return DaskDistributedSampler(dask_client=connect(scheduler), batch_size=2)
    if workers == 1:
        return SingleCoreSampler()
    from .executors import default_workers

    return MulticoreEvalParallelSampler(n_procs=workers or default_workers())


@dataclass
class Fit:
    """A fitted posterior: weighted particles and what the fit ended with."""

    targets: tuple
    particles: pd.DataFrame          # one row per particle: parameters
    weights: np.ndarray
    epsilons: list
    simulations: int
    distance: object = field(repr=False, default=None)
    generation: int = 0


def fit(targets=TARGETS, budget: Budget = FULL, workers=None, scheduler=None, progress=True,
        desc="ABC-SMC", db_dir: Path | None = None) -> Fit:
    """Run ABC-SMC against ``targets``; the database is a sqlite file in a temporary folder."""
    import logging

    import pyabc

    for name in ("ABC", "Sampler", "Distance", "Epsilon", "Acceptor", "History"):
        logging.getLogger(f"ABC.{name}").setLevel(logging.WARNING)
        logging.getLogger(name).setLevel(logging.WARNING)
    prior = pyabc.Distribution(**{name: pyabc.RV("uniform", low, high - low)
                                  for name, low, high, _ in PRIORS})
    keys = tuple(t.key for t in targets)
    distance = pyabc.AdaptivePNormDistance(p=2)
    np.random.seed(SEED)               # pyabc draws from numpy's global generator
    abc = pyabc.ABCSMC(ParticleModel(budget.replicates, keys), prior, distance,
                       population_size=budget.population, sampler=_sampler(workers, scheduler))
    with tempfile.TemporaryDirectory(dir=db_dir) as tmp:
        abc.new(f"sqlite:///{Path(tmp) / 'abc.db'}", observed(targets))
        bar = tqdm(total=budget.generations, unit="generation", desc=desc,
                   disable=not progress, file=sys.stderr)
        bar.set_postfix_str(f"sampling {budget.population} particles from the prior to scale "
                            "the distance")
        try:
            t = abc.initialize_components_before_run(
                minimum_epsilon=0.0, max_nr_populations=budget.generations,
                min_acceptance_rate=0.0, max_total_nr_simulations=budget.max_simulations,
                max_walltime=None, min_eps_diff=0.0)
            while True:
                ret = abc.run_generation(t=t)
                bar.update(1)
                bar.set_postfix(eps=f"{abc.eps(t):.3g}", accepted=f"{ret['acceptance_rate']:.2f}")
                if not ret["successful"] or abc.check_terminate(
                        t=t, acceptance_rate=ret["acceptance_rate"]):
                    break
                t += 1
        finally:
            bar.close()
            abc.sampler.stop()
        history = abc.history
        particles, weights = history.get_distribution(m=0, t=history.max_t)
        populations = history.get_all_populations()
        epsilons = [float(e) for e in populations["epsilon"].iloc[1:]]
        simulations = int(populations["samples"].sum())
        generation = int(history.max_t)
        history.done()
    particles = particles[[name for name, *_ in PRIORS]].reset_index(drop=True)
    return Fit(tuple(targets), particles, np.asarray(weights, dtype=float), epsilons,
               simulations, distance, generation)


# --- diagnostics ---------------------------------------------------------------------------------
def weighted_quantile(values, weights, q: float) -> float:
    order = np.argsort(values)
    v, w = np.asarray(values)[order], np.asarray(weights)[order]
    cdf = (np.cumsum(w) - 0.5 * w) / w.sum()
    return float(np.interp(q, cdf, v))


def posterior_summary(f: Fit) -> dict:
    """Median, 90% interval, shrinkage (1 - posterior var / prior var) of each parameter."""
    out = {}
    w = f.weights / f.weights.sum()
    for name, low, high, digits in PRIORS:
        x = f.particles[name].to_numpy()
        mean = float(np.sum(w * x))
        var = float(np.sum(w * (x - mean) ** 2))
        median = weighted_quantile(x, w, 0.5)
        out[name] = {"median": median, "q05": weighted_quantile(x, w, 0.05),
                     "q95": weighted_quantile(x, w, 0.95), "prior": [low, high],
                     "shrinkage": 1 - var / ((high - low) ** 2 / 12),
                     "default": float(f"{median:.{digits}g}")}
    return out


def correlations(f: Fit) -> dict:
    """Weighted correlation of every pair of fitted parameters in the posterior."""
    names = [name for name, *_ in PRIORS]
    x = f.particles[names].to_numpy()
    cov = np.cov(x, rowvar=False, aweights=f.weights)
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    return {f"{a} ~ {b}": float(corr[i, j]) for i, a in enumerate(names)
            for j, b in enumerate(names) if i < j}


def predictive(f: Fit, draws: int, workers=None, scheduler=None, progress=True,
               root: int = SEED + 7) -> pd.DataFrame:
    """Posterior predictive runs: ``draws`` particles resampled by weight, one new run each.

    Every draw has its own seed (not the fit's), so the spread includes seed noise as
    well as posterior uncertainty.
    """
    rng = np.random.default_rng(root)
    picks = rng.choice(len(f.particles), size=draws, p=f.weights / f.weights.sum())
    arms = {f"draw {i}": {k: float(v) for k, v in f.particles.iloc[j].items()}
            for i, j in enumerate(picks)}
    table = run_replicates(arms, 1, root, TargetMeasure(),
                           years=history_years(DEFAULTS["start_year"]),
                           executor=scheduler, workers=workers, progress=progress,
                           desc="posterior predictive", common=False)
    return table


def predictive_checks(table: pd.DataFrame, targets=TARGETS, level: float = 0.9) -> list[dict]:
    """For each target: observed, predictive median and central ``level`` interval, inside?"""
    rows = []
    tail = (1 - level) / 2
    for t in targets:
        x = table[t.key].to_numpy(dtype=float)
        low, high = float(np.nanquantile(x, tail)), float(np.nanquantile(x, 1 - tail))
        obs = float(t.figure.value)
        rows.append({"target": t.key, "label": t.figure.label,
                     "observed": obs, "median": float(np.nanmedian(x)), "low": low,
                     "high": high, "inside": bool(low <= obs <= high)})
    return rows


def seed_noise(f: Fit, params: dict, budget: Budget) -> dict:
    """The distance between independent replicate sets at the same parameters (final weights).

    Pure seed noise: how far the fit's distance would put a particle from itself.
    """
    keys = [t.key for t in f.targets]
    n = budget.replicates
    table = run_replicates({"noise": params}, n * budget.noise_sets, SEED + 11,
                           TargetMeasure(), years=history_years(DEFAULTS["start_year"]),
                           workers=1, progress=False)
    means = [table.iloc[i * n:(i + 1) * n][keys].mean().to_dict()
             for i in range(budget.noise_sets)]
    dists = [float(f.distance(means[i], means[i + 1], t=f.generation))
             for i in range(0, budget.noise_sets - 1)]
    return {"median": float(np.median(dists)), "max": float(np.max(dists)),
            "sets": budget.noise_sets, "replicates": n}


def relative_error(table: pd.DataFrame, targets) -> float:
    """Root mean square of (simulated mean - observed) / observed over ``targets``."""
    errs = [(table[t.key].mean() - t.figure.value) / t.figure.value for t in targets]
    return float(np.sqrt(np.mean(np.square(errs))))


#: Below this shrinkage the targets barely inform a parameter ("not informed" in
#: text_identifiability).
NOT_INFORMED = 0.2


def kept_as_is(q: dict, default: float) -> bool:
    """A default the fit cannot improve on: the targets barely inform the parameter, and the
    default lies inside its 90% posterior interval (its posterior median is mostly the prior's)."""
    return q["shrinkage"] < NOT_INFORMED and q["q05"] <= default <= q["q95"]


def proposed_defaults(post: dict, current: dict) -> dict:
    """The rounded posterior median of each parameter, except defaults kept as they are."""
    return {name: value if kept_as_is(post[name], value) else post[name]["default"]
            for name, value in current.items()}


def compare_defaults(post: dict, budget: Budget, workers=None, scheduler=None,
                     progress=True) -> dict:
    """Fit of the current defaults and of the proposed ones (new seeds, same for both)."""
    current = {name: float(DEFAULTS[name]) for name, *_ in PRIORS}
    proposed = proposed_defaults(post, current)
    table = run_replicates({"current": current, "proposed": proposed}, budget.check_replicates,
                           SEED + 1, TargetMeasure(),
                           years=history_years(DEFAULTS["start_year"]), executor=scheduler,
                           workers=workers, progress=progress, desc="defaults: before/after")
    out = {"current": current, "proposed": proposed, "replicates": budget.check_replicates,
           "medians": {name: post[name]["default"] for name in current}}
    for arm in ("current", "proposed"):
        part = table[table["arm"] == arm]
        out[f"{arm}_error"] = relative_error(part, TARGETS)
        out[f"{arm}_means"] = {t.key: float(part[t.key].mean()) for t in TARGETS}
    out["change"] = bool(out["proposed_error"] < out["current_error"])
    out["recommended"] = proposed if out["change"] else current
    return out


# --- sentences computed from the numbers -----------------------------------------------------------
def text_identifiability(post: dict, corr: dict, threshold: float = 0.5) -> str:
    """Which parameters the targets inform (shrinkage) and which trade off (correlation)."""
    groups = {"well informed": [], "weakly informed": [], "not informed": []}
    for name, q in post.items():
        s = q["shrinkage"]
        key = ("well informed" if s >= 0.5 else "weakly informed" if s >= NOT_INFORMED
               else "not informed")
        groups[key].append(f"`{name}` ({s:.2f})")
    parts = [f"{label}: {', '.join(names)}" for label, names in groups.items() if names]
    text = ("Shrinkage of the posterior variance against the prior's (1 is fully informed, 0 "
            "not at all): " + "; ".join(parts) + ".")
    strong = {k: v for k, v in corr.items() if abs(v) >= threshold}
    if strong:
        text += " Parameters that trade off (posterior correlation |r| ≥ " \
                f"{threshold:g}): " + ", ".join(f"{k.replace(' ~ ', ' and ')} (r = {v:+.2f})"
                                                for k, v in strong.items()) + "."
    else:
        biggest = max(corr.items(), key=lambda kv: abs(kv[1]))
        text += (f" No pair of parameters correlates beyond |r| = {threshold:g} in the "
                 f"posterior (largest: {biggest[0].replace(' ~ ', ' and ')}, "
                 f"r = {biggest[1]:+.2f}).")
    return text


def text_noise(noise: dict, epsilon: float) -> str:
    ratio = noise["median"] / epsilon if epsilon > 0 else float("inf")
    verdict = ("well below" if ratio < 0.5 else "below" if ratio < 1 else "not below")
    return (f"Seed noise: two independent sets of {noise['replicates']} replicate"
            f"{'s' if noise['replicates'] != 1 else ''} at the same "
            f"parameters are a median distance {noise['median']:.3g} apart (largest "
            f"{noise['max']:.3g}, {noise['sets']} sets), {ratio:.2f} times the final acceptance "
            f"threshold ε = {epsilon:.3g}: {verdict} it.")


def text_coverage(rows: list[dict], level: float = 0.9) -> str:
    inside = [r for r in rows if r["inside"]]
    text = (f"{len(inside)} of {len(rows)} held-out rows lie inside their {level:.0%} "
            f"predictive interval (coverage {len(inside) / len(rows):.0%}).")
    outside = [r for r in rows if not r["inside"]]
    if outside:
        text += " Outside: " + "; ".join(
            f"{r['label']} (reported {r['observed']:g}, predicted {r['low']:.4g}-"
            f"{r['high']:.4g})" for r in outside) + "."
    return text


def medians_of(cmp: dict) -> dict:
    """The rounded posterior medians of a defaults comparison.

    Results written before 2026-11-29 have no "medians": they proposed the medians.
    """
    return cmp.get("medians") or cmp.get("proposed") or cmp["recommended"]


def text_defaults(cmp: dict) -> str:
    better = cmp["proposed_error"] < cmp["current_error"]
    proposed = cmp.get("proposed", {})
    medians = medians_of(cmp) if proposed else {}
    kept = [n for n, v in proposed.items() if float(v) != float(medians[n])]
    what = "the posterior medians" if not kept else (
        "the proposed values (the posterior medians, with " + ", ".join(f"`{n}`" for n in kept)
        + " kept at the default: kept_as_is)")
    return (f"Over {cmp['replicates']} new replicates, the defaults of the time of the fit miss "
            "the targets by "
            f"a root-mean-square relative error of {cmp['current_error']:.3f} and {what} by "
            f"{cmp['proposed_error']:.3f}: "
            + (f"{what} fit better, so they are the recommended defaults." if better
               else f"{what} do not fit better, so the defaults stay."))


def text_adoption(cmp: dict, defaults, post: dict) -> str:
    """How the model's defaults now stand to the fit's recommendation (read at rendering).

    A default that is not the posterior median because the fit cannot improve on it
    (kept_as_is) is named with the numbers that say why.
    """
    medians = medians_of(cmp)
    names = list(cmp["recommended"])
    now = {n: float(defaults[n]) for n in names}
    off_median = [n for n in names if now[n] != float(medians[n]) and kept_as_is(post[n], now[n])]
    differ = [n for n in names if now[n] != float(cmp["recommended"][n]) and n not in off_median]
    adopted = [n for n in names if now[n] == float(cmp["recommended"][n])
               and now[n] != float(cmp["current"][n])]
    parts = []
    if differ:
        parts.append("The model's defaults now differ from the recommended values for "
                     + ", ".join(f"`{n}` ({now[n]:g} against {float(cmp['recommended'][n]):g})"
                                 for n in differ) + ".")
    elif not adopted:
        parts.append("The model's defaults now are the defaults of the time of the fit.")
    elif not off_median:        # every default is its recommended value, some were adopted
        parts.append("The model's defaults now are the recommended values: they were adopted "
                     "after this fit (model/parameters.py).")
    if adopted and (differ or off_median):
        parts.append("The recommended values of " + ", ".join(f"`{n}`" for n in adopted)
                     + " were adopted as defaults after this fit (model/parameters.py).")
    parts += [f"`{n}` is not set to its posterior median {float(medians[n]):g}: the targets "
              f"barely inform it (shrinkage {post[n]['shrinkage']:.2f}, below {NOT_INFORMED:g}) "
              f"and its default {now[n]:g} lies inside its 90% posterior interval "
              f"[{post[n]['q05']:.4g}, {post[n]['q95']:.4g}]." for n in off_median]
    return " ".join(parts)


def text_checks(rows: list[dict], level: float = 0.9) -> str:
    inside = sum(r["inside"] for r in rows)
    return (f"{inside} of {len(rows)} targets lie inside their {level:.0%} posterior predictive "
            "interval.")


# --- the whole calibration and its report -------------------------------------------------------------
def run_calibration(out: Path, workers=None, scheduler=None, progress=True,
                    budget: Budget = FULL) -> dict:
    """Fit, check, fit without the held-out rows, predict them; write the report."""
    full = fit(TARGETS, budget, workers, scheduler, progress, desc="ABC-SMC, all targets")
    post = posterior_summary(full)
    corr = correlations(full)
    ppc = predictive_checks(predictive(full, budget.predictive, workers, scheduler, progress))
    noise = seed_noise(full, {k: q["median"] for k, q in post.items()}, budget)
    in_sample = tuple(t for t in TARGETS if t.key not in HELD_OUT)
    held = tuple(t for t in TARGETS if t.key in HELD_OUT)
    oos_fit = fit(in_sample, budget, workers, scheduler, progress,
                  desc="ABC-SMC, held-out rows left out")
    oos = predictive_checks(predictive(oos_fit, budget.predictive, workers, scheduler,
                                       progress, root=SEED + 13), held)
    cmp = compare_defaults(post, budget, workers, scheduler, progress)
    result = {"budget": asdict(budget), "posterior": post, "correlations": corr,
              "epsilons": full.epsilons, "simulations": full.simulations,
              "noise": noise, "checks": ppc, "out_of_sample": oos,
              "out_of_sample_posterior": posterior_summary(oos_fit), "defaults": cmp,
              "targets": {t.key: {"value": t.figure.value, "source": t.figure.source,
                                  "label": t.figure.label} for t in TARGETS},
              "held_out": list(HELD_OUT)}
    write_report(result, out)
    return result


def write_report(result: dict, out: Path) -> None:
    """docs/calibration.md and docs/calibration.json (all numbers behind every sentence)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    (out.parent / "calibration.json").write_text(json.dumps(result, indent=1) + "\n")
    out.write_text(report_markdown(result))


def render_report(out: Path) -> dict:
    """Write ``out`` anew from the calibration.json beside it, without fitting again.

    The numbers are those of the fit; only the comparison with today's defaults
    is read now.
    """
    source = out.parent / "calibration.json"
    try:
        result = json.loads(source.read_text())
    except FileNotFoundError:
        raise ValueError(f"{source}: no calibration results to render; run "
                         "'python run.py calibrate' first") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{source}, line {err.lineno}: not valid JSON ({err.msg})") from None
    if not isinstance(result, dict):
        raise ValueError(f"{source}: not a calibration result (a JSON object is expected)")
    missing = [key for key in REPORT_KEYS if key not in result]
    if missing:
        raise ValueError(f"{source}: not a calibration result (missing {', '.join(missing)})")
    try:
        text = report_markdown(result)
    except KeyError as err:
        raise ValueError(f"{source}: cannot be rendered: {err.args[0]!r} is missing, in the "
                         "file or among today's parameters") from None
    except (TypeError, AttributeError, ValueError) as err:
        raise ValueError(f"{source}: cannot be rendered: {err}") from None
    out.write_text(text)
    return result


#: Keys a calibration result must have for its report to be rendered.
REPORT_KEYS = ("budget", "posterior", "correlations", "epsilons", "simulations", "noise",
               "checks", "out_of_sample", "defaults", "targets", "held_out")


def report_markdown(result: dict) -> str:
    b = result["budget"]
    post, cmp = result["posterior"], result["defaults"]
    eps = result["epsilons"][-1] if result["epsilons"] else float("nan")
    lines = [
        "# Calibration", "",
        "Generated by `python run.py calibrate` (do not edit by hand; `--scheduler ADDRESS` "
        "runs it on a Dask cluster).", "",
        "**Method.** ABC-SMC (pyabc) with an adaptive distance (each summary statistic "
        "rescaled every generation), uniform priors, "
        f"{b['population']} particles a generation, at most {b['generations']} generations and "
        f"{b['max_simulations']} particles per fit. Each particle is run {b['replicates']} "
        f"time{'s' if b['replicates'] != 1 else ''} from the founding to 2023 with common "
        "random numbers; its statistics are the replicate means. This fit evaluated "
        f"{result['simulations']} particles over "
        f"{len(result['epsilons'])} generations; ε went "
        + " → ".join(f"{e:.3g}" for e in result["epsilons"]) + ".", "",
        text_noise(result["noise"], eps), "",
        "**Targets** (reported rows, experiments/reported.py). Agencies' counts inform demand "
        "(survivors reaching agencies); the center's cases handled inform demand and "
        "capacity together.", "",
        "| target | reported row | value | source |", "|---|---|---|---|"]
    for key, t in result["targets"].items():
        held = " (held out in the out-of-sample fit)" if key in result["held_out"] else ""
        lines.append(f"| `{key}`{held} | {t['label']} | {t['value']:g} | {t['source']} |")
    lines += ["", "## Posterior", "",
              "| parameter | prior | posterior median | 90% interval | shrinkage |",
              "|---|---|---|---|---|"]
    for name, q in post.items():
        lines.append(f"| `{name}` | U({q['prior'][0]:g}, {q['prior'][1]:g}) | "
                     f"{q['median']:.4g} | [{q['q05']:.4g}, {q['q95']:.4g}] | "
                     f"{q['shrinkage']:.2f} |")
    lines += ["", "## Identifiability", "",
              text_identifiability(post, result["correlations"]), "",
              "| pair | posterior correlation |", "|---|---|"]
    lines += [f"| {k} | {v:+.2f} |" for k, v in result["correlations"].items()]
    lines += ["", "## Posterior predictive checks", "",
              text_checks(result["checks"]) + f" ({b['predictive']} draws from the posterior, "
              "one new run each, so the intervals include seed noise.)", "",
              "| target | reported | predictive median | 90% interval | inside |",
              "|---|---|---|---|---|"]
    lines += [f"| {r['label']} | {r['observed']:g} | {r['median']:.4g} | "
              f"[{r['low']:.4g}, {r['high']:.4g}] | {'yes' if r['inside'] else 'no'} |"
              for r in result["checks"]]
    lines += ["", "## Out-of-sample check", "",
              f"The fit was repeated without the rows {', '.join(result['held_out'])}, and "
              "those rows were predicted from its posterior.", "",
              text_coverage(result["out_of_sample"]), "",
              "| held-out row | reported | predictive median | 90% interval | inside |",
              "|---|---|---|---|---|"]
    lines += [f"| {r['label']} | {r['observed']:g} | {r['median']:.4g} | "
              f"[{r['low']:.4g}, {r['high']:.4g}] | {'yes' if r['inside'] else 'no'} |"
              for r in result["out_of_sample"]]
    lines += ["", "## Defaults", "", text_defaults(cmp) + " " + text_adoption(cmp, DEFAULTS, post), "",
              "| parameter | default at the fit | posterior median (rounded) | recommended | "
              "default now |", "|---|---|---|---|---|"]
    medians = medians_of(cmp)
    lines += [f"| `{name}` | {cmp['current'][name]:g} | {medians[name]:g} | "
              f"{cmp['recommended'][name]:g} | {float(DEFAULTS[name]):g} |"
              for name in cmp["current"]]
    lines += ["", "References: Toni, T. et al. (2009). Approximate Bayesian computation scheme "
              "for parameter inference and model selection in dynamical systems. J. R. Soc. "
              "Interface 6: 187-202. Schälte, Y. et al. (2022). pyABC: Efficient and robust "
              "easy-to-use approximate Bayesian computation. JOSS 7(74): 4304.", ""]
    return "\n".join(lines)
