"""Run one simulation, summarise it year by year and write its outputs."""

from __future__ import annotations

import json
import math
import platform
from importlib import metadata
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from model import AGENCY_KEYS, WEEKS_PER_YEAR, CollaborationModel
from model.calendar import WEEKS_PER_QUARTER

from .history import AGENCY_COUNTS, UNPAID, measure_of, run_value, weeks_of
from .reported import ROWS, SIMFONI, center_cases, center_groups, pick

DEFAULT_SEED = 42
#: The default run goes from the start year (the 1999 founding) to the end of this year:
#: every reported year (2013, 2018-2023) and a projection beyond them.
DEFAULT_UNTIL = 2030

#: Summary columns: (column, source, how), where how is "sum" over the year's weeks or
#: "last" for the level at the year's end.
_YEARLY = (
    ("incidents", "incidents", "sum"),
    ("sought_help", "sought_help", "sum"),
    ("via_police", "entry_police", "sum"),
    ("via_agency", "entry_agency", "sum"),
    ("via_cadre", "entry_community", "sum"),
    ("direct", "entry_center", "sum"),
    ("seen_by_agencies", "seen_by_agencies", "sum"),
    ("referred", "referred", "sum"),
    ("cases_handled", "intake", "sum"),
    ("unmet_need", "unmet_need", "sum"),
    ("unreached", "unreached", "sum"),
    ("conflicts", "conflicts", "sum"),
    ("grants_lost", "grant_lost", "sum"),
    ("grants_found", "grant_renewed", "sum"),
    ("staff_laid_off", "staff_laid_off", "sum"),
    ("staff_to_volunteer", "staff_to_volunteer", "sum"),
    ("hours_cut_weeks", "hours_cut", "sum"),
    ("triaged", "triaged", "sum"),
    ("dropped_out", "dropped_out", "sum"),
    ("staff_left", "staff_left", "sum"),
    ("staff_hired", "staff_hired", "sum"),
    ("joint_programs", "joint_programs", "sum"),
    ("income", "income", "sum"),
    ("spending", "spending", "sum"),
    ("waiting", "waiting", "last"),
    ("mean_trust", "mean_trust", "last"),
    ("funds", "funds", "last"),
    ("staff", "staff", "last"),
    ("volunteers", "volunteers", "last"),
    ("cadres", "cadres", "last"),
    ("groups", "groups", "last"),
)


def years_until(until: int, start_year: int) -> int:
    """Simulated years from the start of ``start_year`` to the end of ``until``."""
    return until - start_year + 1


def run_simulation(years: float | None = None, seed: int = DEFAULT_SEED,
                   until: int | None = None, events=(), **params):
    """Run the model and return it with its weekly time series (row 0 is the start).

    Give either ``years`` (simulated years) or ``until`` (the last calendar year);
    with neither, the run goes to the end of DEFAULT_UNTIL. The series has the
    model's calendar ``year`` column. ``events`` (experiments.events) are scheduled first.
    """
    from .events import apply_events

    model = CollaborationModel(rng=seed, **params)
    apply_events(model, events)
    if years is None:
        years = years_until(until or DEFAULT_UNTIL, model.p.start_year)
    model.run(years)
    series = model.datacollector.get_model_vars_dataframe()
    series.index.name = "week"
    return model, series


def yearly_summary(series: pd.DataFrame) -> pd.DataFrame:
    """One row per simulated year: flows summed over the year, levels at its end.

    ``weeks`` is how many of the year's 52 weeks the run simulated (fewer in a last,
    partial year). With staff on the books, ``part_paid_weeks`` counts weeks whose
    salaries (at the hours in force, cut or not) were paid only in part, and
    ``no_salary_weeks`` weeks with no salary paid at all: the weeks unpaid that come
    before a layoff. Weeks of cut hours paid in full are ``hours_cut_weeks`` only.
    """
    weeks = series[series.index > 0]
    by_year = weeks.groupby("year")
    table = pd.DataFrame(index=by_year.size().index)
    table["weeks"] = by_year.size()
    for column, source, how in _YEARLY:
        table[column] = by_year[source].sum() if how == "sum" else by_year[source].last()
    seen = table["seen_by_agencies"].replace(0, np.nan)
    table.insert(table.columns.get_loc("cases_handled") + 1, "referral_uptake",
                 table["referred"] / seen)
    intake = by_year["intake"].sum().replace(0, np.nan)
    table.insert(table.columns.get_loc("unmet_need") + 1, "mean_wait_weeks",
                 by_year["wait_weeks"].sum() / intake)
    short = (weeks["unpaid_weeks"] > 0) & (weeks["staff"] > 0)
    nothing = short & (weeks["paid_share"] <= UNPAID)
    at = table.columns.get_loc("hours_cut_weeks") + 1
    table.insert(at, "part_paid_weeks", (short & ~nothing).groupby(weeks["year"]).sum())
    table.insert(at + 1, "no_salary_weeks", nothing.groupby(weeks["year"]).sum())
    for key in AGENCY_KEYS:
        table[f"referrals_{key}"] = by_year[f"referrals_{key}"].sum()
    for key in AGENCY_KEYS:
        table[f"trust_{key}"] = by_year[f"trust_{key}"].last()
    return table


