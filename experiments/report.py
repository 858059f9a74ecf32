"""The analysis report of a sweep: report.md with tables, figures and computed findings.

``write_report(DIR)`` analyses the results folder DIR (experiments.analysis), draws the
figures (experiments.plots) and writes, into DIR or another report folder::

    report.md            what was run, key findings, tables, figures, methods
    figures/*.png|svg    every figure in both formats
    tables/*.csv         the full tables behind the report, at full precision

Every sentence under "Key findings" is generated from the computed tables: nothing in it
is written by hand, so re-running the analysis on other results gives other sentences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from .analysis import (Analysis, analyze, decimals, factor_kind, finite_number, fmt_value,
                       metric_axis_label, metric_label, metric_sentence_unit, num)
from .plots import FigureFile, make_figures
from .spec import SpecError

ALPHA = 0.05
#: More design points than this: the report shows an overview instead of every point.
MAX_POINT_ROWS = 24
#: A factor "clearly matters" when the lower 95% bound of its total Sobol index exceeds this.
DEPENDS_ST = 0.05


@dataclass
class Report:
    path: Path
    figures: list
    tables: list
    analysis: Analysis


# --- number formatting --------------------------------------------------------------------
def ci_text(low, high, places: int) -> str:
    if not (finite_number(low) and finite_number(high)):
        return "n/a"
    return f"{num(low, places)} to {num(high, places)}"


def p_text(p) -> str:
    """'< 0.001', '0.012', '0.34'."""
    if not finite_number(p):
        return "n/a"
    if p < 0.001:
        return "< 0.001"
    return f"{p:.3f}" if p < 0.1 else f"{p:.2f}"


def p_is(p) -> str:
    """'p < 0.001' or 'p = 0.012'."""
    text = p_text(p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def markdown_table(header: list, rows: list, align: list | None = None) -> str:
    align = align or ["l"] + ["r"] * (len(header) - 1)
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join(marks[a] for a in align) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
    return "\n".join(lines)


# --- describing the sweep -----------------------------------------------------------------
def _scenario_title(name: str) -> str:
    from .spec import load_scenario

    try:
        return load_scenario(name).title["en"]
    except SpecError:
        return name


def _parameter(name: str):
    from model import PARAMETERS

    return PARAMETERS.get(name)


def describe_run(analysis: Analysis) -> str:
    res = analysis.results
    m = res.manifest
    spec = res.spec
    reps = int(m["replications"])
    total = int(m["runs_total"])
    done = len(res.done)
    failed = int((res.runs["status"] != "done").sum())
    pending = total - len(res.runs)
    second = ", with second-order terms" if spec.get("options", {}).get("second_order") \
        else ""
    design_text = {
        "factorial": "full factorial grid",
        "lhs": f"Latin hypercube sample of {spec.get('samples', 16)} points",
        "sobol": f"Saltelli sample for Sobol indices, N = {spec.get('samples', 16)} base "
                 f"samples{second}",
        "morris": f"Morris one-at-a-time design, {spec.get('samples', 16)} trajectories on "
                  f"{spec.get('options', {}).get('num_levels', 4)} levels",
        "scenarios": "comparison of named scenarios",
    }[res.design]
    common = bool(spec.get("options", {}).get("common_random_numbers", True))
    lines = [
        f"- **Design:** {res.design} ({design_text}): {res.n_points} design point(s) × "
        f"{reps} replication(s) = {total} runs of {float(m['years']):g} simulated year(s) "
        "each, in weekly steps.",
        f"- **Runs:** {done} done, {failed} failed, {pending} pending"
        + (" (the analysis uses the finished runs only)." if failed or pending else "."),
        f"- **Seeds:** root seed {m['root_seed']}; "
        + ("common random numbers: replicate *k* of every design point uses the same seed, "
           "so comparisons between points can be paired by replicate." if common else
           "independent seeds for every run (common random numbers switched off)."),
    ]
    if res.design == "scenarios":
        names = ", ".join(f"`{n}` ({_scenario_title(n)})" for n in res.scenarios)
        lines.append(f"- **Scenarios:** {names}; each is compared with the first, "
                     f"`{res.scenarios[0]}`.")
    fixed = m.get("fixed") or {}
    base = spec.get("scenario")
    fixed_text = ", ".join(f"{k} = {fmt_value(v)}" for k, v in fixed.items()) or \
        "none (model defaults)"
    lines.append(f"- **Fixed settings:** {fixed_text}"
                 + (f" (from scenario `{base}` and [fixed])" if base else "") + ".")
    every = int(spec.get("record_every", 1))
    lines.append(f"- **Recorded outputs:** {', '.join(m.get('outputs', []))}, every "
                 f"{every} week(s).")
    lines.append(f"- **Spec:** `{m.get('spec_file')}` (hash {m.get('spec_hash')}); results "
                 f"folder `{res.folder}`, last updated {m.get('updated', 'unknown')}.")
    versions = m.get("versions") or {}
    lines.append(f"- **Code version:** {m.get('code_version', 'unknown')}; packages of the "
                 "runs: " + ", ".join(f"{k} {v}" for k, v in versions.items()) + ".")
    lines.append("- **Analysis:** " + ", ".join(
        f"{name} {_version(name)}" for name in ("scipy", "SALib", "matplotlib", "pandas"))
        + f"; report written {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}.")
    out = ["\n".join(lines)]
    if res.factors:
        rows = []
        for name in res.factors:
            values = m["factors"][name]
            p = _parameter(name)
            if res.design == "factorial":
                setting = ", ".join(fmt_value(v) for v in values)
            else:
                setting = f"{fmt_value(values[0])} to {fmt_value(values[1])}"
            rows.append([f"`{name}`", p.meaning if p else "", p.unit if p else "",
                         fmt_value(p.default) if p else "", setting])
        head = "Levels" if res.design == "factorial" else "Range sampled"
        out.append(markdown_table(["Factor", "Meaning", "Unit", "Default", head], rows,
                                  ["l", "l", "l", "r", "l"]))
    failures = res.runs[res.runs["status"] != "done"]
    if len(failures):
        shown = "\n".join(f"  - run {int(r.run_id)} (seed {int(r.seed)}): {r.error}"
                          for r in failures.head(5).itertuples())
        out.append(f"Failed runs ({len(failures)}; first five):\n{shown}")
    return "\n\n".join(out)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


# --- findings -----------------------------------------------------------------------------
def _subject(row) -> str:
    if row["kind"] == "scenario":
        return (f"Compared with *{_scenario_title(row['reference'])}*, "
                f"*{_scenario_title(row['other'])}*")
    lo, hi = row["reference"], row["other"]
    if isinstance(lo, (bool, np.bool_)):
        return f"Switching `{row['factor']}` on"
    return f"Raising `{row['factor']}` from {fmt_value(lo)} to {fmt_value(hi)}"


def _amount(value, metric: str, places: int) -> str:
    unit = metric_sentence_unit(metric)
    return f"{num(abs(value), places)}" + (f" {unit}" if unit else "")


def _mw_floor(n1: int, n2: int) -> float:
    """The smallest two-sided p-value a Mann-Whitney U test can give for these sizes."""
    if n1 < 1 or n2 < 1:
        return 1.0
    return min(1.0, 2 / math.comb(n1 + n2, n1))


def comparison_findings(table: pd.DataFrame, metrics: list) -> list[str]:
    if table.empty:
        return []
    sentences = []
    for comparison, block in table.groupby("comparison", sort=False):
        block = block.set_index("metric").reindex([m for m in metrics if m in
                                                   set(block["metric"])])
        significant, unclear = [], []
        for metric, row in block.iterrows():
            if row["constant"] and finite_number(row["diff"]) and row["diff"] != 0:
                places = decimals(row["mean_ref"], row["mean_other"], row["diff"])
                verb = "raises" if row["diff"] > 0 else "lowers"
                sentences.append(
                    f"{_subject(row)} {verb} {metric_label(metric)} from "
                    f"{num(row['mean_ref'], places)} to {num(row['mean_other'], places)} in "
                    "every run (no run-to-run variation, so no test applies).")
                continue
            welch = finite_number(row["welch_p_holm"]) and row["welch_p_holm"] < ALPHA
            paired = finite_number(row["paired_p_holm"]) and row["paired_p_holm"] < ALPHA
            if (welch or paired) and finite_number(row["diff"]) and row["diff"] != 0:
                significant.append((metric, row, welch, paired))
            else:
                unclear.append(metric)
        significant.sort(key=lambda item: -abs(item[1]["hedges_g"])
                         if finite_number(item[1]["hedges_g"]) else 0)
        for metric, row, welch, paired in significant:
            places = decimals(row["mean_ref"], row["mean_other"], row["diff"])
            verb = "raises" if row["diff"] > 0 else "lowers"
            text = (f"{_subject(row)} {verb} {metric_label(metric)} by "
                    f"{_amount(row['diff'], metric, places)} (from "
                    f"{num(row['mean_ref'], places)} to {num(row['mean_other'], places)}; ")
            if welch:
                ci = ci_text(row["diff_low"], row["diff_high"], places)
                text += (f"95% CI of the difference {ci}; "
                         f"Welch t = {row['welch_t']:.2f}, Holm-adjusted "
                         f"{p_is(row['welch_p_holm'])}; Hedges' g = {row['hedges_g']:.2f})")
                if finite_number(row["mw_p_holm"]) and row["mw_p_holm"] >= ALPHA:
                    floor = _mw_floor(int(row["n_ref"]), int(row["n_other"]))
                    text += (f". The Mann-Whitney U test does not confirm it (Holm-adjusted "
                             f"{p_is(row['mw_p_holm'])}"
                             + (f"; with {int(row['n_ref'])} and {int(row['n_other'])} runs it "
                                f"cannot give p below {floor:.2f}" if floor >= ALPHA else "")
                             + ")")
            else:
                text += (f"paired by replicate: 95% CI of the difference "
                         f"{ci_text(row['paired_low'], row['paired_high'], places)}; paired "
                         f"t = {row['paired_t']:.2f} over {int(row['n_pairs'])} pairs, "
                         f"Holm-adjusted {p_is(row['paired_p_holm'])}; Welch's unpaired "
                         f"t-test alone does not detect it, Holm-adjusted "
                         f"{p_is(row['welch_p_holm'])})")
            sentences.append(text + ".")
        if unclear:
            first = block.iloc[0]
            names = ", ".join(metric_label(m) for m in unclear)
            sentences.append(f"{_subject(first)} makes no clear difference to {names} "
                             f"(Holm-adjusted p ≥ {ALPHA:g} in both Welch's and the paired "
                             "t-test, or no test possible).")
    return sentences


def sobol_findings(table: pd.DataFrame, metrics: list, samples: int,
                   noise: pd.DataFrame | None = None) -> list[str]:
    sentences = []
    noise_of = {} if noise is None or noise.empty else noise.set_index("metric")["share_of_means"]
    for metric in metrics:
        part = table[table["metric"] == metric].sort_values("ST", ascending=False)
        if part.empty:
            continue
        top = part.iloc[0]
        text = (f"For {metric_label(metric)}, `{top['factor']}` ({factor_kind(top['factor'])}) "
                f"has the largest total Sobol index: ST = {top['ST']:.2f} (95% CI "
                f"{top['ST_low']:.2f} to {top['ST_high']:.2f}), first-order S1 = {top['S1']:.2f}")
        if len(part) > 1:
            second = part.iloc[1]
            text += f"; next is `{second['factor']}` with ST = {second['ST']:.2f}"
            if second["ST_high"] >= top["ST_low"]:
                text += " (the intervals overlap, so the ranking is uncertain)"
        if top["ST_low"] > top["S1_high"]:  # only when the intervals say so
            gap = top["ST"] - top["S1"]
            left = noise_of.get(metric, float("nan")) if len(noise_of) else float("nan")
            if np.isfinite(left) and left >= gap:
                text += (f"; its total index exceeds its first-order index by {gap:.2f}, no "
                         f"more than the seed noise left in the replicate means ({left:.0%} of "
                         "their variance), so this gap is not evidence of interactions")
            else:
                text += (f"; its total index exceeds its first-order index by {gap:.2f}, a "
                         "sign of interactions with other factors")
        sentences.append(text + ".")
        clear = part[part["ST_low"] > DEPENDS_ST]
        assumed = [f"`{r['factor']}` (ST = {r['ST']:.2f})" for _, r in clear.iterrows()
                   if factor_kind(r["factor"]) == "assumption"]
        if "kind" in part and (part["kind"] == "assumption").any():
            if assumed:
                sentences.append(
                    f"Conclusions about {metric_label(metric)} depend on structural "
                    f"assumptions: {', '.join(assumed)} clearly matter (lower 95% bound of ST "
                    f"above {DEPENDS_ST:g}), so the levers' effects hold only for the assumed "
                    "values of these.")
            else:
                kinds = part[part["kind"] == "assumption"]
                widest = kinds.loc[kinds["ST_high"].idxmax()]
                if widest["ST_high"] <= 2 * DEPENDS_ST:
                    sentences.append(
                        f"No structural assumption matters for {metric_label(metric)} within "
                        f"the ranges sampled (every upper 95% bound of ST is at most "
                        f"{widest['ST_high']:.2f}): conclusions about it do not hinge on "
                        "those assumptions.")
                else:
                    sentences.append(
                        f"No structural assumption is shown to matter for "
                        f"{metric_label(metric)} (every lower 95% bound of ST is at most "
                        f"{DEPENDS_ST:g}), but the upper bounds reach {widest['ST_high']:.2f} "
                        f"(`{widest['factor']}`), so whether conclusions about it depend on "
                        "the assumptions is not settled by this sample.")
    if len(table) and float(table["ST_conf"].max()) > 0.25:
        sentences.append(f"Some Sobol intervals are wide (up to ±{table['ST_conf'].max():.2f}); "
                         f"more base samples than N = {samples} would narrow them.")
    return sentences


def noise_findings(noise: pd.DataFrame) -> list[str]:
    """How much of each metric's variance is seed noise, computed from the runs."""
    if noise is None or noise.empty:
        return []
    parts = [f"{metric_label(r['metric'])} {r['share']:.0%}" for _, r in noise.iterrows()]
    text = ("Seed noise (variance between replicates of the same design point) makes up this "
            "share of the variance of single runs: " + "; ".join(parts) + ".")
    worst = noise.loc[noise["share_of_means"].idxmax()]
    text += (f" In the replicate means used for the indices it is at most "
             f"{worst['share_of_means']:.0%} ({metric_label(worst['metric'])}, "
             f"{worst['replicates']:g} replicates a point).")
    return [text]


