"""Events in scenario files: settings that change in a given calendar year of a run.

A scenario (or sweep) file lists them as ``[[events]]`` tables::

    [[events]]
    year = 2027
    label = "Referral agreement signed"        # optional
    label_id = "Perjanjian rujukan ditandatangani"   # optional, Bahasa Indonesia
    set = { referral_agreement = true }

``apply_events(model, events)`` schedules each one with ``model.schedule_change``, so
the settings apply from the first week of that year on. Sweeps, ``run.py run`` and
the browser app read this one format; a bad event names the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from model import ParameterError, validate

#: Keys an event table may have.
EVENT_KEYS = ("year", "label", "label_id", "set")
#: Calendar years an event may name.
YEARS = (1900, 2200)


@dataclass(frozen=True)
class Event:
    """Settings (``changes``) applied from the first week of calendar ``year``."""

    year: int
    changes: dict
    label: dict = field(default_factory=dict)     # language -> text

    def title(self, lang: str = "en") -> str:
        """The label in ``lang`` (else English, else the settings written out)."""
        return self.label.get(lang) or self.label.get("en") or describe(self.changes)

    def as_dict(self) -> dict:
        """The event as plain data (for JSON sidecars and CSV headers)."""
        out = {"year": self.year, "set": dict(self.changes)}
        if self.label.get("en"):
            out["label"] = self.label["en"]
        if self.label.get("id"):
            out["label_id"] = self.label["id"]
        return out


def describe(changes: dict) -> str:
    """Settings as ``name=value`` pairs, in a stable order."""
    return ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}"
                     for k, v in sorted(changes.items()))


def _event_lines(text: str) -> list[int]:
    """The line (1-based) of each ``[[events]]`` header, in order."""
    return [text.count("\n", 0, m.start()) + 1
            for m in re.finditer(r"^[ \t]*\[\[[ \t]*events[ \t]*\]\]", text, re.MULTILINE)]


def parse_events(raw, path: Path | str = "<events>", text: str = "") -> tuple[Event, ...]:
    """Check the ``events`` list read from a TOML file; errors name file and line.

    Raises experiments.spec.SpecError.
    """
    from .spec import SpecError

    lines = _event_lines(text)
    if not isinstance(raw, list):
        raise SpecError(f"{path}: events must be written as [[events]] tables")
    out = []
    for i, item in enumerate(raw):
        where = f"{path}:{lines[i]}" if i < len(lines) else str(path)
        if not isinstance(item, dict):
            raise SpecError(f"{where}: an event must be a table with year and set")
        unknown = sorted(set(item) - set(EVENT_KEYS))
        if unknown:
            raise SpecError(f"{where}: unknown key {unknown[0]!r} in an event "
                            f"(an event has {', '.join(EVENT_KEYS)})")
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or \
                not YEARS[0] <= year <= YEARS[1]:
            raise SpecError(f"{where}: an event needs year = a calendar year in "
                            f"[{YEARS[0]}, {YEARS[1]}] (got {year!r})")
        changes = item.get("set")
        if not isinstance(changes, dict) or not changes:
            raise SpecError(f"{where}: an event needs set = {{ parameter = value, ... }} "
                            "with at least one parameter")
        try:
            validate(**changes)
        except ParameterError as err:
            raise SpecError(f"{where}: {err}") from None
        label = {}
        for key, lang in (("label", "en"), ("label_id", "id")):
            value = item.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise SpecError(f"{where}: {key} must be a non-empty text")
            if value:
                label[lang] = value.strip()
        out.append(Event(year, dict(changes), label))
    return tuple(sorted(out, key=lambda e: e.year))


def as_events(events) -> tuple[Event, ...]:
    """Events from Event objects or plain dicts (year, set, label, label_id)."""
    out = []
    for e in events or ():
        if isinstance(e, Event):
            out.append(e)
        else:
            out.extend(parse_events([dict(e)]))
    return tuple(out)


def apply_events(model, events) -> None:
    """Schedule every event on ``model`` (model.schedule_change validates the settings)."""
    for event in as_events(events):
        model.schedule_change(event.year, label=event.title("en"), **event.changes)
