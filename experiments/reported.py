"""The reported figures the model is checked against (shared/data/reported_cases.csv).

They are reported cases, not prevalence; rows are copied here, with their source and note, so
that an installed copy of the project can draw them on its charts. A test keeps them
equal to the shared CSV when it is present. Validation (experiments/history.py) and
calibration (experiments/calibration.py) pick their rows with ``pick``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Reported:
    """One reported figure: who, which period, what was counted, how many, and where from."""

    scope: str
    period: str
    measure: str
    value: float
    source: str
    note: str = ""

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def months(self) -> int:
        """Months the count covers (a period such as 2013-01..2013-11 covers 11)."""
        if ".." not in self.period:
            return 12
        start, end = self.period.split("..")
        return int(end[5:7]) - int(start[5:7]) + 1

    @property
    def per_year(self) -> float:
        """The count scaled to twelve months."""
        return self.value * 12 / self.months

    @property
    def label(self) -> str:
        """Who counted what, when: one line for a report."""
        span = f"{self.year}" if self.months == 12 else f"{self.year} (first {self.months} months)"
        return f"{self.scope}, {self.measure}, {span}"


CENTER = "Nurani Perempuan WCC"
SIMFONI = "West Sumatra province (SIMFONI-PPA via DP3AP2KB)"

ROWS = (
    Reported(CENTER, "2013-01..2013-11", "cases handled", 77, "infosumbar.net (news report)",
             "director's figure"),
    Reported(CENTER, "2019", "cases handled", 105, "pasbana.com (news report)",
             "70 from Padang; husbands most common perpetrators (39)"),
    Reported(CENTER, "2020", "cases handled", 94, "padangkita.com (news report)",
             "34 rape; 32 domestic violence"),
    Reported(CENTER, "2021", "cases handled", 104, "covesia.com (news report)"),
    Reported(CENTER, "2022-01..2022-11", "cases handled", 94, "covesia.com (news report)",
             "51 sexual violence; 38 domestic violence"),
    Reported(CENTER, "2019", "community groups in Padang", 7, "tribunnews (news report 2019)",
             "about 25 members each"),
    Reported("West Sumatra province UPTD PPA", "2018", "cases received", 64,
             "topsatu.com (news report)", "mostly from Padang"),
    Reported(SIMFONI, "2023", "cases of violence against women", 268,
             "harianhaluan.id; topsatu.com (news reports)",
             "272 victims; plus 783 cases against children"),
    Reported(SIMFONI, "2021-01..2021-09", "cases of violence against women", 67,
             "antaranews (news report)", "plus 205 against children"),
    Reported("Padang city DP3AP2KB", "2020", "cases", 20, "posmetropadang (news report)"),
    Reported("Padang city DP3AP2KB", "2021", "cases", 17, "posmetropadang (news report)"),
)


def center_cases() -> list[Reported]:
    """The center's reported cases handled, by year."""
    return [r for r in ROWS if r.scope == CENTER and r.measure == "cases handled"]


def center_groups() -> list[Reported]:
    return [r for r in ROWS if r.scope == CENTER and r.measure == "community groups in Padang"]


def pick(scope: str, measure: str, year: int) -> Reported:
    """The one row whose scope starts with ``scope``, with ``measure``, in ``year``."""
    rows = [r for r in ROWS if r.scope.startswith(scope) and r.measure == measure
            and r.year == year]
    if len(rows) != 1:
        raise ValueError(f"reported rows: expected one for {scope!r}, {measure!r}, {year}; "
                         f"found {len(rows)}")
    return rows[0]


_CHILDREN = re.compile(r"plus (\d+) (?:cases )?against children")


def women_share() -> float:
    """Share of women among the provincial SIMFONI cases (women and children), all periods.

    The UPTD PPA and DP3AP2KB rows count "cases" without saying whose; these
    agencies serve women and children, and the SIMFONI rows, whose notes give the
    cases against children beside those against women, are the only split reported.
    """
    women = children = 0.0
    for row in ROWS:
        if row.scope == SIMFONI and row.measure == "cases of violence against women":
            found = _CHILDREN.search(row.note)
            if found is None:
                raise ValueError(f"reported row {row.label}: its note gives no count of "
                                 "cases against children")
            women += row.value
            children += float(found.group(1))
    return women / (women + children)
