"""The command line's commands and options (argparse)."""

from __future__ import annotations

import argparse

from experiments.single import DEFAULT_SEED, DEFAULT_UNTIL
from model import DEFAULTS
from model.parameters import MAX_YEARS

from . import arguments as arg


def _pool_options(parser, workers: bool = True) -> None:
    """--workers (local processes) and --no-progress, shared by the long-running commands."""
    if workers:
        parser.add_argument("--workers", type=arg.workers, default=None,
                            help="local worker processes (default: the number of cores)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _scheduler_option(parser) -> None:
    parser.add_argument("--scheduler", type=arg.text("--scheduler"), default=None,
                        metavar="ADDRESS",
                        help="run on a Dask cluster, e.g. tcp://127.0.0.1:8786, instead of "
                             "local processes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run.py",
        description="Kolaborasi: a women's crisis center building collaboration to handle "
                    "gender-based violence cases. Without a command, runs the baseline.")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser(
        "run", help="run one simulation and write its outputs",
        description="Run one simulation (weekly steps), print a year-by-year summary and "
                    "write the time series (CSV, Parquet), the summary, the final network "
                    "and a PNG of the main curves.")
    span = run.add_mutually_exclusive_group()
    span.add_argument("--until", type=arg.calendar_year, default=None, metavar="YEAR",
                      help=f"simulate to the end of this calendar year (default {DEFAULT_UNTIL}: "
                           "every reported year, then a projection); at most the start year "
                           f"+ {MAX_YEARS - 1} ({DEFAULTS['start_year'] + MAX_YEARS - 1} from "
                           f"the default start year {DEFAULTS['start_year']})")
    span.add_argument("--years", type=arg.years, default=None,
                      help="or: simulated years from the start year, 52 weekly steps each")
    run.add_argument("--seed", type=arg.seed, default=DEFAULT_SEED,
                     help="random seed from 0 to 2^63-1; the same seed gives the same run "
                          f"(default {DEFAULT_SEED})")
    run.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                     help="change a parameter (repeatable), e.g. --set skill=0.8; "
                          "see docs/parameters.md for names, units and ranges")
    run.add_argument("--scenario", type=arg.text("--scenario"), default=None, metavar="NAME",
                     help="start from a named scenario (see `run.py scenarios`) or a "
                          "scenario .toml file; --set values apply on top")
    run.add_argument("--out", type=arg.path, default=None,
                     help="output folder (default outputs/<scenario>-seed<SEED>)")
    scen = commands.add_parser("scenarios", help="list the named scenarios")
    scen.add_argument("--lang", choices=("en", "id"), default="en",
                      help="language of titles and descriptions (en or id)")
    sweep = commands.add_parser(
        "sweep", help="run a parameter sweep from a TOML spec (resumable)",
        description="Run every run of a sweep spec and store the results in Parquet, run by "
                    "run. Re-running the same command on the same folder resumes: finished "
                    "runs are skipped, damaged ones run again. See docs/experiments.md for "
                    "the spec format.")
    sweep.add_argument("spec", type=arg.path, help="sweep spec (.toml)")
    sweep.add_argument("--out", type=arg.path, required=True, help="results folder")
    sweep.add_argument("--scheduler", type=arg.text("--scheduler"), default=None,
                       metavar="ADDRESS",
                       help="run on a Dask cluster, e.g. tcp://127.0.0.1:8786, instead of "
                            "local processes")
    sweep.add_argument("--worker-timeout", type=arg.seconds, default=60.0, metavar="SECONDS",
                       help="with --scheduler: how long to wait while the cluster has no "
                            "worker before giving up (default 60)")
    _pool_options(sweep)
    analyze = commands.add_parser(
        "analyze", help="analyse a sweep's results folder: tables, tests, figures, report.md",
        description="Summarise every design point (mean, SD, bootstrap 95% CI), compare "
                    "factor levels or scenarios (Welch, paired and Mann-Whitney tests, "
                    "Holm-adjusted), compute Sobol, Morris or rank-correlation sensitivity "
                    "as the design allows, draw the figures (PNG and SVG) and write "
                    "report.md. See docs/experiments.md.")
    analyze.add_argument("folder", type=arg.path, help="results folder written by `run.py sweep`")
    analyze.add_argument("--out", "--report-dir", dest="out", type=arg.path, default=None,
                         help="where report.md, figures/ and tables/ go (default: the "
                              "results folder)")
    analyze.add_argument("--metrics", type=arg.text("--metrics"), default=None,
                         metavar="M1,M2",
                         help="comma-separated run metrics to analyse (default: the headline "
                              "metrics, see experiments/analysis.py HEADLINE_METRICS)")
    _pool_options(analyze, workers=False)
    val = commands.add_parser(
        "validate", help="test the study's findings as patterns; write docs/validation.md",
        description="Run the verification experiments and the patterns (the center's "
                    "history against reported figures, and paired experiments sized by a "
                    "power calculation), test each outcome (paired t-test, Holm-adjusted) "
                    "and write a report with a table and a figure per experiment, plus a "
                    "one-at-a-time robustness check.")
    val.add_argument("--quick", action="store_true",
                     help="fewer replications, no robustness check (what CI runs)")
    val.add_argument("--out", type=arg.path, default=None,
                     help="report file (default docs/validation.md; with --quick "
                          "outputs/validation-quick/validation.md)")
    val.add_argument("--no-robustness", action="store_true", help="skip the robustness check")
    _scheduler_option(val)
    _pool_options(val)
    cal = commands.add_parser(
        "calibrate", help="fit incidence, help-seeking, capacity and cadre yield to the "
                          "reported counts (ABC-SMC); write docs/calibration.md",
        description="ABC-SMC (pyabc, adaptive distance) against the center's reported cases "
                    "handled, its community groups and agencies' counts, with "
                    "identifiability diagnostics, posterior predictive checks, an "
                    "out-of-sample check and a comparison of the defaults before and after.")
    cal.add_argument("--out", type=arg.path, default=None,
                     help="report file (default docs/calibration.md; with --quick "
                          "outputs/calibration-quick/calibration.md)")
    cal.add_argument("--quick", action="store_true",
                     help="a tiny budget that only shows the pipeline works (minutes)")
    cal.add_argument("--render", action="store_true",
                     help="write the report again from the calibration.json beside it, "
                          "without fitting (after the defaults changed)")
    _scheduler_option(cal)
    _pool_options(cal)
    commands.add_parser("parameters", help="list the parameters with units, defaults and ranges")
    commands.add_parser("docs", help="regenerate docs/parameters.md from the parameter table")
    viz = commands.add_parser(
        "viz", help="start the browser app (explore, compare, teach) on this computer",
        description="Serve the Kolaborasi browser app (English and Bahasa Indonesia) and print "
                    "its address. It runs offline: production mode, no telemetry, nothing "
                    "fetched from outside. Ctrl+C stops it. See docs/app.md.")
    viz.add_argument("--host", type=arg.text("--host"), default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1, this computer only)")
    viz.add_argument("--port", type=arg.port, default=8521, help="port (default 8521)")
    viz.add_argument("--classroom", action="store_true",
                     help="classroom mode: listen on the local network (not only this "
                          "computer) so students' phones can join; prints the join address")
    return parser
