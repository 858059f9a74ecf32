"""Parameter table: completeness, validation of every kind of bad value, docs in sync."""

import math
from pathlib import Path

import numpy as np
import pytest

from model import DEFAULTS, PARAMETERS, CollaborationModel, ParameterError, validate
from model.paramdoc import parameters_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_every_parameter_is_documented_and_its_default_valid():
    for p in PARAMETERS.values():
        assert p.unit and p.meaning and p.source and p.group, p.name
        if p.kind is not bool:
            assert p.low <= p.default <= p.high, p.name
        assert isinstance(p.default, p.kind), p.name
    assert validate().as_dict() == dict(DEFAULTS)


@pytest.mark.parametrize("name, value, words", [
    ("skill", 1.5, ["'skill'", "1.5", "[0, 1]"]),
    ("skill", -0.1, ["'skill'", "-0.1", "[0, 1]"]),
    ("n_staff", 501, ["'n_staff'", "501", "[0, 500]"]),
    ("incidents_per_week", math.inf, ["'incidents_per_week'", "inf", "[0, 1000]"]),
])
def test_out_of_range_names_parameter_value_and_range(name, value, words):
    with pytest.raises(ParameterError) as err:
        CollaborationModel(rng=1, **{name: value})
    for word in words:
        assert word in str(err.value)
    assert "out of range" in str(err.value)


def test_nan_is_refused():
    with pytest.raises(ParameterError, match=r"'accountability' = nan: NaN is not allowed.*\[0, 1\]"):
        validate(accountability=float("nan"))


@pytest.mark.parametrize("name, value", [
    ("skill", "0.5"), ("skill", None), ("skill", True), ("n_staff", 2.5),
    ("referral_agreement", 1), ("referral_agreement", "yes"), ("use_skill", 0.0),
])
def test_wrong_type_is_refused(name, value):
    with pytest.raises(ParameterError, match=f"'{name}'"):
        validate(**{name: value})


@pytest.mark.parametrize("name, value", [
    ("n_staff", float("inf")), ("n_staff", 1e400), ("n_staff", -math.inf),
    ("help_seeking", float("inf")), ("n_staff", np.float32("nan")),
    ("n_staff", 10 ** 400), ("help_seeking", -(10 ** 400)),   # TOML reads such integers
])
def test_infinite_or_nan_is_refused_for_whole_and_real_numbers(name, value):
    with pytest.raises(ParameterError, match=f"'{name}' = .*(out of range|NaN).*valid range"):
        validate(**{name: value})


def test_numpy_numbers_and_switches_are_accepted():
    p = validate(n_staff=np.int64(5), help_seeking=np.float32(0.5), triage=np.False_)
    assert (p.n_staff, p.help_seeking, p.triage) == (5, 0.5, False)
    assert type(p.n_staff) is int and type(p.triage) is bool
    with pytest.raises(ParameterError, match="'n_staff'.*must be a number"):
        validate(n_staff=np.True_)


def test_whole_float_is_accepted_for_int_and_converted():
    assert validate(n_staff=4.0).n_staff == 4
    assert isinstance(validate(n_staff=4.0).n_staff, int)
    assert validate(skill=1).skill == 1.0


def test_unknown_name_suggests_the_close_one():
    with pytest.raises(ParameterError, match="unknown parameter 'skil'; did you mean 'skill'"):
        CollaborationModel(skil=0.5)


def test_entry_shares_must_leave_room():
    with pytest.raises(ParameterError, match="entry_police.*entry_agency.*1.2"):
        validate(entry_police=0.6, entry_agency=0.6)


def test_invalid_value_fails_before_any_agent_exists():
    model = CollaborationModel.__new__(CollaborationModel)
    with pytest.raises(ParameterError):
        model.__init__(rng=1, skill=2.0)
    assert not hasattr(model, "_all_agents")


def test_parameters_are_read_only():
    p = validate()
    with pytest.raises(AttributeError):
        p.skill = 0.1


def test_docs_parameters_md_is_in_sync():
    text = (ROOT / "docs" / "parameters.md").read_text()
    assert text == parameters_markdown(), "run `python run.py docs` to regenerate"
    for name in PARAMETERS:
        assert f"`{name}`" in text


@pytest.mark.parametrize("values, words", [
    ({"admin_hours_per_week": 39.0}, ["'admin_hours_per_week'", "'staff_hours_per_week' = 40"]),
    ({"staff_hours_per_week": 10.0}, ["'staff_hours_per_week' = 10"]),
    ({"hours_cut_weeks": 9.0}, ["'hours_cut_weeks' = 9", "'reserve_weeks' = 8"]),
    ({"cadres_per_group": 26}, ["'cadres_per_group' = 26", "'group_members' = 25"]),
])
def test_cross_parameter_constraints_are_refused_with_both_names(values, words):
    with pytest.raises(ParameterError) as err:
        CollaborationModel(rng=1, **values)
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize("rng", [-1, "abc", 1.5, True, 2**63, [1]])
def test_bad_seed_names_rng_and_the_range(rng):
    with pytest.raises(ParameterError, match=r"rng = .*whole number in \[0, 9223372036854775807\]"):
        CollaborationModel(rng=rng)


def test_seed_limits_accept_both_ends():
    assert CollaborationModel(rng=0).run(0.1).steps == 5
    assert CollaborationModel(rng=2**63 - 1).run(0.1).steps == 5


@pytest.mark.parametrize("years", [-1, 0, float("nan"), float("inf"), 201, "5", None])
def test_bad_years_name_years(years):
    model = CollaborationModel(rng=1)
    with pytest.raises(ParameterError, match=r"years = .*above 0 and at most 200"):
        model.run(years=years)
    assert model.steps == 0
