"""The parameters a policymaker moves in the app: which ones, in which group, on what scale.

Labels and help texts live in viz.i18n (keys ``param.<name>`` and ``help.<name>``);
units, defaults and valid ranges come from the model's own table (model.PARAMETERS).
"""

from __future__ import annotations

from dataclasses import dataclass

from model import DEFAULTS, PARAMETERS

#: Groups of levers, in the order the app shows them (i18n keys ``group.<name>``).
GROUPS = ("habitus", "advocacy", "community", "funding")


@dataclass(frozen=True)
class Lever:
    """One slider or switch: a model parameter, its group and the slider's scale.

    ``shown`` says how the value is written: "pct" (a probability as a percentage),
    "score" (0-1 with two decimals), "int" or "num" (a plain number).
    """

    name: str
    group: str
    low: float = 0.0
    high: float = 1.0
    step: float = 0.05
    shown: str = "score"

    @property
    def is_switch(self) -> bool:
        return PARAMETERS[self.name].kind is bool

    @property
    def is_int(self) -> bool:
        return PARAMETERS[self.name].kind is int


LEVERS = (
    Lever("skill", "habitus"),
    Lever("volunteerism", "habitus"),
    Lever("accountability", "habitus", shown="pct"),
    Lever("commitment", "habitus"),
    Lever("meetings_per_month", "advocacy", 0, 12, 0.5, "num"),
    Lever("referral_agreement", "advocacy"),
    Lever("campaign_hours_per_week", "advocacy", 0, 12, 0.5, "num"),
    Lever("socialization_hours_per_week", "community", 0, 12, 0.5, "num"),
    Lever("donor_grant_per_year", "funding", 0, 1000, 25, "num"),
    Lever("staff_turnover_per_year", "funding", 0, 1, 0.05, "pct"),
    Lever("n_staff", "funding", 0, 20, 1, "int"),
    Lever("n_volunteers", "funding", 0, 60, 1, "int"),
)
LEVER_NAMES = tuple(lever.name for lever in LEVERS)


def format_value(name: str, value, lang: str = "en") -> str:
    """A parameter value as the app writes it in ``lang`` (80%, 0.60 or 0,60, 3.5 or 3,5)."""
    from .i18n import number, percent

    lever = next((lv for lv in LEVERS if lv.name == name), None)
    shown = lever.shown if lever else ("int" if PARAMETERS[name].kind is int else "num")
    if isinstance(value, bool):
        return str(value)
    if shown == "pct":
        return percent(value, lang)
    if shown == "score":
        return number(value, lang, 2)
    if shown == "int":
        return number(int(value), lang)
    return number(value, lang, 0 if float(value).is_integer() else 1)


def full_parameters(changes: dict) -> dict:
    """Every parameter's value: the defaults with ``changes`` on top."""
    return {**DEFAULTS, **changes}


def changed_only(values: dict) -> dict:
    """The values that differ from the defaults (what a scenario or CSV header needs)."""
    return {k: v for k, v in values.items() if k in DEFAULTS and DEFAULTS[k] != v}
