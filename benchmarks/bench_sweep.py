"""Performance benchmark for Kolaborasi's sweep runner (prints figures, asserts nothing).

Run from the repository root::

    python benchmarks/bench_sweep.py            # 1,000-run sweeps, about 3-4 minutes
    python benchmarks/bench_sweep.py --quick    # 300-run sweeps, about 1.5 minutes

The sweep is the baseline, one year per run, N times: ``design = "factorial"`` with
the single level ``skill = [0.6]`` (the default value) and ``replications = N``, so
every run is the baseline with its own seed.

Targets (see benchmarks/README.md):

1. A 1,000-run sweep finishes with 1 and with 2 local workers; runs per second with
   2 workers over runs per second with 1 worker is at least 1.7 (this is a 2-core
   machine, and the process that runs the sweep needs CPU too).
2. The Dask executor's runs per second on the same spec, beside the local pool's, on
   a real local cluster (a ``dask scheduler`` and ``dask worker --nworkers 2
   --nthreads 1`` subprocess on 127.0.0.1, torn down at the end).
3. Memory stays flat as the sweep grows: the peak RSS of the process running a
   1,000-run sweep is at most 1.2x that of a 100-run sweep (and likewise for a
   local worker process).

Every sweep runs in a fresh subprocess (a small driver that calls
``experiments.sweep.run_sweep`` and times it from its call to its return) with a fresh
output folder in a temporary directory, so each has its own interpreter, its own
peak RSS and its own workers. The driver wraps ``ResultStore.write`` to time-stamp
every result as it reaches the writing process; that splits the sweep into start-up
(until the first result arrives: worker start-up plus one run), a steady phase, and
closing (after the last result is written), and measures the time the writing
process spends writing Parquet parts. The wrapper adds two clock reads per run.

Only ratios measured in the same run are meaningful: the machine is shared and
noisy. The benchmark measures how much CPU other processes used during each sweep
(busy CPU of the whole machine minus that of the benchmark's own processes) and
prints a warning when it is not negligible.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import pickle
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402  (installed with dask[distributed])

from model import DEFAULTS  # noqa: E402

VENV_BIN = Path(sys.executable).parent
YEARS = 1
RECORD_EVERY = 4
ROOT_SEED = 2026

# --- targets -----------------------------------------------------------------------------
MIN_SPEEDUP = 1.7          # target 1: runs/s with 2 local workers over runs/s with 1
MAX_MEMORY_RATIO = 1.2     # target 3: peak RSS at N runs over peak RSS at 100 runs
BUSY_WARNING = 0.05        # warn when other processes used > 5% of the machine's CPU

# --- the driver: one sweep in a fresh interpreter ------------------------------------------
#: Runs in a subprocess with cwd = repository root. argv: spec out workers scheduler.
#: Prints one JSON line with its measurements on stdout.
DRIVER = r"""
import json, resource, sys, time

import psutil

def hwm_kb(pid="self"):
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

t_import = time.perf_counter()
from experiments.sweep import run_sweep
from experiments.store import ResultStore
if sys.argv[4]:
    import dask.distributed  # noqa: F401  (imported before the clock starts, like the store)
import_s = time.perf_counter() - t_import

spec, out, workers, scheduler = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
arrivals, write_end, run_seconds, worker_hwm = [], [0.0], [0.0], {}
calls, cpu_marks = {}, {}
me = psutil.Process()

def is_pool_worker(proc):
    # pool workers are forks of multiprocessing's fork server, itself a child of this process
    return proc.ppid() != me.pid and "forkserver" in " ".join(proc.cmdline())

def pool_server_cpu():
    # CPU-seconds of multiprocessing's fork server and of the workers it forked and reaped
    # (they are not this process's children, so RUSAGE_CHILDREN does not hold them)
    total = 0.0
    for child in me.children():
        try:
            if "forkserver" in " ".join(child.cmdline()):
                t = child.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            pass
    return total

