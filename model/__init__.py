"""Kolaborasi: an agent-based model of a women's crisis center's collaboration.

Three lines to run one simulation::

    from model import CollaborationModel
    model = CollaborationModel(rng=42).run(years=25)
    df = model.datacollector.get_model_vars_dataframe()
"""

from .agency import AGENCY_KEYS
from .calendar import WEEKS_PER_YEAR
from .model import CollaborationModel
from .parameters import (DEFAULTS, PARAMETERS, SEED_MAX, Param, ParameterError, check_seed,
                         check_years, validate)
from .reporters import FLOWS, MEANINGS, STOCKS
from .survivor import State

__all__ = [
    "AGENCY_KEYS", "CollaborationModel", "DEFAULTS", "FLOWS", "MEANINGS", "PARAMETERS",
    "Param", "ParameterError", "SEED_MAX", "STOCKS", "State", "WEEKS_PER_YEAR",
    "check_seed", "check_years", "validate",
]
