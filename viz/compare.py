"""Compare page: two scenarios side by side over many runs, with a verdict on every outcome.

The runs happen in the background (``solara.lab.task``), with a progress bar; the page
stays usable meanwhile. Both scenarios use the same seeds, so each outcome's difference
is paired run by run and tested (paired t-test, Holm's adjustment over the six
headline outcomes). "More runs" extends a finished comparison up to 200 runs per
scenario, keeping the runs already made.
"""

from __future__ import annotations

import math
from dataclasses import replace

import solara

from model import ParameterError, validate

from .charts import Line, line_chart
from .i18n import number, p_value, percent, points, t
from .levers import changed_only, full_parameters
from .live import Settings, parse_seed
from .provenance import csv_with_header, provenance
from .replicate import MAX_REPS, Cancelled, Comparison, compare, extend
from .session import CompareSetup, use_session
from .theme import ACCENT, PALETTE
from .widgets import LeverPanel, Message, ProgressLine, RangeSlider, ScenarioSelect, Svg

#: Curves drawn on the Compare page: (curve, i18n title key, as percent, fixed 0-1 axis).
CHARTS = (
    ("uptake", "chart.uptake", True, True),
    ("cases", "chart.cases_rate", False, False),
    ("unmet", "chart.unmet_rate", False, False),
    ("trust", "chart.mean_trust", False, True),
    ("funds", "chart.funds", False, False),
    ("staff", "chart.staff_title", False, False),
)


def scenario_title(settings: Settings, lang: str) -> str:
    """A scenario's title, marked when its settings were edited."""
    from experiments.spec import load_scenario

    scenario = load_scenario(settings.scenario)
    title = scenario.title[lang]
    if dict(scenario.parameters) != settings.changes:
        title += f" ({t('compare.edited', lang)})"
    return title


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def fmt(metric: str, value: float, lang: str) -> str:
    """An outcome's value as the verdict writes it."""
    if metric == "uptake":
        return percent(value, lang)
    if metric == "trust":
        return number(value, lang, 2)
    if metric in ("staff", "volunteers", "groups", "conflicts"):
        return number(value, lang, 1)
    return number(value, lang)


def fmt_diff(metric: str, value: float, lang: str) -> str:
    """A paired difference (B - A) with its sign."""
    if metric == "uptake":
        return points(value, lang)
    digits = 2 if metric == "trust" else 1 if metric in ("staff", "volunteers", "groups") else 0
    return number(value, lang, digits, sign=True)


def with_ci(metric: str, values: tuple, lang: str) -> str:
    """"mean (low–high)" of one arm, or just the mean when there is no interval."""
    m, lo, hi = values
    if not math.isfinite(lo):
        return fmt(metric, m, lang)
    return f"{fmt(metric, m, lang)} ({fmt(metric, lo, lang)}–{fmt(metric, hi, lang)})"


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('verdict.and', lang)} " + items[-1]


def last_year(result: Comparison) -> int:
    """The calendar year of the last simulated week."""
    return result.start_year + max(1, math.ceil(result.years)) - 1


