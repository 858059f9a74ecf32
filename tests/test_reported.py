"""The reported rows the project carries match shared/data/reported_cases.csv."""

import csv
from pathlib import Path

import pytest

from experiments.reported import ROWS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "reported_cases.csv"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/data is not beside this checkout")
def test_rows_are_copied_exactly_from_the_shared_csv():
    with SHARED.open(encoding="utf-8") as f:
        shared = {(r["scope"], r["period"], r["measure"]): float(r["value"])
                  for r in csv.DictReader(f)}
    for row in ROWS:
        assert shared[(row.scope, row.period, row.measure)] == row.value, row


def test_part_year_counts_are_scaled_to_twelve_months():
    partial = next(r for r in ROWS if r.period == "2013-01..2013-11")
    assert partial.months == 11 and partial.per_year == pytest.approx(77 * 12 / 11)
    assert next(r for r in ROWS if r.period == "2019").per_year == 105
