"""Calibrate the parameters the reported data can inform, by ABC rejection.

Approximate Bayesian computation (rejection; Beaumont et al. 2002, without the
regression adjustment): candidates are drawn from uniform priors by Latin
hypercube, each is run with replicates (common random numbers), and the
candidates whose mean summary statistics land closest to the reported figures
form the posterior sample. The model's defaults are the posterior medians,
rounded; tests/test_calibration.py checks that they match docs/calibration.json.

Reported figures (shared/data/reported_cases.csv), with the simulation's year 1
taken as 2016 (an assumption: the start of the center's community programme is
not reported):
- cases handled by the center in 2019-2022: 105, 94, 104 and 94 in eleven months
  (102.5 a year): simulated years 4-7, mean 101.4;
- about 7 accompanied community groups in Padang in 2019: the end of year 4.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import qmc
from tqdm import tqdm

from model import DEFAULTS, WEEKS_PER_YEAR, CollaborationModel

from .design import run_seed
from .executors import default_workers, run_local

#: (parameter, prior low, prior high, significant digits of the default)
FITTED = (
    ("incidents_per_week", 3.0, 12.0, 2),
    ("help_seeking", 0.15, 0.6, 2),
    ("hours_per_case_week", 3.0, 10.0, 2),
    ("cadre_yield", 0.001, 0.006, 2),
)
YEARS = 7
TARGET_CASES = float(np.mean([105, 94, 104, 94 * 12 / 11]))   # rows 2019-2022
TARGET_GROUPS = 7.0                                            # row 2019, groups in Padang
#: Scales of the distance: the reported year-to-year spread of cases (about 5) doubled,
#: and two groups.
SCALE_CASES = 10.0
SCALE_GROUPS = 2.0
CANDIDATES = 400
REPLICATES = 4
ACCEPT = 0.05
SEED = 2016


def calibration_run(task: dict) -> dict:
    """Summary statistics of one replicate of one candidate."""
    model = CollaborationModel(rng=task["seed"], **task["params"]).run(YEARS)
    df = model.datacollector.get_model_vars_dataframe()
    weeks = df.iloc[1:]
    year = np.arange(len(weeks)) // WEEKS_PER_YEAR + 1
    cases = weeks["intake"].groupby(year).sum()
    return {"candidate": task["candidate"], "rep": task["rep"],
            "cases": float(cases.loc[4:7].mean()),
            "groups": float(df["groups"].iloc[4 * WEEKS_PER_YEAR])}


def distance(cases: float, groups: float) -> float:
    return float(np.hypot((cases - TARGET_CASES) / SCALE_CASES,
                          (groups - TARGET_GROUPS) / SCALE_GROUPS))


def rounded(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def calibrate(candidates=CANDIDATES, replicates=REPLICATES, workers=None, progress=True):
    """Run the ABC rejection; return the candidates table and the accepted subset."""
    names = [f[0] for f in FITTED]
    lows = np.array([f[1] for f in FITTED])
    highs = np.array([f[2] for f in FITTED])
    unit = qmc.LatinHypercube(d=len(FITTED), rng=np.random.default_rng(SEED)).random(candidates)
    draws = qmc.scale(unit, lows, highs)
    tasks = [{"candidate": i, "rep": r, "seed": run_seed(SEED, 0, r, common=True),
              "params": dict(zip(names, map(float, row)))}
             for i, row in enumerate(draws) for r in range(replicates)]
    stats = np.zeros((candidates, 2))
    bar = tqdm(total=len(tasks), unit="run", desc="calibration", disable=not progress,
               file=sys.stderr)
    for result in run_local(tasks, workers or default_workers(), fn=calibration_run):
        stats[result["candidate"]] += (result["cases"] / replicates,
                                       result["groups"] / replicates)
        bar.update(1)
    bar.close()
    dist = np.array([distance(c, g) for c, g in stats])
    keep = np.argsort(dist)[:max(2, int(round(ACCEPT * candidates)))]
    table = {"names": names, "draws": draws.tolist(), "cases": stats[:, 0].tolist(),
             "groups": stats[:, 1].tolist(), "distance": dist.tolist(),
             "accepted": sorted(int(i) for i in keep)}
    return table


def posterior(table: dict) -> dict:
    """Median and 90% interval of each fitted parameter over the accepted candidates."""
    draws = np.array(table["draws"])[table["accepted"]]
    out = {}
    for j, (name, low, high, digits) in enumerate(FITTED):
        col = draws[:, j]
        out[name] = {"median": float(np.median(col)), "q05": float(np.quantile(col, 0.05)),
                     "q95": float(np.quantile(col, 0.95)), "prior": [low, high],
                     "default": rounded(float(np.median(col)), digits)}
    return out


def check_fit(params: dict, replicates=20, workers=None) -> dict:
    """Cases handled (years 4-7) and groups (end of year 4) at ``params``, over replicates."""
    tasks = [{"candidate": 0, "rep": r, "seed": run_seed(SEED + 1, 0, r, common=True),
              "params": params} for r in range(replicates)]
    rows = list(run_local(tasks, workers or default_workers(), fn=calibration_run))
    cases = np.array([r["cases"] for r in rows])
    groups = np.array([r["groups"] for r in rows])
    return {"replicates": replicates, "cases_mean": float(cases.mean()),
            "cases_sd": float(cases.std(ddof=1)), "groups_mean": float(groups.mean()),
            "groups_sd": float(groups.std(ddof=1))}


def write_report(table, post, fit, before, out: Path) -> None:
    """docs/calibration.md, docs/calibration.json and a figure of the posterior."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.parent.mkdir(parents=True, exist_ok=True)
    draws = np.array(table["draws"])
    acc = table["accepted"]
    fig, axes = plt.subplots(1, len(FITTED) + 1, figsize=(15, 3.2), constrained_layout=True)
    for j, (name, low, high, _) in enumerate(FITTED):
        ax = axes[j]
        ax.hist(draws[:, j], bins=20, range=(low, high), color="lightgrey", label="prior draws")
        ax.hist(draws[acc, j], bins=20, range=(low, high), color="tab:blue", label="accepted")
        ax.axvline(post[name]["default"], color="black", ls="--", lw=1)
        ax.set_xlabel(name)
    axes[0].legend(fontsize=7, frameon=False)
    ax = axes[-1]
    ax.scatter(draws[:, 0] * draws[:, 1], table["cases"], s=6, color="lightgrey")
    ax.scatter(draws[acc, 0] * draws[acc, 1], np.array(table["cases"])[acc], s=10,
               color="tab:blue")
    ax.axhline(TARGET_CASES, color="black", ls="--", lw=1)
    ax.set_xlabel("incidents_per_week x help_seeking")
    ax.set_ylabel("cases handled a year, years 4-7")
    image = out.parent / "calibration.png"
    fig.savefig(image, dpi=120)
    plt.close(fig)
    (out.parent / "calibration.json").write_text(json.dumps(
        {"posterior": post, "fit": fit, "fit_before": before, "targets":
         {"cases": TARGET_CASES, "groups": TARGET_GROUPS}, "table": table}, indent=1) + "\n")
    acc_draws = draws[acc]
    corr = np.corrcoef(acc_draws[:, 0], acc_draws[:, 1])[0, 1]
    lines = [
        "# Calibration", "",
        "Generated by `python run.py calibrate` (do not edit by hand).", "",
        "**What is fitted.** The parameters the reported data can inform: incidence "
        "(`incidents_per_week`), help-seeking (`help_seeking`), the center's capacity "
        "(`hours_per_case_week`, time per open case) and the growth of the community field "
        "(`cadre_yield`).", "",
        "**Targets** (rows of `shared/data/reported_cases.csv`; year 1 of a run is taken as "
        "2016, an assumption):", "",
        f"- cases handled by the center in 2019-2022 (105, 94, 104, and 94 in eleven months): "
        f"mean {TARGET_CASES:.1f} a year, compared with the mean of simulated years 4-7;",
        f"- about {TARGET_GROUPS:.0f} accompanied community groups in Padang in 2019: the "
        "number of groups at the end of simulated year 4.", "",
        "**Method.** Approximate Bayesian computation by rejection (Beaumont et al. 2002, "
        f"without regression adjustment). {len(draws)} candidates from uniform priors "
        f"(Latin hypercube, seed {SEED}), each run {REPLICATES} times for {YEARS} years with "
        "common random numbers; the summary statistics are the replicate means. Distance: "
        f"sqrt(((cases - {TARGET_CASES:.1f}) / {SCALE_CASES:g})^2 + ((groups - "
        f"{TARGET_GROUPS:g}) / {SCALE_GROUPS:g})^2). The {len(acc)} closest candidates "
        f"({ACCEPT:.0%}) form the posterior sample. Every other parameter keeps its default.",
        "",
        "| parameter | prior | posterior median | 90% interval | default set |",
        "|---|---|---|---|---|"]
    for name, low, high, _ in FITTED:
        q = post[name]
        lines.append(f"| `{name}` | U({low:g}, {high:g}) | {q['median']:.4g} | "
                     f"[{q['q05']:.4g}, {q['q95']:.4g}] | {q['default']:g} |")
    lines += [
        "",
        f"Incidence and help-seeking trade off: among accepted candidates their correlation "
        f"is {corr:.2f}, and only their product (the survivors who seek help) is well "
        "informed by the case counts, as the right panel shows. The intervals are wide; the "
        "reported figures constrain the model only loosely.", "",
        "![posterior](calibration.png)", "",
        "**Fit of the defaults** (new seeds, "
        f"{fit['replicates']} replicates of {YEARS} years):", "",
        "| | target | defaults before this calibration | calibrated defaults |",
        "|---|---|---|---|",
        f"| cases handled a year, years 4-7 | {TARGET_CASES:.1f} | {before['cases_mean']:.1f} "
        f"± {before['cases_sd']:.1f} | {fit['cases_mean']:.1f} ± {fit['cases_sd']:.1f} |",
        f"| groups at the end of year 4 | {TARGET_GROUPS:g} | {before['groups_mean']:.1f} ± "
        f"{before['groups_sd']:.1f} | {fit['groups_mean']:.1f} ± {fit['groups_sd']:.1f} |",
        "", "(mean ± standard deviation over replicates)", "",
        "Reference: Beaumont, M. A., Zhang, W. and Balding, D. J. (2002). Approximate "
        "Bayesian computation in population genetics. Genetics 162(4): 2025-2035.", ""]
    out.write_text("\n".join(lines))


def run_calibration(out: Path, workers=None, progress=True) -> dict:
    table = calibrate(workers=workers, progress=progress)
    post = posterior(table)
    before = check_fit({}, workers=workers)
    fit = check_fit({name: q["default"] for name, q in post.items()}, workers=workers)
    write_report(table, post, fit, before, out)
    return {"posterior": post, "fit": fit, "before": before,
            "current_defaults": {name: DEFAULTS[name] for name, *_ in FITTED}}
