"""Run the pattern experiments, test each outcome, and write docs/validation.md.

Every outcome is a paired comparison (arms share seeds replicate by replicate):
the paired t-test (scipy.stats.ttest_rel) with Holm's correction within a
pattern, the mean paired difference with its 95% t interval, and Cohen's d_z
(mean difference over the standard deviation of the differences). An outcome is
reproduced when the difference has the expected sign and the adjusted p < 0.05;
a pattern is reproduced when all its outcomes are. A pattern that fails is
reported with what the model does instead: thresholds and seeds are never tuned.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import stats
from tqdm import tqdm

from model import WEEKS_PER_YEAR, CollaborationModel

from .design import run_seed
from .executors import default_workers, run_local
from .patterns import PATTERNS, Pattern

FULL_REPLICATIONS = 50
QUICK_REPLICATIONS = 12
FULL_SEED = 20051111        # Grimm et al. 2005 appeared on 11 November 2005
QUICK_SEED = 7
ALPHA = 0.05

#: One-at-a-time robustness check: (parameter, low, high) around the baseline.
ROBUSTNESS = (
    ("incidents_per_week", 4.0, 10.0),
    ("help_seeking", 0.2, 0.5),
    ("hours_per_case_week", 4.0, 9.0),
    ("trust_forgetting", 0.95, 0.995),
    ("contact_evidence", 0.05, 0.4),
    ("tie_decay", 0.003, 0.03),
    ("conflict_rate_per_year", 0.3, 3.0),
)
ROBUST_REPLICATIONS = 20


def validation_run(task: dict) -> dict:
    """One replicate of one arm: run with its interventions, return the needed columns."""
    model = CollaborationModel(rng=task["seed"], **task["params"])
    events = sorted(task["events"], key=lambda e: e[0])
    steps = round(task["years"] * WEEKS_PER_YEAR)
    for week in range(1, steps + 1):
        for when, kind, arg in events:
            if when == week - 1:           # take effect from the week after `when`
                if kind == "change":
                    model.change(**arg)
                elif kind == "lose_staff":
                    model.lose_staff(arg)
        model.step()
    df = model.datacollector.get_model_vars_dataframe()
    df["closed_total"] = df["closed_good"] + df["closed_poor"]
    return {"key": task["key"], "arm": task["arm"], "rep": task["rep"],
            "series": {c: df[c].to_numpy() for c in task["columns"]}}


def tasks_for(pattern: Pattern, replications: int, root: int, extra: dict | None = None):
    columns = sorted(set(pattern.columns) | {pattern.plot})
    for arm in pattern.arms:
        for rep in range(replications):
            yield {"key": pattern.key, "arm": arm.name, "rep": rep,
                   "seed": run_seed(root, 0, rep, common=True),
                   "params": {**(extra or {}), **arm.params}, "events": list(arm.events),
                   "years": pattern.years, "columns": columns}


@dataclass
class OutcomeResult:
    pattern: str
    label: str
    expect: str
    n: int
    mean_a: float
    mean_b: float
    diff: float
    ci: tuple
    sd_diff: float
    d_z: float
    t: float
    p: float
    sign: float                 # +1 when the expected difference is positive, -1 otherwise
    p_holm: float = float("nan")
    reproduced: bool = False


def evaluate(pattern: Pattern, runs: dict) -> list[OutcomeResult]:
    """Test each outcome of ``pattern`` on ``runs[arm][rep] -> series``."""
    results = []
    for o in pattern.outcomes:
        reps = sorted(set(runs[o.arm_a]) & set(runs[o.arm_b]))
        if o.expect == "recovers":
            a = np.array([o.measure_a(runs[o.arm_a][r]) - o.measure_a(runs[o.arm_b][r])
                          for r in reps])
            b = np.array([o.measure_b(runs[o.arm_a][r]) - o.measure_b(runs[o.arm_b][r])
                          for r in reps])
            sign = -1.0
        else:
            a = np.array([o.measure_a(runs[o.arm_a][r]) for r in reps])
            b = np.array([o.measure_b(runs[o.arm_b][r]) for r in reps])
            sign = 1.0 if o.expect == "greater" else -1.0
        keep = ~(np.isnan(a) | np.isnan(b))
        a, b = a[keep], b[keep]
        d = a - b
        n = len(d)
        sd = float(np.std(d, ddof=1)) if n > 1 else float("nan")
        if n > 1 and sd > 0:
            t, p = stats.ttest_rel(a, b)
            half = stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n)
            d_z = float(np.mean(d) / sd)
        else:  # identical in every pair: no test, the difference is exact
            t, p, half = float("nan"), (0.0 if n and np.mean(d) != 0 else 1.0), 0.0
            d_z = float("nan")
        results.append(OutcomeResult(pattern.key, o.label, o.expect, n, float(np.mean(a)),
                                     float(np.mean(b)), float(np.mean(d)),
                                     (float(np.mean(d) - half), float(np.mean(d) + half)),
                                     sd, d_z, float(t), float(p), sign))
    # Holm's step-down correction within the pattern
    order = np.argsort([r.p for r in results])
    m = len(results)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * results[i].p))
        results[i].p_holm = running
    for r in results:
        r.reproduced = bool(r.p_holm < ALPHA and r.sign * r.diff > 0)
    return results


def run_patterns(replications: int, root: int, workers: int | None = None,
                 extra: dict | None = None, patterns=PATTERNS, progress=True, desc="runs"):
    """Run every arm of every pattern; return {key: {arm: {rep: series}}}."""
    tasks = [t for p in patterns for t in tasks_for(p, replications, root, extra)]
    runs = {p.key: {a.name: {} for a in p.arms} for p in patterns}
    bar = tqdm(total=len(tasks), unit="run", desc=desc, disable=not progress, file=sys.stderr)
    for result in run_local(tasks, workers or default_workers(), fn=validation_run):
        runs[result["key"]][result["arm"]][result["rep"]] = result["series"]
        bar.update(1)
    bar.close()
    return runs


def verdict(results: list[OutcomeResult]) -> str:
    ok = sum(r.reproduced for r in results)
    if ok == len(results):
        return "reproduced"
    return "partly reproduced" if ok else "not reproduced"


def describe_outcome(r: OutcomeResult) -> str:
    """What the model does, in words, for one outcome."""
    if r.reproduced:
        return "as expected"
    direction = "no clear difference" if r.p_holm >= ALPHA else (
        "the opposite direction" if r.sign * r.diff < 0 else "as expected")
    return f"{direction} (difference {r.diff:+.3g}, Holm p = {r.p_holm:.2g})"


def summary_json(evaluated: dict, replications: int, root: int) -> dict:
    """The statistics the quick CI check compares against."""
    return {"replications": replications, "root_seed": root, "alpha": ALPHA,
            "outcomes": [{"pattern": r.pattern, "label": r.label, "expect": r.expect,
                          "n": r.n, "diff": r.diff, "sd_diff": r.sd_diff, "d_z": r.d_z,
                          "p_holm": r.p_holm, "reproduced": r.reproduced}
                         for rs in evaluated.values() for r in rs]}


def robustness(workers=None, progress=True) -> list[dict]:
    """Which patterns hold when one parameter at a time moves to a low or a high value."""
    rows = []
    for name, low, high in ROBUSTNESS:
        for value in (low, high):
            runs = run_patterns(ROBUST_REPLICATIONS, FULL_SEED, workers, extra={name: value},
                                progress=progress, desc=f"{name}={value:g}")
            rows.append({"parameter": name, "value": value,
                         **{p.key: verdict(evaluate(p, runs[p.key])) for p in PATTERNS}})
    return rows


def plot_pattern(pattern: Pattern, runs: dict, target: Path) -> None:
    """The time course of the pattern's key variable in each arm: mean and 95% band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from model import MEANINGS

    fig, ax = plt.subplots(figsize=(6.4, 3.6), constrained_layout=True)
    for arm in pattern.arms:
        data = np.array([runs[arm.name][r][pattern.plot] for r in sorted(runs[arm.name])],
                        dtype=float)
        weeks = np.arange(data.shape[1]) / WEEKS_PER_YEAR
        mean = data.mean(axis=0)
        half = stats.t.ppf(0.975, len(data) - 1) * data.std(axis=0, ddof=1) / np.sqrt(len(data))
        ax.plot(weeks, mean, label=arm.name, lw=1.6)
        ax.fill_between(weeks, mean - half, mean + half, alpha=0.2)
        for when, _, _ in arm.events:
            ax.axvline(when / WEEKS_PER_YEAR, color="grey", ls=":", lw=1)
    ax.set_xlabel("year")
    ax.set_ylabel(MEANINGS.get(pattern.plot, pattern.plot), fontsize=8)
    ax.set_title(f"{pattern.key}: {pattern.claim}", fontsize=8, loc="left", wrap=True)
    ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    fig.savefig(target, dpi=130)
    plt.close(fig)


