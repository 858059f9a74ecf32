"""Individual habitus: scores drawn around the center's mean (finding 2 of the study)."""

NEUTRAL = 0.5


def draw(random, mean: float, concentration: float, used: bool = True) -> float:
    """A score in [0, 1] from a Beta distribution with the given mean and concentration.

    When the habitus factor is switched off (``used`` false) every individual
    gets the neutral 0.5, so the factor has no effect on any rule.
    """
    m = min(max(mean, 1e-9), 1.0 - 1e-9)
    # Always draw, so that switching a factor off leaves every other draw unchanged
    # (runs with the factor on and off share their random numbers).
    x = random.betavariate(m * concentration, (1.0 - m) * concentration)
    if not used:
        return NEUTRAL
    if mean <= 0.0 or mean >= 1.0:
        return float(mean)
    return x
