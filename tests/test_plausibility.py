"""The baseline against the reported figures (shared/data/reported_cases.csv).

These are checks of plausibility over seeds, not calibration: docs/validation.md has
the full pattern tests with their replication counts.
"""

import numpy as np

from experiments.single import run_simulation, yearly_summary


def test_baseline_from_1999_handles_cases_and_grows_groups_as_reported():
    handled, groups = [], []
    for seed in range(10):
        _, series = run_simulation(until=2023, seed=seed)
        table = yearly_summary(series)
        handled.append(table.loc[2019:2022, "cases_handled"].mean())
        groups.append(table.loc[2019, "groups"])
    # Rows 'Nurani Perempuan WCC 2019-2022': 94 to 105 cases handled a year.
    assert 85 <= np.mean(handled) <= 120, handled
    # Row 'community groups in Padang, 2019': about 7 groups; the model starts with none.
    assert 4 <= np.mean(groups) <= 10, groups
