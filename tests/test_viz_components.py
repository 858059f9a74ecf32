"""The browser app without a browser: texts, layout, sessions and every page (solara.render)."""

import ast
import re
import string
import time
from pathlib import Path

import pytest

solara = pytest.importorskip("solara", reason="the app's packages (solara) are not installed")
v = pytest.importorskip("ipyvuetify")
import ipywidgets  # noqa: E402

from model import PARAMETERS  # noqa: E402
from viz import about, app, compare, explore, teach  # noqa: E402
from viz.i18n import LANGS, TEXT, UNITS, t  # noqa: E402
from viz.levers import LEVERS  # noqa: E402
from viz.live import LiveRun  # noqa: E402
from viz.network_view import NetworkLayout, network_svg  # noqa: E402
from viz.session import Session, SessionProvider  # noqa: E402

VIZ = Path(__file__).resolve().parent.parent / "viz"


# --- helpers ---------------------------------------------------------------------------------
def render(page, session=None, lang="en"):
    """Render ``page`` inside a session; returns (session, render context)."""
    session = session or Session(lang)
    _box, rc = solara.render(SessionProvider(children=[page], session=session),
                             handle_error=False)
    return session, rc


def html_by_id(rc, test_id):
    """The inner HTML of the solara.HTML / Svg element with this data-testid."""
    found = [w for w in rc.find(solara.widgets.HTML).widgets
             if (w.attributes or {}).get("data-testid") == test_id
             or f'data-testid="{test_id}"' in (w.unsafe_innerHTML or "")]
    assert found, f"no element with data-testid={test_id!r}"
    return found[0].unsafe_innerHTML


def _walk(widget):
    yield widget
    children = getattr(widget, "children", None) or []
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if isinstance(child, ipywidgets.Widget):
            yield from _walk(child)
    for slot in getattr(widget, "v_slots", None) or []:
        if isinstance(slot.get("children"), ipywidgets.Widget):
            yield from _walk(slot["children"])


def all_text(rc) -> str:
    """Every string the rendered page shows (texts, labels, inner HTML)."""
    parts = []
    for w in _walk(rc.container):
        for name in ("children", "label", "unsafe_innerHTML", "v_model", "value", "messages",
                     "hint"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, (list, tuple)):
                parts.extend(x for x in value if isinstance(x, str))
    return "\n".join(parts)


def click(rc, label):
    """Click the one button whose text is ``label`` (buttons with icons included)."""
    buttons = [w for w in _walk(rc.container)
               if isinstance(w, v.Btn) and label in [c for c in w.children if isinstance(c, str)]]
    assert len(buttons) == 1, f"{len(buttons)} buttons labelled {label!r}"
    buttons[0].click()


def fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


# --- texts -----------------------------------------------------------------------------------
def test_every_text_has_both_languages_with_the_same_placeholders():
    for key, entry in TEXT.items():
        for lang in LANGS:
            assert entry.get(lang, "").strip(), f"{key} has no {lang} text"
        assert fields(entry["en"]) == fields(entry["id"]), f"{key}: placeholders differ"


def test_every_text_key_the_app_asks_for_exists():
    used = set()
    for path in VIZ.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                used.add(node.args[0].value)
    assert used, "the scan found no t(...) calls"
    assert used - set(TEXT) == set()
    for lever in LEVERS:
        assert f"param.{lever.name}" in TEXT and f"help.{lever.name}" in TEXT
    for mech in teach.MECHANISMS:
        for part in ("title", "study", "model", "ask", "on", "off", "result"):
            assert f"mech.{mech.key}.{part}" in TEXT
    assert {p.unit for p in PARAMETERS.values()} <= set(UNITS)


def test_every_scenario_has_a_title_and_description_in_both_languages():
    from experiments.spec import load_scenario, scenario_names

    for name in scenario_names():
        scenario = load_scenario(name)
        for lang in LANGS:
            assert scenario.title[lang] and scenario.description[lang]


# --- network layout and drawing speed ---------------------------------------------------------
def _labels():
    return explore.network_labels("en")


