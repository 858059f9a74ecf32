"""The browser app in a real browser: the real server (subprocess) driven by Chromium (playwright).

Skipped when /usr/bin/chromium (Debian's chromium) or the app's packages are missing.
One server serves every test of this file; each person a test opens has a browser context
of her own, that is her own session. Contexts are lent from test to test with their cookies
cleared (tests/browser.py ``Phones``), so a person's session is new, as on a phone handed on.
"""

import os
from pathlib import Path

import pytest

from browser import CHROMIUM, Phones, show_on
from model import DEFAULTS

if not os.path.exists(CHROMIUM):
    pytest.skip(f"end-to-end tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
pytest.importorskip("solara", reason="the app's packages (solara) are not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


TIMEOUT = 30_000   # ms


def _halved_grant() -> str:
    """The donor grant of the funding_halved scenario, as the lever writes it (no decimals)."""
    from experiments.spec import load_scenario

    return str(int(load_scenario("funding_halved").parameters["donor_grant_per_year"]))


HALVED = _halved_grant()


@pytest.fixture(scope="module")
def app_url(app_server):
    """The app server the browser files share (tests/conftest.py), checked after this file."""
    url, log_path = app_server
    yield url
    text = Path(log_path).read_text()
    # the server fetched nothing from outside (a missing asset would be fetched from a CDN)
    assert "Could not load URL" not in text and "pypi.org" not in text, text[-2000:]


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@pytest.fixture(scope="module")
def phones(browser, app_url):
    """The file's browser contexts, lent to one person at a time (tests/browser.py)."""
    pool = Phones(browser, app_url, TIMEOUT, viewport={"width": 1440, "height": 900},
                  accept_downloads=True)
    yield pool
    pool.close()


@pytest.fixture
def visitor(phones, app_url):
    """A function opening a new person's tab (a context her own, a new session) at a path;
    records every request."""
    pages, requests = [], []

    def record(request):
        requests.append(request.url)

    def open_page(path="/"):
        page = phones.take()
        pages.append(page)
        page.on("request", record)
        page.goto(app_url + path)
        page.locator(".kb-header").wait_for()
        return page

    yield open_page
    for page in pages:
        page.remove_listener("request", record)
        phones.give_back(page)
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"


def kpi(page, key) -> str:
    return page.locator(f"[data-testid=kpi-{key}]").inner_text().strip()


def wait_text(page, selector, expected, timeout=TIMEOUT):
    page.wait_for_function(
        "([sel, text]) => { const e = document.querySelector(sel);"
        " return e && e.innerText.trim() === text; }", arg=[selector, expected], timeout=timeout)


def test_explore_step_slider_and_chart(visitor):
    page = visitor("/")
    page.locator("[data-testid=network] svg").wait_for()
    assert kpi(page, "week") == "0"
    # how fast a step shows is benchmarks/bench_app.py's figure, not a timed assertion here
    page.locator(".kb-step").click()
    wait_text(page, "[data-testid=kpi-week]", "1")
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "53")
    chart_before = page.locator("[data-testid=chart-uptake]").inner_html()
    cases_before = kpi(page, "cases")
    # move the accountability slider with the keyboard: 80% -> 70%
    value = page.locator(".lever-accountability-value")
    assert value.inner_text().strip() == "80%"
    thumb = page.locator("[role=slider][data-testid=lever-accountability]")
    for expected in ("75%", "70%"):
        thumb.focus()
        page.keyboard.press("ArrowLeft")
        wait_text(page, ".lever-accountability-value", expected)
    wait_text(page, "[data-testid=kpi-week]", "53")    # applied from the coming week, no replay
    page.locator("[data-testid=changes]").wait_for()
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "105")
    page.wait_for_function(
        "(old) => document.querySelector('[data-testid=chart-uptake]').innerHTML !== old",
        arg=chart_before)
    assert kpi(page, "cases") != "" and cases_before != ""


def test_play_and_pause(visitor):
    page = visitor("/")
    page.locator(".kb-play").click()
    page.wait_for_function("() => Number(document.querySelector("
                           "'[data-testid=kpi-week]').innerText) >= 3")
    page.locator(".kb-play").click()          # now the Pause button
    page.wait_for_timeout(800)
    week = kpi(page, "week")
    page.wait_for_timeout(800)
    assert kpi(page, "week") == week