def cpu_now():
    # CPU-seconds of this process, and of the local pool's live workers.
    r = resource.getrusage(resource.RUSAGE_SELF)
    workers = 0.0
    for child in me.children(recursive=True):
        try:
            if is_pool_worker(child):
                t = child.cpu_times()
                workers += t.user + t.system
        except psutil.Error:
            pass
    return r.ru_utime + r.ru_stime, workers

def sample_workers():
    # Peak RSS (VmHWM) of the local pool's worker processes, read while they are alive:
    # ru_maxrss of children is no good here, since Linux carries the parent's RSS at
    # fork/vfork over into the child's ru_maxrss across exec.
    for child in me.children(recursive=True):
        try:
            if is_pool_worker(child):
                worker_hwm[child.pid] = max(worker_hwm.get(child.pid, 0), hwm_kb(child.pid))
        except (psutil.Error, OSError):
            pass

def timed(name, stamp=False):
    original = getattr(ResultStore, name)
    def wrapper(self, *args, **kwargs):
        t = time.perf_counter()
        if stamp:
            arrivals.append(t)
            run_seconds[0] += float(args[1]["seconds"])
            if len(arrivals) == 1:
                cpu_marks["first"] = cpu_now()
        try:
            return original(self, *args, **kwargs)
        finally:
            end = time.perf_counter()
            n, s = calls.get(name, (0, 0.0))
            calls[name] = (n + 1, s + end - t)
            if stamp:
                write_end[0] = end
                if len(arrivals) % 50 == 0 or len(arrivals) == self.total:
                    sample_workers()  # the last write happens before the pool shuts down
                if len(arrivals) == self.total:
                    cpu_marks["last"] = cpu_now()
    setattr(ResultStore, name, wrapper)

import experiments.sweep as sweep_module

def stamped(executor):
    # Local workers store their own runs, so results are timed as they reach the sweep
    # process (from either executor) rather than at ResultStore.write.
    def wrapper(*args, **kwargs):
        for result in executor(*args, **kwargs):
            arrivals.append(time.perf_counter())
            run_seconds[0] += float(result["seconds"])
            if len(arrivals) == 1:
                cpu_marks["first"] = cpu_now()
            elif len(arrivals) % 25 == 0:
                sample_workers()
                cpu_marks["last"] = cpu_now()   # the last sample before the pool closes
                cpu_marks["last_n"] = len(arrivals)
            yield result
            write_end[0] = time.perf_counter()
    return wrapper

sweep_module.run_local = stamped(sweep_module.run_local)
sweep_module.run_dask = stamped(sweep_module.run_dask)
for name in ("write", "open", "finished", "write_manifest"):
    timed(name)

hwm_before = hwm_kb()
self0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
report = run_sweep(spec, out, workers=workers, scheduler=scheduler, progress=False,
                   stream=sys.stderr)