def morris_findings(table: pd.DataFrame, metrics: list) -> list[str]:
    sentences = []
    for metric in metrics:
        part = table[table["metric"] == metric].sort_values("mu_star", ascending=False)
        if part.empty:
            continue
        top = part.iloc[0]
        places = decimals(top["mu_star"], top["sigma"])
        unit = metric_sentence_unit(metric)
        text = (f"For {metric_label(metric)}, `{top['factor']}` has the largest Morris effect: "
                f"μ* = {num(top['mu_star'], places)}{' ' + unit if unit else ''} over its range "
                f"(95% CI {ci_text(top['mu_star_low'], top['mu_star_high'], places)}), "
                f"σ = {num(top['sigma'], places)}")
        if top["sigma"] > top["mu_star"]:
            text += " — σ above μ* points to a non-linear effect or interactions"
        if len(part) > 1:
            second = part.iloc[1]
            text += f"; next is `{second['factor']}` with μ* = {num(second['mu_star'], places)}"
        sentences.append(text + ".")
    return sentences


def spearman_findings(table: pd.DataFrame, metrics: list) -> list[str]:
    sentences = []
    for metric in metrics:
        part = table[table["metric"] == metric].copy()
        if part.empty:
            continue
        part["strength"] = part["rho"].abs()
        part = part.sort_values("strength", ascending=False)
        strong = part[part["p_holm"] < ALPHA]
        if strong.empty:
            sentences.append(f"No factor is clearly correlated with {metric_label(metric)} "
                             f"(all Holm-adjusted p ≥ {ALPHA:g}).")
            continue
        top = strong.iloc[0]
        direction = "higher" if top["rho"] > 0 else "lower"
        text = (f"Across the sample, higher `{top['factor']}` goes with {direction} "
                f"{metric_label(metric)} (Spearman ρ = {top['rho']:.2f}, 95% CI "
                f"{top['rho_low']:.2f} to {top['rho_high']:.2f}, Holm-adjusted "
                f"{p_is(top['p_holm'])})")
        others = [f"`{r.factor}` (ρ = {r.rho:.2f})" for r in strong.iloc[1:].itertuples()]
        if others:
            text += "; also correlated: " + ", ".join(others)
        sentences.append(text + ".")
    return sentences