def test_layout_is_fixed_per_node_and_needs_no_force_layout():
    sources = "".join(p.read_text() for p in VIZ.glob("*.py"))
    assert "spring_layout" not in sources and "kamada" not in sources
    run = LiveRun()
    run.step(26)
    first = run.layout.positions(run.frame.value.graph)
    run.step(26)
    second = run.layout.positions(run.frame.value.graph)
    for node in set(first) & set(second):
        if not node.startswith("cadre-"):      # cadres move when they join a group
            assert first[node] == second[node], node
    again = NetworkLayout().positions(run.frame.value.graph)
    fresh = LiveRun().layout.positions(run.frame.value.graph)
    assert again == fresh                          # deterministic
    agencies = [n for n, d in run.frame.value.graph.nodes(data=True) if d["type"] == "agency"]
    assert all(again[a][1] < again["center"][1] for a in agencies)   # agencies on top


def test_network_drawing_shows_types_trust_and_counts():
    run = LiveRun()
    run.step(52)
    frame = run.frame.value
    svg = network_svg(frame.graph, run.layout, _labels(), frame.referrals_by_agency(),
                      frame.record)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for word in ("UPTD PPA", "Dinas Sosial", "DP3AP2KB", "Police", "Province", "City",
                 "trust", "referred", "in accompaniment"):
        assert word in svg
    assert svg.count("<circle") >= len(frame.graph) - 8 - frame.record["groups"]


def test_a_baseline_step_draws_in_well_under_a_second():
    run = LiveRun()
    run.step(3 * 52)
    started = time.perf_counter()
    for _ in range(5):
        run.step(1)
        frame = run.frame.value
        network_svg(frame.graph, run.layout, _labels(), frame.referrals_by_agency(), frame.record)
        explore.explore_charts(frame, "en")
        explore.flows_html(frame, "en")
    assert (time.perf_counter() - started) / 5 < 0.25


# --- the live run and its session --------------------------------------------------------------
def test_bad_seed_and_refused_settings_give_a_message_and_keep_the_run():
    run = LiveRun()
    run.step(10)
    frame = run.frame.value
    assert run.set_seed("forty-two") is False
    assert run.message.value[0] == "error.seed" and run.frame.value is frame
    assert "forty-two" in t(*run.message.value[:1], "en", **run.message.value[1])
    assert run.set_parameter("entry_police", 0.9) is False     # with entry_agency 0.35: > 1
    key, values = run.message.value
    assert key == "error.params" and "entry_police" in values["detail"]
    assert run.frame.value is frame and run.week == 10
    assert run.set_seed("7") is True and run.message.value is None
    assert run.week == 0 and run.frame.value.seed == 7          # a new seed is a new run


def test_a_setting_changed_during_a_run_applies_from_the_coming_week_without_replay():
    run = LiveRun()
    run.step(30)
    before = run.frame.value
    assert run.set_parameter("accountability", 0.2)
    after = run.frame.value
    assert after.week == 30 and after.build == before.build          # no replay
    assert after.params["accountability"] == 0.2 and run.settings.value.changes == {}
    assert [c["step"] for c in after.changes] == [31]          # the first week it affects
    assert after.columns["funds"][:31].tolist() == before.columns["funds"].tolist()
    run.step(1)
    assert run.model.p.accountability == 0.2


def test_interventions_are_not_lost_while_playing():
    run = LiveRun()
    run.play()
    for value in (0.3, 0.4, 0.5):
        assert run.set_parameter("skill", value)
    run.pause()
    assert [c["changes"]["skill"] for c in run.model.change_log] == [0.3, 0.4, 0.5]


def test_an_intervention_is_marked_on_the_charts_with_its_calendar_year():
    run = LiveRun()
    run.step(60)
    run.set_parameter("referral_agreement", True)
    run.step(10)
    charts = dict(explore.explore_charts(run.frame.value, "en"))
    assert 'class="kb-mark"' in charts["uptake"]
    assert "Referral agreement (MoU) signed: yes, 2000" in charts["uptake"]


def test_scenario_events_apply_in_the_explore_run_and_are_marked():
    from experiments.events import Event
    from viz.live import Settings

    events = (Event(2000, {"meetings_per_month": 0.0}, {"en": "Meetings stop"}),)
    run = LiveRun(Settings("baseline", {}, "3", events))
    run.step(2 * 52)
    assert run.model.p.meetings_per_month == 0.0
    assert run.frame.value.changes[0]["label"] == "Meetings stop"


