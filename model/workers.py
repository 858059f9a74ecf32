"""The center's people: staff and volunteers (findings 1 and 2 of the study)."""

import math

from mesa import Agent

from .habitus import draw


def weekly(rate_per_year: float) -> float:
    """Chance per week of an event with the given chance per year."""
    return 1.0 - (1.0 - rate_per_year) ** (1.0 / 52.0)


def stochastic_round(random, x: float) -> int:
    """Round ``x`` down or up at random so that the mean is ``x``."""
    whole = math.floor(x)
    return whole + (random.random() < x - whole)


#: What a staff member's week can go to (a player's plan uses these keys, in hours).
ACTIVITIES = ("casework", "meetings", "forums", "proposals", "outreach", "reports")


class Worker(Agent):
    """Someone who can accompany survivors: a staff member or a volunteer."""

    def __init__(self, model):
        super().__init__(model)
        p = model.p
        r = model.random
        self.skill = draw(r, p.skill, p.habitus_concentration, p.use_skill)
        self.commitment = draw(r, p.commitment, p.habitus_concentration, p.use_commitment)
        self.dedication = draw(r, p.volunteerism, p.habitus_concentration, p.use_volunteerism)
        self.cases = []            # survivors this person accompanies now
        self.case_slots = 0.0      # cases this person has time for this week
        self.cases_taken = 0       # survivors taken into accompaniment so far
        self.meetings_held = 0     # meetings and forums attended so far

    @property
    def caseload(self) -> int:
        return len(self.cases)

    def leaving_chance(self, base_per_week: float) -> float:
        """Weekly chance of leaving: the base rate, raised while funds are short.

        Volunteerism (finding 2.2): dedicated people stay although the center
        cannot promise incentives, so the rise is scaled by (1 - dedication).
        """
        model = self.model
        short = model.funds_short
        factor = 1.0 + model.p.shortfall_exit_factor * (1.0 - self.dedication) * short
        return min(1.0, base_per_week * factor)


