"""Every parameter of the model, in one place, with unit, default, range and source.

The model reads its parameters from a validated, read-only ``Params`` object
(``model.p``); agents read them from there and never keep copies.
"""

from __future__ import annotations

import difflib
import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .calendar import WEEKS_PER_MONTH

#: Short names for the sources cited in the table (full references in docs/ODD.md).
DATA = "../shared/data/reported_cases.csv"
STUDY = "the study (seed/SUMMARY.md)"
JOSANG = "Jøsang & Ismail 2002, The Beta Reputation System"
ORG = "../shared/data/organisation.md"
CALIBRATED = ("posterior median, rounded, of a first ABC-SMC fit of this model to rows "
              "'Nurani Perempuan WCC' 2013 and 2019-2022 (cases handled), 2019 (community "
              "groups), 'West Sumatra province UPTD PPA' 2018 and 'Padang city DP3AP2KB' "
              "2020-2021 of " + DATA + ", adopted on 2026-11-29; a second fit with wider "
              "priors (docs/calibration.md) keeps it, as it fits those rows better than the "
              "second fit's medians (docs/ODD.md §7)")


class ParameterError(ValueError):
    """A parameter value that the model cannot accept."""


@dataclass(frozen=True)
class Param:
    """One model parameter: its type, default, unit, valid range, meaning and source."""

    name: str
    kind: type
    default: float | int | bool
    unit: str
    low: float | None
    high: float | None
    meaning: str
    source: str
    group: str

    def range_text(self) -> str:
        if self.kind is bool:
            return "true or false"
        return f"[{_fmt(self.low)}, {_fmt(self.high)}]"

    def check(self, value):
        """Return ``value`` converted to this parameter's type, or raise ParameterError."""
        where = f"parameter {self.name!r} = {value!r}"
        if self.kind is bool:
            if isinstance(value, (bool, np.bool_)):
                return bool(value)
            raise ParameterError(f"{where}: must be true or false")
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise ParameterError(
                f"{where}: must be a number in {self.range_text()} ({self.unit})"
            )
        if isinstance(value, numbers.Integral):
            value = int(value)          # exact, whatever its size
        elif math.isnan(value):
            raise ParameterError(f"{where}: NaN is not allowed; valid range {self.range_text()}")
        elif self.kind is int and not math.isinf(value):   # infinity fails the range below
            if value != int(value):
                raise ParameterError(f"{where}: must be a whole number in {self.range_text()}")
            value = int(value)
        if not (self.low <= value <= self.high):   # Python compares int and float exactly
            raise ParameterError(
                f"{where} is out of range: valid range {self.range_text()} ({self.unit})"
            )
        return self.kind(value)


