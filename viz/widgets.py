"""Small components shared by the pages: SVG holder, number card, lever controls, messages."""

from __future__ import annotations

from html import escape
from typing import Callable

import reacton.ipyvuetify as rv
import solara

from model import PARAMETERS

from .i18n import number, t, unit
from .levers import GROUPS, LEVERS, Lever, format_value
from .theme import UI


@solara.component
def Svg(markup: str, classes: list[str] | None = None, test_id: str = ""):
    """Inline SVG (or any trusted HTML made by this app)."""
    attributes = {"data-testid": test_id} if test_id else {}
    return solara.HTML(tag="div", unsafe_innerHTML=markup, classes=["kb-svg"] + (classes or []),
                       attributes=attributes)


@solara.component
def Kpi(title: str, value: str, sub: str = "", accent: str = UI["accent"], test_id: str = ""):
    """A headline number with a title and a short explanation under it."""
    with solara.Div(classes=["kb-kpi"], style={"border-top": f"4px solid {accent}"}) as main:
        solara.Text(title, classes=["kb-kpi-title"])
        solara.HTML(tag="div", unsafe_innerHTML=value, classes=["kb-kpi-value"],
                    attributes={"data-testid": test_id} if test_id else {})
        if sub:
            solara.Text(sub, classes=["kb-kpi-sub"])
    return main


@solara.component
def ChangeSlider(value: float, low: float, high: float, step: float,
                 on_change: Callable[[float], None], disabled: bool = False, test_id: str = ""):
    """A slider that reports a value when the user lets go (or uses the arrow keys).

    Applying a value rebuilds and replays the model, so it is done once per move,
    not on every pixel of a drag.
    """
    slider = rv.Slider(v_model=value, min=low, max=high, step=step, thumb_label=True,
                       hide_details=True, dense=True, disabled=disabled,
                       class_="kb-slider", attributes={"data-testid": test_id} if test_id else {})

    def changed(_widget, _event, data):
        if data is not None:
            on_change(float(data))

    rv.use_event(slider, "change", changed)
    return slider


@solara.component
def RangeSlider(label: str, value: float, low: float, high: float, step: float,
                on_change: Callable[[float], None], lang: str, disabled: bool = False,
                test_id: str = "", shown: Callable[[float], str] | None = None):
    """A labelled slider with its value above and its minimum and maximum at its ends."""
    show = shown or (lambda x: number(x, lang, 0 if float(step).is_integer() else 1))
    with solara.Div(classes=["kb-range"]) as main:
        with solara.Row(justify="space-between", classes=["kb-lever-head"]):
            solara.Text(label, classes=["kb-lever-label"])
            solara.Text(show(value), classes=["kb-lever-value", f"{test_id}-value"])
        with solara.Div(classes=["kb-range-row"]):
            solara.Text(show(low), classes=["kb-range-end", "kb-range-min"])
            ChangeSlider(float(value), low, high, step, on_change, disabled=disabled,
                         test_id=test_id)
            solara.Text(show(high), classes=["kb-range-end", "kb-range-max"])
    return main


@solara.component
def LeverControl(lever: Lever, value, on_change: Callable, lang: str, disabled: bool = False,
                 prefix: str = ""):
    """One policy lever: a plain-language label with value and unit, a slider or switch, its
    minimum and maximum, and help (few elements: the sidebar holds many levers)."""
    param = PARAMETERS[lever.name]
    label = t(f"param.{lever.name}", lang)
    test_id = f"{prefix}lever-{lever.name}"
    help_html = f'<span class="kb-lever-help">{escape(t(f"help.{lever.name}", lang))}</span>'
    with solara.Div(classes=["kb-lever"]) as main:
        if lever.is_switch:
            solara.Switch(label=label, value=bool(value), on_value=on_change, disabled=disabled,
                          classes=["kb-switch", test_id])
            solara.HTML(tag="div", unsafe_innerHTML=help_html)
        else:
            shown = format_value(lever.name, value, lang)
            unit_text = "" if lever.shown in ("pct", "score") else f" {unit(param.unit, lang)}"
            high = max(lever.high, float(value))
            solara.HTML(tag="div", classes=["kb-lever-head"], unsafe_innerHTML=(
                f'<span class="kb-lever-label">{escape(label)}</span><span class="kb-lever-value '
                f'{test_id}-value">{escape(shown + unit_text)}</span>'))

            def cast(x):
                on_change(int(round(x)) if lever.is_int else float(x))

            ChangeSlider(float(value), lever.low, high, lever.step, cast, disabled=disabled,
                         test_id=test_id)
            solara.HTML(tag="div", unsafe_innerHTML=(
                f'<div class="kb-range-ends"><span class="kb-range-min">'
                f'{escape(format_value(lever.name, lever.low, lang))}</span>'
                f'<span class="kb-range-max">{escape(format_value(lever.name, high, lang))}'
                f'</span></div>{help_html}'))
    return main


@solara.component
def LeverPanel(values: dict, on_change: Callable[[str, object], None], lang: str,
               disabled: bool = False, prefix: str = ""):
    """Every policy lever, grouped (habitus, advocacy, community, money and people)."""
    with solara.Column(gap="4px") as main:
        for group in GROUPS:
            solara.Text(t(f"group.{group}", lang), classes=["kb-group-title"])
            for lever in (lv for lv in LEVERS if lv.group == group):
                LeverControl(lever, values[lever.name],
                             lambda v, name=lever.name: on_change(name, v), lang,
                             disabled=disabled, prefix=prefix)
    return main


def scenario_choices(lang: str) -> dict[str, str]:
    """Scenario name -> title in ``lang``, baseline first."""
    from experiments.spec import load_scenario, scenario_names

    names = scenario_names()
    names = ["baseline"] + [n for n in names if n != "baseline"]
    return {n: load_scenario(n).title[lang] for n in names}


@solara.component
def ScenarioSelect(value: str, on_value: Callable[[str], None], lang: str, label: str = "",
                   test_id: str = "scenario"):
    """A drop-down of the named scenarios, titled in the current language."""
    choices = solara.use_memo(lambda: scenario_choices(lang), [lang])
    items = [{"text": title, "value": name} for name, title in choices.items()]
    select = rv.Select(v_model=value, items=items, label=label or t("explore.scenario", lang),
                       outlined=True, dense=True, hide_details=True,
                       attributes={"data-testid": test_id}, class_="kb-select")

    def changed(_widget, _event, data):
        if data:
            on_value(data)

    rv.use_event(select, "change", changed)
    return select


@solara.component
def Message(message, lang: str):
    """An error or warning from a (key, values) pair, shown in the page."""
    if not message:
        return solara.Div()
    key, values = message
    return solara.Error(t(key, lang, **values), classes=["kb-message"], dense=True)


@solara.component
def ProgressLine(fraction: float, text: str):
    """A progress bar with a caption."""
    with solara.Column(gap="2px", classes=["kb-progress"]) as main:
        rv.ProgressLinear(value=100 * fraction, height=10, rounded=True, color=UI["accent"])
        solara.Text(text, classes=["kb-progress-text"])
    return main
