"""The model's own random draws and pooled ties give exactly the standard library's numbers.

They exist for speed (model/draws.py, pooled_ties, column_sums); a run must stay
the same number for number, so each is compared with the general function it stands
for, over many seeds and sizes.
"""

import random
from functools import reduce
from itertools import accumulate
from operator import add

from hypothesis import given, settings
from hypothesis import strategies as st

from model import CollaborationModel
from model.agency import pooled_tie, pooled_ties
from model.draws import cumulative_weighted_choices, shuffled, weighted_choices
from model.reporters import column_sums


@given(seed=st.integers(0, 2**63 - 1), n=st.integers(0, 300))
@settings(max_examples=200, deadline=None)
def test_shuffled_is_random_sample_of_everything(seed, n):
    items = list(range(n))
    ours, theirs = random.Random(seed), random.Random(seed)
    assert shuffled(ours, items) == theirs.sample(items, n)
    assert ours.random() == theirs.random()          # the generator is left in the same state
    assert items == list(range(n))                   # the input is not changed


@given(seed=st.integers(0, 2**63 - 1), k=st.integers(1, 20),
       weights=st.lists(st.floats(0.01, 10.0), min_size=1, max_size=40))
@settings(max_examples=200, deadline=None)
def test_weighted_choices_is_random_choices(seed, k, weights):
    population = [f"a{i}" for i in range(len(weights))]
    ours, theirs = random.Random(seed), random.Random(seed)
    assert weighted_choices(ours, population, weights, k) == theirs.choices(
        population, weights=weights, k=k)
    assert ours.random() == theirs.random()


@given(seed=st.integers(0, 2**63 - 1), k=st.integers(1, 20),
       weights=st.lists(st.floats(0.01, 10.0), min_size=1, max_size=40))
@settings(max_examples=200, deadline=None)
def test_cumulative_weighted_choices_is_random_choices_with_cum_weights(seed, k, weights):
    population = [f"a{i}" for i in range(len(weights))]
    cum = list(accumulate(weights))
    ours, theirs = random.Random(seed), random.Random(seed)
    assert cumulative_weighted_choices(ours, population, cum, k) == theirs.choices(
        population, cum_weights=cum, k=k)
    assert ours.random() == theirs.random()


def test_a_workers_cumulative_contact_weights_add_her_contact_weights_in_agency_order():
    model = CollaborationModel(rng=4).run(2)
    for worker in model.team():
        weights = [worker.contact_weight(agency) for agency in model.agency_list]
        assert worker.cumulative_contact_weights() == list(accumulate(weights))


@given(rows=st.integers(1, 60), seed=st.integers(0, 2**32 - 1),
       pooling=st.sampled_from([0.0, 0.25, 0.5, 1.0]), zeros=st.floats(0.0, 1.0))
@settings(max_examples=200, deadline=None)
def test_pooled_ties_equal_pooled_tie_for_every_agency(rows, seed, pooling, zeros):
    r = random.Random(seed)
    ties = [[0.0 if r.random() < zeros else r.random() for _ in range(8)] for _ in range(rows)]
    by_agency = list(zip(*ties))
    assert pooled_ties(ties, pooling) == [pooled_tie(column, pooling) for column in by_agency]


def test_pooled_ties_of_nobody_is_empty():
    assert pooled_ties([], 0.5) == []


@given(rows=st.lists(st.lists(st.floats(0.0, 80.0), min_size=9, max_size=9), max_size=80))
@settings(max_examples=200, deadline=None)
def test_column_sums_add_row_after_row_like_reduce(rows):
    expected = [reduce(add, column, 0.0) for column in zip(*rows)] if rows else [0.0] * 9
    assert column_sums(rows, 9) == expected


def test_column_sums_of_many_rows_keep_the_order_of_addition():
    """numpy must not switch to pairwise summation for long columns (a 100x population)."""
    r = random.Random(5)
    rows = [[r.random() * 10 ** r.randint(-3, 3) for _ in range(9)] for _ in range(5000)]
    assert column_sums(rows, 9) == [reduce(add, column, 0.0) for column in zip(*rows)]
