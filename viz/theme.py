"""Every colour the app draws with, in one place (charts, network, cards, buttons, PNGs).

Colour-blind-safe where two things are told apart by colour alone (scenarios A/B,
lever on/off). The CSS in viz.style and the SVG and PNG drawings read from here.
"""

from __future__ import annotations

#: The app's accent (buttons, the center, referral uptake).
ACCENT = "#6a1b9a"
#: Text and muted text.
INK = "#37474f"
MUTED = "#607d8b"

#: Series colours.
PALETTE = {
    "a": "#1f77b4", "b": "#e8710a",
    "on": "#2e7d32", "off": "#9e9e9e",
    "uptake": ACCENT, "cases": "#1565c0", "waiting": "#c62828", "in_service": "#00897b",
    "funds": "#2e7d32", "staff": "#ef6c00", "volunteers": "#f9a825",
    "cadres": "#81c784", "groups": "#2e7d32", "trust": "#263238", "week": INK,
    "event": "#ad1457",
}
#: One colour per agency kind; city agencies are drawn dashed.
AGENCY_COLOURS = {"uptd_ppa": ACCENT, "dinsos": "#1565c0", "dp3ap2kb": "#00897b",
                  "police": "#5d4037"}
#: Nodes of the collaboration network.
NODE_COLOURS = {"center": ACCENT, "staff": "#ef6c00", "volunteer": "#f9a825",
                "group": "#2e7d32", "cadre": "#81c784", "province": "#1565c0",
                "city": "#00897b"}
#: Personal ties between staff and agency contacts.
TIE = "#5c7cfa"
#: Trust from low to high (the line from the center to an agency).
TRUST_SCALE = ("#c62828", "#f9a825", "#2e7d32")
#: Bars of the survivor flows.
FLOW_COLOURS = {"incidents": "#546e7a", "sought": "#78909c", "found": "#2e7d32",
                "seen": "#1565c0", "referred": ACCENT, "direct": "#8e24aa",
                "intake": "#00897b", "unmet": "#c62828", "unreached": "#b0bec5"}
