"""Funding: a programme donor, small grants, joint programs and donations (design process 5).

Each source has its own rule; the center's reserve policy (center.py) decides
what a shortfall does before anyone is laid off.
"""

from .calendar import WEEKS_PER_QUARTER, WEEKS_PER_YEAR, rate_per_week
from .habitus import accountability


class ProgrammeDonor:
    """A programme donor funding multi-year cycles (the center was a MAMPU partner).

    While a cycle runs the donor pays ``share`` x donor_grant_per_year, weekly.
    At the end of a cycle it renews with a chance set by the quarterly reports
    delivered and the conflicts of the cycle (finding 2.3), and a renewal can be
    partial: the share kept grows with the reports delivered.
    """

    def __init__(self, p):
        self.active = p.donor_grant_per_year > 0
        self.share = 1.0
        self.weeks_left = p.donor_cycle_years * WEEKS_PER_YEAR
        self.reports_due = 0
        self.reports_delivered = 0
        self.conflicts = 0

    def weekly_payment(self, p) -> float:
        return self.share * rate_per_week(p.donor_grant_per_year) if self.active else 0.0

    def note_report(self, delivered: bool) -> None:
        if self.active:
            self.reports_due += 1
            self.reports_delivered += delivered

    def note_conflict(self) -> None:
        if self.active:
            self.conflicts += 1

    def report_share(self) -> float:
        return self.reports_delivered / self.reports_due if self.reports_due else 0.0

    def renewal_chance(self, p) -> float:
        """floor + (1 - floor) x share of reports delivered, less a share per conflict."""
        chance = p.donor_renewal_floor + (1.0 - p.donor_renewal_floor) * self.report_share()
        return chance * (1.0 - p.conflict_funding_penalty) ** self.conflicts

    def end_cycle(self, p, renewed: bool) -> None:
        """Close the cycle: renew (perhaps in part) or stop; a new cycle's counts start."""
        if renewed:
            self.share = p.renewal_min_share + (1.0 - p.renewal_min_share) * self.report_share()
        self.active = renewed
        self.start_cycle(p, self.share if renewed else 1.0)

    def pass_week(self) -> bool:
        """One week of the cycle passes; returns whether the cycle has ended."""
        self.weeks_left -= 1
        return self.weeks_left <= 0

    def begin_partnership(self, p) -> None:
        """A new donor takes the center on: a first cycle at the full grant."""
        self.active = True
        self.start_cycle(p, 1.0)

    def start_cycle(self, p, share: float) -> None:
        self.active = self.active and p.donor_grant_per_year > 0
        self.share = share
        self.weeks_left = p.donor_cycle_years * WEEKS_PER_YEAR
        self.reports_due = self.reports_delivered = self.conflicts = 0


def committed_income(p, donor: ProgrammeDonor) -> float:
    """Weekly income the center can count on at the start: the donor's grant and donations.

    It starts the average income the center budgets with (Center.income_trend).
    """
    return donor.weekly_payment(p) + rate_per_week(p.donations_per_year)


def collect_income(model) -> None:
    """The week's income: the donor's payment, donations, and any small grant won.

    Donations grow with public awareness (campaigns, finding 1). A small-grant
    call comes with chance calls/52 a week; the application succeeds with
    chance success x the applicants' mean skill x accountability (2.1, 2.3).
    """
    p = model.p
    center = model.center
    donor = model.donor
    if donor.active:
        center.receive(donor.weekly_payment(p), "donor")
    center.receive(rate_per_week(p.donations_per_year)
                   * (1.0 + p.donation_awareness_effect * center.awareness), "donations")
    # a call is drawn only while someone works at the center (staff or volunteers)
    if model.team() and model.random.random() < min(1.0, rate_per_week(p.small_grant_calls_per_year)):
        applicants = model.staff or model.volunteers
        skill = sum(w.skill for w in applicants) / len(applicants)
        model.flow["small_grant_applications"] += 1
        if model.random.random() < p.small_grant_success * skill * accountability(p):
            center.receive(p.small_grant_value, "small_grants")
            model.flow["small_grants"] += 1


def write_quarterly_report(model) -> None:
    """Each quarter the center reports activities and funding to its partners (2.3).

    The report is delivered with chance accountability, or when players gave
    it the hours it needs; by the rule, writing it books report_hours of one
    staff member (a volunteer when no staff are left) in the coming week. With
    nobody left at the center, no report is written.
    """
    if model.steps % WEEKS_PER_QUARTER:
        return
    p = model.p
    center = model.center
    by_players = center.take_report_hours() >= p.report_hours > 0
    writers = model.staff or model.volunteers
    delivered = by_players or (bool(writers) and model.random.random() < accountability(p))
    if delivered and not by_players:
        model.random.choice(writers).book("reports", p.report_hours)
    model.donor.note_report(delivered)
    model.flow["reports_delivered"] += delivered


def review_donor(model) -> None:
    """At a cycle's end the donor renews or not; without one, the center looks for one.

    A new donor is found at new_donor_per_year x the mean skill of those still
    working, staff or else volunteers (finding 2.1: seeing opportunities).
    """
    p = model.p
    donor = model.donor
    r = model.random
    if donor.active:
        if not donor.pass_week():
            return
        renewed = r.random() < donor.renewal_chance(p)
        donor.end_cycle(p, renewed)
        model.flow["grant_renewed" if renewed else "grant_lost"] += 1
        return
    seekers = model.staff or model.volunteers
    if seekers and p.donor_grant_per_year > 0:
        skill = sum(s.skill for s in seekers) / len(seekers)
        if r.random() < rate_per_week(p.new_donor_per_year) * skill:
            donor.begin_partnership(p)
            model.flow["grant_renewed"] += 1