def effect_findings(table: pd.DataFrame, metrics: list) -> list[str]:
    """By how much: the factor that moves each metric most across its sampled range."""
    sentences = []
    for metric in metrics:
        part = table[(table["metric"] == metric) & table["p"].notna()]
        if part.empty:
            continue
        top = part.loc[part["diff"].abs().idxmax()]
        places = decimals(top["mean_low"], top["mean_high"])
        verb = "raises" if top["diff"] > 0 else "lowers"
        sentences.append(
            f"Moving `{top['factor']}` from the lowest fifth of its range ({top['low_band']}) "
            f"to the highest ({top['high_band']}) {verb} {metric_label(metric)} from "
            f"{num(top['mean_low'], places)} to {num(top['mean_high'], places)} "
            f"({num(top['diff'], places)}, 95% CI {ci_text(top['ci_low'], top['ci_high'], places)}; "
            f"Welch {p_is(top['p'])}), averaged over the other factors.")
        rest = part.drop(index=top.name).sort_values("diff", key=abs, ascending=False)
        if len(rest):
            sentences[-1] += " Across their ranges the other factors move it by " + "; ".join(
                f"`{r.factor}` {num(r.diff, places)} ({ci_text(r.ci_low, r.ci_high, places)})"
                for r in rest.itertuples()) + "."
    return sentences


