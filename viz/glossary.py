"""The Bahasa Indonesia glossary of the app: one Indonesian term per concept, no collisions.

``TERMS`` is what the app's texts (viz.i18n) use; ``AVOID`` lists words that must not
appear in them, with the reason (a test checks both). ``python -m viz.glossary``
writes docs/glossary.md from this table.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: (English, Bahasa Indonesia, note)
TERMS = (
    ("trust (of an agency in the center)", "kepercayaan",
     "used for this only"),
    ("confidence interval (95%)", "selang keyakinan (95%)",
     "never abbreviated; \"kepercayaan\" is kept for trust"),
    ("agency (government body, police included)", "instansi",
     "\"dinas\" is a regional government office; the police are not one"),
    ("Dinas Sosial (Social Affairs Office)", "Dinas Sosial", "a name, kept as it is"),
    ("police", "kepolisian / polisi", ""),
    ("the center (WCC Nurani Perempuan)", "lembaga", ""),
    ("survivor", "korban", "the word the study's informants use"),
    ("referral uptake", "serapan rujukan", "share of agency cases referred to the center"),
    ("referral agreement (MoU)", "nota kesepahaman (MoU) rujukan", ""),
    ("cases handled", "kasus ditangani", ""),
    ("unmet need (reached a service, not served)", "korban tidak tertangani", ""),
    ("staff", "staf", ""), ("volunteer", "relawan", ""), ("cadre", "kader", ""),
    ("community group", "komunitas dampingan", ""),
    ("funds (IDR million)", "dana (juta rupiah)", ""),
    ("run (one simulation)", "simulasi", ""),
    ("seed", "seed", "kept in English, explained where it is asked for"),
    ("paired runs", "simulasi berpasangan", ""),
    ("paired t-test", "uji t berpasangan", ""),
    ("Holm-adjusted p", "p terkoreksi Holm", ""),
    ("Reset (back to week 0)", "Atur ulang", "\"Ulang\" alone reads as \"repeat\""),
    ("Play / Pause", "Jalankan / Jeda", ""),
    ("Restore the scenario's settings", "Kembalikan pengaturan skenario", ""),
    ("scenario", "skenario", ""), ("setting", "pengaturan", ""),
    ("week / year", "minggu / tahun", "calendar years: \"tahun 2027\""),
)

#: Words the Indonesian texts must not use: word -> why.
AVOID = {
    "SK": "reads as Surat Keputusan (a decree), not a confidence interval",
    "selang kepercayaan": "collides with kepercayaan (trust)",
    "dinas": "for agencies in general: the police are not a dinas (write instansi)",
    "Ulang\"": "Reset is \"Atur ulang\"",
}


def markdown() -> str:
    """docs/glossary.md."""
    lines = ["# Glossary: English and Bahasa Indonesia",
             "",
             "The terms the app uses in Bahasa Indonesia, one per concept "
             "(generated from `viz/glossary.py` by `python -m viz.glossary`).",
             "",
             "| English | Bahasa Indonesia | note |",
             "|---|---|---|"]
    lines += [f"| {en} | {id_} | {note} |" for en, id_, note in TERMS]
    lines += ["", "Not used:", ""]
    lines += [f"- \"{word.rstrip(chr(34))}\": {why}" for word, why in AVOID.items()]
    return "\n".join(lines) + "\n"


DOC = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"

if __name__ == "__main__":
    DOC.write_text(markdown(), encoding="utf-8")
    print(f"wrote {DOC}")
    sys.exit(0)
