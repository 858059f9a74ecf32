"""The collaboration network drawn as SVG, on a fixed layout by node type and field.

Layout (960 x 600, under a strip where a tapped node's details show): the province
agencies in the top row and the city agencies in the second, the center in the middle,
staff on an arc above it (towards the agencies they advocate to), volunteers on an arc
below it, community groups in a row near the bottom with their cadres around them, and
cadres not yet in a group at the bottom left. A node keeps its slot for as long as it
exists (``NetworkLayout`` caches positions per node id), so nothing jumps between steps
and no force layout is ever computed. Survivors are not nodes: they appear as counts
(referrals per agency, cases in accompaniment and waiting at the center, survivors
brought in by groups).
"""

from __future__ import annotations

import math
from html import escape

from .theme import NODE_COLOURS, TIE, TRUST_SCALE, UI

WIDTH, HEIGHT = 960, 600
#: Height of the strip above the drawing where a tapped node's details show.
DETAIL_STRIP = 44
CENTER = (512.0, 330.0)
AGENCY_X = {"uptd_ppa": 235.0, "dinsos": 420.0, "dp3ap2kb": 605.0, "police": 790.0}
AGENCY_Y = {"province": 60.0, "city": 152.0}
GROUP_ROW_Y = 505.0
GROUP_X0, GROUP_DX, GROUPS_PER_ROW = 208.0, 78.0, 9



def trust_colour(trust: float) -> str:
    """Red (no trust) through amber to green (full trust)."""
    t = min(max(trust, 0.0), 1.0)
    rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in TRUST_SCALE]
    stops = list(zip((0.0, 0.5, 1.0), rgb))
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            r, g, b = (round(a + (bb - a) * f) for a, bb in zip(c0, c1))
            return f"#{r:02x}{g:02x}{b:02x}"
    return TRUST_SCALE[-1]


def middle_out(index: int, count: int) -> int:
    """The ``index``-th place filled when places 0..count-1 fill from the middle outwards."""
    middle = (count - 1) // 2
    step = (index + 1) // 2
    return middle + step if index % 2 else middle - step


def _arc(slot: int, per_ring: int, radius0: float, ring_gap: float, start: float,
         end: float) -> tuple[float, float]:
    """Position of ``slot`` on arcs around the center (angles in degrees, y up)."""
    ring, index = divmod(slot, per_ring)
    index = middle_out(index, per_ring)
    radius = radius0 + ring * ring_gap
    angle = math.radians(start + (end - start) * (index + 0.5) / per_ring)
    return CENTER[0] + radius * math.cos(angle), CENTER[1] - radius * math.sin(angle)


def slot_position(kind: str, slot: int) -> tuple[float, float]:
    """Where the ``slot``-th node of a kind goes (staff, volunteer, group, free cadre)."""
    if kind == "staff":
        return _arc(slot, 12, 92.0, 34.0, 165.0, 15.0)
    if kind == "volunteer":
        return _arc(slot, 14, 84.0, 30.0, 195.0, 345.0)
    if kind == "group":
        row, col = divmod(slot, GROUPS_PER_ROW)
        col = middle_out(col, GROUPS_PER_ROW)
        return GROUP_X0 + col * GROUP_DX + (row % 2) * GROUP_DX / 2, GROUP_ROW_Y + row * 62.0
    if kind == "free_cadre":
        row, col = divmod(slot, 6)
        return 30.0 + col * 20.0, 496.0 + row * 20.0
    raise ValueError(kind)


class NetworkLayout:
    """Positions of one session's nodes, cached per node id (no layout is ever recomputed).

    Each kind of node fills numbered slots; a node keeps its slot while it exists, a
    departed node frees it for the next newcomer. Cadres sit around their group.
    """

    def __init__(self):
        self.slots: dict[str, dict[str, int]] = {}
        self.cache: dict[tuple, tuple[float, float]] = {}

    def _slot(self, kind: str, node: str, present: set) -> int:
        taken = self.slots.setdefault(kind, {})
        for gone in [n for n in taken if n not in present]:
            del taken[gone]
        if node not in taken:
            used = set(taken.values())
            taken[node] = next(i for i in range(len(used) + 1) if i not in used)
        return taken[node]

    def positions(self, graph) -> dict[str, tuple[float, float]]:
        """Position of every node of ``graph``."""
        by_type: dict[str, list] = {}
        for node, data in graph.nodes(data=True):
            by_type.setdefault(data["type"], []).append(node)
        pos = {"center": CENTER}
        for node in by_type.get("agency", []):
            kind, field = node.rsplit("_", 1)
            pos[node] = (AGENCY_X.get(kind, 100.0), AGENCY_Y.get(field, 100.0))
        for kind in ("staff", "volunteer", "group"):
            present = set(by_type.get(kind, []))
            for node in by_type.get(kind, []):
                slot = self._slot(kind, node, present)
                key = (kind, slot)
                if key not in self.cache:
                    self.cache[key] = slot_position(kind, slot)
                pos[node] = self.cache[key]
        free, members = [], {}
        for node in by_type.get("cadre", []):
            group = next((n for n in graph.neighbors(node)
                          if graph.nodes[n]["type"] == "group"), None)
            if group is None:
                free.append(node)
            else:
                members.setdefault(group, []).append(node)
        present = set(free)
        for node in free:
            slot = self._slot("free_cadre", node, present)
            pos[node] = slot_position("free_cadre", slot)
        for group, cadres in members.items():
            gx, gy = pos[group]
            for i, node in enumerate(sorted(cadres, key=_id_number)):
                angle = math.radians(200 + 140 * (i + 0.5) / max(len(cadres), 3))
                pos[node] = (gx + 27 * math.cos(angle), gy - 27 * math.sin(angle))
        return pos


