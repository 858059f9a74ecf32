"""The app's layout in a real browser: a phone needs no hover and scrolls nowhere sideways;
on laptop and desktop screens no chart legend is clipped and nothing hides behind the bars
that stay on screen.

Skipped when /usr/bin/chromium (Debian's chromium) or the app's packages are missing.
"""

import os

import pytest
from browser import CHROMIUM, Phones, show_on

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}", allow_module_level=True)
pytest.importorskip("solara", reason="the app's packages (solara) are not installed")
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

TIMEOUT = 30_000   # ms
PHONE = {"width": 390, "height": 844}
NETWORK = "[data-testid=network]"


@pytest.fixture(scope="module")
def app_url(app_server):
    """The app server the browser files share (tests/conftest.py)."""
    return app_server[0]


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


@pytest.fixture(scope="module")
def phones(browser, app_url):
    """phones(**options): the file's browser contexts of one kind (touch or not), lent to one
    test at a time with their cookies cleared (tests/browser.py ``Phones``)."""
    pools = {}

    def of_kind(**options):
        key = tuple(sorted(options.items()))
        if key not in pools:
            pools[key] = Phones(browser, app_url, TIMEOUT, **options)
        return pools[key]

    yield of_kind
    for pool in pools.values():
        pool.close()


@pytest.fixture
def open_page(phones):
    """Opens a path on a screen of the given size, in a context (a session) of its own."""
    lent = []

    def open_at(path, viewport, **options):
        pool = phones(**options)
        page = pool.take()
        lent.append((pool, page))
        page.set_viewport_size(viewport)
        page.goto(pool.url + path)
        page.locator(f"{NETWORK} svg").wait_for()
        return page

    yield open_at
    for pool, page in lent:
        pool.give_back(page)


def scroll_widths(page) -> dict:
    """How wide the page and the network card are, and how wide they may be."""
    return page.evaluate(
        """(net) => { const box = document.querySelector(net);
             return {page: document.documentElement.scrollWidth,
                     page_room: document.documentElement.clientWidth,
                     card: box.scrollWidth, card_room: box.clientWidth}; }""", NETWORK)


def test_on_a_phone_neither_the_page_nor_the_network_card_scrolls_sideways(open_page):
    page = open_page("/?lang=id", PHONE)
    widths = scroll_widths(page)
    assert widths["page"] <= widths["page_room"], widths
    assert widths["card"] <= widths["card_room"], widths


def test_on_a_phone_tapping_a_node_shows_its_details(open_page):
    page = open_page("/", PHONE, has_touch=True, is_mobile=True)
    node = page.locator(f"{NETWORK} .kb-node[data-node^=staff-]").first
    details = node.locator(".kb-node-tip")
    assert not details.is_visible()
    node.tap()
    details.wait_for(state="visible")
    assert "skill" in details.text_content()
    assert not page.locator(f"{NETWORK} .kb-net-hint").is_visible()


def test_keyboard_focus_on_a_node_shows_its_details(open_page):
    page = open_page("/?lang=id", {"width": 1366, "height": 768})
    node = page.locator(f"{NETWORK} .kb-node[data-node$=_province]").first
    node.focus()
    details = node.locator(".kb-node-tip")
    details.wait_for(state="visible")
    assert "(Provinsi)" in details.text_content()          # in the page's language


#: The boxes of every chart legend entry and the chart (svg) it belongs to.
LEGEND_BOXES = """() => [...document.querySelectorAll('.kb-chart-legend')].map(g => {
    const svg = g.closest('svg').getBoundingClientRect(), box = g.getBoundingClientRect();
    return {label: g.textContent, left: box.left - svg.left, right: svg.right - box.right,
            top: box.top - svg.top, x: box.left, end: box.right, y: box.top,
            chart: [...document.querySelectorAll('svg')].indexOf(g.closest('svg'))}; })"""


