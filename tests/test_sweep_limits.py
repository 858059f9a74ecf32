"""Sweep specs of absurd size or with conflicting settings are refused before anything is
built, with one line naming the file, line and key; accepted plans stream run by run."""

from __future__ import annotations

import inspect
import time

import pytest

from experiments.design import iter_runs, plan_size
from experiments.spec import DEFAULT_MAX_RUNS, SpecError, load_sweep

def ten_by_ten() -> str:
    """A factorial of ten factors at ten levels each (10^10 points), over parameters whose
    range holds [0.1, 0.5] (read from the parameter table, so renames do not break it)."""
    from model import PARAMETERS

    names = sorted(p.name for p in PARAMETERS.values()
                   if p.kind is float and p.low is not None and p.low <= 0.1
                   and p.high is not None and p.high >= 0.5)[:10]
    assert len(names) == 10
    return "design = \"factorial\"\nyears = 1\n\n[parameters]\n" + "".join(
        f"{name} = {{ min = 0.1, max = 0.5, steps = 10 }}\n" for name in names)


def write(tmp_path, text, name="spec.toml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_ten_by_ten_factorial_is_refused_at_once_suggesting_lhs_or_sobol(tmp_path):
    start = time.perf_counter()
    with pytest.raises(SpecError) as caught:
        load_sweep(write(tmp_path, ten_by_ten()))
    assert time.perf_counter() - start < 5
    message = str(caught.value)
    assert "10,000,000,000 design point(s) x 1 replication(s)" in message
    assert "above the limit of 10,000,000" in message
    assert "'lhs' or 'sobol'" in message and "max_runs" in message


def test_a_hundred_million_steps_are_refused_with_the_bound(tmp_path):
    path = write(tmp_path, "design = \"factorial\"\nyears = 1\n\n[parameters]\n"
                           "skill = { min = 0.1, max = 0.9, steps = 100000000 }\n")
    start = time.perf_counter()
    with pytest.raises(SpecError, match=rf"^{path}:5: a factorial range needs steps = N, a "
                                        r"whole number from 2 to 10,000 \(got 100000000\)"):
        load_sweep(path)
    assert time.perf_counter() - start < 5


def test_replications_times_samples_above_the_limit_is_refused(tmp_path):
    path = write(tmp_path, "design = \"lhs\"\nyears = 1\nsamples = 1000000\n"
                           "replications = 100\n\n[parameters]\n"
                           "skill = { min = 0.1, max = 0.9 }\n")
    with pytest.raises(SpecError, match=r"1,000,000 design point\(s\) x 100 replication\(s\) "
                                        r"= 100,000,000 runs"):
        load_sweep(path)


def test_max_runs_option_sets_the_limit(tmp_path):
    spec = ("design = \"lhs\"\nyears = 1\nsamples = 20\nreplications = 3\n\n"
            "[parameters]\nskill = { min = 0.1, max = 0.9 }\n\n[options]\nmax_runs = LIMIT\n")
    with pytest.raises(SpecError, match="60 runs, above the limit of 50"):
        load_sweep(write(tmp_path, spec.replace("LIMIT", "50")))
    assert plan_size(load_sweep(write(tmp_path, spec.replace("LIMIT", "60")))) == 60
    assert DEFAULT_MAX_RUNS == 10_000_000


def test_plan_streams_and_its_size_is_known_without_building_it(tmp_path):
    sweep = load_sweep(write(tmp_path, "design = \"factorial\"\nyears = 1\nreplications = 2\n"
                                       "\n[parameters]\nskill = [0.2, 0.4, 0.6]\n"))
    runs = iter_runs(sweep)
    assert inspect.isgenerator(runs)
    assert plan_size(sweep) == 6 == sum(1 for _ in runs)


def test_a_parameter_both_fixed_and_varied_is_refused(tmp_path):
    path = write(tmp_path, "design = \"factorial\"\nyears = 1\n\n[fixed]\nskill = 0.5\n\n"
                           "[parameters]\nskill = [0.2, 0.8]\n")
    with pytest.raises(SpecError, match=rf"^{path}:8: parameter 'skill' is both fixed \(in "
                                        r"\[fixed\]\) and varied"):
        load_sweep(path)


@pytest.mark.parametrize("content, problem", [
    (b"design = \"factorial\"\ntitle = \"caf\xe9\"\n", r":2: not UTF-8 text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r": a binary file, not a TOML file"),
])
def test_a_spec_that_is_not_utf8_text_is_named(tmp_path, content, problem):
    path = tmp_path / "spec.toml"
    path.write_bytes(content)
    with pytest.raises(SpecError, match=rf"^{path}{problem}"):
        load_sweep(path)


def test_a_spec_that_is_a_folder_is_named(tmp_path):
    with pytest.raises(SpecError, match=rf"^{tmp_path} is a folder, not a TOML file"):
        load_sweep(tmp_path)


def test_a_sample_that_does_not_fit_in_memory_is_a_spec_error(tmp_path, monkeypatch):
    import experiments.design

    def no_memory(sweep):
        raise MemoryError

    monkeypatch.setattr(experiments.design, "design_matrix", no_memory)
    sweep = load_sweep(write(tmp_path, "design = \"lhs\"\nyears = 1\nsamples = 8\n\n"
                                       "[parameters]\nskill = { min = 0.1, max = 0.9 }\n"))
    with pytest.raises(SpecError, match=r"the lhs sample \(8 points x 1 factors\) does not fit"):
        list(iter_runs(sweep))
