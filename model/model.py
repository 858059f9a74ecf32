"""CollaborationModel: a women's crisis center building collaboration to handle GBV cases."""

import inspect

from mesa import Model

from .advocacy import AdvocacyMixin
from .agency import AGENCY_KINDS, FIELDS, Agency
from .casework import CaseworkMixin
from .center import Center
from .community import Cadre, CommunityGroup
from .funding import FundingMixin
from .habitus import NEUTRAL
from .network import collaboration_network
from .outreach import OutreachMixin
from .parameters import PARAMETERS, validate
from .reporters import FLOWS, RecordCollector, model_reporters
from .survivor import TERMINAL, State
from .workers import Staff, Volunteer, weekly

WEEKS_PER_YEAR = 52


class CollaborationModel(CaseworkMixin, AdvocacyMixin, OutreachMixin, FundingMixin, Model):
    """A women's crisis center, its people, eight agencies and the communities it works in.

    One step is one week. Parameters are plain keyword arguments (see
    ``model.parameters.PARAMETERS`` for units, ranges and sources); ``rng``
    seeds every random draw, so the same ``rng`` gives the same run.

    Example::

        model = CollaborationModel(rng=42, skill=0.8)
        for _ in range(52):
            model.step()
        model.datacollector.get_model_vars_dataframe()
    """

    def __init__(self, rng=None, **params):
        self.p = validate(**params)   # raises ParameterError before anything runs
        super().__init__(rng=rng)
        p = self.p
        self._derive_rates()

        self.center = Center(p.initial_funds)
        self.funds_short = False
        self.tally = {state: 0 for state in State}   # survivors in terminal states
        self.free_cadres = []                         # cadres not yet in a group
        self.flow = dict.fromkeys(FLOWS, 0)
        self.campaign_hours = 0.0
        self.socialization_effort = 0.0

        self.agency_list = []
        for field in FIELDS:
            for kind, label in AGENCY_KINDS:
                self.agency_list.append(Agency(self, kind, label, field))
        self.agencies = {a.key: a for a in self.agency_list}
        for _ in range(p.n_staff):
            Staff(self, founding=True)
        for _ in range(p.n_volunteers):
            Volunteer(self)
        self.update_trust_and_ties(self.staff)

        self.change_log = []      # interventions applied: step, year, changes, label
        self._scheduled = []      # interventions waiting for their calendar year
        self.record = {}
        self._record()
        self.datacollector = RecordCollector(model_reporters=model_reporters())
        self.datacollector.collect(self)

    def _derive_rates(self) -> None:
        """Values that follow from the parameters and are used every week."""
        p = self.p
        self.accountability = p.accountability if p.use_accountability else NEUTRAL
        self.weekly_turnover = weekly(p.staff_turnover_per_year)
        self.weekly_volunteer_exit = weekly(p.volunteer_exit_per_year)
        self.weekly_cadre_attrition = weekly(p.cadre_attrition_per_year)

    # --- calendar ------------------------------------------------------------------------
    @property
    def year(self) -> int:
        """Calendar year of the week last simulated (the start year before the first step)."""
        return self.p.start_year + max(0, self.steps - 1) // WEEKS_PER_YEAR

    # --- interventions during a run ----------------------------------------------------
    def schedule_change(self, year: int, label: str = "", **changes) -> None:
        """Apply ``changes`` from the first week of calendar ``year`` on (an event).

        The changes are validated now, so a bad value fails before the run goes on.
        """
        validate(**{**self.p.as_dict(), **changes})
        self._scheduled.append((int(year), label, dict(changes)))
        self._scheduled.sort(key=lambda event: event[0])

    def _apply_due_changes(self) -> None:
        year = self.p.start_year + self.steps // WEEKS_PER_YEAR   # year of the coming week
        while self._scheduled and self._scheduled[0][0] <= year:
            _, label, changes = self._scheduled.pop(0)
            self.change(label=label, **changes)

    def change(self, label: str = "", **changes) -> None:
        """Change parameters from the next week on (a policy switched mid-run).

        The new values are validated like those given at construction; people
        already at the center keep the habitus they were drawn with, and the
        sizes set at the start (n_staff as the staffing target, initial funds)
        apply as they stand.
        """
        self.p = validate(**{**self.p.as_dict(), **changes})
        self._derive_rates()
        self.change_log.append({"step": self.steps,
                                "year": self.p.start_year + self.steps // WEEKS_PER_YEAR,
                                "changes": dict(changes), "label": label})

    def lose_staff(self, count: int) -> int:
        """``count`` staff leave at once, the longest-serving first; returns how many left.

        Their personal ties leave with them (finding 1); the center hires
        replacements, who start without ties, as funds allow.
        """
        leaving = self.staff[:count]
        for member in leaving:
            self.depart(member)
        return len(leaving)

    # --- agent sets ------------------------------------------------------------------
    def _members(self, cls) -> list:
        agents = self.agents_by_type.get(cls)
        return list(agents) if agents is not None else []

    @property
    def staff(self) -> list:
        """Current staff, oldest hire first."""
        return self._members(Staff)

    @property
    def volunteers(self) -> list:
        return self._members(Volunteer)

    @property
    def cadres(self) -> list:
        return self._members(Cadre)

    @property
    def groups(self) -> list:
        return self._members(CommunityGroup)

    @property
    def n_groups(self) -> int:
        groups = self.agents_by_type.get(CommunityGroup)
        return len(groups) if groups is not None else 0

    def workers(self) -> list:
        """Everyone who can accompany survivors: staff, then volunteers."""
        return self.staff + self.volunteers

    # --- the week -----------------------------------------------------------------------
    def step(self) -> None:
        """One week, in the order of the ODD schedule (docs/ODD.md, section 3)."""
        if self._scheduled:
            self._apply_due_changes()
        self.flow = dict.fromkeys(FLOWS, 0)
        self.campaign_hours = 0.0
        self.socialization_effort = 0.0
        self.center.start_week()
        for agency in self.agency_list:
            agency.start_week()

        staff = self.staff
        self.attend_forums(staff)
        self.renew_referral_requests(staff)
        for member in self.random.sample(staff, len(staff)):
            member.step()
        for volunteer in self.random.sample(self.volunteers, len(self.volunteers)):
            volunteer.step()
        self.run_campaigns()
        self.socialize_communities(self.workers())
        for cadre in self.cadres:
            cadre.step()

        arrivals = self.generate_incidents()
        self.run_casework(arrivals)
        staff = self.staff
        self.raise_conflicts(staff)
        self.update_trust_and_ties(staff)

        self.report_to_donor()
        self.renew_donor_grant(staff)
        self.manage_funds(staff)
        self.change_staff(staff)
        self.recruit_volunteers()

        self._record()
        self.datacollector.collect(self)

    def _record(self) -> None:
        """Compute this week's reported flows and stocks into ``self.record``."""
        rec = self.record
        flow = self.flow
        center = self.center
        flow["unmet_need"] = flow["agency_unserved"] + flow["dropped_out"]
        flow["income"] = center.income_week
        flow["spending"] = center.spending_week
        rec.update(flow)
        volunteers = self.volunteers
        staff = self.staff
        rec["waiting"] = len(center.waiting)
        rec["in_service"] = len(center.in_service)
        rec["capacity"] = sum(w.case_slots for w in staff) + sum(v.case_slots for v in volunteers)
        rec["funds"] = center.funds
        rec["donor_active"] = int(center.donor_active)
        rec["staff"] = len(staff)
        rec["volunteers"] = len(volunteers)
        rec["cadres"] = len(self.cadres)
        rec["groups"] = self.n_groups
        rec["awareness"] = center.awareness
        rec["mean_burnout"] = (sum(v.burnout for v in volunteers) / len(volunteers)
                               if volunteers else 0.0)
        n = len(self.agency_list)
        rec["mean_trust"] = sum(a.trust for a in self.agency_list) / n
        rec["mean_tie"] = sum(a.tie for a in self.agency_list) / n
        for a in self.agency_list:
            rec["trust_" + a.key] = a.trust
            rec["tie_" + a.key] = a.tie
        seen = flow["seen_by_agencies"]
        rec["referral_uptake"] = flow["referred"] / seen if seen else float("nan")
        rec["mean_wait"] = flow["wait_weeks"] / flow["intake"] if flow["intake"] else float("nan")

    # --- views -------------------------------------------------------------------------------
    def survivor_counts(self) -> dict:
        """Survivors by state: tallied terminal states plus those at the center now."""
        counts = {state.value: self.tally[state] for state in TERMINAL}
        counts[State.WAITING.value] = len(self.center.waiting)
        counts[State.IN_SERVICE.value] = len(self.center.in_service)
        return counts

    def network(self):
        """The collaboration network as a networkx graph (see model.network)."""
        return collaboration_network(self)

    def run(self, years: float = 5) -> "CollaborationModel":
        """Run for ``years`` (52 weekly steps a year) and return the model."""
        for _ in range(round(years * WEEKS_PER_YEAR)):
            self.step()
        return self


# Show the real keyword parameters (with defaults) to help(), IDEs and inspect.
CollaborationModel.__init__.__signature__ = inspect.Signature(
    [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
     inspect.Parameter("rng", inspect.Parameter.KEYWORD_ONLY, default=None)]
    + [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=p.default)
       for name, p in PARAMETERS.items()]
)