def _id_number(node: str) -> int:
    tail = node.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def network_svg(graph, layout: NetworkLayout, labels: dict, referrals: dict | None = None,
                record: dict | None = None) -> str:
    """The network as SVG markup.

    ``labels`` holds the translated words (province, city, center, trust, referred,
    in_service, waiting, free_cadres, brought, staff, volunteer, group, cadre);
    ``referrals`` maps an agency key to its referrals in the last 52 weeks;
    ``record`` is the model's current week (for the counts shown at the center).
    """
    referrals = referrals or {}
    record = record or {}
    pos = layout.positions(graph)
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
            f'{HEIGHT + DETAIL_STRIP}" class="kb-network" role="img" '
            'font-family="Roboto, Helvetica, Arial, sans-serif">'),
           f'<rect x="0" y="0" width="{WIDTH}" height="{DETAIL_STRIP}" fill="{UI["canvas"]}"/>']
    if labels.get("hint"):
        out.append(f'<text class="kb-net-hint" x="{WIDTH / 2:.0f}" y="{DETAIL_STRIP / 2 + 8:.0f}" '
                   f'font-size="22" text-anchor="middle">{escape(labels["hint"])}</text>')
    out.append(f'<g transform="translate(0,{DETAIL_STRIP})">')
    out.append(f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="{UI["canvas"]}"/>')
    # field bands
    out.append(f'<rect x="8" y="22" width="{WIDTH - 16}" height="172" rx="10" '
               f'fill="{UI["band_agencies"]}"/>')
    out.append(f'<rect x="8" y="440" width="{WIDTH - 16}" height="152" rx="10" '
               f'fill="{UI["band_community"]}"/>')
    for field, y in AGENCY_Y.items():
        out.append(f'<text x="22" y="{y + 6}" font-size="18" font-weight="700" '
                   f'fill="{NODE_COLOURS[field]}">{escape(labels[field])}</text>')
    out.append(f'<text x="22" y="466" font-size="18" font-weight="700" fill="{UI["green"]}">'
               f'{escape(labels["community"])}</text>')
    # edges: member and coordination lines first, then ties, then trust on top
    layers = {"member": [], "coordinates": [], "tie": [], "trust": []}
    for u, v, data in graph.edges(data=True):
        kind = data.get("kind")
        if kind not in layers or u not in pos or v not in pos:
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        w = float(data.get("weight", 0.0))
        if kind == "member":
            types = {graph.nodes[u]["type"], graph.nodes[v]["type"]}
            dash = ' stroke-dasharray="3 4"' if "group" in types else ""
            layers[kind].append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                                f'stroke="{UI["line"]}" stroke-width="1"{dash}/>')
        elif kind == "coordinates":
            layers[kind].append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                                f'stroke="{UI["green_soft"]}" stroke-width="1.2"/>')
        elif kind == "tie":
            layers[kind].append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{TIE}" '
                f'stroke-width="{0.6 + 2.4 * w:.2f}" stroke-opacity="{0.12 + 0.5 * w:.2f}"/>')
        else:
            layers[kind].append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{trust_colour(w)}" stroke-width="{1.5 + 8 * w:.1f}" '
                f'stroke-opacity="0.85" stroke-linecap="round"/>')
    for kind in ("member", "coordinates", "tie", "trust"):
        out.extend(layers[kind])
    # nodes: each a focusable group whose details show in the strip above the drawing
    # when it is tapped, clicked or reached with Tab (CSS, viz.style: .kb-node:focus)
    for node, data in graph.nodes(data=True):
        if node not in pos:
            continue
        x, y = pos[node]
        kind = data["type"]
        tip = escape(_tooltip(node, data, labels, graph))
        if kind == "agency":
            field = data["field"]
            colour = NODE_COLOURS.get(field, NODE_COLOURS["province"])
            short = labels.get("agency_names", {}).get(node.rsplit("_", 1)[0],
                                                       data["label"].split(" (")[0])
            trust = graph.edges["center", node]["weight"] if graph.has_edge("center", node) else 0
            n_ref = referrals.get(node, 0)
            shape = (
                f'<rect x="{x - 82}" y="{y - 30}" width="164" height="60" rx="9" fill="white" '
                f'stroke="{colour}" stroke-width="3"/>'
                f'<text x="{x}" y="{y - 6}" font-size="19" font-weight="700" fill="{colour}" '
                f'text-anchor="middle">{escape(short)}</text>'
                f'<text x="{x}" y="{y + 18}" font-size="15" fill="{UI["ink"]}" '
                f'text-anchor="middle">'
                f'{escape(labels["trust"])} {100 * trust:.0f}% · {n_ref} '
                f'{escape(labels["referred"])}</text>')
        elif kind == "center":
            shape = (f'<circle cx="{x}" cy="{y}" r="34" '
                     f'fill="{NODE_COLOURS["center"]}" stroke="white" stroke-width="3"/>'
                     f'<text x="{x}" y="{y + 6}" font-size="16" font-weight="700" fill="white" '
                     f'text-anchor="middle">WCC</text>')
        elif kind == "staff":
            r = 7 + 5 * float(data.get("skill", 0.5))
            shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                     f'fill="{NODE_COLOURS["staff"]}" stroke="white" stroke-width="1.5"/>')
        elif kind == "volunteer":
            burnout = float(data.get("burnout", 0.0))
            shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{NODE_COLOURS["volunteer"]}" '
                     f'fill-opacity="{1 - 0.6 * burnout:.2f}" stroke="{UI["amber_edge"]}" '
                     'stroke-width="1"/>')
        elif kind == "group":
            shape = (f'<rect x="{x - 12:.1f}" y="{y - 12:.1f}" '
                     f'width="24" height="24" rx="5" fill="{NODE_COLOURS["group"]}"/>'
                     f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="11" fill="white" '
                     f'text-anchor="middle">{data.get("members", "")}</text>')
        elif kind == "cadre":
            shape = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{NODE_COLOURS["cadre"]}" '
                     f'stroke="{UI["green"]}" stroke-width="0.8"/>')
        else:
            continue
        out.append(f'<g class="kb-node" tabindex="0" data-node="{escape(node)}">'
                   f'<title>{tip}</title>{shape}<text class="kb-node-tip" x="{WIDTH / 2:.0f}" '
                   f'y="{-DETAIL_STRIP / 2 + 8:.0f}" font-size="22" text-anchor="middle" '
                   f'display="none">{tip}</text></g>')
    # counts at the center and from the community
    cx, cy = CENTER
    out.append(f'<text x="{cx + 46}" y="{cy - 4}" font-size="18" font-weight="700" '
               f'fill="{UI["accent_dark"]}">{escape(labels["center"])}</text>')
    out.append(f'<text x="{cx + 46}" y="{cy + 18}" font-size="15" fill="{UI["ink"]}">'
               f'{record.get("in_service", 0)} {escape(labels["in_service"])} · '
               f'{record.get("waiting", 0)} {escape(labels["waiting"])}</text>')
    if labels.get("brought"):
        out.append(f'<text x="{WIDTH - 22}" y="466" font-size="15" fill="{UI["green"]}" '
                   f'text-anchor="end">{escape(labels["brought"])}</text>')
    n_free = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "cadre") - sum(
        1 for u, v, d in graph.edges(data=True) if d.get("kind") == "coordinates")
    if n_free > 0:
        out.append(f'<text x="22" y="{HEIGHT - 14}" font-size="14" fill="{UI["green_olive"]}">'
                   f'{escape(labels["free_cadres"])}</text>')
    out.append("</g></svg>")
    return "".join(out)


