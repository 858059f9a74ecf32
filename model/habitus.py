"""Habitus (finding 2 of the study) and network capital, with every switch handled here.

Each finding can be switched off (``use_skill=False``, ...); a switched-off factor
takes the neutral value 0.5 in every rule. The rules never read the switches
themselves: they read the scores this module gives them.
"""

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


def draw_person(random, p) -> tuple[float, float, float]:
    """Skill (2.1), commitment (2.4) and dedication (2.2) of a new staff member or volunteer."""
    k = p.habitus_concentration
    return (draw(random, p.skill, k, p.use_skill),
            draw(random, p.commitment, k, p.use_commitment),
            draw(random, p.volunteerism, k, p.use_volunteerism))


def accountability(p) -> float:
    """The center's reporting practice (finding 2.3), neutral when switched off."""
    return p.accountability if p.use_accountability else NEUTRAL


def tie_strength(p, strength: float) -> float:
    """A personal tie as the rules see it (finding 1), neutral when ties are switched off."""
    return strength if p.use_ties else NEUTRAL