t1 = time.perf_counter()
self1 = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
pool_cpu = pool_server_cpu()
n = len(arrivals)
print(json.dumps({
    "total": report.total, "done": report.done, "failed": len(report.failed),
    "wall": t1 - t0, "report_seconds": report.seconds, "import_s": import_s,
    "first": (arrivals[0] - t0) if n else None,
    "steady_rate": (n - 1) / (arrivals[-1] - arrivals[0]) if n > 1 else None,
    "loop": (write_end[0] - arrivals[0]) if n else None,
    "closing": (t1 - write_end[0]) if n else None,
    "calls": calls, "run_seconds": run_seconds[0],
    "main_cpu": (self1.ru_utime + self1.ru_stime) - (self0.ru_utime + self0.ru_stime),
    "children_cpu": kids.ru_utime + kids.ru_stime + pool_cpu, "pool_cpu": pool_cpu,
    "hwm_before_kb": hwm_before, "hwm_kb": hwm_kb(),
    "worker_hwm_kb": sorted(worker_hwm.values()),
    "steady_runs": cpu_marks.get("last_n", 1) - 1,
    "steady_main_cpu": (cpu_marks["last"][0] - cpu_marks["first"][0]) if "last" in cpu_marks
    else None,
    "steady_workers_cpu": (cpu_marks["last"][1] - cpu_marks["first"][1]) if "last" in cpu_marks
    else None,
}))
"""


def write_spec(folder: Path, runs: int) -> Path:
    """A sweep of ``runs`` baseline runs: one factorial level at the default, replicated."""
    skill = DEFAULTS["skill"]
    path = folder / f"baseline_x{runs}.toml"
    path.write_text(
        f'title = "bench_sweep: baseline x {runs}"\n'
        'design = "factorial"\n'
        f"replications = {runs}\n"
        f"years = {YEARS}\n"
        f"seed = {ROOT_SEED}\n"
        f"record_every = {RECORD_EVERY}\n"
        "\n[parameters]\n"
        f"skill = [{skill!r}]   # the default: every run is the baseline, each with its own seed\n")
    return path


# --- CPU accounting: is someone else using the machine? -------------------------------------
def busy_cpu() -> tuple[float, float]:
    """Busy and stolen CPU-seconds of the whole machine since boot."""
    t = psutil.cpu_times()
    busy = t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0)
    return busy, getattr(t, "steal", 0.0)


def own_children_cpu() -> float:
    r = os.times()
    return r.children_user + r.children_system


def procs_cpu(procs) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def wait_quiet(limit: float, threshold: float = 25.0) -> float:
    """Wait (up to ``limit`` s) until the machine is less than ``threshold`` % busy over 1 s."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit and psutil.cpu_percent(interval=1.0) >= threshold:
        pass
    return time.perf_counter() - t0


def run_driver(label: str, spec: Path, out: Path, workers: int, scheduler: str = "",
               cluster=None) -> dict:
    """Run one sweep in a fresh subprocess; return the driver's figures plus CPU accounting."""
    cluster_procs = cluster.processes() if cluster else []
    busy0, steal0 = busy_cpu()
    cluster0 = procs_cpu(cluster_procs)
    own0 = own_children_cpu() + cluster0
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(spec), str(out), str(workers),
                           scheduler], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    busy1, steal1 = busy_cpu()
    cluster1 = procs_cpu(cluster_procs)
    own1 = own_children_cpu() + cluster1
    if proc.returncode != 0 or not proc.stdout.strip():
        sys.stderr.write(proc.stderr[-4000:])
        raise RuntimeError(f"sweep '{label}' failed (exit status {proc.returncode})")
    fig = json.loads(proc.stdout.strip().splitlines()[-1])
    fig["label"] = label
    fig["process_wall"] = elapsed
    fig["rate"] = fig["done"] / fig["wall"]
    # the pool's fork server outlives the driver, so its CPU is not in own1 - own0
    fig["own_cpu"] = own1 - own0 + fig.get("pool_cpu", 0.0)
    fig["foreign_cpu"] = max(0.0, (busy1 - busy0) - fig["own_cpu"])
    fig["steal"] = steal1 - steal0
    fig["foreign_share"] = fig["foreign_cpu"] / (elapsed * (os.cpu_count() or 1))
    if cluster:
        fig["cluster_cpu"] = cluster1 - cluster0
        fig["dask_worker_hwm_kb"] = cluster.worker_hwm_kb()
    return fig


