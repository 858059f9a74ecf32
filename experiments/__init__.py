"""Experiments with the model: single runs, scenarios, sweeps (local processes or Dask),
their analysis and reports, pattern validation and calibration. Below viz/ and cli/."""
