"""The command line (`python run.py ...`): the top layer, above model, experiments and viz."""

from .main import main

__all__ = ["main"]
