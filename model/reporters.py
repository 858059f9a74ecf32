"""What the model reports each week: flows (counts during the week) and stocks (at its end)."""

from functools import partial

from mesa.datacollection import DataCollector

from .agency import AGENCY_KEYS

#: Counts accumulated during a week and reset at its start.
FLOWS = (
    "incidents", "sought_help", "entry_police", "entry_agency", "entry_center",
    "entry_community", "seen_by_agencies", "referred",
    *(f"referrals_{k}" for k in AGENCY_KEYS),
    "intake", "intake_sexual_violence", "wait_weeks", "closed_good", "closed_poor",
    "dropped_out", "agency_served", "agency_unserved", "unreached", "unmet_need",
    "forums_attended", "requests_made", "requests_met", "proposals", "joint_programs",
    "conflicts", "reports_delivered", "grant_renewed", "grant_lost",
    "income", "spending", "staff_hired", "staff_left", "staff_laid_off",
    "volunteers_joined", "volunteers_left", "new_cadres", "new_groups",
)

#: Levels read at the end of a week.
STOCKS = (
    "waiting", "in_service", "capacity", "funds", "donor_active", "staff", "volunteers",
    "cadres", "groups", "awareness", "mean_burnout", "mean_trust", "mean_tie",
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
    "seen_by_agencies": "survivors seen by an agency or the police",
    "referred": "survivors referred to the center by agencies and the police",
    "intake": "cases handled: survivors taken into accompaniment for the first time",
    "intake_sexual_violence": "cases handled that are sexual violence",
    "wait_weeks": "weeks waited, summed over this week's intake",
    "closed_good": "accompaniments ended with a good outcome",
    "closed_poor": "accompaniments ended with a poor outcome",
    "dropped_out": "survivors who left the waiting list",
    "agency_served": "survivors an agency handled itself",
    "agency_unserved": "survivors an agency neither referred nor served",
    "unreached": "survivors who sought no help and were not identified",
    "unmet_need": "survivors who reached a service but were not served: agency_unserved + dropped_out",
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
    "capacity": "cases staff and volunteers have time for",
    "funds": "funds (IDR million)",
    "donor_active": "1 while a donor grant runs",
    "staff": "staff",
    "volunteers": "volunteers",
    "cadres": "community cadres",
    "groups": "accompanied community groups",
    "awareness": "public awareness from campaigns (0-1)",
    "mean_burnout": "mean burnout of volunteers (0-1)",
    "mean_trust": "mean trust of the eight agencies in the center (0-1)",
    "mean_tie": "mean combined staff tie to the eight agencies (0-1)",
    "referral_uptake": "share of survivors seen by agencies this week who were referred",
    "mean_wait": "mean weeks waited by this week's intake",
}
for _k in AGENCY_KEYS:
    MEANINGS[f"referrals_{_k}"] = f"referrals to the center by {_k}"
    MEANINGS[f"trust_{_k}"] = f"trust of {_k} in the center (0-1)"
    MEANINGS[f"tie_{_k}"] = f"combined staff tie to {_k} (0-1)"


def _read(name: str, model):
    return model.record[name]


def model_reporters() -> dict:
    """DataCollector reporters for every flow and stock (picklable, for process pools)."""
    return {name: partial(_read, name) for name in FLOWS + STOCKS}


class RecordCollector(DataCollector):
    """Mesa's DataCollector, reading the week's ``model.record`` directly.

    Every reported value is a plain number, so the deep copy Mesa's collector
    makes of each value (a fifth of a baseline run's time) is not needed. The
    stored data and every reading method are Mesa's own.
    """

    def collect(self, model):
        self._collection_steps.append(model.time)
        record = model.record
        for name, values in self.model_vars.items():
            values.append(record[name])
