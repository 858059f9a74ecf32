"""Explore page: one live run with the network, headline numbers, charts and the levers.

The controls (left) and the live view (right) are separate components: stepping the
model redraws only the live view, which reads the run's latest ``Frame``.
"""

from __future__ import annotations

import math
from html import escape

import solara

from model import AGENCY_KEYS, PARAMETERS, WEEKS_PER_YEAR
from model.calendar import WEEKS_PER_QUARTER

from .charts import Line, line_chart, rolling_ratio, rolling_sum
from .errors import combination_message, meaning, parse_value, range_text
from .i18n import TEXT, number, param_group, percent, t
from .keys import Keys
from .live import MAX_YEARS, SPEEDS, Frame, LiveRun
from .network_view import network_svg
from .reported import case_markers, group_markers
from .session import use_session
from .theme import ACCENT, AGENCY_COLOURS, FLOW_COLOURS, NODE_COLOURS, PALETTE, TIE, TRUST_SCALE
from .widgets import LeverPanel, Message, RangeSlider, ScenarioSelect

#: At most this many points per line (long runs are thinned for drawing only).
MAX_POINTS = 320


def _thin(n: int) -> slice:
    return slice(None, None, max(1, math.ceil(n / MAX_POINTS)))


def network_labels(lang: str, frame: Frame | None = None) -> dict:
    """Translated words for the network drawing."""
    keys = ("province", "city", "community", "center", "trust", "referred", "in_service",
            "waiting", "free_cadres", "staff", "volunteer", "group", "cadre")
    labels = {k: t(f"net.{k}", lang) for k in keys}
    labels["agency_names"] = {k: t(f"agency.{k}", lang)
                              for k in ("uptd_ppa", "dinsos", "dp3ap2kb", "police")}
    labels["tip"] = {k: t(f"tip.{k}", lang) for k in ("skill", "commitment", "cases",
                                                       "dedication", "burnout", "cadres", "ties")}
    labels["score"] = lambda x: number(x, lang, 2)     # 0.25 or 0,25, by Babel
    labels["hint"] = t("net.hint", lang)
    brought = int(frame.last("entry_community", WEEKS_PER_YEAR)) if frame else 0
    labels["brought"] = t("net.brought", lang, n=brought)
    return labels


#: The live charts, in the order shown.
CHART_KEYS = ("uptake", "casework", "trust", "funds", "people", "community")


def _chart_lines(key: str, frame: Frame, c, lang: str) -> tuple[str, list, dict]:
    """(title, lines, axis options) of live chart ``key``; ``c(name)`` gives a thinned column."""
    cols = frame.columns
    if key == "uptake":
        uptake = rolling_ratio(cols["referred"], cols["seen_by_agencies"], WEEKS_PER_QUARTER)
        return t("chart.uptake", lang), [
            Line(t("chart.uptake_line", lang), PALETTE["uptake"], c(uptake), width=2.5)], \
            {"y_max": 1, "percent": True}
    if key == "casework":
        # past 52 weeks, so that a calendar year's reported count has its match at year end
        return t("chart.casework", lang), [
            Line(t("chart.handled52", lang), PALETTE["cases"],
                 c(rolling_sum(cols["intake"], WEEKS_PER_YEAR))),
            Line(t("chart.in_service", lang), PALETTE["in_service"], c("in_service")),
            Line(t("chart.waiting", lang), PALETTE["waiting"], c("waiting"))], \
            {"markers": case_markers(lang), "marker_label": t("chart.reported", lang)}
    if key == "trust":
        lines = [Line(t(f"agency.{kind}", lang), AGENCY_COLOURS[kind],
                      c(f"trust_{kind}_province"), width=1.3)
                 for kind in ("uptd_ppa", "dinsos", "dp3ap2kb", "police")]
        lines.append(Line(t("chart.mean", lang), PALETTE["trust"], c("mean_trust"), width=3))
        lines += [Line("", AGENCY_COLOURS[k.rsplit("_", 1)[0]], c(f"trust_{k}"), width=1.3,
                       dash="4 3") for k in AGENCY_KEYS if k.endswith("_city")]
        return t("chart.trust", lang) + " · " + t("chart.city_dashed", lang), lines, \
            {"y_max": 1}
    if key == "funds":
        return t("chart.funds", lang), [
            Line(t("kpi.funds", lang), PALETTE["funds"], c("funds"))], {}
    if key == "people":
        return t("chart.people", lang), [
            Line(t("chart.staff", lang), PALETTE["staff"], c("staff")),
            Line(t("chart.volunteers", lang), PALETTE["volunteers"], c("volunteers"))], {}
    return t("chart.community", lang), [
        Line(t("chart.cadres", lang), PALETTE["cadres"], c("cadres")),
        Line(t("chart.groups", lang), PALETTE["groups"], c("groups"), width=2.5)], \
        {"markers": group_markers(lang), "marker_label": t("chart.reported", lang)}