# --- a local Dask cluster --------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalDaskCluster:
    """`dask scheduler` + `dask worker --nworkers N --nthreads 1` on 127.0.0.1, as subprocesses."""

    def __init__(self, folder: Path, nworkers: int = 2):
        self.folder = folder
        self.nworkers = nworkers
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.scheduler = self.worker = None
        self._logs = []

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "w")
        self._logs.append(log)
        # Own session: a Ctrl-C in the terminal reaches only the benchmark, which then
        # stops the cluster in order (workers first) in stop().
        return subprocess.Popen([str(VENV_BIN / "dask"), *args], cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)

    def start(self, timeout: float = 90.0) -> float:
        t0 = time.perf_counter()
        self.scheduler = self._spawn("scheduler", [
            "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard",
            "--idle-timeout", "600s"])  # a safety net should the benchmark be killed
        self.worker = self._spawn("worker", [
            "worker", self.address, "--host", "127.0.0.1", "--nworkers", str(self.nworkers),
            "--nthreads", "1", "--no-dashboard", "--memory-limit", "0",
            "--local-directory", str(self.folder / "dask-worker-space"),
            "--death-timeout", "60"])
        from dask.distributed import Client

        deadline = time.monotonic() + timeout
        client = None
        try:
            while client is None:
                self._check_alive()
                try:
                    client = Client(self.address, timeout=5)
                except (OSError, TimeoutError):
                    if time.monotonic() > deadline:
                        raise
            while len(client.scheduler_info(n_workers=-1)["workers"]) < self.nworkers:
                self._check_alive()
                if time.monotonic() > deadline:
                    raise TimeoutError(f"Dask workers did not join within {timeout:g} s")
                time.sleep(0.2)
        finally:
            if client is not None:
                client.close()
        return time.perf_counter() - t0

    def _check_alive(self):
        for name, p in (("scheduler", self.scheduler), ("worker", self.worker)):
            if p.poll() is not None:
                log = (self.folder / f"{name}.log").read_text()[-3000:]
                raise RuntimeError(f"dask {name} exited with status {p.returncode}:\n{log}")

    def processes(self) -> list[psutil.Process]:
        """The scheduler, the worker CLI (nanny host) and every process under it."""
        procs = []
        for p in (self.scheduler, self.worker):
            if p is not None and p.poll() is None:
                try:
                    root = psutil.Process(p.pid)
                    procs += [root] + root.children(recursive=True)
                except psutil.Error:
                    pass
        return procs

    def worker_hwm_kb(self) -> list[int]:
        """Peak RSS (VmHWM) of each Dask worker process (the nannies' children)."""
        found = []
        if self.worker is None:
            return found
        try:
            under = psutil.Process(self.worker.pid).children(recursive=True)
        except psutil.Error:
            return found
        for p in under:  # the nannies live in the CLI process; each spawns its worker
            try:
                if "spawn_main" not in " ".join(p.cmdline()):
                    continue          # e.g. multiprocessing's resource tracker
                for line in open(f"/proc/{p.pid}/status"):
                    if line.startswith("VmHWM:"):
                        found.append(int(line.split()[1]))
            except (psutil.Error, OSError):
                pass
        return sorted(found)

    def stop(self):
        """Stop the workers, then the scheduler: SIGTERM, then SIGKILL after 15 s."""
        for p in (self.worker, self.scheduler):
            if p is None or p.poll() is not None:
                continue
            try:
                tree = [psutil.Process(p.pid)] + psutil.Process(p.pid).children(recursive=True)
            except psutil.Error:
                tree = []
            p.send_signal(signal.SIGTERM)
            _, alive = psutil.wait_procs(tree, timeout=15)
            for q in alive:          # psutil checks each is still the process we started
                try:
                    q.kill()
                except psutil.Error:
                    pass
            psutil.wait_procs(alive, timeout=5)
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.worker = self.scheduler = None
        for log in self._logs:
            log.close()
        self._logs = []