def _fmt(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


_TABLE: list[Param] = []
_group = ""


def _p(name, kind, default, unit, low, high, meaning, source):
    _TABLE.append(Param(name, kind, default, unit, low, high, meaning, source, _group))


# --- Calendar ------------------------------------------------------------------------
_group = "Calendar"
_p("start_year", int, 1999, "calendar year", 1999, 2100,
   "calendar year of the first simulated week; the model starts from the center's "
   "founding state whatever the year", ORG + " (founded 1999)")

# --- Survivors and help-seeking -------------------------------------------------
_group = "Survivors and help-seeking"
_p("incidents_per_week", float, 10.0, "survivors/week", 0.0, 1000.0,
   "GBV incidents against women in the catchment that a service could come to know of",
   CALIBRATED)
_p("help_seeking", float, 0.53, "probability", 0.0, 1.0,
   "chance that a survivor seeks help at some service by herself", CALIBRATED)
_p("entry_police", float, 0.35, "probability", 0.0, 1.0,
   "share of help-seekers whose first contact is the police", "assumption")
_p("entry_agency", float, 0.35, "probability", 0.0, 1.0,
   "share of help-seekers whose first contact is UPTD PPA, Dinas Sosial or DP3AP2KB "
   "(the rest come to the center directly)", "assumption")
_p("police_province_share", float, 0.3, "probability", 0.0, 1.0,
   "share of survivors going to the police who go to the provincial police rather than "
   "the city's", "assumption (the catchment is mostly the city of Padang)")
_p("uptd_ppa_province_weight", float, 3.5, "multiplier", 0.0, 100.0,
   "how many times more help-seekers the provincial UPTD PPA sees than each other "
   "non-police agency",
   "rows 'West Sumatra province UPTD PPA, 2018' (64 cases, mostly from Padang) and "
   "'Padang city DP3AP2KB, 2020-2021' (17-20 cases) of " + DATA + ": 64 / 18.5")
_p("sexual_violence_share", float, 0.55, "probability", 0.0, 1.0,
   "share of cases that are sexual violence (the rest domestic and other violence)",
   "row 'Nurani Perempuan WCC, 2022' of " + DATA + " (51 of 94)")
_p("agency_capacity_per_week", float, 1.0, "cases/(agency·week)", 0.0, 100.0,
   "cases an agency can handle itself each week when it does not refer",
   "assumption: set near row 'West Sumatra province UPTD PPA, 2018' of " + DATA
   + " (64 cases received a year, not cases handled alone) and used for all eight "
   "agencies, police included")

# --- The center's capacity --------------------------------------------------------
_group = "Center capacity and casework"
_p("n_staff", int, 8, "persons", 0, 500,
   "staff positions the center fills when it can pay for them", "assumption (headcount not public)")
_p("n_volunteers", int, 12, "persons", 0, 5000,
   "volunteers at the start", "assumption (headcount not public)")
_p("staff_hours_per_week", float, 40.0, "hours/week", 1.0, 80.0,
   "working time of one staff member",
   "assumption: a full-time week (40 hours, the statutory week of UU 13/2003)")
_p("admin_hours_per_week", float, 8.0, "hours/week", 0.0, 80.0,
   "staff time taken by office work", "assumption")
_p("hours_per_case_week", float, 7.8, "hours/(case·week)", 0.5, 40.0,
   "accompaniment time one open case needs each week", CALIBRATED)
_p("service_weeks", float, 20.0, "weeks", 1.0, 104.0,
   "mean length of an accompaniment (scaled by severity)", "assumption")
_p("dropout_per_week", float, 0.08, "probability/week", 0.0, 1.0,
   "chance that a waiting survivor gives up in a week", "assumption")
_p("volunteer_hours_per_week", float, 10.0, "hours/week", 0.0, 60.0,
   "time a fully dedicated volunteer gives", "assumption")
_p("former_staff_hours_per_week", float, 20.0, "hours/week", 0.0, 80.0,
   "time a fully dedicated laid-off staff member still gives as a volunteer",
   STUDY + ", finding 2.2 (staff keep handling cases unpaid); value assumption")
_p("volunteer_outreach_share", float, 0.3, "share", 0.0, 1.0,
   "share of volunteer time spent on community outreach (the rest on accompaniment)",
   "assumption")
_p("outcome_floor", float, 0.3, "probability", 0.0, 1.0,
   "chance of a good case outcome when the worker's commitment is zero", "assumption")
_p("casework_priority", float, 0.5, "share", 0.0, 1.0,
   "share of staff time for campaigns, socialization and opportunity analysis moved to "
   "casework while the expected wait reaches triage_wait_weeks, counted as at least one "
   "week (in proportion below it)",
   "assumption (services put direct care first under pressure)")
_p("case_contact_per_week", float, 0.1, "probability/week", 0.0, 1.0,
   "chance per week that accompanying a survivor referred by an agency brings a "
   "coordination contact with that agency", "assumption")

# --- Overload ------------------------------------------------------------------------
_group = "Overload and triage"
_p("triage", bool, True, "switch", None, None,
   "when the waiting list is full the center triages: the most severe survivors wait, "
   "the others are referred on to LBH Padang (legal aid) or back to the agency",
   ORG + " (LBH Padang partner); design process 8")
_p("triage_wait_weeks", float, 6.0, "weeks", 0.0, 104.0,
   "expected wait (waiting list / cases closing per week) beyond which new arrivals "
   "are triaged", "assumption")
_p("triage_keep_severity", float, 0.9, "severity (0-1)", 0.0, 1.0,
   "severity at or above which a survivor is kept on the waiting list during triage",
   "assumption")
_p("refusal_evidence", float, 0.5, "observations", 0.0, 10.0,
   "negative experience an agency takes from a survivor it referred who is turned back "
   "or gives up waiting", "assumption")
_p("wait_evidence", float, 0.05, "observations/week", 0.0, 10.0,
   "negative experience per week that a survivor referred by the agency waits beyond "
   "wait_tolerance_weeks", "assumption")
_p("wait_tolerance_weeks", float, 4.0, "weeks", 0.0, 104.0,
   "wait an agency accepts for a survivor it referred", "assumption")

# --- Advocacy in the province and city fields ------------------------------------
_group = "Advocacy (province and city fields)"
_p("meetings_per_month", float, 3.0, "meetings/(staff·month)", 0.0, 40.0,
   "face-to-face meetings each staff member holds with agency contacts",
   STUDY + ", finding 1; value assumption")
_p("meeting_hours", float, 3.0, "hours", 0.5, 16.0,
   "time one meeting takes, travel included", "assumption")
_p("forums_per_year", float, 4.0, "forums/(agency·year)", 0.0, 52.0,
   "discussion forums each agency hosts on protecting women",
   STUDY + ", finding 1; value assumption")
_p("forum_attendance", float, 0.8, "probability", 0.0, 1.0,
   "chance that the center sends someone (staff or volunteer) to a forum",
   STUDY + ", finding 1; value assumption")
_p("forum_hours", float, 4.0, "hours", 0.5, 16.0, "time one forum takes", "assumption")
_p("opportunity_hours_per_week", float, 2.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent analysing funding opportunities and agency programs",
   STUDY + ", finding 1; value assumption")
_p("opportunity_rate", float, 0.01, "opportunities/hour", 0.0, 1.0,
   "opportunities found per hour of analysis by a fully skilled staff member", "assumption")
_p("programs_per_agency_per_year", int, 1, "programs/(agency·year)", 0, 12,
   "joint programs each agency can open to the center in a year", "assumption")
_p("joint_program_value", float, 50.0, "IDR million", 0.0, 10000.0,
   "funds a won joint program brings", "assumption (budgets not public)")
_p("request_interval_weeks", int, 26, "weeks", 1, 520,
   "how long a referral request stays valid before it must be renewed", "assumption")
_p("request_hours", float, 6.0, "hours", 0.0, 80.0,
   "time one referral request takes to prepare", "assumption")
_p("referral_agreement", bool, False, "switch", None, None,
   "a signed referral agreement (MoU): every request meets the agency's requirements",
   ORG + " (no MoU with the agencies is named as an obstacle); policy scenario")
_p("unmet_request_factor", float, 0.3, "multiplier", 0.0, 1.0,
   "how much of its referral propensity an agency keeps when the center's request "
   "did not meet its requirements", "structural assumption (docs/ODD.md §7)")
_p("tie_weight", float, 0.5, "share", 0.0, 1.0,
   "share of an agency's referral propensity that depends on personal ties",
   "structural assumption (docs/ODD.md §7)")
_p("campaign_hours_per_week", float, 2.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent on awareness campaigns", STUDY + ", finding 1; value assumption")
_p("campaign_gain", float, 0.002, "awareness/hour", 0.0, 1.0,
   "public awareness gained per campaign hour (share of the remaining gap)", "assumption")
_p("awareness_decay", float, 0.02, "1/week", 0.0, 1.0,
   "share of public awareness lost each week", "assumption")
_p("awareness_effect", float, 0.3, "share", 0.0, 1.0,
   "how far full awareness closes the gap between help_seeking and 1", "assumption")
_p("report_hours", float, 8.0, "hours/report", 0.0, 80.0,
   "staff time one quarterly activity and funding report takes", "assumption")

# --- Community field ----------------------------------------------------------------
_group = "Community field"
_p("socialization_hours_per_week", float, 3.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent on socialization in communities", STUDY + ", finding 1; value assumption")
_p("cadre_yield", float, 0.0011, "cadres/hour", 0.0, 1.0,
   "cadres produced per skill-weighted hour of socialization",
   "set by hand so that runs from 1999 held about 7 groups in 2019 (row 'Nurani Perempuan "
   "WCC, 2019, community groups in Padang' of " + DATA + ") under earlier defaults; the "
   "first ABC-SMC fit barely informed it (shrinkage 0.18) and it lay inside that "
   "posterior's 90% interval, so it was kept; the second fit keeps it too "
   "(docs/calibration.md, docs/ODD.md §7)")
_p("cadres_per_group", int, 3, "cadres", 1, 50,
   "cadres needed to form an accompanied community group", "assumption")
_p("group_formation_rate", float, 0.02, "1/week", 0.0, 1.0,
   "chance per week, for each group's worth of free cadres, that a group forms",
   "assumption")
_p("kecamatan_reached", int, 11, "kecamatan", 0, 1000,
   "districts the center's community work can reach", ORG + " (Padang has 11 kecamatan)")
_p("groups_per_kecamatan", int, 1, "groups/kecamatan", 0, 100,
   "accompanied groups one district can hold", "assumption")
_p("group_members", int, 25, "persons", 1, 1000,
   "community members of an accompanied group, its cadres included",
   "row 'Nurani Perempuan WCC, 2019, community groups in Padang' of " + DATA)
_p("group_reach", float, 0.012, "probability", 0.0, 1.0,
   "chance that one group identifies a survivor who did not seek help",
   "assumption (set by hand; docs/ODD.md §7)")
_p("cadre_attrition_per_year", float, 0.05, "probability/year", 0.0, 1.0,
   "chance that a cadre stops in a year", "assumption")
_p("group_fold_per_year", float, 0.03, "probability/year", 0.0, 1.0,
   "chance that a group folds in a year although it still has cadres", "assumption")

# --- Trust and ties -------------------------------------------------------------------
_group = "Trust (Beta reputation) and personal ties"
_p("trust_prior", float, 0.3, "probability", 0.0, 1.0,
   "trust an agency has in an NGO it has no experience of (base rate)",
   JOSANG + "; value assumption")
_p("prior_strength", float, 2.0, "observations", 0.1, 100.0,
   "weight of the base rate, in observations", JOSANG + " (uses 2)")
_p("trust_forgetting", float, 0.98, "1/week", 0.0, 1.0,
   "share of past experience an agency still weighs after a week (1 = never forgets)",
   JOSANG + " (forgetting factor); value assumption")
_p("contact_evidence", float, 0.15, "observations", 0.0, 10.0,
   "positive experience from one meeting or forum contact", "assumption")
_p("outcome_evidence", float, 1.0, "observations", 0.0, 10.0,
   "experience (positive or negative) from one case outcome or joint program", "assumption")
_p("conflict_evidence", float, 3.0, "observations", 0.0, 50.0,
   "negative experience from one conflict", "assumption")
_p("initial_tie_share", float, 0.5, "probability", 0.0, 1.0,
   "chance that a founding staff member has a tie to a given agency", "assumption")
_p("initial_tie_strength", float, 0.4, "strength (0-1)", 0.0, 1.0,
   "strength of those founding ties", "assumption")
_p("tie_gain", float, 0.15, "share", 0.0, 1.0,
   "share of the gap to a full tie closed by one contact", "assumption")
_p("tie_decay", float, 0.01, "1/week", 0.0, 1.0,
   "share of tie strength lost each week", "assumption")
_p("conflict_tie_damage", float, 0.3, "share", 0.0, 1.0,
   "share of tie strength to an agency lost in a conflict with it", "assumption")
_p("tie_pooling", float, 0.5, "share", 0.0, 1.0,
   "how the center's personal ties to one agency combine: 0 = only the strongest counts, "
   "1 = any of them may carry a request (1 - product of (1 - tie)); in between, a mix",
   "structural assumption (docs/ODD.md §7)")
_p("tie_access", float, 0.5, "share", 0.0, 1.0,
   "share of the gap to certainty that knowing the agency contact (a full tie) closes "
   "for a referral request or a joint-program proposal, alongside skill",
   "structural assumption (docs/ODD.md §7); the direction from " + STUDY
   + ", finding 1 (network capital)")

# --- Habitus ------------------------------------------------------------------------------
_group = "Habitus (finding 2)"
_p("skill", float, 0.6, "score (0-1)", 0.0, 1.0,
   "mean skill of staff and volunteers: seeing opportunities, meeting bureaucratic "
   "requirements",
   STUDY + ", finding 2.1; value assumption")
_p("volunteerism", float, 0.7, "score (0-1)", 0.0, 1.0,
   "mean dedication of staff and volunteers, who keep working without incentives",
   STUDY + ", finding 2.2; value assumption")
_p("accountability", float, 0.8, "probability", 0.0, 1.0,
   "chance that each quarterly activity and funding report is delivered",
   STUDY + ", finding 2.3; value assumption")
_p("commitment", float, 0.8, "score (0-1)", 0.0, 1.0,
   "mean commitment of staff and volunteers to survivors ('a friend to women')",
   STUDY + ", finding 2.4; value assumption")
_p("habitus_concentration", float, 10.0, "pseudo-count", 0.5, 1000.0,
   "how closely individuals cluster around the mean habitus (Beta concentration)", "assumption")
_p("use_skill", bool, True, "switch", None, None,
   "skill has its effect (off: every rule uses the neutral 0.5)", STUDY + ", finding 2.1")
_p("use_volunteerism", bool, True, "switch", None, None,
   "volunteerism has its effect (off: neutral 0.5)", STUDY + ", finding 2.2")
_p("use_accountability", bool, True, "switch", None, None,
   "accountability has its effect (off: neutral 0.5)", STUDY + ", finding 2.3")
_p("use_commitment", bool, True, "switch", None, None,
   "commitment has its effect (off: neutral 0.5)", STUDY + ", finding 2.4")
_p("use_ties", bool, True, "switch", None, None,
   "personal ties (network capital) have their effect on referrals, requests and "
   "proposals (off: every agency sees a neutral 0.5 tie)", STUDY + ", finding 1")

# --- Conflicts -------------------------------------------------------------------------
_group = "Conflicts"
_p("conflict_rate_per_year", float, 1.0, "conflicts/(agency·year)", 0.0, 52.0,
   "conflicts with an agency per year with no accountability and no joint program",
   STUDY + ", finding 2.3; value assumption")

# --- Funding ----------------------------------------------------------------------------
_group = "Funding"
_p("initial_funds", float, 150.0, "IDR million", 0.0, 100000.0,
   "funds at the start", "assumption (budget not public)")
_p("donor_grant_per_year", float, 275.0, "IDR million/year", 0.0, 100000.0,
   "a programme donor's grant while it runs, paid weekly",
   ORG + " (MAMPU partner around 2019-2020, a multi-year programme); a programme donor "
   "from the founding on, and the amount, are assumptions (budget not public)")
_p("donor_cycle_years", int, 4, "years", 1, 20,
   "length of a programme donor's funding cycle", ORG + " (MAMPU); value assumption")
_p("donor_renewal_floor", float, 0.5, "probability", 0.0, 1.0,
   "chance of renewal at the end of a cycle with no reports delivered", "assumption")
_p("renewal_min_share", float, 0.5, "share", 0.0, 1.0,
   "share of the grant a renewal keeps when no reports were delivered (all reports: "
   "the full grant)", "assumption")
_p("conflict_funding_penalty", float, 0.05, "share", 0.0, 1.0,
   "share of the renewal chance lost per conflict in the cycle", "assumption")
_p("new_donor_per_year", float, 2.0, "donors/year", 0.0, 52.0,
   "rate of finding a new programme donor while none funds the center, at full skill of "
   "those still working (staff, or volunteers when no staff are left)", "assumption")
_p("small_grant_calls_per_year", float, 4.0, "calls/year", 0.0, 52.0,
   "small-grant calls the center applies to (such as Komnas Perempuan's Pundi Perempuan)",
   ORG + " (Pundi Perempuan); value assumption")
_p("small_grant_success", float, 0.8, "probability", 0.0, 1.0,
   "chance that an application succeeds at full skill and full accountability",
   "assumption")
_p("small_grant_value", float, 25.0, "IDR million", 0.0, 10000.0,
   "funds one small grant brings", "assumption (grant sizes not public)")
_p("donations_per_year", float, 60.0, "IDR million/year", 0.0, 100000.0,
   "individual and community donations with no public awareness",
   ORG + " (Pundi Perempuan is funded by donations); value assumption")
_p("donation_awareness_effect", float, 1.0, "multiplier", 0.0, 100.0,
   "how much full public awareness adds to donations, as a multiple of the base",
   "assumption")
_p("staff_cost_per_month", float, 3.5, "IDR million/(staff·month)", 0.0, 1000.0,
   "salary and overhead of one staff member at full hours",
   "assumption, near the Padang city minimum wage of recent years (funds are in constant "
   "recent rupiah)")
_p("case_cost_per_week", float, 0.05, "IDR million/(case·week)", 0.0, 100.0,
   "direct costs of one open case (transport, medical, legal), paid as far as funds allow",
   "assumption")

# --- Reserves and staffing -------------------------------------------------------------
_group = "Reserves and staffing"
_p("reserve_weeks", float, 8.0, "weeks", 0.0, 520.0,
   "weeks of running costs the center wants in reserve: below it, hiring is frozen",
   "assumption")
_p("hours_cut_weeks", float, 4.0, "weeks", 0.0, 520.0,
   "weeks of running costs below which paid hours are cut", "assumption")
_p("runway_weeks", float, 26.0, "weeks", 0.0, 520.0,
   "the center also cuts paid hours when, at its average income, its funds would run out "
   "within this many weeks", "assumption")
_p("cut_hours_share", float, 0.6, "share", 0.0, 1.0,
   "share of contract hours still paid after a cut", "assumption")
_p("max_unpaid_weeks", int, 8, "weeks", 0, 520,
   "weeks in a row without full salaries before the center lays off one staff member "
   "(then one more each further month), if its income cannot pay them at cut hours",
   "assumption")
_p("budget_memory_weeks", float, 26.0, "weeks", 1.0, 520.0,
   "time over which the center averages its income when it judges whether it can keep "
   "its staff (exponential moving average)", "assumption")
_p("staff_turnover_per_year", float, 0.1, "probability/year", 0.0, 1.0,
   "chance that a staff member leaves in a year while funds suffice (raised by "
   "shortfall_exit_factor while they are short)", "assumption")

# --- Volunteers --------------------------------------------------------------------------
_group = "Volunteers"
_p("volunteer_recruits_per_year", float, 4.0, "persons/year", 0.0, 1000.0,
   "new volunteers joining per year", "assumption")
_p("volunteer_exit_per_year", float, 0.4, "probability/year", 0.0, 1.0,
   "chance per year that a volunteer with no dedication leaves while funds are sufficient",
   "assumption")
_p("shortfall_exit_factor", float, 3.0, "multiplier", 0.0, 100.0,
   "how much more often volunteers and staff leave while funds are short, at no dedication",
   STUDY + ", finding 2.2; value assumption")
_p("burnout_gain", float, 0.02, "1/week", 0.0, 1.0,
   "burnout gained per week at a case workload double the volunteer's case time",
   "assumption")
_p("burnout_recovery", float, 0.05, "1/week", 0.0, 1.0,
   "share of burnout lost per week without overload", "assumption")

#: Read-only mapping from name to Param, in table order.
PARAMETERS: MappingProxyType = MappingProxyType({p.name: p for p in _TABLE})
#: The default value of every parameter.
DEFAULTS: MappingProxyType = MappingProxyType({p.name: p.default for p in _TABLE})


class Params:
    """Validated, read-only parameter values; read as attributes (``p.skill``)."""

    __slots__ = tuple(PARAMETERS)

    def __init__(self, **values):
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError("parameters are read-only once the model is built")

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in PARAMETERS}


#: Constraints between parameters: (names, their total, the limit's name and value, why),
#: checked after
#: every single value is valid, so the CLI, sweeps, the API and the app all refuse them.
CONSTRAINTS = (
    (("entry_police", "entry_agency"),
     lambda v: v["entry_police"] + v["entry_agency"], "", lambda v: 1.0,
     "the rest of the help-seekers go to the center directly"),
    (("admin_hours_per_week", "opportunity_hours_per_week", "campaign_hours_per_week",
      "socialization_hours_per_week", "meetings_per_month x meeting_hours / 4.33"),
     lambda v: (v["admin_hours_per_week"] + v["opportunity_hours_per_week"]
                + v["campaign_hours_per_week"] + v["socialization_hours_per_week"]
                + v["meetings_per_month"] * v["meeting_hours"] / WEEKS_PER_MONTH),
     "staff_hours_per_week", lambda v: v["staff_hours_per_week"],
     "a staff member's planned weekly activities must fit into staff_hours_per_week"),
    (("hours_cut_weeks",), lambda v: v["hours_cut_weeks"],
     "reserve_weeks", lambda v: v["reserve_weeks"],
     "hours are cut only after hiring is frozen: at most reserve_weeks"),
    (("cadres_per_group",), lambda v: v["cadres_per_group"],
     "group_members", lambda v: v["group_members"],
     "a group's cadres are among its group_members"),
)

#: Seeds are whole numbers in this range everywhere: API, command line and sweep specs.
SEED_MAX = 2**63 - 1


def check_seed(rng, name: str = "rng"):
    """Return ``rng`` if it is None, a numpy Generator or a whole number in [0, 2^63-1]."""
    if rng is None or isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool) and 0 <= rng <= SEED_MAX:
        return int(rng)
    raise ParameterError(
        f"{name} = {rng!r}: must be a whole number in [0, {SEED_MAX}] (or None for a "
        "random seed)")


def check_years(years) -> float:
    """Return ``years`` if it is a finite number above 0 and at most 200."""
    if (isinstance(years, bool) or not isinstance(years, numbers.Real)
            or not math.isfinite(years) or not 0 < years <= MAX_YEARS):
        raise ParameterError(f"years = {years!r}: must be a number above 0 and at most "
                             f"{MAX_YEARS}")
    return float(years)


MAX_YEARS = 200


def validate(**values) -> Params:
    """Check ``values`` against the table and fill in defaults.

    Raises ParameterError naming the parameter, the value and the valid range,
    for an unknown name, a wrong type, NaN, or a value out of range.
    """
    for name in values:
        if name not in PARAMETERS:
            close = difflib.get_close_matches(name, PARAMETERS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ParameterError(f"unknown parameter {name!r}{hint}")
    checked = {name: PARAMETERS[name].check(values.get(name, p.default))
               for name, p in PARAMETERS.items()}
    for names, total, limit_name, limit, why in CONSTRAINTS:
        value, bound = total(checked), limit(checked)
        if value > bound + 1e-9:
            joined = " + ".join(repr(n) for n in names)
            limit_text = f"{limit_name!r} = {_fmt(float(bound))}" if limit_name else _fmt(bound)
            raise ParameterError(
                f"parameter{'s' if len(names) > 1 else ''} {joined} = {_fmt(float(value))} "
                f"must not exceed {limit_text} ({why})")
    return Params(**checked)