def test_reset_and_restore_go_back_to_the_start_and_to_the_scenario():
    run = LiveRun()
    assert run.select_scenario("referral_agreement")
    run.set_parameter("skill", 0.9)                   # at week 0: a starting setting
    run.step(20)
    run.set_parameter("skill", 0.3)                   # during the run: an intervention
    run.reset()
    assert run.week == 0 and run.frame.value.params["skill"] == 0.9 and not run.model.change_log
    run.restore()
    assert run.settings.value.changes == {"referral_agreement": True}


def test_csv_and_png_exports():
    run = LiveRun()
    run.step(20)
    run.set_parameter("skill", 0.8)
    text = run.csv_text()
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any(ln.startswith("# seed: 42") for ln in header)
    assert any('"skill": 0.8' in ln and ln.startswith("# interventions") for ln in header)
    assert any(ln.startswith("# parameters") and '"n_staff"' in ln for ln in header)
    assert any(ln.startswith("# model_version") for ln in header)
    import io

    import pandas as pd

    table = pd.read_csv(io.StringIO(text), comment="#")
    assert list(table.columns[:3]) == ["week", "year", "incidents"] and len(table) == 21
    assert table["year"].iloc[0] == 1999
    from viz.export import explore_png

    png = explore_png(run.frame.value, "id")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_two_sessions_never_share_a_run():
    one, two = Session(), Session("id")
    one.live.step(40)
    one.live.set_parameter("skill", 0.9)
    assert two.live.week == 0 and two.live.settings.value.changes == {}
    assert one.live.model is not two.live.model
    assert one.lang.value == "en" and two.lang.value == "id"


def test_play_runs_in_the_background_and_pauses():
    run = LiveRun()
    run.set_speed(40)
    run.play()
    deadline = time.time() + 10
    while run.week < 8 and time.time() < deadline:
        time.sleep(0.05)
    run.pause()
    week = run.week
    assert week >= 8 and run.playing.value is False
    time.sleep(0.5)
    assert run.week == week


def test_pause_during_a_step_of_several_weeks_stops_it_and_waits_for_it():
    """A pause while the play thread is inside a step of several weeks (as under load, when
    several weeks fall due at once): the step stops after its current week, and once pause()
    returns the week no longer changes (it once went on for the rest of the step)."""
    import threading

    run = LiveRun()
    model_step, started = run.model.step, threading.Event()

    def slow_step():
        started.set()
        time.sleep(0.05)
        model_step()

    run.model.step = slow_step
    stop = threading.Event()
    run._stop = stop
    stepping = threading.Thread(target=run.step, args=(20, stop))
    stepping.start()
    started.wait(5)
    run.pause()
    week = run.week
    stepping.join(5)
    assert 1 <= week < 20
    assert run.week == week


def test_a_frame_of_the_run_being_replaced_never_lands_after_the_new_runs_first_frame():
    """Reset while the play thread publishes a frame of the old run, slowly: once reset()
    returns, the page shows the new run (week 0), not the old run's last frame."""
    import threading

    run = LiveRun()
    real, started = run.frame, threading.Event()

    class SlowToShowTheOldRun:
        """The frame variable, slow to take a frame of the first run (a stalled thread)."""

        def __getattr__(self, name):
            return getattr(real, name)

        @property
        def value(self):
            return real.value

        @value.setter
        def value(self, frame):
            if frame.build == 1 and frame.week > 0:
                started.set()
                time.sleep(0.3)
            real.value = frame

    run.frame = SlowToShowTheOldRun()
    stop = threading.Event()
    run._stop = stop
    stepping = threading.Thread(target=run.step, args=(3, stop))
    stepping.start()
    assert started.wait(5)
    run.reset()
    stepping.join(5)
    assert run.frame.value.build == run._builds and run.frame.value.week == 0


# --- pages ---------------------------------------------------------------------------------
def kpi_value(rc, key):
    """The headline number ``key`` as shown (the KPI strip is one HTML block)."""
    strip = [w.unsafe_innerHTML for w in rc.find(solara.widgets.HTML).widgets
             if "data-testid=\"kpi-week\"" in (w.unsafe_innerHTML or "")][0]
    return re.search(rf'data-testid="kpi-{key}">([^<]*)<', strip).group(1)


