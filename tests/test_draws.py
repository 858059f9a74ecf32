"""The model's own random draws and pooled ties give exactly the standard library's numbers.

They exist for speed (model/draws.py, model/agency.py: pooled_ties); a run must stay
the same number for number, so each is compared with the general function it stands
for, over many seeds and sizes.
"""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from model.agency import pooled_tie, pooled_ties
from model.draws import shuffled, weighted_choices


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
