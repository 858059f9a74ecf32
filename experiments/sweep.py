"""Run a sweep: plan the runs, skip those already done, execute the rest, store each."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .design import plan_runs
from .executors import default_workers, run_dask, run_local
from .runner import execute_and_store
from .spec import load_sweep
from .store import ResultStore


@dataclass
class SweepReport:
    total: int
    skipped: int
    done: int          # runs that succeeded in this invocation
    ran: int           # runs executed in this invocation (succeeded or failed)
    failed: list       # every run that stands failed now, with run_id, seed and error
    seconds: float
    folder: Path


def run_sweep(spec_path, out, workers: int | None = None, scheduler: str | None = None,
              progress: bool = True, stream=None) -> SweepReport:
    """Run (or resume) the sweep in ``spec_path``, writing results into ``out``."""
    stream = stream or sys.stderr
    sweep = load_sweep(spec_path)
    runs = plan_runs(sweep)
    store = ResultStore(Path(out), sweep, runs)
    finished = store.open()
    todo = [r for r in runs if r.run_id not in finished]
    by_id = {r.run_id: r for r in todo}
    workers = workers or default_workers()
    where = f"Dask scheduler {scheduler}" if scheduler else f"{workers} local worker(s)"
    print(f"Sweep '{sweep.title}': design {sweep.design}, "
          f"{len(runs) // sweep.replications} point(s) x {sweep.replications} replication(s) = "
          f"{len(runs)} runs of {sweep.years:g} years; {len(finished)} already done, "
          f"{len(todo)} to run on {where}.", file=stream)
    tasks = ({"run_id": r.run_id, "seed": r.seed, "params": r.params, "years": sweep.years,
              "outputs": sweep.outputs, "record_every": sweep.record_every,
              "events": [e.as_dict() for e in sweep.events],
              # local workers write their own run (Dask workers may not share our disk)
              **({} if scheduler else {"store": str(store.folder), "row": store.plan_row(r)})}
             for r in todo)
    results = run_dask(tasks, scheduler) if scheduler else \
        run_local(tasks, workers, fn=execute_and_store)
    start = time.perf_counter()
    completed = set(finished)   # every run done, before and now
    failures = []               # failed runs of this invocation (failed runs are always retried)
    bar = tqdm(total=len(todo), unit="run", disable=not progress or not todo, file=stream,
               dynamic_ncols=True, smoothing=0.1)
    try:
        for result in results:
            run = by_id[result["run_id"]]
            if not result.get("stored"):
                store.write(run, result)
            if result["status"] == "done":
                completed.add(run.run_id)
            else:
                failures.append({"run_id": run.run_id, "seed": run.seed,
                                 "error": result["error"]})
                bar.write(f"run {run.run_id} (seed {run.seed}) failed: {result['error']}",
                          file=stream)
            bar.update(1)
            bar.set_postfix(failed=len(failures), refresh=False)
    finally:
        bar.close()
        failures.sort(key=lambda f: f["run_id"])
        store.write_manifest(done=completed,
                             failed={f["run_id"]: {"seed": f["seed"], "error": f["error"]}
                                     for f in failures})
    return SweepReport(total=len(runs), skipped=len(finished),
                       done=len(completed) - len(finished), ran=len(completed) - len(finished)
                       + len(failures), failed=failures,
                       seconds=time.perf_counter() - start, folder=Path(out))


def describe(report: SweepReport) -> str:
    """The closing summary a person reads after a sweep."""
    complete = report.skipped + report.done
    lines = [f"Sweep finished in {report.seconds:.1f} s: ran {report.ran} run(s), "
             f"{report.done} succeeded; {report.skipped} were done before; "
             f"{complete} of {report.total} complete, {len(report.failed)} failed."]
    for f in report.failed[:5]:
        lines.append(f"  failed: run {f['run_id']} seed {f['seed']}: {f['error']}")
    if len(report.failed) > 5:
        lines.append(f"  ... and {len(report.failed) - 5} more (see manifest.json)")
    if report.failed:
        lines.append("  Re-running the same command retries failed runs.")
    folder = report.folder
    lines += [f"Results: {folder}/runs (one row per run), {folder}/steps (recorded steps), "
              f"{folder}/manifest.json.",
              f"Next: python run.py analyze {folder}"]
    return "\n".join(lines)