# --- where the writing process's time goes (in this process, untimed by the sweeps) ---------
def per_run_costs(tmp: Path, samples: int = 25) -> dict:
    """Median milliseconds of one run's pieces: the run, its pickling, its storing."""
    import pandas as pd

    from experiments.design import plan_runs
    from experiments.runner import execute
    from experiments.spec import load_sweep
    from experiments.store import ResultStore

    def median_ms(fn, n):
        fn()
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return 1000 * statistics.median(times)

    folder = tmp / "per_run"
    sweep = load_sweep(write_spec(tmp, samples + 1))
    runs = plan_runs(sweep)
    store = ResultStore(folder, sweep)
    store.open()
    task = {"run_id": 0, "seed": runs[0].seed, "params": runs[0].params, "years": sweep.years,
            "outputs": sweep.outputs, "record_every": sweep.record_every}
    result = execute(task)
    costs = {"execute": median_ms(lambda: execute(task), 5)}
    blob = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    costs["pickle_kb"] = len(blob) / 1024
    costs["pickle"] = median_ms(lambda: pickle.dumps(result, pickle.HIGHEST_PROTOCOL), samples)
    costs["unpickle"] = median_ms(lambda: pickle.loads(blob), samples)
    ids = iter(range(len(runs)))

    def store_one():  # store.write adds a run_id column to the steps frame: give it a copy
        i = next(ids)
        store.write(store.plan_row(runs[i]),
                    {**result, "run_id": i, "steps": result["steps"].copy()})

    costs["store_write"] = median_ms(store_one, samples)
    steps = result["steps"].copy()
    steps.insert(0, "run_id", 0)
    scratch = folder / "scratch.parquet"
    costs["steps_to_parquet"] = median_ms(lambda: steps.to_parquet(scratch, index=False), samples)
    row = pd.read_parquet(store.runs_dir / "run-000000.parquet")
    costs["row_to_parquet"] = median_ms(lambda: row.to_parquet(scratch, index=False), samples)

    def fsync():
        with open(scratch, "rb") as fh:
            os.fsync(fh.fileno())

    costs["fsync"] = median_ms(fsync, samples)
    part = store.runs_dir / "run-000001.parquet"
    costs["read_part"] = median_ms(
        lambda: pd.read_parquet(part, columns=["run_id", "status"]), samples)
    return costs


