"""Kolaborasi: an agent-based model of a women's crisis center's collaboration.

Three lines to run one simulation::

    from model import CollaborationModel
    model = CollaborationModel(rng=42).run(years=5)
    df = model.datacollector.get_model_vars_dataframe()
"""

from .agency import AGENCY_KEYS
from .model import WEEKS_PER_YEAR, CollaborationModel
from .parameters import DEFAULTS, PARAMETERS, Param, ParameterError, validate
from .reporters import FLOWS, MEANINGS, STOCKS
from .survivor import State

__all__ = [
    "AGENCY_KEYS", "CollaborationModel", "DEFAULTS", "FLOWS", "MEANINGS", "PARAMETERS",
    "Param", "ParameterError", "STOCKS", "State", "WEEKS_PER_YEAR", "validate",
]
