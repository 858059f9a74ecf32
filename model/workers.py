"""The center's people: staff and volunteers (findings 1 and 2 of the study).

Both hold personal ties to agency contacts (network capital belongs to staff
*and* volunteers, finding 1) and split their weekly hours over the uses in
TIME_USES; whatever is not used otherwise goes to casework.
"""

from itertools import accumulate
from math import exp

from mesa import Agent

from .calendar import WEEKS_PER_MONTH, stochastic_round
from .draws import cumulative_weighted_choices
from .habitus import draw_person, in_effect

#: What a player's plan for a staff member can give hours to.
ACTIVITIES = ("casework", "meetings", "forums", "proposals", "outreach", "reports")
#: Every use of a worker's week; the hours of a week always add up to what she had.
TIME_USES = ("admin", "forums", "requests", "reports", "meetings", "proposals",
             "campaigns", "outreach", "casework")
NO_HOURS = dict.fromkeys(TIME_USES, 0.0)
#: Weight of an agency nobody knows yet when choosing whom to meet (tie strength + this).
NEW_CONTACT_WEIGHT = 0.2


class Worker(Agent):
    """Someone who can accompany survivors and hold ties: a staff member or a volunteer."""

    def __init__(self, model):
        super().__init__(model)
        self.drawn = draw_person(model.random, model.p)   # her habitus as drawn
        self.apply_habitus()
        self.ties = [0.0] * len(model.agency_list)   # one strength per agency, in list order
        self.cases = []            # survivors this person accompanies now
        self.hours = NO_HOURS.copy()   # this week's hours by use, keyed in TIME_USES order
        self.week_hours = 0.0      # the hours she had this week (they add up to this)
        self.booked = dict.fromkeys(("forums", "requests", "reports"), 0.0)
        self.cases_taken = 0       # survivors taken into accompaniment so far
        self.meetings_held = 0     # meetings, forums and coordination contacts so far

    def apply_habitus(self) -> None:
        """Skill, commitment and dedication as the rules use them (switches applied)."""
        self.skill, self.commitment, self.dedication = in_effect(self.drawn, self.model.p)

    @property
    def caseload(self) -> int:
        return len(self.cases)

    @property
    def case_slots(self) -> float:
        """Cases this person's casework hours cover this week (a fraction, not rounded)."""
        return self.hours["casework"] / self.model.p.hours_per_case_week

    def free_case_hours(self) -> float:
        """Casework hours not yet taken by her open cases (negative when overloaded)."""
        return self.hours["casework"] - len(self.cases) * self.model.p.hours_per_case_week

    def take_case(self, survivor, first_intake: bool) -> None:
        """She accompanies ``survivor`` now; a first intake counts as a case taken."""
        self.cases.append(survivor)
        if first_intake:
            self.cases_taken += 1

    def drop_case(self, survivor) -> None:
        """She no longer accompanies ``survivor`` (the case ended or passed to someone else)."""
        self.cases.remove(survivor)

    # --- ties (network capital) --------------------------------------------------------------
    def meet(self, agency) -> None:
        """A meeting, forum or case contact: the tie grows and the agency has a good experience."""
        ties = self.ties
        i = agency.index
        tie = ties[i]
        ties[i] = tie + self.model.p.tie_gain * (1.0 - tie)
        agency.record_contact()
        self.meetings_held += 1

    def weaken_tie(self, agency, share: float) -> None:
        """Lose ``share`` of the tie to ``agency`` (a conflict)."""
        self.ties[agency.index] *= 1.0 - share

    def decay_ties(self) -> None:
        """Ties weaken without contact."""
        keep = 1.0 - self.model.p.tie_decay
        ties = self.ties
        if any(ties):
            self.ties = [t * keep for t in ties]

    def contact_weight(self, agency) -> float:
        """How likely she is to be the one who goes to ``agency``: known contacts first."""
        return self.ties[agency.index] + NEW_CONTACT_WEIGHT

    def cumulative_contact_weights(self) -> list[float]:
        """Running totals of ``contact_weight`` over ``model.agency_list`` (her ties' order).

        The cumulative weights of a draw of whom to meet, added in that order.
        """
        return list(accumulate([tie + NEW_CONTACT_WEIGHT for tie in self.ties]))

    # --- the week --------------------------------------------------------------------------------
    def book(self, use: str, hours: float) -> None:
        """Reserve hours of this week for a forum, a referral request or a report."""
        self.booked[use] += hours

    def start_week(self, available: float) -> float:
        """Open the week with ``available`` hours: booked hours first; returns what is left."""
        self.hours = hours = NO_HOURS.copy()
        self.week_hours = available
        left = available
        booked = self.booked
        if booked["forums"] or booked["requests"] or booked["reports"]:
            for use, wanted in booked.items():
                given = wanted if wanted < left else left
                hours[use] = given
                left -= given
                booked[use] = 0.0
        return left

    def spend(self, use: str, hours: float, left: float) -> float:
        """Give up to ``hours`` of what is ``left`` to ``use``; returns what is left after."""
        given = hours if hours < left else left
        if given > 0.0:
            self.hours[use] += given
            return left - given
        return left

    def leaving_chance(self, base_per_week: float) -> float:
        """Weekly chance of leaving: the base rate, raised while funds are short.

        Volunteerism (finding 2.2): dedicated people stay although the center
        cannot promise incentives, so the rise is scaled by (1 - dedication).
        """
        model = self.model
        chance = base_per_week
        if model.center.funds_short:   # (otherwise the factor below is exactly 1.0)
            chance *= 1.0 + model.p.shortfall_exit_factor * (1.0 - self.dedication)
        return chance if chance < 1.0 else 1.0

    def coordinate_cases(self) -> None:
        """Accompanying a survivor an agency referred brings contact with its people."""
        model = self.model
        chance = model.p.case_contact_per_week
        random = model.random.random
        for survivor in self.cases:
            agency = survivor.agency
            if agency is not None and random() < chance:
                self.meet(agency)


