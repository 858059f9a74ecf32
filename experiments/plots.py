"""Figures of a sweep's analysis, each saved as PNG (300 dpi) and SVG.

Figures are built with matplotlib's object-oriented API on the Agg canvas (no pyplot, no
global backend switch, nothing left open), in one consistent style: 10-11 pt text,
labelled axes with units, no top/right spines, the Okabe-Ito colour-blind-safe palette.

* ``time_series``: each recorded output over time, mean of the replicates with a 95%
  t-interval band, per design point (up to MAX_LINES points) or over all runs.
* ``sobol_bars``, ``morris_bars``, ``spearman_bars``: sensitivity indices per metric.
* ``heatmaps``: the mean of each metric on a two-factor factorial grid, annotated.
* ``scenario_bars``: the mean of each metric per scenario with its bootstrap 95% CI.
* ``effect_forest``: differences of means (Welch 95% CI) of each comparison.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from scipy import stats

from model import WEEKS_PER_YEAR
from model.calendar import WEEKS_PER_QUARTER
from model.reporters import FLOWS, MEANINGS

from .analysis import (Analysis, decimals, fmt_value, metric_label, metric_unit, num,
                       read_parts)

#: More design points than this: one line for the mean over all runs instead.
MAX_LINES = 8
#: Up to this many points share one panel; more get a panel each (small multiples).
MAX_OVERLAY = 3

#: Weekly flows and ratios are averaged over windows of this many weeks in time series.
WINDOW_WEEKS = WEEKS_PER_QUARTER
WEEKLY_NOISY = set(FLOWS) | {"referral_uptake", "mean_wait"}

#: Outputs that live in [0, 1]: their confidence bands are clipped to it.
BOUNDED_01 = {"referral_uptake", "mean_trust", "mean_tie", "awareness", "mean_burnout",
              "donor_active"} | {o for o in MEANINGS if o.startswith(("trust_", "tie_"))}

#: Units of outputs whose meaning (model.reporters.MEANINGS) does not end in one.
OUTPUT_UNITS = {"referral_uptake": "share", "mean_wait": "weeks", "wait_weeks": "weeks",
                "waiting": "survivors", "in_service": "survivors", "capacity": "cases",
                "staff": "persons", "volunteers": "persons", "cadres": "persons",
                "groups": "groups"}

#: Okabe & Ito (2008) colour-blind-safe palette, black left out.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999"]

STYLE = {
    "font.size": 10, "axes.titlesize": 11, "axes.labelsize": 10, "xtick.labelsize": 9,
    "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE), "lines.linewidth": 1.6,
    "savefig.bbox": "tight", "savefig.pad_inches": 0.05, "svg.fonttype": "none",
    "svg.hashsalt": "kolaborasi", "figure.dpi": 100,
}


@dataclass
class FigureFile:
    """A saved figure: a key, a caption for the report, and its PNG and SVG files."""

    key: str
    caption: str
    png: Path
    svg: Path


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


#: Called with each saved figure's name (make_figures uses it for its progress bar).
_on_save = None


def save(fig: Figure, folder: Path, name: str, caption: str) -> FigureFile:
    """Write the figure as NAME.png (300 dpi) and NAME.svg; reproducible file contents."""
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    with matplotlib.rc_context(STYLE):
        fig.savefig(png, dpi=300, metadata={"Software": None})
        fig.savefig(svg, metadata={"Date": None, "Creator": None})
    if _on_save is not None:
        _on_save(name)
    return FigureFile(name, caption, png, svg)


def _grid(n: int, ncols: int = 3, panel=(3.6, 2.8)) -> tuple[Figure, list]:
    ncols = min(ncols, n)
    nrows = math.ceil(n / ncols)
    fig = _figure(panel[0] * ncols, panel[1] * nrows)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel().tolist()
    for ax in axes[n:]:
        ax.set_visible(False)
    return fig, axes[:n]


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _with_unit(text: str, metric: str) -> str:
    unit = metric_unit(metric)
    return _wrap(f"{text} ({unit})" if unit else text, 36)


def _styled(make):
    """Build the figure in the house style, whether called alone or from make_figures."""
    import functools

    @functools.wraps(make)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return make(*args, **kwargs)
    return wrapper


def output_axis_label(name: str) -> str:
    """Axis label of a recorded output, with its unit from model.reporters.MEANINGS."""
    meaning = MEANINGS.get(name, "")
    unit = OUTPUT_UNITS.get(name)
    found = re.search(r"\(([^()]*)\)\s*$", meaning)
    if found and not unit:
        unit = found.group(1)
    if name in FLOWS:
        unit = f"{unit}/week" if unit else "per week"
    pretty = name.replace("_", " ")
    return f"{pretty} ({unit})" if unit else pretty


def _t_band(mean, sd, n):
    with np.errstate(invalid="ignore", divide="ignore"):
        half = stats.t.ppf(0.975, np.maximum(n - 1, 1)) * sd / np.sqrt(n)
    half = np.where(n >= 2, half, np.nan)
    return mean - half, mean + half


# --- time series --------------------------------------------------------------------------
@_styled
def time_series(analysis: Analysis, folder: Path, outputs=None) -> list[FigureFile]:
    """One figure per recorded output: mean over replicates with 95% t-interval bands.

    Weekly flows and weekly ratios (referral uptake, mean wait) are noisy week to week, so
    each run's recorded values are first averaged over windows of WINDOW_WEEKS (a quarter);
    levels (funds, trust, staff, ...) are drawn at every recorded step.
    """
    res = analysis.results
    steps_dir = res.folder / "steps"
    if not steps_dir.is_dir() or not any(steps_dir.glob("run-*.parquet")):
        res.notes.append("No recorded steps: time-series figures skipped.")
        return []
    steps = read_parts(steps_dir)
    steps = steps[steps["run_id"].isin(res.done["run_id"])]
    steps = steps.merge(res.done[["run_id", "point"]], on="run_id")
    outputs = [o for o in (outputs or res.manifest.get("outputs", [])) if o in steps.columns]
    labels = res.point_labels()
    per_point = res.n_points <= MAX_LINES
    every = int(res.spec.get("record_every", 1))
    files = []
    for output in outputs:
        data = steps[["run_id", "point", "step", output]]
        smooth = output in WEEKLY_NOISY and every < WINDOW_WEEKS
        if smooth:  # week w (1-based) falls in window (w - 1) // WINDOW_WEEKS
            data = data[data["step"] > 0]
            data = data.assign(step=(data["step"] - 1) // WINDOW_WEEKS * WINDOW_WEEKS
                               + (WINDOW_WEEKS + 1) / 2)
            data = data.groupby(["run_id", "point", "step"], as_index=False)[output].mean()
        groups = data.groupby(["point", "step"] if per_point else ["step"])[output]
        table = groups.agg(["mean", "std", "count"]).reset_index()
        series = list(table.groupby("point")) if per_point else [(None, table)]
        overlay = len(series) <= MAX_OVERLAY
        if overlay:
            fig = _figure(6.4, 3.6)
            axes = [fig.add_subplot()] * len(series)
        else:
            ncols = 2 if len(series) <= 4 else 3 if len(series) <= 6 else 4
            nrows = math.ceil(len(series) / ncols)
            fig = _figure(2.7 * ncols, 2.1 * nrows + 0.4)
            grid = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
            axes = grid.ravel().tolist()
            for ax in axes[len(series):]:
                ax.set_visible(False)
        for i, (point, part) in enumerate(series):
            ax = axes[i]
            t = part["step"].to_numpy() / WEEKS_PER_YEAR
            mean = part["mean"].to_numpy(float)
            low, high = _t_band(mean, part["std"].to_numpy(float), part["count"].to_numpy())
            low = np.maximum(low, 0)  # every reported quantity is a count or level >= 0
            if output in BOUNDED_01:
                high = np.minimum(high, 1)
            colour = PALETTE[i % len(PALETTE)] if overlay else PALETTE[0]
            label = labels.get(int(point), f"point {point}") if per_point else \
                f"mean of {len(res.done)} runs"
            ax.plot(t, mean, color=colour, label=label, marker="o" if smooth else None,
                    markersize=3)
            ax.fill_between(t, low, high, color=colour, alpha=0.2, linewidth=0)
            if not overlay:
                ax.set_title(label.replace(", ", "\n") if len(label) > 30 else label,
                             fontsize=9)
            ax.set_xlim(left=0)
        if overlay:
            axes[0].set_xlabel("time (years)")
            axes[0].set_ylabel(_wrap(output_axis_label(output), 34))
            if per_point and len(series) > 1:
                axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
        else:
            fig.supxlabel("time (years)", fontsize=10)
            fig.supylabel(_wrap(output_axis_label(output), 40), fontsize=10)
        if smooth:
            what = f"each run's weekly values averaged over {WINDOW_WEEKS}-week windows" + \
                (f" (one week recorded in every {every})" if every > 1 else "")
        else:
            what = f"recorded every {every} weeks" if every > 1 else "recorded weekly"
        scope = "per design point" if per_point else f"over all {len(res.done)} runs"
        caption = (f"{_describe_output(output)}; {what}. Line: mean {scope}; band: 95% "
                   f"confidence interval of the mean (t-interval over "
                   f"{'replicates' if per_point else 'runs'}"
                   ", clipped to the range the quantity can take).")
        files.append(save(fig, folder, f"timeseries_{output}", caption))
    return files


def _describe_output(output: str) -> str:
    meaning = MEANINGS.get(output, output)
    pretty = output.replace("_", " ")
    if meaning.lower().startswith(pretty):
        return meaning[0].upper() + meaning[1:]
    return f"{pretty[0].upper() + pretty[1:]}: {meaning}"


# --- sensitivity --------------------------------------------------------------------------
def _metric_panels(table: pd.DataFrame, metrics: list) -> list:
    return [m for m in metrics if m in set(table["metric"])]


def _paired_bars(analysis: Analysis, folder: Path, bars: tuple, xlabel, zero_line: bool,
                 name: str, caption: str) -> list[FigureFile]:
    """Two bars per factor (e.g. S1 and ST) in one panel per metric.

    ``bars`` holds two (column, error column or None, legend label); ``xlabel`` is a
    function of the metric.
    """
    table = analysis.sensitivity
    metrics = _metric_panels(table, analysis.results.metrics)
    if not metrics:
        return []
    factors = analysis.results.factors
    fig, axes = _grid(len(metrics), panel=(3.4, 2.6 + 0.12 * len(factors)))
    y = np.arange(len(factors))
    h = 0.38
    for ax, metric in zip(axes, metrics):
        part = table[table["metric"] == metric].set_index("factor").reindex(factors)
        for offset, colour, (column, error, label) in zip((-h / 2, h / 2), PALETTE, bars):
            ax.barh(y + offset, part[column], h, xerr=part[error] if error else None,
                    color=colour, label=label, error_kw={"elinewidth": 0.9, "capsize": 2})
        ax.set_yticks(y, factors)
        ax.invert_yaxis()
        if zero_line:
            ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_title(_wrap(metric_label(metric), 32))
        ax.set_xlabel(xlabel(metric))
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=2)
    return [save(fig, folder, name, caption)]


@_styled
def sobol_bars(analysis: Analysis, folder: Path) -> list[FigureFile]:
    return _paired_bars(
        analysis, folder, (("S1", "S1_conf", "first order S1"), ("ST", "ST_conf", "total ST")),
        lambda metric: "Sobol index", True, "sensitivity_sobol",
        "Sobol sensitivity indices of each metric's mean over replicates: first-order (S1) "
        "and total (ST) effect of each factor; error bars: 95% bootstrap confidence "
        "intervals (SALib).")


@_styled
def morris_bars(analysis: Analysis, folder: Path) -> list[FigureFile]:
    return _paired_bars(
        analysis, folder, (("mu_star", "mu_star_conf", "μ* (mean |effect|)"),
                           ("sigma", None, "σ (spread of effects)")),
        lambda metric: _with_unit("elementary effect", metric), False, "sensitivity_morris",
        "Morris screening of each metric's mean over replicates: μ* (mean absolute "
        "elementary effect, with its 95% bootstrap confidence interval) and σ (standard "
        "deviation of the elementary effects; large σ means non-linearity or "
        "interactions), in the metric's units per full range of the factor.")


@_styled
def spearman_bars(analysis: Analysis, folder: Path) -> list[FigureFile]:
    table = analysis.sensitivity
    metrics = _metric_panels(table, analysis.results.metrics)
    if not metrics:
        return []
    factors = analysis.results.factors
    fig, axes = _grid(len(metrics), panel=(3.4, 2.4 + 0.12 * len(factors)))
    y = np.arange(len(factors))
    for ax, metric in zip(axes, metrics):
        part = table[table["metric"] == metric].set_index("factor").reindex(factors)
        err = np.vstack([part["rho"] - part["rho_low"], part["rho_high"] - part["rho"]])
        colours = [PALETTE[0] if r >= 0 else PALETTE[5] for r in part["rho"].fillna(0)]
        ax.barh(y, part["rho"], 0.6, xerr=err, color=colours,
                error_kw={"elinewidth": 0.9, "capsize": 2})
        ax.set_yticks(y, factors)
        ax.invert_yaxis()
        ax.set_xlim(-1, 1)
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_title(_wrap(metric_label(metric), 32))
        ax.set_xlabel("Spearman ρ")
    caption = ("Spearman rank correlation of each factor with each metric's mean over "
               "replicates across the Latin hypercube sample; error bars: 95% confidence "
               "intervals (Fisher z).")
    return [save(fig, folder, "sensitivity_spearman", caption)]


# --- factorial grids and comparisons ------------------------------------------------------
def grid_factors(analysis: Analysis) -> list:
    """The two factors of a two-factor factorial grid, or [] if the design is not one."""
    res = analysis.results
    if res.design != "factorial":
        return []
    varied = [f for f in res.factors if len(res.manifest["factors"][f]) > 1]
    return varied if len(varied) == 2 else []


@_styled
def heatmaps(analysis: Analysis, folder: Path) -> list[FigureFile]:
    """Mean of each metric on a two-factor factorial grid, one annotated figure per metric."""
    pair = grid_factors(analysis)
    if not pair:
        return []
    fx, fy = pair
    xs = sorted(set(analysis.results.manifest["factors"][fx]))
    ys = sorted(set(analysis.results.manifest["factors"][fy]))
    files = []
    points = analysis.points
    for metric in analysis.results.metrics:
        part = points[points["metric"] == metric]
        grid = np.full((len(ys), len(xs)), np.nan)
        for _, row in part.iterrows():
            i = int(np.argmin([abs(float(row[fy]) - float(v)) for v in ys]))
            j = int(np.argmin([abs(float(row[fx]) - float(v)) for v in xs]))
            grid[i, j] = row["mean"]
        fig = _figure(1.3 + 1.0 * len(xs) + 1.2, 1.0 + 0.75 * len(ys) + 0.6)
        ax = fig.add_subplot()
        image = ax.pcolormesh(np.arange(len(xs) + 1) - 0.5, np.arange(len(ys) + 1) - 0.5,
                              np.ma.masked_invalid(grid), cmap="viridis")  # vector in SVG
        finite = grid[np.isfinite(grid)]
        span = (finite.min(), finite.max()) if finite.size else (0, 1)
        places = decimals(*finite)
        for i in range(len(ys)):
            for j in range(len(xs)):
                if not np.isfinite(grid[i, j]):
                    continue
                level = (grid[i, j] - span[0]) / (span[1] - span[0]) if span[1] > span[0] \
                    else 0.5
                ax.text(j, i, num(grid[i, j], places), ha="center", va="center", fontsize=9,
                        color="black" if level > 0.55 else "white")
        ax.set_xticks(range(len(xs)), [fmt_value(v) for v in xs])
        ax.set_yticks(range(len(ys)), [fmt_value(v) for v in ys])
        ax.set_xlabel(fx)
        ax.set_ylabel(fy)
        for side in ("top", "right"):
            ax.spines[side].set_visible(True)
        bar = fig.colorbar(image, ax=ax, shrink=0.9)
        bar.set_label(metric_unit(metric) or metric_label(metric))
        ax.set_title(_wrap(metric_label(metric), 36))
        n = int(part["n"].min()) if len(part) else 0
        caption = (f"{metric_label(metric)[0].upper() + metric_label(metric)[1:]}: mean over "
                   f"replicates (at least {n} per cell) on the {fx} × {fy} grid.")
        files.append(save(fig, folder, f"heatmap_{metric}", caption))
    return files


@_styled
def scenario_bars(analysis: Analysis, folder: Path) -> list[FigureFile]:
    """Mean of each metric per scenario with bootstrap 95% CIs, one panel per metric."""
    res = analysis.results
    if res.design != "scenarios":
        return []
    names = res.scenarios
    metrics = res.metrics
    fig, axes = _grid(len(metrics), panel=(3.2, 2.4 + 0.18 * max(len(names) - 2, 0)))
    x = np.arange(len(names))
    points = analysis.points
    for ax, metric in zip(axes, metrics):
        part = points[points["metric"] == metric].set_index("scenario").reindex(names)
        err = np.vstack([part["mean"] - part["ci_low"], part["ci_high"] - part["mean"]])
        err = np.where(np.isfinite(err), err, 0)
        colours = ["0.65"] + [PALETTE[0]] * (len(names) - 1)
        ax.bar(x, part["mean"], 0.65, yerr=err, color=colours,
               error_kw={"elinewidth": 0.9, "capsize": 3})
        ax.set_xticks(x, [_wrap(n.replace("_", " "), 14) for n in names], fontsize=8)
        ax.set_title(_wrap(metric_label(metric), 32))
        ax.set_ylabel(_wrap(metric_unit(metric), 20))
    caption = (f"Mean of each metric per scenario (grey: the reference, {names[0]}); error "
               "bars: 95% bootstrap confidence intervals of the mean over replicates.")
    return [save(fig, folder, "scenarios", caption)]


@_styled
def effect_forest(analysis: Analysis, folder: Path) -> list[FigureFile]:
    """Difference of means of each comparison with its Welch 95% CI, a panel per metric."""
    table = analysis.comparisons
    if table.empty:
        return []
    metrics = _metric_panels(table, analysis.results.metrics)
    labels = list(dict.fromkeys(table["comparison"]))
    fig, axes = _grid(len(metrics), panel=(3.4, 1.5 + 0.35 * len(labels)))
    y = np.arange(len(labels))
    for ax, metric in zip(axes, metrics):
        part = table[table["metric"] == metric].set_index("comparison").reindex(labels)
        err = np.vstack([part["diff"] - part["diff_low"], part["diff_high"] - part["diff"]])
        err = np.where(np.isfinite(err), err, 0)
        ax.errorbar(part["diff"], y, xerr=err, fmt="o", color=PALETTE[0], markersize=4,
                    elinewidth=1.2, capsize=3)
        ax.axvline(0, color="0.5", linewidth=0.8, linestyle="--")
        ax.set_yticks(y, [label.replace(": ", "\n", 1) for label in labels], fontsize=8)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.set_title(_wrap(metric_label(metric), 32))
        ax.set_xlabel(_with_unit("difference", metric))
    what = "highest minus lowest level of each factor, pooled over the other factors" \
        if analysis.results.design == "factorial" else \
        f"each scenario minus {analysis.results.scenarios[0]}"
    caption = (f"Difference of means ({what}); error bars: 95% confidence intervals "
               "(Welch).")
    return [save(fig, folder, "effects", caption)]


def make_figures(analysis: Analysis, folder, progress: bool = False) -> list[FigureFile]:
    """Every figure that fits the design, saved into ``folder``."""
    from tqdm import tqdm

    global _on_save
    folder = Path(folder)
    res = analysis.results
    makers = [time_series, heatmaps, scenario_bars, effect_forest]
    kind = analysis.sensitivity_kind
    if kind == "sobol":
        makers.append(sobol_bars)
    elif kind == "morris":
        makers.append(morris_bars)
    elif kind == "spearman":
        makers.append(spearman_bars)
    expected = (len(res.manifest.get("outputs", []))
                + len(res.metrics) * bool(grid_factors(analysis))
                + (res.design == "scenarios") + (not analysis.comparisons.empty) + bool(kind))
    files = []
    bar = tqdm(total=expected, desc="figures", unit="figure", delay=3, disable=not progress,
               leave=False)
    _on_save = lambda _name: bar.update(1)  # noqa: E731
    try:
        with matplotlib.rc_context(STYLE):
            for make in makers:
                files += make(analysis, folder)
    finally:
        _on_save = None
        bar.close()
    return files


__all__ = ["FigureFile", "make_figures", "time_series", "sobol_bars", "morris_bars",
           "spearman_bars", "heatmaps", "scenario_bars", "effect_forest"]
