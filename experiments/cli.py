"""The command line behind run.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model import PARAMETERS, ParameterError, validate

from .single import DEFAULT_UNTIL
from .spec import SpecError


class UsageError(Exception):
    """Bad input on the command line: reported in one line, without a traceback."""


def parse_setting(text: str) -> tuple[str, object]:
    """Turn 'name=value' into (name, value) with the type the parameter needs."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise UsageError(f"--set {text!r}: expected name=value, for example --set skill=0.8")
    param = PARAMETERS.get(name)
    if param is None:
        validate(**{name: raw})  # raises the standard unknown-parameter error
    if param.kind is bool:
        lowered = raw.lower()
        if lowered in ("true", "yes", "on", "1"):
            return name, True
        if lowered in ("false", "no", "off", "0"):
            return name, False
        raise UsageError(f"--set {name}={raw}: parameter {name!r} is a switch; use true or false")
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(
            f"--set {name}={raw}: parameter {name!r} needs a number in "
            f"{param.range_text()} ({param.unit})") from None
    return name, value


def _years(text: str) -> float:
    try:
        years = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of years") from None
    if not 0 < years <= 200:
        raise argparse.ArgumentTypeError(f"{text!r}: years must be in (0, 200]")
    return years


def _whole(low: int, high: int | None, problem: str):
    """An argparse type: a whole number in [low, high], else ``problem`` in the message."""
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{text!r}: {problem}")
        return value
    return convert


_seed = _whole(0, None, "the seed must not be negative")
_port = _whole(1, 65535, "a port is between 1 and 65535")
_workers = _whole(1, None, "at least one worker is needed")


def _scheduler_option(parser) -> None:
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run on a Dask cluster, e.g. tcp://127.0.0.1:8786, instead of "
                             "local processes")


