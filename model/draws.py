"""Random draws the weekly rules make many times, as the standard library makes them.

Each function consumes the generator exactly as the ``random.Random`` method it
names does, so a run is the same number for number; it only skips the
argument checks and the general cases those methods carry
(tests/test_draws.py compares both over many seeds and sizes).
"""

from bisect import bisect
from itertools import accumulate


def shuffled(random, items) -> list:
    """``items`` in random order: ``random.sample(items, len(items))``.

    For a whole population the standard library always takes its pool branch:
    the i-th pick is a uniform index below n - i (from getrandbits, retried
    when out of range), and the last item of the pool takes the picked place.
    """
    getrandbits = random.getrandbits
    pool = list(items)
    order = []
    for m in range(len(pool), 0, -1):
        bits = m.bit_length()
        j = getrandbits(bits)
        while j >= m:
            j = getrandbits(bits)
        order.append(pool[j])
        pool[j] = pool[m - 1]
    return order


def weighted_choices(random, population, weights, k: int = 1) -> list:
    """``k`` draws with replacement by weight: ``random.choices(population, weights, k=k)``.

    Weights are summed in order and one uniform number per draw finds its place
    among the cumulative sums.
    """
    return cumulative_weighted_choices(random, population, [*accumulate(weights)], k)


def cumulative_weighted_choices(random, population, cum_weights: list, k: int = 1) -> list:
    """``k`` draws with replacement: ``random.choices(population, cum_weights=cum_weights, k=k)``.

    One uniform number per draw, scaled to the last running total, finds its
    place among the running totals.
    """
    hi = len(cum_weights) - 1
    total = cum_weights[hi] + 0.0
    if k == 1:             # the common case, without a loop
        return [population[bisect(cum_weights, random.random() * total, 0, hi)]]
    draw = random.random
    return [population[bisect(cum_weights, draw() * total, 0, hi)] for _ in range(k)]
