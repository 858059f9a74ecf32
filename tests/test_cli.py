"""`python run.py` end to end, as a user runs it, in a temporary folder."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_baseline_prints_summary_and_writes_outputs(tmp_path):
    result = run([], tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "outputs" / "baseline-seed42"
    for name in ("timeseries.csv", "timeseries.parquet", "summary.csv", "run.json",
                 "network.graphml", "main_curves.png"):
        assert (out / name).stat().st_size > 0, name
    text = result.stdout
    for word in ("Year", "Referred", "Handled", "Uptake", "Unmet", "Wait", "Trust", "Funds",
                 "Staff", "Volunteers", "Cadres", "Groups", "Conflicts", "Police-city",
                 "1999 to 2030"):
        assert word in text
    summary = pd.read_csv(out / "summary.csv", index_col=0)
    assert list(summary.index) == list(range(1999, 2031))      # calendar years, founding on
    weekly = pd.read_parquet(out / "timeseries.parquet")
    assert len(weekly) == 32 * 52 + 1
    csv = pd.read_csv(out / "timeseries.csv", index_col=0)
    assert summary.loc[2019, "cases_handled"] == weekly.loc[weekly.year == 2019, "intake"].sum()
    assert csv["intake"].sum() == weekly["intake"].sum()
    assert f"2019  {summary.loc[2019, 'incidents']:5.0f}" in text


def test_until_chooses_the_span_in_calendar_years(tmp_path):
    result = run(["run", "--until", "2003", "--set", "start_year=2001"], tmp_path)
    assert result.returncode == 0, result.stderr
    summary = pd.read_csv(tmp_path / "outputs" / "baseline-custom-seed42" / "summary.csv",
                          index_col=0)
    assert list(summary.index) == [2001, 2002, 2003]
    early = run(["run", "--until", "2000", "--set", "start_year=2001"], tmp_path)
    assert early.returncode == 2 and "before the start year 2001" in early.stderr


def test_options_years_seed_set_out(tmp_path):
    result = run(["run", "--years", "1", "--seed", "7", "--set", "skill=0.9",
                  "--set", "referral_agreement=true", "--out", "mine"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skill=0.9" in result.stdout and "seed 7" in result.stdout
    weekly = pd.read_parquet(tmp_path / "mine" / "timeseries.parquet")
    assert len(weekly) == 53


def test_same_seed_same_outputs(tmp_path):
    for out in ("a", "b"):
        assert run(["--years", "1", "--out", out], tmp_path).returncode == 0
    assert (tmp_path / "a" / "timeseries.csv").read_text() == \
        (tmp_path / "b" / "timeseries.csv").read_text()


def test_help_documents_the_options(tmp_path):
    result = run(["run", "--help"], tmp_path)
    assert result.returncode == 0
    for option in ("--years", "--seed", "--set", "--out"):
        assert option in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--set", "skill=2"], "'skill' = 2.0 is out of range: valid range [0, 1]"),
    (["--set", "skil=0.5"], "unknown parameter 'skil'; did you mean 'skill'?"),
    (["--set", "skill"], "expected name=value"),
    (["--set", "skill=high"], "needs a number in [0, 1]"),
    (["--set", "referral_agreement=maybe"], "is a switch; use true or false"),
    (["--set", "n_staff=2.5"], "must be a whole number"),
    (["--set", "skill=nan"], "NaN is not allowed"),
])
def test_bad_settings_fail_clearly_and_write_nothing(tmp_path, args, message):
    result = run(args, tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "outputs").exists()


@pytest.mark.parametrize("args", [["--years", "0"], ["--years", "x"], ["--seed", "-1"],
                                  ["--seed", "abc"]])
def test_bad_years_or_seed_are_refused(tmp_path, args):
    result = run(args, tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert args[0] in result.stderr


def test_unwritable_output_folder_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run(["--years", "1", "--out", str(blocker / "sub")], tmp_path)
    assert result.returncode == 2
    assert "cannot be written" in result.stderr and "Traceback" not in result.stderr


def test_summary_tells_what_happened_to_funds_and_staff():
    from experiments.single import format_summary, run_simulation, yearly_summary

    _, series = run_simulation(2, 3, accountability=0.0, donor_renewal_floor=0.0,
                               donor_cycle_years=1, new_donor_per_year=0.0)
    text = format_summary(yearly_summary(series), "t")
    assert "1999: the programme donor did not renew" in text
    _, calm = run_simulation(1, 3, staff_turnover_per_year=0.0, donor_grant_per_year=5000.0)
    assert "What happened" not in format_summary(yearly_summary(calm), "t")