#: A share at or above this counts as whole (a grant renewed in full).
FULL_SHARE = 1 - 1e-9


def partial_years(weeks_per_year: pd.Series) -> dict[int, int]:
    """Years the run simulated only in part, with the weeks it simulated."""
    return {int(y): int(n) for y, n in weeks_per_year.items() if n < WEEKS_PER_YEAR}


def donor_events(series: pd.DataFrame) -> dict[int, list[str]]:
    """By year, what happened to the programme grant, week by week, in words.

    A renewal is "a new donor" when no grant ran the week before, "in full" when the
    new cycle pays the whole grant, else "at NN% of the grant" (donor_share).
    """
    weeks = series[series.index > 0]
    active_before = series["donor_active"].shift(1).loc[weeks.index]
    said: dict[int, list[str]] = {}
    for week in weeks.index[(weeks["grant_renewed"] > 0) | (weeks["grant_lost"] > 0)]:
        row = weeks.loc[week]
        if row["grant_lost"]:
            text = "the programme donor did not renew"
        elif not active_before[week]:
            text = "a new programme donor was found"
        elif row["donor_share"] >= FULL_SHARE:
            text = "the programme donor renewed in full"
        else:
            # rounded down, so that a renewal short of the full grant never reads 100%
            share = math.floor(row["donor_share"] * 1000 + 1e-6) / 10
            text = f"the programme donor renewed at {share:g}% of the grant"
        said.setdefault(int(row["year"]), []).append(text)
    return said


#: The printed tables' abbreviated column heads, explained under the tables.
LEGEND = (
    ("Incid", "incidents of gender-based violence"),
    ("Sought", "survivors who sought help"),
    ("Police, Agency, Cadre, Direct", "how survivors came: first to the police, first to a "
                                      "government agency, found by a community group, or to "
                                      "the center directly"),
    ("Referred", "survivors referred to the center by agencies and the police"),
    ("Handled", "cases handled: survivors the center took into accompaniment"),
    ("Uptake", "referral uptake: the share of survivors seen by agencies who were referred"),
    ("Dropped", "survivors who gave up waiting for the center"),
    ("Triaged", "survivors the full center referred on (to LBH Padang or an agency) instead "
                "of putting them on its waiting list"),
    ("Unmet", "unmet need: survivors who reached a service and were not served, or "
              "dropped out"),
    ("Wait(wk)", "mean wait for the center's service, in weeks"),
    ("Trust", "agencies' mean trust in the center, 0 to 1, at year end"),
    ("Funds(IDR m)", "the center's funds at year end, in million rupiah; Income and "
                     "Spending over the year, in million rupiah"),
    ("Waiting", "survivors waiting for the center at year end"),
    ("UPTD, Dinsos, DP3A, Police", "the agencies: UPTD PPA, Dinas Sosial, DP3AP2KB and the "
                                   "police; -prov for the province, -city for Padang city"),
)
#: Decimals kept in summary.csv (counts summed from weekly floats are rounded with them).
SUMMARY_DECIMALS = 4


def format_legend(width: int = 88) -> str:
    """The legend of the printed tables, wrapped to ``width`` characters."""
    import textwrap

    column = max(len(short) for short, _ in LEGEND)
    lines = ["Legend:"]
    for short, meaning in LEGEND:
        lines += textwrap.wrap(meaning, width, initial_indent=f"  {short.ljust(column)}  ",
                               subsequent_indent=" " * (column + 4))
    return "\n".join(lines)