def verdict(result: Comparison, lang: str, title_a: str, title_b: str
            ) -> tuple[str, list[str], str]:
    """(headline, one sentence per outcome, what more runs could do), all from the numbers."""
    year = last_year(result)
    outcomes = result.outcomes()

    def name(o):
        return t(f"outcome.{o.metric}", lang, year=year)

    lines = []
    for o in outcomes:
        kind = {1: "up", -1: "down", 0: "same"}[o.direction]
        label = name(o)
        lines.append(t(f"verdict.line_{kind}", lang, Outcome=label[0].upper() + label[1:],
                       a=with_ci(o.metric, o.a, lang), b=with_ci(o.metric, o.b, lang),
                       diff=fmt_diff(o.metric, o.diff[0], lang),
                       lo=fmt_diff(o.metric, o.diff[1], lang),
                       hi=fmt_diff(o.metric, o.diff[2], lang), p=p_value(o.p_holm, lang)))
    lines.append(t("verdict.also", lang, a=fmt("volunteers", result.a.end("volunteers")[0], lang),
                   b=fmt("volunteers", result.b.end("volunteers")[0], lang),
                   c=fmt("groups", result.a.end("groups")[0], lang),
                   d=fmt("groups", result.b.end("groups")[0], lang)))
    differ = [o for o in outcomes if o.differs]
    values = dict(a=f"“{title_a}”", b=f"“{title_b}”", n=result.reps, m=len(outcomes))
    if differ:
        which = [t("verdict.higher" if o.direction > 0 else "verdict.lower", lang,
                   outcome=name(o)) for o in differ]
        headline = t("verdict.headline_some", lang, k=len(differ), which=_join(which, lang),
                     **values)
    else:
        headline = t("verdict.headline_none", lang, **values)
    same = [name(o) for o in outcomes if not o.differs]
    if not same:
        more = ""
    elif result.reps < MAX_REPS:
        more = t("verdict.more", lang, which=_join(same, lang))
    else:
        more = t("verdict.at_max", lang, n=result.reps, which=_join(same, lang))
    return headline, lines, more


def compare_charts(result: Comparison, lang: str, title_a: str, title_b: str):
    """(key, SVG) of the band charts."""
    x = result.calendar
    out = []
    for curve, key, as_percent, unit_axis in CHARTS:
        lines = []
        for arm, colour, title in ((result.a, PALETTE["a"], "A · " + _short(title_a)),
                                   (result.b, PALETTE["b"], "B · " + _short(title_b))):
            mean, lo, hi = arm.band(curve)
            lines.append(Line(title, colour, mean, lo, hi, width=2.2))
        out.append((curve, line_chart(t(key, lang), x, lines, y_min=0,
                                      y_max=1 if unit_axis else None, percent=as_percent,
                                      x_label=t("common.year", lang), lang=lang)))
    return out


def compare_png(result: Comparison, lang: str, title_a: str, title_b: str) -> bytes:
    from .export import bands_png

    x = result.calendar
    panels = []
    for curve, key, _percent, _axis in CHARTS:
        lines = [("A · " + _short(title_a), PALETTE["a"], *result.a.band(curve)),
                 ("B · " + _short(title_b), PALETTE["b"], *result.b.band(curve))]
        panels.append((t(key, lang), lines))
    return bands_png(panels, t("png.compare_title", lang, a=_short(title_a), b=_short(title_b),
                               n=result.reps), x)


@solara.component
def SideEditor(side: str, settings: Settings, on_settings, lang: str, disabled: bool):
    """One scenario of the pair: preset, description, and its levers on demand."""
    from experiments.spec import load_scenario

    open_, set_open = solara.use_state(False)
    scenario = load_scenario(settings.scenario)
    colour = PALETTE[side]

    def pick(name):
        on_settings(Settings.of_scenario(name, settings.seed_text))

    def lever(name, value):
        changes = dict(settings.changes)
        changes[name] = value
        on_settings(replace(settings, changes=changed_only(full_parameters(changes))))

    with solara.Div(classes=["kb-card", "kb-side"],
                    style={"border-top": f"5px solid {colour}"}) as main:
        solara.Text(t(f"compare.side_{side}", lang), classes=["kb-card-title"],
                    style={"color": colour})
        ScenarioSelect(settings.scenario, pick, lang, test_id=f"scenario-{side}")
        solara.Text(scenario.description[lang], classes=["kb-scenario-text"])
        if dict(scenario.parameters) != settings.changes:
            solara.Text("✎ " + t("compare.edited", lang), classes=["kb-chip"])
        solara.Button(("▾ " if open_ else "▸ ") + t("compare.edit", lang), text=True,
                      on_click=lambda: set_open(not open_), classes=[f"kb-edit-{side}"])
        if open_:
            LeverPanel(settings.parameters, lever, lang, disabled=disabled, prefix=f"{side}-")
    return main


