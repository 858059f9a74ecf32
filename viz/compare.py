"""Compare page: two scenarios side by side over several runs, with a plain-language verdict.

The runs happen in a background thread of this session (viz.jobs), with a progress
bar; the page stays usable meanwhile. Both scenarios use the same seeds, so the
verdict's difference is paired run by run.
"""

from __future__ import annotations

import math
from dataclasses import replace

import solara

from model import WEEKS_PER_YEAR, ParameterError, validate

from .charts import PALETTE, Line, line_chart
from .i18n import number, t
from .levers import changed_only, full_parameters
from .live import Settings, parse_seed
from .replicate import Comparison, compare
from .session import CompareSetup, use_session
from .widgets import LeverPanel, Message, ProgressLine, ScenarioSelect, Svg

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


def _pct(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{100 * x:.0f}%"


def _fmt(metric: str, value: float, lang: str) -> str:
    if not math.isfinite(value):
        return "–"
    if metric == "uptake":
        return _pct(value)
    if metric == "trust":
        return number(value, lang, 2)
    if metric in ("staff", "volunteers", "groups"):
        return number(value, lang, 1)
    return number(value, lang)


def _with_ci(arm, metric: str, lang: str) -> str:
    m, lo, hi = arm.end(metric)
    if not math.isfinite(lo):
        return _fmt(metric, m, lang)
    return f"{_fmt(metric, m, lang)} ({_fmt(metric, lo, lang)}–{_fmt(metric, hi, lang)})"


def verdict(result: Comparison, lang: str, title_a: str, title_b: str) -> tuple[str, list[str]]:
    """A headline sentence and one line per outcome, in ``lang``."""
    year = int(math.ceil(result.years))
    diff, lo, hi = result.paired_difference("uptake")

    def pts(x):
        return "–" if not math.isfinite(x) else f"{100 * x:+.0f}"

    values = dict(a=f"“{title_a}”", b=f"“{title_b}”", n=result.reps,
                  diff=f"{abs(100 * diff):.0f}" if math.isfinite(diff) else "–",
                  lo=pts(lo), hi=pts(hi))
    if math.isfinite(lo) and lo > 0:
        headline = t("verdict.headline_up", lang, **values)
    elif math.isfinite(hi) and hi < 0:
        headline = t("verdict.headline_down", lang, **values)
    else:
        values["diff"] = pts(diff)
        headline = t("verdict.headline_same", lang, **values)
    a, b = result.a, result.b
    lines = [
        t("verdict.uptake", lang, year=year, a=_with_ci(a, "uptake", lang),
          b=_with_ci(b, "uptake", lang)),
        t("verdict.cases", lang, year=year, a=_with_ci(a, "cases", lang),
          b=_with_ci(b, "cases", lang)),
        t("verdict.unmet", lang, year=year, a=_with_ci(a, "unmet", lang),
          b=_with_ci(b, "unmet", lang)),
        t("verdict.trust", lang, a=_with_ci(a, "trust", lang), b=_with_ci(b, "trust", lang)),
        t("verdict.staff", lang, a=_fmt("staff", a.end("staff")[0], lang),
          b=_fmt("staff", b.end("staff")[0], lang),
          c=_fmt("volunteers", a.end("volunteers")[0], lang),
          d=_fmt("volunteers", b.end("volunteers")[0], lang)),
        t("verdict.funds", lang, a=_with_ci(a, "funds", lang), b=_with_ci(b, "funds", lang)),
        t("verdict.groups", lang, a=_fmt("groups", a.end("groups")[0], lang),
          b=_fmt("groups", b.end("groups")[0], lang)),
    ]
    return headline, lines


def compare_charts(result: Comparison, lang: str, title_a: str, title_b: str):
    """(key, SVG) of the band charts."""
    x = result.weeks / WEEKS_PER_YEAR
    out = []
    for curve, key, percent, unit_axis in CHARTS:
        lines = []
        for arm, colour, title in ((result.a, PALETTE["a"], "A · " + _short(title_a)),
                                   (result.b, PALETTE["b"], "B · " + _short(title_b))):
            mean, lo, hi = arm.band(curve)
            lines.append(Line(title, colour, mean, lo, hi, width=2.2))
        out.append((curve, line_chart(t(key, lang), x, lines, y_min=0,
                                      y_max=1 if unit_axis else None, percent=percent,
                                      x_label=t("common.year", lang))))
    return out


def compare_png(result: Comparison, lang: str, title_a: str, title_b: str) -> bytes:
    from .export import bands_png

    x = result.weeks / WEEKS_PER_YEAR
    panels = []
    for curve, key, _percent, _axis in CHARTS:
        lines = [("A · " + _short(title_a), PALETTE["a"], *result.a.band(curve)),
                 ("B · " + _short(title_b), PALETTE["b"], *result.b.band(curve))]
        panels.append((t(key, lang), lines))
    return bands_png(panels, f"Kolaborasi: A vs B, {result.reps} runs each", x)


@solara.component
def SideEditor(side: str, settings: Settings, on_settings, lang: str, disabled: bool):
    """One scenario of the pair: preset, description, and its levers on demand."""
    from experiments.spec import load_scenario

    open_, set_open = solara.use_state(False)
    scenario = load_scenario(settings.scenario)
    colour = PALETTE[side]

    def pick(name):
        on_settings(Settings(name, dict(load_scenario(name).parameters), settings.seed_text))

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


@solara.component
def Results(result: Comparison, lang: str, stale: bool, title_a: str, title_b: str):
    """Verdict, band charts and downloads of a finished comparison."""
    headline, lines = verdict(result, lang, title_a, title_b)
    with solara.Column(gap="14px") as main:
        with solara.Div(classes=["kb-card", "kb-verdict"], attributes={"data-testid": "verdict"}):
            solara.Text(t("compare.verdict", lang), classes=["kb-card-title"])
            solara.Text(headline, classes=["kb-headline"])
            items = "".join(f"<li>{line}</li>" for line in lines)
            solara.HTML(tag="ul", unsafe_innerHTML=items, classes=["kb-verdict-list"])
            solara.Text(t("verdict.note", lang, n=result.reps), classes=["kb-note"])
            if stale:
                solara.Warning(t("compare.stale", lang), dense=True)
        with solara.Div(classes=["kb-charts"]):
            for key, svg in compare_charts(result, lang, title_a, title_b):
                with solara.Div(classes=["kb-card", "kb-chart-card"]):
                    Svg(svg, test_id=f"compare-{key}")
        with solara.Row(classes=["kb-downloads"], style={"align-items": "center"}):
            solara.Text(t("explore.export", lang) + ":", classes=["kb-muted"])
            solara.FileDownload(lambda: result.table().to_csv(index=False),
                                filename="kolaborasi-comparison.csv",
                                label=t("compare.csv", lang), mime_type="text/csv")
            solara.FileDownload(lambda: compare_png(result, lang, title_a, title_b),
                                filename="kolaborasi-comparison.png",
                                label=t("compare.png", lang), mime_type="image/png")
    return main


def start_comparison(session, setup: CompareSetup, lang: str):
    """Check the setup and start the runs; returns a (key, values) message or None."""
    try:
        seed = parse_seed(setup.seed_text)
    except ValueError:
        return ("error.seed", {"text": setup.seed_text[:40]})
    try:
        params_a = validate(**setup.a.parameters).as_dict()
        params_b = validate(**setup.b.parameters).as_dict()
    except ParameterError as err:
        return ("error.params", {"detail": str(err)})
    labels = (setup.a.scenario, setup.b.scenario)
    session.compare_job.start(
        lambda report: compare(params_a, params_b, setup.reps, setup.years, seed, labels, report),
        tag=setup)
    return None


@solara.component
def Page():
    """The Compare page."""
    session = use_session()
    lang = session.lang.value
    setup = session.compare_setup.value
    state = session.compare_job.state.value
    message, set_message = solara.use_state(None)

    def update(**changes):
        session.compare_setup.value = replace(session.compare_setup.value, **changes)

    def run():
        set_message(start_comparison(session, session.compare_setup.value, lang))

    with solara.Column(gap="14px", classes=["kb-page"]) as main:
        solara.Text(t("compare.heading", lang), classes=["kb-page-title"])
        solara.Text(t("compare.intro", lang), classes=["kb-intro"])
        with solara.Div(classes=["kb-sides"]):
            SideEditor("a", setup.a, lambda s: update(a=s), lang, state.running)
            SideEditor("b", setup.b, lambda s: update(b=s), lang, state.running)
            with solara.Div(classes=["kb-card", "kb-run-card"]):
                solara.SliderInt(f'{t("compare.reps", lang)}: {setup.reps}', value=setup.reps,
                                 min=5, max=20, on_value=lambda v: update(reps=int(v)),
                                 disabled=state.running)
                solara.SliderInt(f'{t("compare.years", lang)}: {setup.years}',
                                 value=setup.years, min=1, max=5,
                                 on_value=lambda v: update(years=int(v)), disabled=state.running)
                solara.InputText(t("compare.seed", lang), value=setup.seed_text,
                                 on_value=lambda v: update(seed_text=v), continuous_update=False,
                                 classes=["kb-compare-seed"])
                if state.running:
                    total = 2 * setup.reps
                    ProgressLine(state.progress, t("compare.progress", lang,
                                                   done=round(state.progress * total),
                                                   total=total))
                    solara.Button(t("common.cancel", lang), on_click=session.compare_job.cancel,
                                  text=True)
                else:
                    solara.Button(t("compare.run", lang), icon_name="mdi-play", color="#6a1b9a",
                                  dark=True, on_click=run, classes=["kb-run-compare"],
                                  style={"font-size": "16px"})
                Message(message, lang)
                if state.status == "error":
                    solara.Error(t("common.error", lang, detail=state.error), dense=True)
        if state.status == "done" and state.result is not None:
            tag = state.tag
            Results(state.result, lang, stale=tag != setup,
                    title_a=scenario_title(tag.a, lang), title_b=scenario_title(tag.b, lang))
        elif not state.running:
            solara.Info(t("compare.none_yet", lang), classes=["kb-none-yet"])
    return main
