"""Settings in the address: a link or a reload gives exactly the same run.

Every page writes its settings into the address as the user changes them, and a
tab opened with such an address starts from them:

- every page: ``lang=id``
- Explore (``/``): ``scenario=funding_halved&seed=7&skill=0.6`` (any parameter; only
  values that differ from the scenario's own are written)
- Compare (``/compare``): ``a=baseline&b=funding_halved&reps=20&years=3&seed=1``, and
  edits of either side as ``a.skill=0.6`` or ``b.referral_agreement=true``
- Teach (``/teach``): ``step=3``

A value the address cannot give (an unknown scenario or parameter, a value out of
range) is skipped with a message naming it; everything else still applies.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qsl, urlencode

from model import PARAMETERS

from .i18n import LANGS

#: Keys that are not parameters, per page.
EXPLORE_KEYS = ("scenario", "seed")
COMPARE_KEYS = ("a", "b", "reps", "years", "seed")


def parse(search: str | None) -> dict[str, str]:
    """The address's query as a dict (the last value of a repeated key wins)."""
    return dict(parse_qsl((search or "").lstrip("?"), keep_blank_values=True))


def page_of(path: str) -> str:
    """"explore", "compare", "teach" or "" for the other pages."""
    return {"": "explore", "compare": "compare", "teach": "teach"}.get(path.strip("/"), "")


def write_value(value) -> str:
    """A parameter value as the address writes it (true/false, 0.6, 12)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value:g}" if isinstance(value, float) else str(value)


def read_value(name: str, text: str):
    """A parameter value from the address, or ValueError naming the problem."""
    param = PARAMETERS.get(name)
    if param is None:
        raise ValueError(f"unknown parameter {name!r}")
    if param.kind is bool:
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"{name}={text!r}: write true or false")
        return text.lower() in ("true", "1", "yes")
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name}={text!r} is not a number") from None
    try:
        return param.check(int(value) if param.kind is int and value.is_integer() else value)
    except Exception as err:  # ParameterError: out of range, not whole
        raise ValueError(str(err)) from None


def _edits(query: dict, prefix: str, skip: tuple) -> tuple[dict, list[str]]:
    """Parameter values given in the address (``prefix`` + name), and the problems."""
    values, problems = {}, []
    for key, text in query.items():
        if key == "lang" or key in skip or not key.startswith(prefix):
            continue
        try:
            values[key[len(prefix):]] = read_value(key[len(prefix):], text)
        except ValueError as err:
            problems.append(str(err))
    return values, problems


def _settings(name: str | None, seed: str | None, edits: dict, problems: list, base):
    """Settings of scenario ``name`` (else ``base``'s) with ``edits`` on top."""
    from experiments.spec import SpecError

    from .levers import changed_only, full_parameters
    from .live import Settings

    settings = base
    if name:
        try:
            settings = Settings.of_scenario(name, base.seed_text)
        except SpecError as err:
            problems.append(str(err))
    changes = changed_only(full_parameters({**settings.changes, **edits}))
    return replace(settings, changes=changes, seed_text=seed if seed is not None
                   else settings.seed_text)


def apply(session, path: str, search: str | None) -> list[str]:
    """Set up a new session from its address; returns the problems (one line each)."""
    query = parse(search)
    problems: list[str] = []
    if query.get("lang") in LANGS:
        session.lang.value = query["lang"]
    page = page_of(path)
    if page == "explore" and set(query) - {"lang"}:
        edits, problems = _edits(query, "", EXPLORE_KEYS)
        settings = _settings(query.get("scenario"), query.get("seed"), edits, problems,
                             session.live.settings.peek())
        session.live.apply(scenario=settings.scenario, changes=settings.changes,
                           events=settings.events, seed_text=settings.seed_text)
    elif page == "compare":
        setup = session.compare_setup.peek()
        sides = {}
        for side in ("a", "b"):
            edits, more = _edits(query, f"{side}.", ())
            problems += more
            sides[side] = _settings(query.get(side), None, edits, problems, getattr(setup, side))
        numbers = {}
        for key, low, high in (("reps", 5, 200), ("years", 1, 10)):
            if key in query:
                try:
                    numbers[key] = min(max(int(query[key]), low), high)
                except ValueError:
                    problems.append(f"{key}={query[key]!r} is not a whole number")
        seed = query.get("seed", setup.seed_text)
        session.compare_setup.value = replace(setup, a=sides["a"], b=sides["b"],
                                              seed_text=seed, **numbers)
    elif page == "teach" and "step" in query:
        try:
            session.teach_index.value = max(0, int(query["step"]))
        except ValueError:
            problems.append(f"step={query['step']!r} is not a whole number")
    return problems


def _side_query(settings, prefix: str) -> dict:
    """The edits of one scenario's settings, relative to its own preset."""
    from experiments.spec import load_scenario

    from .levers import full_parameters

    preset = full_parameters(dict(load_scenario(settings.scenario).parameters))
    now = settings.parameters
    return {prefix + k: write_value(now[k]) for k in sorted(now) if preset.get(k) != now[k]}


def query(session, path: str) -> str:
    """The address query for ``path`` from the session's state now."""
    out = {"lang": session.lang.value}
    page = page_of(path)
    if page == "explore":
        settings = session.live.settings.value
        out.update(scenario=settings.scenario, seed=settings.seed_text)
        out.update(_side_query(settings, ""))
    elif page == "compare":
        setup = session.compare_setup.value
        out.update(a=setup.a.scenario, b=setup.b.scenario, reps=str(setup.reps),
                   years=str(setup.years), seed=setup.seed_text)
        out.update(_side_query(setup.a, "a."))
        out.update(_side_query(setup.b, "b."))
    elif page == "teach":
        out["step"] = str(session.teach_index.value)
    return urlencode(out)
