"""Time in the model: one step is one week; every week constant lives here."""

import math

WEEKS_PER_YEAR = 52
WEEKS_PER_QUARTER = 13
MONTHS_PER_YEAR = 12
WEEKS_PER_MONTH = WEEKS_PER_YEAR / MONTHS_PER_YEAR


def per_week(chance_per_year: float) -> float:
    """Chance per week of an event with the given chance per year (compounded)."""
    return 1.0 - (1.0 - chance_per_year) ** (1.0 / WEEKS_PER_YEAR)


def rate_per_week(count_per_year: float) -> float:
    """Mean count per week of something that happens ``count_per_year`` times a year."""
    return count_per_year / WEEKS_PER_YEAR


def monthly_to_weekly(amount_per_month: float) -> float:
    """A monthly amount (a salary) spread over the weeks of a year."""
    return amount_per_month * MONTHS_PER_YEAR / WEEKS_PER_YEAR


def calendar_year(start_year: int, step: int) -> int:
    """Calendar year of ``step``: row 0 is the start, step s >= 1 is the s-th week."""
    return start_year + max(0, step - 1) // WEEKS_PER_YEAR


def week_of_year(step: int) -> int:
    """Week 1..52 within its calendar year of step s >= 1 (0 for the start row)."""
    return 0 if step <= 0 else (step - 1) % WEEKS_PER_YEAR + 1


def weeks_in(years: float) -> int:
    """Whole weekly steps in ``years``."""
    return int(round(years * WEEKS_PER_YEAR))


def stochastic_round(random, x: float) -> int:
    """Round ``x`` down or up at random so that the mean is ``x``."""
    whole = math.floor(x)
    return whole + (random.random() < x - whole)
