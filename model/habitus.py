"""Individual habitus: scores drawn around the center's mean (finding 2 of the study)."""

NEUTRAL = 0.5


def draw(random, mean: float, concentration: float, used: bool = True) -> float:
    """A score in [0, 1] from a Beta distribution with the given mean and concentration.

    When the habitus factor is switched off (``used`` false) every individual
    gets the neutral 0.5, so the factor has no effect on any rule.
    """
    if not used:
        return NEUTRAL
    if mean <= 0.0 or mean >= 1.0:
        return float(mean)
    return random.betavariate(mean * concentration, (1.0 - mean) * concentration)