def format_summary(table: pd.DataFrame, title: str, series: pd.DataFrame) -> str:
    """The summary as plain text tables a person can read in a terminal.

    ``table`` is yearly_summary(``series``); the weekly ``series`` gives what happened
    to the grant and the reported figures' same-week counts.
    """
    import textwrap

    def pct(x):
        return "  -" if pd.isna(x) else f"{100 * x:3.0f}%"

    partial = partial_years(table["weeks"])

    def label(year):      # a partial year is starred: "2000*"
        return f"{year}*" if year in partial else f"{year} "

    lines = [title, "",
             "Year  Incid  Sought  Police Agency Cadre Direct  Referred  Handled  Uptake  "
             "Dropped  Triaged  Unmet  Wait(wk)  Conflicts"]
    for year, r in table.iterrows():
        wait = "  -" if pd.isna(r.mean_wait_weeks) else f"{r.mean_wait_weeks:5.1f}"
        lines.append(
            f"{label(year)} {r.incidents:5.0f}  {r.sought_help:6.0f}  {r.via_police:6.0f} "
            f"{r.via_agency:6.0f} {r.via_cadre:5.0f} {r.direct:6.0f}  {r.referred:8.0f}  "
            f"{r.cases_handled:7.0f}  {pct(r.referral_uptake):>6}  {r.dropped_out:7.0f}  "
            f"{r.triaged:7.0f}  {r.unmet_need:5.0f}  {wait:>8}  {r.conflicts:9.0f}")
    lines += ["", "Year  Trust  Funds(IDR m)  Income  Spending  Staff  Volunteers  "
              "Cadres  Groups  Waiting"]
    for year, r in table.iterrows():
        lines.append(
            f"{label(year)} {r.mean_trust:5.2f}  {r.funds:12.1f}  {r.income:6.0f}  "
            f"{r.spending:8.0f}  {r.staff:5.0f}  {r.volunteers:10.0f}  {r.cadres:6.0f}  "
            f"{r.groups:6.0f}  {r.waiting:7.0f}")
    events = []
    donor = donor_events(series)
    for year, r in table.iterrows():
        said = list(donor.get(int(year), []))
        if r.hours_cut_weeks:
            said.append(f"paid hours cut for {r.hours_cut_weeks:.0f} weeks")
        if r.part_paid_weeks:
            said.append(f"salaries paid only in part for {r.part_paid_weeks:.0f} weeks")
        if r.no_salary_weeks:
            said.append(f"no salary paid for {r.no_salary_weeks:.0f} weeks")
        if r.staff_laid_off:
            said.append(f"{r.staff_laid_off:.0f} staff laid off for lack of funds"
                        + (f", {r.staff_to_volunteer:.0f} of them stayed on as volunteers"
                           if r.staff_to_volunteer else ""))
        if r.staff_left:
            said.append(f"{r.staff_left:.0f} staff left")
        if r.staff_hired:
            said.append(f"{r.staff_hired:.0f} hired")
        if said:
            events += textwrap.wrap(f"{label(year).rstrip()}: " + "; ".join(said) + ".", 88,
                                    initial_indent="  ", subsequent_indent="    ")
    if events:
        lines += ["", "What happened (a run is one possible history: compare many seeds "
                      "before drawing conclusions)"] + events
    short = {key: _short_agency(key) for key in AGENCY_KEYS}
    for what, prefix, fmt in (("Referrals to the center", "referrals_", "{:>11.0f}"),
                              ("Trust in the center at year end", "trust_", "{:>11.2f}")):
        lines += ["", f"{what}, by agency (prov = province)",
                  "Year " + "".join(f" {short[k]:>11}" for k in AGENCY_KEYS)]
        for year, r in table.iterrows():
            lines.append(label(year) + "".join(" " + fmt.format(r[prefix + k])
                                                for k in AGENCY_KEYS))
    lines += ["", *format_reported(series)]
    if partial:
        lines += ["", "* " + "; ".join(f"{y}: {n} of {WEEKS_PER_YEAR} weeks simulated"
                                      for y, n in partial.items())
                  + " (a partial year, not comparable with full ones)"]
    lines += ["", format_legend()]
    return "\n".join(lines)


