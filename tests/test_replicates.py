"""The replicate pipeline: common random numbers, fixed row order, same results anywhere."""

import pandas as pd
import pytest

from experiments.replicates import (ReplicateError, calendar_years, on_series, paired,
                                    replicate_seed, run_replicates)

ARMS = {"base": {}, "skilled": {"skill": 0.8}}


def cases_and_staff(frame):
    weeks = frame.iloc[1:]
    return {"cases": float(weeks["intake"].sum()), "tie_end": float(frame["mean_tie"].iloc[-1]),
            "first_year": int(frame["year"].iloc[1])}


MEASURE = on_series(cases_and_staff)


def test_replicate_k_of_every_arm_shares_one_seed():
    table = run_replicates(ARMS, 3, 11, MEASURE, years=0.5, workers=1, progress=False)
    seeds = table.pivot(index="replicate", columns="arm", values="seed")
    assert (seeds["base"] == seeds["skilled"]).all()
    assert seeds["base"].nunique() == 3
    assert list(seeds["base"]) == [replicate_seed(11, k) for k in range(3)]


def test_rows_follow_arm_then_replicate_order():
    table = run_replicates({"b": {}, "a": {}}, 2, 1, MEASURE, years=0.2, workers=1,
                           progress=False)
    assert list(zip(table["arm"], table["replicate"])) == [("b", 0), ("b", 1), ("a", 0),
                                                           ("a", 1)]


def test_one_and_two_local_workers_give_the_same_frame():
    one = run_replicates(ARMS, 3, 5, MEASURE, years=1, workers=1, progress=False)
    two = run_replicates(ARMS, 3, 5, MEASURE, years=1, workers=2, progress=False)
    pd.testing.assert_frame_equal(one, two)


def test_dask_gives_the_same_frame_as_local_processes():
    from dask.distributed import LocalCluster

    local = run_replicates(ARMS, 2, 9, MEASURE, years=0.5, workers=1, progress=False)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=":0") as cluster:
        remote = run_replicates(ARMS, 2, 9, MEASURE, years=0.5,
                                executor=cluster.scheduler_address, progress=False)
    pd.testing.assert_frame_equal(local, remote)


def test_events_change_only_their_arm_from_the_given_week():
    table = run_replicates({"kept": {}, "lost": {}}, 2, 3, MEASURE, years=0.5, workers=1,
                           progress=False, events={"lost": [(10, "lose_staff", 4)]})
    kept, lost = paired(table, "tie_end", "kept", "lost")
    assert (lost < kept).all()


def test_calendar_years_start_at_start_year_and_change_every_52_weeks():
    frame = pd.DataFrame({"x": range(106)})
    years = calendar_years(frame, 1999)
    assert years.iloc[0] == 1999 and years.iloc[52] == 1999
    assert years.iloc[53] == 2000 and years.iloc[105] == 2001


def test_series_measures_see_calendar_years():
    table = run_replicates({"base": {}}, 1, 1, MEASURE, years=0.1, workers=1, progress=False)
    assert table["first_year"].iloc[0] == 1999


@pytest.mark.parametrize("arms, reps, events, problem", [
    ({}, 2, None, "no arms"),
    ({"a": {}}, 0, None, "reps"),
    ({"a": {}}, 1, {"b": []}, "unknown arm"),
    ({"a": {}}, 1, {"a": [(1, "explode", 2)]}, "kind"),
])
def test_bad_arguments_fail_in_one_line_before_running(arms, reps, events, problem):
    with pytest.raises(ReplicateError, match=problem):
        run_replicates(arms, reps, 1, MEASURE, events=events, progress=False)


def test_replicates_added_later_match_those_run_at_once():
    once = run_replicates(ARMS, 4, 2, MEASURE, years=0.3, workers=1, progress=False)
    later = run_replicates(ARMS, range(2, 4), 2, MEASURE, years=0.3, workers=1, progress=False)
    expected = once[once["replicate"] >= 2].reset_index(drop=True)
    pd.testing.assert_frame_equal(later, expected)


class WeeksSeen:
    """A measure that counts the weeks it observed (its state must not leak between runs)."""

    def __init__(self):
        self.weeks = 0

    def observe(self, model):
        self.weeks += 1

    def __call__(self, model):
        return {"weeks": self.weeks}


def test_observing_measures_see_every_week_of_their_own_run_only():
    table = run_replicates({"a": {}, "b": {}}, 2, 1, WeeksSeen(), years={"a": 0.1, "b": 0.2},
                           workers=1, progress=False)
    assert table.groupby("arm")["weeks"].unique().to_dict() == {"a": [5], "b": [10]}


def test_independent_arms_get_their_own_seeds():
    table = run_replicates({"a": {}, "b": {}}, 2, 4, MEASURE, years=0.1, workers=1,
                           progress=False, common=False)
    assert table["seed"].nunique() == 4
