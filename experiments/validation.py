"""Verification and validation: run the experiments, test each outcome, write docs/validation.md.

Two parts (pattern-oriented modelling; Grimm et al. 2005, the ODD protocol 2020):

- **Verification** (experiments/patterns.py, kind "verification"): each rule does
  what its docstring says. These hold by construction, and the report says why.
- **Patterns**: outcomes no single rule encodes. The paired experiments of kind
  "pattern" (P7, P8) and the center's history against the reported figures
  (experiments/history.py).

Every paired outcome is tested with the paired t-test (experiments/stats.py), Holm-
adjusted within its experiment, with the mean paired difference, its 95% interval
and Cohen's d_z. Replication counts come from a power calculation: a pilot of
PILOT pairs gives each outcome's d_z, statsmodels' TTestPower gives the pairs a
two-sided test needs for 80% power at alpha / m (Holm's strictest step, m outcomes
in the experiment), and the experiment is topped up to the largest such count, at
most MAX_PAIRS; an outcome that would need more is reported as underpowered. The
final test uses all pairs, the pilot included. Outcomes that fail stay in the
report with the direction the model shows.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from model import DEFAULTS, MEANINGS, WEEKS_PER_YEAR

from .history import evaluate_history, history_measure, history_years
from .patterns import PATTERN, PATTERNS, VERIFICATION, Pattern
from .replicates import on_series, run_replicates
from .stats import ALPHA, POWER, holm, mean_ci, paired, pairs_for_power

PILOT = 30                  # pairs in the pilot that sizes each experiment
MAX_PAIRS = 200             # most pairs an experiment is topped up to
QUICK_REPLICATIONS = 12
HISTORY_RUNS = 100          # seeds of the 25-year history run (full)
QUICK_HISTORY_RUNS = 10
FULL_SEED = 20051111        # Grimm et al. 2005 appeared on 11 November 2005
QUICK_SEED = 7

#: One-at-a-time robustness check: (parameter, low, high) on either side of the defaults
#: (tests/test_validation.py checks that they are). Parameter names in one place, to update
#: with the model.
ROBUSTNESS = (
    ("incidents_per_week", 6.0, 14.0),
    ("help_seeking", 0.35, 0.7),
    ("hours_per_case_week", 5.0, 10.0),
    ("trust_forgetting", 0.95, 0.995),
    ("contact_evidence", 0.05, 0.4),
    ("tie_decay", 0.003, 0.03),
    ("conflict_rate_per_year", 0.3, 3.0),
)
ROBUST_REPLICATIONS = 20


# --- measuring one run ------------------------------------------------------------------
@dataclass(frozen=True)
class PatternMeasure:
    """What one run of one arm of a pattern reports: every outcome measure, and the plot."""

    key: str
    arm: str

    def __call__(self, model) -> dict:
        pattern = next(p for p in PATTERNS if p.key == self.key)
        frame = model.datacollector.get_model_vars_dataframe()
        series = {c: frame[c].to_numpy() for c in frame.columns}
        series["closed_total"] = series["closed_good"] + series["closed_poor"]
        out = {"plot": np.asarray(series[pattern.plot], dtype=float)}
        for i, o in enumerate(pattern.outcomes):
            if self.arm in (o.arm_a, o.arm_b):
                out[f"o{i}_a"] = o.measure_a(series)
                out[f"o{i}_b"] = o.measure_b(series)
        return out


def run_patterns(patterns, reps, root: int, executor=None, workers=None, extra=None,
                 progress=True, desc="runs") -> dict[str, pd.DataFrame]:
    """Run every arm of every pattern (one batch); {pattern key: its table of runs}."""
    arms, years, events, measures = {}, {}, {}, {}
    for p in patterns:
        for a in p.arms:
            name = f"{p.key}|{a.name}"
            arms[name] = {**(extra or {}), **a.params}
            years[name] = p.years
            measures[name] = PatternMeasure(p.key, a.name)
            if a.events:
                events[name] = list(a.events)
    table = run_replicates(arms, reps, root, measures, years=years, executor=executor,
                           workers=workers, progress=progress, events=events, desc=desc)
    parts = table["arm"].str.split("|", n=1, expand=True)
    table = table.assign(pattern=parts[0], arm=parts[1])
    return {p.key: table[table["pattern"] == p.key].reset_index(drop=True) for p in patterns}


# --- testing the outcomes -----------------------------------------------------------------
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
    pairs_needed: int = 0       # for 80% power at alpha / m, from this run's d_z
    powered: bool = True
    by_construction: str = ""   # why it restates a rule (an outcome of a pattern experiment)


def _column(table: pd.DataFrame, arm: str, column: str) -> pd.Series:
    rows = table[table["arm"] == arm].set_index("replicate")
    return rows[column].astype(float)


def evaluate(pattern: Pattern, table: pd.DataFrame) -> list[OutcomeResult]:
    """Test each outcome of ``pattern`` on its runs (one row per arm and replicate)."""
    results = []
    m = len(pattern.outcomes)
    for i, o in enumerate(pattern.outcomes):
        a_later, a_earlier = _column(table, o.arm_a, f"o{i}_a"), _column(table, o.arm_a,
                                                                          f"o{i}_b")
        b_later, b_earlier = _column(table, o.arm_b, f"o{i}_a"), _column(table, o.arm_b,
                                                                          f"o{i}_b")
        reps = a_later.index.intersection(b_later.index)
        if o.expect == "recovers":      # the gap a - b later against the gap earlier
            a = (a_later - b_later).loc[reps].to_numpy()
            b = (a_earlier - b_earlier).loc[reps].to_numpy()
            sign = -1.0
        else:
            a, b = a_later.loc[reps].to_numpy(), b_earlier.loc[reps].to_numpy()
            sign = 1.0 if o.expect == "greater" else -1.0
        r = paired(a, b)
        results.append(OutcomeResult(pattern.key, o.label, o.expect, r.n, r.mean_a, r.mean_b,
                                     r.diff, (r.low, r.high), r.sd_diff, r.d_z, r.t, r.p, sign,
                                     pairs_needed=pairs_for_power(r.d_z, ALPHA / m),
                                     by_construction=o.by_construction))
    for r, adjusted in zip(results, holm([r.p for r in results])):
        r.p_holm = float(adjusted)
        r.reproduced = bool(r.p_holm < ALPHA and r.sign * r.diff > 0)
        r.powered = bool(r.p_holm < ALPHA or r.pairs_needed <= r.n or np.isnan(r.d_z))
    return results


def pairs_to_run(results: list[OutcomeResult], pilot: int) -> int:
    """Pairs the experiment needs: the most any outcome needs, within [pilot, MAX_PAIRS]."""
    return int(min(MAX_PAIRS, max([pilot] + [r.pairs_needed for r in results])))


def judged(results: list[OutcomeResult]) -> list[OutcomeResult]:
    """The outcomes an experiment's verdict rests on: those that restate no rule, if any."""
    return [r for r in results if not r.by_construction] or results


