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
    "event": "#ad1457", "reported": "#212121",
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

#: Colours of the interface itself: text, surfaces, lines and highlights. The CSS
#: (viz.style, viz.classroom.style) reads them as variables (``var(--kb-text)``), the
#: SVG drawings by name.
UI = {
    # text, from strongest to faintest
    "text_strong": "#212121", "text": "#263238", "ink": INK, "text_mid": "#455a64",
    "text_soft": "#546e7a", "muted": MUTED, "muted_light": "#78909c", "faint": "#90a4ae",
    # lines and surfaces
    "line": "#b0bec5", "grid": "#e0e0e0", "track": "#eceff1", "divider": "#f0f0f4",
    "page": "#f4f5f9", "surface_alt": "#f5f5f5", "canvas": "#fbfbfd",
    # the accent and its shades
    "accent": ACCENT, "accent_dark": "#4a148c", "accent_light": "#7b1fa2",
    "heading": "#311b92", "accent_tint": "#ede7f6", "accent_wash": "#f3e5f5",
    "event": PALETTE["event"], "danger": "#b71c1c",
    # highlights
    "amber": "#f9a825", "amber_tint": "#fff8e1", "orange": "#fb8c00", "orange_tint": "#fff3e0",
    "green": "#2e7d32", "green_dark": "#1b5e20", "green_tint": "#e8f5e9",
    "green_soft": "#81c784", "green_olive": "#558b2f", "amber_edge": "#c49000",
    # the network's field bands and the classroom's QR code
    "band_agencies": "#eef3fb", "band_community": "#eef7ee", "qr": "#1a1a2e",
}


def css_variables() -> str:
    """The interface colours as CSS custom properties (``--kb-text`` for UI["text"])."""
    return ":root { " + " ".join(f"--kb-{name.replace('_', '-')}: {colour};"
                                 for name, colour in UI.items()) + " }\n"
