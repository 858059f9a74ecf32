"""What produced a downloaded file: seed, every parameter, scenario edits, events, version.

Each CSV the app offers starts with ``# key: value`` lines (values as JSON), so a
file found later says how to make it again; ``pandas.read_csv(path, comment="#")``
reads the table below them.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version


def model_version() -> str:
    """The installed Kolaborasi version (the model and app ship together)."""
    try:
        return version("kolaborasi")
    except PackageNotFoundError:
        return "unknown"


def provenance(settings, seed, events=(), **more) -> dict:
    """The provenance of one run or one arm: settings is a viz.live.Settings."""
    from experiments.events import as_events
    from experiments.spec import load_scenario

    from .levers import full_parameters

    preset = full_parameters(dict(load_scenario(settings.scenario).parameters))
    values = settings.parameters
    edits = {k: values[k] for k in sorted(values) if preset.get(k) != values[k]}
    out = {"scenario": settings.scenario, "scenario_edits": edits, "seed": seed,
           "parameters": dict(settings.parameters),
           "events": [e.as_dict() for e in as_events(events)],
           "model_version": model_version()}
    out.update(more)
    return out


def header(info: dict) -> str:
    """``# key: value`` lines (JSON values) for the top of a CSV file."""
    return "".join(f"# {key}: {json.dumps(value, sort_keys=True, default=str)}\n"
                   for key, value in info.items())


def csv_with_header(table, info: dict, **to_csv) -> str:
    """A pandas table as CSV text under its provenance header."""
    return header(info) + table.to_csv(**to_csv)