def write_markdown(evaluated, runs, replications, root, robust_rows, out: Path) -> Path:
    """docs/validation.md: the table, one figure per pattern, and the robustness table."""
    fig_dir = out.parent / "validation"
    fig_dir.mkdir(parents=True, exist_ok=True)
    lines = ["# Validation: the study's findings as tested patterns", "",
             "Generated by `python run.py validate` (do not edit by hand). Each pattern is an "
             f"experiment with {replications} replications per arm; the arms share seeds "
             "replicate by replicate (common random numbers, root seed "
             f"{root}), so every outcome is a paired comparison: the paired t-test "
             "(`scipy.stats.ttest_rel`), Holm-adjusted within the pattern, with the mean "
             "paired difference (arm A − arm B), its 95% t interval and Cohen's d_z. An outcome "
             f"is reproduced when the difference has the expected sign and p < {ALPHA}; a "
             "pattern when all its outcomes are. Thresholds, seeds and tests were fixed "
             "before the runs; a pattern that fails is reported as failing, with what the "
             "model does instead.", "",
             "| pattern | outcome (A vs B) | expected | test | effect: A − B [95% CI], d_z | "
             "p (Holm) | verdict |", "|---|---|---|---|---|---|---|"]
    for pattern in PATTERNS:
        for r in evaluated[pattern.key]:
            expected = {"greater": "A > B", "less": "A < B",
                        "recovers": "gap narrows"}[r.expect]
            test = "paired t-test" if not np.isnan(r.t) else "none (all pairs equal)"
            effect = (f"{r.diff:+.3g} [{r.ci[0]:+.3g}, {r.ci[1]:+.3g}], "
                      f"d_z = {r.d_z:.2f}" if not np.isnan(r.d_z) else f"{r.diff:+.3g} (exact)")
            p = "< 0.001" if r.p_holm < 0.001 else f"{r.p_holm:.3f}"
            lines.append(f"| {pattern.key} | {r.label} | {expected} | {test} | {effect} | "
                         f"{p} | {describe_outcome(r)} |")
    lines += ["", "## Patterns", ""]
    for pattern in PATTERNS:
        result = evaluated[pattern.key]
        image = fig_dir / f"{pattern.key}.png"
        plot_pattern(pattern, runs[pattern.key], image)
        lines += [f"### {pattern.key}: {verdict(result)}", "",
                  f"*Finding:* {pattern.claim} ({pattern.source})", "",
                  f"*Experiment:* {pattern.experiment} Arms: "
                  + ", ".join(f"**{a.name}**" + (f" ({', '.join(f'{k} = {v}' for k, v in a.params.items())})"
                                                 if a.params else "") for a in pattern.arms)
                  + ".", ""]
        for r in result:
            lines.append(f"- {r.label}: A = {r.mean_a:.3g}, B = {r.mean_b:.3g}; "
                         f"{describe_outcome(r)}.")
        if pattern.interpretation and not all(r.reproduced for r in result):
            lines += ["", f"*Interpretation (added after the full run):* "
                          f"{pattern.interpretation}"]
        lines += ["", f"![{pattern.key}](validation/{pattern.key}.png)", ""]
    if robust_rows:
        keys = [p.key for p in PATTERNS]
        lines += ["## Robustness (one parameter at a time)", "",
                  f"Each row moves one parameter from its default to the value shown, in every "
                  f"arm, and re-runs all patterns with {ROBUST_REPLICATIONS} replications per "
                  "arm (fewer than above, so weak effects may lose significance).", "",
                  "| parameter | value | " + " | ".join(keys) + " |",
                  "|---|---|" + "---|" * len(keys)]
        mark = {"reproduced": "yes", "partly reproduced": "partly", "not reproduced": "no"}
        for row in robust_rows:
            lines.append(f"| `{row['parameter']}` | {row['value']:g} | "
                         + " | ".join(mark[row[k]] for k in keys) + " |")
    lines += ["", "Regenerate: `python run.py validate` (about 10 minutes on 2 cores with the "
              "robustness check; `--no-robustness` skips it). CI runs `--quick` and compares "
              "it with `docs/validation.json` (tests/test_validation.py).", ""]
    out.write_text("\n".join(lines))
    return out


def validate_model(quick: bool = False, workers=None, out: Path | None = None,
                   robust: bool = True, progress: bool = True) -> dict:
    """Run all patterns; write the report (full run) and return the evaluated outcomes."""
    replications = QUICK_REPLICATIONS if quick else FULL_REPLICATIONS
    root = QUICK_SEED if quick else FULL_SEED
    runs = run_patterns(replications, root, workers, progress=progress,
                        desc="quick validation" if quick else "validation")
    evaluated = {p.key: evaluate(p, runs[p.key]) for p in PATTERNS}
    if out is not None:
        rows = robustness(workers, progress) if robust and not quick else []
        write_markdown(evaluated, runs, replications, root, rows, out)
        if not quick:
            (out.parent / "validation.json").write_text(
                json.dumps(summary_json(evaluated, replications, root), indent=1) + "\n")
    return evaluated
