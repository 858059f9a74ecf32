"""The reported rows the project carries match shared/data/reported_cases.csv."""

import csv
from pathlib import Path

import pytest

from experiments.reported import ROWS, SIMFONI, Reported, women_share

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "reported_cases.csv"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/data is not beside this checkout")
def test_rows_are_copied_exactly_from_the_shared_csv():
    with SHARED.open(encoding="utf-8") as f:
        shared = {(r["scope"], r["period"], r["measure"]): (float(r["value"]), r["note"])
                  for r in csv.DictReader(f)}
    for row in ROWS:
        assert shared[(row.scope, row.period, row.measure)] == (row.value, row.note), row


def test_part_year_counts_are_scaled_to_twelve_months():
    partial = next(r for r in ROWS if r.period == "2013-01..2013-11")
    assert partial.months == 11 and partial.per_year == pytest.approx(77 * 12 / 11)
    assert next(r for r in ROWS if r.period == "2019").per_year == 105


def test_the_women_share_comes_from_the_children_counts_in_the_simfoni_notes():
    # 268 + 67 cases against women, 783 + 205 against children (the rows' notes)
    assert women_share() == pytest.approx(335 / 1323)


def test_a_simfoni_row_without_a_children_count_is_refused(monkeypatch):
    from experiments import reported
    rows = tuple(Reported(r.scope, r.period, r.measure, r.value, r.source, "")
                 if r.scope == SIMFONI and r.year == 2021 else r for r in ROWS)
    monkeypatch.setattr(reported, "ROWS", rows)
    with pytest.raises(ValueError, match="2021.*no count of cases against children"):
        women_share()
