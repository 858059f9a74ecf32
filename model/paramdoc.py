"""docs/parameters.md, generated from the parameter table (tests keep the file in sync)."""

from .parameters import PARAMETERS

HEADER = """# Parameters

Generated from `model/parameters.py` by `python run.py docs`; do not edit by hand
(a test fails when this file and the table differ).

Every parameter is a keyword argument of `CollaborationModel` and can be set on the
command line with `python run.py run --set NAME=VALUE`. A value of the wrong type,
NaN, out of range or with an unknown name is refused before anything runs, with a
message naming the parameter, the value and the valid range. Sources: *the study*
is `shared/seed/SUMMARY.md` (findings 1 and 2.1-2.4); rows are those of
`shared/data/reported_cases.csv`; *assumption* marks values no source gives; how
the calibrated ones were fitted is in [calibration.md](calibration.md) and
[ODD.md §7](ODD.md#7-calibration-of-the-baseline).
"""


def _cell(text) -> str:
    return str(text).replace("|", "\\|")


def parameters_markdown() -> str:
    """The parameter table as Markdown, one section per group."""
    lines = [HEADER]
    group = None
    for p in PARAMETERS.values():
        if p.group != group:
            group = p.group
            lines += ["", f"## {group}", "",
                      "| name | meaning | unit | default | valid range | source |",
                      "|---|---|---|---|---|---|"]
        default = str(p.default).lower() if p.kind is bool else p.default
        lines.append(f"| `{p.name}` | {_cell(p.meaning)} | {_cell(p.unit)} | {default} | "
                     f"{p.range_text()} | {_cell(p.source)} |")
    return "\n".join(lines) + "\n"