def is_verification(pattern: Pattern, r: OutcomeResult) -> bool:
    """Whether an outcome restates a rule: its experiment does, or the outcome says why."""
    return pattern.kind == VERIFICATION or bool(r.by_construction)


def verdict(results: list[OutcomeResult]) -> str:
    results = judged(results)
    ok = sum(r.reproduced for r in results)
    if ok == len(results):
        return "reproduced"
    return "partly reproduced" if ok else "not reproduced"


def describe_outcome(r: OutcomeResult) -> str:
    """What the model does, in words, for one outcome (computed from the numbers)."""
    if r.reproduced:
        text = "as expected"
    elif r.p_holm >= ALPHA:
        text = (f"no clear difference (difference {r.diff:+.3g}, Holm p = {r.p_holm:.2g}; "
                f"observed direction {'as expected' if r.sign * r.diff > 0 else 'opposite'})")
    else:
        text = (f"the opposite direction (difference {r.diff:+.3g}, Holm p = "
                f"{r.p_holm:.2g})")
    if not r.powered:
        text += (f"; underpowered: d_z = {r.d_z:.2f} needs {r.pairs_needed} pairs for "
                 f"{POWER:.0%} power, {r.n} were run")
    return text


# --- the whole validation -------------------------------------------------------------------
def run_paired(quick: bool, executor=None, workers=None, progress=True):
    """Run the paired experiments (pilot, then top-ups from the power calculation)."""
    root = QUICK_SEED if quick else FULL_SEED
    first = QUICK_REPLICATIONS if quick else PILOT
    tables = run_patterns(PATTERNS, first, root, executor, workers, progress=progress,
                          desc="quick validation" if quick else "validation: pilot")
    evaluated = {p.key: evaluate(p, tables[p.key]) for p in PATTERNS}
    if not quick:
        more = {p.key: pairs_to_run(evaluated[p.key], PILOT) for p in PATTERNS}
        for target in sorted(set(more.values()) - {PILOT}):
            group = [p for p in PATTERNS if more[p.key] == target]
            extra = run_patterns(group, range(PILOT, target), root, executor, workers,
                                 progress=progress, desc=f"validation: to {target} pairs")
            for p in group:
                tables[p.key] = pd.concat([tables[p.key], extra[p.key]], ignore_index=True)
                evaluated[p.key] = evaluate(p, tables[p.key])
    return tables, evaluated


