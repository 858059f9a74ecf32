"""The text summary and PNG of one run: reported figures beside the run, partial years
marked, the grant's fate told as it happened (issue 8 point 1 and its review)."""

import numpy as np
import pandas as pd
import pytest

from experiments.history import weeks_of
from experiments.reported import CENTER, SIMFONI, pick
from experiments.single import (
    donor_events,
    format_reported,
    format_summary,
    full_year_sums,
    run_simulation,
    yearly_summary,
)
from model import WEEKS_PER_YEAR


@pytest.fixture(scope="module")
def history():
    """The default run from 1999 through 2023 (every reported year)."""
    return run_simulation(until=2023, seed=42)[1]


def _row(lines, start):
    """The printed row of the reported block whose 'Who and what' starts with ``start``."""
    return next(line for line in lines if line.split("  ")[-1].startswith(start))


def test_reported_block_puts_the_uptd_ppa_2018_count_beside_the_runs_yearly_sum(history):
    lines = format_reported(history)
    row = pick("West Sumatra province UPTD PPA", "cases received", 2018)
    seen = history.loc[history.year == 2018, "seen_uptd_ppa_province"].sum()
    assert _row(lines, "West Sumatra province UPTD PPA").split()[:4] == \
        ["2018", "1-52", f"{row.value:g}", f"{seen:.0f}"]


def test_reported_block_counts_the_2013_figure_over_the_same_eleven_months(history):
    weeks = history[(history.index > 0) & (history.year == 2013)]
    first = weeks["intake"].iloc[:weeks_of(11)].sum()
    row = next(line for line in format_reported(history) if line.lstrip().startswith("2013"))
    assert row.split()[:4] == ["2013", f"1-{weeks_of(11)}", "77", f"{first:.0f}"]


def test_reported_block_shows_both_dp3ap2kb_years_and_the_2019_groups(history):
    text = "\n".join(format_reported(history))
    for year in (2020, 2021):
        seen = history.loc[history.year == year, "seen_dp3ap2kb_city"].sum()
        value = pick("Padang city DP3AP2KB", "cases", year).value
        assert f"  {year}   1-52  {value:8g}  {seen:8.0f}  Padang city DP3AP2KB" in text
    groups = history.loc[history.year == 2019, "groups"].iloc[-1]
    assert f"  2019    end  {pick(CENTER, 'community groups in Padang', 2019).value:8g}  " \
           f"{groups:8.0f}  {CENTER}, community groups" in text


def test_province_wide_simfoni_rows_are_named_and_not_set_beside_the_run(history):
    text = " ".join(line.strip() for line in format_reported(history))
    assert "Not set beside this run (province-wide, not the model's catchment):" in text
    assert SIMFONI in text
    assert not any(SIMFONI in line for line in format_reported(history)
                   if line.lstrip()[:4].isdigit())


def test_a_run_before_any_reported_year_says_so():
    _, series = run_simulation(1.5, 42)
    assert format_reported(series) == [
        "Reported figures: none falls within the weeks this run simulated (1999-2000); "
        "the reported years are 2013-2023."]


def test_a_partial_last_year_is_starred_with_its_weeks_and_left_out_of_yearly_sums():
    _, series = run_simulation(1.5, 42)
    table = yearly_summary(series)
    assert table.loc[2000, "weeks"] == WEEKS_PER_YEAR // 2
    text = format_summary(table, "t", series)
    assert "\n2000* " in text and "\n1999  " in text
    assert f"* 2000: 26 of {WEEKS_PER_YEAR} weeks simulated" in text
    assert list(full_year_sums(series[series.index > 0], "intake").index) == [1999]


def _weeks(rows):
    """A weekly series (row 0 the start) from (grant_renewed, grant_lost, donor_active,
    donor_share) per week, all in 2001."""
    frame = pd.DataFrame(rows, columns=["grant_renewed", "grant_lost", "donor_active",
                                        "donor_share"])
    frame["year"] = 2001
    return frame


@pytest.mark.parametrize("before, after, said", [
    ((0, 0, 1, 1.0), (1, 0, 1, 1.0), "the programme donor renewed in full"),
    ((0, 0, 1, 1.0), (1, 0, 1, 0.875), "the programme donor renewed at 87.5% of the grant"),
    # short of the full grant never reads as 100%, and 57% stays 57% (no float slip)
    ((0, 0, 1, 1.0), (1, 0, 1, 0.9995), "the programme donor renewed at 99.9% of the grant"),
    ((0, 0, 1, 1.0), (1, 0, 1, 0.57), "the programme donor renewed at 57% of the grant"),
    ((0, 0, 0, 0.0), (1, 0, 1, 1.0), "a new programme donor was found"),
    ((0, 0, 1, 0.9), (0, 1, 0, 0.0), "the programme donor did not renew"),
])
def test_a_grant_event_is_told_from_the_week_before_and_the_new_share(before, after, said):
    assert donor_events(_weeks([before, before, after])) == {2001: [said]}


def test_weeks_of_salaries_paid_in_part_are_told_apart_from_cut_hours():
    """Every year of five crisis runs: part-paid weeks counted as the series says, and
    printed; somewhere a year has fewer of them than weeks of cut hours."""
    told_apart = False
    for seed in range(5):
        _, series = run_simulation(3, seed, accountability=0.0, donor_renewal_floor=0.0,
                                   donor_cycle_years=1, new_donor_per_year=0.0)
        table = yearly_summary(series)
        text = format_summary(table, "t", series)
        assert "renewed or was found" not in text
        weeks = series[series.index > 0]
        for year, w in weeks.groupby("year"):
            short = int(((w.unpaid_weeks > 0) & (w.staff > 0) & (w.paid_share > 0)).sum())
            assert table.loc[year, "part_paid_weeks"] == short, (seed, year)
            if short:
                assert f"salaries paid only in part for {short} weeks" in text, (seed, year)
            told_apart |= 0 < short < w.hours_cut.sum()
    assert told_apart


def test_main_curves_png_is_written_for_a_partial_year(tmp_path):
    from experiments.single import plot_main_curves

    _, series = run_simulation(1.5, 42)
    plot_main_curves(series, tmp_path / "c.png")
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_yearly_sums_drop_only_the_partial_year():
    weeks = pd.DataFrame({"year": np.repeat([2001, 2002, 2003], [52, 52, 10]),
                          "intake": 1.0})
    assert full_year_sums(weeks, "intake").to_dict() == {2001: 52.0, 2002: 52.0}
