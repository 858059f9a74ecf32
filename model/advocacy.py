"""Advocacy in the province and city fields (finding 1) and conflict (finding 2.3).

Each rule here decides what happens and calls the intent-named methods of the
people and agencies whose state changes.
"""

from .agency import pooled_ties
from .calendar import rate_per_week
from .draws import weighted_choices
from .habitus import accountability, tie_strength


def attend_forums(model) -> None:
    """Agencies host discussion forums; the center sends a staff member or volunteer.

    The one who goes is drawn in proportion to her tie to the agency plus a
    floor (people go where they are known), or is a player who set hours aside
    for forums. Attending books the forum's hours and is a contact (finding 1).
    """
    p = model.p
    r = model.random
    people = model.team()
    chance = rate_per_week(p.forums_per_year)
    for agency in model.agency_list:
        if r.random() < chance and people and r.random() < p.forum_attendance:
            players = [w for w in people if getattr(w, "plan", None)
                       and w.plan.get("forums", 0.0) >= p.forum_hours]
            if players:
                attendee = players[0]
            else:
                weights = [w.contact_weight(agency) for w in people]
                attendee = weighted_choices(r, people, weights)[0]
            attendee.book("forums", p.forum_hours)
            attendee.meet(agency)
            model.flow["forums_attended"] += 1


def request_success(p, skill: float, tie: float) -> float:
    """Chance that a request (or proposal) meets an agency's requirements.

    Skill (finding 2.1) and knowing the agency's contact (finding 1):
    skill + (1 - skill) x tie_access x tie.
    """
    return skill + (1.0 - skill) * p.tie_access * tie_strength(p, tie)


def renew_referral_requests(model) -> None:
    """Ask agencies for referrals, meeting their requirements (findings 1 and 2.1).

    When a request is due, the staff member with the strongest tie to the
    agency prepares it (a volunteer when no staff are left); it meets the
    requirements with chance request_success, or always under a referral
    agreement (MoU).
    """
    p = model.p
    week = model.steps
    authors = model.staff or model.volunteers
    for agency in model.agency_list:
        if week < agency.request_due:
            continue
        if not authors:
            agency.lapse_request()
            continue
        i = agency.index
        author = max(authors, key=lambda w: w.ties[i])
        author.book("requests", p.request_hours)
        met = p.referral_agreement or model.random.random() < request_success(
            p, author.skill, author.ties[i])
        agency.receive_request(met)
        model.flow["requests_made"] += 1
        model.flow["requests_met"] += met


def judge_proposal(model, author, agency) -> None:
    """An agency judges a joint-program proposal found by opportunity analysis.

    It is won with chance trust x request_success(skill, tie): the agency must
    trust the center (2.4), and skill (2.1) and knowing its people (finding 1)
    help. A won program brings funds and is a good experience for the agency.
    """
    if not agency.open_program():
        return
    p = model.p
    model.flow["proposals"] += 1
    chance = agency.trust * request_success(p, author.skill, author.ties[agency.index])
    if model.random.random() < chance:
        model.center.receive(p.joint_program_value, "joint_programs")
        agency.start_program()
        model.flow["joint_programs"] += 1


def run_campaigns(model) -> None:
    """Campaigns raise public awareness and reach policymakers (finding 1).

    Awareness A grows by campaign_gain per hour towards 1 and decays weekly;
    policymakers' good experience grows with campaign time (one contact's
    worth per agency for a full working week of campaigning).
    """
    p = model.p
    hours = model.campaign_hours
    model.center.run_campaign(min(1.0, p.campaign_gain * hours), p.awareness_decay)
    reach = p.contact_evidence * min(1.0, hours / p.staff_hours_per_week)
    if reach > 0:
        for agency in model.agency_list:
            agency.record_experience(good=reach)


def raise_conflicts(model) -> None:
    """Conflicts with agencies, kept down by accountability (finding 2.3).

    Weekly chance per agency: conflict_rate/52 x (1 - accountability) x
    (1 + joint programs running with it); the last factor is an assumption (more
    joint work, more occasions for friction). A conflict is bad experience for the
    agency, weakens every personal tie to it and counts against donor renewal.
    """
    p = model.p
    r = model.random
    base = rate_per_week(p.conflict_rate_per_year) * (1.0 - accountability(p))
    people = model.team()
    for agency in model.agency_list:
        if r.random() < min(1.0, base * (1 + len(agency.programs_active))):
            agency.record_experience(bad=p.conflict_evidence)
            for person in people:
                person.weaken_tie(agency, p.conflict_tie_damage)
            model.donor.note_conflict()
            model.flow["conflicts"] += 1


def update_trust_and_ties(model) -> None:
    """Agencies fold the week's experience into trust and pool the ties of the center's people.

    Network capital is held by people, staff and volunteers alike (finding 1):
    it leaves with them.
    """
    team = model.team()
    pooled = pooled_ties([w.ties for w in team], model.p.tie_pooling) if team else None
    for agency in model.agency_list:
        agency.update_trust()
        agency.set_pooled_tie(pooled[agency.index] if pooled else 0.0)
