"""The community field: cadres and the groups they coordinate (finding 1 of the study)."""

from mesa import Agent


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

    def step(self) -> None:
        """Cadres stop at a constant yearly rate; a group with no cadre left dissolves."""
        model = self.model
        if model.random.random() < model.weekly_cadre_attrition:
            group = self.group
            if group is not None:
                group.members.remove(self)
                if not group.members:
                    group.remove()
            else:
                model.free_cadres.remove(self)
            self.remove()


class CommunityGroup(Agent):
    """An accompanied community group (komunitas dampingan), coordinated by cadres.

    Each active group raises the chance that a survivor who would not seek help
    is identified and brought to the center.
    """

    def __init__(self, model, members):
        super().__init__(model)
        self.members = list(members)
        for cadre in self.members:
            cadre.group = self