def explore_chart(frame: Frame, key: str, lang: str) -> str:
    """One live chart (SVG) of ``frame``, with the run's changes marked."""
    cut = _thin(frame.week + 1)

    def c(column):
        values = frame.columns[column] if isinstance(column, str) else column
        return values[cut]

    title, lines, axis = _chart_lines(key, frame, c, lang)
    return line_chart(title, frame.years[cut], lines, y_min=0, x_label=t("common.year", lang),
                      note=t("chart.empty", lang) if frame.week == 0 else "",
                      marks=change_marks(frame, lang), lang=lang, **axis)


def explore_charts(frame: Frame, lang: str) -> list[tuple[str, str]]:
    """The six live charts as (key, SVG) pairs."""
    return [(key, explore_chart(frame, key, lang)) for key in CHART_KEYS]


def change_marks(frame: Frame, lang: str) -> list[tuple[float, str]]:
    """(calendar time, label) of every change made during the run, for the charts."""
    return [(frame.start_year + c["step"] / WEEKS_PER_YEAR, change_label(c, lang))
            for c in frame.changes]


def change_label(change: dict, lang: str) -> str:
    """"Referral agreement: yes, 2027" for a change_log entry (its label if it has one)."""
    from .levers import format_value

    if change.get("label"):
        text = change["label"]
    else:
        parts = []
        for name, value in sorted(change["changes"].items()):
            key = f"param.{name}"
            title = t(key, lang) if key in TEXT else name
            shown = t("common.yes" if value else "common.no", lang) if isinstance(value, bool) \
                else format_value(name, value, lang)
            parts.append(f"{title}: {shown}")
        text = "; ".join(parts)
    return f"{text}, {change['year']}"


def _legend_html(lang: str) -> str:
    items = [
        ("circle", NODE_COLOURS["center"], t("net.center", lang)),
        ("rect", NODE_COLOURS["province"], t("net.agency_prov", lang)),
        ("rect", NODE_COLOURS["city"], t("net.agency_city", lang)),
        ("circle", NODE_COLOURS["staff"], t("net.staff", lang)),
        ("circle", NODE_COLOURS["volunteer"], t("net.volunteer", lang)),
        ("rect", NODE_COLOURS["group"], t("net.group", lang)),
        ("circle", NODE_COLOURS["cadre"], t("net.cadre", lang)),
        ("line", TIE, t("net.tie", lang)),
        ("trust", "", t("net.trust_line", lang)),
    ]
    out = []
    for shape, colour, label in items:
        if shape == "circle":
            mark = f'<span class="kb-dot" style="background:{colour}"></span>'
        elif shape == "rect":
            mark = f'<span class="kb-square" style="border-color:{colour}"></span>'
        elif shape == "line":
            mark = f'<span class="kb-bar" style="background:{colour}"></span>'
        else:
            mark = ('<span class="kb-bar kb-trust-bar" style="background:linear-gradient(90deg,'
                    + ",".join(TRUST_SCALE) + ')"></span>')
        out.append(f'<span class="kb-legend-item">{mark}{label}</span>')
    return '<div class="kb-legend">' + "".join(out) + "</div>"


def flows_html(frame: Frame, lang: str) -> str:
    """Survivors over the past 52 weeks as labelled bars (counts, not nodes)."""
    w = WEEKS_PER_YEAR
    rows = [
        ("incidents", frame.last("incidents", w), FLOW_COLOURS["incidents"]),
        ("sought", frame.last("sought_help", w), FLOW_COLOURS["sought"]),
        ("found", frame.last("entry_community", w), FLOW_COLOURS["found"]),
        ("seen", frame.last("seen_by_agencies", w), FLOW_COLOURS["seen"]),
        ("referred", frame.last("referred", w), FLOW_COLOURS["referred"]),
        ("direct", frame.last("entry_center", w), FLOW_COLOURS["direct"]),
        ("intake", frame.last("intake", w), FLOW_COLOURS["intake"]),
        ("unmet", frame.last("unmet_need", w), FLOW_COLOURS["unmet"]),
        ("unreached", frame.last("unreached", w), FLOW_COLOURS["unreached"]),
    ]
    top = max(1.0, rows[0][1])
    out = ['<div class="kb-flows">']
    for key, value, colour in rows:
        width = 100 * min(value / top, 1.0)
        out.append(
            f'<div class="kb-flow-row" data-flow="{key}"><div class="kb-flow-label">'
            f'{t("flow." + key, lang)}</div><div class="kb-flow-track"><div class="kb-flow-fill" '
            f'style="width:{width:.1f}%;background:{colour}"></div><span class="kb-flow-num">'
            f'{number(value, lang)}</span></div></div>')
    out.append("</div>")
    return "".join(out)