def arm_label(settings: Settings) -> str:
    """The name a CSV gives an arm: the scenario, marked when its settings were edited."""
    from experiments.spec import load_scenario

    edited = dict(load_scenario(settings.scenario).parameters) != settings.changes
    return settings.scenario + (" (edited)" if edited else "")


def comparison_csv(result: Comparison, setup: CompareSetup) -> str:
    """Every run's end-of-run numbers under a header saying how to make them again."""
    info = {"kind": "Kolaborasi comparison", "runs_per_scenario": result.reps,
            "years": result.years, "first_seed": result.seed,
            "seeds": "replicate k of A and of B share one seed, derived from first_seed "
                     "and k (experiments.replicates.replicate_seed)",
            "A": provenance(setup.a, result.seed, setup.a.events),
            "B": provenance(setup.b, result.seed, setup.b.events)}
    return csv_with_header(result.table(), info, index=False)


@solara.lab.task
def comparison_task(setup: CompareSetup, prior: Comparison | None, target: int):
    """Runs of both scenarios (or more runs of a finished comparison), with progress."""

    def report(fraction: float) -> None:
        if not comparison_task.is_current():
            raise Cancelled()
        comparison_task.progress = 100 * fraction

    if prior is None:
        seed = parse_seed(setup.seed_text)
        result = compare(setup.a.parameters, setup.b.parameters, target, setup.years, seed,
                         (arm_label(setup.a), arm_label(setup.b)), report,
                         events=(setup.a.events, setup.b.events))
    else:
        result = extend(prior, target, report)
    return setup, result


def wait_for(task, timeout: float = 120.0) -> None:
    """Block until ``task`` is no longer pending (for tests and scripts)."""
    finished = getattr(task, "_last_finished_event", None)   # set once the page is updated
    if finished is not None:
        finished.wait(timeout)


def next_size(reps: int) -> int:
    """How many runs "More runs" goes to: double, at least 10 more, at most MAX_REPS."""
    return min(MAX_REPS, max(reps + 10, 2 * reps))


@solara.component
def Results(result: Comparison, setup: CompareSetup, lang: str, stale: bool, on_more=None):
    """Verdict, band charts and downloads of a finished comparison."""
    title_a, title_b = scenario_title(setup.a, lang), scenario_title(setup.b, lang)
    headline, lines, more = verdict(result, lang, title_a, title_b)
    with solara.Column(gap="14px") as main:
        with solara.Div(classes=["kb-card", "kb-verdict"], attributes={"data-testid": "verdict"}):
            solara.Text(t("compare.verdict", lang), classes=["kb-card-title"])
            solara.Text(headline, classes=["kb-headline"])
            items = "".join(f"<li>{line}</li>" for line in lines)
            solara.HTML(tag="ul", unsafe_innerHTML=items, classes=["kb-verdict-list"])
            if more:
                solara.Text(more, classes=["kb-more-note"])
            if on_more is not None and result.reps < MAX_REPS and not stale:
                solara.Button(t("compare.more", lang, n=result.reps, m=next_size(result.reps)),
                              icon_name="mdi-plus", outlined=True, on_click=on_more,
                              classes=["kb-more-runs"])
            solara.Text(t("verdict.note", lang, n=result.reps), classes=["kb-note"])
            if stale:
                solara.Warning(t("compare.stale", lang), dense=True)
        with solara.Div(classes=["kb-charts"]):
            for key, svg in compare_charts(result, lang, title_a, title_b):
                with solara.Div(classes=["kb-card", "kb-chart-card"]):
                    Svg(svg, test_id=f"compare-{key}")
        with solara.Row(classes=["kb-downloads"], style={"align-items": "center"}):
            solara.Text(t("explore.export", lang) + ":", classes=["kb-muted"])
            solara.FileDownload(lambda: comparison_csv(result, setup),
                                filename="kolaborasi-comparison.csv",
                                label=t("compare.csv", lang), mime_type="text/csv")
            solara.FileDownload(lambda: compare_png(result, lang, title_a, title_b),
                                filename="kolaborasi-comparison.png",
                                label=t("compare.png", lang), mime_type="image/png")
    return main