def quick_caveat(runs: int) -> str:
    """What the history verdicts of a quick run are worth."""
    return (f"This is a quick run: the central 95% of {runs} runs is close to their range and "
            "moves with each run added, so its history verdicts are a smoke test; the full run "
            f"({HISTORY_RUNS} runs, docs/validation.md) gives the verdicts.")


def run_history(quick: bool, executor=None, workers=None, progress=True):
    root = (QUICK_SEED if quick else FULL_SEED) + 1
    runs = QUICK_HISTORY_RUNS if quick else HISTORY_RUNS
    table = run_replicates({"defaults": {}}, runs, root, on_series(history_measure, True),
                           years=history_years(DEFAULTS["start_year"]), executor=executor,
                           workers=workers, progress=progress, desc="history 1999-2023")
    return table, evaluate_history(table)


def robustness(executor=None, workers=None, progress=True) -> list[dict]:
    """Which experiments keep their verdict when one parameter moves to a low or high value."""
    rows = []
    for name, low, high in ROBUSTNESS:
        for value in (low, high):
            tables = run_patterns(PATTERNS, ROBUST_REPLICATIONS, FULL_SEED, executor, workers,
                                  extra={name: value}, progress=progress,
                                  desc=f"{name}={value:g}")
            rows.append({"parameter": name, "value": value,
                         **{p.key: verdict(evaluate(p, tables[p.key])) for p in PATTERNS}})
    return rows


@dataclass
class Validation:
    quick: bool
    root: int
    tables: dict
    evaluated: dict
    history_table: pd.DataFrame
    history: list
    robust: list


def validate_model(quick=False, workers=None, out: Path | None = None, robust=True,
                   progress=True, executor=None) -> Validation:
    """Run everything; write the report (and, for a full run, validation.json)."""
    tables, evaluated = run_paired(quick, executor, workers, progress)
    history_table, history = run_history(quick, executor, workers, progress)
    rows = robustness(executor, workers, progress) if robust and not quick else []
    result = Validation(quick, QUICK_SEED if quick else FULL_SEED, tables, evaluated,
                        history_table, history, rows)
    if out is not None:
        write_markdown(result, out)
        if not quick:
            (out.parent / "validation.json").write_text(
                json.dumps(summary_json(result), indent=1) + "\n")
    return result


def summary_json(v: Validation) -> dict:
    """The statistics the quick CI check compares against."""
    t = v.history_table
    return {"root_seed": v.root, "alpha": ALPHA, "pilot": PILOT, "max_pairs": MAX_PAIRS,
            "outcomes": [{"pattern": r.pattern, "label": r.label, "expect": r.expect,
                          "n": r.n, "diff": r.diff, "sd_diff": r.sd_diff, "d_z": r.d_z,
                          "p_holm": r.p_holm, "reproduced": r.reproduced,
                          "pairs_needed": r.pairs_needed, "powered": r.powered,
                          "verification": is_verification(pattern, r)}
                         for pattern in PATTERNS for r in v.evaluated[pattern.key]],
            "history": {"runs": len(t), "persist_share": float(t["persists"].mean()),
                        "cases_level_mean": float(t["cases_level"].mean()),
                        "cases_level_sd": float(t["cases_level"].std(ddof=1)),
                        "checks": [asdict(c) for c in v.history]}}


