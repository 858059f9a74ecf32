"""The study's findings as paired experiments (pattern-oriented modelling, Grimm et al. 2005).

Each experiment has two or more arms (parameter settings, with optional
interventions during the run), replicated with common random numbers (replicate k
of every arm shares a seed), and one or more outcomes, each a paired comparison
with an expected direction. An experiment is either a *verification* (it checks
that a rule does what its docstring says, and holds by construction) or a
*pattern* (an outcome no single rule encodes); ``why`` says which and why. The
contrasting settings come from the findings registry (experiments/findings.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from model.calendar import WEEKS_PER_QUARTER
from model.calendar import WEEKS_PER_YEAR as YEAR

from .findings import finding


# --- outcome measures on a run's weekly series (row 0 is the start) --------------------
def level(column: str, week: int):
    """A stock at the end of ``week``."""
    def measure(series):
        return float(series[column][min(week, len(series[column]) - 1)])
    measure.__name__ = f"{column} at week {week}"
    return measure


def mean_level(column: str, first: int, last: int):
    """The mean of a stock over weeks first..last."""
    def measure(series):
        return float(np.mean(series[column][first:last + 1]))
    measure.__name__ = f"mean {column}, weeks {first}-{last}"
    return measure


def total(column: str, first: int, last: int, per_year: bool = True):
    """A flow summed over weeks first..last (per year by default)."""
    def measure(series):
        s = float(np.sum(series[column][first:last + 1]))
        return s * YEAR / (last - first + 1) if per_year else s
    measure.__name__ = f"{column} per year, weeks {first}-{last}"
    return measure


def share(numerator: str, denominator: str, first: int, last: int):
    """Summed numerator over summed denominator, weeks first..last."""
    def measure(series):
        den = float(np.sum(series[denominator][first:last + 1]))
        return float(np.sum(series[numerator][first:last + 1])) / den if den else float("nan")
    measure.__name__ = f"{numerator}/{denominator}, weeks {first}-{last}"
    return measure


def gap(a_measure, b_measure):
    """The difference of two measures within one run."""
    def measure(series):
        return a_measure(series) - b_measure(series)
    measure.__name__ = f"({a_measure.__name__}) - ({b_measure.__name__})"
    return measure


@dataclass(frozen=True)
class Arm:
    """One experimental condition: parameter settings and interventions during the run."""

    name: str
    params: dict = field(default_factory=dict)
    events: tuple = ()          # (week, "change", {params}) or (week, "lose_staff", count)


@dataclass(frozen=True)
class Outcome:
    """A paired comparison: ``measure_a`` on arm_a against ``measure_b`` on arm_b.

    ``expect`` is "greater" when the study implies a > b, "less" when a < b, and
    "recovers" for a gap between the arms that narrows: the gap arm_a - arm_b measured
    by ``measure_a`` (later) is smaller than the gap measured by ``measure_b`` (earlier).
    ``by_construction`` says why an outcome of a pattern experiment restates a rule: it
    is then reported as verification and left out of the pattern's verdict.
    """

    label: str
    arm_a: str
    arm_b: str
    measure_a: object
    measure_b: object
    expect: str = "greater"
    by_construction: str = ""


@dataclass(frozen=True)
class Pattern:
    key: str
    claim: str                  # the finding, in one line
    source: str                 # where the study says it
    experiment: str             # the design, in one line
    arms: tuple
    outcomes: tuple
    years: float
    plot: str                   # the column whose time course the figure shows
    columns: tuple = ()         # columns the measures need
    kind: str = "verification"  # "verification" (holds by construction) or "pattern"
    why: str = ""               # why it holds by construction, or why it does not


VERIFICATION, PATTERN = "verification", "pattern"


def _cols(*names):
    return tuple(sorted(set(names)))


STOP = 2 * YEAR          # week of the mid-run interventions
#: Why P7's community outcomes restate rules: without outreach hours nobody trains cadres.
NO_OUTREACH = ("with no outreach hours no cadre is trained (the socialization rule), so "
               "there are no cadres, groups or survivors found by groups in that arm")
#: The funding cut of P5 (IDR million a year); a parameter name to update with the model.
SHORT_FUNDS = {"donor_grant_per_year": 150.0}
END4 = 4 * YEAR
HALF_YEAR = 2 * WEEKS_PER_QUARTER

PATTERNS = (
    Pattern(
        key="P1",
        claim="Face-to-face meetings and forum attendance build agencies' trust; without "
              "contact, trust decays.",
        source="finding 1 (meetings, forums) and 2.4 (trust)",
        experiment="4 years; in one arm meetings and forum attendance stop after year 2.",
        arms=(Arm("contact"),
              Arm("contact stops", events=((STOP, "change", finding("1").switch),))),
        outcomes=(
            Outcome("mean trust in year 4: contact vs contact stopped", "contact",
                    "contact stops", mean_level("mean_trust", 3 * YEAR + 1, END4),
                    mean_level("mean_trust", 3 * YEAR + 1, END4)),
            Outcome("after contact stops: trust at year 4 vs year 2", "contact stops",
                    "contact stops", level("mean_trust", END4), level("mean_trust", STOP),
                    expect="less"),
        ),
        years=4, plot="mean_trust", columns=_cols("mean_trust"),
        kind=VERIFICATION,
        why="Meetings and forums count as good experience in each agency's Beta reputation, which"
            " forgets old experience: the trust rule itself makes trust fall once contact stops."),
    Pattern(
        key="P2",
        claim="Higher trust raises referral uptake.",
        source="finding 2.4",
        experiment="3 years; agencies start from a base trust of 0.6 instead of 0.3 "
                   "(trust_prior), all else equal.",
        arms=(Arm("high trust", {"trust_prior": 0.6}), Arm("baseline trust")),
        outcomes=(
            Outcome("referral uptake, years 1-3", "high trust", "baseline trust",
                    share("referred", "seen_by_agencies", 1, 3 * YEAR),
                    share("referred", "seen_by_agencies", 1, 3 * YEAR)),
            Outcome("mean trust, years 1-3", "high trust", "baseline trust",
                    mean_level("mean_trust", 1, 3 * YEAR),
                    mean_level("mean_trust", 1, 3 * YEAR)),
        ),
        years=3, plot="mean_trust",
        columns=_cols("referred", "seen_by_agencies", "mean_trust"),
        kind=VERIFICATION,
        why="The base rate trust_prior enters every agency's trust, and the chance to refer rises"
            " with trust: a higher prior raises uptake by the referral rule."),
    Pattern(
        key="P3",
        claim="Accountability reporting lowers conflicts and protects trust and funding.",
        source="finding 2.3",
        experiment="5 years; accountability 0.9 against 0.2.",
        arms=(Arm("accountable", finding("2.3").high), Arm("lapsing", finding("2.3").low)),
        outcomes=(
            Outcome("conflicts per year", "accountable", "lapsing",
                    total("conflicts", 1, 5 * YEAR), total("conflicts", 1, 5 * YEAR),
                    expect="less"),
            Outcome("mean trust, years 3-5", "accountable", "lapsing",
                    mean_level("mean_trust", 2 * YEAR + 1, 5 * YEAR),
                    mean_level("mean_trust", 2 * YEAR + 1, 5 * YEAR)),
            Outcome("income per year (IDR million)", "accountable", "lapsing",
                    total("income", 1, 5 * YEAR), total("income", 1, 5 * YEAR)),
        ),
        years=5, plot="mean_trust", columns=_cols("conflicts", "mean_trust", "income"),
        kind=VERIFICATION,
        why="The chance of a conflict falls with accountability, and conflicts count as bad "
            "experience and weigh against renewing grants: each outcome is one rule read in one "
            "direction."),
    Pattern(
        key="P4",
        claim="Staff skill (seeing opportunities, meeting bureaucratic requirements) wins "
              "more joint programs and more accepted referral requests.",
        source="finding 2.1",
        experiment="3 years; mean skill 0.8 against 0.4.",
        arms=(Arm("skilled", finding("2.1").high), Arm("less skilled", finding("2.1").low)),
        outcomes=(
            Outcome("joint programs won per year", "skilled", "less skilled",
                    total("joint_programs", 1, 3 * YEAR), total("joint_programs", 1, 3 * YEAR)),
            Outcome("share of referral requests meeting requirements", "skilled",
                    "less skilled", share("requests_met", "requests_made", 1, 3 * YEAR),
                    share("requests_met", "requests_made", 1, 3 * YEAR)),
        ),
        years=3, plot="referral_uptake",
        columns=_cols("joint_programs", "requests_met", "requests_made"),
        kind=VERIFICATION,
        why="The chances that a referral request meets an agency's requirements and that a joint-"
            "program bid is won both rise with skill."),
    Pattern(
        key="P5",
        claim="A high volunteerism habitus keeps service capacity when funds are short; low "
              "volunteerism with low funds loses volunteers and capacity.",
        source="finding 2.2",
        experiment="4 years; volunteerism 0.9 or 0.3, donor grant 450 or 150 (IDR million a "
                   "year): four arms.",
        arms=(Arm("high volunteerism, short funds", {**finding("2.2").high, **SHORT_FUNDS}),
              Arm("low volunteerism, short funds", {**finding("2.2").low, **SHORT_FUNDS}),
              Arm("low volunteerism, funded", finding("2.2").low)),
        outcomes=(
            Outcome("capacity (cases), year 4, with short funds: high vs low volunteerism",
                    "high volunteerism, short funds", "low volunteerism, short funds",
                    mean_level("capacity", 3 * YEAR + 1, END4),
                    mean_level("capacity", 3 * YEAR + 1, END4)),
            Outcome("volunteers at year 4, with short funds: high vs low volunteerism",
                    "high volunteerism, short funds", "low volunteerism, short funds",
                    level("volunteers", END4), level("volunteers", END4)),
            Outcome("volunteers at year 4, low volunteerism: short funds vs funded",
                    "low volunteerism, short funds", "low volunteerism, funded",
                    level("volunteers", END4), level("volunteers", END4), expect="less"),
        ),
        years=4, plot="volunteers", columns=_cols("capacity", "volunteers"),
        kind=VERIFICATION,
        why="Volunteerism lowers the chance that staff and volunteers leave when funds are short,"
            " and short funds raise it: the outcomes restate those departure rules."),
    Pattern(
        key="P6",
        claim="Commitment to survivors gives better case outcomes, which raise agencies' "
              "trust and referrals.",
        source="finding 2.4",
        experiment="4 years; mean commitment 0.9 against 0.4.",
        arms=(Arm("committed", finding("2.4").high), Arm("less committed", finding("2.4").low)),
        outcomes=(
            Outcome("share of good case outcomes", "committed", "less committed",
                    share("closed_good", "closed_total", 1, END4),
                    share("closed_good", "closed_total", 1, END4)),
            Outcome("mean trust, years 3-4", "committed", "less committed",
                    mean_level("mean_trust", 2 * YEAR + 1, END4),
                    mean_level("mean_trust", 2 * YEAR + 1, END4)),
            Outcome("referral uptake, years 3-4", "committed", "less committed",
                    share("referred", "seen_by_agencies", 2 * YEAR + 1, END4),
                    share("referred", "seen_by_agencies", 2 * YEAR + 1, END4)),
        ),
        years=4, plot="mean_trust",
        columns=_cols("closed_good", "closed_total", "mean_trust", "referred",
                      "seen_by_agencies"),
        kind=VERIFICATION,
        why="The chance of a good case outcome rises linearly with commitment, and good outcomes "
            "count as good experience for the agencies: the first outcome is that rule; the later"
            " ones pass through trust and referral rules that are monotone in it."),
    Pattern(
        key="P7",
        claim="Community socialization produces cadres, cadres form groups, and groups raise "
              "community-level case identification and referrals.",
        source="finding 1 (community field)",
        experiment="5 years; with socialization (baseline) against none.",
        arms=(Arm("outreach"), Arm("no outreach", finding("community").switch)),
        outcomes=(
            Outcome("cadres at year 5", "outreach", "no outreach",
                    level("cadres", 5 * YEAR), level("cadres", 5 * YEAR),
                    by_construction=NO_OUTREACH),
            Outcome("community groups at year 5", "outreach", "no outreach",
                    level("groups", 5 * YEAR), level("groups", 5 * YEAR),
                    by_construction=NO_OUTREACH),
            Outcome("survivors identified by groups per year, years 3-5", "outreach",
                    "no outreach", total("entry_community", 2 * YEAR + 1, 5 * YEAR),
                    total("entry_community", 2 * YEAR + 1, 5 * YEAR),
                    by_construction=NO_OUTREACH),
            Outcome("cases handled per year, years 3-5", "outreach", "no outreach",
                    total("intake", 2 * YEAR + 1, 5 * YEAR),
                    total("intake", 2 * YEAR + 1, 5 * YEAR)),
        ),
        years=5, plot="groups", columns=_cols("cadres", "groups", "entry_community", "intake"),
        kind=PATTERN,
        why="No rule ties outreach to cases handled: it runs through cadres forming groups, "
            "groups finding survivors, and the hours staff and volunteers split between outreach "
            "and casework, so whether cases handled rise depends on how full the center is."),
    Pattern(
        key="P8",
        claim="Losing staff loses their ties, and with them referrals, until ties are rebuilt.",
        source="finding 1 (network capital)",
        experiment="4 years; in one arm the four longest-serving staff leave at the end of "
                   "year 2 (replaced, without ties, as funds allow).",
        arms=(Arm("staff kept"), Arm("staff lost", events=((STOP, "lose_staff", 4),))),
        outcomes=(
            Outcome("mean tie strength, the quarter after the loss", "staff lost",
                    "staff kept", mean_level("mean_tie", STOP + 1, STOP + WEEKS_PER_QUARTER),
                    mean_level("mean_tie", STOP + 1, STOP + WEEKS_PER_QUARTER), expect="less"),
            Outcome("referral uptake, the half-year after the loss", "staff lost",
                    "staff kept", share("referred", "seen_by_agencies", STOP + 1, STOP + HALF_YEAR),
                    share("referred", "seen_by_agencies", STOP + 1, STOP + HALF_YEAR),
                    expect="less"),
            Outcome("ties rebuilt: tie gap (kept - lost) in year 4's last quarter vs the "
                    "quarter after the loss", "staff kept", "staff lost",
                    mean_level("mean_tie", END4 - WEEKS_PER_QUARTER + 1, END4),
                    mean_level("mean_tie", STOP + 1, STOP + WEEKS_PER_QUARTER), expect="recovers"),
        ),
        years=4, plot="mean_tie", columns=_cols("mean_tie", "referred", "seen_by_agencies"),
        kind=VERIFICATION,
        why="Ties leave with the person and replacements start without ties (the departure "
            "rule); the pooled tie never falls when a tie is added and the referral probability"
            " rises with it, so uptake falls with the loss through rules monotone in the ties; "
            "new people's ties grow towards the level of the others by the meeting and decay "
            "rules, so the gap closes."),
)
