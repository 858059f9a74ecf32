"""CollaborationModel: a women's crisis center building collaboration to handle GBV cases."""

import inspect
import logging
from itertools import accumulate
from operator import attrgetter

import mesa
from mesa import Model
from mesa.experimental.mesa_signals import ModelSignals

from . import advocacy, casework, community, funding
from .agency import AGENCY_KINDS, FIELDS, Agency
from .calendar import calendar_year, per_week, rate_per_week, stochastic_round, weeks_in
from .center import SOURCES, Center
from .community import Cadre, CommunityGroup
from .draws import shuffled
from .habitus import PERSONAL_SWITCHES
from .network import MIN_TIE, collaboration_network
from .parameters import PARAMETERS, ParameterError, check_seed, check_years, validate
from .reporters import FLOWS, RecordCollector, column_sums, model_reporters
from .survivor import TERMINAL, State
from .workers import TIME_USES, Staff, Volunteer

ZERO_FLOWS = dict.fromkeys(FLOWS, 0)
HOUR_COLUMNS = tuple("hours_" + use for use in TIME_USES)
INCOME_COLUMNS = tuple("income_" + source for source in SOURCES)
FORMER_STAFF, BURNOUT = attrgetter("former_staff"), attrgetter("burnout")
#: The weekly flow column of each terminal state.
FLOW_OF = {state: state.value for state in State}
#: Mesa's signals for an agent joining or leaving, keyed as its observers are.
AGENT_ADDED = ("agents", ModelSignals.AGENT_ADDED)
AGENT_REMOVED = ("agents", ModelSignals.AGENT_REMOVED)
#: The logger Mesa's registration writes its debug lines to.
MESA_LOG = logging.getLogger("MESA." + Model.__module__)
#: The short registration path (CollaborationModel.register_agent) repeats what
#: Mesa 3.5's register_agent and deregister_agent do; with any other Mesa the
#: model takes Mesa's own path.
SHORT_REGISTRY = mesa.__version__.startswith("3.5.")