class Staff(Worker):
    """A paid staff member: advocacy towards agencies, community work and casework."""

    def __init__(self, model, founding: bool = False):
        super().__init__(model)
        p = model.p
        if founding:
            r = model.random
            self.ties = [p.initial_tie_strength if r.random() < p.initial_tie_share else 0.0
                         for _ in model.agency_list]
        self.plan = None           # a player's hours by activity (None: the model's rules)
        self.meet_with = None      # a player's choice of agency key for meetings

    def available_hours(self) -> float:
        """Paid hours, plus the unpaid rest of her contract in proportion to her dedication.

        While hours are cut or salaries unpaid, dedicated staff keep working
        (volunteerism, finding 2.2).
        """
        model = self.model
        paid = model.center.paid_share
        return model.p.staff_hours_per_week * (paid + (1.0 - paid) * self.dedication)

    def step(self) -> None:
        """Split the week's hours over the activities of finding 1; casework gets the rest.

        Office work comes first, then meetings, opportunity analysis, campaigns and
        socialization; under a long waiting list part of the last three goes to
        casework instead (casework_priority).
        """
        model = self.model
        p = model.p
        left = self.start_week(self.available_hours())
        if self.plan is not None:
            self.follow_plan(left)
        else:
            hours = self.hours
            admin = p.admin_hours_per_week
            if left <= admin:       # min(admin hours, left), as min() picks on a tie
                admin = left
            hours["admin"] = admin
            left = self.hold_meetings(left - admin)
            keep = 1.0 - p.casework_priority * model.center.pressure
            left = self.analyse_opportunities(p.opportunity_hours_per_week * keep, left)
            campaigns = p.campaign_hours_per_week * keep
            campaigns = campaigns if campaigns < left else left
            hours["campaigns"] = campaigns
            left -= campaigns
            outreach = p.socialization_hours_per_week * keep
            outreach = outreach if outreach < left else left
            hours["outreach"] = outreach
            hours["casework"] = left - outreach
        if self.cases:
            self.coordinate_cases()
        self.decay_ties()

    def follow_plan(self, left: float) -> None:
        """Spend the week as a player chose: hours by activity, scaled to what is free.

        Forum hours say she is ready to go when an agency hosts a forum (the
        forum books its own time); hours she did not plan go to casework.
        """
        plan = {k: max(0.0, float(self.plan.get(k, 0.0))) for k in ACTIVITIES}
        wanted = sum(plan[k] for k in ACTIVITIES if k != "forums")
        scale = min(1.0, left / wanted) if wanted > 0 else 0.0
        before = left
        left = self.spend("reports", plan["reports"] * scale, left)
        self.model.center.add_report_hours(before - left)
        left = self.hold_meetings(left, plan["meetings"] * scale)
        left = self.analyse_opportunities(plan["proposals"] * scale, left)
        left = self.spend("outreach", plan["outreach"] * scale, left)
        self.spend("casework", left, left)

    def hold_meetings(self, left: float, hours: float | None = None) -> float:
        """Face-to-face meetings with agency contacts (finding 1); returns hours left.

        By the rule, meetings_per_month on average, with contacts chosen in
        proportion to tie strength plus a floor: staff meet mostly those they
        know but also reach new agencies. A player picks the agency herself.
        """
        model = self.model
        p = model.p
        if hours is None:
            n = stochastic_round(model.random, p.meetings_per_month / WEEKS_PER_MONTH)
        else:
            n = int(hours / p.meeting_hours + 1e-9)
        most = int(left / p.meeting_hours + 1e-9)   # whole meetings that fit in what is left
        if most < n:
            n = most
        if n <= 0:
            return left
        chosen = model.agencies.get(self.meet_with) if self.meet_with else None
        if chosen is not None:
            targets = [chosen] * n
        else:
            targets = cumulative_weighted_choices(model.random, model.agency_list,
                                                  self.cumulative_contact_weights(), n)
        for agency in targets:
            self.meet(agency)
        return self.spend("meetings", n * p.meeting_hours, left)

    def analyse_opportunities(self, hours: float, left: float) -> float:
        """Funding-opportunity analysis (finding 1, skill 2.1); returns hours left.

        Skilled staff find more openings in agency programs: a search of h hours
        finds one with chance 1 - exp(-rate x skill x h). The proposal is then
        judged by the agency (CollaborationModel.judge_proposal).
        """
        if left < hours:
            hours = left
        if not hours > 0.0:        # nothing free (max(0, min(hours, left)) would be 0)
            return left
        model = self.model
        found = model.random.random() < 1.0 - exp(-model.p.opportunity_rate * self.skill * hours)
        if found:
            open_agencies = [a for a in model.agency_list if a.programs_left > 0]
            if open_agencies:
                model.judge_proposal(self, model.random.choice(open_agencies))
        return self.spend("proposals", hours, left)

    def turnover_chance(self) -> float:
        return self.leaving_chance(self.model.weekly_turnover)


