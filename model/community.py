"""The community field: socialization, cadres and accompanied groups (finding 1 of the study)."""

from mesa import Agent

from .calendar import per_week


class Cadre(Agent):
    """A community member trained through the center's socialization.

    ``trainer`` is the staff member or volunteer whose socialization produced
    the cadre (a personal tie in the community field); ``group`` is the
    accompanied community group the cadre coordinates, once there is one.
    """

    def __init__(self, model, trainer=None):
        super().__init__(model)
        self.trainer = trainer
        self.group = None

    def join(self, group) -> None:
        """She coordinates ``group`` from now on."""
        self.group = group

    def leave_group(self) -> None:
        """Her group folded; she is free to start or join another."""
        self.group = None

    def step(self) -> None:
        """Cadres stop at a constant yearly rate; a group with no cadre left folds."""
        model = self.model
        if model.random.random() < model.weekly_cadre_attrition:
            group = self.group
            if group is not None:
                group.lose(self)
            else:
                model.remove_free_cadre(self)
            self.remove()


class CommunityGroup(Agent):
    """An accompanied community group (komunitas dampingan), coordinated by cadres.

    It has ``members`` community members, its cadres among them (about 25 in
    2019). Each active group raises the chance that a survivor who would not
    seek help is identified and brought to the center.
    """

    def __init__(self, model, cadres):
        super().__init__(model)
        self.cadres = list(cadres)
        for cadre in self.cadres:
            cadre.join(self)

    @property
    def members(self) -> int:
        return max(self.model.p.group_members, len(self.cadres))

    def lose(self, cadre) -> None:
        """A cadre stops; without cadres the group folds."""
        self.cadres.remove(cadre)
        if not self.cadres:
            self.fold()

    def fold(self) -> None:
        """The group stops meeting; its remaining cadres are free again."""
        model = self.model
        for cadre in self.cadres:
            cadre.leave_group()
            model.add_free_cadre(cadre)
        self.cadres = []
        model.flow["groups_folded"] += 1
        self.remove()


def max_groups(p) -> int:
    """The ceiling: the districts the center reaches times the groups one can hold."""
    return p.kecamatan_reached * p.groups_per_kecamatan


def socialize(model) -> None:
    """Socialization produces cadres: Poisson(cadre_yield x skill-weighted hours).

    Each new cadre is tied to a trainer drawn at random from the staff and
    volunteers.
    """
    n_new = int(model.rng.poisson(model.p.cadre_yield * model.socialization_effort))
    people = model.team()
    for _ in range(n_new):
        trainer = model.random.choice(people) if people else None
        model.add_free_cadre(Cadre(model, trainer))
    model.flow["new_cadres"] += n_new


def form_and_fold_groups(model) -> None:
    """Groups form at a rate that grows with the free cadres, up to a ceiling; groups fold.

    With k cadres per group, free cadres make f = free // k possible groups;
    one forms in a week with chance 1 - (1 - group_formation_rate)^f while
    there are fewer than max_groups. Each group folds with chance
    group_fold_per_year (per week, compounded).
    """
    p = model.p
    r = model.random
    fold = per_week(p.group_fold_per_year)
    if fold > 0 and model.n_groups:
        for group in model.groups:
            if r.random() < fold:
                group.fold()
    k = p.cadres_per_group
    possible = len(model.free_cadres) // k
    if possible and model.n_groups < max_groups(p):
        if r.random() < 1.0 - (1.0 - p.group_formation_rate) ** possible:
            CommunityGroup(model, model.take_free_cadres(k))
            model.flow["new_groups"] += 1