def effects_table(analysis: Analysis) -> str:
    table = analysis.effects
    if table is None or table.empty:
        return ""
    rows = []
    for r in table.itertuples():
        places = decimals(r.mean_low, r.mean_high)
        rows.append([metric_label(r.metric), f"`{r.factor}`", r.low_band, r.high_band,
                     num(r.mean_low, places), num(r.mean_high, places), num(r.diff, places),
                     ci_text(r.ci_low, r.ci_high, places), p_text(r.p)])
    return markdown_table(["Metric", "Factor", "Low fifth", "High fifth", "Mean (low)",
                           "Mean (high)", "High − low", "95% CI", "p (Welch)"], rows,
                          ["l", "l", "l", "l", "r", "r", "r", "l", "r"])


def findings(analysis: Analysis) -> list[str]:
    """Plain-language sentences, each computed from the tables."""
    res = analysis.results
    out = comparison_findings(analysis.comparisons, res.metrics)
    if analysis.effects is not None and not analysis.effects.empty:
        out += effect_findings(analysis.effects, res.metrics[:1])
    out += noise_findings(analysis.noise)
    if analysis.sensitivity_kind == "sobol" and len(analysis.sensitivity):
        out += sobol_findings(analysis.sensitivity, res.metrics,
                              int(res.spec.get("samples", 16)), analysis.noise)
    elif analysis.sensitivity_kind == "morris" and len(analysis.sensitivity):
        out += morris_findings(analysis.sensitivity, res.metrics)
    elif analysis.sensitivity_kind == "spearman" and len(analysis.sensitivity):
        out += spearman_findings(analysis.sensitivity, res.metrics)
    if not out:
        out.append("With this design there is nothing to compare (one design point and no "
                   "sensitivity analysis); see the per-point table.")
    return out


