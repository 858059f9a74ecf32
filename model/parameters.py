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

#: Short names for the sources cited in the table (full references in docs/ODD.md).
DATA = "../shared/data/reported_cases.csv"
STUDY = "the study (seed/SUMMARY.md)"
JOSANG = "Jøsang & Ismail 2002, The Beta Reputation System"
CALIBRATED = ("calibrated by ABC to rows 'Nurani Perempuan WCC' 2019-2022 (cases handled) "
              "and 2019 (community groups) of " + DATA + " (docs/calibration.md)")


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
            if isinstance(value, bool) or type(value).__name__ == "bool_":
                return bool(value)
            raise ParameterError(f"{where}: must be true or false")
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ParameterError(
                f"{where}: must be a number in {self.range_text()} ({self.unit})"
            )
        if isinstance(value, float) and math.isnan(value):
            raise ParameterError(f"{where}: NaN is not allowed; valid range {self.range_text()}")
        if self.kind is int:
            if float(value) != int(value):
                raise ParameterError(f"{where}: must be a whole number in {self.range_text()}")
            value = int(value)
        else:
            value = float(value)
        if not (self.low <= value <= self.high):
            raise ParameterError(
                f"{where} is out of range: valid range {self.range_text()} ({self.unit})"
            )
        return value


def _fmt(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


_TABLE: list[Param] = []
_group = ""


def _p(name, kind, default, unit, low, high, meaning, source):
    _TABLE.append(Param(name, kind, default, unit, low, high, meaning, source, _group))


# --- Calendar ------------------------------------------------------------------------
_group = "Calendar"
_p("start_year", int, 1999, "calendar year", 1999, 2100,
   "calendar year of the first simulated week (the center was founded in 1999)",
   "../shared/data/organisation.md (founded 1999)")

# --- Survivors and help-seeking -------------------------------------------------
_group = "Survivors and help-seeking"
_p("incidents_per_week", float, 8.1, "survivors/week", 0.0, 1000.0,
   "GBV incidents against women in the catchment that a service could come to know of",
   CALIBRATED)
_p("help_seeking", float, 0.4, "probability", 0.0, 1.0,
   "chance that a survivor seeks help at some service by herself", CALIBRATED)
_p("entry_police", float, 0.35, "probability", 0.0, 1.0,
   "share of help-seekers whose first contact is the police", "assumption")
_p("entry_agency", float, 0.35, "probability", 0.0, 1.0,
   "share of help-seekers whose first contact is UPTD PPA, Dinas Sosial or DP3AP2KB "
   "(the rest come to the center directly)", "assumption")
_p("province_share", float, 0.5, "probability", 0.0, 1.0,
   "share of agency contacts made at province rather than city level", "assumption")
_p("sexual_violence_share", float, 0.55, "probability", 0.0, 1.0,
   "share of cases that are sexual violence (the rest domestic and other violence)",
   "row 'Nurani Perempuan WCC, 2022' of " + DATA + " (51 of 94)")
_p("agency_capacity_per_week", float, 1.0, "cases/(agency·week)", 0.0, 100.0,
   "cases an agency can handle itself each week when it does not refer",
   "row 'West Sumatra province UPTD PPA, 2018' of " + DATA + " (64 cases/year)")

# --- The center's capacity --------------------------------------------------------
_group = "Center capacity and casework"
_p("n_staff", int, 8, "persons", 0, 500,
   "staff positions the center fills when it can pay for them", "assumption (headcount not public)")
_p("n_volunteers", int, 12, "persons", 0, 5000,
   "volunteers at the start", "assumption (headcount not public)")
_p("staff_hours_per_week", float, 40.0, "hours/week", 1.0, 80.0,
   "working time of one staff member", "Indonesian 40-hour week (UU 13/2003 Ketenagakerjaan)")
_p("admin_hours_per_week", float, 8.0, "hours/week", 0.0, 80.0,
   "staff time taken by office work and reporting", "assumption")
_p("hours_per_case_week", float, 5.7, "hours/(case·week)", 0.5, 40.0,
   "accompaniment time one open case needs each week", CALIBRATED)
_p("service_weeks", float, 20.0, "weeks", 1.0, 104.0,
   "mean length of an accompaniment (scaled by severity)", "assumption")
_p("dropout_per_week", float, 0.08, "probability/week", 0.0, 1.0,
   "chance that a waiting survivor gives up in a week", "assumption")
_p("volunteer_hours_per_week", float, 10.0, "hours/week", 0.0, 60.0,
   "time a fully dedicated volunteer gives", "assumption")
_p("volunteer_outreach_share", float, 0.3, "share", 0.0, 1.0,
   "share of volunteer time spent on community outreach (the rest on accompaniment)",
   "assumption")
_p("outcome_floor", float, 0.3, "probability", 0.0, 1.0,
   "chance of a good case outcome when the worker's commitment is zero", "assumption")

# --- Advocacy in the province and city fields ------------------------------------
_group = "Advocacy (province and city fields)"
_p("meetings_per_month", float, 3.0, "meetings/(staff·month)", 0.0, 40.0,
   "face-to-face meetings each staff member holds with agency contacts", STUDY + ", finding 1")
_p("meeting_hours", float, 3.0, "hours", 0.5, 16.0,
   "time one meeting takes, travel included", "assumption")
_p("forums_per_year", float, 4.0, "forums/(agency·year)", 0.0, 52.0,
   "discussion forums each agency hosts on protecting women", STUDY + ", finding 1")
_p("forum_attendance", float, 0.8, "probability", 0.0, 1.0,
   "chance that the center sends someone to a forum", STUDY + ", finding 1")
_p("forum_hours", float, 4.0, "hours", 0.5, 16.0, "time one forum takes", "assumption")
_p("opportunity_hours_per_week", float, 2.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent analysing funding opportunities and agency programs", STUDY + ", finding 1")
_p("opportunity_rate", float, 0.01, "opportunities/hour", 0.0, 1.0,
   "opportunities found per hour of analysis by a fully skilled staff member", "assumption")
_p("programs_per_agency_per_year", int, 1, "programs/(agency·year)", 0, 12,
   "joint programs each agency can open to the center in a year", "assumption")
_p("joint_program_value", float, 40.0, "IDR million", 0.0, 10000.0,
   "funds a won joint program brings", "assumption (budgets not public)")
_p("request_interval_weeks", int, 26, "weeks", 1, 520,
   "how long a referral request stays valid before it must be renewed", "assumption")
_p("request_hours", float, 6.0, "hours", 0.0, 80.0,
   "time one referral request takes to prepare", "assumption")
_p("referral_agreement", bool, False, "switch", None, None,
   "a signed referral agreement (MoU): every request meets the agency's requirements",
   "assumption (policy scenario)")
_p("unmet_request_factor", float, 0.3, "multiplier", 0.0, 1.0,
   "how much of its referral propensity an agency keeps when the center's request "
   "did not meet its requirements", "assumption")
_p("tie_weight", float, 0.5, "share", 0.0, 1.0,
   "share of an agency's referral propensity that depends on personal ties", "assumption")
_p("campaign_hours_per_week", float, 2.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent on awareness campaigns", STUDY + ", finding 1")
_p("campaign_gain", float, 0.002, "awareness/hour", 0.0, 1.0,
   "public awareness gained per campaign hour (share of the remaining gap)", "assumption")
_p("awareness_decay", float, 0.02, "1/week", 0.0, 1.0,
   "share of public awareness lost each week", "assumption")
_p("awareness_effect", float, 0.3, "share", 0.0, 1.0,
   "how far full awareness closes the gap between help_seeking and 1", "assumption")

# --- Community field ----------------------------------------------------------------
_group = "Community field"
_p("socialization_hours_per_week", float, 3.0, "hours/(staff·week)", 0.0, 40.0,
   "staff time spent on socialization in communities", STUDY + ", finding 1")
_p("cadre_yield", float, 0.0035, "cadres/hour", 0.0, 1.0,
   "cadres produced per skill-weighted hour of socialization", CALIBRATED)
_p("cadres_per_group", int, 3, "cadres", 1, 50,
   "cadres needed to form an accompanied community group", "assumption")
_p("group_formation_prob", float, 0.1, "probability/week", 0.0, 1.0,
   "chance per week that enough free cadres form a group", "assumption")
_p("group_reach", float, 0.012, "probability", 0.0, 1.0,
   "chance that one group identifies a survivor who did not seek help",
   "assumption (set by hand; docs/ODD.md §7)")
_p("cadre_attrition_per_year", float, 0.05, "probability/year", 0.0, 1.0,
   "chance that a cadre stops in a year", "assumption")

# --- Trust and ties -------------------------------------------------------------------
_group = "Trust (Beta reputation) and personal ties"
_p("trust_prior", float, 0.3, "probability", 0.0, 1.0,
   "trust an agency has in an NGO it has no experience of (base rate)", JOSANG + "; value assumption")
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

# --- Habitus ------------------------------------------------------------------------------
_group = "Habitus (finding 2)"
_p("skill", float, 0.6, "score (0-1)", 0.0, 1.0,
   "mean skill of staff and volunteers: seeing opportunities, meeting bureaucratic "
   "requirements",
   STUDY + ", finding 2.1")
_p("volunteerism", float, 0.7, "score (0-1)", 0.0, 1.0,
   "mean dedication of staff and volunteers, who keep working without incentives",
   STUDY + ", finding 2.2")
_p("accountability", float, 0.8, "probability", 0.0, 1.0,
   "chance that each quarterly activity and funding report is delivered", STUDY + ", finding 2.3")
_p("commitment", float, 0.8, "score (0-1)", 0.0, 1.0,
   "mean commitment of staff and volunteers to survivors ('a friend to women')",
   STUDY + ", finding 2.4")
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

# --- Conflicts -------------------------------------------------------------------------
_group = "Conflicts"
_p("conflict_rate_per_year", float, 1.0, "conflicts/(agency·year)", 0.0, 52.0,
   "conflicts with an agency per year with no accountability and no joint program",
   STUDY + ", finding 2.3; value assumption")

# --- Funding ----------------------------------------------------------------------------
_group = "Funding and staffing"
_p("initial_funds", float, 250.0, "IDR million", 0.0, 100000.0,
   "funds at the start", "assumption (budget not public)")
_p("donor_grant_per_year", float, 450.0, "IDR million/year", 0.0, 100000.0,
   "donor grant while it runs, paid weekly", "assumption (budget not public)")
_p("donor_renewal_floor", float, 0.5, "probability", 0.0, 1.0,
   "chance of renewal at the end of a grant year with no reports delivered", "assumption")
_p("conflict_funding_penalty", float, 0.05, "share", 0.0, 1.0,
   "share of the renewal chance lost per conflict in the grant year", "assumption")
_p("new_donor_per_year", float, 2.0, "donors/year", 0.0, 52.0,
   "rate of finding a new donor while none funds the center, at full skill of those "
   "still working (staff, or volunteers when no staff are left)", "assumption")
_p("staff_cost_per_month", float, 3.5, "IDR million/(staff·month)", 0.0, 1000.0,
   "salary and overhead of one staff member",
   "assumption, near the Padang city minimum wage")
_p("case_cost_per_week", float, 0.1, "IDR million/(case·week)", 0.0, 100.0,
   "direct costs of one open case (transport, medical, legal)", "assumption")
_p("reserve_weeks", float, 8.0, "weeks", 0.0, 520.0,
   "weeks of running costs the center wants in reserve before it hires", "assumption")
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
    entry = checked["entry_police"] + checked["entry_agency"]
    if entry > 1.0 + 1e-12:
        raise ParameterError(
            f"parameters 'entry_police' + 'entry_agency' = {entry:g} must not exceed 1 "
            "(the rest of the help-seekers go to the center directly)"
        )
    return Params(**checked)