class Volunteer(Worker):
    """An unpaid volunteer: accompaniment and community outreach, at risk of burnout.

    A laid-off staff member who stays on as a volunteer (``former`` given)
    keeps her habitus and her ties (finding 2.2).
    """

    def __init__(self, model, former: Staff | None = None):
        super().__init__(model)
        self.burnout = 0.0
        self.extra_case = None     # a player's choice to take one more case (None: the rule)
        self.former_staff = former is not None
        if former is not None:
            self.drawn = former.drawn
            self.apply_habitus()
            self.ties = list(former.ties)
            self.meetings_held = former.meetings_held
            self.cases_taken = former.cases_taken

    def available_hours(self) -> float:
        """Time given by dedication; a laid-off staff member who stayed on gives more."""
        p = self.model.p
        hours = p.former_staff_hours_per_week if self.former_staff else p.volunteer_hours_per_week
        return hours * self.dedication

    def step(self) -> None:
        """Give time by dedication: booked forums first, then outreach, then casework."""
        model = self.model
        p = model.p
        available = self.available_hours()
        left = self.start_week(available)
        outreach = available * p.volunteer_outreach_share
        outreach = outreach if outreach < left else left
        hours = self.hours
        hours["outreach"] = outreach
        hours["casework"] = left - outreach
        if self.cases:
            self.coordinate_cases()
        self.decay_ties()

    def takes_extra_case(self) -> bool:
        """One more case beyond her time: by dedication (finding 2.2), or as a player chose."""
        if self.extra_case is not None:
            return bool(self.extra_case)
        return self.model.random.random() < self.dedication

    def tire_or_rest(self) -> bool:
        """Burnout grows with case work beyond her case time and falls without it.

        Returns whether she leaves: at full burnout, or by the exit rule of
        finding 2.2 (dedicated volunteers stay).
        """
        model = self.model
        p = model.p
        case_hours = self.hours["casework"]
        needed = len(self.cases) * p.hours_per_case_week
        if needed > case_hours:
            overload = (needed - case_hours) / (case_hours if case_hours > 1e-9 else 1e-9)
            burnout = self.burnout + p.burnout_gain * (overload if overload < 1.0 else 1.0)
            self.burnout = burnout = burnout if burnout < 1.0 else 1.0
        else:
            self.burnout = burnout = self.burnout - p.burnout_recovery * self.burnout
        return burnout >= 1.0 or model.random.random() < self.leaving_chance(
            model.weekly_volunteer_exit * (1.0 - self.dedication))

