"""What each command does: read its arguments, call the experiments layer, print the result."""

from __future__ import annotations

import socket
from pathlib import Path

from model import DEFAULTS, PARAMETERS, validate
from model.parameters import MAX_YEARS

from .arguments import UsageError, parse_setting

ROOT = Path(__file__).resolve().parent.parent


def check_folder(out: Path) -> None:
    """An output folder must exist or be creatable, and be writable (checked before a run)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {str(out)!r} is a file; give a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as err:
        raise UsageError(f"output folder {str(out)!r} cannot be written: {err.strerror}") from None


def check_report_file(out: Path) -> None:
    """A report file's place must be writable and not be a folder (checked before the work)."""
    if out.is_dir():
        raise UsageError(f"--out {str(out)!r} is a folder; give the report file, for example "
                         f"{str(out / 'report.md')!r}")
    check_folder(out.parent)


def cmd_run(args) -> int:
    from experiments.single import (DEFAULT_UNTIL, format_summary, run_simulation,
                                    write_outputs, yearly_summary, years_until)
    from experiments.spec import load_scenario

    scenario = load_scenario(args.scenario or "baseline")
    settings = dict(parse_setting(s) for s in args.settings)
    params = {**scenario.parameters, **settings}
    validate(**params)  # fail before anything runs or is written
    name = scenario.name + ("-custom" if settings else "")
    out = args.out or Path("outputs") / f"{name}-seed{args.seed}"
    start = validate(**params).start_year
    if args.until is not None and not start <= args.until < start + MAX_YEARS:
        raise UsageError(f"--until {args.until}: must be a calendar year from the start year "
                         f"{start} to {start + MAX_YEARS - 1} (at most {MAX_YEARS} years)")
    if args.until is None and args.years is None and start > DEFAULT_UNTIL:
        raise UsageError(f"start_year {start} is after the default end of a run "
                         f"({DEFAULT_UNTIL}): give --until YEAR (from {start}) or --years N")
    check_folder(out)
    years = args.years or years_until(args.until or DEFAULT_UNTIL, start)
    model, series = run_simulation(years, args.seed, events=scenario.events, **params)
    table = yearly_summary(series)
    changed = ", ".join(f"{k}={v}" for k, v in params.items()) or "none (baseline)"
    title = (f"Kolaborasi: scenario '{scenario.title['en']}', {table.index[0]} to "
             f"{table.index[-1]} ({years:g} year{'' if years == 1 else 's'} of weekly steps), "
             f"seed {args.seed}"
             f"\nChanged parameters: {changed}")
    print(format_summary(table, title, series))
    files = write_outputs(out, model, series, table, years, args.seed, params)
    print(f"\nOutputs written to {out}/: " + ", ".join(f.name for f in files))
    return 0


def cmd_scenarios(args) -> int:
    import textwrap

    from experiments.spec import load_scenario, scenario_names

    for name in scenario_names():
        scenario = load_scenario(name)
        settings = ", ".join(f"{k}={v}" for k, v in scenario.parameters.items()) or "defaults"
        print(f"{name}: {scenario.title[args.lang]}  [{settings}]")
        print(textwrap.fill(scenario.description[args.lang], 88, initial_indent="    ",
                            subsequent_indent="    "))
    return 0


def cmd_sweep(args) -> int:
    from experiments.sweep import describe, run_sweep

    report = run_sweep(args.spec, args.out, workers=args.workers, scheduler=args.scheduler,
                       progress=not args.no_progress, worker_timeout=args.worker_timeout)
    print(describe(report))
    return 1 if report.failed else 0


def cmd_analyze(args) -> int:
    from experiments.report import write_report

    metrics = None
    if args.metrics is not None:
        metrics = [m.strip() for m in args.metrics.split(",")]
        if not all(metrics):
            raise UsageError(f"--metrics {args.metrics!r}: an empty metric name; write "
                             "names separated by commas, e.g. referral_uptake,funds_end")
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
    from experiments.patterns import PATTERNS
    from experiments.validation import describe_outcome, quick_caveat, validate_model, verdict

    out = args.out or (Path("outputs/validation-quick/validation.md") if args.quick
                       else ROOT / "docs" / "validation.md")
    check_report_file(out)
    result = validate_model(quick=args.quick, workers=args.workers, out=out,
                            robust=not args.no_robustness, progress=not args.no_progress,
                            executor=args.scheduler)
    for pattern in PATTERNS:
        results = result.evaluated[pattern.key]
        print(f"{pattern.key} ({pattern.kind}): {verdict(results)}")
        for r in results:
            restates = " (verification: restates a rule)" if r.by_construction else ""
            print(f"    {r.label}: {describe_outcome(r)}{restates}")
    for check in result.history:
        print(f"{check.key}: {'holds' if check.passed else 'fails'} ({check.observed})")
    if args.quick:
        print(quick_caveat(len(result.history_table)))
    print(f"Report: {out}")
    return 0


def cmd_calibrate(args) -> int:
    from experiments.calibration import (FULL, QUICK, render_report, run_calibration,
                                         text_adoption, text_defaults)

    out = args.out or (Path("outputs/calibration-quick/calibration.md") if args.quick
                       else ROOT / "docs" / "calibration.md")
    check_report_file(out)
    if args.render:
        try:
            result = render_report(out)
        except ValueError as err:
            raise UsageError(str(err)) from None
        print(text_adoption(result["defaults"], DEFAULTS, result["posterior"]))
        print(f"Report: {out} (rendered from {out.parent / 'calibration.json'}, not fitted again)")
        return 0
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


def check_port_free(host: str, port: int) -> None:
    """Refuse a port another program holds, before the server announces anything."""
    try:
        socket.getaddrinfo(host, port)
    except socket.gaierror as err:
        raise UsageError(f"--host {host!r}: unknown address ({err.strerror})") from None
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        raise UsageError(f"--port {port}: cannot listen on {host}:{port} ({err.strerror}); "
                         "another program may be using it: choose another with --port") \
            from None


def cmd_viz(args) -> int:
    import importlib.util

    if importlib.util.find_spec("solara") is None:
        raise UsageError("the browser app needs Solara; install the project again with "
                         "`pip install -e .` to get it")
    from viz.classroom.address import listen_host

    host = listen_host(args.host, args.classroom)
    check_port_free(host, args.port)
    from viz.server import serve

    return serve(host, args.port, classroom=args.classroom)


def cmd_parameters(_args) -> int:
    for p in PARAMETERS.values():
        print(f"{p.name:30} {str(p.default):>8}  {p.unit:28} {p.range_text():18} {p.meaning}")
    return 0


def cmd_docs(_args) -> int:
    from model.paramdoc import parameters_markdown

    target = ROOT / "docs" / "parameters.md"
    target.write_text(parameters_markdown())
    print(f"wrote {target}")
    return 0


HANDLERS = {"run": cmd_run, "parameters": cmd_parameters, "docs": cmd_docs,
            "scenarios": cmd_scenarios, "sweep": cmd_sweep, "analyze": cmd_analyze,
            "validate": cmd_validate, "calibrate": cmd_calibrate, "viz": cmd_viz}
