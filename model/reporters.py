"""What the model reports each week: flows (counts during the week) and stocks (at its end)."""

from functools import partial
from itertools import chain
from operator import itemgetter

import numpy as np
from mesa.datacollection import DataCollector

from .agency import AGENCY_KEYS
from .workers import TIME_USES

#: Counts accumulated during a week and reset at its start.
FLOWS = (
    "incidents", "sought_help", "entry_police", "entry_agency", "entry_center",
    "entry_community", "seen_by_agencies", *(f"seen_{k}" for k in AGENCY_KEYS), "referred",
    *(f"referrals_{k}" for k in AGENCY_KEYS),
    "intake", "intake_sexual_violence", "wait_weeks", "closed_good", "closed_poor",
    "dropped_out", "triaged", "referred_on", "returned_to_agency",
    "agency_served", "agency_unserved", "unreached", "unmet_need",
    "forums_attended", "requests_made", "requests_met", "proposals", "joint_programs",
    "conflicts", "reports_delivered", "grant_renewed", "grant_lost",
    "small_grant_applications", "small_grants",
    "income", "income_donor", "income_small_grants", "income_joint_programs",
    "income_donations", "spending", "salaries", "case_costs", "case_costs_unfunded",
    "staff_hired", "staff_left", "staff_laid_off", "staff_to_volunteer",
    "volunteers_joined", "volunteers_left", "new_cadres", "new_groups", "groups_folded",
    *(f"hours_{use}" for use in TIME_USES),
)

#: Levels read at the end of a week.
STOCKS = (
    "year", "waiting", "in_service", "capacity", "funds", "donor_active", "donor_share",
    "paid_share", "hiring_frozen", "hours_cut", "unpaid_weeks", "staff", "volunteers",
    "former_staff_volunteers", "volunteer_ties", "cadres", "free_cadres", "groups",
    "awareness", "mean_burnout", "mean_trust", "mean_tie",
    *(f"trust_{k}" for k in AGENCY_KEYS),
    *(f"tie_{k}" for k in AGENCY_KEYS),
    "referral_uptake", "mean_wait",
)

#: Every reported quantity, with a one-line meaning (used in docs and the app).
MEANINGS = {
    "incidents": "GBV incidents in the catchment this week",
    "sought_help": "survivors who sought help at a service",
    "entry_police": "help-seekers who went first to the police",
    "entry_agency": "help-seekers who went first to UPTD PPA, Dinas Sosial or DP3AP2KB",
    "entry_center": "help-seekers who came to the center directly",
    "entry_community": "survivors identified by a community group and brought to the center",
    "seen_by_agencies": ("survivors whose first contact was an agency or the police (the "
                         "denominator of referral uptake; the per-agency seen_ columns also "
                         "count survivors the full center sent to UPTD PPA)"),
    "referred": "survivors referred to the center by agencies and the police",
    "intake": "cases handled: survivors taken into accompaniment for the first time",
    "intake_sexual_violence": "cases handled that are sexual violence",
    "wait_weeks": "weeks waited, summed over this week's intake",
    "closed_good": "accompaniments ended with a good outcome",
    "closed_poor": "accompaniments ended with a poor outcome",
    "dropped_out": "survivors who gave up waiting for the center",
    "triaged": "arrivals the full center referred on instead of putting on its waiting list",
    "referred_on": "triaged survivors referred to LBH Padang (legal aid)",
    "returned_to_agency": "triaged survivors sent back to an agency (the referring one, or UPTD PPA)",
    "agency_served": "survivors an agency handled itself",
    "agency_unserved": "survivors an agency neither referred nor served",
    "unreached": "survivors who sought no help and were not identified",
    "unmet_need": "survivors who reached a service but were not served: agency_unserved + dropped_out",
    "small_grant_applications": "small-grant applications made",
    "small_grants": "small grants won",
    "income_donor": "income from the programme donor (IDR million)",
    "income_small_grants": "income from small grants (IDR million)",
    "income_joint_programs": "income from joint programs with agencies (IDR million)",
    "income_donations": "income from donations (IDR million)",
    "salaries": "salaries paid (IDR million)",
    "case_costs": "direct case costs paid (IDR million)",
    "case_costs_unfunded": "direct case costs funds could not cover (IDR million)",
    "staff_to_volunteer": "laid-off staff who stayed on as volunteers",
    "groups_folded": "community groups that folded",
    "year": "calendar year of the week",
    "donor_share": "share of the full programme grant the current cycle pays (0 without donor)",
    "paid_share": "share of staff contract hours paid this week",
    "hiring_frozen": "1 while hiring is frozen (reserves below reserve_weeks)",
    "hours_cut": "1 while paid hours are cut",
    "unpaid_weeks": "weeks in a row with salaries not paid in full",
    "former_staff_volunteers": "volunteers who were laid off as staff",
    "volunteer_ties": "volunteer-agency ties of at least 0.05",
    "free_cadres": "cadres not (yet) in a group",
    "forums_attended": "agency forums the center attended",
    "requests_made": "referral requests submitted",
    "requests_met": "referral requests that met the agency's requirements",
    "proposals": "joint-program proposals made after opportunity analysis",
    "joint_programs": "joint programs won",
    "conflicts": "conflicts with agencies",
    "reports_delivered": "quarterly accountability reports delivered to the donor",
    "grant_renewed": "donor grants renewed or newly found",
    "grant_lost": "donor grants not renewed",
    "income": "income (IDR million)",
    "spending": "spending (IDR million)",
    "staff_hired": "staff hired",
    "staff_left": "staff who left by turnover",
    "staff_laid_off": "staff laid off for lack of funds",
    "volunteers_joined": "volunteers who joined",
    "volunteers_left": "volunteers who left",
    "new_cadres": "cadres trained",
    "new_groups": "community groups formed",
    "waiting": "survivors on the waiting list",
    "in_service": "survivors being accompanied",
    "capacity": "cases the week's casework hours of staff and volunteers cover",
    "funds": "funds (IDR million)",
    "donor_active": "1 while a donor grant runs",
    "staff": "staff",
    "volunteers": "volunteers",
    "cadres": "community cadres",
    "groups": "accompanied community groups",
    "awareness": "public awareness from campaigns (0-1)",
    "mean_burnout": "mean burnout of volunteers (0-1)",
    "mean_trust": "mean trust of the eight agencies in the center (0-1)",
    "mean_tie": "mean pooled tie of the center's people to the eight agencies (0-1)",
    "referral_uptake": "share of survivors seen by agencies this week who were referred",
    "mean_wait": "mean weeks waited by this week's intake",
}
for _k in AGENCY_KEYS:
    MEANINGS[f"referrals_{_k}"] = f"referrals to the center by {_k}"
    MEANINGS[f"seen_{_k}"] = (f"cases {_k} received: survivors who came to it first, and "
                              "those without a referring agency the full center sent to it "
                              "(a survivor sent back to the agency that referred her is not "
                              "counted again)")
    MEANINGS[f"trust_{_k}"] = f"trust of {_k} in the center (0-1)"
    MEANINGS[f"tie_{_k}"] = f"pooled tie of the center's people to {_k} (0-1)"
