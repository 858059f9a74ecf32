"""The class's run of the model: players' decisions applied through the model's hooks, a month a round.

A ``ClassRun`` owns one ``CollaborationModel``. Each round it sets the player hooks
(``Staff.plan`` and ``Staff.meet_with``, ``Volunteer.extra_case``, ``Agency.refers``)
from the decisions of that round, leaves every role without a decision to the model's
own rules (hook None), steps the weeks of one month and records what each role did.
The debrief (viz.classroom.debrief) runs the same seed with the model's rules only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model import AGENCY_KEYS, CollaborationModel
from model.calendar import MONTHS_PER_YEAR, WEEKS_PER_YEAR
from model.workers import ACTIVITIES, Staff, Volunteer


def round_weeks(round_index: int) -> int:
    """Weeks in round ``round_index`` (0-based): months of 4, 4 and 5 weeks, 52 a year."""
    month = round_index % MONTHS_PER_YEAR
    return (WEEKS_PER_YEAR * (month + 1) // MONTHS_PER_YEAR
            - WEEKS_PER_YEAR * month // MONTHS_PER_YEAR)


@dataclass(frozen=True)
class Role:
    """One actor a student can play: ``kind`` is staff, volunteer or agency."""

    key: str        # "staff-1", "volunteer-3", "agency-police_city"
    kind: str
    number: int = 0          # staff and volunteer roles: 1, 2, ...
    agency: str = ""         # agency roles: the agency key


def make_roles(n_staff: int, n_volunteers: int) -> list[Role]:
    """Every role, in the order students are given them: staff, agency, volunteer in turn."""
    staff = [Role(f"staff-{i}", "staff", number=i) for i in range(1, n_staff + 1)]
    agencies = [Role(f"agency-{k}", "agency", agency=k) for k in AGENCY_KEYS]
    volunteers = [Role(f"volunteer-{i}", "volunteer", number=i)
                  for i in range(1, n_volunteers + 1)]
    order = []
    for i in range(max(len(staff), len(agencies), len(volunteers))):
        for group in (staff, agencies, volunteers):
            if i < len(group):
                order.append(group[i])
    return order


class DecisionError(ValueError):
    """A decision that does not fit its role (the message names the field)."""


def check_decision(role: Role, decision: dict, weekly_hours: float) -> dict:
    """The decision as clean values for ``role``, or DecisionError naming what is wrong.

    Staff: hours per week for each activity (0 or more, in total at most the week's
    free hours) and the agency key to meet. Volunteer: ``extra_case`` yes/no.
    Agency: ``refers`` yes/no.
    """
    if not isinstance(decision, dict):
        raise DecisionError("a decision must be a set of named values")
    if role.kind == "staff":
        plan = {}
        for activity in ACTIVITIES:
            try:
                hours = float(decision.get(activity, 0.0))
            except (TypeError, ValueError):
                raise DecisionError(f"{activity}: hours must be a number") from None
            if not 0.0 <= hours <= weekly_hours:
                raise DecisionError(f"{activity}: hours must be between 0 and {weekly_hours:g}")
            plan[activity] = hours
        if sum(plan.values()) > weekly_hours + 1e-9:
            raise DecisionError(f"the hours add up to more than {weekly_hours:g} a week")
        meet = decision.get("meet_with") or ""
        if meet and meet not in AGENCY_KEYS:
            raise DecisionError(f"meet_with: unknown agency {str(meet)[:40]!r}")
        return {**plan, "meet_with": meet}
    name = "extra_case" if role.kind == "volunteer" else "refers"
    value = decision.get(name)
    if not isinstance(value, bool):
        raise DecisionError(f"{name}: choose yes or no")
    return {name: value}


def default_decision(role: Role, weekly_hours: float) -> dict:
    """What a student's form starts from: a balanced week, or yes."""
    if role.kind == "staff":
        share = {"casework": 0.5, "meetings": 0.15, "forums": 0.1, "proposals": 0.05,
                 "outreach": 0.1, "reports": 0.1}
        return {a: round(weekly_hours * share[a]) for a in ACTIVITIES} | {"meet_with": ""}
    return {"extra_case": True} if role.kind == "volunteer" else {"refers": True}


@dataclass
class RoundResult:
    """What one round did: its weeks, flows summed, each role's contribution, events."""

    index: int
    weeks: int
    year: int
    flows: dict
    contributions: dict        # role key -> {"meetings", "ties", "referrals", "cases"}
    events: list               # (i18n key, values)
    deciders: dict             # role key -> player id whose decision applied (or None)


#: Flows a round's events are told from (i18n key event.<name>).
EVENT_FLOWS = ("staff_left", "staff_laid_off", "staff_hired", "volunteers_left",
               "volunteers_joined", "grant_renewed", "grant_lost", "joint_programs",
               "conflicts", "new_groups")
#: Flows summed over a round for the teacher's screen and the debrief.
ROUND_FLOWS = ("referred", "intake", "seen_by_agencies", "closed_good", "closed_poor",
               "entry_community", "unmet_need", *EVENT_FLOWS,
               *(f"referrals_{k}" for k in AGENCY_KEYS))


