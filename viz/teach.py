"""Teach page: a classroom walk through six mechanisms of the study, one screen each.

Each mechanism has the study's finding, how the model turns it into rules, a
question for the class, and an experiment: the same seeds run with one lever on
and off, plotted as means with 95% bands, and the result said in one sentence.
Big Back and Next buttons, a presenter's clicker (PageDown/PageUp) or the arrow keys
let a teacher drive it from the front of a room.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reacton.ipyvuetify as rv
import solara


from .charts import Line, line_chart
from .compare import fmt
from .i18n import t
from .keys import PageKeys
from .replicate import Cancelled, Comparison, compare
from .session import use_session
from .theme import ACCENT, PALETTE
from .widgets import ProgressLine, Svg

#: Runs per arm of a classroom experiment.
REPS = 8
SEED = 2024


@dataclass(frozen=True)
class Mechanism:
    """One lesson: the lever's on and off settings, what to plot and what to report."""

    key: str
    on: dict
    off: dict
    charts: tuple            # (curve, i18n title key, percent, fixed 0-1 axis)
    result: tuple            # (first metric, second metric) for the result sentence
    base: dict = field(default_factory=dict)
    years: int = 3


MECHANISMS = (
    Mechanism("trust", {"meetings_per_month": 3.0}, {"meetings_per_month": 0.0},
              (("trust", "chart.mean_trust", False, True), ("uptake", "chart.uptake", True, True)),
              ("trust", "uptake")),
    Mechanism("referral", {"referral_agreement": True}, {"referral_agreement": False},
              (("uptake", "chart.uptake", True, True), ("cases", "chart.cases_rate", False, False)),
              ("uptake", "cases")),
    Mechanism("accountability", {"accountability": 0.8}, {"accountability": 0.2},
              (("conflicts", "chart.conflicts", False, False),
               ("staff", "chart.staff_title", False, False)),
              ("conflicts", "staff")),
    Mechanism("volunteerism", {"volunteerism": 0.9}, {"volunteerism": 0.2},
              (("volunteers", "chart.volunteers_title", False, False),
               ("cases", "chart.cases_rate", False, False)),
              ("volunteers", "cases"), base={"donor_grant_per_year": 225.0}),
    Mechanism("community", {"socialization_hours_per_week": 3.0, "volunteer_outreach_share": 0.3},
              {"socialization_hours_per_week": 0.0, "volunteer_outreach_share": 0.0},
              (("groups", "chart.groups_title", False, False),
               ("found", "chart.found_rate", False, False)),
              ("groups", "found"), years=4),
    Mechanism("funding", {"donor_grant_per_year": 275.0}, {"donor_grant_per_year": 137.5},
              (("staff", "chart.staff_title", False, False),
               ("cases", "chart.cases_rate", False, False)),
              ("staff", "cases")),
)


def run_mechanism(mech: Mechanism, report=None) -> Comparison:
    """The experiment of a mechanism: arm a = lever on, arm b = lever off, same seeds."""
    return compare({**mech.base, **mech.on}, {**mech.base, **mech.off}, REPS, mech.years, SEED,
                   labels=("on", "off"), report=report)


def result_sentence(mech: Mechanism, result: Comparison, lang: str) -> str:
    first, second = mech.result
    return t(f"mech.{mech.key}.result", lang, years=mech.years,
             on=fmt(first, result.a.end(first)[0], lang),
             off=fmt(first, result.b.end(first)[0], lang),
             on2=fmt(second, result.a.end(second)[0], lang),
             off2=fmt(second, result.b.end(second)[0], lang))


def mechanism_charts(mech: Mechanism, result: Comparison, lang: str) -> list[tuple[str, str]]:
    x = result.calendar
    out = []
    for curve, key, percent, unit_axis in mech.charts:
        lines = [Line(t(f"mech.{mech.key}.on", lang), PALETTE["on"], *result.a.band(curve),
                      width=3),
                 Line(t(f"mech.{mech.key}.off", lang), PALETTE["off"], *result.b.band(curve),
                      width=3, dash="6 4")]
        out.append((curve, line_chart(t(key, lang), x, lines, y_min=0,
                                      y_max=1 if unit_axis else None, percent=percent,
                                      x_label=t("common.year", lang), width=440, height=290,
                                      lang=lang)))
    return out


@solara.lab.task
def experiment_task(key: str):
    """The experiment of mechanism ``key`` in the background, with progress."""
    mech = next(m for m in MECHANISMS if m.key == key)

    def report(fraction: float) -> None:
        if not experiment_task.is_current():
            raise Cancelled()
        experiment_task.progress = 100 * fraction

    return key, run_mechanism(mech, report)


