"""`python run.py sweep` refuses bad input with one clear line: file, line, key; no traceback.

The commands run through the command line's `main` in this process (no interpreter
start-up per case); the unreachable Dask scheduler is given up after a 1 s connect timeout
(the command line's is 10 s; what is checked, the message naming the timeout and giving up
within it, is the same).
"""

from __future__ import annotations

import contextlib
import functools
import io
import socket
import subprocess
import time

import pytest

from cli import main
from experiments import executors
from experiments.spec import SpecError, load_sweep

#: The connect timeout the unreachable scheduler case is given (seconds).
CONNECT_TIMEOUT = 1


GOOD = """\
design = "factorial"
replications = 1
years = 1
seed = 1

[parameters]
skill = [0.2, 0.5]
"""

#: name -> (spec text or None for a missing file, extra arguments, line, expected fragments)
#: ``line`` is the line the message must name as "FILE:LINE:" (None: only the file name).
CASES = {
    "malformed_toml": ("""\
design = "factorial"
years = 1

[parameters]
skill = [0.2,
  0.5 0.7]
""", [], None, ["not valid TOML", "line 6"]),
    "unknown_parameter": ("""\
design = "factorial"
years = 1

[parameters]
skill = [0.2, 0.5]
skil_level = [1, 2]
""", [], 6, ["unknown parameter 'skil_level'", "did you mean 'skill'"]),
    "out_of_range": ("""\
design = "lhs"
years = 1

[parameters]
skill = { min = 0.2, max = 1.5 }
""", [], 5, ["parameter 'skill' = 1.5 is out of range: valid range [0, 1]"]),
    "empty_design": ("""\
title = "nothing to vary"
design = "lhs"
years = 1
""", [], 2, ["the design is empty", "needs at least one parameter in [parameters]"]),
    "unknown_design": ("""\
years = 1
design = "fractional"

[parameters]
skill = [0.2, 0.5]
""", [], 2, ["design must be one of factorial, lhs, sobol, morris, scenarios",
             "'fractional'"]),
    "unknown_output": ("""\
design = "factorial"
years = 1
outputs = ["intake", "intakes"]

[parameters]
skill = [0.2, 0.5]
""", [], 3, ["unknown output 'intakes'"]),
    "sobol_not_power_of_two": ("""\
design = "sobol"
years = 1
samples = 12

[parameters]
skill = { min = 0.2, max = 0.8 }
""", [], 3, ["Sobol sampling needs samples to be a power of two (got 12)"]),
    "factorial_range_without_steps": ("""\
design = "factorial"
years = 1

[parameters]
accountability = [0.2, 0.8]
skill = { min = 0.2, max = 0.8 }
""", [], 6, ["a factorial range needs steps = N"]),
    "missing_spec_file": (None, [], None, ["no such file"]),
    "unwritable_output": (GOOD, ["--out", "{tmp}/a_file/results"], None,
                          ["output folder", "a_file/results", "cannot be written"]),
    "unreachable_scheduler": (GOOD, ["--scheduler", "tcp://127.0.0.1:{port}"], None,
                              ["cannot reach the Dask scheduler at 'tcp://127.0.0.1:{port}'",
                               f"within {CONNECT_TIMEOUT} s"]),
}


def _factorial(*lines: str) -> str:
    """A factorial sweep spec over skill with ``lines`` as its top-level keys."""
    return "\n".join(['design = "factorial"', *lines, "", "[parameters]",
                      "skill = [0.2, 0.5]", ""])


