"""The baseline against the reported figures (shared/data/reported_cases.csv)."""

import numpy as np

from experiments.single import run_simulation, yearly_summary


def test_baseline_handles_cases_and_grows_groups_as_reported():
    handled, groups = [], []
    for seed in range(10):
        _, series = run_simulation(5, seed)
        table = yearly_summary(series)
        handled.append(table["cases_handled"].to_numpy())
        groups.append(table["groups"].to_numpy())
    handled, groups = np.array(handled), np.array(groups)
    # Rows 'Nurani Perempuan WCC 2019-2022': 94 to 105 cases handled a year.
    mean_per_year = handled[:, 1:].mean()
    assert 85 <= mean_per_year <= 120, mean_per_year
    # Row 'community groups in Padang, 2019': about 7 groups; the model starts with none.
    assert groups[:, 0].mean() < groups[:, -1].mean()
    assert 4 <= groups[:, 3:].mean() <= 10, groups[:, 3:].mean()