# --- tables -------------------------------------------------------------------------------
def point_tables(analysis: Analysis) -> str:
    res = analysis.results
    points = analysis.points
    if res.n_points > MAX_POINT_ROWS:
        rows = []
        means = points.groupby("metric")["mean"]
        for metric in res.metrics:
            part = points[points["metric"] == metric]
            x = res.done[metric].to_numpy(float)
            x = x[np.isfinite(x)]
            places = decimals(*part["mean"])
            rows.append([metric_axis_label(metric), len(x), num(x.mean() if len(x) else np.nan,
                                                                  places),
                         num(means.get_group(metric).min(), places),
                         num(means.get_group(metric).median(), places),
                         num(means.get_group(metric).max(), places)])
        return (f"{res.n_points} design points are too many to list here; "
                "`tables/points.csv` holds every point's n, mean, SD and 95% bootstrap CI. "
                "Overview:\n\n" + markdown_table(
                    ["Metric", "Runs", "Mean of all runs", "Lowest point mean",
                     "Median point mean", "Highest point mean"], rows))
    settings = ["scenario"] if res.design == "scenarios" else res.factors
    parts = []
    for metric in res.metrics:
        part = points[points["metric"] == metric]
        places = decimals(*part["mean"], *part["ci_low"], *part["ci_high"])
        rows = []
        for _, r in part.iterrows():
            rows.append([r["point"]] + [f"`{r[s]}`" if s == "scenario" else fmt_value(r[s])
                                        for s in settings]
                        + [int(r["n"]), num(r["mean"], places), num(r["sd"], places),
                           ci_text(r["ci_low"], r["ci_high"], places)])
        header = ["Point"] + [s.capitalize() if s == "scenario" else f"`{s}`"
                              for s in settings] + ["n", "Mean", "SD", "95% CI"]
        parts.append(f"**{metric_axis_label(metric)}**\n\n" + markdown_table(header, rows))
    return "\n\n".join(parts)


