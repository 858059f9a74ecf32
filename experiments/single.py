"""Run one simulation, summarise it year by year and write its outputs."""

from __future__ import annotations

import json
import platform
from importlib import metadata
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from model import AGENCY_KEYS, WEEKS_PER_YEAR, CollaborationModel
from model.calendar import WEEKS_PER_QUARTER

from .reported import center_cases, center_groups

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
    """One row per simulated year: flows summed over the year, levels at its end."""
    weeks = series[series.index > 0]
    by_year = weeks.groupby("year")
    table = pd.DataFrame(index=by_year.size().index)
    for column, source, how in _YEARLY:
        table[column] = by_year[source].sum() if how == "sum" else by_year[source].last()
    seen = table["seen_by_agencies"].replace(0, np.nan)
    table.insert(table.columns.get_loc("cases_handled") + 1, "referral_uptake",
                 table["referred"] / seen)
    intake = by_year["intake"].sum().replace(0, np.nan)
    table.insert(table.columns.get_loc("unmet_need") + 1, "mean_wait_weeks",
                 by_year["wait_weeks"].sum() / intake)
    for key in AGENCY_KEYS:
        table[f"referrals_{key}"] = by_year[f"referrals_{key}"].sum()
    for key in AGENCY_KEYS:
        table[f"trust_{key}"] = by_year[f"trust_{key}"].last()
    return table


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


def format_summary(table: pd.DataFrame, title: str) -> str:
    """The summary as plain text tables a person can read in a terminal."""
    def pct(x):
        return "  -" if pd.isna(x) else f"{100 * x:3.0f}%"

    lines = [title, "",
             "Year  Incid  Sought  Police Agency Cadre Direct  Referred  Handled  Uptake  "
             "Dropped  Triaged  Unmet  Wait(wk)  Conflicts"]
    for year, r in table.iterrows():
        wait = "  -" if pd.isna(r.mean_wait_weeks) else f"{r.mean_wait_weeks:5.1f}"
        lines.append(
            f"{year:>4}  {r.incidents:5.0f}  {r.sought_help:6.0f}  {r.via_police:6.0f} "
            f"{r.via_agency:6.0f} {r.via_cadre:5.0f} {r.direct:6.0f}  {r.referred:8.0f}  "
            f"{r.cases_handled:7.0f}  {pct(r.referral_uptake):>6}  {r.dropped_out:7.0f}  "
            f"{r.triaged:7.0f}  {r.unmet_need:5.0f}  {wait:>8}  {r.conflicts:9.0f}")
    lines += ["", "Year  Trust  Funds(IDR m)  Income  Spending  Staff  Volunteers  "
              "Cadres  Groups  Waiting"]
    for year, r in table.iterrows():
        lines.append(
            f"{year:>4}  {r.mean_trust:5.2f}  {r.funds:12.1f}  {r.income:6.0f}  "
            f"{r.spending:8.0f}  {r.staff:5.0f}  {r.volunteers:10.0f}  {r.cadres:6.0f}  "
            f"{r.groups:6.0f}  {r.waiting:7.0f}")
    events = []
    for year, r in table.iterrows():
        said = []
        if r.grants_lost:
            said.append("the programme donor did not renew")
        if r.grants_found:
            said.append("a programme donor renewed or was found")
        if r.hours_cut_weeks:
            said.append(f"paid hours cut for {r.hours_cut_weeks:.0f} weeks")
        if r.staff_laid_off:
            said.append(f"{r.staff_laid_off:.0f} staff laid off for lack of funds"
                        + (f", {r.staff_to_volunteer:.0f} of them stayed on as volunteers"
                           if r.staff_to_volunteer else ""))
        if r.staff_left:
            said.append(f"{r.staff_left:.0f} staff left")
        if r.staff_hired:
            said.append(f"{r.staff_hired:.0f} hired")
        if said:
            events.append(f"  {year}: " + "; ".join(said) + ".")
    if events:
        lines += ["", "What happened (a run is one possible history: compare many seeds "
                      "before drawing conclusions)"] + events
    short = {key: _short_agency(key) for key in AGENCY_KEYS}
    for what, prefix, fmt in (("Referrals to the center", "referrals_", "{:>11.0f}"),
                              ("Trust in the center at year end", "trust_", "{:>11.2f}")):
        lines += ["", f"{what}, by agency (prov = province)",
                  "Year" + "".join(f" {short[k]:>11}" for k in AGENCY_KEYS)]
        for year, r in table.iterrows():
            lines.append(f"{year:>4}" + "".join(" " + fmt.format(r[prefix + k])
                                                for k in AGENCY_KEYS))
    lines += ["", format_legend()]
    return "\n".join(lines)


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


def plot_main_curves(series: pd.DataFrame, target: Path) -> None:
    """Six panels: cases, referral uptake, trust, funds, people, community."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    weeks = series[series.index > 0]
    t = weeks["year"] + ((weeks.index - 1) % WEEKS_PER_YEAR) / WEEKS_PER_YEAR
    roll = WEEKS_PER_QUARTER  # to smooth weekly noise
    fig, axes = plt.subplots(2, 3, figsize=(13, 7), constrained_layout=True)
    ax = axes[0, 0]
    yearly = weeks.groupby("year")["intake"].sum()
    ax.step(yearly.index, yearly.to_numpy(), where="post", label="cases handled in the year")
    ax.plot(t, weeks["in_service"], label="in service")
    ax.plot(t, weeks["waiting"], label="waiting")
    reported = center_cases()
    ax.plot([r.year + 0.5 for r in reported], [r.per_year for r in reported], "kD", ms=5,
            label="reported cases handled (a year)")
    ax.set_title("Casework")
    ax.legend(fontsize=7)
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
    groups = center_groups()
    ax.plot([r.year + 1 for r in groups], [r.value for r in groups], "kD", ms=5,
            label="reported groups (2019)")
    ax.set_title("Community field")
    ax.legend(fontsize=8)
    for ax in axes.flat:
        ax.set_xlabel("year")
        ax.grid(alpha=0.3)
    fig.savefig(target, dpi=110)
    plt.close(fig)
