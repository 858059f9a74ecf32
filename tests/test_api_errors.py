"""The Python API refuses bad seeds and run lengths with errors that name the argument.

These protect the model's own checks (issue 10): the CLI, sweeps, the API and the app
all get them from the model.
"""

import math

import pytest

from model import SEED_MAX, CollaborationModel, ParameterError

@pytest.mark.parametrize("rng", [-1, "abc", 1.5, SEED_MAX + 1, 10**38])
def test_a_bad_rng_is_a_parameter_error_naming_rng(rng):
    with pytest.raises(ParameterError, match="rng"):
        CollaborationModel(rng=rng)


def test_the_largest_seed_is_accepted():
    CollaborationModel(rng=SEED_MAX)


@pytest.mark.parametrize("years", [-1, 0, math.nan, math.inf, 1e9, 201])
def test_a_bad_run_length_is_a_parameter_error_naming_years(years):
    model = CollaborationModel(rng=1)

    def step():  # without the check, 1e9 or inf years would run (nearly) forever
        raise AssertionError(f"run(years={years}) started stepping instead of refusing")

    model.step = step
    with pytest.raises(ParameterError, match="years"):
        model.run(years=years)


def test_admin_hours_above_staff_hours_are_refused():
    from model import PARAMETERS

    if not {"admin_hours_per_week", "staff_hours_per_week"} <= set(PARAMETERS):
        pytest.skip("the hour parameters are named differently now")
    with pytest.raises(ParameterError, match="admin_hours_per_week"):
        CollaborationModel(rng=1, admin_hours_per_week=PARAMETERS["staff_hours_per_week"].default
                           + 1)
