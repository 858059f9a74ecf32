"""No process outlives its sweep: local workers (and multiprocessing's resource tracker)
end within 5 s of the sweep's death, SIGKILL included; a Dask sweep whose cluster has
no worker ends with a message after its timeout."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent

SPEC = """\
design = "factorial"
replications = 100
years = 1
outputs = ["intake"]

[parameters]
skill = [0.3, 0.7]
"""


def start_sweep(tmp_path, workers=2) -> tuple[subprocess.Popen, list[psutil.Process]]:
    """A sweep in its own process; returns it once its worker processes are running."""
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC)
    proc = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "sweep", str(spec),
                             "--out", str(tmp_path / "out"), "--workers", str(workers),
                             "--no-progress"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        runs = tmp_path / "out" / "runs"
        children = psutil.Process(proc.pid).children(recursive=True)
        if runs.is_dir() and any(runs.glob("run-*.parquet")) and len(children) > workers:
            return proc, children   # the workers store runs, so they are all up
        time.sleep(0.2)
    proc.kill()
    pytest.fail("the sweep's workers did not start within 120 s")


def survivors(children: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    """The children still alive after up to ``seconds``."""
    _, alive = psutil.wait_procs(children, timeout=seconds)
    return alive


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "kill"])
def test_workers_end_within_5_s_of_the_sweep_dying(tmp_path, sig):
    proc, children = start_sweep(tmp_path)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    alive = survivors(children, 5)
    for orphan in alive:   # clean up before failing
        orphan.kill()
    assert not alive, [" ".join(p.cmdline()[-3:]) for p in alive if p.is_running()]


def test_dask_sweep_whose_workers_all_die_ends_after_its_timeout(tmp_path, monkeypatch):
    import os
    import socket
    import threading

    from experiments import executors
    from experiments.spec import SpecError
    from experiments.sweep import run_sweep

    # A result being fetched when the worker dies is given up after RESULT_TIMEOUT (10 s)
    # and waits with the other runs; 3 s takes the same path without the 10 s wait.
    monkeypatch.setattr(executors, "RESULT_TIMEOUT", 3.0)

    dask = str(Path(sys.executable).parent / "dask")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL,
             "start_new_session": True, "cwd": ROOT}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], **quiet)
    worker = subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                               "--no-nanny", "--no-dashboard", "--local-directory",
                               str(tmp_path)], **quiet)
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC.replace("replications = 100", "replications = 20"))
    outcome = {}

    def sweep():
        try:
            run_sweep(spec, tmp_path / "out", scheduler=address, progress=False,
                      stream=io.StringIO(), worker_timeout=2)
        except SpecError as err:
            outcome["error"] = str(err)
        outcome["ended"] = time.monotonic()

    try:
        thread = threading.Thread(target=sweep, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        while not any((tmp_path / "out" / "runs").glob("run-*.parquet")):
            assert time.monotonic() < deadline and thread.is_alive(), outcome
            time.sleep(0.2)
        os.killpg(worker.pid, signal.SIGKILL)      # every worker of the cluster dies
        killed = time.monotonic()
        thread.join(timeout=180)     # generous: a loaded machine is slow, a hang is forever
        assert not thread.is_alive(), "the sweep still waits for a worker"
        assert "has had no worker for 2 s" in outcome.get("error", ""), outcome
        assert "the runs finished so far are stored" in outcome["error"]
        print(f"the sweep ended {outcome['ended'] - killed:.1f} s after its worker died")
    finally:
        for proc in (worker, scheduler):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