#: More spec errors, checked in-process: the CLI reports every SpecError the same way.
IN_PROCESS = {
    "unknown_fixed_parameter": ("""\
design = "factorial"
years = 1

[fixed]
n_staf = 4

[parameters]
skill = [0.2, 0.5]
""", [], 5, ["unknown parameter 'n_staf'", "did you mean 'n_staff'"]),
    "out_of_range_level": ("""\
design = "factorial"
years = 1

[parameters]
n_staff = [4, 900]
""", [], 5, ["parameter 'n_staff' = 900 is out of range: valid range [0, 500]"]),
    "switch_as_range": ("""\
design = "lhs"
years = 1

[parameters]
referral_agreement = { min = 0, max = 1 }
""", [], 5, ["'referral_agreement' is a switch"]),
    "unknown_top_level_key": (_factorial("replication = 3", "years = 1"), [], 2,
                              ["unknown key 'replication'"]),
    "years_not_a_number": (_factorial('years = "two"'), [], 2,
                           ["years must be a number in", "'two'"]),
    "replications_nan": (_factorial("replications = nan", "years = 1"), [], 2,
                         ["replications must be a whole number in [1, 100000]", "nan"]),
    "seed_infinite": (_factorial("seed = inf", "years = 1"), [], 2,
                      ["seed must be a whole number in", "inf"]),
    "years_huge_integer": (_factorial("years = 1" + "0" * 400), [], 2,
                           ["years must be a number in [", ", 200]"]),
    "unknown_scenario": ("""\
design = "scenarios"
years = 1
scenarios = ["baseline", "no_such_scenario"]
""", [], 3, ["unknown scenario 'no_such_scenario'"]),
}
SPEC_ERRORS = [name for name, case in CASES.items() if not case[1]]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Run every case through the command line in this process;
    name -> (spec path, out folder, result, seconds), and the fills of the templates."""
    tmp = tmp_path_factory.mktemp("errors")
    (tmp / "a_file").write_text("a regular file, not a folder")
    with socket.socket() as s:                       # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    fills = {"tmp": str(tmp), "port": port}

    def run(name):
        text, extra, _, _ = CASES[name]
        spec = tmp / f"{name}.toml"
        if text is not None:
            spec.write_text(text)
        out = tmp / f"out_{name}"
        args = ["--out", str(out), *[a.format(**fills) for a in extra]]
        if "--out" in extra:
            args = args[2:]
        stdout, stderr = io.StringIO(), io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["sweep", str(spec), *args, "--no-progress", "--workers", "1"])
        seconds = time.monotonic() - started
        result = subprocess.CompletedProcess(["sweep", name], code, stdout.getvalue(),
                                             stderr.getvalue())
        return spec, out, result, seconds

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executors, "connect",
                      functools.partial(executors.connect, timeout=CONNECT_TIMEOUT))
        return {name: run(name) for name in CASES}, fills


@pytest.mark.parametrize("name", list(CASES))
def test_cli_error_is_one_clear_line(outcomes, name):
    found, fills = outcomes
    spec, out, result, seconds = found[name]
    _, extra, line, fragments = CASES[name]
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    message = errors[0]
    if line is not None:
        assert f"error: {spec}:{line}: " in message
    elif name not in ("unwritable_output", "unreachable_scheduler"):
        assert str(spec) in message
    for fragment in fragments:
        assert fragment.format(**fills) in message, message
    if name in SPEC_ERRORS:
        assert not out.exists(), "a spec error must not create the output folder"
    if name == "unreachable_scheduler":
        # the connect timeout, plus importing dask.distributed
        assert seconds < CONNECT_TIMEOUT + 5, f"took {seconds:.1f} s to give up on the scheduler"
        assert "Start one with `dask scheduler`" in message


@pytest.mark.parametrize("name", list(IN_PROCESS))
def test_more_spec_errors_name_file_line_and_key(tmp_path, name):
    text, _, line, fragments = IN_PROCESS[name]
    spec = tmp_path / f"{name}.toml"
    spec.write_text(text)
    with pytest.raises(SpecError) as caught:
        load_sweep(spec)
    message = str(caught.value)
    assert message.startswith(f"{spec}:{line}: "), message
    for fragment in fragments:
        assert fragment in message, message


@pytest.mark.parametrize("options", ["common_random_number = false",
                                     'common_random_numbers = "no"'])
def test_bad_options_are_refused(tmp_path, options):
    spec = tmp_path / "opts.toml"
    spec.write_text(GOOD + f"\n[options]\n{options}\n")
    with pytest.raises(SpecError, match=r"opts\.toml:\d+: .*common_random_number"):
        load_sweep(spec)
