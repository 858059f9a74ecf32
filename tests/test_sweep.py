"""Parameter sweeps end to end: designs, seeds, executors, resume, kills and failures.

Everything here runs real processes: a local process pool, a real Dask cluster
(scheduler and workers started with the `dask` command on 127.0.0.1), and
`python run.py sweep` as a subprocess that is interrupted or SIGKILLed mid-sweep.
Expensive sweeps are shared between tests with module-scoped fixtures.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from experiments.design import plan_runs
from experiments.runner import METRICS, execute
from experiments.spec import SpecError, load_sweep
from experiments.store import ResultStore, load_manifest, load_runs
from experiments.sweep import describe, run_sweep
from model import validate

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RUN = str(ROOT / "run.py")
DASK = str(Path(sys.executable).parent / "dask")


# --- helpers -------------------------------------------------------------------------
def write_spec(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


def cli_here(*args) -> subprocess.CompletedProcess:
    """The command line's ``main`` in this process, with what it prints (what run.py would
    print and return): a fresh interpreter would only add its start-up."""
    from cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main([*map(str, args)])
    return subprocess.CompletedProcess(["run.py", *map(str, args)], code, stdout.getvalue(),
                                       stderr.getvalue())


def _default_sigint() -> None:
    # A process started in the background by a non-interactive shell (as CI may be)
    # inherits SIGINT ignored, and Python then keeps ignoring it: restore the default,
    # so that the sweep sees Ctrl-C as a person at a terminal would send it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_cli_sweep(spec: Path, out: Path, workers: int = 2) -> subprocess.Popen:
    """`run.py sweep` in its own session, so that its whole process group can be signalled."""
    return subprocess.Popen([PY, RUN, "sweep", str(spec), "--out", str(out), "--workers",
                             str(workers), "--no-progress"], cwd=ROOT, start_new_session=True,
                            preexec_fn=_default_sigint,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_group(proc: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def run_files(folder: Path, sub: str = "runs") -> list[Path]:
    return sorted((Path(folder) / sub).glob("run-*.parquet"))


def wait_for_runs(proc: subprocess.Popen, out: Path, at_least: int, timeout: float = 120):
    """Poll until ``at_least`` runs are stored; fail if the sweep ends or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(run_files(out)) >= at_least:
            return
        if proc.poll() is not None:
            out_, err = proc.communicate()
            pytest.fail(f"sweep ended before it could be interrupted:\n{out_}\n{err}")
        time.sleep(0.01)
    kill_group(proc)
    pytest.fail(f"no {at_least} runs stored within {timeout} s")


