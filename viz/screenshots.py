"""Screenshots of every page for the README and docs/app.md (docs/screenshots/*.png).

Starts the real server on a free local port, drives Debian's Chromium with
playwright and saves one picture per page::

    python -m viz.screenshots            # writes docs/screenshots/
    python -m viz.screenshots --out DIR
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
from pathlib import Path

from . import server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
OUT = server.ROOT / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def take(url: str, out: Path) -> list[Path]:
    """Visit each page at ``url`` and save the pictures in ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []

    def shot(page, name, full=False):
        page.wait_for_timeout(700)
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=full)
        saved.append(path)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900},
                                      device_scale_factor=1)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(url + "/")
        page.locator("[data-testid=network] svg").wait_for()
        for week in ("52", "104", "156", "208"):
            if week == "156":        # an intervention: the agreement is signed in 2001
                page.locator(".lever-referral_agreement label").click()
                page.locator("[data-testid=changes]").wait_for()
            page.locator(".kb-step-year").click()
            page.wait_for_function("(w) => document.querySelector('[data-testid=kpi-week]')"
                                   ".innerText.trim() === w", arg=week)
        shot(page, "explore")
        shot(page, "explore-full", full=True)
        page.locator(".kb-lang-id").click()
        page.get_by_text("Jaringan kolaborasi").wait_for()
        shot(page, "explore-id")
        page.locator(".kb-lang-en").click()
        page.locator(".kb-nav-compare").click()
        page.locator(".kb-run-compare").click()
        page.locator("[data-testid=verdict]").wait_for()
        shot(page, "compare", full=True)
        page.locator(".kb-nav-teach").click()
        page.locator(".kb-next").click()
        page.locator(".kb-teach-title", has_text="Advocacy").wait_for()
        page.locator(".kb-next").click()
        page.locator(".kb-teach-title", has_text="Referral").wait_for()
        page.locator(".kb-teach-run").click()
        page.locator("[data-testid=teach-result]").wait_for()
        shot(page, "teach")
        page.locator(".kb-nav-about").click()
        page.locator("[data-testid=about-study]").wait_for()
        shot(page, "about", full=True)
        page.locator(".kb-doc-odd").click()
        page.locator("[data-testid=doc-odd]").wait_for()
        shot(page, "odd")
        phone = browser.new_context(viewport={"width": 390, "height": 844},
                                    device_scale_factor=2, is_mobile=True, has_touch=True)
        page = phone.new_page()
        page.set_default_timeout(60_000)
        page.goto(url + "/?lang=id&scenario=referral_agreement")
        page.locator("[data-testid=network] svg").wait_for()
        shot(page, "explore-phone")
        # a tapped node shows its details above the drawing (no hover on a phone)
        page.locator("[data-testid=network] .kb-node[data-node=uptd_ppa_province]").tap()
        page.locator("[data-testid=network] .kb-node:focus .kb-node-tip").wait_for()
        path = out / "network-phone.png"
        page.locator(".kb-net-card").screenshot(path=str(path))
        saved.append(path)
        page.goto(url + "/compare?lang=id")
        page.locator(".kb-run-compare").click()
        page.locator("[data-testid=verdict]").wait_for()
        page.locator("[data-testid=verdict]").scroll_into_view_if_needed()
        shot(page, "compare-phone")
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viz.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    args = parser.parse_args(argv)
    port = _free_port()
    process = server.start("127.0.0.1", port, log=tempfile.TemporaryFile())
    try:
        server.wait_until_up(f"http://127.0.0.1:{port}/", process=process)
        for path in take(f"http://127.0.0.1:{port}", args.out):
            print(f"wrote {path}")
    finally:
        process.terminate()
        process.wait(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