def _tooltip(node: str, data: dict, labels: dict, graph) -> str:
    """A node's details (shown on hover), in the words ``labels["tip"]`` gives."""
    tip = labels.get("tip") or {}
    word = {k: tip.get(k, k) for k in ("skill", "commitment", "cases", "dedication", "burnout",
                                      "cadres", "ties")}
    score = labels.get("score") or (lambda x: f"{x:.2f}")

    kind = data["type"]
    number = node.rsplit("-", 1)[-1]
    if kind == "staff":
        return (f'{labels["staff"]} {number}: {word["skill"]} {score(data.get("skill", 0))}, '
                f'{word["commitment"]} {score(data.get("commitment", 0))}, '
                f'{word["cases"]} {data.get("caseload", 0)}')
    if kind == "volunteer":
        return (f'{labels["volunteer"]} {number}: {word["dedication"]} '
                f'{score(data.get("dedication", 0))}, {word["burnout"]} '
                f'{score(data.get("burnout", 0))}, {word["cases"]} {data.get("caseload", 0)}')
    if kind == "group":
        return f'{labels["group"]} {number}: {data.get("members", 0)} {word["cadres"]}'
    if kind == "cadre":
        return f'{labels["cadre"]} {number}'
    if kind == "agency":
        trust = graph.edges["center", node]["weight"] if graph.has_edge("center", node) else 0
        ties = [d["weight"] for _, _, d in graph.edges(node, data=True) if d.get("kind") == "tie"]
        kind_key = node.rsplit("_", 1)[0]
        name = (labels.get("agency_names") or {}).get(kind_key, data["label"])
        field = labels.get(data.get("field"), data.get("field"))
        return (f'{name} ({field}): {labels["trust"]} {100 * trust:.0f}%, '
                f'{len(ties)} {word["ties"]}')
    if kind == "center":
        return labels.get("center", data.get("label", node))
    return data.get("label", node)