# --- reporting ---------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def mb(kb) -> str:
    return f"{kb / 1024:.0f} MB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="300-run sweeps instead of 1,000 (same figures, labelled)")
    ap.add_argument("--runs", type=int, help="runs in the big sweeps (default 1000, quick 300)")
    ap.add_argument("--small", type=int, default=100,
                    help="runs in the small sweep of target 3 (default 100)")
    ap.add_argument("--no-dask", action="store_true", help="skip target 2 (the Dask cluster)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary results folders")
    ap.add_argument("--wait-quiet", type=float, default=0.0, metavar="S",
                    help="before each sweep, wait up to S seconds for the machine to be less "
                         "than 25%% busy (for shared machines; default 0: do not wait)")
    args = ap.parse_args(argv)
    n = args.runs or (300 if args.quick else 1000)
    small = args.small
    if small >= n:
        ap.error(f"--small ({small}) must be below the big sweep's {n} runs")
    started = time.perf_counter()
    # A SIGTERM ends the benchmark through the finally blocks (the cluster is stopped).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    tmp = Path(tempfile.mkdtemp(prefix="kolaborasi-bench-sweep-"))
    cluster = None

    def cleanup():
        if cluster is not None:
            cluster.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    atexit.register(cleanup)

    print("Kolaborasi sweep benchmark" + (" (--quick)" if args.quick else ""))
    ncpu = os.cpu_count()
    print(f"  Python {platform.python_version()}, {platform.machine()}, {ncpu} CPUs, "
          f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    idle_busy = psutil.cpu_percent(interval=1.0)
    print(f"  machine busy {idle_busy:.0f}% over 1 s before starting"
          + ("  <-- WARNING: something else is running; figures will be noisy"
             if idle_busy > 25 else ""))
    print(f"  sweeps: the baseline (skill = {DEFAULTS['skill']!r}, the default) x N "
          f"replications, {YEARS} year(s) per run, record_every = {RECORD_EVERY}, default "
          f"outputs; N = {n}{' (quick; the full benchmark uses 1,000)' if args.quick else ''}"
          f" and {small}")
    print("  each sweep: a fresh subprocess calling run_sweep(progress=False) with a fresh "
          f"output folder under {tmp}")

    figs = {}
    try:
        spec_n = write_spec(tmp, n)
        spec_small = write_spec(tmp, small)
        order = [("local 1", spec_n, 1, n), ("local 2", spec_n, 2, n),
                 (f"local 2, {small} runs", spec_small, 2, small)]
        for label, spec, workers, runs in order:
            waited = wait_quiet(args.wait_quiet) if args.wait_quiet else 0.0
            print(f"  running: {runs} runs on {workers} local worker(s) ..."
                  + (f" (waited {waited:.0f} s for a quiet machine)" if waited > 1.5 else ""),
                  flush=True)
            figs[label] = run_driver(label, spec, tmp / label.replace(" ", "_").replace(",", ""),
                                     workers)
        if not args.no_dask:
            cluster = LocalDaskCluster(tmp, nworkers=2)
            print(f"  starting a Dask cluster on {cluster.address} (scheduler + 2 worker "
                  "processes x 1 thread, no dashboards) ...", flush=True)
            up = cluster.start()
            waited = wait_quiet(args.wait_quiet) if args.wait_quiet else 0.0
            print(f"  cluster up in {up:.1f} s; running: {n} runs on it ..."
                  + (f" (waited {waited:.0f} s for a quiet machine)" if waited > 1.5 else ""),
                  flush=True)
            figs["dask 2"] = run_driver("dask 2", spec_n, tmp / "dask_2", 0,
                                        scheduler=cluster.address, cluster=cluster)
            cluster.stop()
            cluster = None
        print("  measuring per-run costs in this process ...", flush=True)
        costs = per_run_costs(tmp)
    finally:
        cleanup()
        atexit.unregister(cleanup)

    one, two, few = figs["local 1"], figs["local 2"], figs[f"local 2, {small} runs"]
    dask = figs.get("dask 2")

    # --- the sweeps, phase by phase ------------------------------------------------------------
    print("\nSweeps (wall = run_sweep call to return, in the driver process; "
          "rate = runs done / wall)")
    head = (f"  {'executor':22s}{'runs':>6s}{'failed':>7s}{'wall s':>8s}{'runs/s':>8s}"
            f"{'start s':>9s}{'steady/s':>10s}{'close s':>9s}")
    print(head)
    shown = [one, two] + ([dask] if dask else []) + [few]
    for f in shown:
        name = {"local 1": "local, 1 worker", "local 2": "local, 2 workers",
                "dask 2": "Dask, 2 workers x 1 th"}.get(f["label"], "local, 2 workers")
        print(f"  {name:22s}{f['done']:6d}{f['failed']:7d}{f['wall']:8.1f}{f['rate']:8.1f}"
              f"{f['first']:9.2f}{f['steady_rate']:10.1f}{f['closing']:9.2f}")
    print("  start = until the first result reaches the writing process (worker start-up + one "
          "run); steady = runs/s between the first and the last result; close = after the last "
          "result is written (executor shut down, every run part re-read, manifest)")

    print("\nWhere the writing (main) process spends the sweep")
    print(f"  {'executor':22s}{'main CPU':>9s}{'in write':>9s}{'waiting':>9s}{'runs CPU':>9s}"
          f"{'workers CPU':>12s}{'others':>8s}")
    for f in shown:
        name = {"local 1": "local, 1 worker", "local 2": "local, 2 workers",
                "dask 2": "Dask, 2 workers x 1 th"}.get(f["label"], "local, 2 workers")
        write_s = f["calls"].get("write", [0, 0.0])[1]
        waiting = f["loop"] - write_s
        workers_cpu = f["cluster_cpu"] if "cluster_cpu" in f else f["children_cpu"]
        print(f"  {name:22s}{100 * f['main_cpu'] / f['wall']:8.0f}%"
              f"{100 * write_s / f['wall']:8.0f}%{100 * waiting / f['wall']:8.0f}%"
              f"{1000 * f['run_seconds'] / max(1, f['done']):7.0f}ms"
              f"{1000 * workers_cpu / max(1, f['done']):10.0f}ms"
              f"{100 * f['foreign_share']:7.0f}%")
    print("  main CPU, in write, waiting: share of the sweep's wall time (waiting = in the "
          "executor's iterator: idle, or unpickling results); runs CPU = mean wall time of "
          "execute() per run as the workers measured it; workers CPU = CPU of the worker "
          "processes (local: incl. their start-up; Dask: scheduler, nannies and workers) per "
          "run; others = CPU used by processes outside the benchmark, share of the machine")
    for f in shown:
        c = {k: f["calls"].get(k, (0, 0.0)) for k in
             ("write", "finished", "write_manifest", "open")}
        print(f"  {f['label']:22s} store.write in the sweep process (Dask only; local workers "
              f"write their own) {c['write'][1]:.1f} s for {c['write'][0]} runs "
              f"({1000 * c['write'][1] / max(1, c['write'][0]):.1f} ms each); closing: "
              f"finished() {c['finished'][1]:.2f} s (x{c['finished'][0]}), "
              f"write_manifest() {c['write_manifest'][1]:.2f} s (x{c['write_manifest'][0]}); "
              f"open() {c['open'][1]:.2f} s")

    for f in (one, two):
        if f.get("steady_main_cpu") is None:
            continue
        runs = f["steady_runs"]
        print(f"  {f['label']:22s} steady phase, CPU per run: sweep process "
              f"{1000 * f['steady_main_cpu'] / runs:.1f} ms, workers "
              f"{1000 * f['steady_workers_cpu'] / runs:.1f} ms")
    main_ms = 1000 * one["steady_main_cpu"] / one["steady_runs"]
    worker_ms = 1000 * one["steady_workers_cpu"] / one["steady_runs"]
    # 1 worker: two stages in a pipeline on two cores; 2 workers: three processes, 2 cores.
    ceiling = min(2000 / (main_ms + worker_ms), 1000 / main_ms)
    print(f"  => from the 1-worker sweep's steady phase: on 2 idle cores at most {ceiling:.0f} "
          f"runs/s with 2 workers, a speed-up over 1 worker of at most "
          f"{ceiling * max(main_ms, worker_ms) / 1000:.2f}x, plus start-up and closing "
          "(CPU accounting: little affected by other load)")

    print("\nPer-run costs measured in this process (median ms)")
    print(f"  execute() one {YEARS}-year baseline run   {costs['execute']:7.1f}")
    print(f"  pickle / unpickle its result ({costs['pickle_kb']:.1f} KB)  "
          f"{costs['pickle']:6.2f} / {costs['unpickle']:.2f}")
    print(f"  ResultStore.write (2 Parquet parts)       {costs['store_write']:7.1f}   "
          f"of which: steps to_parquet {costs['steps_to_parquet']:.1f}, "
          f"row to_parquet {costs['row_to_parquet']:.1f}, fsync {costs['fsync']:.1f} (x2 each)")
    print(f"  read one run part back (as finished() does for each finished run on resume) "
          f"{costs['read_part']:.1f}")
    main_cost = costs["store_write"] + costs["unpickle"]
    worker_cost = costs["execute"] + costs["pickle"]
    bound = min(2000 / (main_cost + worker_cost), 1000 / main_cost)
    print(f"  => on 2 cores the ceiling is ~{bound:.0f} runs/s: (writing {main_cost:.0f} ms + "
          f"running {worker_cost:.0f} ms) of CPU per run over 2 cores, vs "
          f"{1000 / max(worker_cost, main_cost):.0f} runs/s with one worker; ceiling speed-up "
          f"~{bound * max(worker_cost, main_cost) / 1000:.2f}x")

    # --- targets ---------------------------------------------------------------------------------
    speedup = two["rate"] / one["rate"]
    steady_speedup = two["steady_rate"] / one["steady_rate"]
    worker_small, worker_big = max(few["worker_hwm_kb"]), max(two["worker_hwm_kb"])
    mem_main = two["hwm_kb"] / few["hwm_kb"]
    mem_worker = worker_big / worker_small
    grow_small = few["hwm_kb"] - few["hwm_before_kb"]
    grow_big = two["hwm_kb"] - two["hwm_before_kb"]
    label_n = f"{n:,}" + (" (quick)" if args.quick else "")

    print("\nTargets")
    w = 62
    print(f"  {'figure':{w}s}{'value':>12s}  {'target':10s}result")

    def line(text, value, target="", result="info"):
        print(f"  {text:{w}s}{value:>12s}  {target:10s}{result}")

    for f, name in ((one, "1 worker"), (two, "2 workers")):
        line(f"1  {label_n}-run sweep finishes, {name}", f"{f['done']}/{f['total']}",
             "all done", verdict(f["done"] == f["total"] and f["failed"] == 0))
    line("1  runs/s, 1 local worker (whole sweep)", f"{one['rate']:.1f}")
    line("1  runs/s, 2 local workers (whole sweep)", f"{two['rate']:.1f}")
    line("1  speed-up 2 workers / 1 worker (whole sweep)", f"{speedup:.2f}x",
         f">= {MIN_SPEEDUP:g}x", verdict(speedup >= MIN_SPEEDUP))
    line("1  ... without start-up and closing (steady runs/s)", f"{steady_speedup:.2f}x",
         f">= {MIN_SPEEDUP:g}x", verdict(steady_speedup >= MIN_SPEEDUP))
    if dask:
        line("2  Dask sweep finishes (2 workers x 1 thread)", f"{dask['done']}/{dask['total']}",
             "all done", verdict(dask["done"] == dask["total"] and dask["failed"] == 0))
        line("2  runs/s, Dask (whole sweep)", f"{dask['rate']:.1f}")
        line("2  runs/s Dask / local, 2 workers each (whole sweep)",
             f"{dask['rate'] / two['rate']:.2f}")
        line("2  ... without start-up and closing (steady runs/s)",
             f"{dask['steady_rate'] / two['steady_rate']:.2f}")
    line(f"3  peak RSS, sweep process, {small} runs", mb(few["hwm_kb"]))
    line(f"3  peak RSS, sweep process, {label_n} runs", mb(two["hwm_kb"]))
    line(f"3  peak RSS ratio, sweep process, {n} / {small} runs", f"{mem_main:.3f}",
         f"<= {MAX_MEMORY_RATIO:g}", verdict(mem_main <= MAX_MEMORY_RATIO))
    line(f"3  peak RSS, local worker (largest), {small} / {n} runs",
         f"{mb(worker_small)} / {mb(worker_big)}")
    line(f"3  peak RSS ratio, local worker, {n} / {small} runs", f"{mem_worker:.3f}",
         f"<= {MAX_MEMORY_RATIO:g}", verdict(mem_worker <= MAX_MEMORY_RATIO))
    line(f"3  sweep process growth over its imports, {small} / {n} runs",
         f"{grow_small / 1024:.1f} / {grow_big / 1024:.1f} MB")
    if dask:
        hwm = dask.get("dask_worker_hwm_kb") or []
        line(f"3  peak RSS, sweep process (Dask client), {n} runs", mb(dask["hwm_kb"]))
        line(f"3  peak RSS, Dask worker processes, {n} runs",
             " / ".join(mb(k) for k in hwm) if hwm else "n/a")

    print("\nNotes")
    for f in shown:
        warn = f["foreign_share"] > BUSY_WARNING
        print(f"  {f['label']:22s} other processes used {f['foreign_cpu']:.1f} CPU-s "
              f"({100 * f['foreign_share']:.0f}% of the machine), steal {f['steal']:.1f} s"
              + ("  <-- WARNING: the machine was busy; this sweep's figures are noisy"
                 if warn else ""))
    print(f"  driver start-up before run_sweep (imports, not timed): "
          + ", ".join(f"{f['label']} {f['import_s']:.1f} s" for f in shown))
    print("  peak RSS = VmHWM (/proc/PID/status) of the sweep process, of each local worker "
          "(read while alive, at the last result) and of each Dask worker (ru_maxrss is not "
          "used: Linux carries a parent's RSS into its child's ru_maxrss across exec)")
    print(f"  benchmark wall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
