"""Survivors of gender-based violence and the states a case can be in."""

from enum import Enum

from mesa import Agent


class State(str, Enum):
    """Where a survivor's case stands. Every survivor is in exactly one state."""

    UNREACHED = "unreached"            # did not seek help and no community group identified her
    AGENCY_SERVED = "agency_served"    # an agency or the police handled the case itself
    AGENCY_UNSERVED = "agency_unserved"  # seen by an agency, neither referred nor served
    WAITING = "waiting"                # on the center's waiting list
    IN_SERVICE = "in_service"          # accompanied by a staff member or volunteer
    CLOSED_GOOD = "closed_good"        # accompaniment ended with a good outcome
    CLOSED_POOR = "closed_poor"        # accompaniment ended with a poor outcome
    DROPPED_OUT = "dropped_out"        # left the waiting list before intake
    REFERRED_ON = "referred_on"        # triaged by a full center and referred to LBH Padang


#: States a survivor never leaves; such survivors are tallied, not kept as agents.
TERMINAL = (State.UNREACHED, State.AGENCY_SERVED, State.AGENCY_UNSERVED,
            State.CLOSED_GOOD, State.CLOSED_POOR, State.DROPPED_OUT, State.REFERRED_ON)


class Survivor(Agent):
    """A survivor who reached the center, from her arrival until her case ends.

    Survivors who never reach the center are counted by state in the model and
    are not created as agents, which keeps the cost of a run linear in the
    number of cases the center sees.
    """

    def __init__(self, model, case_type: str, severity: float, source: str):
        super().__init__(model)
        self.case_type = case_type
        self.severity = severity
        self.source = source          # agency key, "community" or "self"
        self.agency = model.agencies.get(source)   # the referring agency, or None
        self.state = State.WAITING
        self.weeks_waited = 0
        self.admitted = False         # counted as a case handled at first intake
        self.worker = None            # Staff or Volunteer accompanying her
        # Chance per week that the accompaniment ends: mean length service_weeks,
        # longer for more severe cases (0.5x to 1.5x).
        self.close_prob = 1.0 / (model.p.service_weeks * (0.5 + severity))

    def wait_a_week(self) -> int:
        """One more week on the waiting list; returns the weeks she has waited."""
        self.weeks_waited += 1
        return self.weeks_waited

    def assign(self, worker) -> bool:
        """Start (or resume) accompaniment by ``worker``; returns whether it is her first intake."""
        self.state = State.IN_SERVICE
        self.worker = worker
        first = not self.admitted
        self.admitted = True
        worker.take_case(self, first)
        return first

    def release(self) -> None:
        """Leave the current worker's caseload."""
        worker = self.worker
        if worker is not None:
            worker.drop_case(self)
            self.worker = None

    def return_to_waiting(self) -> None:
        """Her worker left: she waits again for the next free worker."""
        self.release()
        self.state = State.WAITING

    def leave(self, state: State) -> None:
        """Her case ends in terminal ``state``; she leaves the model."""
        self.state = state
        self.remove()