def test_explore_page_steps_and_switches_language():
    session, rc = render(explore.Page())
    assert kpi_value(rc, "week") == "0"
    click(rc, "+1 week")
    assert kpi_value(rc, "week") == "1"
    click(rc, "+1 year")
    assert kpi_value(rc, "week") == "53"
    network = html_by_id(rc, "network")
    assert "<svg" in network and "UPTD PPA" in network
    assert "<polyline" in html_by_id(rc, "chart-uptake")
    session.lang.value = "id"
    text = all_text(rc)
    assert "tahun 2000" in text and "Jaringan kolaborasi" in text and "Kepolisian" in text
    assert "Atur ulang" in text
    rc.close()


def test_explore_slider_changes_the_run_and_bad_seed_shows_a_message():
    session, rc = render(explore.Page())
    click(rc, "+1 year")
    slider = [w for w in rc.find(v.Slider).widgets
              if (w.attributes or {}).get("data-testid") == "lever-accountability"][0]
    slider.fire_event("change", 0.2)
    assert session.live.frame.value.params["accountability"] == 0.2
    assert session.live.week == 52
    assert "20%" in all_text(rc) and "Changes during this run" in all_text(rc)
    seed = rc.find(v.TextField, label=t("explore.seed", "en")).widget
    seed.v_model = "not a number"
    seed.fire_event("focusout", None)
    assert "'not a number' is not" in " ".join(seed.messages) and seed.error
    assert session.live.week == 52
    rc.close()


def test_explore_scenario_picker():
    session, rc = render(explore.Page())
    select = [w for w in rc.find(v.Select).widgets
              if (w.attributes or {}).get("data-testid") == "scenario"][0]
    select.fire_event("change", "funding_halved")
    assert session.live.settings.value.scenario == "funding_halved"
    from experiments.spec import load_scenario

    assert session.live.settings.value.parameters["donor_grant_per_year"] == \
        load_scenario("funding_halved").parameters["donor_grant_per_year"]
    assert load_scenario("funding_halved").description["en"][:40] in all_text(rc)
    rc.close()


def test_compare_page_runs_in_the_background_and_gives_a_verdict():
    session = Session()
    session.compare_setup.value = session.compare_setup.value.__class__(reps=5, years=1)
    session, rc = render(compare.Page(), session)
    assert "Run the comparison" in all_text(rc)
    click(rc, "Run the comparison")
    compare.wait_for(compare.comparison_task)
    assert compare.comparison_task.finished, compare.comparison_task.exception
    verdict = all_text(rc)
    assert "With 5 paired runs per scenario" in verdict
    assert "Referral uptake in 1999:" in verdict and "Staff at the end:" in verdict
    session.lang.value = "id"
    assert "selang keyakinan 95%" in all_text(rc) and "SK" not in all_text(rc)
    assert "<polygon" in html_by_id(rc, "compare-uptake")     # confidence bands
    rc.close()


def test_more_runs_extends_the_comparison_and_keeps_the_runs_made():
    session = Session()
    session.compare_setup.value = session.compare_setup.value.__class__(reps=5, years=1)
    session, rc = render(compare.Page(), session)
    click(rc, "Run the comparison")
    compare.wait_for(compare.comparison_task)
    first = compare.comparison_task.value[1]
    click(rc, "More runs: 5 → 15 per scenario")
    compare.wait_for(compare.comparison_task)
    _, more = compare.comparison_task.value
    assert more.reps == 15 and more.a.ends["cases"][:5] == first.a.ends["cases"]
    assert "With 15 paired runs per scenario" in all_text(rc)
    rc.close()


def test_compare_rejects_a_bad_seed_in_the_page():
    session = Session()
    session.compare_setup.value = session.compare_setup.value.__class__(seed_text="abc")
    session, rc = render(compare.Page(), session)
    click(rc, "Run the comparison")
    assert "'abc'" in all_text(rc) and not compare.comparison_task.pending
    rc.close()


