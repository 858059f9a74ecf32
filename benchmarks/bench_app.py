"""Benchmark of the browser app's server (prints figures, asserts nothing).

Run from the repository root (needs Debian's chromium at /usr/bin/chromium)::

    python benchmarks/bench_app.py            # about 5 minutes
    python benchmarks/bench_app.py --quick    # fewer sessions and steps, about 2 minutes

It starts the real server (viz.server, production mode) on a free local port and
drives it with Chromium on the same machine, then prints:

1. **CPU per step**: the server process's CPU time (user + system, psutil) spent
   per "+1 week" click of one session, from the click to the new week on screen:
   the total over all clicks divided by their number (psutil counts in 10 ms ticks,
   too coarse for one click). Target <= 30 ms.
2. **Play speed alone**: simulated weeks per second while one session plays at the
   fastest speed, over a fixed wall-clock window. Target >= 20 weeks/s.
3. **Memory after sessions close**: the server's resident memory (RSS) before and
   after N sessions were opened, used (one year stepped) and closed. Target: within
   +60 MB for 40 sessions.
4. **Many sessions stepping at once**: S sessions (browser contexts) each click
   "+1 week" R times, all at the same time; the time from a click to the new week on
   screen, 95th percentile and maximum. Target: 95th percentile <= 5 s for 30 sessions.
   Each click is timed inside its page (``--wait page``, see CLICK_TO_WEEK), or, with
   ``--wait poll``, from playwright's click to its 20 ms poll seeing the new week.
   The server's CPU time over that phase, as a share of one core, tells whether the
   server or the browsers were the bottleneck.

The browser runs on the same cores as the server, as in a classroom served from a
laptop. The machine is shared: figures vary between runs; only compare runs made
close together.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from viz import server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TARGET_CPU_MS = 30.0
TARGET_WEEKS_PER_S = 20.0
TARGET_MEMORY_MB = 60.0
TARGET_P95_S = 5.0
KPI = "[data-testid=kpi-week]"
#: The four measures, in the order they run.
PHASES = ("cpu", "play", "memory", "many")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


async def week(page) -> int:
    return int((await page.locator(KPI).inner_text()).strip())


async def open_session(browser, url: str):
    context = await browser.new_context(viewport={"width": 1366, "height": 768})
    page = await context.new_page()
    page.set_default_timeout(120_000)
    await page.goto(url + "/")
    await page.locator("[data-testid=network] svg").wait_for()
    return context, page


#: Clicks a button in the page and resolves, in the page, when the week shown reaches the
#: one expected and the next frame is drawn: the milliseconds from the click to the new
#: week on the page (performance.now).
#: A MutationObserver wakes it when the page changes, so no page polls (30 pages polling
#: every 20 ms would themselves load the 2 cores they share with the server).
CLICK_TO_WEEK = """([button, kpi, expected]) => new Promise((resolve, reject) => {
  const shown = () => { const e = document.querySelector(kpi);
                        return e !== null && Number(e.textContent) >= expected; };
  const started = performance.now();
  const watch = new MutationObserver(() => {
    if (shown()) {   // the next frame drawn with the new week (style, layout, paint)
      watch.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started)); } });
  watch.observe(document.body, {childList: true, subtree: true, characterData: true});
  setTimeout(() => { watch.disconnect(); reject(new Error("no new week within 180 s")); },
             180000);
  document.querySelector(button).click();
})"""


#: How a click waits for the new week: "page" (in the page, above) or "poll" (playwright
#: clicks and polls the page every 20 ms; timed from the benchmark, as before 28 Nov 2026).
WAIT = {"how": "page"}


async def click_and_wait(page, selector: str, expected: int) -> float:
    """Click, then wait for the week on the page; returns the seconds it took."""
    if WAIT["how"] == "page":
        return await page.evaluate(CLICK_TO_WEEK, [selector, KPI, expected]) / 1000
    started = time.perf_counter()
    await page.locator(selector).click()
    await page.wait_for_function(
        "([sel, w]) => { const e = document.querySelector(sel);"
        " return e && Number(e.innerText) >= w; }", arg=[KPI, expected], polling=20)
    return time.perf_counter() - started


async def cpu_per_step(browser, url: str, proc: psutil.Process, clicks: int) -> list[float]:
    context, page = await open_session(browser, url)
    for i in range(3):                                  # warm up
        await click_and_wait(page, ".kb-step", i + 1)
    before = cpu_seconds(proc)
    for i in range(clicks):
        await click_and_wait(page, ".kb-step", 4 + i)
    total = cpu_seconds(proc) - before
    await context.close()
    return 1000 * total / clicks


async def play_speed(browser, url: str, seconds: float) -> float:
    context, page = await open_session(browser, url)
    thumb = page.locator("[role=slider][data-testid=speed]")
    await thumb.focus()
    await page.keyboard.press("End")                    # the fastest speed
    await page.locator(".speed-value", has_text="52").wait_for()
    await page.locator(".kb-play").click()
    await page.wait_for_function(f"() => Number(document.querySelector('{KPI}').innerText) > 0")
    start_week, started = await week(page), time.perf_counter()
    await asyncio.sleep(seconds)
    end_week, ended = await week(page), time.perf_counter()
    await page.locator(".kb-play").click()
    await context.close()
    return (end_week - start_week) / (ended - started)


async def memory_after(browser, url: str, proc: psutil.Process, sessions: int) -> tuple:
    for _ in range(3):                                  # warm up: imports, caches
        context, page = await open_session(browser, url)
        await click_and_wait(page, ".kb-step-year", 52)
        await page.close(run_before_unload=True)
        await context.close()
    await asyncio.sleep(3)
    before = proc.memory_info().rss / 2**20
    peak = before
    for _ in range(sessions):
        context, page = await open_session(browser, url)
        await click_and_wait(page, ".kb-step-year", 52)
        peak = max(peak, proc.memory_info().rss / 2**20)
        await page.close(run_before_unload=True)       # the tab closes (page-close beacon)
        await context.close()
    await asyncio.sleep(10)                              # let the server drop the kernels
    after = proc.memory_info().rss / 2**20
    return before, peak, after


async def many_at_once(browser, url: str, sessions: int, rounds: int) -> list[float]:
    opened = [await open_session(browser, url) for _ in range(sessions)]
    delays: list[float] = []

    async def one(page):
        for i in range(rounds):
            delays.append(await click_and_wait(page, ".kb-step", i + 1))

    await asyncio.gather(*(one(page) for _context, page in opened))
    for context, _page in opened:
        await context.close()
    return delays


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main_async(args) -> int:
    from playwright.async_api import async_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    process = server.start("127.0.0.1", port, log=log)
    rows = []
    try:
        server.wait_until_up(url + "/", timeout=120, process=process)
        proc = psutil.Process(process.pid)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            if "cpu" in args.only:
                cost = await cpu_per_step(browser, url, proc, args.clicks)
                print(f"1. CPU per step: {cost:.1f} ms (server CPU over {args.clicks} clicks / "
                      f"{args.clicks})", flush=True)
                rows.append(("server CPU per step (ms)", f"{cost:.1f}", f"<= {TARGET_CPU_MS:g}",
                             cost <= TARGET_CPU_MS))
            if "play" in args.only:
                speed = await play_speed(browser, url, args.play_seconds)
                print(f"2. Play alone at the fastest speed: {speed:.1f} simulated weeks/s "
                      f"over {args.play_seconds:g} s", flush=True)
                rows.append(("Play, weeks per second", f"{speed:.1f}",
                             f">= {TARGET_WEEKS_PER_S:g}", speed >= TARGET_WEEKS_PER_S))
            if "memory" in args.only:
                before, peak, after = await memory_after(browser, url, proc, args.sessions)
                grown = after - before
                print(f"3. RSS before {before:.0f} MB, peak {peak:.0f} MB, after {args.sessions} "
                      f"sessions closed {after:.0f} MB ({grown:+.0f} MB)", flush=True)
                rows.append((f"RSS growth after {args.sessions} sessions (MB)", f"{grown:+.0f}",
                             f"<= +{TARGET_MEMORY_MB:g}", grown <= TARGET_MEMORY_MB))
            if "many" in args.only:
                cpu_before, wall_before = cpu_seconds(proc), time.perf_counter()
                delays = await many_at_once(browser, url, args.concurrent, args.rounds)
                busy = (cpu_seconds(proc) - cpu_before) / (time.perf_counter() - wall_before)
                p95 = percentile(delays, 0.95)
                print(f"4. {args.concurrent} sessions x {args.rounds} steps at once: click to "
                      f"new week median {statistics.median(delays):.2f} s, 95th percentile "
                      f"{p95:.2f} s, max {max(delays):.2f} s; the server used {100 * busy:.0f}% "
                      f"of one core meanwhile", flush=True)
                rows.append((f"{args.concurrent} sessions at once, 95th pct (s)", f"{p95:.2f}",
                             f"<= {TARGET_P95_S:g}", p95 <= TARGET_P95_S))
            await browser.close()
    finally:
        process.terminate()
        try:
            process.wait(15)
        except Exception:
            process.kill()
    print()
    print(f"{'measure':<40} {'value':>8}  {'target':>8}  result")
    for name, value, target, ok in rows:
        print(f"{name:<40} {value:>8}  {target:>8}  {'PASS' if ok else 'MISS'}")
    print(f"\ncores: {psutil.cpu_count()}, load average: "
          f"{', '.join(f'{x:.1f}' for x in psutil.getloadavg())}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench_app.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="10 clicks, 10 sessions for memory, 10 at once")
    parser.add_argument("--clicks", type=int, default=30)
    parser.add_argument("--play-seconds", type=float, default=6.0)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--concurrent", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=PHASES, default=list(PHASES),
                        help="run only these measures (default: all four)")
    parser.add_argument("--wait", choices=("page", "poll"), default="page",
                        help="time a click in the page (default) or from playwright, polling "
                             "the page every 20 ms")
    args = parser.parse_args(argv)
    if args.quick:
        args.clicks, args.sessions, args.concurrent, args.rounds = 10, 10, 10, 3
    WAIT["how"] = args.wait
    gc.collect()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
