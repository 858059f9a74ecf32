"""Where runs execute: a local process pool (default) or a Dask distributed cluster.

Both executors take tasks (plain dicts, see runner.execute) and yield results as
runs complete, keeping only a bounded number of runs in flight so that memory
stays flat however long the sweep. Results are written by the calling process,
so Dask workers need no access to the results folder.
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .runner import execute
from .spec import SpecError


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def run_local(tasks: Iterable[dict], workers: int, fn=execute) -> Iterator[dict]:
    """Execute ``fn(task)`` in ``workers`` processes; yield each result as it completes.

    ``fn`` must be a module-level function (worker processes import it by name).
    """
    tasks = iter(tasks)
    # 'spawn' gives each worker a clean interpreter: no state inherited from the
    # parent, and no fork of a process that runs a progress-bar thread.
    context = multiprocessing.get_context("spawn")
    window = max(1, workers) * 4
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
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


def run_dask(tasks: Iterable[dict], address: str, window: int | None = None, fn=execute,
             key=lambda task: task["run_id"]) -> Iterator[dict]:
    """Execute ``fn(task)`` on a Dask cluster; yield each result as it completes.

    ``key(task)`` names the task uniquely within one submission.
    """
    from dask.distributed import as_completed

    client = connect(address)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = window or threads * 4
        tasks = iter(tasks)
        futures = as_completed()
        # Keys unique to this submission: two sweeps sharing a cluster (same run ids and,
        # with common random numbers, the same seeds) must never share results.
        batch = uuid.uuid4().hex

        def submit(task):
            futures.add(client.submit(fn, task, pure=False,
                                      key=f"kolaborasi-{batch}-run-{key(task)}"))

        for task in tasks:
            submit(task)
            if futures.count() >= window:
                break
        for future in futures:
            result = future.result()
            future.release()
            yield result
            task = next(tasks, None)
            if task is not None:
                submit(task)
    finally:
        client.close()
