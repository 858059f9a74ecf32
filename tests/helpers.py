"""Small helpers shared by the tests."""

from model import CollaborationModel


def run_weeks(weeks: int, rng: int = 1, **params) -> CollaborationModel:
    model = CollaborationModel(rng=rng, **params)
    for _ in range(weeks):
        model.step()
    return model


def total(model, column: str) -> float:
    return model.datacollector.get_model_vars_dataframe()[column].iloc[1:].sum()
