"""Reported figures on the app's charts: drawn where the chart's span covers them, at the
end of the weeks they count, with a "reported" legend entry in the page's language."""

import re

import pytest

from experiments.reported import center_cases, center_groups
from viz.charts import Line, Marker, line_chart
from viz.reported import case_markers, group_markers, span_end

MARK = re.compile(r'<g class="kb-reported"[^>]*><title>([^<]*)</title><path d="M([\d.]+),')


def tick_x(svg: str, label: str) -> float:
    """x of the x axis label ``label``."""
    found = re.search(rf'<text x="([\d.]+)" y="[\d.]+" font-size="12" fill="[^"]+" '
                      rf'text-anchor="middle">{label}</text>', svg)
    assert found, f"no x tick {label}"
    return float(found.group(1))


def chart(x0: float, x1: float, markers, lang="en") -> str:
    xs = [x0 + (x1 - x0) * i / 100 for i in range(101)]
    return line_chart("t", xs, [Line("a", "#000", [1.0] * 101)], markers=markers,
                      marker_label="reported" if lang == "en" else "dilaporkan", lang=lang)


def test_a_2019_count_is_drawn_at_the_end_of_2019_when_the_span_covers_it():
    svg = chart(2018, 2022, [Marker(2020.0, 105, "reported 2019")])
    (title, x), = MARK.findall(svg)
    assert title == "reported 2019" and float(x) == pytest.approx(tick_x(svg, "2020"), abs=0.1)
    assert 'kb-reported-legend' in svg and ">reported</text>" in svg


def test_no_marker_or_legend_entry_when_the_span_ends_before_the_figure():
    svg = chart(1999, 2005, [Marker(2020.0, 105, "reported 2019")])
    assert not MARK.findall(svg) and "kb-reported-legend" not in svg


def test_a_run_that_starts_after_a_reported_year_draws_no_point_for_it():
    # the 2019 count sits at 2020.0, the first x of a run from 2020 that has no 2019 weeks
    later = chart(2020, 2024, case_markers("en") + group_markers("en"))
    titles = [title for title, _ in MARK.findall(later)]
    assert len(titles) == 3 and not any("2019" in title for title in titles)   # 2020-2022
    covered = chart(2019, 2024, case_markers("en") + group_markers("en"))
    assert len(MARK.findall(covered)) == 5     # 2019 to 2022 counts and the 2019 groups
    assert not MARK.findall(chart(2020, 2020.5, group_markers("en")))


def test_a_marker_above_the_lines_widens_the_y_axis_to_show_it():
    svg = chart(2018, 2022, [Marker(2020.0, 105, "r")])
    assert ">100</text>" in svg


def test_case_markers_count_a_calendar_year_at_its_end_and_eleven_months_scaled():
    by_year = {round(m.x, 3): m for m in case_markers("en")}
    assert by_year[2020.0].y == next(r.value for r in center_cases() if r.year == 2019)
    eleven = next(r for r in center_cases() if r.year == 2013)
    assert span_end(eleven) == pytest.approx(2013 + 48 / 52)
    assert by_year[round(span_end(eleven), 3)].y == pytest.approx(eleven.value * 12 / 11)
    assert "first 11 months of 2013" in by_year[round(span_end(eleven), 3)].title


def test_group_markers_are_the_reported_level_at_the_end_of_its_year():
    (marker,) = group_markers("id")
    (row,) = center_groups()
    assert (marker.x, marker.y) == (row.year + 1, row.value)
    assert marker.title.startswith("dilaporkan: 7 komunitas dampingan pada 2019")


def test_explore_casework_and_community_charts_show_the_2019_figures_once_run_past_it():
    from viz import explore
    from viz.live import LiveRun, Settings

    run = LiveRun(Settings("baseline", {"start_year": 2018}, "42", ()))
    run.step(52)                                  # through 2018: 2019 not covered yet
    charts = dict(explore.explore_charts(run.frame.value, "id"))
    assert not MARK.findall(charts["casework"]) and not MARK.findall(charts["community"])
    run.step(52)                                  # through 2019
    charts = dict(explore.explore_charts(run.frame.value, "id"))
    for key in ("casework", "community"):
        (title, x), = MARK.findall(charts[key])
        assert float(x) == pytest.approx(tick_x(charts[key], "2020"), abs=0.1), key
        assert title.startswith("dilaporkan") and ">dilaporkan</text>" in charts[key]
