"""Settings in the address: a link or reload gives the same run on every page."""

import pytest

pytest.importorskip("solara", reason="the app's packages (solara) are not installed")

from viz import address  # noqa: E402
from viz.session import Session  # noqa: E402


def test_an_explore_address_gives_exactly_that_run():
    session = Session()
    problems = address.apply(session, "/", "lang=id&scenario=funding_halved&seed=7&skill=0.7")
    assert problems == [] and session.lang.value == "id"
    settings = session.live.settings.value
    assert settings.scenario == "funding_halved" and settings.seed_text == "7"
    from experiments.spec import load_scenario

    halved = load_scenario("funding_halved").parameters["donor_grant_per_year"]
    assert session.live.model.p.skill == 0.7 and session.live.model.p.donor_grant_per_year == halved
    assert address.parse(address.query(session, "/")) == {
        "lang": "id", "scenario": "funding_halved", "seed": "7", "skill": "0.7"}


def test_the_address_written_by_a_session_restores_it_in_a_new_one():
    first = Session()
    first.live.select_scenario("referral_agreement")
    first.live.set_parameter("referral_agreement", False)
    first.live.set_parameter("n_staff", 6)
    first.live.set_seed("11")
    search = address.query(first, "/")
    second = Session()
    assert address.apply(second, "/", search) == []
    assert second.live.settings.value == first.live.settings.value


def test_compare_and_teach_addresses_round_trip():
    first = Session()
    address.apply(first, "/compare", "a=baseline&b=funding_halved&reps=40&years=4&seed=3"
                                     "&b.referral_agreement=true")
    setup = first.compare_setup.value
    assert (setup.a.scenario, setup.b.scenario, setup.reps, setup.years, setup.seed_text) == \
        ("baseline", "funding_halved", 40, 4, "3")
    assert setup.b.parameters["referral_agreement"] is True
    second = Session()
    address.apply(second, "/compare", address.query(first, "/compare"))
    assert second.compare_setup.value == setup
    teach = Session()
    address.apply(teach, "/teach", "step=3&lang=id")
    assert teach.teach_index.value == 3 and address.parse(address.query(teach, "/teach")) == {
        "lang": "id", "step": "3"}


def test_a_bad_value_in_the_address_is_named_and_the_rest_still_applies():
    session = Session()
    problems = address.apply(session, "/", "seed=5&skill=7&colour=red&scenario=funding_halved")
    assert len(problems) == 2
    assert "skill" in problems[0] and "colour" in problems[1]
    assert session.live.settings.value.scenario == "funding_halved"
    assert session.live.settings.value.seed_text == "5"
