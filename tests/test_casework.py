"""Casework bookkeeping: each week's entry flows add up, triage and intake follow their rules."""

import math

import pytest

from model import CollaborationModel
from model.agency import AGENCY_KEYS
from model.casework import admit, run_casework
from model.survivor import Survivor


def test_each_weeks_entries_add_up_to_its_incidents():
    # groups form early and reach many, so that every entry path is taken
    model = CollaborationModel(rng=4, incidents_per_week=30.0, group_reach=0.2,
                               cadre_yield=0.05, group_formation_rate=0.5)
    for _ in range(104):
        model.step()
        f = model.record
        assert f["incidents"] == f["sought_help"] + f["entry_community"] + f["unreached"]
        assert f["sought_help"] == f["entry_center"] + f["entry_police"] + f["entry_agency"]
        assert f["seen_by_agencies"] == f["entry_police"] + f["entry_agency"]
        assert f["referred"] == sum(f["referrals_" + key] for key in AGENCY_KEYS)
        # every help-seeker an agency saw was referred, or handled (or not) by the agency;
        # survivors the center sent back to an agency are counted there too
        assert f["seen_by_agencies"] == (f["referred"] + f["agency_served"]
                                         + f["agency_unserved"] - f["returned_to_agency"])
    frame = model.datacollector.get_model_vars_dataframe()
    for column in ("entry_community", "entry_police", "entry_agency", "entry_center",
                   "referred", "agency_served", "agency_unserved", "unreached"):
        assert frame[column].sum() > 0, column          # every path was taken


def test_triage_keeps_arrivals_on_the_list_until_the_expected_wait_passes_the_line():
    model = CollaborationModel(rng=1, triage_wait_weeks=6.0, service_weeks=21.0,
                               triage_keep_severity=0.9)
    center = model.center
    center.set_capacity(7.0)          # each one on the list adds 21 / 7 = 3 weeks, exactly
    arrivals = [Survivor(model, "domestic_or_other", 0.1, "self") for _ in range(10)]
    for worker in model.workers():
        worker.hours["casework"] = 0.0  # nobody is free: nobody is admitted
    run_casework(model, arrivals)
    # the i-th arrival finds i on the list: waits 0, 3 and 6 (the line itself, not over
    # it) are kept; 9 and more are triaged
    assert len(center.waiting) == 3
    assert model.flow["triaged"] == 7


def test_severe_arrivals_stay_on_a_full_list():
    model = CollaborationModel(rng=1, triage_keep_severity=0.9)
    center = model.center
    center.set_capacity(1.0)
    for worker in model.workers():
        worker.hours["casework"] = 0.0
    mild = [Survivor(model, "domestic_or_other", 0.1, "self") for _ in range(5)]
    severe = [Survivor(model, "domestic_or_other", 0.95, "self") for _ in range(3)]
    run_casework(model, mild + severe)
    assert list(center.waiting) == mild[:1] + severe


@pytest.mark.parametrize("seed", range(20))
def test_a_volunteer_given_a_case_at_intake_can_still_take_one_more(seed):
    model = CollaborationModel(rng=seed, n_staff=0, n_volunteers=1)
    volunteer = model.volunteers[0]
    volunteer.extra_case = True
    per_case = model.p.hours_per_case_week
    volunteer.hours["casework"] = 1.2 * per_case   # one case and a fifth: 1 or 2 at intake
    for _ in range(5):
        model.center.enqueue(Survivor(model, "domestic_or_other", 0.5, "self"))
    admit(model)
    # with one case from intake, 0.2 of a case is still free and she takes one more;
    # with two, she has none free
    assert volunteer.caseload == 2
    assert math.isclose(volunteer.free_case_hours(), -0.8 * per_case)


@pytest.mark.parametrize("seed", range(10))
def test_a_volunteer_after_staff_is_judged_on_her_own_free_hours(seed):
    model = CollaborationModel(rng=seed, n_staff=1, n_volunteers=1)
    staff, volunteer = model.staff[0], model.volunteers[0]
    volunteer.extra_case = True
    per_case = model.p.hours_per_case_week
    staff.hours["casework"] = 0.5 * per_case       # half a case free
    volunteer.hours["casework"] = 0.0              # no case time: she takes no extra case
    for _ in range(3):
        model.center.enqueue(Survivor(model, "domestic_or_other", 0.5, "self"))
    admit(model)
    assert volunteer.caseload == 0
