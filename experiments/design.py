"""Sweep designs: the design points, and one reproducible seed per run."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from model import PARAMETERS, ParameterError, validate

from .spec import SpecError, Sweep


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


def design_points(sweep: Sweep) -> list[dict]:
    """Full parameter settings for each design point (base settings plus factors).

    Every point is validated as a whole, so that combinations the model refuses
    (for instance entry shares adding up to more than 1) stop the sweep before
    it starts, naming the point.
    """
    if sweep.design == "scenarios":
        points = [{**sweep.base, **params} for params in sweep.scenario_params]
    else:
        names, matrix = design_matrix(sweep)
        points = [{**sweep.base, **{n: _typed(n, v) for n, v in zip(names, row)}}
                  for row in matrix]
    for i, params in enumerate(points):
        try:
            validate(**params)
        except ParameterError as err:
            label = sweep.scenarios[i] if sweep.scenarios else f"design point {i}"
            raise SpecError(f"{sweep.path}: {label} is not a valid setting: {err}") from None
    return points


def run_seed(root: int, point: int, replicate: int, common: bool) -> int:
    """A 63-bit seed from the root seed (numpy SeedSequence).

    With common random numbers (the default) the seed depends on the replicate
    only, so replicate k of every design point sees the same random stream and
    comparisons between points are paired.
    """
    key = (replicate,) if common else (point, replicate)
    state = np.random.SeedSequence(entropy=root, spawn_key=key).generate_state(2, np.uint32)
    return int((int(state[0]) << 32 | int(state[1])) >> 1)


def plan_runs(sweep: Sweep) -> list[Run]:
    """Every run of the sweep, in a fixed order: point by point, replicate by replicate."""
    common = bool(sweep.options.get("common_random_numbers", True))
    runs = []
    for point, params in enumerate(design_points(sweep)):
        for rep in range(sweep.replications):
            runs.append(Run(len(runs), point, rep, run_seed(sweep.seed, point, rep, common),
                            params))
    return runs
