"""One test (or a few) per rule: the direction of its effect and its bounds."""

import pytest

from helpers import run_weeks, total
from model import CollaborationModel
from model.habitus import NEUTRAL, draw
from model.survivor import State
from model.trust import beta_trust, forget
from model.workers import Staff, Volunteer


# --- trust (Beta reputation) -------------------------------------------------------
def test_beta_trust_direction_and_bounds():
    assert beta_trust(0, 0, 0.3, 2) == pytest.approx(0.3)          # no experience: base rate
    assert beta_trust(5, 0, 0.3, 2) > beta_trust(1, 0, 0.3, 2)     # good experience raises it
    assert beta_trust(1, 5, 0.3, 2) < beta_trust(1, 1, 0.3, 2)     # bad experience lowers it
    for r, s in [(0, 0), (1e6, 0), (0, 1e6), (3, 7)]:
        assert 0.0 <= beta_trust(r, s, 0.3, 2) <= 1.0


def test_without_contact_trust_decays_to_base_rate():
    good = 20.0
    for _ in range(500):
        good = forget(good, 0.0, 0.98)
    assert beta_trust(good, 0, 0.3, 2) == pytest.approx(0.3, abs=1e-3)


def test_meetings_raise_trust_and_their_absence_lets_it_fall():
    met = run_weeks(104, rng=3)
    apart = run_weeks(104, rng=3, meetings_per_month=0, forum_attendance=0,
                      campaign_hours_per_week=0)
    assert met.record["mean_trust"] > apart.record["mean_trust"]


# --- referral decision ------------------------------------------------------------------
def test_referral_probability_rises_with_trust_tie_and_met_request():
    model = CollaborationModel(rng=1)
    agency = model.agency_list[0]
    agency.trust, agency.tie, agency.request_met = 0.5, 0.5, True
    base = agency.referral_probability()
    agency.trust = 0.9
    assert agency.referral_probability() > base
    agency.trust, agency.tie = 0.5, 0.9
    assert agency.referral_probability() > base
    agency.tie, agency.request_met = 0.5, False
    assert agency.referral_probability() < base
    for trust in (0.0, 1.0):
        for tie in (0.0, 1.0):
            for met in (False, True):
                agency.trust, agency.tie, agency.request_met = trust, tie, met
                assert 0.0 <= agency.referral_probability() <= 1.0


def test_referral_agreement_makes_every_request_meet_requirements():
    model = run_weeks(60, rng=2, referral_agreement=True, skill=0.0)
    assert total(model, "requests_made") > 0
    assert total(model, "requests_met") == total(model, "requests_made")
    unskilled = run_weeks(60, rng=2, skill=0.0)
    assert total(unskilled, "requests_made") > 0
    assert total(unskilled, "requests_met") == 0


# --- ties (network capital) ---------------------------------------------------------------
def test_contact_strengthens_tie_and_is_good_experience():
    model = CollaborationModel(rng=1)
    member = model.staff[0]
    agency = model.agency_list[2]
    before = member.ties[2]
    member.contact(agency)
    assert before < member.ties[2] <= 1.0
    assert agency.new_good == pytest.approx(model.p.contact_evidence)


def test_ties_decay_without_contact():
    model = CollaborationModel(rng=1, initial_tie_share=1.0)
    member = model.staff[0]
    before = list(member.ties)
    member.decay_ties()
    assert all(0 <= b < a for a, b in zip(before, member.ties))


def test_departing_staff_take_their_ties():
    model = CollaborationModel(rng=1, n_staff=2, initial_tie_share=0.0)
    keeper, leaver = model.staff
    leaver.ties[0] = 0.9
    keeper.ties[0] = 0.1
    model.update_trust_and_ties(model.staff)
    assert model.agency_list[0].tie == pytest.approx(0.9)
    model.depart(leaver)
    model.update_trust_and_ties(model.staff)
    assert model.agency_list[0].tie == pytest.approx(0.1)


