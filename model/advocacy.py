"""Advocacy processes in the province and city fields (finding 1) and conflict (finding 2.3)."""


class AdvocacyMixin:
    """Forums, referral requests, campaigns, conflicts and the weekly trust update."""

    def attend_forums(self, staff: list) -> None:
        """Agencies host discussion forums; the center sends a staff member (finding 1).

        Attending books the forum's hours and counts as a contact with the agency.
        """
        p = self.p
        r = self.random
        chance = p.forums_per_year / 52.0
        for agency in self.agency_list:
            if r.random() < chance and staff and r.random() < p.forum_attendance:
                attendee = r.choice(staff)
                attendee.booked_hours += p.forum_hours
                attendee.contact(agency)
                self.flow["forums_attended"] += 1

    def renew_referral_requests(self, staff: list) -> None:
        """Ask agencies for referrals, meeting their requirements (findings 1 and 2.1).

        When a request is due, the staff member with the strongest tie to the
        agency prepares it; it meets the requirements with chance equal to that
        person's skill, or always under a referral agreement (MoU).
        """
        p = self.p
        week = self.steps
        for agency in self.agency_list:
            if week < agency.request_due:
                continue
            if not staff:
                agency.request_met = False
                continue
            i = agency.index
            author = max(staff, key=lambda s: s.ties[i])
            author.booked_hours += p.request_hours
            met = p.referral_agreement or self.random.random() < author.skill
            agency.request_met = met
            agency.request_due = week + p.request_interval_weeks
            self.flow["requests_made"] += 1
            self.flow["requests_met"] += met

    def run_campaigns(self) -> None:
        """Campaigns raise public awareness and reach policymakers (finding 1).

        Awareness A grows by campaign_gain per hour towards 1 and decays weekly;
        policymakers' good experience grows with campaign time (one contact's
        worth per agency for 40 hours a week).
        """
        p = self.p
        center = self.center
        hours = self.campaign_hours
        gain = min(1.0, p.campaign_gain * hours)
        center.awareness += gain * (1.0 - center.awareness)
        center.awareness -= p.awareness_decay * center.awareness
        reach = p.contact_evidence * min(1.0, hours / 40.0)
        for agency in self.agency_list:
            agency.new_good += reach

    def raise_conflicts(self, staff: list) -> None:
        """Conflicts with agencies, kept down by accountability (finding 2.3).

        Weekly chance per agency: conflict_rate/52 x (1 - accountability) x
        (1 + joint programs running with it). A conflict is bad experience for
        the agency, cuts staff ties to it and counts against donor renewal.
        """
        p = self.p
        r = self.random
        base = p.conflict_rate_per_year / 52.0 * (1.0 - self.accountability)
        for agency in self.agency_list:
            if r.random() < min(1.0, base * (1 + len(agency.programs_active))):
                agency.new_bad += p.conflict_evidence
                i = agency.index
                keep = 1.0 - p.conflict_tie_damage
                for member in staff:
                    member.ties[i] *= keep
                self.center.conflicts_in_grant_year += 1
                self.flow["conflicts"] += 1

    def update_trust_and_ties(self, staff: list) -> None:
        """Agencies fold the week's experience into trust; staff ties are combined.

        An agency's tie to the center is the strongest personal tie any staff
        member has to it (network capital, finding 1): it leaves with her.
        """
        for agency in self.agency_list:
            agency.update_trust()
            i = agency.index
            agency.tie = max((member.ties[i] for member in staff), default=0.0)

    def win_joint_program(self, agency) -> None:
        """A won joint program: funds for the center and a good experience for the agency."""
        self.center.receive(self.p.joint_program_value)
        agency.programs_active.append(self.steps + 52)
        agency.new_good += self.p.outcome_evidence
        self.flow["joint_programs"] += 1
