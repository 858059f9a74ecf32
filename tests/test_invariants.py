"""Invariants that must hold in every run, over random valid parameters (hypothesis)."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import PARAMETERS, CollaborationModel, State
from model.calendar import WEEKS_PER_MONTH, WEEKS_PER_YEAR, rate_per_week
from model.center import SOURCES, USES
from model.survivor import TERMINAL, Survivor

#: Upper bounds for sizes, so that each example runs in well under a second; every
#: other parameter is drawn from its whole valid range. Cadres pile up week after week
#: (the yield is capped at 90 times the default). Donor cycles last one year, so that
#: every example runs through a cycle end: the run lasts a cycle and two weeks, which
#: also crosses the yearly reset of joint programs. A longer cycle ends by the same rule.
SIZE_CAPS = {"n_staff": 40, "n_volunteers": 60, "incidents_per_week": 60.0,
             "volunteer_recruits_per_year": 60.0, "cadres_per_group": 50, "start_year": 2030,
             "donor_cycle_years": 1, "cadre_yield": 0.1}
#: A staff member's planned weekly activities (they must fit into her hours).
PLANNED = ("admin_hours_per_week", "opportunity_hours_per_week", "campaign_hours_per_week",
           "socialization_hours_per_week")


def _value(p):
    if p.kind is bool:
        return st.booleans()
    high = SIZE_CAPS.get(p.name, p.high)
    if p.kind is int:
        return st.integers(int(p.low), int(high))
    return st.floats(p.low, high, allow_nan=False)


@st.composite
def valid_parameters(draw):
    values = {name: draw(_value(p)) for name, p in PARAMETERS.items()}
    values["entry_agency"] = min(values["entry_agency"], 1.0 - values["entry_police"])
    # bring the cross-parameter constraints into line (model.parameters.CONSTRAINTS)
    planned = (sum(values[k] for k in PLANNED)
               + values["meetings_per_month"] * values["meeting_hours"] / WEEKS_PER_MONTH)
    if planned > values["staff_hours_per_week"]:
        shrink = 0.99 * values["staff_hours_per_week"] / planned
        for k in PLANNED + ("meetings_per_month",):
            values[k] *= shrink
    values["hours_cut_weeks"] = min(values["hours_cut_weeks"], values["reserve_weeks"])
    values["cadres_per_group"] = min(values["cadres_per_group"], values["group_members"])
    return values


def check_invariants(model: CollaborationModel, incidents_so_far: int,
                     funds_before: float | None = None) -> None:
    """The invariants after a week; ``funds_before`` is the balance a week earlier."""
    center = model.center
    # every survivor in exactly one state, counts conserved
    counts = model.survivor_counts()
    assert sum(counts.values()) == incidents_so_far
    survivors = model.agents_by_type.get(Survivor)
    alive = list(survivors) if survivors is not None else []
    assert len(alive) == counts["waiting"] + counts["in_service"]   # no survivor in two states
    assert all(n >= 0 for n in counts.values())
    waiting = list(center.waiting)
    assert len(set(map(id, waiting))) == len(waiting)
    assert all(s.state is State.WAITING and s.worker is None for s in waiting)
    assert not set(map(id, waiting)) & set(map(id, center.in_service))
    workers = set(map(id, model.workers()))
    for s in center.in_service:
        assert s.state is State.IN_SERVICE
        assert id(s.worker) in workers and s in s.worker.cases
    assert sum(w.caseload for w in model.workers()) == len(center.in_service)
    # the survivors still alive are those on the list or in service: a case that ended left
    assert set(map(id, alive)) == set(map(id, waiting)) | set(map(id, center.in_service))
    assert all(s.state not in TERMINAL for s in alive)
    # trust, ties and probabilities within [0, 1]
    for agency in model.agency_list:
        assert 0.0 <= agency.trust <= 1.0
        assert 0.0 <= agency.tie <= 1.0
        assert 0.0 <= agency.referral_probability() <= 1.0
    for w in model.workers():
        assert all(0.0 <= t <= 1.0 for t in w.ties)
        assert 0.0 <= w.skill <= 1.0 and 0.0 <= w.commitment <= 1.0 and 0.0 <= w.dedication <= 1.0
        # hours conserved: a worker's week adds up to the hours she had, none negative
        assert all(h >= 0.0 for h in w.hours.values())
        assert math.isclose(sum(w.hours.values()), w.week_hours, rel_tol=1e-9, abs_tol=1e-9)
    for v in model.volunteers:
        assert 0.0 <= v.burnout <= 1.0
    assert 0.0 <= center.awareness <= 1.0
    # funds accounted: income minus spending equals the change in balance
    assert center.funds >= 0.0
    assert math.isclose(center.funds - model.p.initial_funds,
                        center.income_total - center.spending_total, rel_tol=1e-9, abs_tol=1e-6)
    rec = model.record
    if funds_before is not None:
        check_weekly_ledger(model, funds_before)
    assert 0.0 <= center.paid_share <= 1.0
    assert model.n_groups <= model.p.kecamatan_reached * model.p.groups_per_kecamatan
    # no negative counts; shares within [0, 1]
    for name, value in model.record.items():
        if isinstance(value, float) and math.isnan(value):
            assert name in ("referral_uptake", "mean_wait")
            continue
        assert value >= 0, name
    uptake = model.record["referral_uptake"]
    assert math.isnan(uptake) or 0.0 <= uptake <= 1.0


def check_weekly_ledger(model: CollaborationModel, funds_before: float) -> None:
    """The week's change in funds is its income by source less its spending by use,
    and each source paid what its own rule pays (nothing when it has nothing to pay)."""
    rec, p = model.record, model.p
    income = sum(rec["income_" + source] for source in SOURCES)
    spending = sum(rec[use] for use in USES)
    assert math.isclose(model.center.funds - funds_before, income - spending,
                        rel_tol=1e-9, abs_tol=1e-6)
    assert math.isclose(rec["income_donor"],
                        rec["donor_share"] * rate_per_week(p.donor_grant_per_year),
                        rel_tol=1e-12, abs_tol=1e-12)         # donor_share is 0 when inactive
    assert math.isclose(rec["income_small_grants"], rec["small_grants"] * p.small_grant_value,
                        rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(rec["income_joint_programs"],
                        rec["joint_programs"] * p.joint_program_value,
                        rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(rec["income_donations"],
                        rate_per_week(p.donations_per_year)
                        * (1.0 + p.donation_awareness_effect * rec["awareness"]),
                        rel_tol=1e-12, abs_tol=1e-12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=valid_parameters(), seed=st.integers(0, 2**32 - 1))
def test_invariants_hold_for_any_valid_parameters(params, seed):
    model = CollaborationModel(rng=seed, **params)
    incidents = reviews = 0
    check_invariants(model, incidents)
    for _ in range(model.p.donor_cycle_years * WEEKS_PER_YEAR + 2):
        funds = model.center.funds
        model.step()
        incidents += model.record["incidents"]
        reviews += model.record["grant_renewed"] + model.record["grant_lost"]
        check_invariants(model, incidents, funds)
    if model.p.donor_grant_per_year > 0:
        assert reviews >= 1           # the donor active from the start came to its review


def test_invariants_hold_over_a_long_baseline_run():
    model = CollaborationModel(rng=11)
    incidents = 0
    for _ in range(5 * 52):
        funds = model.center.funds
        model.step()
        incidents += model.record["incidents"]
        check_invariants(model, incidents, funds)
