"""Reported figures as chart markers in calendar time (rows of experiments/reported.py).

A count for a calendar year is drawn at the end of that year, where a rolling 52-week
sum covers the same weeks; an 11-month count at the end of its 11 months, scaled to
12 months. Groups, a level, are drawn at the end of the year they were reported for. A point is
drawn only when the run simulated every week its figure covers (the year's last week
for groups), so a run that starts after a reported year shows no point for it.
"""

from __future__ import annotations

from experiments.history import weeks_of
from experiments.reported import Reported, center_cases, center_groups
from model import WEEKS_PER_YEAR

from .charts import Marker
from .i18n import number, t


def span_end(row: Reported) -> float:
    """Calendar time at the end of the weeks a row covers (2020.0 for all of 2019)."""
    return row.year + weeks_of(row.months) / WEEKS_PER_YEAR


def _period(row: Reported, lang: str) -> str:
    if row.months == 12:
        return str(row.year)
    return t("reported.months", lang, months=row.months, year=row.year)


def case_markers(lang: str) -> list[Marker]:
    """The center's reported cases handled, as counts over 52 weeks (see the module)."""
    return [Marker(span_end(r), r.per_year,
                   t("reported.cases" if r.months == 12 else "reported.cases_part", lang,
                     value=number(r.value, lang), period=_period(r, lang),
                     per_year=number(round(r.per_year), lang), source=r.source),
                   span=weeks_of(r.months) / WEEKS_PER_YEAR) for r in center_cases()]


def group_markers(lang: str) -> list[Marker]:
    """The reported number of community groups, at the end of its year."""
    return [Marker(span_end(r), r.value,
                   t("reported.groups", lang, value=number(r.value, lang), year=r.year,
                     source=r.source), span=1 / WEEKS_PER_YEAR) for r in center_groups()]
