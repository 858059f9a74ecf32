"""Government agencies the center advocates towards (finding 1 of the study)."""

from mesa import Agent

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
        self.label = f"{label} ({field})"
        self.index = len(model.agency_list)   # position in every staff member's tie list
        self.good = 0.0                       # discounted good experience (r)
        self.bad = 0.0                        # discounted bad experience (s)
        self.new_good = 0.0                   # this week's experience, applied in update_trust
        self.new_bad = 0.0
        self.trust = beta_trust(0.0, 0.0, p.trust_prior, p.prior_strength)
        self.tie = 0.0                        # combined strength of staff ties to it
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

    def referral_probability(self) -> float:
        """Chance that the agency refers a survivor it sees to the center.

        Rises with the agency's trust, with the strength of staff ties to it, and
        with whether the center's referral request met its requirements
        (finding 1: network capital and referral requests; finding 2.4: trust).
        """
        p = self.model.p
        tie_part = (1.0 - p.tie_weight) + p.tie_weight * self.tie
        request_part = 1.0 if self.request_met else p.unmet_request_factor
        return self.trust * tie_part * request_part

    def decides_to_refer(self) -> bool:
        """Refer the survivor seen now: by referral_probability, or as a player chose."""
        if self.refers is not None:
            return bool(self.refers)
        return self.model.random.random() < self.referral_probability()

    def serve_itself(self) -> bool:
        """Handle a case without the center, if the agency has capacity left this week."""
        if self.case_budget >= 1.0:
            self.case_budget -= 1.0
            return True
        return False

    def update_trust(self) -> None:
        """Fold this week's experience into trust (Beta reputation with forgetting)."""
        p = self.model.p
        self.good = forget(self.good, self.new_good, p.trust_forgetting)
        self.bad = forget(self.bad, self.new_bad, p.trust_forgetting)
        self.new_good = self.new_bad = 0.0
        self.trust = beta_trust(self.good, self.bad, p.trust_prior, p.prior_strength)

    def start_week(self) -> None:
        """Reset weekly tallies, refill case capacity, end finished programs."""
        p = self.model.p
        self.seen = self.referred = self.contacts = 0
        # unused capacity carries over for at most four weeks
        self.case_budget = min(self.case_budget + p.agency_capacity_per_week,
                               4.0 * p.agency_capacity_per_week)
        week = self.model.steps
        if self.programs_active and self.programs_active[0] <= week:
            self.programs_active = [end for end in self.programs_active if end > week]
        if week % 52 == 1:
            self.programs_left = p.programs_per_agency_per_year
