"""The trust rule: a Beta reputation with forgetting (Jøsang & Ismail 2002).

An agency's trust in the center is the expected value of a Beta distribution
over the center's reliability, from discounted counts of good (r) and bad (s)
experiences and a base rate a (the trust it gives an unknown NGO) weighted by
W prior observations:

    trust = (r + W·a) / (r + s + W)

Each week old experience is discounted by the forgetting factor λ
(r ← λ·r + new good, s ← λ·s + new bad), so without contact trust drifts
back to the base rate.
"""


def beta_trust(r: float, s: float, base_rate: float, prior_weight: float) -> float:
    """Expected reliability given good (r) and bad (s) experience; always in [0, 1]."""
    return (r + prior_weight * base_rate) / (r + s + prior_weight)


def forget(count: float, new: float, forgetting: float) -> float:
    """Discount old experience by ``forgetting`` and add this week's."""
    return forgetting * count + new