@solara.component
def Experiment(mech: Mechanism, lang: str):
    """The run of one mechanism: Run button, progress, charts and the result sentence."""
    session = use_session()
    results = session.teach_results.value
    finished = experiment_task.value if experiment_task.finished else None

    def keep_result():
        if finished is not None and results.get(finished[0]) is not finished[1]:
            session.teach_results.value = {**results, finished[0]: finished[1]}

    solara.use_effect(keep_result, [finished])
    result = results.get(mech.key)
    if finished is not None and finished[0] == mech.key:
        result = finished[1]
    running = experiment_task.pending and session.teach_running.value == mech.key

    def run():
        session.teach_running.value = mech.key
        experiment_task(mech.key)

    with solara.Div(classes=["kb-card", "kb-experiment"]) as main:
        solara.Text(t("teach.experiment", lang, reps=REPS, years=mech.years), classes=["kb-note"])
        with solara.Row(gap="18px", style={"align-items": "center", "flex-wrap": "wrap"}):
            solara.HTML(tag="span", unsafe_innerHTML=(
                f'<span class="kb-arm" style="border-color:{PALETTE["on"]}">'
                f'{t(f"mech.{mech.key}.on", lang)}</span>'
                f'<span class="kb-arm kb-arm-off" style="border-color:{PALETTE["off"]}">'
                f'{t(f"mech.{mech.key}.off", lang)}</span>'))
            if not running:
                solara.Button(t("teach.rerun" if result else "teach.run", lang),
                              icon_name="mdi-play", color=ACCENT, dark=True, on_click=run,
                              classes=["kb-teach-run"], x_large=True)
        if running:
            ProgressLine((experiment_task.progress or 0) / 100, t("common.running", lang))
        if experiment_task.error and session.teach_running.value == mech.key:
            solara.Error(t("common.error", lang, detail=str(experiment_task.exception)),
                         dense=True)
        if result is not None:
            with solara.Div(classes=["kb-teach-charts"]):
                for key, svg in mechanism_charts(mech, result, lang):
                    Svg(svg, test_id=f"teach-{key}")
            with solara.Div(classes=["kb-result"], attributes={"data-testid": "teach-result"}):
                solara.Text(t("teach.result", lang), classes=["kb-label"])
                solara.Text(result_sentence(mech, result, lang), classes=["kb-result-text"])
        elif not running:
            solara.Text(t("teach.waiting", lang), classes=["kb-waiting"])
    return main


@solara.component
def MechanismView(mech: Mechanism, lang: str):
    """The text of a mechanism (finding, model rule, question) beside its experiment."""
    with solara.Div(classes=["kb-teach-body"]) as main:
        with solara.Div(classes=["kb-teach-text"]):
            for part, icon in (("study", "mdi-book-open-page-variant"), ("model", "mdi-cogs"),
                               ("ask", "mdi-account-question")):
                with solara.Div(classes=["kb-teach-block", f"kb-teach-{part}"]):
                    with solara.Div(classes=["kb-label"]):
                        rv.Icon(children=[icon], small=True)
                        solara.Text(t(f"teach.{part}", lang))
                    solara.Text(t(f"mech.{mech.key}.{part}", lang), classes=["kb-teach-para"])
        Experiment(mech, lang)
    return main


@solara.component
def Page():
    """The Teach page."""
    session = use_session()
    lang = session.lang.value
    index = session.teach_index.value
    total = len(MECHANISMS)

    def go(i):
        session.teach_index.value = max(0, min(total, i))

    with solara.Column(gap="16px", classes=["kb-page", "kb-teach"]) as main:
        with solara.Div(classes=["kb-teach-steps"]):
            for i, mech in enumerate(MECHANISMS, start=1):
                solara.Button(f"{i}. {t(f'mech.{mech.key}.title', lang)}", text=i != index,
                              outlined=i == index, on_click=lambda i=i: go(i),
                              classes=["kb-step-chip"] + (["kb-current"] if i == index else []))
        PageKeys(on_next=lambda: go(session.teach_index.value + 1),
                 on_back=lambda: go(session.teach_index.value - 1))
        with solara.Div(classes=["kb-teach-nav"]):
            solara.Button(t("teach.back", lang), icon_name="mdi-arrow-left", x_large=True,
                          disabled=index == 0, on_click=lambda: go(index - 1),
                          classes=["kb-back"], outlined=True)
            solara.Button(t("teach.start" if index == 0 else "teach.next", lang),
                          icon_name="mdi-arrow-right", x_large=True, color=ACCENT, dark=True,
                          disabled=index == total, on_click=lambda: go(index + 1),
                          classes=["kb-next"])
        if index == 0:
            with solara.Div(classes=["kb-card", "kb-teach-intro"]):
                solara.Text(t("teach.intro_title", lang), classes=["kb-teach-title"])
                for para in t("teach.intro", lang).split("\n\n"):
                    solara.Text(para, classes=["kb-teach-para"])
        else:
            mech = MECHANISMS[index - 1]
            solara.Text(t("teach.step_of", lang, i=index, n=total), classes=["kb-muted"])
            solara.Text(t(f"mech.{mech.key}.title", lang), classes=["kb-teach-title"])
            MechanismView(mech, lang)
    return main