def format_reported(series: pd.DataFrame) -> list[str]:
    """The "Reported figures" block: each reported row the run covers beside the run's value.

    Counts are summed over the same weeks as the row (the first 48 weeks for an
    11-month count); groups are the level at the end of the year. Rows of the
    provincial SIMFONI system count all of West Sumatra, not the model's catchment;
    they are named and not set beside the run (nor does calibration fit them).
    """
    import textwrap

    years = series.loc[series.index > 0, "year"]
    first, last = int(years.min()), int(years.max())
    rows, apart = [], []
    for row in ROWS:
        if row.scope == SIMFONI:
            if first <= row.year <= last:
                apart.append(row.label)
            continue
        value = run_value(series, row)
        if value is None:
            continue
        weeks = "end" if measure_of(row)[1] == "end" else f"1-{weeks_of(row.months)}"
        what = f"{row.scope}, {row.measure}" + ("" if row.months == 12
                                                else f" (first {row.months} months)")
        rows.append(f"  {row.year}  {weeks:>5}  {row.value:8g}  {value:8.0f}  {what}")
    if not rows and not apart:
        span = sorted({r.year for r in ROWS})
        return [f"Reported figures: none falls within the weeks this run simulated "
                f"({first if first == last else f'{first}-{last}'}); the reported years are "
                f"{span[0]}-{span[-1]}."]
    lines = ["Reported figures beside this run, over the same weeks of the same year",
             "(one run is one possible history; a week span of 'end' is the level at the "
             "year's end)"]
    if rows:
        lines += ["  Year  Weeks  Reported  This run  Who and what", *rows]
    if apart:
        lines += textwrap.wrap("Not set beside this run (province-wide, not the model's "
                               "catchment): "
                               + "; ".join(apart), 88, initial_indent="  ",
                               subsequent_indent="    ")
    return lines


def _short_agency(key: str) -> str:
    """A column label such as 'UPTD-prov' or 'Police-city'."""
    kind, field = key.rsplit("_", 1)
    names = {"uptd_ppa": "UPTD", "dinsos": "Dinsos", "dp3ap2kb": "DP3A", "police": "Police"}
    return f"{names[kind]}-{'prov' if field == 'province' else 'city'}"