def kpis(frame: Frame, lang: str) -> list[tuple[str, str, str, str, str]]:
    """(id, title, value, sub, colour) of the headline numbers."""
    rec = frame.record
    seen = frame.last("seen_by_agencies", WEEKS_PER_QUARTER)
    uptake = frame.last("referred", WEEKS_PER_QUARTER) / seen if seen else float("nan")
    return [
        ("week", t("kpi.week_title", lang), str(frame.week),
         t("kpi.year", lang, year=frame.year) if frame.week else
         t("kpi.start", lang, year=frame.start_year), PALETTE["week"]),
        ("uptake", t("kpi.uptake", lang), percent(uptake, lang),
         t("kpi.uptake_sub", lang), PALETTE["uptake"]),
        ("cases", t("kpi.cases", lang), number(frame.last("intake", WEEKS_PER_YEAR), lang),
         t("kpi.cases_sub", lang), PALETTE["cases"]),
        ("waiting", t("kpi.waiting", lang), number(rec["waiting"], lang),
         t("kpi.waiting_sub", lang), PALETTE["waiting"]),
        ("trust", t("kpi.trust", lang), number(rec["mean_trust"], lang, 2),
         t("kpi.trust_sub", lang),
         PALETTE["trust"]),
        ("funds", t("kpi.funds", lang), number(rec["funds"], lang), t("kpi.funds_sub", lang),
         PALETTE["funds"]),
        ("people", t("kpi.people", lang), f'{rec["staff"]} · {rec["volunteers"]}',
         t("kpi.people_sub", lang), PALETTE["staff"]),
        ("community", t("kpi.community", lang), f'{rec["groups"]} · {rec["cadres"]}',
         t("kpi.community_sub", lang), PALETTE["groups"]),
    ]


def kpis_html(frame: Frame, lang: str) -> str:
    """The headline numbers as one block of HTML (one widget to update per step)."""
    out = ['<div class="kb-kpis">']
    for key, title, value, sub, colour in kpis(frame, lang):
        out.append(f'<div class="kb-kpi" style="border-top:4px solid {colour}">'
                   f'<span class="kb-kpi-title">{escape(title)}</span>'
                   f'<div class="kb-kpi-value" data-testid="kpi-{key}">{escape(value)}</div>'
                   f'<span class="kb-kpi-sub">{escape(sub)}</span></div>')
    out.append("</div>")
    return "".join(out)


def card_html(title: str, body: str, test_id: str, extra: str = "", classes: str = "") -> str:
    """A card with a title and a drawing, as one HTML string."""
    heading = f'<span class="kb-card-title">{escape(title)}</span>' if title else ""
    return (f'<div class="kb-card {classes}">{heading}<div class="kb-svg" '
            f'data-testid="{test_id}">{body}</div>{extra}</div>')


def live_html(live: LiveRun, frame: Frame, lang: str) -> str:
    """Headline numbers, network, survivor flows and the six charts as one HTML string."""
    net = network_svg(frame.graph, live.layout, network_labels(lang, frame),
                      frame.referrals_by_agency(), frame.record)
    help_text = f'<span class="kb-note">{escape(t("explore.network_help", lang))}</span>'
    charts = "".join(card_html("", explore_chart(frame, key, lang), f"chart-{key}",
                               classes="kb-chart-card") for key in CHART_KEYS)
    return (f'<div class="kb-live">{kpis_html(frame, lang)}<div class="kb-net-row">'
            + card_html(t("explore.network", lang), net, "network",
                        _legend_html(lang) + help_text, "kb-net-card")
            + card_html(t("explore.flows", lang), flows_html(frame, lang), "flows",
                        classes="kb-flow-card")
            + f'</div><div class="kb-charts">{charts}</div></div>')


