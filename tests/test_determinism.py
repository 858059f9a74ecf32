"""Same rng, same run, exactly: in one process, across processes, and under batch_run."""

import subprocess
import sys
from pathlib import Path

import mesa
import pandas as pd
from pandas.testing import assert_frame_equal

from helpers import run_weeks
from model import CollaborationModel, FLOWS, STOCKS

ROOT = Path(__file__).resolve().parent.parent


def series(model):
    return model.datacollector.get_model_vars_dataframe()


def test_same_seed_same_run():
    a = run_weeks(104, rng=123, skill=0.7)
    b = run_weeks(104, rng=123, skill=0.7)
    assert_frame_equal(series(a), series(b))
    assert a.survivor_counts() == b.survivor_counts()


def test_different_seed_different_run():
    a, b = run_weeks(104, rng=1), run_weeks(104, rng=2)
    assert not series(a).equals(series(b))


SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from model import CollaborationModel
m = CollaborationModel(rng=77)
m.run(2)
print(m.datacollector.get_model_vars_dataframe().to_csv())
"""


def test_same_seed_same_run_in_other_processes_with_other_hash_seeds():
    outputs = set()
    for hash_seed in ("0", "12345"):
        out = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))],
                             capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"})
        outputs.add(out.stdout)
    assert len(outputs) == 1
    here = CollaborationModel(rng=77).run(2)
    assert series(here).to_csv() + "\n" == outputs.pop()


def test_batch_run_accepts_the_model_unchanged():
    results = mesa.batch_run(CollaborationModel, {"skill": [0.3, 0.9], "n_staff": 6},
                             rng=[1, 2], max_steps=30, number_processes=1,
                             data_collection_period=-1, display_progress=False)
    df = pd.DataFrame(results)
    assert len(df) == 4
    assert set(FLOWS + STOCKS) <= set(df.columns)
    assert sorted(df["skill"].unique()) == [0.3, 0.9]
    assert (df["Step"] == 30).all()
    row = df[(df["skill"] == 0.9) & (df["rng"] == 2)].iloc[0]
    direct = run_weeks(30, rng=2, skill=0.9, n_staff=6)
    for name in ("funds", "mean_trust", "intake", "staff", "volunteers"):
        assert row[name] == direct.record[name]


def test_batch_run_in_worker_processes_matches_one_process():
    kwargs = dict(parameters={"accountability": [0.2, 0.9]}, rng=[5, 6], max_steps=20,
                  data_collection_period=-1, display_progress=False)
    one = pd.DataFrame(mesa.batch_run(CollaborationModel, number_processes=1, **kwargs))
    two = pd.DataFrame(mesa.batch_run(CollaborationModel, number_processes=2, **kwargs))
    key = ["accountability", "rng"]
    one = one.sort_values(key).reset_index(drop=True).drop(columns=["RunId"])
    two = two.sort_values(key).reset_index(drop=True).drop(columns=["RunId"])
    assert_frame_equal(one, two)
