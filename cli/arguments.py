"""Argument types of the command line: each refuses a bad value with a message naming it."""

from __future__ import annotations

import argparse
from pathlib import Path

from model import PARAMETERS, SEED_MAX, validate
from model.parameters import MAX_YEARS


class UsageError(Exception):
    """Bad input on the command line: reported in one line, without a traceback."""


def parse_setting(text: str) -> tuple[str, object]:
    """Turn 'name=value' into (name, value) with the type the parameter needs."""
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name or not raw:
        raise UsageError(f"--set {text!r}: expected name=value, for example --set skill=0.8")
    param = PARAMETERS.get(name)
    if param is None:
        validate(**{name: raw})  # raises the standard unknown-parameter error
    if param.kind is bool:
        lowered = raw.lower()
        if lowered in ("true", "yes", "on", "1"):
            return name, True
        if lowered in ("false", "no", "off", "0"):
            return name, False
        raise UsageError(f"--set {name}={raw}: parameter {name!r} is a switch; use true or false")
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(
            f"--set {name}={raw}: parameter {name!r} needs a number in "
            f"{param.range_text()} ({param.unit})") from None
    if param.kind is int and value.is_integer():
        value = int(value)  # echoed as 3, not 3.0
    return name, value


def years(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of years") from None
    if not 0 < value <= MAX_YEARS:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text!r}: years must be in (0, {MAX_YEARS}]")
    return value


def seconds(text: str) -> float:
    """An argparse type: a time in seconds, above 0 and at most a day."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86400:
        raise argparse.ArgumentTypeError(f"{text!r}: seconds must be in (0, 86400]")
    return value


def whole(low: int, high: int, problem: str):
    """An argparse type: a whole number in [low, high], else ``problem`` in the message."""
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r}: {problem}")
        return value
    return convert


seed = whole(0, SEED_MAX, f"a seed is a whole number from 0 to 2^63-1 ({SEED_MAX})")
port = whole(1, 65535, "a port is between 1 and 65535")
#: A run lasts at most MAX_YEARS years from its start year, so it ends in that year + 199 at
#: the latest; the last year any run can reach is the highest start year's.
FIRST_YEAR = PARAMETERS["start_year"].low
LAST_YEAR = PARAMETERS["start_year"].high + MAX_YEARS - 1
calendar_year = whole(FIRST_YEAR, LAST_YEAR,
                      f"a calendar year from {FIRST_YEAR} (the founding) to {LAST_YEAR}; a run "
                      f"ends at most {MAX_YEARS - 1} years after its start year")
workers = whole(1, 4096, "the number of workers is between 1 and 4096")


def text(what: str):
    """An argparse type: a non-empty string (an empty one is a mistake, never a default)."""
    def convert(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError(f"{what} must not be empty")
        return value
    return convert


def path(value: str) -> Path:
    """An argparse type: a non-empty path ('' would silently mean the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path is not allowed; name a folder or file")
    return Path(value)
