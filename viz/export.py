"""Files to download: the charts as PNG (drawn with matplotlib, only when asked for).

Matplotlib's object API (``matplotlib.figure.Figure``) is used without pyplot, so
figures made in different sessions' threads never share state.
"""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure

from model import AGENCY_KEYS, WEEKS_PER_YEAR
from model.calendar import WEEKS_PER_QUARTER

from .charts import AGENCY_COLOURS, MARKER_COLOUR, PALETTE, rolling_ratio, rolling_sum
from .i18n import t
from .reported import case_markers, group_markers


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def _reported(ax, markers, x, lang: str) -> None:
    """Reported figures the span of ``x`` covers, as diamonds (as on the app's charts)."""
    shown = [m for m in markers if m.drawn_on(float(x[0]), float(x[-1]))]
    if shown:
        ax.plot([m.x for m in shown], [m.y for m in shown], "D", color=MARKER_COLOUR, ms=5,
                label=t("chart.reported", lang))


def explore_png(frame, lang: str) -> bytes:
    """The six Explore charts of ``frame`` as one PNG."""
    cols = frame.columns
    x = frame.years
    fig = Figure(figsize=(13, 7.5), layout="constrained")
    axes = fig.subplots(2, 3)
    ax = axes[0, 0]
    ax.plot(x, rolling_ratio(cols["referred"], cols["seen_by_agencies"], WEEKS_PER_QUARTER),
            color=PALETTE["uptake"])
    ax.set_ylim(0, 1)
    ax.set_title(t("chart.uptake", lang))
    ax = axes[0, 1]
    ax.plot(x, rolling_sum(cols["intake"], WEEKS_PER_YEAR), color=PALETTE["cases"],
            label=t("chart.handled52", lang))
    ax.plot(x, cols["in_service"], color=PALETTE["in_service"], label=t("chart.in_service", lang))
    ax.plot(x, cols["waiting"], color=PALETTE["waiting"], label=t("chart.waiting", lang))
    _reported(ax, case_markers(lang), x, lang)
    ax.set_title(t("chart.casework", lang))
    ax.legend(fontsize=8)
    ax = axes[0, 2]
    for key in AGENCY_KEYS:
        kind, field = key.rsplit("_", 1)
        ax.plot(x, cols[f"trust_{key}"], lw=1, color=AGENCY_COLOURS[kind],
                ls="--" if field == "city" else "-", label=f"{t('agency.' + kind, lang)} ({field})")
    ax.plot(x, cols["mean_trust"], lw=2.5, color=PALETTE["trust"], label=t("chart.mean", lang))
    ax.set_ylim(0, 1)
    ax.set_title(t("chart.trust", lang))
    ax.legend(fontsize=6, ncol=2)
    ax = axes[1, 0]
    ax.plot(x, cols["funds"], color=PALETTE["funds"])
    ax.set_title(t("chart.funds", lang))
    ax = axes[1, 1]
    ax.plot(x, cols["staff"], color=PALETTE["staff"], label=t("chart.staff", lang))
    ax.plot(x, cols["volunteers"], color=PALETTE["volunteers"], label=t("chart.volunteers", lang))
    ax.set_title(t("chart.people", lang))
    ax.legend(fontsize=8)
    ax = axes[1, 2]
    ax.plot(x, cols["cadres"], color=PALETTE["cadres"], label=t("chart.cadres", lang))
    ax.plot(x, cols["groups"], color=PALETTE["groups"], label=t("chart.groups", lang))
    _reported(ax, group_markers(lang), x, lang)
    ax.set_title(t("chart.community", lang))
    ax.legend(fontsize=8)
    for ax in axes.flat:
        ax.set_xlabel(t("common.year", lang))
        ax.grid(alpha=0.3)
    from experiments.spec import load_scenario

    from .explore import change_marks

    for mx, label in change_marks(frame, lang):
        for ax in axes.flat:
            ax.axvline(mx, color=PALETTE["event"], lw=1, ls="--")
        axes[0, 0].annotate(label, (mx, 0.98), fontsize=7, color=PALETTE["event"],
                            rotation=90, va="top", ha="right")
    fig.suptitle(t("png.explore_title", lang,
                   scenario=load_scenario(frame.settings.scenario).title[lang],
                   seed=frame.seed, week=frame.week, year=frame.year))
    return _png(fig)


def bands_png(panels: list[tuple[str, list]], title: str, x: np.ndarray, columns: int = 3) -> bytes:
    """Panels of mean curves with 95% bands: panels are (title, [(label, colour, mean, lo, hi)])."""
    rows = -(-len(panels) // columns)
    fig = Figure(figsize=(4.4 * columns, 3.4 * rows), layout="constrained")
    axes = np.atleast_1d(fig.subplots(rows, columns)).ravel()
    for ax, (panel_title, lines) in zip(axes, panels):
        for label, colour, mean, lo, hi in lines:
            ax.fill_between(x, lo, hi, color=colour, alpha=0.2, lw=0)
            ax.plot(x, mean, color=colour, label=label, lw=2)
        ax.set_title(panel_title, fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    fig.suptitle(title)
    return _png(fig)