@dataclass
class ClassRun:
    """The class's model, its roles, and which agent each staff or volunteer role plays."""

    seed: int
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        self.model = CollaborationModel(rng=self.seed, **self.params)
        self.roles = make_roles(len(self.model.staff), len(self.model.volunteers))
        self.role_by_key = {r.key: r for r in self.roles}
        self.bound: dict[str, int | None] = {}
        people = {"staff": self.model.staff, "volunteer": self.model.volunteers}
        for role in self.roles:
            if role.kind in people:
                self.bound[role.key] = people[role.kind][role.number - 1].unique_id
        self.rounds: list[RoundResult] = []
        self.weeks = 0

    @property
    def weekly_hours(self) -> float:
        """Hours a staff member can plan each week (her week less administration)."""
        p = self.model.p
        return max(0.0, p.staff_hours_per_week - p.admin_hours_per_week)

    def agent(self, role: Role):
        """The model agent that ``role`` plays now (None: the person left, nobody to play)."""
        if role.kind == "agency":
            return self.model.agencies[role.agency]
        wanted = self.bound.get(role.key)
        pool = self.model.staff if role.kind == "staff" else self.model.volunteers
        for agent in pool:
            if agent.unique_id == wanted:
                return agent
        return None

    def _rebind(self) -> list:
        """Give roles whose person left the newest unplayed person of that kind; events."""
        events = []
        for kind, cls_pool in (("staff", self.model.staff), ("volunteer", self.model.volunteers)):
            taken = {self.bound[r.key] for r in self.roles if r.kind == kind}
            free = [a for a in reversed(cls_pool) if a.unique_id not in taken]
            for role in self.roles:
                if role.kind != kind or self.agent(role) is not None:
                    continue
                if free:
                    self.bound[role.key] = free.pop(0).unique_id
                    events.append(("event.role_new_person", {"role": role.key}))
                elif self.bound[role.key] is not None:
                    self.bound[role.key] = None
                    events.append(("event.role_vacant", {"role": role.key}))
        return events

    def knowledge(self, role: Role) -> dict:
        """What the player of ``role`` may know now (an agency contact: tie, trust, request)."""
        agent = self.agent(role)
        if agent is None:
            return {"present": False}
        if role.kind == "agency":
            return {"present": True, "tie": agent.tie, "trust": agent.trust,
                    "request_met": bool(agent.request_met),
                    "referrals": agent.referrals_made}
        if role.kind == "staff":
            return {"present": True, "ties": dict(zip(AGENCY_KEYS, agent.ties)),
                    "caseload": agent.caseload, "meetings": agent.meetings_held}
        return {"present": True, "caseload": agent.caseload, "burnout": agent.burnout}

    def _set_hooks(self, decisions: dict) -> None:
        for role in self.roles:
            agent = self.agent(role)
            if agent is None:
                continue
            decision = decisions.get(role.key)
            if role.kind == "staff":
                agent.plan = ({a: decision[a] for a in ACTIVITIES} if decision else None)
                agent.meet_with = (decision or {}).get("meet_with") or None
            elif role.kind == "volunteer":
                agent.extra_case = decision["extra_case"] if decision else None
            else:
                agent.refers = decision["refers"] if decision else None

    @staticmethod
    def _counters(agent) -> tuple:
        """Meetings, summed ties, referrals and cases of one agent so far."""
        if isinstance(agent, Staff):
            return agent.meetings_held, sum(agent.ties), 0, agent.cases_taken
        if isinstance(agent, Volunteer):
            return agent.meetings_held, 0.0, 0, agent.cases_taken
        return 0, 0.0, agent.referrals_made, 0

    def play_round(self, decisions: dict, deciders: dict | None = None) -> RoundResult:
        """Step one month with ``decisions`` (role key -> checked decision); the rest by rule."""
        events = self._rebind()
        self._set_hooks(decisions)
        players = {r.key: self.agent(r) for r in self.roles}
        before = {k: self._counters(a) for k, a in players.items() if a is not None}
        weeks = round_weeks(len(self.rounds))
        flows = dict.fromkeys(ROUND_FLOWS, 0)
        for _ in range(weeks):
            self.model.step()
            for name in ROUND_FLOWS:
                flows[name] += self.model.record[name]
        self.weeks += weeks
        self._set_hooks({})
        contributions = {}
        for key, b in before.items():   # the same agent objects, also if one left meanwhile
            a = self._counters(players[key])
            contributions[key] = {"meetings": a[0] - b[0], "ties": a[1] - b[1],
                                  "referrals": a[2] - b[2], "cases": a[3] - b[3]}
        for name in EVENT_FLOWS:
            if flows[name]:
                events.append((f"event.{name}", {"n": int(flows[name])}))
        result = RoundResult(len(self.rounds), weeks, self.model.year, flows, contributions,
                             events, dict(deciders or {}))
        self.rounds.append(result)
        return result

    def rules_twin(self) -> CollaborationModel:
        """The same seed and settings with the model's own rules, run as many weeks."""
        twin = CollaborationModel(rng=self.seed, **self.params)
        for _ in range(self.weeks):
            twin.step()
        return twin
