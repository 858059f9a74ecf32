"""Experiments with the model: single runs now; scenarios, sweeps and analysis to come."""
