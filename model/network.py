"""The collaboration network: who is tied to whom, and how strongly."""

import networkx as nx

#: Ties weaker than this are left out of the graph.
MIN_TIE = 0.05


def collaboration_network(model) -> nx.Graph:
    """A graph of the center, its people, community groups and agencies.

    Nodes carry ``type`` (center, staff, volunteer, cadre, group, agency),
    ``field`` (province, city, community or center) and ``label``. Edges carry
    ``kind`` (member, tie, trust, coordinates, trained) and ``weight`` in [0, 1]:
    staff-agency and volunteer-agency edges are personal ties (network capital
    belongs to both), center-agency edges the agency's trust.
    Node order follows creation order, so the same run gives the same graph.
    """
    g = nx.Graph()
    g.add_node("center", type="center", field="center", label="Center")
    for agency in model.agency_list:
        g.add_node(agency.key, type="agency", field=agency.field, label=agency.label)
        g.add_edge("center", agency.key, kind="trust", weight=agency.trust)
    people = set()
    for member in model.staff:
        node = f"staff-{member.unique_id}"
        people.add(member)
        g.add_node(node, type="staff", field="center", label=f"Staff {member.unique_id}",
                   skill=member.skill, commitment=member.commitment, caseload=member.caseload)
        g.add_edge(node, "center", kind="member", weight=1.0)
        for agency, tie in zip(model.agency_list, member.ties):
            if tie >= MIN_TIE:
                g.add_edge(node, agency.key, kind="tie", weight=tie)
    for volunteer in model.volunteers:
        node = f"volunteer-{volunteer.unique_id}"
        people.add(volunteer)
        g.add_node(node, type="volunteer", field="community",
                   label=f"Volunteer {volunteer.unique_id}",
                   skill=volunteer.skill, dedication=volunteer.dedication,
                   burnout=volunteer.burnout, caseload=volunteer.caseload)
        g.add_edge(node, "center", kind="member", weight=1.0)
        for agency, tie in zip(model.agency_list, volunteer.ties):
            if tie >= MIN_TIE:
                g.add_edge(node, agency.key, kind="tie", weight=tie)
    for group in model.groups:
        node = f"group-{group.unique_id}"
        g.add_node(node, type="group", field="community", label=f"Group {group.unique_id}",
                   members=group.members, cadres=len(group.cadres))
        g.add_edge(node, "center", kind="member", weight=1.0)
    for cadre in model.cadres:
        node = f"cadre-{cadre.unique_id}"
        g.add_node(node, type="cadre", field="community", label=f"Cadre {cadre.unique_id}")
        if cadre.group is not None:
            g.add_edge(node, f"group-{cadre.group.unique_id}", kind="coordinates", weight=1.0)
        trainer = cadre.trainer
        if trainer in people:
            kind = type(trainer).__name__.lower()
            g.add_edge(node, f"{kind}-{trainer.unique_id}", kind="trained", weight=0.5)
    return g
