"""The center as an organisation: its funds ledger, reserve policy and case lists."""

from collections import deque

from .calendar import WEEKS_PER_MONTH, monthly_to_weekly

#: Where the center's money comes from, and what it goes to.
SOURCES = ("donor", "small_grants", "joint_programs", "donations")
USES = ("salaries", "case_costs")


class Center:
    """Organisational state of the women's crisis center (not an agent).

    Funds are kept as a ledger: every change of the balance goes through
    ``receive`` (by source) or ``pay`` (by use), so income minus spending always
    equals the change in balance, and the balance never goes below zero.
    """

    def __init__(self, funds: float, expected_income: float = 0.0):
        self.funds = float(funds)
        self.income_total = 0.0
        self.spending_total = 0.0
        self.income_week = dict.fromkeys(SOURCES, 0.0)
        self.spending_week = dict.fromkeys(USES, 0.0)
        self.unfunded_week = 0.0       # case costs that funds could not cover this week
        # reserve policy (finding 2.2 and what NGOs do before laying anyone off)
        self.paid_share = 1.0          # share of contract hours paid this week
        self.hours_cut = False         # paid hours cut to cut_hours_share
        self.hiring_frozen = False
        self.funds_short = False       # salaries not paid in full, or reserves below the cut line
        self.unpaid_weeks = 0          # weeks in a row with salaries not paid in full
        self.income_trend = expected_income   # weekly income, averaged over budget_memory_weeks
        self.weeks_since_layoff = 0
        # casework
        self.awareness = 0.0           # public awareness built by campaigns, in [0, 1]
        self.waiting = deque()         # survivors waiting for intake, first come first served
        self.in_service = {}           # survivors being accompanied (insertion-ordered)
        self.pressure = 0.0            # expected wait relative to the triage line, in [0, 1]
        self.capacity = 0.0            # cases the week's casework hours cover
        self.player_hours = {"reports": 0.0}   # report hours players gave this quarter

    # --- the ledger --------------------------------------------------------------------------
    def receive(self, amount: float, source: str) -> None:
        self.funds += amount
        self.income_total += amount
        self.income_week[source] += amount

    def pay(self, amount: float, use: str) -> float:
        """Pay up to ``amount`` from the balance; returns what was paid."""
        paid = min(amount, self.funds)
        self.funds -= paid
        self.spending_total += paid
        self.spending_week[use] += paid
        return paid

    def note_income(self, p) -> None:
        """Fold this week's income into the average the center budgets with."""
        week = sum(self.income_week.values())
        self.income_trend += (week - self.income_trend) / p.budget_memory_weeks

    def start_week(self) -> None:
        for source in SOURCES:
            self.income_week[source] = 0.0
        for use in USES:
            self.spending_week[use] = 0.0
        self.unfunded_week = 0.0

    # --- reserves ----------------------------------------------------------------------------
    @staticmethod
    def salary_per_week(p) -> float:
        return monthly_to_weekly(p.staff_cost_per_month)

    def running_cost(self, p, n_staff: int) -> float:
        """Weekly cost at full hours: salaries plus the direct costs of open cases."""
        return n_staff * self.salary_per_week(p) + len(self.in_service) * p.case_cost_per_week

    def weeks_covered(self, cost: float) -> float:
        """Weeks the funds last at ``cost`` a week (without end at no cost)."""
        return self.funds / cost if cost > 0 else float("inf")

    def pay_salaries(self, p, n_staff: int) -> bool:
        """Pay this week's salaries at the current paid share, as far as funds allow.

        Returns whether they were paid in full. Next week's paid hours follow
        what could be paid (staff work the rest by dedication).
        """
        share = p.cut_hours_share if self.hours_cut else 1.0
        bill = n_staff * self.salary_per_week(p) * share
        paid = self.pay(bill, "salaries")
        full = paid >= bill - 1e-9
        self.paid_share = share * (paid / bill if bill > 0 else 1.0)
        self.unpaid_weeks = 0 if full else self.unpaid_weeks + 1
        return full

    def pay_case_costs(self, p) -> None:
        """Direct costs of open cases, paid as far as funds allow; the rest goes unfunded."""
        cost = len(self.in_service) * p.case_cost_per_week
        self.unfunded_week += cost - self.pay(cost, "case_costs")

    def review_reserves(self, p, n_staff: int, salaries_paid: bool) -> None:
        """The reserve policy: freeze hiring, then cut hours, before any layoff.

        Below reserve_weeks of running costs, hiring stops. Paid hours are cut to
        cut_hours_share below hours_cut_weeks of running costs, or when at its
        average income the center would run out of funds within runway_weeks;
        they are restored once reserves are back at reserve_weeks and income
        covers the full costs again.
        """
        cost = self.running_cost(p, n_staff)
        reserve = self.weeks_covered(cost)                       # at full running costs
        runway = self.weeks_covered(cost - self.income_trend)    # ... and the average income
        self.hiring_frozen = reserve < p.reserve_weeks
        if reserve < p.hours_cut_weeks or runway < p.runway_weeks:
            self.hours_cut = True
        elif reserve >= p.reserve_weeks and runway == float("inf"):
            self.hours_cut = False
        self.funds_short = (not salaries_paid) or reserve < p.hours_cut_weeks

    def layoff_due(self, p, n_staff: int) -> bool:
        """A layoff is the last resort: after max_unpaid_weeks without full salaries,
        and only while the center's average income cannot pay its staff at cut hours;
        then one a month at most."""
        self.weeks_since_layoff += 1
        if self.unpaid_weeks <= p.max_unpaid_weeks or self.weeks_since_layoff < WEEKS_PER_MONTH:
            return False
        cost_at_cut = (n_staff * self.salary_per_week(p) * p.cut_hours_share
                       + len(self.in_service) * p.case_cost_per_week)
        if self.income_trend < cost_at_cut:
            self.weeks_since_layoff = 0
            return True
        return False

    def can_hire(self, p, n_staff: int) -> bool:
        """Hire only with reserves for reserve_weeks of running costs with the new person."""
        if self.hiring_frozen or self.hours_cut:
            return False
        return self.funds >= p.reserve_weeks * self.running_cost(p, n_staff + 1)

    # --- casework: the waiting list and the cases open -----------------------------------
    def enqueue(self, survivor) -> None:
        """A survivor joins the end of the waiting list."""
        self.waiting.append(survivor)

    def requeue(self, survivor) -> None:
        """A survivor whose worker left goes back to the front of the waiting list."""
        self.waiting.appendleft(survivor)

    def keep_waiting(self, survivors: list) -> None:
        """After the week's drop-outs, only ``survivors`` (in this order) are still waiting."""
        waiting = self.waiting
        waiting.clear()
        waiting.extend(survivors)

    def next_waiting(self):
        """Take the survivor at the front of the waiting list (first come, first served)."""
        return self.waiting.popleft()

    def start_service(self, survivor) -> None:
        """A survivor is accompanied now."""
        self.in_service[survivor] = None

    def end_service(self, survivor) -> None:
        """A survivor's accompaniment ends (or pauses until she is taken in again)."""
        del self.in_service[survivor]

    def set_capacity(self, cases: float) -> None:
        """The cases this week's casework hours cover, before intake."""
        self.capacity = cases

    def expected_wait(self, p) -> float:
        """Weeks a new arrival can expect to wait: waiting list / cases opening per week.

        About capacity / service_weeks cases open each week at a steady load.
        """
        return len(self.waiting) * p.service_weeks / max(self.capacity, 1.0)

    def update_pressure(self, p) -> None:
        """Pressure: the expected wait relative to the triage line, at most 1."""
        self.pressure = min(1.0, self.expected_wait(p) / max(p.triage_wait_weeks, 1.0))

    # --- outreach and reports ------------------------------------------------------------
    def run_campaign(self, gain: float, decay: float) -> None:
        """Awareness grows by ``gain`` of the way to 1, then ``decay`` of it fades."""
        awareness = self.awareness
        awareness += gain * (1.0 - awareness)
        self.awareness = awareness - decay * awareness

    def add_report_hours(self, hours: float) -> None:
        """A player gave ``hours`` to this quarter's report."""
        self.player_hours["reports"] += hours

    def take_report_hours(self) -> float:
        """The report hours players gave this quarter; the count starts again."""
        hours = self.player_hours["reports"]
        self.player_hours["reports"] = 0.0
        return hours
