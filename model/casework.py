"""Casework: incidents, help-seeking, agency referral, triage and the center's intake."""

from bisect import bisect
from heapq import heapify, heapreplace

from .calendar import stochastic_round
from .survivor import State, Survivor


def generate_incidents(model) -> list:
    """Incidents, help-seeking and entry points; returns survivors arriving at the center.

    A survivor seeks help with chance help_seeking, raised by campaign
    awareness (finding 1: campaigns). One who does not may still be
    identified by a community group (finding 1: cadres and groups). A
    help-seeker's first contact is the police, an agency or the center; agencies
    are chosen by their entry weight (the provincial UPTD PPA sees most).
    """
    p = model.p
    draw = model.random.random
    seek = p.help_seeking + (1.0 - p.help_seeking) * p.awareness_effect * model.center.awareness
    identify = 1.0 - (1.0 - p.group_reach) ** model.n_groups
    police_cut = p.entry_police
    agency_cut = p.entry_police + p.entry_agency
    province_share = p.police_province_share
    agencies = model.agencies
    service_agencies = model.service_agencies
    cum = model.service_cum_weights     # one draw by entry weight, as random.choices makes it
    total_weight, last = cum[-1], len(cum) - 1
    arrivals = []
    n = int(model.rng.poisson(p.incidents_per_week))
    # the week's entries and ends are counted here and added up once (whole numbers)
    by_community = by_police = by_agency = by_center = 0
    referred = served = unserved = unreached = 0
    for _ in range(n):
        if draw() >= seek:
            if draw() < identify:
                by_community += 1
                arrivals.append(arrive(model, "community"))
            else:
                unreached += 1
            continue
        u = draw()
        if u >= agency_cut:
            by_center += 1
            arrivals.append(arrive(model, "self"))
            continue
        if u < police_cut:
            by_police += 1
            agency = agencies["police_province" if draw() < province_share else "police_city"]
        else:
            by_agency += 1
            agency = service_agencies[bisect(cum, draw() * total_weight, 0, last)]
        # the agency refers her to the center, handles the case itself, or cannot
        if agency_refers(model, agency):
            referred += 1
            arrivals.append(arrive(model, agency.key))
        elif agency.serve_itself():
            served += 1
        else:
            unserved += 1
    flow = model.flow
    flow["incidents"] += n
    flow["entry_community"] += by_community
    flow["sought_help"] += by_police + by_agency + by_center
    flow["entry_center"] += by_center
    flow["entry_police"] += by_police
    flow["entry_agency"] += by_agency
    flow["seen_by_agencies"] += by_police + by_agency
    flow["referred"] += referred
    for state, count in ((State.UNREACHED, unreached), (State.AGENCY_SERVED, served),
                         (State.AGENCY_UNSERVED, unserved)):
        if count:
            model.finish(state, count)
    return arrivals


def agency_refers(model, agency) -> bool:
    """An agency sees a survivor: she counts in its seen column; returns whether it refers
    her to the center (Agency.decides_to_refer), counted in its referral column."""
    flow = model.flow
    flow[agency.seen_column] += 1
    if agency.decides_to_refer():
        flow[agency.referrals_column] += 1
        return True
    return False


def arrive(model, source: str) -> Survivor:
    """A survivor reaches the center; case type and severity are drawn now."""
    draw = model.random.random
    case_type = "sexual_violence" if draw() < model.p.sexual_violence_share else "domestic_or_other"
    return Survivor(model, case_type, draw(), source)


def run_casework(model, arrivals: list) -> None:
    """Accompaniments end; waiting survivors may give up; arrivals are triaged; intake.

    Agencies see what happens to the survivors they referred: a survivor who
    gives up waiting, or waits longer than the agency accepts, is bad experience
    for it (design process 8).
    """
    center = model.center
    draw = model.random.random
    p = model.p
    for survivor in list(center.in_service):
        if draw() < survivor.close_prob:
            close_case(model, survivor)
    waiting = center.waiting
    if waiting:
        dropout, tolerance = p.dropout_per_week, p.wait_tolerance_weeks
        kept = []
        for survivor in waiting:
            agency = survivor.agency
            if draw() < dropout:
                model.end_case(survivor, State.DROPPED_OUT)
                if agency is not None:
                    agency.record_refusal()
            else:
                if survivor.wait_a_week() > tolerance and agency is not None:
                    agency.record_long_wait()
                kept.append(survivor)
        if len(kept) < len(waiting):
            center.keep_waiting(kept)
    if p.triage:
        keep_severity = p.triage_keep_severity
        # the list only grows while arrivals are triaged, so once full, full for the rest
        is_full = False
        for survivor in arrivals:
            if survivor.severity < keep_severity and (is_full or full(model)):
                is_full = True
                refer_on(model, survivor)
            else:
                center.enqueue(survivor)
    else:
        for survivor in arrivals:
            center.enqueue(survivor)
    admit(model)


