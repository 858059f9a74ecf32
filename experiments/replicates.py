"""One pipeline for replicated runs: arms x replicates, common random numbers, any executor.

``run_replicates`` runs every arm (a name and its parameter settings) ``reps``
times. Replicate k of every arm uses the same seed, derived from the root seed
and k with numpy's SeedSequence, so arms are compared run by run (common random
numbers, a paired design). Each run is summarised by ``measure`` in the worker
that ran it, so only the measured values travel back. Rows come back in a fixed
order (arm as given, then replicate), whatever the executor, the number of
workers or the order in which runs finish: the same inputs give the same frame.

Example::

    from experiments.replicates import on_series, run_replicates

    def cases(frame):                       # module-level, so workers can import it
        return {"cases": frame["intake"].iloc[1:].sum()}

    table = run_replicates({"base": {}, "skilled": {"skill": 0.8}}, reps=10,
                           root_seed=1, measure=on_series(cases), years=3)
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from tqdm import tqdm

from model import WEEKS_PER_YEAR, CollaborationModel

from .design import run_seed
from .spec import SpecError

#: Event kinds a run may apply at a given week: the model's own intervention methods.
EVENT_KINDS = ("change", "lose_staff")


class ReplicateError(SpecError):
    """Bad arguments to run_replicates, reported in one line before anything runs."""


def replicate_seed(root_seed: int, replicate: int) -> int:
    """The seed of replicate ``replicate``: the same in every arm (common random numbers).

    A 63-bit integer from numpy's SeedSequence(entropy=root_seed, spawn_key=(replicate,)),
    identical to the seed a sweep with common random numbers gives that replicate.
    """
    return run_seed(int(root_seed), 0, int(replicate), common=True)


def calendar_years(frame: pd.DataFrame, start_year: int) -> pd.Series:
    """Calendar year of each row of a model-vars frame (row 0 is the start state).

    Uses the frame's own ``year`` column when the model reports one; otherwise row 0
    belongs to ``start_year`` and step s >= 1 to start_year + (s - 1) // 52.
    """
    if "year" in frame:
        return frame["year"].astype(int)
    steps = np.arange(len(frame))
    return pd.Series(start_year + np.maximum(steps - 1, 0) // WEEKS_PER_YEAR,
                     index=frame.index, name="year")


@dataclass(frozen=True)
class on_series:  # noqa: N801 - used like a decorator-function
    """Wrap ``fn(frame, start_year)`` or ``fn(frame)`` so it measures the weekly series.

    The frame is the model-vars frame with a ``year`` column (calendar years) added
    when the model does not report one. Picklable as long as ``fn`` is module-level.
    """

    fn: Callable
    with_start_year: bool = False

    def __call__(self, model) -> object:
        frame = model.datacollector.get_model_vars_dataframe()
        if "year" not in frame:
            frame = frame.assign(year=calendar_years(frame, model.p.start_year))
        if self.with_start_year:
            return self.fn(frame, model.p.start_year)
        return self.fn(frame)


def _apply_event(model, kind: str, arg) -> None:
    method = getattr(model, kind)
    if isinstance(arg, Mapping):
        method(**arg)
    else:
        method(arg)


def run_task(task: dict) -> dict:
    """One replicate of one arm (runs in a worker): build, run with events, measure.

    A measure with an ``observe(model)`` method is copied for this run and sees the
    model after every week (for counts the weekly series does not keep).
    """
    model = CollaborationModel(rng=task["seed"], **task["params"])
    measure = task["measure"]
    observe = getattr(measure, "observe", None)
    if observe is not None:
        measure = copy.deepcopy(measure)
        observe = measure.observe
    steps = round(task["years"] * WEEKS_PER_YEAR)
    events = sorted(task["events"], key=lambda e: e[0])
    for week in range(1, steps + 1):
        for when, kind, arg in events:
            if when == week - 1:               # takes effect from the week after `when`
                _apply_event(model, kind, arg)
        model.step()
        if observe is not None:
            observe(model)
    value = measure(model)
    if not isinstance(value, Mapping):
        value = {"value": value}
    return {"index": task["index"], "values": dict(value)}


def _check(arms, reps, events) -> tuple[list[tuple[str, dict]], dict]:
    items = list(arms.items()) if isinstance(arms, Mapping) else list(arms)
    if not items:
        raise ReplicateError("run_replicates: no arms given")
    names = [name for name, _ in items]
    if len(set(names)) != len(names):
        raise ReplicateError(f"run_replicates: arm names repeat: {names}")
    if isinstance(reps, range):
        if len(reps) == 0 or reps.start < 0:
            raise ReplicateError(f"run_replicates: reps {reps!r} is empty or negative")
    elif int(reps) != reps or reps < 1:
        raise ReplicateError(f"run_replicates: reps must be a whole number >= 1, not {reps!r}")
    events = dict(events or {})
    unknown = sorted(set(events) - set(names))
    if unknown:
        raise ReplicateError(f"run_replicates: events name unknown arm(s) {unknown}; "
                             f"arms are {names}")
    for arm, evs in events.items():
        for ev in evs:
            if len(ev) != 3 or ev[1] not in EVENT_KINDS:
                raise ReplicateError(f"run_replicates: event {ev!r} of arm {arm!r} must be "
                                     f"(week, kind, argument) with kind in {EVENT_KINDS}")
    return [(str(n), dict(p)) for n, p in items], events


def _per_arm(value, names: list[str], what: str) -> dict:
    """{arm: value}: the same value for every arm, or one given per arm."""
    if not isinstance(value, Mapping):
        return dict.fromkeys(names, value)
    missing = [n for n in names if n not in value]
    if missing:
        raise ReplicateError(f"run_replicates: {what} given per arm lacks arm(s) {missing}")
    return {n: value[n] for n in names}


def _execute(tasks: list[dict], executor, workers) -> Iterable[dict]:
    """Run tasks in this process, a local pool, or on the Dask scheduler at an address."""
    if executor is None or executor == "local":
        if workers == 1:
            return map(run_task, tasks)
        from .executors import default_workers, run_local

        return run_local(tasks, workers or default_workers(), fn=run_task)
    if isinstance(executor, str):
        from .executors import run_dask

        return run_dask(tasks, executor, fn=run_task, key=lambda t: t["index"])
    raise ReplicateError(f"run_replicates: executor must be None, 'local' or a Dask "
                         f"scheduler address, not {executor!r}")


def run_replicates(arms, reps: int | range, root_seed: int, measure, years=5,
                   executor: str | None = None, workers: int | None = None,
                   progress: bool = True, events: Mapping | None = None,
                   desc: str = "runs", common: bool = True) -> pd.DataFrame:
    """Run every arm ``reps`` times with common random numbers; one row per run.

    ``arms``: {name: params} (or (name, params) pairs), in the order the rows should
    follow. ``reps``: a count, or a range of replicate numbers (to add replicates to
    earlier ones: seeds depend on the replicate number only). ``measure(model)`` runs in
    the worker after the run and returns a number or a dict of values (numbers, or
    arrays kept as objects); wrap a function of the weekly series with ``on_series``.
    ``measure`` and ``years`` may also be {arm: value} mappings, one per arm. ``events``: {arm: [(week, kind, argument)]},
    applied from the week after ``week``; kind is "change" (argument: parameters) or
    "lose_staff" (argument: how many). ``executor``: None or "local" (a process
    pool of ``workers``; 1 runs in this process) or a Dask scheduler address.
    ``common=False`` gives every arm its own seeds (independent runs, not paired).
    Returns columns arm, replicate, seed and the measured values.
    """
    items, events = _check(arms, reps, events)
    numbers = reps if isinstance(reps, range) else range(int(reps))
    names = [name for name, _ in items]
    measures = _per_arm(measure, names, "measure")
    spans = _per_arm(years, names, "years")
    tasks = []
    for a, (name, params) in enumerate(items):
        for k in numbers:
            seed = replicate_seed(root_seed, k) if common else run_seed(root_seed, a + 1, k,
                                                                         common=False)
            tasks.append({"index": len(tasks), "arm": name, "replicate": k, "seed": seed,
                          "params": params,
                          "events": list(events.get(name, ())), "years": float(spans[name]),
                          "measure": measures[name]})
    rows: list[dict | None] = [None] * len(tasks)
    bar = tqdm(total=len(tasks), unit="run", desc=desc, disable=not progress, file=sys.stderr)
    try:
        for result in _execute(tasks, executor, workers):
            rows[result["index"]] = result["values"]
            bar.update(1)
    finally:
        bar.close()
    table = pd.DataFrame([{"arm": t["arm"], "replicate": t["replicate"], "seed": t["seed"],
                           **values} for t, values in zip(tasks, rows)])
    return table


def paired(table: pd.DataFrame, column: str, arm_a: str, arm_b: str) -> tuple[np.ndarray,
                                                                            np.ndarray]:
    """Values of ``column`` in two arms, aligned replicate by replicate (same seeds)."""
    wide = table.pivot(index="replicate", columns="arm", values=column)
    return wide[arm_a].to_numpy(dtype=float), wide[arm_b].to_numpy(dtype=float)
