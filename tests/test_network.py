"""The collaboration network view."""

import networkx as nx

from helpers import run_weeks

TYPES = {"center", "staff", "volunteer", "cadre", "group", "agency"}


def test_network_has_every_entity_with_weights_in_bounds():
    model = run_weeks(4 * 52, rng=7, cadre_yield=0.01)
    g = model.network()
    assert isinstance(g, nx.Graph)
    kinds = nx.get_node_attributes(g, "type")
    assert set(kinds.values()) == TYPES
    count = {t: sum(1 for k in kinds.values() if k == t) for t in TYPES}
    assert count == {"center": 1, "agency": 8, "staff": len(model.staff),
                     "volunteer": len(model.volunteers), "cadre": len(model.cadres),
                     "group": model.n_groups}
    for _, _, data in g.edges(data=True):
        assert 0.0 <= data["weight"] <= 1.0
        assert data["kind"] in {"member", "tie", "trust", "coordinates", "trained"}
    for agency in model.agency_list:
        assert g.edges["center", agency.key]["weight"] == agency.trust
    assert all(g.nodes[n]["field"] in {"province", "city", "community", "center"} for n in g)


def test_strong_ties_appear_as_staff_agency_edges():
    model = run_weeks(10, rng=3)
    g = model.network()
    member = max(model.staff, key=lambda s: max(s.ties))
    i = max(range(8), key=lambda k: member.ties[k])
    edge = g.edges[f"staff-{member.unique_id}", model.agency_list[i].key]
    assert edge["kind"] == "tie" and edge["weight"] == member.ties[i]


def test_same_run_same_graph():
    a = nx.to_dict_of_dicts(run_weeks(60, rng=9).network())
    b = nx.to_dict_of_dicts(run_weeks(60, rng=9).network())
    assert a == b