def full(model) -> bool:
    """Whether the expected wait for a new arrival exceeds triage_wait_weeks."""
    p = model.p
    return model.center.expected_wait(p) > p.triage_wait_weeks


def refer_on(model, survivor) -> None:
    """Triage: the center refers a survivor on instead of putting her on a long list.

    One an agency referred goes back to it, which it takes as a refusal (her case
    is the one it already counted); one who came by herself or through a group goes
    to LBH Padang (the center's legal-aid partner) for sexual violence, or to the
    provincial UPTD PPA otherwise, where she is a case it receives.
    """
    model.flow["triaged"] += 1
    agency = survivor.agency
    if agency is None and survivor.case_type == "sexual_violence":
        model.end_case(survivor, State.REFERRED_ON)
        return
    if agency is None:
        agency = model.agencies["uptd_ppa_province"]
        model.flow[agency.seen_column] += 1
    else:
        agency.record_refusal()
    model.flow["returned_to_agency"] += 1
    model.end_case(survivor, State.AGENCY_SERVED if agency.serve_itself()
                   else State.AGENCY_UNSERVED)


def admit(model) -> None:
    """Admit waiting survivors into the casework hours that are free.

    The free hours of all staff and volunteers are pooled; the number of new
    cases is free hours / hours_per_case_week, rounded up or down at random so
    that capacity has no steps. Each goes to the person with the most free
    hours. While survivors still wait, each volunteer who chooses to (by
    dedication, finding 2.2) and still has some case time free takes one whole
    case more than that time covers.
    """
    center = model.center
    waiting = center.waiting
    if not waiting:
        return
    workers = model.team()
    per_case = model.p.hours_per_case_week
    free = [w.free_case_hours() for w in workers]
    total = sum([h for h in free if h > 0])
    n = min(stochastic_round(model.random, total / per_case), len(waiting))
    if n > 0:
        # the most free hours first, the earlier in the list on a tie (as max() picks);
        # only those with free hours can be picked (n > 0: someone has some)
        most_free = [(-h, i) for i, h in enumerate(free) if h > 0]
        heapify(most_free)
        took = []
        for _ in range(n):
            i = most_free[0][1]
            if free[i] <= 0:
                break
            start_case(model, center.next_waiting(), workers[i])
            free[i] -= per_case
            heapreplace(most_free, (-free[i], i))
            took.append(i)
        for i in took:      # their free hours as free_case_hours() gives them now, to the bit
            free[i] = workers[i].free_case_hours()
    if waiting:
        volunteers = model.volunteers
        first = len(workers) - len(volunteers)     # the team lists staff, then volunteers
        for volunteer, free_hours in zip(volunteers, free[first:]):
            if not waiting:
                break
            # some of her case time is still free, but less than a whole case needs
            if 0 < free_hours < per_case and volunteer.takes_extra_case():
                start_case(model, center.next_waiting(), volunteer)


def start_case(model, survivor, worker) -> None:
    """A survivor is taken into accompaniment (or back into it) by ``worker``."""
    model.center.start_service(survivor)
    if survivor.assign(worker):
        flow = model.flow
        flow["intake"] += 1
        flow["wait_weeks"] += survivor.weeks_waited
        if survivor.case_type == "sexual_violence":
            flow["intake_sexual_violence"] += 1


def close_case(model, survivor) -> None:
    """End an accompaniment; the outcome feeds the referring agency's trust.

    Commitment to survivors (finding 2.4): a good outcome is more likely the
    more committed the worker; agencies trust the center for it.
    """
    p = model.p
    good = model.random.random() < (
        p.outcome_floor + (1.0 - p.outcome_floor) * survivor.worker.commitment)
    agency = survivor.agency
    if agency is not None:
        if good:
            agency.record_experience(good=p.outcome_evidence)
        else:
            agency.record_experience(bad=p.outcome_evidence)
    survivor.release()
    model.center.end_service(survivor)
    model.end_case(survivor, State.CLOSED_GOOD if good else State.CLOSED_POOR)


def return_to_waiting(model, worker) -> None:
    """A departing worker's survivors go back to the front of the waiting list."""
    center = model.center
    for survivor in reversed(list(worker.cases)):
        survivor.return_to_waiting()
        center.end_service(survivor)
        center.requeue(survivor)