def overlapping(boxes) -> list:
    """Pairs of legend entries of one chart, on one line, closer than 4 px (or overlapping)."""
    return [(a["label"], b["label"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["chart"] == b["chart"] and abs(a["y"] - b["y"]) < 3
            and a["x"] < b["end"] + 4 and b["x"] < a["end"] + 4]

#: Scrolls every card of the main column, and every lever of the sidebar, to the top of its
#: scrolling area (as a link, find in page or Tab would) and returns those that the bars
#: staying on screen (headline numbers, run buttons) then cover.
COVERED = """() => {
    const covered = [];
    const check = (items, bar) => {
        for (const item of document.querySelectorAll(items)) {
            item.scrollIntoView({block: 'start', behavior: 'instant'});
            const top = item.getBoundingClientRect().top;
            const bottom = document.querySelector(bar).getBoundingClientRect().bottom;
            if (top < bottom - 1) covered.push([item.className, top, bottom]);
        }
    };
    check('.kb-main .kb-card', '.kb-live > .kb-kpis');
    check('.kb-sidebar .kb-lever', '.kb-sticky-controls');
    return covered; }"""


#: Laptop and desktop screens, widest first. Each page is loaded once, on the widest, and
#: then resized to the others: the app's layout is CSS only, so a page resized to a screen is
#: laid out as one opened on it (and a layout that held at a wider screen must still hold).
SCREENS = [(1920, 1080), (1366, 768), (1024, 768)]


def legend_faults(boxes) -> tuple[list, list]:
    """Legend entries outside their chart, and pairs of entries that overlap."""
    return [b for b in boxes if min(b["left"], b["right"], b["top"]) < 0], overlapping(boxes)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_chart_legend_is_clipped_or_overlaps_and_nothing_hides_behind_the_bars(
        open_page, lang):
    page = open_page(f"/?lang={lang}", dict(zip(("width", "height"), SCREENS[0])))
    page.locator(".kb-step-year").click()
    page.wait_for_function("() => document.querySelector('[data-testid=kpi-week]')"
                           ".textContent.trim() === '52'")
    for width, height in SCREENS:
        show_on(page, width, height)
        page.locator(".kb-step-year").click(trial=True)     # on screen and not covered here
        boxes = page.evaluate(LEGEND_BOXES)
        assert len(boxes) >= 12                         # six charts, two lines or more each
        clipped, overlaps = legend_faults(boxes)
        assert not clipped, f"legends outside their chart at {width}x{height}: {clipped}"
        assert not overlaps, f"legend entries overlap at {width}x{height}: {overlaps}"
        net_legend = page.locator(".kb-net-card .kb-legend").bounding_box()
        net_card = page.locator(".kb-net-card").bounding_box()
        assert net_legend["x"] + net_legend["width"] <= net_card["x"] + net_card["width"], \
            f"the network's legend leaves its card at {width}x{height}"
        assert page.evaluate(COVERED) == [], f"covered at {width}x{height}"


def test_no_legend_of_compare_or_teach_is_clipped_or_overlaps(phones, app_url):
    pool = phones()
    page = pool.take()
    page.set_default_timeout(60_000)
    found = {}
    try:
        for path, run, result in (("/compare?lang=id&reps=5&years=1", ".kb-run-compare",
                                   "[data-testid=verdict]"),
                                  ("/teach?lang=id&step=2", ".kb-teach-run",
                                   "[data-testid=teach-result]")):
            show_on(page, *SCREENS[0])                  # each page opens on the widest
            page.goto(app_url + path)
            page.locator(run).click()
            page.locator(result).wait_for()
            for width, height in SCREENS:
                show_on(page, width, height)
                page.locator(run).click(trial=True)     # on screen and not covered here
                found[path, width, height] = page.evaluate(LEGEND_BOXES)
    finally:
        page.set_default_timeout(TIMEOUT)
        pool.give_back(page)
    for (path, width, height), boxes in found.items():
        assert boxes, f"no chart legend on {path}"
        clipped, overlaps = legend_faults(boxes)
        assert not clipped, f"legends outside their chart on {path} at {width}x{height}"
        assert not overlaps, f"legend entries overlap on {path} at {width}x{height}"