for _use in TIME_USES:
    MEANINGS[f"hours_{_use}"] = f"hours staff and volunteers gave to {_use} this week"


def column_sums(rows: list, width: int) -> list[float]:
    """The sum of each column of equal-length rows of numbers, added row after row from 0.0.

    The same numbers as ``functools.reduce(operator.add, column, 0.0)`` column by
    column (tests/test_draws.py), in one array operation.
    """
    n = len(rows)
    if not n:
        return [0.0] * width
    table = np.fromiter(chain.from_iterable(rows), float, n * width).reshape(n, width)
    return np.add.reduce(table, axis=0, initial=0.0).tolist()


def _read(name: str, model):
    return model.record[name]


def model_reporters() -> dict:
    """DataCollector reporters for every flow and stock (picklable, for process pools)."""
    return {name: partial(_read, name) for name in FLOWS + STOCKS}


class RecordCollector(DataCollector):
    """Mesa's DataCollector, reading the week's ``model.record`` directly.

    Every reported value is a plain number, so the deep copy Mesa's collector
    makes of each value is not needed. A week is kept as one row and turned
    into Mesa's columns (``model_vars``) when they are read, so collecting
    costs one tuple a week; the stored data and every reading method are Mesa's.
    """

    def __init__(self, model_reporters=None):
        self._rows = []            # weeks collected but not yet moved into the columns
        self._read_row = None      # reads a row off model.record; made at the first collect
        super().__init__(model_reporters=model_reporters)

    @property
    def model_vars(self) -> dict:
        """Mesa's columns: reporter name -> list of its weekly values."""
        if self._rows:
            for values, column in zip(self._columns.values(), zip(*self._rows)):
                values.extend(column)
            self._rows.clear()
        return self._columns

    @model_vars.setter
    def model_vars(self, columns: dict) -> None:
        self._columns = columns

    def _new_model_reporter(self, name, reporter):
        if self._rows:
            self.model_vars   # noqa: B018 (rows so far go into the columns they were read for)
        super()._new_model_reporter(name, reporter)
        self._read_row = None

    def collect(self, model):
        if self._read_row is None:
            self._read_row = itemgetter(*self._columns)
        self._collection_steps.append(model.time)
        self._rows.append(self._read_row(model.record))