def check_setup(setup: CompareSetup):
    """A (key, values) message for a setup that cannot run, else None."""
    try:
        parse_seed(setup.seed_text)
    except ValueError:
        return ("error.seed", {"text": setup.seed_text[:40]})
    for settings in (setup.a, setup.b):
        try:
            validate(**settings.parameters)
        except ParameterError as err:
            return ("error.params", {"detail": str(err)})
    return None


def start_comparison(session, setup: CompareSetup, lang: str = "en"):
    """Check the setup and start the runs; returns a (key, values) message or None."""
    message = check_setup(setup)
    if message is None:
        session.compare_runs.value = (0, setup.reps)
        comparison_task(setup, None, setup.reps)
    return message


def same_runs(a: CompareSetup, b: CompareSetup) -> bool:
    """Whether two setups describe the same runs (apart from how many)."""
    return replace(a, reps=0) == replace(b, reps=0)


@solara.component
def Page():
    """The Compare page."""
    session = use_session()
    lang = session.lang.value
    setup = session.compare_setup.value
    running = comparison_task.pending
    message, set_message = solara.use_state(None)
    done = comparison_task.latest if running else comparison_task.value

    def update(**changes):
        session.compare_setup.value = replace(session.compare_setup.value, **changes)

    def run():
        set_message(start_comparison(session, session.compare_setup.value, lang))

    def more():
        tag, result = done
        session.compare_runs.value = (result.reps, next_size(result.reps))
        comparison_task(tag, result, next_size(result.reps))

    with solara.Column(gap="14px", classes=["kb-page"]) as main:
        solara.Text(t("compare.heading", lang), classes=["kb-page-title"])
        solara.Text(t("compare.intro", lang), classes=["kb-intro"])
        with solara.Div(classes=["kb-sides"]):
            SideEditor("a", setup.a, lambda s: update(a=s), lang, running)
            SideEditor("b", setup.b, lambda s: update(b=s), lang, running)
            with solara.Div(classes=["kb-card", "kb-run-card"]):
                RangeSlider(t("compare.reps", lang), setup.reps, 5, MAX_REPS, 5,
                            lambda v: update(reps=int(v)), lang, disabled=running,
                            test_id="compare-reps")
                RangeSlider(t("compare.years", lang), setup.years, 1, 10, 1,
                            lambda v: update(years=int(v)), lang, disabled=running,
                            test_id="compare-years")
                solara.InputText(t("compare.seed", lang), value=setup.seed_text,
                                 on_value=lambda v: update(seed_text=v), continuous_update=False,
                                 classes=["kb-compare-seed"])
                if running:
                    base, target = session.compare_runs.value
                    total = 2 * (target - base)
                    fraction = (comparison_task.progress or 0) / 100
                    ProgressLine(fraction, t("compare.progress", lang,
                                             done=round(fraction * total), total=total))
                    solara.Button(t("common.cancel", lang), on_click=comparison_task.cancel,
                                  text=True, classes=["kb-cancel"])
                else:
                    solara.Button(t("compare.run", lang), icon_name="mdi-play", color=ACCENT,
                                  dark=True, on_click=run, classes=["kb-run-compare"],
                                  style={"font-size": "16px"})
                Message(message, lang)
                if comparison_task.error:
                    solara.Error(t("common.error", lang, detail=str(comparison_task.exception)),
                                 dense=True)
        if done is not None:
            tag, result = done
            Results(result, tag, lang, stale=not same_runs(tag, setup),
                    on_more=None if running else more)
        elif not running:
            solara.Info(t("compare.none_yet", lang), classes=["kb-none-yet"])
    return main
