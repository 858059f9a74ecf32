"""`python run.py` end to end, as a user runs it, in a temporary folder.

The baseline and the same-seed check start run.py as a real process; the other tests
check what the command line does with its arguments, so they call it in this process
(the same ``cli.main`` run.py calls, exit codes included), which spares a Python start each.
"""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(args, cwd):
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def run_here(args, cwd, monkeypatch, capsys):
    """The command line in this process, in ``cwd``: what run.py would do, as
    subprocess.CompletedProcess-like (returncode, stdout, stderr)."""
    from cli import main

    monkeypatch.chdir(cwd)
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:       # argparse's refusals and --help end this way in run.py too
        code = stop.code
    printed = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, printed.out, printed.err)


def test_baseline_prints_summary_and_writes_outputs(tmp_path, monkeypatch, capsys):
    # in this process: run.py in a process of its own is the same-seed test's second run
    result = run_here([], tmp_path, monkeypatch, capsys)
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


def test_until_chooses_the_span_in_calendar_years(tmp_path, monkeypatch, capsys):
    result = run_here(["run", "--until", "2003", "--set", "start_year=2001"], tmp_path,
                      monkeypatch, capsys)
    assert result.returncode == 0, result.stderr
    summary = pd.read_csv(tmp_path / "outputs" / "baseline-custom-seed42" / "summary.csv",
                          index_col=0)
    assert list(summary.index) == [2001, 2002, 2003]
    early = run_here(["run", "--until", "2000", "--set", "start_year=2001"], tmp_path,
                     monkeypatch, capsys)
    assert early.returncode == 2 and "--until 2000" in early.stderr
    assert "from the start year 2001 to 2200" in early.stderr
    late = run_here(["run", "--until", "2199"], tmp_path, monkeypatch, capsys)   # 201 years
    assert late.returncode == 2 and "--until 2199" in late.stderr and "to 2198" in late.stderr


def test_a_start_year_after_the_default_end_asks_for_a_span(tmp_path, monkeypatch, capsys):
    result = run_here(["run", "--set", "start_year=2031"], tmp_path, monkeypatch, capsys)
    assert result.returncode == 2 and "start_year 2031" in result.stderr
    assert "--until YEAR" in result.stderr and "Traceback" not in result.stderr


def test_until_help_and_error_give_the_same_last_year(tmp_path, monkeypatch, capsys):
    from cli.parser import build_parser

    helped = " ".join(run_here(["run", "--help"], tmp_path, monkeypatch, capsys).stdout.split())
    assert "at most the start year + 199 (2198 from the default start year 1999)" in helped
    # the rule, start year + 199, holds at a later start year too: the parser lets 2209 by
    assert build_parser().parse_args(["run", "--until", "2209", "--set",
                                      "start_year=2010"]).until == 2209
    code, _, err = cli_main(["run", "--until", "2210", "--set", "start_year=2010"], capsys)
    assert code == 2 and "from the start year 2010 to 2209" in err


def test_options_years_seed_set_out(tmp_path, monkeypatch, capsys):
    result = run_here(["run", "--years", "1", "--seed", "7", "--set", "skill=0.9",
                       "--set", "referral_agreement=true", "--out", "mine"], tmp_path,
                      monkeypatch, capsys)
    assert result.returncode == 0, result.stderr
    assert "skill=0.9" in result.stdout and "seed 7" in result.stdout
    weekly = pd.read_parquet(tmp_path / "mine" / "timeseries.parquet")
    assert len(weekly) == 53


def test_same_seed_same_outputs_in_this_process_and_another(tmp_path, monkeypatch, capsys):
    assert run_here(["--years", "1", "--out", "a"], tmp_path, monkeypatch, capsys).returncode == 0
    assert run(["--years", "1", "--out", "b"], tmp_path).returncode == 0
    assert (tmp_path / "a" / "timeseries.csv").read_text() == \
        (tmp_path / "b" / "timeseries.csv").read_text()