def comparison_table(analysis: Analysis) -> str:
    table = analysis.comparisons
    if table.empty:
        return ""
    rows = []
    for _, r in table.iterrows():
        places = decimals(r["mean_ref"], r["mean_other"], r["diff"])
        rows.append([
            metric_label(r["metric"]), r["comparison"],
            f"{num(r['mean_ref'], places)} → {num(r['mean_other'], places)}",
            f"{num(r['diff'], places)} ({ci_text(r['diff_low'], r['diff_high'], places)})",
            num(r["hedges_g"], 2),
            f"{num(r['welch_t'], 2)} ({num(r['welch_df'], 1)})",
            f"{p_text(r['welch_p'])} ({p_text(r['welch_p_holm'])})",
            f"{num(r['paired_t'], 2)} ({int(r['n_pairs'])})" if r["n_pairs"] else "no pairs",
            f"{p_text(r['paired_p'])} ({p_text(r['paired_p_holm'])})",
            num(r["mw_u"], 1),
            f"{p_text(r['mw_p'])} ({p_text(r['mw_p_holm'])})",
        ])
    return markdown_table(
        ["Metric", "Comparison", "Means (ref → other)", "Difference (95% CI, Welch)",
         "Hedges' g", "Welch's t (df)", "p (Holm)", "Paired t (pairs)", "p (Holm)",
         "Mann-Whitney U", "p (Holm)"], rows, ["l", "l"] + ["r"] * 9)


def sensitivity_table(analysis: Analysis) -> str:
    table, kind = analysis.sensitivity, analysis.sensitivity_kind
    if table.empty:
        return ""
    rows = []
    if kind == "sobol":
        for _, r in table.iterrows():
            rows.append([metric_label(r["metric"]), f"`{r['factor']}`",
                         factor_kind(r["factor"]),
                         f"{r['S1']:.3f} ({r['S1_low']:.3f} to {r['S1_high']:.3f})",
                         f"{r['ST']:.3f} ({r['ST_low']:.3f} to {r['ST_high']:.3f})"])
        text = markdown_table(["Metric", "Factor", "Kind", "S1 (95% CI)", "ST (95% CI)"],
                              rows, ["l", "l", "l", "r", "r"])
        if len(analysis.second_order):
            rows2 = [[metric_label(r["metric"]), f"`{r['factor_a']}` × `{r['factor_b']}`",
                      f"{r['S2']:.3f} ± {r['S2_conf']:.3f}"]
                     for _, r in analysis.second_order.iterrows()]
            text += "\n\nSecond-order indices:\n\n" + markdown_table(
                ["Metric", "Factors", "S2 ± 95% half-width"], rows2, ["l", "l", "r"])
        return text
    if kind == "morris":
        for _, r in table.iterrows():
            places = decimals(r["mu_star"], r["sigma"], r["mu"])
            rows.append([metric_axis_label(r["metric"]), f"`{r['factor']}`",
                         f"{num(r['mu_star'], places)} "
                         f"({ci_text(r['mu_star_low'], r['mu_star_high'], places)})",
                         num(r["mu"], places), num(r["sigma"], places)])
        return markdown_table(["Metric", "Factor", "μ* (95% CI)", "μ", "σ"], rows,
                              ["l", "l", "r", "r", "r"])
    for _, r in table.iterrows():
        rows.append([metric_label(r["metric"]), f"`{r['factor']}`", int(r["n"]),
                     f"{num(r['rho'], 2)} ({ci_text(r['rho_low'], r['rho_high'], 2)})",
                     p_text(r["p"]), p_text(r["p_holm"])])
    return markdown_table(["Metric", "Factor", "Points", "Spearman ρ (95% CI)", "p",
                           "p (Holm)"], rows, ["l", "l", "r", "r", "r", "r"])


