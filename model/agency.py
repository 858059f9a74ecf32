"""Government agencies the center advocates towards (finding 1 of the study)."""

from itertools import chain
from math import prod

import numpy as np
from mesa import Agent

from .calendar import WEEKS_PER_YEAR
from .habitus import tie_strength
from .trust import beta_trust, forget

#: The agencies of the study, (kind, label); each exists at province and city level.
AGENCY_KINDS = (
    ("uptd_ppa", "UPTD PPA"),
    ("dinsos", "Dinas Sosial"),
    ("dp3ap2kb", "DP3AP2KB"),
    ("police", "Police"),
)
FIELDS = ("province", "city")
AGENCY_KEYS = tuple(f"{kind}_{field}" for field in FIELDS for kind, _ in AGENCY_KINDS)
#: Weeks of unused case capacity an agency can carry over (a fixed assumption).
CAPACITY_CARRY_WEEKS = 4


def pooled_tie(ties: list[float], pooling: float) -> float:
    """How the center's personal ties to one agency combine into one strength in [0, 1].

    ``pooling`` 0 keeps only the strongest tie (one person carries the relation);
    1 is the chance that at least one of them does, 1 - prod(1 - t) (noisy-OR);
    values between mix the two linearly. Both ends are 0 with no ties and never
    exceed 1.
    """
    strongest = max(ties, default=0.0)
    if pooling == 0.0:
        return strongest
    missing = prod(map((1.0).__sub__, ties))    # prod(1 - t), multiplied in order
    return strongest + pooling * ((1.0 - missing) - strongest)


def pooled_ties(ties_by_person: list[list[float]], pooling: float) -> list[float]:
    """``pooled_tie`` for every agency at once: one row of ties per person, one column per agency.

    The same numbers as pooled_tie column by column (maximum, and the product of
    1 - t taken person by person in row order), in one array operation.
    """
    if not ties_by_person:
        return []
    n = len(ties_by_person)
    ties = np.fromiter(chain.from_iterable(ties_by_person), float,
                       n * len(ties_by_person[0])).reshape(n, -1)
    strongest = ties.max(axis=0)
    if pooling == 0.0:
        return strongest.tolist()
    missing = (1.0 - ties).prod(axis=0)
    return (strongest + pooling * ((1.0 - missing) - strongest)).tolist()


