"""Invariants that must hold in every run, over random valid parameters (hypothesis)."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import PARAMETERS, CollaborationModel, State
from model.calendar import WEEKS_PER_MONTH
from model.center import SOURCES, USES
from model.survivor import TERMINAL, Survivor

#: Upper bounds for sizes, so that each example runs in well under a second; every
#: other parameter is drawn from its whole valid range.
SIZE_CAPS = {"n_staff": 40, "n_volunteers": 60, "incidents_per_week": 60.0,
             "volunteer_recruits_per_year": 60.0, "cadres_per_group": 50, "start_year": 2030}
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


def check_invariants(model: CollaborationModel, incidents_so_far: int) -> None:
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
    assert all(state not in TERMINAL for state in (State.WAITING, State.IN_SERVICE))
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
    # ... and across sources: the week's income and spending are the sums by source and use
    rec = model.record
    assert math.isclose(rec["income"], sum(rec["income_" + k] for k in SOURCES), abs_tol=1e-9)
    assert math.isclose(rec["spending"], sum(rec[k] for k in USES), abs_tol=1e-9)
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


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=valid_parameters(), seed=st.integers(0, 2**32 - 1))
def test_invariants_hold_for_any_valid_parameters(params, seed):
    model = CollaborationModel(rng=seed, **params)
    incidents = 0
    check_invariants(model, incidents)
    for _ in range(40):
        model.step()
        incidents += model.record["incidents"]
        check_invariants(model, incidents)


def test_invariants_hold_over_a_long_baseline_run():
    model = CollaborationModel(rng=11)
    incidents = 0
    for _ in range(5 * 52):
        model.step()
        incidents += model.record["incidents"]
        check_invariants(model, incidents)
