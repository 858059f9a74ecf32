"""Sweep designs: the design points, and one reproducible seed per run."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from model import PARAMETERS, ParameterError, validate

from .spec import SpecError, Sweep, design_size


@dataclass(frozen=True)
class Run:
    """One simulation of a sweep: design point, replicate, seed and full settings."""

    run_id: int
    point: int
    replicate: int
    seed: int
    params: dict


def salib_problem(sweep: Sweep) -> dict:
    """The SALib problem of a Sobol or Morris sweep (names and bounds of the factors)."""
    names = list(sweep.factors)
    return {"num_vars": len(names), "names": names,
            "bounds": [list(sweep.factors[n]) for n in names]}


def design_matrix(sweep: Sweep) -> tuple[list[str], np.ndarray]:
    """Factor names and one row of factor values per design point."""
    names = list(sweep.factors)
    if sweep.design == "scenarios":
        return [], np.empty((len(sweep.scenarios), 0))
    if sweep.design == "factorial":
        rows = list(itertools.product(*(sweep.factors[n] for n in names)))
        return names, np.array(rows, dtype=object)
    lows = np.array([sweep.factors[n][0] for n in names], dtype=float)
    highs = np.array([sweep.factors[n][1] for n in names], dtype=float)
    if sweep.design == "lhs":
        from scipy.stats import qmc

        unit = qmc.LatinHypercube(d=len(names), rng=np.random.default_rng(sweep.seed)) \
            .random(sweep.samples)
        return names, qmc.scale(unit, lows, highs)
    problem = salib_problem(sweep)
    if sweep.design == "sobol":
        from SALib.sample import sobol

        second = bool(sweep.options.get("second_order", False))
        return names, sobol.sample(problem, sweep.samples, calc_second_order=second,
                                   seed=sweep.seed % 2**32)
    from SALib.sample import morris

    levels = int(sweep.options.get("num_levels", 4))
    return names, morris.sample(problem, sweep.samples, num_levels=levels,
                                seed=sweep.seed % 2**32)


def _typed(name: str, value):
    kind = PARAMETERS[name].kind
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(round(float(value)))
    return float(value)


def plan_size(sweep: Sweep) -> int:
    """The number of runs of the sweep, computed without building the plan."""
    points = design_size(sweep.design, sweep.factors, len(sweep.scenarios), sweep.samples,
                         bool(sweep.options.get("second_order", False)))
    return points * sweep.replications


def iter_points(sweep: Sweep) -> Iterator[dict]:
    """Full parameter settings of each design point (base settings plus factors), one at
    a time: a factorial is never built in memory, and a sampled design is held as one
    numeric array.

    Every point is validated as a whole, so that combinations the model refuses
    (for instance entry shares adding up to more than 1) stop the sweep, naming the point.
    """
    if sweep.design == "scenarios":
        points = ({**sweep.base, **params} for params in sweep.scenario_params)
    elif sweep.design == "factorial":
        names = list(sweep.factors)
        points = ({**sweep.base, **{n: _typed(n, v) for n, v in zip(names, row)}}
                  for row in itertools.product(*(sweep.factors[n] for n in names)))
    else:
        try:
            names, matrix = design_matrix(sweep)
        except MemoryError:
            size = plan_size(sweep) // sweep.replications
            raise SpecError(f"{sweep.path}: the {sweep.design} sample ({size:,} points x "
                            f"{len(sweep.factors)} factors) does not fit in memory; lower "
                            "samples") from None
        points = ({**sweep.base, **{n: _typed(n, v) for n, v in zip(names, row)}}
                  for row in matrix)
    for i, params in enumerate(points):
        try:
            validate(**params)
        except ParameterError as err:
            label = sweep.scenarios[i] if sweep.scenarios else f"design point {i}"
            raise SpecError(f"{sweep.path}: {label} is not a valid setting: {err}") from None
        yield params


def check_points(sweep: Sweep) -> int:
    """Validate every design point (one at a time, memory stays flat); return their count."""
    return sum(1 for _ in iter_points(sweep))


def design_points(sweep: Sweep) -> list[dict]:
    """Every design point in a list: for small designs and tests (sweeps stream them)."""
    return list(iter_points(sweep))


def run_seed(root: int, point: int, replicate: int, common: bool) -> int:
    """A 63-bit seed from the root seed (numpy SeedSequence).

    With common random numbers (the default) the seed depends on the replicate
    only, so replicate k of every design point sees the same random stream and
    comparisons between points are paired.
    """
    return _seed_of(root, (replicate,) if common else (point, replicate))


@functools.lru_cache(maxsize=100_000)
def _seed_of(root: int, key: tuple) -> int:
    """The seed of one key (cached: with common random numbers every design point asks
    for the same replicate seeds, and a SeedSequence costs far more than a look-up)."""
    state = np.random.SeedSequence(entropy=root, spawn_key=key).generate_state(2, np.uint32)
    return int((int(state[0]) << 32 | int(state[1])) >> 1)


def iter_runs(sweep: Sweep) -> Iterator[Run]:
    """Every run of the sweep, in a fixed order (point by point, replicate by replicate),
    generated one at a time."""
    common = bool(sweep.options.get("common_random_numbers", True))
    run_id = 0
    for point, params in enumerate(iter_points(sweep)):
        for rep in range(sweep.replications):
            yield Run(run_id, point, rep, run_seed(sweep.seed, point, rep, common), params)
            run_id += 1


def plan_runs(sweep: Sweep) -> list[Run]:
    """Every run of the sweep in a list: for small plans and tests (sweeps stream them)."""
    return list(iter_runs(sweep))