class Agency(Agent):
    """An agency (OPD or police) at province or city level.

    Holds the agency's trust in the center (a Beta reputation), the state of the
    center's referral request to it, its joint programs with the center and its
    own capacity to handle cases.
    """

    def __init__(self, model, kind: str, label: str, field: str):
        super().__init__(model)
        p = model.p
        self.kind = kind
        self.field = field
        self.key = f"{kind}_{field}"
        self.seen_column = "seen_" + self.key            # its columns in the weekly flows
        self.referrals_column = "referrals_" + self.key
        self.label = f"{label} ({field})"
        self.index = len(model.agency_list)   # position in every worker's tie list
        self.good = 0.0                       # discounted good experience (r)
        self.bad = 0.0                        # discounted bad experience (s)
        self.new_good = 0.0                   # this week's experience, folded in update_trust
        self.new_bad = 0.0
        self.trust = beta_trust(0.0, 0.0, p.trust_prior, p.prior_strength)
        self.tie = 0.0                        # pooled strength of personal ties to it
        self.request_met = False              # the center's referral request met its requirements
        self.request_due = 0                  # week when the request must be renewed
        self.programs_left = p.programs_per_agency_per_year
        self.programs_active = []             # weeks at which joint programs end
        self.case_budget = p.agency_capacity_per_week
        self.refers = None                    # a player's referral choice (None: the rule)
        self.referrals_made = 0               # survivors referred to the center so far
        # weekly tallies
        self.seen = 0
        self.referred = 0
        self.contacts = 0

    def entry_weight(self) -> float:
        """Relative number of help-seekers who come to this agency first (police apart).

        The provincial UPTD PPA sees several times what each other agency sees
        (rows UPTD PPA 2018 and Padang DP3AP2KB 2020-2021).
        """
        if self.key == "uptd_ppa_province":
            return self.model.p.uptd_ppa_province_weight
        return 1.0

    # --- trust ---------------------------------------------------------------------------
    def record_experience(self, good: float = 0.0, bad: float = 0.0) -> None:
        """Note good and bad experience of the center this week (folded in weekly)."""
        self.new_good += good
        self.new_bad += bad

    def record_contact(self) -> None:
        """A meeting, forum or coordination contact with a person from the center."""
        self.contacts += 1
        self.record_experience(good=self.model.p.contact_evidence)

    def record_refusal(self) -> None:
        """A survivor it referred was turned back or gave up waiting (overload)."""
        self.record_experience(bad=self.model.p.refusal_evidence)

    def record_long_wait(self) -> None:
        """A survivor it referred waited a week longer than it accepts."""
        self.record_experience(bad=self.model.p.wait_evidence)

    def update_trust(self) -> None:
        """Fold this week's experience into trust (Beta reputation with forgetting)."""
        p = self.model.p
        self.good = forget(self.good, self.new_good, p.trust_forgetting)
        self.bad = forget(self.bad, self.new_bad, p.trust_forgetting)
        self.new_good = self.new_bad = 0.0
        self.trust = beta_trust(self.good, self.bad, p.trust_prior, p.prior_strength)

    def set_pooled_tie(self, tie: float) -> None:
        """The pooled strength of the center's personal ties to it (pooled_ties, finding 1)."""
        self.tie = tie

    # --- referral --------------------------------------------------------------------------
    def receive_request(self, met: bool) -> None:
        """The center's referral request, valid for request_interval_weeks."""
        self.request_met = met
        self.request_due = self.model.steps + self.model.p.request_interval_weeks

    def lapse_request(self) -> None:
        """Nobody is left at the center to renew the referral request: it stands unmet."""
        self.request_met = False

    def referral_probability(self) -> float:
        """Chance that the agency refers a survivor it sees to the center.

        Rises with the agency's trust (finding 2.4), with the pooled strength of
        the personal ties to it (finding 1: network capital), and with whether
        the center's referral request met its requirements (finding 1).
        """
        p = self.model.p
        tie_part = (1.0 - p.tie_weight) + p.tie_weight * tie_strength(p, self.tie)
        request_part = 1.0 if self.request_met else p.unmet_request_factor
        return self.trust * tie_part * request_part

    def decides_to_refer(self) -> bool:
        """Refer the survivor seen now: by referral_probability, or as a player chose."""
        self.seen += 1
        if self.refers is not None:
            refer = bool(self.refers)
        else:
            refer = self.model.random.random() < self.referral_probability()
        if refer:
            self.referred += 1
            self.referrals_made += 1
        return refer

    def serve_itself(self) -> bool:
        """Handle a case without the center, if the agency has capacity left this week."""
        if self.case_budget >= 1.0:
            self.case_budget -= 1.0
            return True
        return False

    # --- joint programs --------------------------------------------------------------------
    def open_program(self) -> bool:
        """Take one of this year's program openings, if any is left."""
        if self.programs_left > 0:
            self.programs_left -= 1
            return True
        return False

    def start_program(self) -> None:
        """A joint program with the center runs for a year: a good experience now."""
        self.programs_active.append(self.model.steps + WEEKS_PER_YEAR)
        self.record_experience(good=self.model.p.outcome_evidence)

    def start_week(self) -> None:
        """Reset weekly tallies, refill case capacity, end finished programs."""
        p = self.model.p
        self.seen = self.referred = self.contacts = 0
        self.case_budget = min(self.case_budget + p.agency_capacity_per_week,
                               CAPACITY_CARRY_WEEKS * p.agency_capacity_per_week)
        week = self.model.steps
        if self.programs_active and self.programs_active[0] <= week:
            self.programs_active = [end for end in self.programs_active if end > week]
        if week % WEEKS_PER_YEAR == 1:
            self.programs_left = p.programs_per_agency_per_year
