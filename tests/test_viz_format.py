"""How the app writes numbers (Babel, in the page's language) and where its colours live."""

import re
from pathlib import Path

import pytest

pytest.importorskip("babel", reason="the app's packages (babel) are not installed")

from viz.charts import Line, line_chart  # noqa: E402
from viz.classroom.style import CSS as CLASSROOM_CSS  # noqa: E402
from viz.style import CSS  # noqa: E402
from viz.theme import UI, css_variables  # noqa: E402

VIZ = Path(__file__).resolve().parent.parent / "viz"
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")


def tick_labels(svg: str) -> list[str]:
    """The y axis labels of a chart (right-aligned texts left of the plot)."""
    return re.findall(r'text-anchor="end">([^<]*)</text>', svg)


def chart(values, lang, years=(2001, 2002, 2003, 2004)):
    return line_chart("t", list(years), [Line("series", UI["text"], values)], y_min=0,
                      lang=lang)


def test_indonesian_tick_labels_use_the_decimal_comma():
    labels = tick_labels(chart([0.1, 0.5, 0.9, 0.7], "id"))
    assert "0,25" in labels and "0.25" not in labels


def test_indonesian_large_tick_labels_are_shortened_by_babel():
    labels = tick_labels(chart([0, 400, 1400, 900], "id"))
    assert "1,5\xa0rb" in labels                      # Babel's Indonesian "ribu"
    assert "1.5K" in tick_labels(chart([0, 400, 1400, 900], "en"))


def test_indonesian_values_on_tap_group_thousands_with_a_dot():
    svg = chart([1234, 1234, 1234, 1234], "id")
    assert "series: 1.234<" in svg and "series: 1,234<" not in svg


def test_calendar_years_on_the_x_axis_are_never_grouped():
    svg = chart([1, 2, 3, 4], "id")
    assert ">2002</text>" in svg and "2.002" not in svg


def test_no_viz_file_but_the_theme_module_holds_a_hex_colour():
    offenders = [f"{path.relative_to(VIZ)}: {match}"
                 for path in sorted(VIZ.rglob("*.py")) if path.name != "theme.py"
                 for match in HEX_COLOUR.findall(path.read_text(encoding="utf-8"))]
    assert not offenders, "colours outside viz/theme.py: " + ", ".join(offenders)


@pytest.mark.parametrize("css", [CSS, CLASSROOM_CSS], ids=["app", "classroom"])
def test_every_colour_variable_the_css_uses_is_defined_by_the_theme(css):
    defined = set(re.findall(r"--kb-[a-z-]+(?=:)", css_variables()))
    used = set(re.findall(r"var\((--kb-[a-z-]+)\)", css))
    assert used and used <= defined, sorted(used - defined)


def test_classroom_numbers_follow_the_page_language():
    from viz.classroom.pages import fmt, number_text

    assert fmt(1234.5, "id") == "1.234,5" and fmt(1234.5, "en") == "1,234.5"
    assert fmt(-0.25, "id", sign=True) == "-0,25" and number_text(0.5, "id") == "0,50"