def methods_text(analysis: Analysis) -> str:
    res = analysis.results
    pts = analysis.points
    used = pts["ci_method"].value_counts()
    lines = [
        "Each metric is a per-run summary of the weekly series (see "
        "`experiments/runner.py`); a run where a metric is undefined (for example referral "
        "uptake when no survivor was seen by an agency) is left out for that metric. Per "
        "design point, the table gives the number of runs, mean, standard deviation and a "
        "95% bootstrap confidence interval of the mean (`scipy.stats.bootstrap`, 9,999 "
        "resamples, bias-corrected and accelerated (BCa); percentile intervals where a "
        "sample is constant or has fewer than three runs"
        f"; here {int(used.get('BCa', 0))} BCa, {int(used.get('percentile', 0))} percentile"
        f" and {int(used.get('none', 0))} without an interval). Bootstrap seeds derive from "
        f"the root seed {res.root_seed}, so the report is reproducible."]
    if not analysis.comparisons.empty:
        what = ("each factor's highest level is compared with its lowest, pooling over the "
                "levels of the other factors" if res.design == "factorial" else
                f"each scenario is compared with `{res.scenarios[0]}`")
        lines.append(
            f"For comparisons, {what}. Differences are *other minus reference*, with the "
            "95% confidence interval of Welch's unequal-variance t-test "
            "(`scipy.stats.ttest_ind(equal_var=False)`); Hedges' g is the standardised mean "
            "difference with small-sample correction. Because replicate *k* of every point "
            "shares its random seed (common random numbers), runs are also paired by "
            "replicate (and, for factorial designs, by the levels of the other factors) and "
            "compared with the paired t-test (`scipy.stats.ttest_rel`). The Mann-Whitney U "
            "test (`scipy.stats.mannwhitneyu`, two-sided) is a rank-based robustness check. "
            "p-values of each test are Holm-adjusted across the comparisons of the same "
            "metric. A finding is reported where Welch's or the paired test gives a "
            f"Holm-adjusted p < {ALPHA:g}.")
    if analysis.sensitivity_kind == "sobol":
        lines.append("Sobol indices (`SALib.analyze.sobol`) use the mean over replicates of "
                     "each design point; their 95% confidence intervals come from SALib's "
                     "bootstrap (100 resamples).")
    elif analysis.sensitivity_kind == "morris":
        lines.append("Morris indices (`SALib.analyze.morris`) use the mean over replicates "
                     "of each design point with the design matrix regenerated from the "
                     "manifest; μ* is the mean absolute elementary effect (in the metric's "
                     "units per full range of the factor), σ the standard deviation of the "
                     "elementary effects; μ* intervals come from SALib's bootstrap.")
    elif analysis.sensitivity_kind == "spearman":
        lines.append("For the Latin hypercube design, the global sensitivity summary is the "
                     "Spearman rank correlation of each factor with the mean over replicates "
                     "of each metric (`scipy.stats.spearmanr`), with a 95% confidence "
                     "interval from the Fisher z transform (standard error 1.06/√(n − 3)) "
                     "and p-values Holm-adjusted across the factors of each metric. It "
                     "captures monotonic effects, not interactions.")
    return "\n\n".join(lines)


# --- the report ---------------------------------------------------------------------------
def _rel(path: Path, base: Path) -> str:
    return Path(path).resolve().relative_to(base.resolve()).as_posix()