@solara.component
def LiveView(live: LiveRun, lang: str):
    """Everything that shows the current run's numbers, as one HTML widget.

    A step does not re-render any component: the view subscribes to the run's frame
    and writes the new HTML straight into its widget (``use_effect`` and
    ``solara.get_widget``, Solara's way to reach the widget behind an element). A
    re-render of the whole page walks every element of it (about 200, most of them
    the levers), which cost more server time than drawing the view itself. The element
    leaves the widget's content out of its arguments, so a render of another component
    (the controls after an intervention) never puts back an old drawing.
    """
    element = solara.widgets.HTML.element(tag="div", attributes={"class": "kb-live-view"})

    def follow_frames():
        widget = solara.get_widget(element)

        def draw(frame):
            widget.unsafe_innerHTML = live_html(live, frame, lang)

        draw(live.frame.peek())
        return live.frame.subscribe(draw)

    solara.use_effect(follow_frames, [live, lang])
    return element


@solara.component
def Downloads(live: LiveRun, lang: str):
    """CSV of the run's time series, PNG of the charts, SVG of the network (made when asked)."""
    from .export import explore_png

    settings = live.settings.value
    name = f"kolaborasi-{settings.scenario}-seed{settings.seed_text}"

    def svg_bytes():
        frame = live.frame.peek()
        labels = network_labels(lang, frame)
        labels.pop("hint")                 # a file has nothing to tap
        return network_svg(frame.graph, live.layout, labels, frame.referrals_by_agency(),
                           frame.record).encode()

    with solara.Row(classes=["kb-downloads"], style={"align-items": "center"}) as main:
        solara.Text(t("explore.export", lang) + ":", classes=["kb-muted"])
        solara.FileDownload(live.csv_text, filename=f"{name}.csv", label=t("explore.csv", lang),
                            mime_type="text/csv")
        solara.FileDownload(lambda: explore_png(live.frame.peek(), lang), filename=f"{name}.png",
                            label=t("explore.png", lang), mime_type="image/png")
        solara.FileDownload(svg_bytes, filename=f"{name}-network.svg",
                            label=t("explore.svg", lang), mime_type="image/svg+xml")
    return main


@solara.component
def RunButtons(live: LiveRun, lang: str):
    """Play or pause, +1 week, +1 year, reset, the speed, and the keyboard shortcuts."""
    playing = live.playing.value

    def toggle():
        live.pause() if live.playing.peek() else live.play()

    def step_week():
        if not live.playing.peek():
            live.step(1)

    with solara.Column(gap="6px", classes=["kb-run-buttons"]) as main:
        with solara.Row(gap="6px", style={"flex-wrap": "wrap"}):
            solara.Button(t("explore.pause" if playing else "explore.play", lang),
                          icon_name="mdi-pause" if playing else "mdi-play", color=ACCENT,
                          dark=True, on_click=toggle, classes=["kb-play"],
                          attributes={"title": t("explore.play_key", lang)})
            solara.Button(t("explore.step", lang), on_click=lambda: live.step(1),
                          disabled=playing, outlined=True, classes=["kb-step"],
                          attributes={"title": t("explore.step_key", lang)})
            solara.Button(t("explore.step_year", lang),
                          on_click=lambda: live.step(WEEKS_PER_YEAR), disabled=playing,
                          outlined=True, classes=["kb-step-year"])
            solara.Button(t("explore.reset", lang), icon_name="mdi-restart", on_click=live.reset,
                          text=True, classes=["kb-reset"],
                          attributes={"title": t("explore.reset_help", lang)})
        RangeSlider(t("explore.speed", lang), live.speed.value, SPEEDS[0], SPEEDS[-1], 1,
                    live.set_speed, lang, test_id="speed",
                    shown=lambda v: t("explore.per_second", lang, n=number(v, lang)))
        solara.Text(t("explore.keys", lang), classes=["kb-note", "kb-keys-note"])
        Keys({"play": ((" ",), toggle), "step": (("ArrowRight",), step_week)})
    return main


@solara.component
def SeedInput(live: LiveRun, lang: str):
    """The seed as text: anything that is not a whole number gives a message under it."""
    settings = live.settings.value
    message = live.message.value
    error = message is not None and message[0] == "error.seed"
    return solara.InputText(t("explore.seed", lang), value=settings.seed_text,
                            on_value=live.set_seed, continuous_update=False,
                            error=t(*message[:1], lang, **message[1]) if error else False,
                            message=t("explore.seed_help", lang), classes=["kb-seed"])


