"""The study's findings, each encoded once: its claim (EN and ID), its source, its settings.

The source study is the closing chapter (Bab VI, 6.1 Kesimpulan) of a qualitative
study of WCC Nurani Perempuan (shared/seed/SUMMARY.md). Each finding names:

- ``switch``: the settings that turn its mechanism off in the model (the habitus
  switches ``use_*``, or the activity stopped);
- ``high`` and ``low``: the one pair of contrasting settings that experiments about
  it use (validation, the Teach page), so every page shows the same contrast;
- ``patterns``: the validation experiments (experiments/patterns.py) that test it.

Parameter names live here and in patterns.py only; rename them here when the model's
parameters are renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Where the findings are stated in the study.
STUDY_SECTION = "Bab VI (Penutup), 6.1 Kesimpulan"


@dataclass(frozen=True)
class Finding:
    """One finding of the study and how the model represents it."""

    key: str                      # "1", "2.1" ... "2.4", "community"
    title: dict                   # {"en": ..., "id": ...}
    claim: dict                   # the finding in one or two sentences, EN and ID
    source: str                   # where the study states it
    switch: dict                  # settings that turn the mechanism off
    high: dict                    # the contrast experiments use: mechanism strong ...
    low: dict                     # ... against weak
    patterns: tuple = ()          # validation experiments that test it
    parameters: tuple = field(default=())   # parameters that carry it in the model

    def text(self, lang: str = "en") -> str:
        """The claim in ``lang`` ("en" or "id")."""
        return self.claim[lang]


FINDINGS = (
    Finding(
        key="1",
        title={"en": "Advocacy and network capital",
               "id": "Advokasi dan modal jaringan"},
        claim={"en": "In the province and city fields the center advocates to UPTD PPA, Dinas "
                     "Sosial, DP3AP2KB and the police: face-to-face meetings, the agencies' "
                     "forums, referral requests, funding opportunities and campaigns. It rests "
                     "on the network capital of staff and volunteers, their personal ties to "
                     "strategic actors.",
               "id": "Di ranah provinsi dan kota lembaga melakukan advokasi kepada UPTD PPA, "
                     "Dinas Sosial, DP3AP2KB dan kepolisian: pertemuan tatap muka, forum "
                     "dinas, permohonan rujukan, peluang pendanaan dan kampanye. Semua itu "
                     "bertumpu pada modal jaringan staf dan relawan, yaitu hubungan pribadi "
                     "mereka dengan aktor strategis."},
        source=f"{STUDY_SECTION}, point 1 (province and city fields; modal jaringan)",
        switch={"meetings_per_month": 0.0, "forum_attendance": 0.0},
        high={"meetings_per_month": 3.0}, low={"meetings_per_month": 0.0},
        patterns=("P1", "P8"),
        parameters=("meetings_per_month", "forum_attendance", "tie_decay")),
    Finding(
        key="2.1",
        title={"en": "Skill", "id": "Keterampilan"},
        claim={"en": "Staff and volunteers see opportunities and adapt to the demands and "
                     "working models of the bureaucracy, so the center can compete in each "
                     "field.",
               "id": "Staf dan relawan melihat peluang dan beradaptasi dengan tuntutan serta "
                     "model kerja birokrasi, sehingga lembaga mampu bersaing di setiap ranah."},
        source=f"{STUDY_SECTION}, point 2, first factor (keterampilan)",
        switch={"use_skill": False},
        high={"skill": 0.8}, low={"skill": 0.4},
        patterns=("P4",), parameters=("skill", "use_skill")),
    Finding(
        key="2.2",
        title={"en": "Volunteerism", "id": "Kerelawanan"},
        claim={"en": "Staff and volunteers stay dedicated and keep handling cases although the "
                     "center cannot promise them incentives; outside parties recognise this.",
               "id": "Staf dan relawan tetap berdedikasi dan terus menangani kasus walaupun "
                     "lembaga tidak dapat menjanjikan insentif; pihak luar mengakuinya."},
        source=f"{STUDY_SECTION}, point 2, second factor (habitus kerelawanan)",
        switch={"use_volunteerism": False},
        high={"volunteerism": 0.9}, low={"volunteerism": 0.3},
        patterns=("P5",), parameters=("volunteerism", "use_volunteerism")),
    Finding(
        key="2.3",
        title={"en": "Accountability", "id": "Akuntabilitas"},
        claim={"en": "Staff and volunteers report activities, funding included, to the parties "
                     "concerned, which keeps down conflicts that would block collaboration.",
               "id": "Staf dan relawan melaporkan kegiatan, termasuk pendanaan, kepada pihak "
                     "terkait, sehingga konflik yang menghambat kolaborasi dapat ditekan."},
        source=f"{STUDY_SECTION}, point 2, third factor (akuntabilitas)",
        switch={"use_accountability": False},
        high={"accountability": 0.9}, low={"accountability": 0.2},
        patterns=("P3",), parameters=("accountability", "use_accountability")),
    Finding(
        key="2.4",
        title={"en": "A friend to women", "id": "Teman perempuan"},
        claim={"en": "Staff and volunteers understand survivor accompaniment well, which is why "
                     "agencies trust the center and refer survivors to it.",
               "id": "Staf dan relawan memahami kerja pendampingan korban dengan baik; karena "
                     "itu dinas mempercayai lembaga dan merujuk korban kepadanya."},
        source=f"{STUDY_SECTION}, point 2, fourth factor (teman perempuan)",
        switch={"use_commitment": False},
        high={"commitment": 0.9}, low={"commitment": 0.4},
        patterns=("P2", "P6"), parameters=("commitment", "use_commitment", "trust_prior")),
    Finding(
        key="community",
        title={"en": "The community field", "id": "Ranah komunitas"},
        claim={"en": "Gradual socialization produced cadres, and the center formed several "
                     "accompanied community groups coordinated by those cadres.",
               "id": "Sosialisasi bertahap melahirkan kader, dan lembaga membentuk beberapa "
                     "komunitas dampingan yang dikoordinir para kader."},
        source=f"{STUDY_SECTION}, point 1 (community field: sosialisasi, kader, komunitas "
               "dampingan)",
        switch={"socialization_hours_per_week": 0.0, "volunteer_outreach_share": 0.0},
        high={"socialization_hours_per_week": 3.0, "volunteer_outreach_share": 0.3},
        low={"socialization_hours_per_week": 0.0, "volunteer_outreach_share": 0.0},
        patterns=("P7",),
        parameters=("socialization_hours_per_week", "volunteer_outreach_share", "cadre_yield")),
)

BY_KEY = {f.key: f for f in FINDINGS}


def finding(key: str) -> Finding:
    """The finding with ``key``; a clear error for an unknown key."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"no finding {key!r}; findings are {', '.join(BY_KEY)}") from None


def findings_of(pattern_key: str) -> tuple[Finding, ...]:
    """The findings a validation pattern tests."""
    return tuple(f for f in FINDINGS if pattern_key in f.patterns)
