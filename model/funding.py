"""Funding and staffing: donor grants, accountability reports, costs, layoffs, hiring."""

from .workers import Staff, Volunteer, stochastic_round


class FundingMixin:
    """The center's money and people."""

    def report_to_donor(self) -> None:
        """Quarterly activity and funding report, delivered with chance accountability
        (finding 2.3)."""
        center = self.center
        if center.donor_active and self.steps % 13 == 0:
            if self.random.random() < self.accountability:
                center.reports_delivered += 1
                self.flow["reports_delivered"] += 1

    def renew_donor_grant(self, staff: list) -> None:
        """At the end of a grant year the donor renews with a chance set by the reports.

        chance = floor + (1 - floor) x (reports delivered / 4), reduced by
        conflict_funding_penalty for each conflict in the year (finding 2.3).
        Without a donor, the center finds a new one at new_donor_per_year x the
        mean skill of its staff, or of its volunteers when no staff are left
        (finding 2.1: seeing opportunities).
        """
        p = self.p
        center = self.center
        r = self.random
        if center.donor_active:
            center.grant_week += 1
            if center.grant_week < 52:
                return
            chance = (p.donor_renewal_floor + (1.0 - p.donor_renewal_floor)
                      * min(1.0, center.reports_delivered / 4.0))
            chance *= (1.0 - p.conflict_funding_penalty) ** center.conflicts_in_grant_year
            center.donor_active = r.random() < chance
            self.flow["grant_renewed" if center.donor_active else "grant_lost"] += 1
        elif staff or self.volunteers:
            seekers = staff or self.volunteers
            skill = sum(s.skill for s in seekers) / len(seekers)
            if r.random() < p.new_donor_per_year / 52.0 * skill:
                center.donor_active = True
                self.flow["grant_renewed"] += 1
        center.grant_week = 0
        center.reports_delivered = 0
        center.conflicts_in_grant_year = 0

    def manage_funds(self, staff: list) -> None:
        """Grant income, then salaries (laying off the newest staff when funds cannot
        cover them), then case costs as far as funds allow (finding 1: funding)."""
        p = self.p
        center = self.center
        if center.donor_active:
            center.receive(p.donor_grant_per_year / 52.0)
        salary = p.staff_cost_per_month * 12.0 / 52.0
        while staff and len(staff) * salary > center.funds:
            self.flow["staff_laid_off"] += 1
            self.depart(staff.pop())
        center.pay(len(staff) * salary)
        center.pay(len(center.in_service) * p.case_cost_per_week)
        weekly_cost = len(staff) * salary + len(center.in_service) * p.case_cost_per_week
        self.funds_short = center.funds < p.reserve_weeks * weekly_cost

    def change_staff(self, staff: list) -> None:
        """Turnover (raised by shortfall for the less dedicated), then hiring when
        funds allow. A departing staff member takes her ties with her (finding 1)."""
        p = self.p
        r = self.random
        for member in list(staff):
            if r.random() < member.turnover_chance():
                staff.remove(member)
                self.flow["staff_left"] += 1
                self.depart(member)
        salary = p.staff_cost_per_month * 12.0 / 52.0
        weekly_cost = (len(staff) + 1) * salary + len(self.center.in_service) * p.case_cost_per_week
        if len(staff) < p.n_staff and self.center.funds >= p.reserve_weeks * weekly_cost:
            staff.append(Staff(self))
            self.flow["staff_hired"] += 1

    def recruit_volunteers(self) -> None:
        """New volunteers join at a constant yearly rate."""
        n = stochastic_round(self.random, self.p.volunteer_recruits_per_year / 52.0)
        for _ in range(n):
            Volunteer(self)
        self.flow["volunteers_joined"] += n

    def depart(self, worker) -> None:
        """A staff member or volunteer leaves: survivors go back to waiting, ties vanish."""
        self.return_to_waiting(worker)
        if isinstance(worker, Volunteer):
            self.flow["volunteers_left"] += 1
        worker.remove()