def test_help_documents_the_options(tmp_path, monkeypatch, capsys):
    result = run_here(["run", "--help"], tmp_path, monkeypatch, capsys)
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
def test_bad_settings_fail_clearly_and_write_nothing(tmp_path, monkeypatch, capsys, args,
                                                    message):
    result = run_here(args, tmp_path, monkeypatch, capsys)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "outputs").exists()


@pytest.mark.parametrize("args", [["--years", "0"], ["--years", "x"], ["--seed", "-1"],
                                  ["--seed", "abc"]])
def test_bad_years_or_seed_are_refused(tmp_path, monkeypatch, capsys, args):
    result = run_here(args, tmp_path, monkeypatch, capsys)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert args[0] in result.stderr


def test_unwritable_output_folder_is_refused(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_here(["--years", "1", "--out", str(blocker / "sub")], tmp_path, monkeypatch,
                      capsys)
    assert result.returncode == 2
    assert "cannot be written" in result.stderr and "Traceback" not in result.stderr


def test_summary_tells_what_happened_to_funds_and_staff():
    from experiments.single import format_summary, run_simulation, yearly_summary

    _, series = run_simulation(2, 3, accountability=0.0, donor_renewal_floor=0.0,
                               donor_cycle_years=1, new_donor_per_year=0.0)
    text = format_summary(yearly_summary(series), "t", series)
    assert "1999: the programme donor did not renew" in text
    _, calm = run_simulation(1, 3, staff_turnover_per_year=0.0, donor_grant_per_year=5000.0)
    assert "What happened" not in format_summary(yearly_summary(calm), "t", calm)


# --- hardening: every bad input is one line and exit 2, nothing is lost or overwritten ------
def cli_main(args, capsys):
    """The command line in this process: (exit code, stdout, stderr)."""
    from cli import main

    code = main([str(a) for a in args])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def parse_error(args, capsys):
    """An argparse refusal: its exit code and message."""
    with pytest.raises(SystemExit) as stop:
        cli_main(args, capsys)
    return stop.value.code, capsys.readouterr().err


@pytest.mark.parametrize("args, option", [
    (["run", "--out", ""], "--out"),
    (["run", "--scenario", ""], "--scenario"),
    (["run", "--scenario", "  "], "--scenario"),
    (["sweep", "", "--out", "x"], "spec"),
    (["analyze", "x", "--out", ""], "--out"),
    (["validate", "--out", ""], "--out"),
    (["calibrate", "--out", ""], "--out"),
    (["viz", "--host", ""], "--host"),
])
def test_empty_values_are_refused_before_anything_runs(tmp_path, monkeypatch, capsys,
                                                       args, option):
    monkeypatch.chdir(tmp_path)
    code, err = parse_error(args, capsys)
    assert code == 2 and option in err and "empty" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("setting", ["=0.5", " =0.5", "skill=", "", "="])
def test_empty_setting_names_or_values_are_refused(tmp_path, monkeypatch, capsys, setting):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_main(["run", "--years", "1", "--set", setting], capsys)
    assert code == 2 and "expected name=value" in err
    assert list(tmp_path.iterdir()) == []


def test_seed_range_is_zero_to_two_to_the_63_minus_one(capsys):
    from cli.parser import build_parser

    assert build_parser().parse_args(["run", "--seed", str(2**63 - 1)]).seed == 2**63 - 1
    code, err = parse_error(["run", "--seed", str(2**63)], capsys)
    assert code == 2 and "--seed" in err and "2^63-1" in err
    code, err = parse_error(["run", "--seed", str(10**38)], capsys)
    assert code == 2 and "--seed" in err


@pytest.mark.parametrize("command", ["validate", "calibrate"])
def test_report_out_that_is_a_folder_is_refused_before_the_work(tmp_path, capsys, command):
    folder = tmp_path / "existing"
    folder.mkdir()
    code, out, err = cli_main([command, "--quick", "--out", folder] if command == "validate"
                              else [command, "--out", folder], capsys)
    assert code == 2 and out == ""
    assert f"--out '{folder}' is a folder" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []


def test_run_out_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "a_file"
    target.write_text("mine")
    code, _, err = cli_main(["run", "--years", "1", "--out", target], capsys)
    assert code == 2 and "is a file" in err
    assert target.read_text() == "mine"


def test_whole_number_parameter_is_echoed_as_a_whole_number(tmp_path, capsys):
    code, _, err = cli_main(["run", "--years", "1", "--set", "n_staff=-3",
                             "--out", tmp_path / "o"], capsys)
    assert code == 2 and "'n_staff' = -3 " in err
    code, out, _ = cli_main(["run", "--years", "1", "--set", "n_staff=3",
                             "--out", tmp_path / "o"], capsys)
    assert code == 0 and "Changed parameters: n_staff=3\n" in out


def test_summary_csv_is_rounded_and_tables_have_a_legend(tmp_path, capsys):
    code, out, _ = cli_main(["run", "--years", "2", "--out", tmp_path], capsys)
    assert code == 0
    legend = out[out.index("Legend:"):]
    for short in ("Incid", "Sought", "Direct", "Unmet", "Uptake", "Wait(wk)", "DP3A"):
        assert short in legend
    cells = (tmp_path / "summary.csv").read_text().replace("\n", ",").split(",")
    decimals = [len(c.partition(".")[2]) for c in cells if c.replace(".", "").isdigit()]
    assert decimals and max(decimals) <= 4


@pytest.mark.parametrize("content, problem", [(b"title.en = \"\xff\xfe\"\n", "not UTF-8"),
                                              (b"\x00\x01\x02PK\x03\x04", "binary")])
def test_scenario_file_that_is_not_utf8_text_is_named(tmp_path, capsys, content, problem):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(content)
    code, out, err = cli_main(["run", "--years", "1", "--scenario", bad,
                               "--out", tmp_path / "o"], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {bad}") and problem in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_busy_viz_port_is_reported_before_anything_starts(capsys):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        code, out, err = cli_main(["viz", "--port", port], capsys)
    assert code == 2 and out == ""
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in err


def test_calibrate_render_rewrites_the_report_from_its_json_or_names_what_is_missing(
        tmp_path, monkeypatch, capsys):
    out = tmp_path / "cal" / "calibration.md"
    out.parent.mkdir()
    missing = run_here(["calibrate", "--render", "--out", out], tmp_path, monkeypatch, capsys)
    assert missing.returncode == 2 and "calibration.json" in missing.stderr
    assert "run 'python run.py calibrate' first" in missing.stderr
    for content, says in [('{"budget": {}', "line 1"), ("1", "a JSON object is expected"),
                          ('{"budget": {}}', "missing posterior"),
                          (_without_medians_nor_recommended(), "'recommended' is missing")]:
        (out.parent / "calibration.json").write_text(content)
        broken = run_here(["calibrate", "--render", "--out", out], tmp_path, monkeypatch, capsys)
        assert broken.returncode == 2 and says in broken.stderr, (content[:40], broken.stderr)
        assert "Traceback" not in broken.stderr and not out.exists()
    (out.parent / "calibration.json").write_text((ROOT / "docs" / "calibration.json").read_text())
    done = run_here(["calibrate", "--render", "--out", out], tmp_path, monkeypatch, capsys)
    assert done.returncode == 0, done.stderr
    assert out.read_text() == (ROOT / "docs" / "calibration.md").read_text()
    assert "not fitted again" in done.stdout


def _without_medians_nor_recommended() -> str:
    import json

    result = json.loads((ROOT / "docs" / "calibration.json").read_text())
    result["defaults"].pop("medians", None)
    del result["defaults"]["recommended"]
    return json.dumps(result)
