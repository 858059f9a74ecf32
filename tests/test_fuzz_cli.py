"""Fuzzing the command line in-process: generated --set values, scenario files and sweep
specs. Whatever the input, the command either works or refuses it with exit code 2 and
one 'error:' line; no traceback ever escapes."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import main
from model import PARAMETERS

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
NAMES = sorted(PARAMETERS)
SHORT_RUN = ["--years", "0.02"]   # one week: the fuzzing is about input, not simulation

# --- TOML values ----------------------------------------------------------------------
numbers = st.one_of(st.integers(-3, 12), st.sampled_from([0.0, 0.5, 1.0, 1e9, -1e9, 2**63,
                                                          math.nan, math.inf, 1e-9]),
                    st.floats(allow_nan=True, allow_infinity=True))
scalars = st.one_of(numbers, st.booleans(), st.text(max_size=8))
ranges = st.fixed_dictionaries({"min": numbers, "max": numbers},
                               optional={"steps": st.integers(-2, 12), "step": numbers})
plausible = st.sampled_from([[0.2, 0.5], {"min": 0.2, "max": 0.6},
                             {"min": 0.2, "max": 0.6, "steps": 2}, [True, False], [1, 3]])
values = st.one_of(plausible, scalars, st.lists(scalars, max_size=4), ranges)
names = st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=12))


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") \
            if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)      # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + " }"


def toml_table(table: dict) -> str:
    return "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in table.items())


def outcome(args) -> tuple[int, str]:
    """Run the CLI in this process; (exit code, stderr). Any exception fails the test."""
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main([str(a) for a in args])
        except SystemExit as stop:     # argparse refuses usage errors with exit code 2
            code = stop.code
    return code, err.getvalue()


def assert_clean(code: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert code in (0, 1, 2), (code, err)
    if code == 2:
        assert err.strip(), "a refusal says why"
        assert len([ln for ln in err.splitlines() if "error:" in ln]) == 1, err


# --- --set values ------------------------------------------------------------------------
@pytest.fixture
def no_figure(monkeypatch):
    """Runs write every output but the PNG of curves (the slow part, not about input)."""
    import experiments.single

    monkeypatch.setattr(experiments.single, "plot_main_curves", lambda series, target: None)


@FUZZ
@given(name=names, value=st.one_of(st.text(max_size=10), numbers.map(str)))
def test_any_set_value_works_or_is_refused_in_one_line(no_figure, name, value):
    with tempfile.TemporaryDirectory() as tmp:
        code, err = outcome(["run", *SHORT_RUN, "--set", f"{name}={value}",
                             "--out", Path(tmp) / "o"])
    assert_clean(code, err)


# --- scenario files ----------------------------------------------------------------------
scenario_tables = st.fixed_dictionaries(
    {}, optional={"title": st.one_of(st.fixed_dictionaries({"en": st.text(max_size=5),
                                                            "id": st.text(max_size=5)}),
                                     scalars),
                  "description": st.fixed_dictionaries({"en": st.just("d"), "id": st.just("d")}),
                  "parameters": st.dictionaries(names, scalars, max_size=3),
                  "extra": scalars})


def scenario_text(data: dict) -> str:
    head = {k: v for k, v in data.items() if not isinstance(v, dict)}
    text = toml_table(head)
    for key, table in data.items():
        if isinstance(table, dict):
            text += f"[{key}]\n" + toml_table(table)
    return text


@FUZZ
@given(data=scenario_tables, garbage=st.one_of(st.none(), st.binary(max_size=40)))
def test_any_scenario_file_works_or_is_refused_in_one_line(no_figure, data, garbage):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scenario.toml"
        path.write_bytes(garbage if garbage is not None else scenario_text(data).encode())
        code, err = outcome(["run", *SHORT_RUN, "--scenario", path, "--out", Path(tmp) / "o"])
    assert_clean(code, err)
    if code == 2 and "error:" in err and garbage is not None and b"\0" in garbage:
        assert "binary" in err or "TOML" in err


# --- sweep specs -------------------------------------------------------------------------
spec_tables = st.fixed_dictionaries(
    {"design": st.one_of(st.sampled_from(["factorial", "lhs", "sobol", "morris",
                                          "scenarios"]), scalars)},
    optional={"years": st.one_of(st.sampled_from([0.02, 1 / 52]), scalars),
              "replications": st.one_of(st.integers(0, 3), scalars),
              "samples": st.one_of(st.sampled_from([1, 2, 4]), scalars),
              "seed": numbers, "record_every": numbers,
              "outputs": st.one_of(st.just(["intake"]), st.lists(st.text(max_size=6))),
              "scenarios": st.lists(st.sampled_from(["baseline", "funding_halved", "nope"]),
                                    max_size=2),
              "fixed": st.dictionaries(names, scalars, max_size=2),
              "parameters": st.dictionaries(names, values, max_size=3),
              "options": st.dictionaries(st.sampled_from(["common_random_numbers",
                                                          "second_order", "num_levels",
                                                          "max_runs", "other"]),
                                         scalars, max_size=2)})


@pytest.fixture
def no_execution(monkeypatch):
    """Sweeps are planned, checked and stored, but no run executes (and the run limit is
    small, so that an accepted plan is quick to write)."""
    import experiments.spec
    import experiments.sweep

    monkeypatch.setattr(experiments.spec, "DEFAULT_MAX_RUNS", 200)
    monkeypatch.setattr(experiments.sweep, "run_local", lambda tasks, workers, fn: iter(()))


@FUZZ
@given(data=spec_tables, garbage=st.one_of(st.none(), st.binary(max_size=40)))
def test_any_sweep_spec_works_or_is_refused_in_one_line(no_execution, data, garbage):
    if "max_runs" in data.get("options", {}):
        data["options"]["max_runs"] = 5     # keep accepted plans small
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "spec.toml"
        path.write_bytes(garbage if garbage is not None else scenario_text(data).encode())
        code, err = outcome(["sweep", path, "--out", Path(tmp) / "o", "--workers", "1",
                             "--no-progress"])
    assert_clean(code, err)
