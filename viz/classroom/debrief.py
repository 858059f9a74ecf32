"""The debrief of a class: its run beside the model's own rules on the same seed.

Common random numbers: the rules twin is a fresh model with the class's seed and
settings, run as many weeks as the class played, with every player hook left None.
Each player's contribution adds up the rounds in which her decision was the one
applied for her role; rounds nobody decided are credited to the model's rules.
Each finding is a check computed from the class's numbers, with those numbers, so the
sentence the page shows follows from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from model import AGENCY_KEYS

#: Totals compared between the class and the rules (flows summed, stocks at the end).
COMPARED_FLOWS = ("referred", "intake", "entry_community", "unmet_need", "conflicts")
COMPARED_STOCKS = ("mean_trust", "mean_tie", "funds", "staff", "volunteers", "groups")
CONTRIBUTION_FIELDS = ("meetings", "ties", "referrals", "cases")
RULES = "rules"     # the decider of a role-round no player decided


@dataclass(frozen=True)
class Finding:
    """One of the study's findings as checked in the class's run (showed: None = no data)."""

    key: str
    showed: bool | None
    values: dict


@dataclass(frozen=True)
class Debrief:
    weeks: int
    rounds: int
    seed: int
    compared: list          # (metric, class value, rules value)
    contributions: list     # (player id or RULES, name, role key, {field: value})
    findings: list


def totals(frame: pd.DataFrame) -> dict:
    """Flows summed over the played weeks and stocks at the last week of a weekly frame."""
    played = frame.iloc[1:]
    out = {name: float(played[name].sum()) for name in COMPARED_FLOWS}
    last = frame.iloc[-1]
    out.update({name: float(last[name]) for name in COMPARED_STOCKS})
    return out


def _rank_correlation(xs: list, ys: list) -> float | None:
    """Spearman's rank correlation, or None when either side does not vary."""
    a, b = pd.Series(xs, dtype=float), pd.Series(ys, dtype=float)
    if a.nunique() < 2 or b.nunique() < 2:
        return None
    return float(a.corr(b, method="spearman"))


def contributions(run, names: dict) -> list:
    """Per player and role: meetings, tie change, referrals and cases in rounds she decided."""
    sums: dict[tuple, dict] = {}
    for result in run.rounds:
        for role, values in result.contributions.items():
            who = result.deciders.get(role) or RULES
            entry = sums.setdefault((who, role), dict.fromkeys(CONTRIBUTION_FIELDS, 0.0))
            for f in CONTRIBUTION_FIELDS:
                entry[f] += values[f]
    order = {r.key: i for i, r in enumerate(run.roles)}
    rows = [(who, names.get(who, ""), role, values) for (who, role), values in sums.items()]
    rows.sort(key=lambda r: (r[0] == RULES, order[r[2]], r[0]))
    return rows


def findings(run, played: pd.DataFrame, rules: pd.DataFrame) -> list[Finding]:
    """The study's findings as they showed, or not, in the class's run."""
    model = run.model
    out = []
    referrals = [float(played[f"referrals_{k}"].iloc[1:].sum()) for k in AGENCY_KEYS]
    ties = [model.agencies[k].tie for k in AGENCY_KEYS]
    trusts = [model.agencies[k].trust for k in AGENCY_KEYS]
    enough = sum(referrals) >= 3
    rho = _rank_correlation(ties, referrals) if enough else None
    out.append(Finding("network", None if rho is None else rho > 0,
                       {"rho": rho if rho is not None else float("nan"),
                        "referrals": int(sum(referrals))}))
    rho = _rank_correlation(trusts, referrals) if enough else None
    out.append(Finding("trust", None if rho is None else rho > 0,
                       {"rho": rho if rho is not None else float("nan"),
                        "referrals": int(sum(referrals))}))
    c, r = played.iloc[-1], rules.iloc[-1]
    tie_gap, trust_gap = c["mean_tie"] - r["mean_tie"], c["mean_trust"] - r["mean_trust"]
    # a gap under 0.01 on either side says nothing about the other
    same_way = (None if min(abs(tie_gap), abs(trust_gap)) < 0.01
                else bool((tie_gap > 0) == (trust_gap > 0)))
    out.append(Finding("contact", same_way,
                       {"tie_class": float(c["mean_tie"]), "tie_rules": float(r["mean_tie"]),
                        "trust_class": float(c["mean_trust"]),
                        "trust_rules": float(r["mean_trust"])}))
    brought = int(played["entry_community"].iloc[1:].sum())
    out.append(Finding("community", brought > 0 or int(c["groups"]) > 0,
                       {"groups": int(c["groups"]), "brought": brought}))
    return out


def make_debrief(room) -> Debrief:
    """The class's run against the rules twin, contributions and findings."""
    run = room.run
    played = run.model.datacollector.get_model_vars_dataframe()
    rules = run.rules_twin().datacollector.get_model_vars_dataframe()
    a, b = totals(played), totals(rules)
    compared = [(name, a[name], b[name]) for name in COMPARED_FLOWS + COMPARED_STOCKS]
    return Debrief(run.weeks, len(run.rounds), run.seed, compared,
                   contributions(run, room.known), findings(run, played, rules))