def test_language_switch(visitor):
    page = visitor("/")
    page.locator(".kb-lang-id").click()
    page.get_by_text("Jaringan kolaborasi").wait_for()
    assert page.locator(".kb-nav-compare").inner_text().strip().lower() == "bandingkan"
    assert "Kepolisian" in page.locator("[data-testid=network]").inner_html()
    page.locator(".kb-lang-en").click()
    page.get_by_text("The collaboration network").wait_for()
    page2 = visitor("/?lang=id")
    page2.get_by_text("Jaringan kolaborasi").wait_for()


def test_bad_seed_shows_a_message_and_the_app_keeps_working(visitor):
    page = visitor("/")
    seed = page.locator(".kb-seed input")
    seed.fill("forty-two")
    seed.press("Enter")
    page.get_by_text("'forty-two' is not").wait_for()
    page.locator(".kb-step").click()
    wait_text(page, "[data-testid=kpi-week]", "1")
    seed.fill("7")
    seed.press("Enter")
    page.wait_for_function("() => !document.body.innerText.includes(\"'forty-two' is not\")")
    # a value out of range in the researchers' panel: a message, not a traceback
    page.locator(".kb-advanced-toggle").click()
    field = page.locator(".kb-param-help_seeking input")
    field.fill("5")
    field.press("Enter")
    # the message is shown under the field that caused it
    message = page.locator(".kb-param-help_seeking .v-messages", has_text="outside the valid range")
    message.wait_for()
    assert abs(message.bounding_box()["y"] - field.bounding_box()["y"]) < 80
    field = page.locator(".kb-param-entry_police input")
    field.fill("0.9")
    field.press("Enter")
    page.locator(".kb-param-entry_police .v-messages", has_text="must not exceed 1").wait_for()
    page.locator(".kb-lang-id").click()               # the same message in Bahasa Indonesia
    page.locator(".kb-param-entry_police input").fill("0,95")
    page.locator(".kb-param-entry_police input").press("Enter")
    page.locator(".kb-param-entry_police .v-messages",
                 has_text="tidak boleh lebih dari 1").wait_for()
    page.locator(".kb-step").click()                   # seed 7 started a new run at week 0
    wait_text(page, "[data-testid=kpi-week]", "1")


def test_the_run_survives_moving_between_pages(visitor):
    page = visitor("/")
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "52")
    page.locator(".kb-nav-about").click()
    page.get_by_text("What it cannot say").wait_for()
    page.locator(".kb-nav-explore").click()
    wait_text(page, "[data-testid=kpi-week]", "52")


def test_compare_shows_progress_and_a_verdict_then_more_runs(visitor):
    page = visitor("/compare")
    # edit scenario B: one more meeting a month on top of the referral agreement
    page.locator(".kb-edit-b").click()
    lever = page.locator("[role=slider][data-testid=b-lever-meetings_per_month]")
    lever.focus()
    page.keyboard.press("ArrowRight")
    page.locator(".kb-side").nth(1).get_by_text("edited").wait_for()
    # 5 runs of 4 years each: the fewest runs, and a span long enough to see the progress
    # bar (10 runs of 4 years take seconds); the years go to 1 (Home), then 3 steps up
    for test_id, keys, expected in (("compare-reps", ["ArrowLeft"], "5"),
                                    ("compare-years", ["Home"] + ["ArrowRight"] * 3, "4")):
        page.locator(f"[role=slider][data-testid={test_id}]").focus()
        for key in keys:
            page.keyboard.press(key)
        wait_text(page, f".{test_id}-value", expected)
    last_year = DEFAULTS["start_year"] + 4 - 1
    page.locator(".kb-run-compare").click()
    page.locator(".kb-progress").wait_for()
    assert "of 10" in page.locator(".kb-progress").inner_text()
    page.locator(".kb-nav-compare").click()            # the page still answers while it runs
    verdict = page.locator("[data-testid=verdict]")
    verdict.wait_for(timeout=120_000)
    text = verdict.inner_text()
    assert "With 5 paired runs per scenario" in text
    for outcome in (f"Referral uptake in {last_year}:", f"Cases handled in {last_year}:",
                    "Funds at the end",
                    "Staff at the end", "Agencies' mean trust", "Survivors not served"):
        assert outcome in text
    assert page.locator("[data-testid=compare-uptake] polygon").count() >= 2
    assert "reps=5" in page.url and "b.meetings_per_month=" in page.url
    page.locator(".kb-more-runs").click()              # 5 -> 15 runs per scenario
    page.get_by_text("With 15 paired runs per scenario").wait_for(timeout=120_000)
    page.locator(".kb-lang-id").click()
    page.get_by_text(f"Serapan rujukan tahun {last_year}").first.wait_for()
    assert "selang keyakinan" in verdict.inner_text() and "SK " not in verdict.inner_text()