class Staff(Worker):
    """A paid staff member: advocacy towards agencies, community work and casework.

    Holds personal ties to agency contacts (network capital, finding 1): one
    strength in [0, 1] per agency, in ``model.agency_list`` order.
    """

    def __init__(self, model, founding: bool = False):
        super().__init__(model)
        p = model.p
        r = model.random
        self.ties = [
            p.initial_tie_strength if founding and r.random() < p.initial_tie_share else 0.0
            for _ in model.agency_list
        ]
        self.booked_hours = 0.0    # forum and request hours booked for this week
        self.plan = None           # a player's hours by activity (None: the model's rules)
        self.meet_with = None      # a player's choice of agency key for meetings

    def step(self) -> None:
        """Split the week's time among the activities of finding 1; cases get the rest."""
        p = self.model.p
        hours = p.staff_hours_per_week - p.admin_hours_per_week - self.booked_hours
        self.booked_hours = 0.0
        if self.plan is not None:
            self.follow_plan(max(0.0, hours))
            return
        hours -= self.hold_meetings(hours)
        hours -= self.analyse_opportunities(min(hours, p.opportunity_hours_per_week))
        campaign = max(0.0, min(hours, p.campaign_hours_per_week))
        self.model.campaign_hours += campaign
        hours -= campaign
        social = max(0.0, min(hours, p.socialization_hours_per_week))
        self.model.socialization_effort += social * self.skill
        hours -= social
        self.case_slots = max(0.0, hours) / p.hours_per_case_week
        self.decay_ties()

    def follow_plan(self, hours: float) -> None:
        """Spend the week as a player chose: hours by activity, scaled to what is free."""
        p = self.model.p
        plan = {k: max(0.0, float(self.plan.get(k, 0.0))) for k in ACTIVITIES}
        total = sum(plan.values())
        scale = min(1.0, hours / total) if total > 0 else 0.0
        plan = {k: v * scale for k, v in plan.items()}
        n = int(plan["meetings"] // p.meeting_hours)
        keys = self.model.agencies
        for _ in range(n):
            agency = keys.get(self.meet_with) if self.meet_with else None
            self.contact(agency or self.model.random.choice(self.model.agency_list))
        self.analyse_opportunities(plan["proposals"])
        self.model.socialization_effort += plan["outreach"] * self.skill
        self.case_slots = plan["casework"] / p.hours_per_case_week
        self.decay_ties()

    def hold_meetings(self, hours: float) -> float:
        """Face-to-face meetings with agency contacts (finding 1); returns hours used.

        The contact is chosen in proportion to tie strength plus a floor, so
        staff meet mostly those they know but also reach new agencies.
        """
        model = self.model
        p = model.p
        n = stochastic_round(model.random, p.meetings_per_month * 12.0 / 52.0)
        n = min(n, int(max(0.0, hours) // p.meeting_hours))
        if n <= 0:
            return 0.0
        weights = [t + 0.2 for t in self.ties]
        for agency in model.random.choices(model.agency_list, weights=weights, k=n):
            self.contact(agency)
        return n * p.meeting_hours

    def contact(self, agency) -> None:
        """A meeting or forum: the tie grows and the agency has a good experience."""
        p = self.model.p
        i = agency.index
        self.ties[i] += p.tie_gain * (1.0 - self.ties[i])
        agency.new_good += p.contact_evidence
        agency.contacts += 1
        self.meetings_held += 1

    def analyse_opportunities(self, hours: float) -> float:
        """Funding-opportunity analysis (finding 1, skill finding 2.1); returns hours used.

        Skilled staff find more openings in agency programs; a proposal is won
        with chance skill x the agency's trust.
        """
        if hours <= 0.0:
            return 0.0
        model = self.model
        p = model.p
        r = model.random
        if r.random() < 1.0 - math.exp(-p.opportunity_rate * self.skill * hours):
            open_agencies = [a for a in model.agency_list if a.programs_left > 0]
            if open_agencies:
                agency = r.choice(open_agencies)
                agency.programs_left -= 1
                model.flow["proposals"] += 1
                if r.random() < self.skill * agency.trust:
                    model.win_joint_program(agency)
        return hours

    def decay_ties(self) -> None:
        """Ties weaken without contact."""
        keep = 1.0 - self.model.p.tie_decay
        self.ties = [t * keep for t in self.ties]

    def turnover_chance(self) -> float:
        return self.leaving_chance(self.model.weekly_turnover)


class Volunteer(Worker):
    """An unpaid volunteer: accompaniment and community outreach, at risk of burnout."""

    def __init__(self, model):
        super().__init__(model)
        self.burnout = 0.0
        self.extra_case = None     # a player's choice to take one more case (None: the rule)

    def takes_extra_case(self) -> bool:
        """One more case beyond her time: by dedication (finding 2.2), or as a player chose."""
        if self.extra_case is not None:
            return bool(self.extra_case)
        return self.model.random.random() < self.dedication

    def step(self) -> None:
        """Give time by dedication; overload builds burnout; leave by the rule of finding 2.2.

        Burnout grows with the share of case work beyond the volunteer's case
        time, falls without overload, and at 1 the volunteer leaves.
        """
        model = self.model
        p = model.p
        hours = p.volunteer_hours_per_week * self.dedication
        outreach = hours * p.volunteer_outreach_share
        model.socialization_effort += outreach * self.skill
        case_hours = hours - outreach
        self.case_slots = case_hours / p.hours_per_case_week
        needed = self.caseload * p.hours_per_case_week
        if needed > case_hours:
            overload = min(1.0, (needed - case_hours) / max(case_hours, 1e-9))
            self.burnout = min(1.0, self.burnout + p.burnout_gain * overload)
        else:
            self.burnout -= p.burnout_recovery * self.burnout
        if self.burnout >= 1.0 or model.random.random() < self.leaving_chance(
                model.weekly_volunteer_exit * (1.0 - self.dedication)):
            model.depart(self)
