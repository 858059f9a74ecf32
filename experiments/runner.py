"""One run of a sweep, as executed by a worker process (local or Dask): the model run,
its per-run summary figures and its recorded steps. Storing them is store.py's job."""

from __future__ import annotations

import time
import traceback

import numpy as np
import pandas as pd

from model import FLOWS, WEEKS_PER_YEAR, CollaborationModel


def run_metrics(series: pd.DataFrame) -> dict:
    """Per-run summary figures from a weekly series (row 0 is the start)."""
    weeks = series.iloc[1:]
    years = len(weeks) / WEEKS_PER_YEAR
    last = weeks.iloc[-WEEKS_PER_YEAR:]
    end = series.iloc[-1]

    def ratio(num, den):
        return float(num / den) if den else float("nan")

    return {
        "referral_uptake": ratio(weeks["referred"].sum(), weeks["seen_by_agencies"].sum()),
        "referral_uptake_last_year": ratio(last["referred"].sum(), last["seen_by_agencies"].sum()),
        "referrals_per_year": float(weeks["referred"].sum() / years),
        "cases_handled_per_year": float(weeks["intake"].sum() / years),
        "cases_handled_last_year": float(last["intake"].sum() * WEEKS_PER_YEAR / len(last)),
        "unmet_need_per_year": float(weeks["unmet_need"].sum() / years),
        "community_cases_per_year": float(weeks["entry_community"].sum() / years),
        "mean_wait_weeks": ratio(weeks["wait_weeks"].sum(), weeks["intake"].sum()),
        "good_outcome_share": ratio(weeks["closed_good"].sum(),
                                    weeks["closed_good"].sum() + weeks["closed_poor"].sum()),
        "conflicts_per_year": float(weeks["conflicts"].sum() / years),
        "joint_programs_per_year": float(weeks["joint_programs"].sum() / years),
        "grants_lost": float(weeks["grant_lost"].sum()),
        "mean_trust_end": float(end["mean_trust"]),
        "mean_tie_end": float(end["mean_tie"]),
        "funds_end": float(end["funds"]),
        "staff_end": float(end["staff"]),
        "volunteers_end": float(end["volunteers"]),
        "cadres_end": float(end["cadres"]),
        "groups_end": float(end["groups"]),
    }


#: Names of the per-run summary figures, in order.
METRICS = tuple(run_metrics(CollaborationModel(rng=0).run(2 / WEEKS_PER_YEAR)
                            .datacollector.get_model_vars_dataframe()))


#: Weekly ratios, recomputed over each recorded interval from their parts.
RATIOS = {"referral_uptake": ("referred", "seen_by_agencies"),
          "mean_wait": ("wait_weeks", "intake")}


def recorded_steps(series: pd.DataFrame, every: int, outputs) -> pd.DataFrame:
    """Every ``every``-th week (and the last), with flows summed over the weeks since the
    previous recorded one, ratios recomputed from those sums, and stocks as they stand."""
    keep = np.zeros(len(series), dtype=bool)
    keep[::every] = True
    keep[-1] = True
    kept = series.index[keep]
    out = pd.DataFrame(index=kept)
    flows = series[list(FLOWS)].cumsum()
    window = flows.loc[kept].diff()
    window.iloc[0] = flows.loc[kept[0]]
    for name in outputs:
        if name in RATIOS:
            num, den = RATIOS[name]
            out[name] = (window[num] / window[den].where(window[den] > 0)).to_numpy()
        elif name in window:
            out[name] = window[name].to_numpy()
        else:
            out[name] = series.loc[kept, name].to_numpy()
    return out.reset_index(names="step")


def execute(task: dict) -> dict:
    """Run one simulation and return its recorded steps and summary, or its error.

    ``task`` holds run_id, seed, params, years, outputs and record_every, and may hold
    the run's plan row, which comes back with the result. Never
    raises: a failing run comes back with status 'failed', its error and traceback,
    so that the sweep goes on.
    """
    start = time.perf_counter()
    try:
        from .events import apply_events

        model = CollaborationModel(rng=task["seed"], **task["params"])
        apply_events(model, task.get("events"))
        model.run(task["years"])
        series = model.datacollector.get_model_vars_dataframe()
        steps = recorded_steps(series, task["record_every"], task["outputs"])
        return {"run_id": task["run_id"], "row": task.get("row"), "status": "done", "error": "",
                "metrics": run_metrics(series), "steps": steps,
                "seconds": time.perf_counter() - start}
    except Exception as err:  # recorded with the run, the sweep goes on
        return {"run_id": task["run_id"], "row": task.get("row"), "status": "failed",
                "error": f"{type(err).__name__}: {err}", "traceback": traceback.format_exc(),
                "metrics": dict.fromkeys(METRICS, float("nan")), "steps": None,
                "seconds": time.perf_counter() - start}