def test_teach_walks_through_mechanisms(visitor):
    page = visitor("/teach")
    page.get_by_text("Six mechanisms of collaboration").wait_for()
    page.locator(".kb-next").click()
    page.locator(".kb-teach-title", has_text="Advocacy and trust").wait_for()
    page.locator(".kb-teach-run").click()
    result = page.locator("[data-testid=teach-result]")
    result.wait_for(timeout=60_000)
    assert "mean trust" in result.inner_text()
    page.locator(".kb-next").click()
    page.locator(".kb-teach-title", has_text="Referral").wait_for()
    page.locator(".kb-back").click()
    page.locator(".kb-teach-title", has_text="Advocacy and trust").wait_for()
    page.locator(".kb-teach-title").click()          # focus the page, not a button
    page.keyboard.press("PageDown")                  # a presenter's clicker
    page.locator(".kb-teach-title", has_text="Referral").wait_for()
    page.keyboard.press("ArrowLeft")
    page.locator(".kb-teach-title", has_text="Advocacy and trust").wait_for()


def test_about_and_documents_offline(visitor):
    page = visitor("/about")
    page.get_by_text("What it cannot say").wait_for()
    page.locator(".kb-doc-odd").click()
    doc = page.locator("[data-testid=doc-odd]")
    doc.wait_for()
    assert "ODD+D" in doc.inner_text()
    page.goto(page.url.rsplit("/", 1)[0] + "/parameters")
    page.locator("[data-testid=doc-parameters]").wait_for()
    assert "incidents_per_week" in page.locator("[data-testid=doc-parameters]").inner_text()


def test_downloads(visitor):
    page = visitor("/")
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "52")
    with page.expect_download() as info:
        page.get_by_text("Data (CSV)").click()
    csv_text = Path(info.value.path()).read_text()
    rows = [ln for ln in csv_text.splitlines() if not ln.startswith("#")]
    assert rows[0].startswith("week,year,") and len(rows) == 54
    assert "# seed: 42" in csv_text and "# parameters:" in csv_text
    with page.expect_download() as info:
        page.get_by_text("Charts (PNG)").click()
    assert Path(info.value.path()).read_bytes()[:4] == b"\x89PNG"


def test_two_people_never_share_a_run(visitor):
    alice, bob = visitor("/"), visitor("/")
    for page in (alice, bob):
        page.locator("[data-testid=network] svg").wait_for()
    alice.locator(".kb-step-year").click()
    wait_text(alice, "[data-testid=kpi-week]", "52")
    thumb = alice.locator("[role=slider][data-testid=lever-skill]")
    thumb.focus()
    alice.keyboard.press("ArrowRight")
    wait_text(alice, ".lever-skill-value", "0.65")
    alice.locator(".kb-play").click()                  # Alice plays while Bob steps
    bob.locator(".kb-step").click()
    wait_text(bob, "[data-testid=kpi-week]", "1")
    assert bob.locator(".lever-skill-value").inner_text().strip() == "0.60"
    bob.locator(".kb-lang-id").click()
    bob.get_by_text("Jaringan kolaborasi").wait_for()
    alice.locator(".kb-play").click()                  # pause
    assert alice.get_by_text("The collaboration network").is_visible()
    assert int(kpi(alice, "week")) >= 52
    assert kpi(bob, "week") == "1"


def test_scenario_picker(visitor):
    from playwright.sync_api import expect

    page = visitor("/")
    page.locator("[data-testid=network] svg").wait_for()
    picker = page.locator(".kb-controls .kb-select")
    expect(picker).to_be_enabled()
    picker.click()
    page.get_by_role("option", name="Donor funding halved").click()
    from experiments.spec import load_scenario

    page.get_by_text(load_scenario("funding_halved").description["en"][:40]).wait_for()
    page.locator(".lever-donor_grant_per_year-value", has_text=HALVED).wait_for()