@solara.component
def AdvancedParameters(live: LiveRun, values: dict, lang: str):
    """Every parameter of the model as a text field (for researchers), grouped as in the table.

    A bad value is reported under its own field, in the page's language.
    """
    errors, set_errors = solara.use_state({})

    def setter(name):
        def apply(text):
            value, problem = parse_value(name, text, lang)
            if problem is None:
                problem = combination_message({**values, name: value}, lang)
            if problem is None and not live.set_parameter(name, value):
                problem = t(*live.message.peek()[:1], lang, **live.message.peek()[1])
            set_errors({**errors, name: problem} if problem else
                       {k: v for k, v in errors.items() if k != name})

        return apply

    groups: dict[str, list] = {}
    for p in PARAMETERS.values():
        groups.setdefault(p.group, []).append(p)
    with solara.Column(gap="2px", classes=["kb-advanced"]) as main:
        solara.Text(t("explore.advanced_note", lang), classes=["kb-note"])
        for group, params in groups.items():
            solara.Text(param_group(group, lang), classes=["kb-group-title"])
            for p in params:
                if p.kind is bool:
                    solara.Checkbox(label=p.name, value=bool(values[p.name]),
                                    on_value=setter(p.name))
                else:
                    problem = errors.get(p.name)
                    solara.InputText(p.name, value=f"{values[p.name]:g}",
                                     on_value=setter(p.name), continuous_update=False,
                                     error=problem or False,
                                     message=f"{range_text(p.name, lang)} · "
                                             f"{meaning(p.name, lang)}",
                                     classes=["kb-param-input", f"kb-param-{p.name}"])
    return main


@solara.component
def ChangeList(changes: tuple, lang: str):
    """The changes made during this run, numbered as on the charts."""
    if not changes:
        return solara.Div()
    with solara.Div(classes=["kb-changes"], attributes={"data-testid": "changes"}) as main:
        solara.Text(t("explore.changes", lang), classes=["kb-group-title"])
        items = "".join(f'<li><span class="kb-change-no">{i}</span>{escape(change_label(c, lang))}'
                        f"</li>" for i, c in enumerate(changes, start=1))
        solara.HTML(tag="ol", unsafe_innerHTML=items, classes=["kb-change-list"])
    return main


@solara.component
def Controls(live: LiveRun, lang: str):
    """The left column: scenario, run buttons, seed, levers, all parameters."""
    from experiments.spec import load_scenario

    settings = live.settings.value
    params, changes = live.applied.value
    show_all, set_show_all = solara.use_state(False)
    scenario = load_scenario(settings.scenario)
    edited = dict(scenario.parameters) != settings.changes or bool(changes)
    message = live.message.value
    with solara.Column(gap="10px", classes=["kb-controls"]) as main:
        with solara.Div(classes=["kb-sticky-controls"]):
            RunButtons(live, lang)
            if message is not None and message[0] != "error.seed":
                Message(message, lang)
        ScenarioSelect(settings.scenario, live.select_scenario, lang)
        solara.Text(scenario.description[lang], classes=["kb-scenario-text"])
        if edited:
            with solara.Row(gap="6px", style={"align-items": "center", "flex-wrap": "wrap"}):
                solara.Text("✎ " + t("compare.edited", lang), classes=["kb-chip"])
                solara.Button(t("explore.restore", lang), icon_name="mdi-backup-restore",
                              text=True, small=True, on_click=live.restore,
                              classes=["kb-restore"])
        SeedInput(live, lang)
        ChangeList(changes, lang)
        solara.Text(t("explore.settings", lang), classes=["kb-section-title"])
        solara.Text(t("explore.change_note", lang), classes=["kb-note"])
        LeverPanel(params, live.set_parameter, lang)
        solara.Button(("▾ " if show_all else "▸ ") + t("explore.advanced", lang), text=True,
                      on_click=lambda: set_show_all(not show_all), classes=["kb-advanced-toggle"])
        if show_all:
            AdvancedParameters(live, params, lang)
        solara.Text(t("explore.max_weeks", lang, years=MAX_YEARS), classes=["kb-note"])
    return main


@solara.component
def Page():
    """The Explore page."""
    session = use_session()
    lang = session.lang.value
    with solara.Div(classes=["kb-explore"]) as main:
        with solara.Div(classes=["kb-sidebar"]):
            Controls(session.live, lang)
        with solara.Div(classes=["kb-main"]):
            solara.Text(t("explore.intro", lang), classes=["kb-intro"])
            LiveView(session.live, lang)
            Downloads(session.live, lang)
    return main