def write_report(folder, out=None, metrics=None, progress: bool = False) -> Report:
    """Analyse the results folder and write report.md, figures/ and tables/ into ``out``."""
    folder = Path(folder)
    analysis = analyze(folder, metrics, progress=progress)
    out = Path(out) if out is not None else folder
    try:
        out.mkdir(parents=True, exist_ok=True)
        tables_dir = out / "tables"
        tables_dir.mkdir(exist_ok=True)
        tables = []

        def table(df: pd.DataFrame, name: str):
            if df is not None and len(df):
                df.to_csv(tables_dir / name, index=False)
                tables.append(tables_dir / name)

        table(analysis.points, "points.csv")
        table(analysis.comparisons, "comparisons.csv")
        if analysis.sensitivity_kind:
            table(analysis.sensitivity, f"sensitivity_{analysis.sensitivity_kind}.csv")
        table(analysis.second_order, "sobol_second_order.csv")
        figures = make_figures(analysis, out / "figures", progress=progress)
        text = render(analysis, figures, out, tables)
        (out / "report.md").write_text(text, encoding="utf-8")
    except OSError as err:
        raise SpecError(f"report folder {out} cannot be written: {err.strerror or err}") \
            from None
    return Report(out / "report.md", figures, tables, analysis)


def render(analysis: Analysis, figures: list[FigureFile], out: Path, tables: list) -> str:
    res = analysis.results
    title = res.manifest.get("title") or "Sweep"
    parts = [f"# {title}: results", "## What was run", describe_run(analysis)]
    parts += ["## Key findings",
              "\n".join(f"- {s}" for s in findings(analysis))]
    if analysis.notes:
        parts.append("Notes:\n\n" + "\n".join(f"- {n}" for n in analysis.notes))
    parts += ["## Results by design point", point_tables(analysis)]
    comp = comparison_table(analysis)
    if comp:
        what = ("Each factor, highest level vs lowest, pooled over the other factors"
                if res.design == "factorial" else f"Each scenario vs `{res.scenarios[0]}`")
        parts += ["## Comparisons",
                  f"{what}. Differences are other minus reference. p-values in brackets are "
                  "Holm-adjusted across the comparisons of the same metric. Tests: Welch's "
                  "t-test (unpaired, unequal variances), paired t-test (replicate-matched runs "
                  "sharing a seed), Mann-Whitney U test (two-sided, rank-based).", comp]
    sens = sensitivity_table(analysis)
    if sens:
        heading = {"sobol": "Sobol sensitivity indices", "morris": "Morris screening",
                   "spearman": "Sensitivity: Spearman rank correlations"}
        parts += [f"## {heading[analysis.sensitivity_kind]}", sens]
    effects = effects_table(analysis)
    if effects:
        parts += ["## How much: each factor across its range",
                  "Runs whose factor value lies in the lowest fifth of the sampled range "
                  "against those in the highest fifth, averaged over the other factors (which "
                  "vary independently in the design). Differences are high minus low, with "
                  "Welch's 95% interval.", effects]
    if figures:
        parts.append("## Figures")
        for i, fig in enumerate(figures, 1):
            parts.append(f"![Figure {i}]({_rel(fig.png, out)})\n\n"
                         f"*Figure {i}.* {fig.caption} ([SVG]({_rel(fig.svg, out)}))")
    if not analysis.noise.empty:
        rows = [[metric_label(r["metric"]), f"{r['replicates']:g}", f"{r['share']:.1%}",
                 f"{r['share_of_means']:.1%}"] for _, r in analysis.noise.iterrows()]
        parts += ["## Seed noise",
                  "Variance between replicates of the same design point (seed noise) as a "
                  "share of the variance of single runs, and what is left of it in the "
                  "replicate means the indices use.",
                  markdown_table(["Metric", "Replicates a point", "Share of single-run "
                                  "variance", "Share in replicate means"], rows,
                                 ["l", "r", "r", "r"])]
    parts += ["## Methods", methods_text(analysis)]
    spec_file = res.manifest.get("spec_file") or "SPEC.toml"
    parts += ["## Regenerate this report",
              f"```\npython run.py sweep {spec_file} --out {res.folder}\n"
              f"python run.py analyze {res.folder} --out {out.parent}\n```\n\n"
              "Add `--scheduler ADDRESS` to the sweep to run it on a Dask cluster; re-running "
              "the same sweep command resumes it."]
    if tables:
        parts.append("Full-precision tables: " + ", ".join(
            f"[{_rel(t, out)}]({_rel(t, out)})" for t in tables) + ".")
    return "\n\n".join(parts) + "\n"
