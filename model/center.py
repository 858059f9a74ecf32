"""The center as an organisation: its funds ledger, donor grant and case lists."""

from collections import deque


class Center:
    """Organisational state of the women's crisis center (not an agent).

    Funds are kept as a ledger: every change of the balance goes through
    ``receive`` or ``pay``, so income minus spending always equals the change
    in balance, and the balance never goes below zero.
    """

    def __init__(self, funds: float):
        self.funds = float(funds)
        self.income_total = 0.0
        self.spending_total = 0.0
        self.income_week = 0.0
        self.spending_week = 0.0
        self.donor_active = True
        self.grant_week = 0            # weeks into the current grant year
        self.reports_delivered = 0     # quarterly reports delivered this grant year
        self.conflicts_in_grant_year = 0
        self.awareness = 0.0           # public awareness built by campaigns, in [0, 1]
        self.waiting = deque()         # survivors waiting for intake, first come first served
        self.in_service = {}           # survivors being accompanied (insertion-ordered)

    def receive(self, amount: float) -> None:
        self.funds += amount
        self.income_total += amount
        self.income_week += amount

    def pay(self, amount: float) -> float:
        """Pay up to ``amount`` from the balance; returns what was paid."""
        paid = min(amount, self.funds)
        self.funds -= paid
        self.spending_total += paid
        self.spending_week += paid
        return paid

    def start_week(self) -> None:
        self.income_week = 0.0
        self.spending_week = 0.0
