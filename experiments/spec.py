"""Scenario and sweep files (TOML): reading them, and errors that name file, line and key."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from model import PARAMETERS, SEED_MAX, WEEKS_PER_YEAR, ParameterError, validate
from model.parameters import MAX_YEARS

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
LANGUAGES = ("en", "id")
DESIGNS = ("factorial", "lhs", "sobol", "morris", "scenarios")
#: Seeds are whole numbers from 0 to model.SEED_MAX (2^63-1) on the command line, in specs
#: and in the API alike.
#: A sweep larger than this many runs is refused unless [options] max_runs raises it.
DEFAULT_MAX_RUNS = 10_000_000
#: The most levels a factorial range may have (steps = N).
MAX_STEPS = 10_000


class SpecError(Exception):
    """A problem in a scenario or sweep file, reported as 'file:line: message'."""


def _line_of(text: str, key: str, table: str | None = None) -> int | None:
    """The first line (1-based) where ``key`` is assigned or opens a table (inside
    ``[table]`` when it is given and found)."""
    pattern = re.compile(rf"^\s*(\[\s*)?\"?{re.escape(key)}\"?\s*(=|\]|\.)", re.MULTILINE)
    start = 0
    if table is not None:
        header = re.search(rf"^\s*\[\s*{re.escape(table)}\s*\]", text, re.MULTILINE)
        start = header.end() if header else 0
    match = pattern.search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _where(path: Path, text: str, key: str | None) -> str:
    line = _line_of(text, key) if key else None
    return f"{path}:{line}" if line else str(path)


def read_text(path: Path, what: str = "a text file") -> str:
    """A file's text (UTF-8); a missing, unreadable, binary or non-UTF-8 file names the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpecError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SpecError(f"{path} is a folder, not {what}") from None
    except OSError as err:
        raise SpecError(f"{path}: cannot be read ({err.strerror})") from None
    if b"\0" in data:
        raise SpecError(f"{path}: a binary file, not {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise SpecError(f"{path}:{line}: not UTF-8 text (byte {data[err.start]:#04x} at "
                        f"offset {err.start}); save the file as UTF-8") from None


def read_toml(path: Path) -> tuple[dict, str]:
    """Parse a TOML file; a syntax error names the file and line."""
    path = Path(path)
    text = read_text(path, "a TOML file")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        if line is None:  # before Python 3.14 the line is only in the message
            found = re.search(r"at line (\d+)", str(err))
            line = int(found.group(1)) if found else None
        where = f"{path}:{line}" if line else str(path)
        raise SpecError(f"{where}: not valid TOML: {err}") from None


def check_parameters(values: dict, path: Path, text: str) -> dict:
    """Validate parameter settings, naming the file and line of a bad one."""
    for name, value in values.items():
        try:
            validate(**{name: value})
        except ParameterError as err:
            raise SpecError(f"{_where(path, text, name)}: {err}") from None
    try:
        validate(**values)
    except ParameterError as err:
        raise SpecError(f"{path}: {err}") from None
    return values


# --- scenarios -----------------------------------------------------------------------
@dataclass(frozen=True)
class Scenario:
    """A named set of parameter values with a title and description in each language."""

    name: str
    title: dict
    description: dict
    parameters: dict
    path: Path
    events: tuple = ()              # experiments.events.Event, by year


def load_scenario(source: str | Path) -> Scenario:
    """Load a scenario by name (from experiments/scenarios/) or by path."""
    path = Path(source)
    if path.suffix != ".toml":
        path = SCENARIO_DIR / f"{source}.toml"
        if not path.exists():
            known = ", ".join(scenario_names()) or "none"
            raise SpecError(f"unknown scenario {str(source)!r}; known scenarios: {known}")
    data, text = read_toml(path)
    unknown = set(data) - {"title", "description", "parameters", "events"}
    if unknown:
        key = sorted(unknown)[0]
        raise SpecError(f"{_where(path, text, key)}: unknown key {key!r} "
                        "(a scenario has title, description, [parameters] and [[events]])")
    texts = {}
    for key in ("title", "description"):
        value = data.get(key)
        if not isinstance(value, dict) or any(not isinstance(value.get(lang), str)
                                              or not value.get(lang).strip()
                                              for lang in LANGUAGES):
            raise SpecError(f"{_where(path, text, key)}: {key!r} needs text in English and "
                            f"Bahasa Indonesia: {key}.en = \"...\" and {key}.id = \"...\"")
        texts[key] = dict(value)
    params = data.get("parameters", {})
    if not isinstance(params, dict):
        raise SpecError(f"{_where(path, text, 'parameters')}: [parameters] must be a table")
    from .events import parse_events

    return Scenario(path.stem, texts["title"], texts["description"],
                    check_parameters(dict(params), path, text), path,
                    parse_events(data.get("events", []), path, text))


def scenario_names() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


# --- sweeps --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sweep:
    """A sweep: a design over parameters, replications, years, outputs and a root seed."""

    path: Path
    title: str
    design: str
    replications: int
    years: float
    seed: int
    samples: int
    record_every: int
    outputs: tuple
    base: dict                      # fixed settings (scenario, then [fixed])
    factors: dict                   # name -> list of values or (low, high)
    scenarios: tuple = ()
    scenario_params: tuple = ()     # the settings of each scenario, as read from its file
    options: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    events: tuple = ()              # experiments.events.Event: the scenario's, then its own

    @property
    def spec_hash(self) -> str:
        """A hash of everything that decides the results: the spec without its title,
        and the settings read from the scenario files it names."""
        decisive = {k: v for k, v in self.raw.items() if k != "title"}
        decisive["_resolved"] = {"base": self.base, "scenarios": list(self.scenario_params)}
        if self.events:
            decisive["_resolved"]["events"] = [e.as_dict() for e in self.events]
        blob = json.dumps(decisive, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


_SWEEP_KEYS = {"title", "design", "replications", "years", "seed", "samples", "record_every",
               "outputs", "scenario", "scenarios", "fixed", "parameters", "options", "events"}


def load_sweep(path: str | Path) -> Sweep:
    """Read and check a sweep file; every problem names the file, line and key."""
    from model import FLOWS, STOCKS

    path = Path(path)
    data, text = read_toml(path)

    def fail(key, message):
        raise SpecError(f"{_where(path, text, key)}: {message}")

    for key in data:
        if key not in _SWEEP_KEYS:
            fail(key, f"unknown key {key!r}; known keys: {', '.join(sorted(_SWEEP_KEYS))}")
    design = data.get("design")
    if design not in DESIGNS:
        fail("design", f"design must be one of {', '.join(DESIGNS)} (got {design!r})")

    def number(key, default, kind, low, high):
        value = data.get(key, default)
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not low <= value <= high          # NaN and infinities fail here too
                or (kind is int and value != int(value))):
            fail(key, f"{key} must be a {'whole ' if kind is int else ''}number in "
                      f"[{low}, {high}] (got {value!r})")
        return kind(value)

    replications = number("replications", 1, int, 1, 100_000)
    years = number("years", 5, float, 1 / WEEKS_PER_YEAR, MAX_YEARS)   # a week to 200 years
    seed = number("seed", 0, int, 0, SEED_MAX)
    samples = number("samples", 16, int, 1, 1_000_000)
    record_every = number("record_every", 1, int, 1, 10_000)
    outputs = data.get("outputs", ["referral_uptake", "intake", "mean_trust", "funds", "staff",
                                   "volunteers", "groups", "waiting"])
    known = set(FLOWS + STOCKS)
    if not isinstance(outputs, list) or not outputs:
        fail("outputs", "outputs must be a non-empty list of reported quantities")
    for name in outputs:
        if name not in known:
            fail("outputs", f"unknown output {name!r}; see model.reporters.MEANINGS")

    from .events import parse_events

    base, events = {}, ()
    if "scenario" in data:
        try:
            scenario = load_scenario(data["scenario"])
        except SpecError as err:
            fail("scenario", str(err))
        base.update(scenario.parameters)
        events = scenario.events
    events += parse_events(data.get("events", []), path, text)
    fixed = data.get("fixed", {})
    if not isinstance(fixed, dict):
        fail("fixed", "[fixed] must be a table of parameter = value")
    base.update(check_parameters(dict(fixed), path, text))

    factors = {}
    scenarios = ()
    scenario_params = ()
    params = data.get("parameters", {})
    if not isinstance(params, dict):
        fail("parameters", "[parameters] must be a table")
    if design == "scenarios":
        scenarios = data.get("scenarios")
        if not isinstance(scenarios, list) or not scenarios:
            fail("scenarios" if "scenarios" in data else "design",
                 "design 'scenarios' needs scenarios = [\"baseline\", ...] with at least one name")
        loaded = []
        for name in scenarios:
            try:
                loaded.append(load_scenario(name).parameters)
            except SpecError as err:
                fail("scenarios", str(err))
        scenarios = tuple(scenarios)
        scenario_params = tuple(loaded)
        if params:
            fail("parameters", "design 'scenarios' compares whole scenarios; "
                               "put common settings in [fixed]")
    else:
        if not params:
            fail("parameters" if "parameters" in data else "design",
                 f"the design is empty: design '{design}' needs at least one parameter "
                 "in [parameters]")
        for name, spec in params.items():
            if name in fixed:
                line = _line_of(text, name, "parameters")
                raise SpecError(f"{path}:{line}: parameter {name!r} is both fixed (in [fixed]) "
                                "and varied (in [parameters]); keep it in one of the two")
            factors[name] = _factor(name, spec, design, path, text)
        if design == "sobol" and samples & (samples - 1):
            fail("samples", f"Sobol sampling needs samples to be a power of two (got {samples})")
    options = _options(data.get("options", {}), design, fail)
    _check_size(design, factors, len(scenarios), samples, replications, options, fail)
    return Sweep(path=path, title=str(data.get("title", path.stem)), design=design,
                 replications=replications, years=years, seed=seed, samples=samples,
                 record_every=record_every, outputs=tuple(outputs), base=base,
                 factors=factors, scenarios=scenarios, scenario_params=scenario_params,
                 options=options, raw=data, events=events)


def design_size(design: str, factors: dict, scenarios: int, samples: int,
                second_order: bool = False) -> int:
    """The number of design points, computed without building them."""
    d = len(factors)
    if design == "scenarios":
        return scenarios
    if design == "factorial":
        size = 1
        for levels in factors.values():
            size *= len(levels)
        return size
    if design == "lhs":
        return samples
    if design == "sobol":
        return samples * (2 * d + 2 if second_order else d + 2)
    return samples * (d + 1)  # morris: one trajectory of d + 1 points per sample


def _check_size(design, factors, scenarios, samples, replications, options, fail) -> None:
    """Refuse a sweep above the run limit before anything is allocated for it."""
    limit = options.get("max_runs", DEFAULT_MAX_RUNS)
    points = design_size(design, factors, scenarios, samples,
                         bool(options.get("second_order", False)))
    runs = points * replications
    if runs > limit:
        hint = (" A full factorial grows as the product of the levels: an 'lhs' or 'sobol' "
                "design covers the same ranges with far fewer points."
                if design == "factorial" else " Lower samples or replications.")
        fail("parameters" if design == "factorial" else "samples",
             f"this sweep has {points:,} design point(s) x {replications:,} replication(s) "
             f"= {runs:,} runs, above the limit of {limit:,}.{hint} To run it anyway, "
             "raise the limit with max_runs = N in [options].")


#: Options of a sweep: name -> (type, check, what is allowed).
_OPTIONS = {
    "common_random_numbers": (bool, lambda v: True, "true or false"),
    "second_order": (bool, lambda v: True, "true or false (sobol designs)"),
    "num_levels": (int, lambda v: v >= 2 and v % 2 == 0, "an even whole number >= 2 (morris)"),
    "max_runs": (int, lambda v: v >= 1, "a whole number >= 1 (the most runs a sweep may have)"),
}


def _options(options, design: str, fail) -> dict:
    """Check the [options] table: known names, right types."""
    if not isinstance(options, dict):
        fail("options", "[options] must be a table")
    for name, value in options.items():
        if name not in _OPTIONS:
            fail(name, f"unknown option {name!r}; known options: {', '.join(_OPTIONS)}")
        kind, ok, allowed = _OPTIONS[name]
        right_type = isinstance(value, bool) if kind is bool else \
            isinstance(value, int) and not isinstance(value, bool)
        if not right_type or not ok(value):
            fail(name, f"option {name!r} must be {allowed} (got {value!r})")
    return dict(options)


def _factor(name: str, spec, design: str, path: Path, text: str):
    """One swept parameter: a list of values, or a range {min, max} (with steps for factorial)."""
    where = _where(path, text, name)
    param = PARAMETERS.get(name)
    if param is None:
        try:
            validate(**{name: 0})
        except ParameterError as err:
            raise SpecError(f"{where}: {err}") from None
    if isinstance(spec, list):
        if not spec:
            raise SpecError(f"{where}: parameter {name!r} has an empty list of values")
        if design != "factorial":
            raise SpecError(f"{where}: design '{design}' samples ranges: write "
                            f"{name} = {{ min = ..., max = ... }}")
        for value in spec:
            try:
                validate(**{name: value})
            except ParameterError as err:
                raise SpecError(f"{where}: {err}") from None
        return list(spec)
    if isinstance(spec, dict):
        unknown = set(spec) - {"min", "max", "steps"}
        if unknown or "min" not in spec or "max" not in spec:
            raise SpecError(f"{where}: a range is written {{ min = ..., max = ... }}"
                            + (", steps = N" if design == "factorial" else ""))
        if param.kind is bool:
            raise SpecError(f"{where}: {name!r} is a switch: list its values, [true, false]")
        low, high = spec["min"], spec["max"]
        for value in (low, high):
            try:
                validate(**{name: value})
            except ParameterError as err:
                raise SpecError(f"{where}: {err}") from None
        if not low < high:
            raise SpecError(f"{where}: {name!r} needs min < max (got {low} and {high})")
        if design == "factorial":
            steps = spec.get("steps")
            if not isinstance(steps, int) or isinstance(steps, bool) or not \
                    2 <= steps <= MAX_STEPS:
                raise SpecError(f"{where}: a factorial range needs steps = N, a whole number "
                                f"from 2 to {MAX_STEPS:,} (got {steps!r}); for a dense cover "
                                "of a range use an 'lhs' or 'sobol' design")
            import numpy as np

            values = np.linspace(low, high, steps)
            return [int(round(v)) for v in values] if param.kind is int else \
                [float(v) for v in values]
        if "steps" in spec:
            raise SpecError(f"{where}: steps applies to factorial designs only")
        return (float(low), float(high))
    raise SpecError(f"{where}: {name!r} must be a list of values or {{ min = ..., max = ... }}")
