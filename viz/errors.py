"""Messages for bad input, in the page's language, built from the parameter table.

A typed value is checked here before the model sees it, so the message can name the
parameter by its label, say what was typed and give the valid range and unit in the
page's language, and be shown under the field that caused it.
"""

from __future__ import annotations

import math

from model import PARAMETERS, ParameterError, validate

from .i18n import TEXT, number, t, unit


def range_text(name: str, lang: str) -> str:
    """A parameter's valid range in ``lang``, e.g. "0 sampai 1 (skor (0-1))"."""
    p = PARAMETERS[name]
    low = "−∞" if p.low is None else number(p.low, lang, 0 if float(p.low).is_integer() else 2)
    high = "∞" if p.high is None else number(p.high, lang,
                                              0 if float(p.high).is_integer() else 2)
    return t("error.range_text", lang, low=low, high=high, unit=unit(p.unit, lang))


def parse_value(name: str, text, lang: str):
    """(value, None) for a valid typed value of parameter ``name``, else (None, message)."""
    p = PARAMETERS[name]
    raw = str(text).strip()
    if p.kind is bool:
        return bool(text), None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None, t("error.not_number", lang, text=raw[:40], range=range_text(name, lang))
    if not math.isfinite(value):
        return None, t("error.not_number", lang, text=raw[:40], range=range_text(name, lang))
    if p.kind is int:
        if not value.is_integer():
            return None, t("error.not_whole", lang, text=raw[:40],
                           range=range_text(name, lang))
        value = int(value)
    if (p.low is not None and value < p.low) or (p.high is not None and value > p.high):
        return None, t("error.out_of_range", lang, text=raw[:40], range=range_text(name, lang))
    return value, None


def combination_message(values: dict, lang: str) -> str | None:
    """A message when the values are each valid but not together, else None."""
    try:
        validate(**values)
    except ParameterError as err:
        if "entry_police" in str(err):
            total = values.get("entry_police", 0) + values.get("entry_agency", 0)
            return t("error.entry_sum", lang, total=number(total, lang, 2))
        return t("error.params", lang, detail=str(err))
    return None


def meaning(name: str, lang: str) -> str:
    """What a parameter means: the lever's help text in ``lang`` when it is a lever,
    else the parameter table's description (written in English)."""
    key = f"help.{name}"
    return t(key, lang) if key in TEXT else PARAMETERS[name].meaning