# --- the report --------------------------------------------------------------------------------
def plot_pattern(pattern: Pattern, table: pd.DataFrame, target: Path) -> None:
    """The time course of the pattern's key variable in each arm: mean and 95% band."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 3.6), constrained_layout=True)
    for arm in pattern.arms:
        data = np.vstack(table[table["arm"] == arm.name].sort_values("replicate")["plot"])
        weeks = np.arange(data.shape[1]) / WEEKS_PER_YEAR
        mean, low, high = mean_ci(data, axis=0)
        ax.plot(weeks, mean, label=arm.name, lw=1.6)
        ax.fill_between(weeks, low, high, alpha=0.2)
        for when, _, _ in arm.events:
            ax.axvline(when / WEEKS_PER_YEAR, color="grey", ls=":", lw=1)
    ax.set_xlabel("years since the start of the run")
    ax.set_ylabel(MEANINGS.get(pattern.plot, pattern.plot), fontsize=8)
    ax.set_title(f"{pattern.key}: {pattern.claim}", fontsize=8, loc="left", wrap=True)
    ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    fig.savefig(target, dpi=130)
    plt.close(fig)


def _outcome_rows(v: Validation, kind: str) -> list[str]:
    """The table of outcomes that restate a rule (VERIFICATION) or that do not (PATTERN)."""
    lines = ["| experiment | outcome (A vs B) | expected | effect: A − B [95% CI], d_z | "
             "p (Holm) | pairs run / needed | verdict |", "|---|---|---|---|---|---|---|"]
    for pattern in PATTERNS:
        for r in v.evaluated[pattern.key]:
            if is_verification(pattern, r) != (kind == VERIFICATION):
                continue
            expected = {"greater": "A > B", "less": "A < B", "recovers": "gap narrows"}[r.expect]
            effect = (f"{r.diff:+.3g} [{r.ci[0]:+.3g}, {r.ci[1]:+.3g}], d_z = {r.d_z:.2f}"
                      if not np.isnan(r.d_z) else f"{r.diff:+.3g} (exact)")
            p = "< 0.001" if r.p_holm < 0.001 else f"{r.p_holm:.3f}"
            need = "—" if np.isnan(r.d_z) else f"{r.pairs_needed}"
            lines.append(f"| {pattern.key} | {r.label} | {expected} | {effect} | {p} | "
                         f"{r.n} / {need} | {describe_outcome(r)} |")
    return lines


def _pattern_sections(v: Validation, kind: str, fig_dir: Path) -> list[str]:
    from .findings import findings_of

    lines = []
    for pattern in (p for p in PATTERNS if p.kind == kind):
        result = v.evaluated[pattern.key]
        if not v.quick:
            plot_pattern(pattern, v.tables[pattern.key], fig_dir / f"{pattern.key}.png")
        sources = "; ".join(f"finding {f.key} ({f.title['en']}): {f.source}"
                            for f in findings_of(pattern.key)) or pattern.source
        arms = ", ".join(f"**{a.name}**" + (f" ({', '.join(f'{k} = {v}' for k, v in a.params.items())})"
                                            if a.params else "") for a in pattern.arms)
        label = "Why it holds by construction" if kind == VERIFICATION else \
            "Why it is not true by construction"
        lines += [f"### {pattern.key}: {verdict(result)}", "",
                  f"*Claim:* {pattern.claim} ({sources})", "",
                  f"*{label}:* {pattern.why}", "",
                  f"*Experiment:* {pattern.experiment} Arms: {arms}.", ""]
        for r in result:
            restates = (f" Verification, not part of the verdict: {r.by_construction}."
                        if r.by_construction else "")
            lines.append(f"- {r.label}: A = {r.mean_a:.3g}, B = {r.mean_b:.3g} "
                         f"({r.n} pairs); {describe_outcome(r)}.{restates}")
        if not v.quick:
            lines += ["", f"![{pattern.key}](validation/{pattern.key}.png)"]
        lines.append("")
    return lines


def write_markdown(v: Validation, out: Path) -> Path:
    """docs/validation.md: verification, patterns (history and paired), power, robustness."""
    fig_dir = out.parent / "validation"
    fig_dir.mkdir(parents=True, exist_ok=True)
    n_hist = len(v.history_table)
    passed = sum(c.passed for c in v.history)
    kinds = {VERIFICATION: [], PATTERN: []}
    for pattern in PATTERNS:
        for r in v.evaluated[pattern.key]:
            kinds[VERIFICATION if is_verification(pattern, r) else PATTERN].append(r)

    def tally(results, kind, why=""):
        def are(n):
            return f"{n} {'is' if n == 1 else 'are'}"
        one = len(results) == 1
        noun = (f"a {kind} outcome" if one else f"{kind} outcomes") + why.format(
            them="it" if one else "them")
        return (f"{are(len(results))} {noun}, of which {are(sum(r.reproduced for r in results))}"
                f" reproduced and {are(sum(not r.powered for r in results))} underpowered at "
                "the pairs run")
    lines = [
        "# Verification and validation", "",
        "Generated by `python run.py validate` (do not edit by hand). Two parts, following "
        "pattern-oriented modelling (Grimm et al. 2005): **Verification** checks that each "
        "rule does what its docstring says, and holds by construction; **Patterns** are "
        "outcomes no single rule encodes, each with the reason it is not true by "
        "construction.", "",
        "Paired experiments use common random numbers (replicate k of every arm shares a "
        f"seed; root seed {v.root}). Each outcome is tested with the paired t-test, "
        "Holm-adjusted within its experiment, and reported with the mean paired difference "
        "(A − B), its 95% t interval and Cohen's d_z. "
        + ("" if v.quick else
           f"Each experiment starts with {PILOT} pairs; statsmodels' TTestPower gives the pairs "
           f"each outcome needs for {POWER:.0%} power at α = {ALPHA:g} divided by the number "
           f"of outcomes in the experiment (Holm's strictest step), and the experiment is "
           f"topped up to the largest such count, at most {MAX_PAIRS}. ")
        + f"An outcome is reproduced when its difference has the expected sign and Holm "
          f"p < {ALPHA:g}. Of the paired outcomes, "
          + tally(kinds[PATTERN], "pattern", " (no single rule encodes {them})") + "; "
          + tally(kinds[VERIFICATION], "verification") + ". Failing outcomes are "
          "reported with the direction the model shows.", "",
        "## Verification", "",
        "These experiments, and the outcomes of pattern experiments that restate a rule, "
        "check single rules. They hold by construction (the reason is given under each), so "
        "reproducing them shows the code does what its documentation says, not that the "
        "model is valid. An experiment's verdict rests on its pattern outcomes only.", ""]
    lines += _outcome_rows(v, VERIFICATION) + [""]
    lines += _pattern_sections(v, VERIFICATION, fig_dir)
    lines += [
        "## Patterns", "",
        f"### The center's history, {DEFAULTS['start_year']} to 2023, against reported figures",
        "",
        f"{n_hist} runs at the defaults from the founding ({DEFAULTS['start_year']}); "
        f"{passed} of {len(v.history)} checks pass. Each row gives its criterion; most ask "
        "that a reported figure lie in the central 95% of the runs. Figures come from the "
        "reported rows "
        "(experiments/reported.py); those "
        "that calibration also fits (docs/calibration.md) are a check of fit there, not "
        "independent evidence."
        + (" " + quick_caveat(n_hist) if v.quick else ""), "",
        "| check | reported | criterion | observed | verdict | why it is not true by "
        "construction |", "|---|---|---|---|---|---|"]
    for c in v.history:
        lines.append(f"| {c.key}: {c.claim} | {c.figure or '—'} | {c.criterion} | {c.observed} "
                     f"| {'holds' if c.passed else 'fails'} | {c.why} |")
    lines += ["", "### Paired experiments", ""]
    lines += _outcome_rows(v, PATTERN) + [""]
    lines += _pattern_sections(v, PATTERN, fig_dir)
    if v.robust:
        keys = [p.key for p in PATTERNS]
        lines += ["## Robustness (one parameter at a time)", "",
                  "Each row moves one parameter from its default to the value shown, in every "
                  f"arm, and re-runs every paired experiment with {ROBUST_REPLICATIONS} pairs "
                  "(fewer than above, so weak effects may lose significance).", "",
                  "| parameter | value | " + " | ".join(keys) + " |",
                  "|---|---|" + "---|" * len(keys)]
        mark = {"reproduced": "yes", "partly reproduced": "partly", "not reproduced": "no"}
        for row in v.robust:
            lines.append(f"| `{row['parameter']}` | {row['value']:g} | "
                         + " | ".join(mark[row[k]] for k in keys) + " |")
    lines += ["", "Regenerate: `python run.py validate` (full; `--no-robustness` skips the "
              "robustness check, `--scheduler ADDRESS` runs on a Dask cluster). CI runs "
              "`python run.py validate --quick` and compares it with `docs/validation.json` "
              "(tests/test_validation.py).", ""]
    out.write_text("\n".join(lines))
    return out
