"""Community advocacy: socialization builds cadres, cadres form groups (finding 1)."""

from .community import Cadre, CommunityGroup


class OutreachMixin:
    """The grassroots approach of the community field."""

    def socialize_communities(self, people: list) -> None:
        """Socialization produces cadres; enough free cadres form an accompanied group.

        New cadres ~ Poisson(cadre_yield x skill-weighted socialization hours);
        each is tied to a trainer drawn at random from the staff and volunteers.
        """
        p = self.p
        r = self.random
        n_new = int(self.rng.poisson(p.cadre_yield * self.socialization_effort))
        for _ in range(n_new):
            trainer = r.choice(people) if people else None
            self.free_cadres.append(Cadre(self, trainer))
        self.flow["new_cadres"] += n_new
        k = p.cadres_per_group
        while len(self.free_cadres) >= k and r.random() < p.group_formation_prob:
            CommunityGroup(self, self.free_cadres[:k])
            del self.free_cadres[:k]
            self.flow["new_groups"] += 1