def results(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Runs (without the timing column) and steps, in a canonical order."""
    runs = pd.read_parquet(Path(folder) / "runs").drop(columns="seconds")
    runs = runs.sort_values("run_id").reset_index(drop=True)
    steps = pd.read_parquet(Path(folder) / "steps")
    steps = steps.sort_values(["run_id", "step"]).reset_index(drop=True)
    return runs, steps


def assert_same_results(a: Path, b: Path) -> None:
    runs_a, steps_a = results(a)
    runs_b, steps_b = results(b)
    pd.testing.assert_frame_equal(runs_a, runs_b, check_exact=True)
    pd.testing.assert_frame_equal(steps_a, steps_b, check_exact=True)


def assert_each_run_once(folder: Path, total: int) -> None:
    runs, steps = results(folder)
    assert len(run_files(folder, "runs")) == total
    assert len(run_files(folder, "steps")) == total
    assert runs["run_id"].is_unique
    assert set(runs["run_id"]) == set(range(total))
    assert (runs["status"] == "done").all()
    assert set(steps["run_id"]) == set(range(total))
    assert not steps.duplicated(["run_id", "step"]).any()
    assert steps.groupby("run_id").size().nunique() == 1   # same recorded weeks in every run
    assert not list(Path(folder).rglob(".tmp-*")), "temporary files left behind"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- specs ---------------------------------------------------------------------------
#: 12 points x 3 replications = 36 one-year runs; a float, an int and a switch factor. Enough
#: runs for an interruption to land mid-sweep and for 12 runs of one switch value (the
#: two-sweeps test); the tests check plumbing (resume, executors, seeds), not statistics.
BIG = """\
title = "Sweep test: thirty-six short runs"
design = "factorial"
replications = 3
years = 1
seed = 2026
record_every = 4
outputs = ["referral_uptake", "intake", "mean_trust", "funds"]

[parameters]
skill = { min = 0.3, max = 0.9, steps = 3 }
n_staff = [4, 8]
referral_agreement = [true, false]
"""
BIG_REPLICATIONS = 3
BIG_RUNS = 12 * BIG_REPLICATIONS

FACTORIAL = """\
design = "factorial"
replications = 2
years = 1
seed = 7

[fixed]
n_volunteers = 10

[parameters]
accountability = [0.2, 0.5, 0.8]
skill = { min = 0.3, max = 0.9, steps = 4 }
n_staff = { min = 2, max = 10, steps = 3 }
referral_agreement = [true, false]
"""

LHS = """\
design = "lhs"
replications = 3
samples = 10
years = 1
seed = 11

[parameters]
skill = { min = 0.1, max = 0.9 }
n_staff = { min = 1, max = 20 }
meetings_per_month = { min = 0, max = 8 }
"""

SOBOL = """\
design = "sobol"
samples = 8
years = 1
seed = 13

[parameters]
skill = { min = 0.1, max = 0.9 }
n_staff = { min = 1, max = 20 }
meetings_per_month = { min = 0, max = 8 }
"""

MORRIS = """\
design = "morris"
samples = 5
replications = 2
years = 1
seed = 17

[parameters]
skill = { min = 0.1, max = 0.9 }
n_staff = { min = 1, max = 20 }
meetings_per_month = { min = 0, max = 8 }

[options]
num_levels = 4
"""

SCENARIOS = """\
design = "scenarios"
scenarios = ["baseline", "funding_halved", "volunteer_only"]
replications = 2
years = 1
seed = 19

[fixed]
skill = 0.7
"""

RANGES = {"skill": (0.1, 0.9), "n_staff": (1, 20), "meetings_per_month": (0.0, 8.0)}


# === 1. designs ========================================================================
def test_factorial_levels_lists_and_ranges(tmp_path):
    sweep = load_sweep(write_spec(tmp_path, "factorial", FACTORIAL))
    runs = plan_runs(sweep)
    levels = {"accountability": [0.2, 0.5, 0.8],
              "skill": list(np.linspace(0.3, 0.9, 4)),
              "n_staff": [2, 6, 10],
              "referral_agreement": [True, False]}
    assert len(runs) == 3 * 4 * 3 * 2 * 2
    assert [r.run_id for r in runs] == list(range(len(runs)))
    combos = {}
    for run in runs:
        validate(**run.params)
        assert run.params["n_volunteers"] == 10                    # [fixed] in every run
        assert type(run.params["n_staff"]) is int
        assert type(run.params["referral_agreement"]) is bool
        assert type(run.params["skill"]) is float
        key = tuple(run.params[n] for n in levels)
        combos.setdefault(key, []).append(run.replicate)
    expected = {tuple(c) for c in itertools.product(*levels.values())}
    assert set(combos) == expected                                 # every combination ...
    assert all(sorted(reps) == [0, 1] for reps in combos.values())  # ... replicated twice


@pytest.mark.parametrize("second_order, points", [(False, 8 * (3 + 2)), (True, 8 * (2 * 3 + 2))])
def test_sobol_run_count_and_bounds(tmp_path, second_order, points):
    text = SOBOL + f"\n[options]\nsecond_order = {str(second_order).lower()}\n"
    runs = plan_runs(load_sweep(write_spec(tmp_path, "sobol", text)))
    assert len(runs) == points
    check_sampled(runs)


def test_lhs_run_count_bounds_and_strata(tmp_path):
    runs = plan_runs(load_sweep(write_spec(tmp_path, "lhs", LHS)))
    assert len(runs) == 10 * 3
    check_sampled(runs)
    skills = [r.params["skill"] for r in runs if r.replicate == 0]
    strata = sorted(int((s - 0.1) / 0.08) for s in skills)   # Latin hypercube: one per stratum
    assert strata == list(range(10))


def test_morris_run_count_bounds_and_grid(tmp_path):
    runs = plan_runs(load_sweep(write_spec(tmp_path, "morris", MORRIS)))
    assert len(runs) == 5 * (3 + 1) * 2
    check_sampled(runs)
    grid = {0.1 + k * 0.8 / 3 for k in range(4)}
    for run in runs:
        assert min(abs(run.params["skill"] - g) for g in grid) < 1e-9


def check_sampled(runs):
    for run in runs:
        validate(**run.params)
        assert set(run.params) == set(RANGES)
        assert type(run.params["n_staff"]) is int
        assert type(run.params["skill"]) is float
        for name, (low, high) in RANGES.items():
            assert low <= run.params[name] <= high, (name, run.params[name])
    assert len({r.params["n_staff"] for r in runs}) > 3       # spread over the range


def test_scenarios_design(tmp_path):
    from experiments.spec import load_scenario

    runs = plan_runs(load_sweep(write_spec(tmp_path, "scen", SCENARIOS)))
    assert len(runs) == 3 * 2
    for run in runs:
        name = ["baseline", "funding_halved", "volunteer_only"][run.point]
        assert run.params == {"skill": 0.7, **load_scenario(name).parameters}
        validate(**run.params)


def test_plan_parquet_keeps_types(tmp_path):
    """The plan written by the store keeps ints as ints and switches as booleans."""
    sweep = load_sweep(write_spec(tmp_path, "factorial", FACTORIAL))
    runs = plan_runs(sweep)
    ResultStore(tmp_path / "out", sweep).open()
    plan = pd.read_parquet(tmp_path / "out" / "plan.parquet")
    assert len(plan) == len(runs)
    assert plan["n_staff"].dtype == np.int64
    assert plan["referral_agreement"].dtype == bool
    assert plan["seed"].dtype == np.int64
    assert plan["skill"].dtype == np.float64
    manifest = load_manifest(tmp_path / "out")
    assert manifest["runs_total"] == manifest["runs_pending"] == len(runs)
    assert manifest["runs_done"] == manifest["runs_failed"] == 0


# === 2. seeds =========================================================================
@pytest.mark.parametrize("spec", [FACTORIAL, LHS, SOBOL, MORRIS, SCENARIOS],
                         ids=["factorial", "lhs", "sobol", "morris", "scenarios"])
def test_same_spec_same_plan_and_seeds(tmp_path, spec):
    path = write_spec(tmp_path, "spec", spec)
    first, second = plan_runs(load_sweep(path)), plan_runs(load_sweep(path))
    assert first == second
    for out in ("a", "b"):
        sweep = load_sweep(path)
        ResultStore(tmp_path / out, sweep).open()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "a" / "plan.parquet"),
                                  pd.read_parquet(tmp_path / "b" / "plan.parquet"))
    assert all(0 <= r.seed < 2**63 for r in first)


def test_common_random_numbers(tmp_path):
    runs = plan_runs(load_sweep(write_spec(tmp_path, "factorial", FACTORIAL)))
    points = {r.point for r in runs}
    by_rep = {rep: {r.seed for r in runs if r.replicate == rep} for rep in (0, 1)}
    assert all(len(seeds) == 1 for seeds in by_rep.values())    # shared across points
    assert by_rep[0] != by_rep[1]                               # distinct across replicates
    for point in points:
        seeds = [r.seed for r in runs if r.point == point]
        assert len(set(seeds)) == len(seeds)


def test_without_common_random_numbers_every_run_has_its_own_seed(tmp_path):
    text = FACTORIAL + "\n[options]\ncommon_random_numbers = false\n"
    runs = plan_runs(load_sweep(write_spec(tmp_path, "independent", text)))
    assert len({r.seed for r in runs}) == len(runs)


def test_root_seed_changes_every_seed(tmp_path):
    a = plan_runs(load_sweep(write_spec(tmp_path, "a", FACTORIAL)))
    b = plan_runs(load_sweep(write_spec(tmp_path, "b", FACTORIAL.replace("seed = 7",
                                                                         "seed = 8"))))
    assert {r.seed for r in a}.isdisjoint({r.seed for r in b})


# === 3. same results on every executor ==================================================
@pytest.fixture(scope="module")
def big_spec(tmp_path_factory) -> Path:
    return write_spec(tmp_path_factory.mktemp("spec"), "big", BIG)


@pytest.fixture(scope="module")
def reference(big_spec, tmp_path_factory):
    """The uninterrupted sweep on 2 local workers, with its progress output and report."""
    out = tmp_path_factory.mktemp("ref") / "out"
    stream = io.StringIO()
    report = run_sweep(big_spec, out, workers=2, progress=True, stream=stream)
    return out, report, stream.getvalue()


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory):
    """A real Dask cluster on 127.0.0.1: one scheduler, two single-threaded worker processes."""
    from dask.distributed import Client

    tmp = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = []
    try:
        with open(tmp / "scheduler.log", "w") as log:
            procs.append(subprocess.Popen(
                [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True))
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    pytest.fail("Dask scheduler did not start:\n"
                                + (tmp / "scheduler.log").read_text())
                time.sleep(0.2)
        with open(tmp / "worker.log", "w") as log:
            procs.append(subprocess.Popen(
                [DASK, "worker", address, "--host", "127.0.0.1", "--nworkers", "2",
                 "--nthreads", "1", "--no-dashboard", "--local-directory", str(tmp)],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for proc in reversed(procs):
            kill_group(proc, signal.SIGTERM)
        for proc in reversed(procs):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                kill_group(proc)
                proc.wait(timeout=15)


def test_reference_sweep_complete_with_summary(reference, big_spec):
    out, report, progress = reference
    assert (report.total, report.skipped, report.done, report.failed) == (BIG_RUNS, 0,
                                                                         BIG_RUNS, [])
    assert_each_run_once(out, BIG_RUNS)
    # 9. what a person reads: the plan, a progress bar, and the closing summary
    assert "12 point(s) x 3 replication(s) = 36 runs of 1 years" in progress
    assert "0 already done, 36 to run on 2 local worker(s)" in progress
    assert "36/36" in progress
    summary = describe(report)
    assert "ran 36 run(s), 36 succeeded; 0 were done before; 36 of 36 complete, 0 failed." \
        in summary
    assert f"{out}/runs" in summary and f"{out}/steps" in summary
    assert f"{out}/manifest.json" in summary
    manifest = load_manifest(out)
    assert manifest["runs_done"] == BIG_RUNS and manifest["runs_failed"] == 0
    assert manifest["runs_pending"] == 0


def test_seeds_stored_with_each_run(reference):
    out = reference[0]
    plan = pd.read_parquet(out / "plan.parquet").set_index("run_id")
    runs = load_runs(out).set_index("run_id")
    assert (runs["seed"] == plan.loc[runs.index, "seed"]).all()
    for column in ("point", "replicate"):
        assert (runs[column] == plan.loc[runs.index, column]).all()
    assert runs.groupby("replicate")["seed"].nunique().eq(1).all()
    assert runs.groupby("point")["seed"].nunique().eq(BIG_REPLICATIONS).all()


def test_one_worker_gives_the_same_results(reference, big_spec, tmp_path):
    run_sweep(big_spec, tmp_path / "one", workers=1, progress=False, stream=io.StringIO())
    assert_same_results(reference[0], tmp_path / "one")


def test_dask_cluster_gives_the_same_results(reference, big_spec, dask_scheduler, tmp_path):
    stream = io.StringIO()
    report = run_sweep(big_spec, tmp_path / "dask", scheduler=dask_scheduler, progress=False,
                       stream=stream)
    assert report.done == BIG_RUNS and not report.failed
    assert f"to run on Dask scheduler {dask_scheduler}" in stream.getvalue()
    assert_same_results(reference[0], tmp_path / "dask")


def test_two_sweeps_at_once_on_one_cluster_keep_their_results(dask_scheduler, tmp_path):
    from experiments.executors import run_dask

    def tasks(skill):
        text = BIG.replace("skill = { min = 0.3, max = 0.9, steps = 3 }\n", "")
        text = text.replace("[parameters]", f"[fixed]\nskill = {skill}\n\n[parameters]")
        sweep = load_sweep(write_spec(tmp_path, f"skill{skill}", text))
        return [{"run_id": r.run_id, "seed": r.seed, "params": r.params, "years": sweep.years,
                 "outputs": sweep.outputs, "record_every": sweep.record_every}
                for r in plan_runs(sweep)[:12]]

    tasks_a, tasks_b = tasks(0.2), tasks(0.9)
    assert [t["seed"] for t in tasks_a] == [t["seed"] for t in tasks_b]
    sweep_a = run_dask(iter(tasks_a), dask_scheduler)
    try:
        first_a = next(sweep_a)           # sweep A is under way, its window of runs in flight
        results_b = {r["run_id"]: r for r in run_dask(iter(tasks_b), dask_scheduler)}
        results_a = {r["run_id"]: r for r in [first_a, *sweep_a]}
    finally:
        sweep_a.close()
    assert len(results_a) == len(results_b) == 12
    for tasks_, got in ((tasks_a, results_a), (tasks_b, results_b)):
        for task in tasks_:
            expected = execute(task)["metrics"]
            assert got[task["run_id"]]["metrics"] == pytest.approx(expected, nan_ok=True), \
                f"run {task['run_id']} with skill {task['params']['skill']} got another result"


# === 4. resume after an interruption (Ctrl-C) ===========================================
def test_interrupted_sweep_resumes_without_losing_or_repeating(reference, big_spec, tmp_path):
    out = tmp_path / "out"
    proc = start_cli_sweep(big_spec, out)
    try:
        wait_for_runs(proc, out, at_least=3)
        kill_group(proc, signal.SIGINT)              # Ctrl-C: the whole process group
        proc.communicate(timeout=60)
    finally:
        kill_group(proc)
    assert proc.returncode != 0
    before = len(run_files(out))
    assert 3 <= before < BIG_RUNS, f"interrupt landed outside the sweep ({before} runs)"

    stream = io.StringIO()      # resumed on one worker: a pool of one starts faster
    report = run_sweep(big_spec, out, workers=1, progress=False, stream=stream)
    assert report.skipped == before
    assert report.done == BIG_RUNS - before and not report.failed
    assert f"{before} already done, {BIG_RUNS - before} to run" in stream.getvalue()
    assert f"{BIG_RUNS} of {BIG_RUNS} complete" in describe(report)
    assert_each_run_once(out, BIG_RUNS)
    assert_same_results(reference[0], out)

    # A third invocation has nothing left to do.
    again = run_sweep(big_spec, out, workers=1, progress=False, stream=io.StringIO())
    assert (again.skipped, again.done) == (BIG_RUNS, 0)


# === 5. SIGKILL mid-sweep ===============================================================
def test_sigkill_mid_sweep_then_resume(reference, big_spec, tmp_path):
    out = tmp_path / "out"
    proc = start_cli_sweep(big_spec, out)
    try:
        wait_for_runs(proc, out, at_least=3)
        kill_group(proc, signal.SIGKILL)             # the sweep and its pool workers
        proc.communicate(timeout=60)
    finally:
        kill_group(proc)
    assert proc.returncode == -signal.SIGKILL
    stored = run_files(out)
    assert 3 <= len(stored) < BIG_RUNS, f"kill landed outside the sweep ({len(stored)} runs)"

    # What a kill in the middle of a write leaves: truncated temporary files ...
    for folder in (out, out / "runs", out / "steps"):
        blob = stored[0].read_bytes()
        (folder / f".tmp-99999-{stored[0].name}").write_bytes(blob[: len(blob) // 2])
    # ... and a run whose steps were written but not yet its row in runs/.
    stored[-1].unlink()
    assert (out / "steps" / stored[-1].name).exists()
    done_before = len(run_files(out))
    assert pd.read_parquet(out / "runs")["run_id"].is_unique   # readable even mid-sweep

    result = cli_here("sweep", big_spec, "--out", out, "--workers", 1, "--no-progress")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    plan_line = re.search(r"(\d+) already done, (\d+) to run", result.stderr)
    assert plan_line, result.stderr
    assert int(plan_line[1]) == done_before
    assert int(plan_line[2]) == BIG_RUNS - done_before
    assert f"{BIG_RUNS} of {BIG_RUNS} complete" in result.stdout
    assert f"Results: {out}/runs" in result.stdout
    assert_each_run_once(out, BIG_RUNS)
    assert_same_results(reference[0], out)
    manifest = load_manifest(out)
    assert manifest["runs_done"] == BIG_RUNS
    assert manifest["runs_pending"] == 0


# --- a pool worker dies (e.g. the out-of-memory killer) -----------------------------------
@pytest.fixture(scope="module")
def worker_killed(big_spec, tmp_path_factory):
    """A CLI sweep during which one local pool worker process is SIGKILLed."""
    import psutil

    out = tmp_path_factory.mktemp("worker_killed") / "out"
    proc = start_cli_sweep(big_spec, out)
    try:
        wait_for_runs(proc, out, at_least=3)
        # pool workers are forks of multiprocessing's fork server, a child of the sweep
        workers = [c for c in psutil.Process(proc.pid).children(recursive=True)
                   if c.ppid() != proc.pid and "forkserver" in " ".join(c.cmdline())]
        assert len(workers) == 2, [c.cmdline() for c in workers]
        os.kill(workers[0].pid, signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        kill_group(proc)
    return out, proc.returncode, stdout, stderr


def test_sweep_resumes_after_a_worker_process_died(worker_killed, reference, big_spec):
    out = worker_killed[0]
    result = cli_here("sweep", big_spec, "--out", out, "--workers", 1, "--no-progress")
    assert result.returncode == 0, result.stderr
    assert_each_run_once(out, BIG_RUNS)
    assert_same_results(reference[0], out)


def test_a_dead_worker_process_gives_no_traceback(worker_killed):
    _, returncode, stdout, stderr = worker_killed
    assert "Traceback" not in stderr, stderr[-2000:]


# === 6. folders that are refused ===========================================================
def test_folder_with_a_different_spec_is_refused(reference, tmp_path):
    out = reference[0]
    other = write_spec(tmp_path, "other", BIG.replace("seed = 2026", "seed = 2027"))
    manifest = (out / "manifest.json").read_bytes()
    files = sorted(p.name for p in out.rglob("*"))
    result = cli_here("sweep", other, "--out", out, "--workers", 1, "--no-progress")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")
    assert f"{out} holds results of a different sweep" in result.stderr
    assert str(other) in result.stderr
    assert (out / "manifest.json").read_bytes() == manifest
    assert sorted(p.name for p in out.rglob("*")) == files


def test_a_new_title_is_the_same_sweep(reference, big_spec, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(reference[0], out)
    retitled = write_spec(tmp_path, "retitled", BIG.replace("thirty-six short runs", "renamed"))
    report = run_sweep(retitled, out, workers=1, progress=False, stream=io.StringIO())
    assert (report.skipped, report.done) == (BIG_RUNS, 0)


def test_non_empty_folder_without_manifest_is_refused(big_spec, tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = cli_here("sweep", big_spec, "--out", out, "--no-progress")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"error: {out} is not empty and holds no sweep manifest" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_folder_of_a_sweep_killed_while_opening_resumes(tmp_path):
    spec = write_spec(tmp_path, "tiny", BIG.replace("replications = 3", "replications = 1")
                      .replace("n_staff = [4, 8]\n", "").replace("[true, false]", "[true]"))
    out = tmp_path / "out"
    (out / "runs").mkdir(parents=True)
    (out / "steps").mkdir()
    (out / ".tmp-99999-plan.parquet").write_bytes(b"PAR1\x15\x04")   # killed mid-write
    report = run_sweep(spec, out, workers=1, progress=False, stream=io.StringIO())
    assert report.done == report.total == 3
    assert not list(out.rglob(".tmp-*"))


# === 7. failing runs ===========================================================================
#: entry_police 0.6 + entry_agency 0.5 exceeds 1, which the model refuses. Planning checks every
#: design point and would stop the sweep before it starts; the tests switch that check off in
#: this process only, so the two runs reach the worker processes and fail there for real.
FAILING = """\
title = "Some runs fail"
design = "factorial"
replications = 2
years = 1
seed = 5
outputs = ["intake"]

[fixed]
entry_agency = 0.5

[parameters]
entry_police = [0.2, 0.6]
"""


def test_invalid_combination_is_refused_before_the_sweep_starts(tmp_path):
    spec = write_spec(tmp_path, "failing", FAILING)
    with pytest.raises(SpecError, match=r"design point 1 is not a valid setting: .*must not "
                                        r"exceed 1"):
        plan_runs(load_sweep(spec))


@pytest.fixture
def unchecked_plan(monkeypatch):
    """Let invalid design points through planning, so that their runs fail in the workers."""
    import experiments.design

    monkeypatch.setattr(experiments.design, "validate", lambda **params: None)


def test_failed_runs_are_recorded_and_retried(tmp_path, unchecked_plan, capsys):
    from cli import main

    spec = write_spec(tmp_path, "failing", FAILING)
    out = tmp_path / "out"
    plan = {r.run_id: r.seed for r in plan_runs(load_sweep(spec))}

    code = main(["sweep", str(spec), "--out", str(out), "--workers", "2", "--no-progress"])
    printed = capsys.readouterr()
    assert code == 1
    for run_id in (2, 3):
        assert f"run {run_id} (seed {plan[run_id]}) failed: ParameterError" in printed.err
        assert f"failed: run {run_id} seed {plan[run_id]}: ParameterError" in printed.out
    assert "ran 4 run(s), 2 succeeded; 0 were done before; 2 of 4 complete, 2 failed." \
        in printed.out
    assert "Re-running the same command retries failed runs." in printed.out
    assert f"Results: {out}/runs" in printed.out

    manifest = load_manifest(out)
    assert (manifest["runs_total"], manifest["runs_done"], manifest["runs_failed"]) == (4, 2, 2)
    assert manifest["runs_pending"] == 0
    assert [f["run_id"] for f in manifest["failed"]] == [2, 3]
    for failure in manifest["failed"]:
        assert failure["seed"] == plan[failure["run_id"]]
        assert failure["error"].startswith("ParameterError: parameters 'entry_police' + "
                                           "'entry_agency' = 1.1 must not exceed 1")

    runs = load_runs(out)
    assert list(runs["status"]) == ["done", "done", "failed", "failed"]
    assert list(runs["seed"]) == [plan[i] for i in range(4)]
    assert (runs.loc[:1, "error"] == "").all()
    assert runs.loc[2:, "error"].str.contains("must not exceed 1").all()
    assert runs.loc[2:, list(METRICS)].isna().all().all()
    assert runs.loc[:1, list(METRICS)].notna().any(axis=1).all()
    assert sorted(pd.read_parquet(out / "steps")["run_id"].unique()) == [0, 1]

    # Re-running retries the failed runs (and only those); they fail again, recorded once.
    stream = io.StringIO()
    report = run_sweep(spec, out, workers=1, progress=False, stream=stream)
    assert "2 already done, 2 to run" in stream.getvalue()
    assert (report.total, report.skipped, report.done, report.ran) == (4, 2, 0, 2)
    assert [(f["run_id"], f["seed"]) for f in report.failed] == [(2, plan[2]), (3, plan[3])]
    assert "ran 2 run(s), 0 succeeded; 2 were done before; 2 of 4 complete, 2 failed." \
        in describe(report)
    runs = load_runs(out)
    assert list(runs["run_id"]) == [0, 1, 2, 3]
    assert len(run_files(out)) == 4


def test_failure_notices_go_to_the_progress_stream(tmp_path, capsys, unchecked_plan):
    spec = write_spec(tmp_path, "failing", FAILING)
    stream = io.StringIO()
    report = run_sweep(spec, tmp_path / "out", workers=1, progress=False, stream=stream)
    assert len(report.failed) == 2
    assert "run 2 (seed " in stream.getvalue(), capsys.readouterr().out


# === scenario sweeps: the results table ======================================================
def test_scenario_sweep_results_can_be_read(tmp_path):
    spec = write_spec(tmp_path, "scen", SCENARIOS.replace("replications = 2",
                                                          "replications = 1"))
    out = tmp_path / "out"
    report = run_sweep(spec, out, workers=1, progress=False, stream=io.StringIO())
    assert report.done == 3 and not report.failed
    runs = pd.read_parquet(out / "runs")
    assert sorted(runs["scenario"]) == ["baseline", "funding_halved", "volunteer_only"]
    assert len(pd.read_parquet(out / "steps")["run_id"].unique()) == 3