def test_a_link_or_a_reload_gives_exactly_that_run(visitor):
    page = visitor("/?lang=id&scenario=funding_halved&seed=7&skill=0.7")
    page.get_by_text("Jaringan kolaborasi").wait_for()
    wait_text(page, ".lever-skill-value", "0,70")
    page.locator(".lever-donor_grant_per_year-value", has_text=HALVED).wait_for()
    thumb = page.locator("[role=slider][data-testid=lever-accountability]")
    thumb.focus()
    page.keyboard.press("ArrowLeft")                    # at week 0: a starting setting
    wait_text(page, ".lever-accountability-value", "75%")
    page.wait_for_function("() => location.search.includes('accountability=0.75')")
    page.reload()
    wait_text(page, ".lever-accountability-value", "75%")
    assert page.locator(".kb-seed input").input_value() == "7"
    wait_text(page, ".lever-skill-value", "0,70")
    teach = visitor("/teach?step=3&lang=id")
    teach.locator(".kb-teach-title", has_text="Akuntabilitas").wait_for()


def test_keyboard_space_plays_and_right_arrow_steps(visitor):
    page = visitor("/")
    page.locator("[data-testid=network] svg").wait_for()
    page.locator(".kb-intro").click()                   # focus the page, not a field
    page.keyboard.press("ArrowRight")
    wait_text(page, "[data-testid=kpi-week]", "1")
    page.keyboard.press(" ")
    page.locator(".kb-play", has_text="Pause").wait_for()
    page.wait_for_function("() => Number(document.querySelector("
                           "'[data-testid=kpi-week]').innerText) >= 5")
    page.keyboard.press(" ")
    page.locator(".kb-play", has_text="Play").wait_for()


def test_an_intervention_during_play_is_marked_on_the_charts(visitor):
    page = visitor("/")
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "52")
    page.locator(".kb-play").click()
    page.locator(".lever-referral_agreement label").click()
    page.locator("[data-testid=changes]", has_text="Referral agreement").wait_for()
    page.locator("[data-testid=chart-uptake] .kb-mark").wait_for()
    assert page.locator(".kb-play", has_text="Pause").is_visible()     # Play goes on
    page.locator(".kb-play").click()


def test_tapping_a_chart_shows_its_values(visitor):
    page = visitor("/")
    page.locator(".kb-step-year").click()
    wait_text(page, "[data-testid=kpi-week]", "52")
    hit = page.locator("[data-testid=chart-casework] .kb-hit").nth(12)
    tip = hit.locator(".kb-tip")
    assert tip.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    hit.focus()                                         # what a tap does
    page.wait_for_function("(e) => getComputedStyle(e).visibility === 'visible'",
                           arg=tip.element_handle())
    assert "handled, past 52 weeks: " in tip.text_content()


#: Screens from a desktop to a phone, widest first: a page laid out wide and then narrowed
#: must still fit (the app's layout is CSS only, so a page resized to a screen is laid out
#: as one opened on it, and the four screens need one page load each instead of four).
SCREENS = [(1920, 1080), (1366, 768), (1024, 768), (390, 844)]


def test_no_page_scrolls_sideways_and_teach_hides_nothing(phones, app_url):
    page = phones.take()
    try:
        for path, ready in (("/?lang=id", "[data-testid=network] svg"),
                            ("/compare", ".kb-run-compare"), ("/about", "[data-testid=about-study]"),
                            ("/teach?step=2", ".kb-teach-ask")):
            show_on(page, *SCREENS[0])
            page.goto(app_url + path)
            page.locator(ready).wait_for()
            for width, height in SCREENS:
                show_on(page, width, height)
                width_now = page.evaluate("document.documentElement.scrollWidth")
                assert width_now <= width, f"{path} is {width_now} px wide at {width} px"
        for width, height in SCREENS:                 # still on /teach?step=2
            show_on(page, width, height)
            page.evaluate("window.scrollTo(0, 0)")    # where a page opened on this screen is
            page.locator(".kb-teach-ask").scroll_into_view_if_needed()
            ask, nav = page.locator(".kb-teach-ask").bounding_box(), \
                page.locator(".kb-teach-nav").bounding_box()
            overlap = (min(ask["y"] + ask["height"], nav["y"] + nav["height"])
                       - max(ask["y"], nav["y"]))
            assert overlap <= 0, \
                f"Teach's Back/Next bar covers the question to the class at {width}x{height}"
    finally:
        phones.give_back(page)