def test_verdict_covers_every_headline_outcome_with_a_sentence_each():
    from viz.replicate import compare as run_pair

    result = run_pair({}, {"referral_agreement": True}, 12, 2, 3)
    headline, lines, _more = compare.verdict(result, "en", "Baseline", "MoU")
    assert "higher referral uptake in 2000" in headline
    assert len(lines) == 7 and lines[0].startswith("Referral uptake in 2000: higher with B")
    headline_id, lines_id, _ = compare.verdict(result, "id", "Kondisi dasar", "MoU")
    assert "serapan rujukan tahun 2000 lebih tinggi" in headline_id
    png = compare.compare_png(result, "en", "Baseline", "MoU")
    assert png[:4] == b"\x89PNG"


def test_halving_the_grant_is_reported_on_funds_even_when_uptake_does_not_move():
    from viz.replicate import compare as run_pair

    from model import DEFAULTS

    # 20 runs an arm: at 10, this seed's fall in funds stayed below significance (Holm p 0.07)
    result = run_pair({}, {"donor_grant_per_year": DEFAULTS["donor_grant_per_year"] / 2}, 20, 3, 1)
    funds = next(o for o in result.outcomes() if o.metric == "funds")
    assert funds.differs and funds.direction == -1
    headline, _, _ = compare.verdict(result, "en", "Baseline", "Half")
    assert "lower funds at the end" in headline


def _synthetic(reps, a_values, b_values):
    from viz.replicate import HEADLINE, Arm, Comparison

    a, b = Arm("A", {}), Arm("B", {})
    for i in range(reps):
        a.add({}, {m: a_values(i) for m in HEADLINE + ("volunteers", "groups")})
        b.add({}, {m: b_values(i) for m in HEADLINE + ("volunteers", "groups")})
    return Comparison(a, b, reps, 3, 1)


def test_outcomes_that_cannot_be_told_apart_ask_for_more_runs_until_the_maximum():
    from viz.replicate import MAX_REPS

    noise = [0.3, -0.2, 0.1, -0.4, 0.2, 0.0, -0.1, 0.3]
    few = _synthetic(8, lambda i: 10 + noise[i], lambda i: 10 + noise[-1 - i])
    headline, _, more = compare.verdict(few, "en", "A", "B")
    assert "cannot be told apart on any of the 6 outcomes" in headline
    assert more.startswith("More runs may tell apart")
    many = _synthetic(MAX_REPS, lambda i: 10 + noise[i % 8], lambda i: 10 + noise[-1 - i % 8])
    _, _, more = compare.verdict(many, "en", "A", "B")
    assert more.startswith(f"At {MAX_REPS} runs per scenario")


def test_holm_adjustment_is_applied_over_the_headline_outcomes():
    from viz.replicate import holm

    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])


def test_comparison_csv_names_edits_seeds_and_every_parameter():
    import io

    import pandas as pd

    from viz.live import Settings
    from viz.replicate import compare as run_pair
    from viz.session import CompareSetup

    edited = Settings.of_scenario("referral_agreement", "1")
    edited = Settings(edited.scenario, {**edited.changes, "skill": 0.9}, "1")
    setup = CompareSetup(b=edited, reps=2, years=1)
    result = run_pair(setup.a.parameters, edited.parameters, 2, 1, 4,
                      ("baseline", compare.arm_label(edited)))
    text = compare.comparison_csv(result, setup)
    assert '"scenario_edits": {"skill": 0.9}' in text
    assert '"model_version": "' in text and '"start_year": 1999' in text
    table = pd.read_csv(io.StringIO(text), comment="#")
    assert set(table["scenario"]) == {"baseline", "referral_agreement (edited)"}
    from experiments.replicates import replicate_seed

    assert list(table["seed"]) == [replicate_seed(4, k) for k in (0, 1)] * 2


def test_teach_page_walks_through_the_mechanisms():
    session, rc = render(teach.Page())
    assert "Six mechanisms of collaboration" in all_text(rc)
    click(rc, "Start")
    assert session.teach_index.value == 1 and "Advocacy and trust" in all_text(rc)
    click(rc, "Run the experiment")
    compare.wait_for(teach.experiment_task)
    assert teach.experiment_task.finished, teach.experiment_task.exception
    text = all_text(rc)
    assert "agencies' mean trust is" in text
    click(rc, "Next")
    assert "Referral" in all_text(rc)
    click(rc, "Back")
    assert session.teach_index.value == 1
    session.lang.value = "id"
    assert "Advokasi dan kepercayaan" in all_text(rc) and "Lanjut" in all_text(rc)
    rc.close()