# --- opportunity analysis and joint programs (skill) ----------------------------------------
def test_skill_wins_more_joint_programs():
    wins = {skill: sum(total(run_weeks(104, rng=s, skill=skill), "joint_programs")
                       for s in range(5)) for skill in (0.2, 0.9)}
    assert wins[0.9] > wins[0.2]


# --- conflicts and accountability ----------------------------------------------------------------
def test_full_accountability_means_no_conflicts():
    assert total(run_weeks(104, rng=4, accountability=1.0, conflict_rate_per_year=52), "conflicts") == 0


def test_no_accountability_brings_conflicts_that_cut_ties():
    model = CollaborationModel(rng=4, accountability=0.0, conflict_rate_per_year=52,
                               initial_tie_share=1.0)
    staff = model.staff
    before = sum(sum(s.ties) for s in staff)
    model.raise_conflicts(staff)
    assert model.flow["conflicts"] > 0
    assert sum(sum(s.ties) for s in staff) < before
    assert model.center.conflicts_in_grant_year == model.flow["conflicts"]


# --- funding ----------------------------------------------------------------------------------------
def test_accountable_center_keeps_its_donor():
    model = run_weeks(5 * 52, rng=5, accountability=1.0, conflict_rate_per_year=0.0)
    assert total(model, "grant_lost") == 0
    assert total(model, "grant_renewed") == 5   # one renewal at the end of each year


def test_no_reports_and_no_floor_lose_the_donor_at_year_end():
    model = run_weeks(52, rng=5, accountability=0.0, donor_renewal_floor=0.0)
    assert total(model, "grant_lost") == 1
    assert model.center.donor_active is False


def test_shortfall_cuts_staff_and_funds_never_go_negative():
    model = CollaborationModel(rng=6, initial_funds=10.0, donor_grant_per_year=0.0,
                               joint_program_value=0.0)
    for _ in range(10):
        model.step()
        assert model.center.funds >= 0.0
    assert total(model, "staff_laid_off") > 0
    assert len(model.staff) < 8


# --- volunteers -----------------------------------------------------------------------------------------
def test_dedication_damps_leaving_when_funds_are_short():
    model = CollaborationModel(rng=1)
    volunteer = model.volunteers[0]
    model.funds_short = False
    volunteer.dedication = 0.2
    calm = volunteer.leaving_chance(0.01)
    model.funds_short = True
    low = volunteer.leaving_chance(0.01)
    volunteer.dedication = 0.9
    high = volunteer.leaving_chance(0.01)
    assert calm < high < low <= 1.0


def test_overload_builds_burnout_and_rest_relieves_it():
    model = CollaborationModel(rng=1, volunteer_exit_per_year=0.0, burnout_gain=0.2)
    volunteer = model.volunteers[0]
    volunteer.cases = [object()] * 5      # far more than her time allows
    volunteer.step()
    assert 0.0 < volunteer.burnout <= 1.0
    loaded = volunteer.burnout
    volunteer.cases = []
    volunteer.step()
    assert 0.0 <= volunteer.burnout < loaded


# --- community field --------------------------------------------------------------------------------------
def test_no_socialization_no_cadres():
    model = run_weeks(3 * 52, rng=7, socialization_hours_per_week=0.0, volunteer_outreach_share=0.0)
    assert model.record["cadres"] == 0 and model.record["groups"] == 0


def test_socialization_builds_cadres_and_groups_that_identify_cases():
    model = run_weeks(4 * 52, rng=7, cadre_yield=0.01)
    assert model.record["groups"] > 0
    groups = model.groups
    assert all(1 <= len(g.members) <= model.p.cadres_per_group for g in groups)
    assert total(model, "entry_community") > 0
    none = run_weeks(4 * 52, rng=7, cadre_yield=0.0)
    assert total(none, "entry_community") == 0


