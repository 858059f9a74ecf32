"""Events in scenario files: parsed with file:line errors, applied in their calendar year."""

from __future__ import annotations

import pytest

from experiments.events import apply_events, parse_events
from experiments.spec import SpecError, load_scenario, load_sweep
from model import WEEKS_PER_YEAR, CollaborationModel

SCENARIO = """\
title.en = "Agreement later"
title.id = "Perjanjian kemudian"
description.en = "The agreement is signed in 2001."
description.id = "Perjanjian ditandatangani pada 2001."

[parameters]
skill = 0.6

[[events]]
year = 2001
label = "Referral agreement signed"
label_id = "Perjanjian rujukan ditandatangani"
set = { referral_agreement = true }
"""


def write(tmp_path, text, name="later.toml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_scenario_events_apply_from_their_calendar_year(tmp_path):
    scenario = load_scenario(write(tmp_path, SCENARIO))
    assert [e.year for e in scenario.events] == [2001]
    model = CollaborationModel(rng=3, **scenario.parameters)
    apply_events(model, scenario.events)
    start = model.p.start_year
    model.run(2001 - start - 0.5)
    assert model.p.referral_agreement is False          # not in 2000
    model.run(0.5 + 1 / WEEKS_PER_YEAR)
    assert model.year == 2001 and model.p.referral_agreement is True
    entry = model.change_log[-1]
    assert entry["year"] == 2001 and entry["label"] == "Referral agreement signed"


@pytest.mark.parametrize("event, message", [
    ('year = 2001\nset = { skill = 7 }', "skill"),
    ('year = "soon"\nset = { skill = 0.5 }', "calendar year"),
    ('year = 2001', "set ="),
    ('year = 2001\nset = { skill = 0.5 }\nwhen = 3', "unknown key 'when'"),
])
def test_a_bad_event_names_the_file_line_and_problem(tmp_path, event, message):
    text = SCENARIO.split("[[events]]")[0] + "[[events]]\n" + event + "\n"
    path = write(tmp_path, text)
    with pytest.raises(SpecError) as err:
        load_scenario(path)
    line = text.splitlines().index("[[events]]") + 1
    assert f"{path}:{line}:" in str(err.value) and message in str(err.value)


def test_sweeps_carry_the_events_of_their_scenario_and_their_own(tmp_path):
    scenario = write(tmp_path, SCENARIO)
    sweep = write(tmp_path, f'design = "factorial"\nscenario = "{scenario}"\n'
                            '[parameters]\nskill = [0.3, 0.6]\n'
                            '[[events]]\nyear = 2002\nset = { meetings_per_month = 0 }\n',
                  "sweep.toml")
    loaded = load_sweep(sweep)
    assert [(e.year, e.changes) for e in loaded.events] == [
        (2001, {"referral_agreement": True}), (2002, {"meetings_per_month": 0})]


def test_events_given_as_plain_data_are_checked_too():
    with pytest.raises(SpecError, match="skill"):
        parse_events([{"year": 2001, "set": {"skill": -1}}])