def versions() -> dict:
    """Versions of Python and the packages a result depends on."""
    found = {"python": platform.python_version()}
    for name in ("kolaborasi", "mesa", "numpy", "scipy", "pandas", "pyarrow", "networkx",
                 "matplotlib", "SALib", "dask", "distributed"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def write_outputs(out: Path, model, series: pd.DataFrame, table: pd.DataFrame,
                  years: float, seed: int, params: dict) -> list[Path]:
    """Write the time series (CSV, Parquet), the yearly summary, the run's metadata,
    the final collaboration network (GraphML) and a PNG of the main curves."""
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def path(name):
        written.append(out / name)
        return out / name

    series.to_csv(path("timeseries.csv"))
    series.to_parquet(path("timeseries.parquet"))
    table.round(SUMMARY_DECIMALS).to_csv(path("summary.csv"))
    meta = {"years": years, "seed": seed, "parameters": model.p.as_dict(),
            "changed_parameters": params, "survivors_by_state": model.survivor_counts(),
            "versions": versions()}
    path("run.json").write_text(json.dumps(meta, indent=2) + "\n")
    nx.write_graphml(model.network(), path("network.graphml"))
    plot_main_curves(series, path("main_curves.png"))
    return written


def full_year_sums(weeks: pd.DataFrame, column: str) -> pd.Series:
    """Yearly sums of a weekly column over the years the run simulated in full."""
    by_year = weeks.groupby("year")
    sums = by_year[column].sum()
    return sums[by_year.size() == WEEKS_PER_YEAR]


def _stairs(ax, sums: pd.Series, **style) -> None:
    """Yearly totals as flat steps, each over its own year."""
    if len(sums):
        ax.stairs(sums.to_numpy(), np.append(sums.index.to_numpy(), sums.index[-1] + 1),
                  baseline=None, **style)


def _legend_above(ax, fontsize=7) -> None:
    """A legend in room made above the curves, so it hides no point."""
    entries = len(ax.get_legend_handles_labels()[1])
    low, high = ax.get_ylim()
    ax.set_ylim(low, low + (high - low) * (1 + 0.11 * entries))
    ax.legend(fontsize=fontsize, loc="upper left")


def plot_main_curves(series: pd.DataFrame, target: Path) -> None:
    """Seven panels: cases, referral uptake, trust, funds, people, community, agencies' cases.

    Yearly totals are drawn for full years only (a partial last year is named in the
    legend); reported figures are drawn where the run covers their year.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    weeks = series[series.index > 0]
    t = weeks["year"] + ((weeks.index - 1) % WEEKS_PER_YEAR) / WEEKS_PER_YEAR
    partial = partial_years(weeks.groupby("year").size())
    left_out = "".join(f"; {y}: {n} of {WEEKS_PER_YEAR} weeks, not drawn"
                       for y, n in partial.items())
    roll = WEEKS_PER_QUARTER  # to smooth weekly noise
    fig, axes = plt.subplots(2, 4, figsize=(17, 7), constrained_layout=True)
    ax = axes[0, 0]
    yearly = full_year_sums(weeks, "intake")
    _stairs(ax, yearly, label=f"cases handled a year (full years{left_out})")
    ax.plot(t, weeks["in_service"], label="in service")
    ax.plot(t, weeks["waiting"], label="waiting")
    reported = [r for r in center_cases() if r.year in yearly.index]
    if reported:
        ax.plot([r.year + 0.5 for r in reported], [r.per_year for r in reported], "kD", ms=5,
                label="reported (a year; 11-month counts scaled to 12)")
    ax.set_title("Casework")
    _legend_above(ax)
    ax = axes[0, 1]
    uptake = (weeks["referred"].rolling(roll, min_periods=1).sum()
              / weeks["seen_by_agencies"].rolling(roll, min_periods=1).sum())
    ax.plot(t, uptake, color="tab:purple")
    ax.set_ylim(0, 1)
    ax.set_title("Referral uptake (13-week window)")
    ax = axes[0, 2]
    for key in AGENCY_KEYS:
        ax.plot(t, weeks[f"trust_{key}"], lw=0.8, label=key)
    ax.plot(t, weeks["mean_trust"], color="black", lw=2, label="mean")
    ax.set_ylim(0, 1)
    ax.set_title("Agencies' trust in the center")
    ax.legend(fontsize=6, ncol=2)
    ax = axes[1, 0]
    ax.plot(t, weeks["funds"], color="tab:green")
    ax.set_title("Funds (IDR million)")
    ax = axes[1, 1]
    ax.plot(t, weeks["staff"], label="staff")
    ax.plot(t, weeks["volunteers"], label="volunteers")
    ax.set_title("People")
    ax.legend(fontsize=8)
    ax = axes[1, 2]
    ax.plot(t, weeks["cadres"], label="cadres")
    ax.plot(t, weeks["groups"], label="community groups")
    groups = [r for r in center_groups() if r.year in yearly.index]
    if groups:
        ax.plot([r.year + 1 for r in groups], [r.value for r in groups], "kD", ms=5,
                label="reported groups (" + ", ".join(str(r.year) for r in groups) + ")")
    ax.set_title("Community field")
    _legend_above(ax)
    ax = axes[0, 3]
    for (scope, measure, years, key), colour in zip(AGENCY_COUNTS, ("tab:red", "tab:blue")):
        _stairs(ax, full_year_sums(weeks, "seen_" + key), color=colour,
                label=f"{key}, this run")
        rows = [pick(scope, measure, y) for y in years if y in yearly.index]
        if rows:
            ax.plot([r.year + 0.5 for r in rows], [r.per_year for r in rows], "D", ms=6,
                    color=colour, mec="black",
                    label=f"{key}, reported " + ", ".join(str(r.year) for r in rows))
    ax.set_title("Cases agencies received a year (full years)")
    ax.set_ylim(bottom=0)
    _legend_above(ax)
    axes[1, 3].set_visible(False)
    for ax in axes.flat:
        ax.set_xlabel("year")
        ax.set_xlim(float(t.iloc[0]), float(t.iloc[-1]) + 1 / WEEKS_PER_YEAR)
        ax.ticklabel_format(axis="x", useOffset=False, style="plain")
        ax.xaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
        ax.grid(alpha=0.3)
    fig.savefig(target, dpi=110)
    plt.close(fig)