# --- casework ---------------------------------------------------------------------------------------------------
def test_capacity_limits_intake_and_survivors_wait():
    roomy = run_weeks(52, rng=8)
    tight = run_weeks(52, rng=8, hours_per_case_week=40.0)
    assert total(tight, "intake") < total(roomy, "intake")
    assert total(tight, "wait_weeks") > total(roomy, "wait_weeks")


def test_certain_dropout_empties_the_waiting_list_each_week():
    model = run_weeks(30, rng=8, hours_per_case_week=40.0, dropout_per_week=1.0)
    assert all(s.weeks_waited == 0 for s in model.center.waiting)
    assert total(model, "dropped_out") > 0


def test_commitment_gives_better_outcomes():
    model = run_weeks(60, rng=9, commitment=1.0, outcome_floor=0.0)
    assert total(model, "closed_poor") == 0 and total(model, "closed_good") > 0
    careless = run_weeks(60, rng=9, commitment=0.0, outcome_floor=0.0)
    assert total(careless, "closed_good") == 0 and total(careless, "closed_poor") > 0


def test_departing_worker_returns_cases_to_the_front_of_the_queue():
    model = run_weeks(20, rng=10)
    worker = next(w for w in model.workers() if w.cases)
    cases = list(worker.cases)
    model.depart(worker)
    assert all(s.state is State.WAITING and s.worker is None for s in cases)
    assert list(model.center.waiting)[:len(cases)] == cases
    assert not any(s in model.center.in_service for s in cases)


# --- habitus ---------------------------------------------------------------------------------------------
def test_habitus_draws_stay_in_bounds_and_switch_to_neutral():
    model = CollaborationModel(rng=1)
    for mean in (0.0, 0.3, 1.0):
        x = draw(model.random, mean, 10.0)
        assert 0.0 <= x <= 1.0
    assert draw(model.random, 0.9, 10.0, used=False) == NEUTRAL
    off = CollaborationModel(rng=1, use_skill=False, use_commitment=False,
                             use_volunteerism=False, use_accountability=False)
    for w in off.workers():
        assert w.skill == w.commitment == w.dedication == NEUTRAL
    assert off.accountability == NEUTRAL


def test_staff_time_budget_gives_cases_what_is_left():
    model = CollaborationModel(rng=1, meetings_per_month=0, forums_per_year=0,
                               opportunity_hours_per_week=0, campaign_hours_per_week=0,
                               socialization_hours_per_week=0, admin_hours_per_week=10,
                               hours_per_case_week=5)
    member = model.staff[0]
    member.step()
    assert member.case_slots == pytest.approx((40 - 10) / 5)
    busy = CollaborationModel(rng=1, admin_hours_per_week=80)
    busy.staff[0].step()
    assert busy.staff[0].case_slots == 0.0


def test_volunteer_and_staff_kinds():
    model = CollaborationModel(rng=1, n_staff=3, n_volunteers=4)
    assert len(model.staff) == 3 and all(isinstance(s, Staff) for s in model.staff)
    assert len(model.volunteers) == 4 and all(isinstance(v, Volunteer) for v in model.volunteers)
    assert len(model.agency_list) == 8


# --- interventions during a run -------------------------------------------------------------
def test_change_applies_validated_parameters_from_the_next_week():
    model = run_weeks(10, rng=12)
    model.change(meetings_per_month=0.0, forum_attendance=0.0, accountability=1.0)
    assert model.p.meetings_per_month == 0.0 and model.accountability == 1.0
    model.step()
    assert model.record["forums_attended"] == 0
    with pytest.raises(Exception, match="'skill' = 3"):
        model.change(skill=3)
    assert model.p.skill == 0.6        # a refused change leaves the parameters as they were


def test_lose_staff_removes_the_longest_serving_and_their_ties():
    model = run_weeks(52, rng=13)
    oldest = model.staff[:3]
    assert model.lose_staff(3) == 3
    assert not any(s in model.staff for s in oldest)
    assert len(model.staff) == 5
    assert model.lose_staff(50) == 5 and model.staff == []
