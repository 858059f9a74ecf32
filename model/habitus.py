"""Habitus (finding 2 of the study) and network capital, with every switch handled here.

Each finding can be switched off (``use_skill=False``, ...); a switched-off factor
takes the neutral value 0.5 in every rule. The rules never read the switches
themselves: they read the scores this module gives them.
"""

NEUTRAL = 0.5
#: The switches of the personal factors, in the order draw_person returns them.
PERSONAL_SWITCHES = ("use_skill", "use_commitment", "use_volunteerism")


def draw(random, mean: float, concentration: float) -> float:
    """A score in [0, 1] from a Beta distribution with the given mean and concentration."""
    m = min(max(mean, 1e-9), 1.0 - 1e-9)
    # Always draw, so that a mean at 0 or 1, or a factor switched off, leaves every
    # other draw unchanged (runs with the factor on and off share their random numbers).
    x = random.betavariate(m * concentration, (1.0 - m) * concentration)
    if mean <= 0.0 or mean >= 1.0:
        return float(mean)
    return x


def draw_person(random, p) -> tuple[float, float, float]:
    """Skill (2.1), commitment (2.4) and dedication (2.2) of a new person, as drawn."""
    k = p.habitus_concentration
    return (draw(random, p.skill, k), draw(random, p.commitment, k),
            draw(random, p.volunteerism, k))


def in_effect(drawn: tuple[float, float, float], p) -> tuple[float, float, float]:
    """The scores the rules use: as drawn, or the neutral 0.5 for a factor switched off.

    Switching a factor off (or on again) mid-run acts on everyone at once; a new
    mean acts through the people drawn after it.
    """
    return tuple(score if getattr(p, switch) else NEUTRAL
                 for score, switch in zip(drawn, PERSONAL_SWITCHES))


def accountability(p) -> float:
    """The center's reporting practice (finding 2.3), neutral when switched off."""
    return p.accountability if p.use_accountability else NEUTRAL


def tie_strength(p, strength: float) -> float:
    """A personal tie as the rules see it (finding 1), neutral when ties are switched off."""
    return strength if p.use_ties else NEUTRAL