def test_every_mechanism_experiment_shows_its_lever():
    for mech in teach.MECHANISMS:
        result = teach.run_mechanism(mech)
        first, _ = mech.result
        on, off = result.a.end(first)[0], result.b.end(first)[0]
        assert on != off, mech.key
        assert teach.result_sentence(mech, result, "id")


def test_about_and_document_pages():
    _session, rc = render(about.Page())
    text = all_text(rc)
    assert "WCC Nurani Perempuan" in text and "What it cannot say" in text
    assert "Referral agreement (MoU) with the agencies" in text
    rc.close()
    _session, rc = render(about.OddPage(), lang="id")
    assert "ODD" in html_by_id(rc, "doc-odd") and "bahasa Inggris" in all_text(rc)
    rc.close()
    _session, rc = render(about.ParametersPage())
    assert "incidents_per_week" in html_by_id(rc, "doc-parameters")
    rc.close()


def test_layout_has_navigation_and_language_switch():
    layout = app.Layout(children=[explore.Page()])
    _box, rc = solara.render(solara.RoutingProvider(routes=app.routes, pathname="/",
                                                    children=[layout]), handle_error=False)
    text = all_text(rc)
    for label in ("Explore", "Compare", "Teach", "About", "English", "Bahasa Indonesia"):
        assert label in text
    click(rc, "Bahasa Indonesia")
    text = all_text(rc)
    for label in ("Jelajahi", "Bandingkan", "Kelas", "Tentang"):
        assert label in text
    rc.close()
    assert app.initial_language("lang=id") == "id" and app.initial_language(None) == "en"
    assert [r.path for r in app.routes][:4] == ["/", "compare", "teach", "about"]


def test_server_command_is_offline_and_local():
    from viz.server import server_command, server_env

    command = server_command()
    assert "--production" in command and "--no-check-version" in command
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert server_env()["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "False"
    assert not re.search(r"https?://", (VIZ / "app.py").read_text())


def test_background_runs_report_progress_and_can_be_cancelled():
    from viz.session import CompareSetup

    task, seen = compare.comparison_task, []
    task(CompareSetup(reps=60, years=1), None, 60)
    deadline = time.monotonic() + 60
    while task.pending and time.monotonic() < deadline and not any(0 < p < 100 for p in seen):
        seen.append(task.progress or 0)
        time.sleep(0.01)
    assert any(0 < p < 100 for p in seen)
    task.cancel()
    compare.wait_for(task)
    assert task.cancelled and task.value is None


def test_indonesian_texts_follow_the_glossary():
    from viz.glossary import AVOID, DOC, markdown

    from experiments.spec import load_scenario, scenario_names

    indonesian = "\n".join(entry["id"] for entry in TEXT.values() if "id" in entry)
    indonesian += "\n".join(load_scenario(n).title["id"] + "\n" + load_scenario(n).description["id"]
                            for n in scenario_names())
    assert re.search(r"\bSK\b", indonesian) is None
    assert "selang kepercayaan" not in indonesian and "selang keyakinan" in indonesian
    generic = [m.group(0) for m in re.finditer(r"\b[Dd]inas\b(?! Sosial)", indonesian)]
    assert generic == [], "agencies are 'instansi'; the police are not a dinas"
    assert TEXT["explore.reset"]["id"] == "Atur ulang"
    assert "SK" in AVOID and DOC.read_text(encoding="utf-8") == markdown()


def test_numbers_follow_the_language_with_babel():
    from viz.i18n import number, percent

    assert number(1234.5, "en", 1) == "1,234.5" and number(1234.5, "id", 1) == "1.234,5"
    assert percent(0.125, "id", 1) == "12,5%" and number(0.3, "id", 2) == "0,30"


def test_network_tooltips_are_in_the_page_language():
    run = LiveRun()
    run.step(30)
    frame = run.frame.value
    svg = network_svg(frame.graph, run.layout, explore.network_labels("id", frame),
                      frame.referrals_by_agency(), frame.record)
    titles = " ".join(re.findall(r"<title>([^<]*)</title>", svg))
    assert "jaringan staf" in titles and "keterampilan" in titles
    assert "staff ties" not in titles and "skill" not in titles and "(province)" not in titles
