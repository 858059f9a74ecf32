"""The model's short path for Mesa's agent registration (CollaborationModel.register_agent).

While nothing listens, agents join and leave without Mesa's signal and log line;
these tests check that this changes nothing Mesa or a listener would see.
"""

import logging

import mesa
from mesa.experimental.mesa_signals import ModelSignals

from model import CollaborationModel
from model.model import SHORT_REGISTRY
from model.survivor import Survivor


def registry(model) -> tuple:
    """Everything Mesa's registration keeps: ids and types in order, overall and by type."""
    everyone = tuple((type(a).__name__, a.unique_id) for a in model.agents)
    by_type = tuple((kind.__name__, tuple(a.unique_id for a in members))
                    for kind, members in model.agents_by_type.items())
    return everyone, by_type, model.agent_id_counter


def test_the_short_path_is_on_with_the_mesa_it_was_checked_against():
    assert SHORT_REGISTRY == mesa.__version__.startswith("3.5.")


def test_short_path_leaves_the_registry_mesas_own_path_leaves_for_joins_and_leaves():
    for seed in (3, 8):
        heard = []

        def listen(signal):
            heard.append(signal.signal_type)

        quiet = CollaborationModel(rng=seed).run(4)
        watched = CollaborationModel(rng=seed)
        watched.observe("agents", ModelSignals.AGENT_ADDED, listen)     # Mesa's path for joining
        watched.observe("agents", ModelSignals.AGENT_REMOVED, listen)   # and for leaving
        watched.run(4)
        assert {ModelSignals.AGENT_ADDED, ModelSignals.AGENT_REMOVED} <= set(heard)
        assert registry(quiet) == registry(watched)
        assert quiet.datacollector.get_model_vars_dataframe().equals(
            watched.datacollector.get_model_vars_dataframe())


def test_an_observer_hears_every_survivor_who_joins_and_leaves():
    model = CollaborationModel(rng=5).run(1)
    added, removed = [], []

    def joined(signal):
        added.append(signal)

    def left(signal):
        removed.append(signal)

    # Mesa keeps only weak references to handlers: these live as long as the test
    model.observe("agents", ModelSignals.AGENT_ADDED, joined)
    model.observe("agents", ModelSignals.AGENT_REMOVED, left)
    counter, present = model.agent_id_counter, len(model.agents)
    model.run(2)
    assert len(added) == model.agent_id_counter - counter > 0
    assert len(added) - len(removed) == len(model.agents) - present
    assert any(isinstance(s.additional_kwargs["args"][0], Survivor) for s in removed)


def test_an_observer_of_leaving_alone_hears_everyone_who_leaves():
    model = CollaborationModel(rng=5).run(1)
    left = []

    def listen(signal):
        left.append(signal.additional_kwargs["args"][0])

    model.observe("agents", ModelSignals.AGENT_REMOVED, listen)
    before = {a.unique_id for a in model.agents}
    counter = model.agent_id_counter
    model.run(1)
    after = {a.unique_id for a in model.agents}
    joined = set(range(counter, model.agent_id_counter))
    assert {a.unique_id for a in left} == (before | joined) - after
    assert any(isinstance(a, Survivor) for a in left)


def test_joins_in_a_signal_batch_reach_an_observer_who_subscribes_before_it_ends():
    model = CollaborationModel(rng=6).run(1)
    added = []

    def listen(signal):
        added.append(signal)

    counter = model.agent_id_counter
    with model.batch():
        model.step()
        model.observe("agents", ModelSignals.AGENT_ADDED, listen)
    assert model.agent_id_counter > counter and added


def test_with_mesas_debug_log_on_each_join_and_leave_is_logged(caplog):
    model = CollaborationModel(rng=2)
    Survivor(model, "domestic_or_other", 0.5, "self").remove()   # survivors have a set now
    with caplog.at_level(logging.DEBUG, logger="MESA"):
        survivor = Survivor(model, "domestic_or_other", 0.5, "self")
        survivor.remove()
    text = caplog.text
    assert f"registered Survivor with agent_id {survivor.unique_id}" in text
    assert f"deregistered agent with agent_id {survivor.unique_id}" in text