def _pool_options(parser, workers: bool = True) -> None:
    """--workers (local processes) and --no-progress, shared by the long-running commands."""
    if workers:
        parser.add_argument("--workers", type=_workers, default=None,
                            help="local worker processes (default: the number of cores)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    from .single import DEFAULT_SEED

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
    span.add_argument("--until", type=_whole(1999, 2200, "a calendar year"), default=None,
                      metavar="YEAR",
                      help=f"simulate to the end of this calendar year (default {DEFAULT_UNTIL}: "
                           "every reported year, then a projection)")
    span.add_argument("--years", type=_years, default=None,
                      help="or: simulated years from the start year, 52 weekly steps each")
    run.add_argument("--seed", type=_seed, default=DEFAULT_SEED,
                     help=f"random seed; the same seed gives the same run (default {DEFAULT_SEED})")
    run.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                     help="change a parameter (repeatable), e.g. --set skill=0.8; "
                          "see docs/parameters.md for names, units and ranges")
    run.add_argument("--scenario", default=None, metavar="NAME",
                     help="start from a named scenario (see `run.py scenarios`) or a "
                          "scenario .toml file; --set values apply on top")
    run.add_argument("--out", type=Path, default=None,
                     help="output folder (default outputs/<scenario>-seed<SEED>)")
    scen = commands.add_parser("scenarios", help="list the named scenarios")
    scen.add_argument("--lang", choices=("en", "id"), default="en",
                      help="language of titles and descriptions (en or id)")
    sweep = commands.add_parser(
        "sweep", help="run a parameter sweep from a TOML spec (resumable)",
        description="Run every run of a sweep spec and store the results in Parquet, run by "
                    "run. Re-running the same command on the same folder resumes: finished "
                    "runs are skipped. See docs/experiments.md for the spec format.")
    sweep.add_argument("spec", type=Path, help="sweep spec (.toml)")
    sweep.add_argument("--out", type=Path, required=True, help="results folder")
    sweep.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="run on a Dask cluster, e.g. tcp://127.0.0.1:8786, instead of "
                            "local processes")
    _pool_options(sweep)
    analyze = commands.add_parser(
        "analyze", help="analyse a sweep's results folder: tables, tests, figures, report.md",
        description="Summarise every design point (mean, SD, bootstrap 95% CI), compare "
                    "factor levels or scenarios (Welch, paired and Mann-Whitney tests, "
                    "Holm-adjusted), compute Sobol, Morris or rank-correlation sensitivity "
                    "as the design allows, draw the figures (PNG and SVG) and write "
                    "report.md. See docs/experiments.md.")
    analyze.add_argument("folder", type=Path, help="results folder written by `run.py sweep`")
    analyze.add_argument("--out", "--report-dir", dest="out", type=Path, default=None,
                         help="where report.md, figures/ and tables/ go (default: the "
                              "results folder)")
    analyze.add_argument("--metrics", default=None, metavar="M1,M2",
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
    val.add_argument("--out", type=Path, default=None,
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
    cal.add_argument("--out", type=Path, default=None,
                     help="report file (default docs/calibration.md)")
    cal.add_argument("--quick", action="store_true",
                     help="a tiny budget that only shows the pipeline works (minutes)")
    _scheduler_option(cal)
    _pool_options(cal)
    commands.add_parser("parameters", help="list the parameters with units, defaults and ranges")
    commands.add_parser("docs", help="regenerate docs/parameters.md from the parameter table")
    viz = commands.add_parser(
        "viz", help="start the browser app (explore, compare, teach) on this computer",
        description="Serve the Kolaborasi browser app (English and Bahasa Indonesia) and print "
                    "its address. It runs offline: production mode, no telemetry, nothing "
                    "fetched from outside. Ctrl+C stops it. See docs/app.md.")
    viz.add_argument("--host", default="127.0.0.1",
                     help="address to listen on (default 127.0.0.1, this computer only)")
    viz.add_argument("--port", type=_port, default=8521, help="port (default 8521)")
    return parser


def cmd_run(args) -> int:
    from .single import (DEFAULT_UNTIL, format_summary, run_simulation, write_outputs,
                         yearly_summary, years_until)

    from .spec import load_scenario

    scenario = load_scenario(args.scenario or "baseline")
    settings = dict(parse_setting(s) for s in args.settings)
    params = {**scenario.parameters, **settings}
    validate(**params)  # fail before anything runs or is written
    name = scenario.name + ("-custom" if settings else "")
    out = args.out or Path("outputs") / f"{name}-seed{args.seed}"
    _check_writable(out)
    start = validate(**params).start_year
    if args.until is not None and args.until < start:
        raise UsageError(f"--until {args.until} is before the start year {start}")
    years = args.years or years_until(args.until or DEFAULT_UNTIL, start)
    model, series = run_simulation(years, args.seed, **params)
    table = yearly_summary(series)
    changed = ", ".join(f"{k}={v}" for k, v in params.items()) or "none (baseline)"
    title = (f"Kolaborasi: scenario '{scenario.title['en']}', {table.index[0]} to "
             f"{table.index[-1]} ({years:g} years of weekly steps), seed {args.seed}"
             f"\nChanged parameters: {changed}")
    print(format_summary(table, title))
    files = write_outputs(out, model, series, table, years, args.seed, params)
    print(f"\nOutputs written to {out}/: " + ", ".join(f.name for f in files))
    return 0


def _check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as err:
        raise UsageError(f"output folder {str(out)!r} cannot be written: {err.strerror}") from None


def cmd_scenarios(args) -> int:
    import textwrap

    from .spec import load_scenario, scenario_names

    for name in scenario_names():
        scenario = load_scenario(name)
        settings = ", ".join(f"{k}={v}" for k, v in scenario.parameters.items()) or "defaults"
        print(f"{name}: {scenario.title[args.lang]}  [{settings}]")
        print(textwrap.fill(scenario.description[args.lang], 88, initial_indent="    ",
                            subsequent_indent="    "))
    return 0


def cmd_sweep(args) -> int:
    from .sweep import describe, run_sweep

    report = run_sweep(args.spec, args.out, workers=args.workers, scheduler=args.scheduler,
                       progress=not args.no_progress)
    print(describe(report))
    return 1 if report.failed else 0


def cmd_analyze(args) -> int:
    from .report import write_report

    metrics = args.metrics.split(",") if args.metrics is not None else None
    report = write_report(args.folder, out=args.out, metrics=metrics,
                          progress=not args.no_progress)
    figures = report.path.parent / "figures"
    print(f"Report: {report.path}")
    print(f"Figures: {figures}/ ({len(report.figures)} figure(s), PNG and SVG)")
    print(f"Tables: {report.path.parent / 'tables'}/ "
          f"({', '.join(t.name for t in report.tables)})")
    for note in report.analysis.notes:
        print(f"note: {note}")
    return 0


def cmd_validate(args) -> int:
    from .validation import describe_outcome, validate_model, verdict

    root = Path(__file__).resolve().parent.parent
    out = args.out or (Path("outputs/validation-quick/validation.md") if args.quick
                       else root / "docs" / "validation.md")
    _check_writable(out.parent)
    result = validate_model(quick=args.quick, workers=args.workers, out=out,
                            robust=not args.no_robustness, progress=not args.no_progress,
                            executor=args.scheduler)
    for key, results in result.evaluated.items():
        print(f"{key}: {verdict(results)}")
        for r in results:
            print(f"    {r.label}: {describe_outcome(r)}")
    for check in result.history:
        print(f"{check.key}: {'holds' if check.passed else 'fails'} ({check.observed})")
    print(f"Report: {out}")
    return 0


def cmd_calibrate(args) -> int:
    from .calibration import FULL, QUICK, run_calibration, text_defaults

    out = args.out or (Path("outputs/calibration-quick/calibration.md") if args.quick
                       else Path(__file__).resolve().parent.parent / "docs" / "calibration.md")
    _check_writable(out.parent)
    result = run_calibration(out, workers=args.workers, scheduler=args.scheduler,
                             progress=not args.no_progress,
                             budget=QUICK if args.quick else FULL)
    print("Posterior (median, 90% interval, shrinkage):")
    for name, q in result["posterior"].items():
        print(f"  {name}: {q['median']:.4g} [{q['q05']:.4g}, {q['q95']:.4g}], "
              f"shrinkage {q['shrinkage']:.2f}")
    cmp = result["defaults"]
    print("Defaults, current -> recommended:")
    for name in cmp["current"]:
        flag = "" if cmp["current"][name] == cmp["recommended"][name] else \
            "   (update model/parameters.py)"
        print(f"  {name}: {cmp['current'][name]:g} -> {cmp['recommended'][name]:g}{flag}")
    print(text_defaults(cmp))
    print(f"Report: {out}")
    return 0


def cmd_viz(args) -> int:
    import importlib.util

    if importlib.util.find_spec("solara") is None:
        raise UsageError("the browser app needs Solara; install the project again with "
                         "`pip install -e .` to get it")
    from viz.server import serve

    return serve(args.host, args.port)


def cmd_parameters(_args) -> int:
    for p in PARAMETERS.values():
        print(f"{p.name:30} {str(p.default):>8}  {p.unit:28} {p.range_text():18} {p.meaning}")
    return 0


def cmd_docs(_args) -> int:
    from model.paramdoc import parameters_markdown

    target = Path(__file__).resolve().parent.parent / "docs" / "parameters.md"
    target.write_text(parameters_markdown())
    print(f"wrote {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "run")
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"run": cmd_run, "parameters": cmd_parameters, "docs": cmd_docs,
                "scenarios": cmd_scenarios, "sweep": cmd_sweep, "analyze": cmd_analyze,
                "validate": cmd_validate, "calibrate": cmd_calibrate, "viz": cmd_viz}
    try:
        return handlers[args.command](args)
    except (UsageError, ParameterError, SpecError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; finished runs are stored: re-run the same command to resume",
              file=sys.stderr)
        return 130