class CollaborationModel(Model):
    """A women's crisis center, its people, eight agencies and the communities it works in.

    One step is one week, from the first week of ``start_year`` (the founding
    in 1999 by default). Parameters are plain keyword arguments (see
    ``model.parameters.PARAMETERS`` for units, ranges and sources); ``rng``
    seeds every random draw, so the same ``rng`` gives the same run.

    Example::

        model = CollaborationModel(rng=42, skill=0.8).run(years=25)
        model.datacollector.get_model_vars_dataframe()   # one row per week, with "year"
    """

    def __init__(self, rng=None, **params):
        self.p = validate(**params)   # raises ParameterError before anything runs
        self._by_type = {}            # agent sets kept as tuples (_by_type_tuple)
        super().__init__(rng=check_seed(rng))
        p = self.p
        self._derive_rates()

        self.donor = funding.ProgrammeDonor(p)
        self.center = Center(p.initial_funds, funding.committed_income(p, self.donor))
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
        self._agency_columns = [(a, "trust_" + a.key, "tie_" + a.key) for a in self.agency_list]
        self.service_agencies = [a for a in self.agency_list if a.kind != "police"]
        self._weigh_service_agencies()
        for _ in range(p.n_staff):
            Staff(self, founding=True)
        for _ in range(p.n_volunteers):
            Volunteer(self)
        advocacy.update_trust_and_ties(self)

        self._in_step = False
        self.change_log = []      # interventions: first week affected, its year, changes, label
        self._scheduled = []      # interventions waiting for their calendar year
        self.record = {}
        self._record()
        self.datacollector = RecordCollector(model_reporters=model_reporters())
        self.datacollector.collect(self)

    def _derive_rates(self) -> None:
        """Weekly chances that follow from yearly parameters."""
        p = self.p
        self.weekly_turnover = per_week(p.staff_turnover_per_year)
        self.weekly_volunteer_exit = per_week(p.volunteer_exit_per_year)
        self.weekly_cadre_attrition = per_week(p.cadre_attrition_per_year)

    def _weigh_service_agencies(self) -> None:
        """Cumulative entry weights of the non-police agencies (for a weighted draw)."""
        self.service_cum_weights = list(accumulate(a.entry_weight()
                                                   for a in self.service_agencies))

    # --- calendar ------------------------------------------------------------------------
    @property
    def year(self) -> int:
        """Calendar year of the week last simulated (the start year before the first step)."""
        return calendar_year(self.p.start_year, self.steps)

    def _first_week_affected(self) -> int:
        """The week a change made now applies to: this one inside a step, else the next."""
        return self.steps if self._in_step else self.steps + 1

    # --- interventions during a run ----------------------------------------------------
    def schedule_change(self, year: int, label: str = "", **changes) -> None:
        """Apply ``changes`` from the first week of calendar ``year`` on (an event).

        The changes are validated now, together with every change scheduled
        before them, so a bad value fails before the run goes on. (A change made
        by hand in between can still conflict; it is validated when applied.)
        """
        if "start_year" in changes:
            raise ParameterError("parameter 'start_year' cannot be scheduled: the calendar "
                                 "cannot move once the run has begun")
        merged = self.p.as_dict()
        for _, _, earlier in self._scheduled:
            merged.update(earlier)
        validate(**{**merged, **changes})
        self._scheduled.append((int(year), label, dict(changes)))
        self._scheduled.sort(key=lambda event: event[0])

    def _apply_due_changes(self) -> None:
        year = self.year
        while self._scheduled and self._scheduled[0][0] <= year:
            _, label, changes = self._scheduled.pop(0)
            self.change(label=label, **changes)

    def change(self, label: str = "", **changes) -> None:
        """Change parameters from the next week on (a policy switched mid-run).

        The new values are validated like those given at construction; people
        already at the center keep the habitus they were drawn with (a switched
        factor, use_skill and the like, acts on everyone at once), and the
        sizes set at the start (n_staff as the staffing target, initial funds)
        apply as they stand. The calendar cannot move once the run has begun.
        Every change is logged in ``change_log``.
        """
        if "start_year" in changes and self.steps > 0 and changes["start_year"] != self.p.start_year:
            raise ParameterError("parameter 'start_year' cannot change once the run has begun "
                                 f"(it is {self.p.start_year}; the run is at week {self.steps})")
        self.p = validate(**{**self.p.as_dict(), **changes})
        self._derive_rates()
        self._weigh_service_agencies()
        if any(name in changes for name in PERSONAL_SWITCHES):
            for person in self.team():
                person.apply_habitus()
        week = self._first_week_affected()
        self.change_log.append({"step": week, "year": calendar_year(self.p.start_year, week),
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
    def register_agent(self, agent) -> None:
        """Mesa's registration; without its signal and log line when nothing listens.

        Survivors join and leave every week, and Mesa's path spends most of its
        time announcing each one. While no observer watches ``agents``, no signal
        batch is open and Mesa's debug log is off, the announcement reaches nobody,
        so the agent is added to the same sets with the same id directly.

        This repeats the body of Mesa 3.5's ``register_agent`` and
        ``deregister_agent``, writes to the agent sets Mesa's ``agents`` and
        ``agents_by_type`` return (which Mesa asks users not to modify), and reads
        Mesa's observer keys and its private ``_batch_context``; hence it is taken
        only with Mesa 3.5 (``SHORT_REGISTRY``). tests/test_registry.py checks that
        both paths leave the same registry and run, and that observers, batches
        and the debug log still get every join and leave.
        """
        kind = type(agent)
        self._forget_members(kind)
        members = self.agents_by_type.get(kind)
        if members is None or not self._registry_quiet(AGENT_ADDED):
            super().register_agent(agent)
            return
        self.agents.add(agent)
        agent.unique_id = self.agent_id_counter
        self.agent_id_counter += 1
        members.add(agent)

    def deregister_agent(self, agent) -> None:
        """Mesa's deregistration; without its signal and log line when nothing listens."""
        kind = type(agent)
        self._forget_members(kind)
        if not self._registry_quiet(AGENT_REMOVED):
            super().deregister_agent(agent)
            return
        self.agents_by_type[kind].remove(agent)
        self.agents.remove(agent)

    def _registry_quiet(self, signal) -> bool:
        """Whether Mesa would announce ``signal`` of ``agents`` to nobody (see register_agent)."""
        return (SHORT_REGISTRY and signal not in self.subscribers
                and self._batch_context is None
                and not MESA_LOG.isEnabledFor(logging.DEBUG))

    def _forget_members(self, kind) -> None:
        """Drop the kept tuples that one joining or leaving of ``kind`` makes stale."""
        by_type = self._by_type
        by_type.pop(kind, None)
        if kind is Staff or kind is Volunteer:
            by_type.pop("team", None)

    def _by_type_tuple(self, cls) -> tuple:
        """Mesa's agent set of ``cls`` as a tuple, kept until one joins or leaves (read only)."""
        members = self._by_type.get(cls)
        if members is None:
            agents = self.agents_by_type.get(cls)
            members = self._by_type[cls] = tuple(agents) if agents is not None else ()
        return members

    def _members(self, cls) -> list:
        """Mesa's agent set of ``cls`` as a new list."""
        return list(self._by_type_tuple(cls))

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
        """Everyone who can accompany survivors and hold ties: staff, then volunteers."""
        return list(self.team())

    def team(self) -> tuple:
        """``workers()`` as a tuple that the weekly rules read and never change.

        Kept until a staff member or volunteer joins or leaves.
        """
        team = self._by_type.get("team")
        if team is None:
            team = self._by_type["team"] = (self._by_type_tuple(Staff)
                                            + self._by_type_tuple(Volunteer))
        return team

    # --- the community field's pool of free cadres ---------------------------------------
    def add_free_cadre(self, cadre) -> None:
        """A cadre not in a group (newly trained, or her group folded) joins the free pool."""
        self.free_cadres.append(cadre)

    def remove_free_cadre(self, cadre) -> None:
        """A free cadre stops."""
        self.free_cadres.remove(cadre)

    def take_free_cadres(self, k: int) -> list:
        """The ``k`` cadres free the longest leave the pool to start a group."""
        taken = self.free_cadres[:k]
        del self.free_cadres[:k]
        return taken

    # --- survivors and people -----------------------------------------------------------------
    def finish(self, state: State, count: int = 1) -> None:
        """Count survivors (one by default) whose path has reached a terminal state."""
        self.tally[state] += count
        self.flow[FLOW_OF[state]] += count

    def end_case(self, survivor, state: State) -> None:
        """A survivor at the center reaches a terminal state and leaves the model."""
        self.finish(state)
        survivor.leave(state)

    def judge_proposal(self, author, agency) -> None:
        advocacy.judge_proposal(self, author, agency)

    def depart(self, worker) -> None:
        """A staff member or volunteer leaves: survivors go back to waiting, ties go with her."""
        casework.return_to_waiting(self, worker)
        if isinstance(worker, Volunteer):
            self.flow["volunteers_left"] += 1
        worker.remove()

    def lay_off(self, member) -> None:
        """A layoff; a dedicated staff member may stay on as a volunteer (finding 2.2).

        She stays with chance equal to her dedication, keeps her habitus, her
        ties and her cases; otherwise she leaves like anyone else.
        """
        self.flow["staff_laid_off"] += 1
        if self.random.random() < member.dedication:
            volunteer = Volunteer(self, former=member)
            for survivor in list(member.cases):
                survivor.release()
                survivor.assign(volunteer)
            member.remove()
            self.flow["staff_to_volunteer"] += 1
        else:
            self.depart(member)

    def change_staff(self) -> None:
        """Layoffs only as the last resort, turnover, then hiring when reserves allow.

        A layoff comes after max_unpaid_weeks without full salaries, the newest
        hire first, then one a month while it lasts. Turnover is raised by a
        shortfall for the less dedicated (finding 2.2).
        """
        p = self.p
        center = self.center
        staff = self.staff
        if staff and center.layoff_due(p, len(staff)):
            self.lay_off(staff.pop())
        for member in list(staff):
            if self.random.random() < member.turnover_chance():
                staff.remove(member)
                self.flow["staff_left"] += 1
                self.depart(member)
        if len(staff) < p.n_staff and center.can_hire(p, len(staff)):
            Staff(self)
            self.flow["staff_hired"] += 1

    def recruit_volunteers(self) -> None:
        """New volunteers join at a constant yearly rate."""
        n = stochastic_round(self.random, rate_per_week(self.p.volunteer_recruits_per_year))
        for _ in range(n):
            Volunteer(self)
        self.flow["volunteers_joined"] += n

    # --- the week -----------------------------------------------------------------------
    def step(self) -> None:
        """One week, in the order of the ODD schedule (docs/ODD.md, section 3)."""
        self._in_step = True
        if self._scheduled:
            self._apply_due_changes()
        p = self.p
        self.flow = ZERO_FLOWS.copy()
        self.center.start_week()
        for agency in self.agency_list:
            agency.start_week()

        # advocacy, then each person's week
        advocacy.attend_forums(self)
        advocacy.renew_referral_requests(self)
        staff = shuffled(self.random, self._by_type_tuple(Staff))
        for member in staff:
            member.step()
        volunteers = shuffled(self.random, self._by_type_tuple(Volunteer))
        for volunteer in volunteers:
            volunteer.step()
        self._add_up_outreach(staff, volunteers)
        advocacy.run_campaigns(self)

        # the community field
        community.socialize(self)
        for cadre in self._by_type_tuple(Cadre):
            cadre.step()
        community.form_and_fold_groups(self)

        # survivors and casework
        self.center.set_capacity(sum([w.case_slots for w in self.team()]))
        casework.run_casework(self, casework.generate_incidents(self))
        for volunteer in self._by_type_tuple(Volunteer):
            if volunteer.tire_or_rest():
                self.depart(volunteer)
        self.center.update_pressure(p)

        # trust, conflict and ties
        advocacy.raise_conflicts(self)
        advocacy.update_trust_and_ties(self)

        # money and people
        funding.write_quarterly_report(self)
        funding.review_donor(self)
        funding.collect_income(self)
        self.center.note_income(p)
        n_staff = len(self._by_type_tuple(Staff))
        paid = self.center.pay_salaries(p, n_staff)
        self.center.pay_case_costs(p)
        self.center.review_reserves(p, n_staff, paid)
        self.change_staff()
        self.recruit_volunteers()

        self._record()
        self.datacollector.collect(self)
        self._in_step = False

    def _add_up_outreach(self, staff, volunteers) -> None:
        """The week's campaign hours and skill-weighted outreach hours, from each person's week.

        Added in the order the people worked this week (the sums are the same
        numbers as when each added her own hours).
        """
        campaign = effort = 0.0
        for member in staff:
            hours = member.hours
            campaign += hours["campaigns"]
            effort += hours["outreach"] * member.skill
        for volunteer in volunteers:
            effort += volunteer.hours["outreach"] * volunteer.skill
        self.campaign_hours = campaign
        self.socialization_effort = effort

    def _record(self) -> None:
        """Compute this week's reported flows and stocks into ``self.record``."""
        rec = self.record
        flow = self.flow
        center = self.center
        flow["unmet_need"] = flow["agency_unserved"] + flow["dropped_out"]
        flow.update(zip(INCOME_COLUMNS, center.income_week.values()))   # keyed in SOURCES order
        flow.update(center.spending_week)                                # keyed USES
        flow["income"] = sum(center.income_week.values())
        flow["spending"] = sum(center.spending_week.values())
        flow["case_costs_unfunded"] = center.unfunded_week
        volunteers = self._by_type_tuple(Volunteer)
        staff = self._by_type_tuple(Staff)
        # every worker's hours dict is keyed in TIME_USES order; summed in worker order
        hours = column_sums([w.hours.values() for w in self.team()], len(HOUR_COLUMNS))
        flow.update(zip(HOUR_COLUMNS, hours))
        rec.update(flow)
        rec["year"] = self.year
        rec["waiting"] = len(center.waiting)
        rec["in_service"] = len(center.in_service)
        rec["capacity"] = center.capacity
        rec["funds"] = center.funds
        rec["donor_active"] = int(self.donor.active)
        rec["donor_share"] = self.donor.share if self.donor.active else 0.0
        rec["paid_share"] = center.paid_share if staff else 0.0
        rec["hiring_frozen"] = int(center.hiring_frozen)
        rec["hours_cut"] = int(center.hours_cut)
        rec["unpaid_weeks"] = center.unpaid_weeks
        rec["staff"] = len(staff)
        rec["volunteers"] = len(volunteers)
        rec["former_staff_volunteers"] = sum(map(FORMER_STAFF, volunteers))
        rec["volunteer_ties"] = len([t for v in volunteers for t in v.ties if t >= MIN_TIE])
        rec["cadres"] = len(self._by_type_tuple(Cadre))
        rec["free_cadres"] = len(self.free_cadres)
        rec["groups"] = self.n_groups
        rec["awareness"] = center.awareness
        rec["mean_burnout"] = (sum(map(BURNOUT, volunteers)) / len(volunteers)
                               if volunteers else 0.0)
        n = len(self.agency_list)
        rec["mean_trust"] = sum([a.trust for a in self.agency_list]) / n
        rec["mean_tie"] = sum([a.tie for a in self.agency_list]) / n
        for a, trust_column, tie_column in self._agency_columns:
            rec[trust_column] = a.trust
            rec[tie_column] = a.tie
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
        """Run for ``years`` (52 weekly steps a year; above 0, at most 200) and return the model."""
        for _ in range(weeks_in(check_years(years))):
            self.step()
        return self


# Show the real keyword parameters (with defaults) to help(), IDEs and inspect.
CollaborationModel.__init__.__signature__ = inspect.Signature(
    [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
     inspect.Parameter("rng", inspect.Parameter.KEYWORD_ONLY, default=None)]
    + [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=p.default)
       for name, p in PARAMETERS.items()]
)
