"""The reported figures the model is checked and fitted against (data/reported_cases.csv).

Each row is one published count: who counted (scope), over which period, what was
counted, the value and the source. ``reported()`` reads the file once; the named
figures below pick the rows that validation and calibration use, so each number
has one home: the CSV row it comes from.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .spec import SpecError

CSV = Path(__file__).resolve().parent.parent / "data" / "reported_cases.csv"


@dataclass(frozen=True)
class Figure:
    """One reported count, with the period it covers."""

    scope: str
    measure: str
    year: int
    months: int               # months of the year covered (11 for "2013-01..2013-11")
    value: float
    source: str
    row: int                  # line number in the CSV (header is line 1)

    @property
    def label(self) -> str:
        span = f"{self.year}" if self.months == 12 else f"{self.year} (Jan-{_MONTH[self.months]})"
        return f"{self.scope}, {self.measure}, {span}"

    @property
    def per_year(self) -> float:
        """The value scaled to twelve months."""
        return self.value * 12 / self.months


_MONTH = {1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 5: "May", 6: "Jun", 7: "Jul", 8: "Aug",
          9: "Sep", 10: "Oct", 11: "Nov", 12: "Dec"}


def _period(text: str, line: int) -> tuple[int, int]:
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text), 12
    m = re.fullmatch(r"(\d{4})-01\.\.(\d{4})-(\d{2})", text)
    if m and m.group(1) == m.group(2):
        return int(m.group(1)), int(m.group(3))
    raise SpecError(f"{CSV}, line {line}: period {text!r} is neither a year nor "
                    "'YYYY-01..YYYY-MM'")


@functools.cache
def reported(path: Path = CSV) -> tuple[Figure, ...]:
    """Every row of the reported-cases file, as Figures."""
    try:
        table = pd.read_csv(path)
    except OSError as err:
        raise SpecError(f"{path}: cannot read the reported figures ({err.strerror})") from None
    figures = []
    for i, row in table.iterrows():
        line = int(i) + 2
        year, months = _period(str(row["period"]), line)
        figures.append(Figure(str(row["scope"]), str(row["measure"]), year, months,
                              float(row["value"]), str(row["source"]), line))
    return tuple(figures)


def pick(scope: str, measure: str, year: int) -> Figure:
    """The one row whose scope starts with ``scope``, with ``measure``, in ``year``."""
    rows = [f for f in reported() if f.scope.startswith(scope) and f.measure == measure
            and f.year == year]
    if len(rows) != 1:
        raise SpecError(f"{CSV}: expected one row for {scope!r}, {measure!r}, {year}; "
                        f"found {len(rows)}")
    return rows[0]


CENTER = "Nurani Perempuan WCC"


def center_cases() -> tuple[Figure, ...]:
    """Cases handled by the center, every reported year, in year order."""
    return tuple(sorted((f for f in reported() if f.scope == CENTER
                         and f.measure == "cases handled"), key=lambda f: f.year))
