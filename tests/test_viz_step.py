"""A step of the Explore page updates the live view without re-rendering the page (the
server's CPU per step, benchmarks/bench_app.py, depends on it)."""

import re

import pytest

solara = pytest.importorskip("solara", reason="the app's packages (solara) are not installed")

from viz import explore  # noqa: E402
from viz.session import Session, SessionProvider  # noqa: E402


def shown_week(rc) -> str:
    views = [w.unsafe_innerHTML or "" for w in rc.find(solara.widgets.HTML).widgets
             if "kb-live-view" in (w.attributes or {}).get("class", "")]
    assert len(views) == 1
    return re.search(r'data-testid="kpi-week">(\d+)<', views[0]).group(1)


def test_a_step_shows_the_new_week_without_a_render_pass():
    session = Session("en")
    _box, rc = solara.render(SessionProvider(children=[explore.Page()], session=session),
                             handle_error=False)
    renders = rc.render_count
    session.live.step(1)
    session.live.step(1)
    assert shown_week(rc) == "2"
    assert rc.render_count == renders


def test_a_render_of_the_controls_keeps_the_current_week_on_screen():
    session = Session("en")
    _box, rc = solara.render(SessionProvider(children=[explore.Page()], session=session),
                             handle_error=False)
    session.live.step(5)
    session.live.set_parameter("skill", 0.5)          # an intervention: the controls redraw
    assert rc.render_count > 1
    assert shown_week(rc) == "5"
