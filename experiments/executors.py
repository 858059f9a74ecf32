"""Where runs execute: a local process pool (default) or a Dask distributed cluster.

Both executors take tasks (plain dicts, see runner.execute) and yield results as
runs complete, keeping only a bounded number of runs in flight so that memory
stays flat however long the sweep. Local workers store their own runs (they share
the results folder's disk; see store.execute_and_store); Dask workers only compute,
and the sweep process stores what they return, so they need no access to the folder.

Neither outlives the sweep: a local worker ends within a second of its parent's
death (even by SIGKILL), and a Dask sweep whose cluster has no worker left ends
with a message after a timeout instead of waiting forever.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .runner import execute
from .spec import SpecError

#: How often a local worker checks that its parent is alive, in seconds.
PARENT_POLL = 0.5
#: How long a Dask sweep waits with no worker on the cluster before it gives up (seconds).
DEFAULT_WORKER_TIMEOUT = 60.0


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _watch_parent() -> None:
    """Worker initializer: a daemon thread that ends this worker once the sweep's process
    is gone (SIGKILL included): it waits on multiprocessing's sentinel for the parent,
    which becomes ready when that process ends."""
    parent = multiprocessing.parent_process()

    def watch():
        while parent.is_alive():
            parent.join(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def run_local(tasks: Iterable[dict], workers: int, fn=execute) -> Iterator[dict]:
    """Execute ``fn(task)`` in ``workers`` processes; yield each result as it completes.

    ``fn`` must be a module-level function (worker processes import it by name).
    """
    tasks = iter(tasks)
    # Workers are forked from multiprocessing's fork server, a fresh single-threaded
    # process that has imported the runner once: no state inherited from the sweep's
    # process (nor a fork of its progress-bar thread), and each worker starts in
    # milliseconds instead of importing mesa, scipy and pandas again (about 1.4 s).
    # Where there is no fork server (Windows), each worker is a fresh interpreter.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["experiments.runner"])
    else:
        context = multiprocessing.get_context("spawn")
    window = max(1, workers) * 4
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=_watch_parent) as pool:
            pending = set()
            for task in tasks:
                pending.add(pool.submit(fn, task))
                if len(pending) >= window:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
    except BrokenProcessPool:
        raise SpecError("a worker process died (killed, or out of memory); the runs finished "
                        "so far are stored: re-run the same command to resume") from None


def connect(address: str, timeout: float = 10.0):
    """A Dask client for the scheduler at ``address``, or a clear SpecError."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise SpecError("--scheduler needs dask.distributed: pip install 'dask[distributed]'") \
            from None
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as err:
        raise SpecError(f"cannot reach the Dask scheduler at {address!r} within {timeout:g} s "
                        f"({type(err).__name__}: {err}). Start one with `dask scheduler` and "
                        "`dask worker ADDRESS`, or leave out --scheduler to use local "
                        "processes.") from None


def _workers_present(client) -> bool:
    """Whether the scheduler knows of any worker (an unreachable scheduler counts as none)."""
    try:
        return bool(client.nthreads())
    except Exception:  # connection errors come in several types (OSError, CommClosedError)
        return False


#: Seconds to fetch a finished run's result before treating it as lost with its worker.
RESULT_TIMEOUT = 10.0


def run_dask(tasks: Iterable[dict], address: str, window: int | None = None,
             worker_timeout: float = DEFAULT_WORKER_TIMEOUT, poll: float = 1.0, fn=execute,
             key=lambda task: task["run_id"]) -> Iterator[dict]:
    """Execute ``fn(task)`` on a Dask cluster; yield each result as it completes.

    ``key(task)`` names the task uniquely within one submission. When the cluster has
    had no worker for ``worker_timeout`` seconds, the work ends with a SpecError (the
    results yielded so far are the caller's to keep).
    """
    from dask.distributed import TimeoutError as DaskTimeout
    from dask.distributed import wait as dask_wait

    client = connect(address)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = window or threads * 4
        tasks = iter(tasks)
        pending = set()
        # Keys unique to this submission: two sweeps sharing a cluster (same run ids and,
        # with common random numbers, the same seeds) must never share results.
        batch = uuid.uuid4().hex

        def fill():
            while len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    return
                pending.add(client.submit(fn, task, pure=False,
                                          key=f"kolaborasi-{batch}-run-{key(task)}"))

        fill()
        alone_since = None
        while pending:
            try:
                done, _ = dask_wait(list(pending), timeout=poll, return_when="FIRST_COMPLETED")
            except (DaskTimeout, TimeoutError):
                done = ()
            if not done:
                if _workers_present(client):
                    alone_since = None
                    continue
                alone_since = alone_since or time.monotonic()
                if time.monotonic() - alone_since >= worker_timeout:
                    raise SpecError(
                        f"the Dask cluster at {address!r} has had no worker for "
                        f"{worker_timeout:g} s, so {len(pending)} run(s) cannot go on; the "
                        "runs finished so far are stored. Start workers (`dask worker "
                        "ADDRESS`) and re-run the same command to resume, or set a longer "
                        "wait with --worker-timeout.")
                continue
            alone_since = None
            for future in sorted(done, key=lambda f: f.key):
                pending.discard(future)
                try:
                    result = future.result(timeout=RESULT_TIMEOUT)
                except (DaskTimeout, TimeoutError):
                    # its worker died while the result was fetched ("couldn't gather"): the
                    # scheduler runs it again, so it waits with the others (and the timeout)
                    pending.add(future)
                    continue
                except Exception as err:  # the cluster's failure (execute never raises)
                    raise SpecError(
                        f"a run could not be done on the Dask cluster at {address!r} "
                        f"({type(err).__name__}: {err}); the runs finished so far are "
                        "stored: re-run the same command to resume") from None
                future.release()
                yield result
            fill()
    finally:
        client.close()
