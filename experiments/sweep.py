"""Run a sweep: plan the runs, skip those already done, execute the rest, store each.

The plan streams: runs are generated one at a time as workers take them, and the
sweep keeps one flag per run (done or not), so memory stays flat for any size
the spec accepts.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from .design import check_points, iter_runs
from .executors import DEFAULT_WORKER_TIMEOUT, default_workers, run_dask, run_local
from .spec import load_sweep
from .store import ResultStore, execute_and_store


@dataclass
class SweepReport:
    total: int
    skipped: int
    done: int          # runs that succeeded in this invocation
    ran: int           # runs executed in this invocation (succeeded or failed)
    failed: list       # every run that stands failed now, with run_id, seed and error
    seconds: float
    folder: Path
    damaged: int = 0   # damaged result files found, removed and run again


def run_sweep(spec_path, out, workers: int | None = None, scheduler: str | None = None,
              progress: bool = True, stream=None,
              worker_timeout: float = DEFAULT_WORKER_TIMEOUT) -> SweepReport:
    """Run (or resume) the sweep in ``spec_path``, writing results into ``out``."""
    stream = stream or sys.stderr
    sweep = load_sweep(spec_path)
    points = check_points(sweep)     # every point valid, before any file is written
    store = ResultStore(Path(out), sweep)
    finished = store.open()
    skipped = int(finished.sum())
    workers = workers or default_workers()
    where = f"Dask scheduler {scheduler}" if scheduler else f"{workers} local worker(s)"
    if store.damaged:
        print(f"{len(store.damaged)} damaged result file(s) removed, their runs run again "
              f"(first: {store.damaged[0]}).", file=stream)
    print(f"Sweep '{sweep.title}': design {sweep.design}, "
          f"{points} point(s) x {sweep.replications} replication(s) = "
          f"{store.total} runs of {sweep.years:g} years; {skipped} already done, "
          f"{store.total - skipped} to run on {where}.", file=stream)

    def task(run):
        # local workers write their own run; Dask workers may not share our disk
        return {"run_id": run.run_id, "seed": run.seed, "params": run.params,
                "years": sweep.years, "outputs": sweep.outputs,
                "record_every": sweep.record_every, "row": store.plan_row(run),
                "events": [e.as_dict() for e in sweep.events],
                **({} if scheduler else {"store": str(store.folder)})}

    tasks = (task(r) for r in iter_runs(sweep) if not finished[r.run_id])
    results = run_dask(tasks, scheduler, worker_timeout=worker_timeout) if scheduler else \
        run_local(tasks, workers, fn=execute_and_store)
    start = time.perf_counter()
    done_now = 0
    failures = []               # failed runs of this invocation (failed runs are always retried)
    todo = store.total - skipped
    bar = tqdm(total=todo, unit="run", disable=not progress or not todo, file=stream,
               dynamic_ncols=True, smoothing=0.1)
    try:
        for result in results:
            if not result.get("stored"):
                store.write(result["row"], result)
            if result["status"] == "done":
                done_now += 1
            else:
                seed = result["row"]["seed"]
                failures.append({"run_id": result["run_id"], "seed": seed,
                                 "error": result["error"]})
                bar.write(f"run {result['run_id']} (seed {seed}) failed: {result['error']}",
                          file=stream)
            bar.update(1)
            bar.set_postfix(failed=len(failures), refresh=False)
    finally:
        bar.close()
        failures.sort(key=lambda f: f["run_id"])
        store.write_manifest(done=skipped + done_now,
                             failed={f["run_id"]: {"seed": f["seed"], "error": f["error"]}
                                     for f in failures})
    return SweepReport(total=store.total, skipped=skipped, done=done_now,
                       ran=done_now + len(failures), failed=failures,
                       seconds=time.perf_counter() - start, folder=Path(out),
                       damaged=len(store.damaged))


def describe(report: SweepReport) -> str:
    """The closing summary a person reads after a sweep."""
    complete = report.skipped + report.done
    lines = [f"Sweep finished in {report.seconds:.1f} s: ran {report.ran} run(s), "
             f"{report.done} succeeded; {report.skipped} were done before; "
             f"{complete} of {report.total} complete, {len(report.failed)} failed."]
    if report.damaged:
        lines.append(f"  {report.damaged} damaged result file(s) were removed and their "
                     "runs done again.")
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

