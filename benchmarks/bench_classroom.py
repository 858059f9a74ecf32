"""Classroom benchmark: a teacher and 30 students, on the room API and in real browsers.

Run from the repository root::

    python benchmarks/bench_classroom.py                  # 8 of the 30 students in browsers
    python benchmarks/bench_classroom.py --browsers 30    # every student in a browser
    python benchmarks/bench_classroom.py --browsers 0     # the room API only

Targets (issue 12, on 2 cores):

1. A round advances within **2 s** of the last submission.
2. Each student's page shows the new round within **1 s** of the last submission.

Part 1 drives a room in this process: 30 students submit from 30 threads and 30
followers wait on the room's change signal, as the pages' threads do; it times the last
submission until the round has advanced and until every follower has woken.

Part 2 serves the app in this process (uvicorn on 127.0.0.1, as ``solara run`` does), so
the browsers and the room API share the rooms. The teacher and ``--browsers`` students
are browser contexts (Debian's chromium); the other students submit at the room API, the
last of them completing the round. A MutationObserver in each page stamps the moment its
round label changes, on the same wall clock as the last submission. Browsers and server
share this machine's two cores here, where in a class each phone draws its own page.
It prints figures and asserts nothing: read PASS/MISS.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from viz.classroom.room import Registry

ADVANCE_TARGET = 2.0     # s, target 1
UPDATE_TARGET = 1.0      # s, target 2
STUDENTS = 30
BROWSERS = 8             # browser contexts by default (they share this machine's 2 cores)
CHROMIUM = "/usr/bin/chromium"
STAFF = {"casework": 16, "meetings": 6, "forums": 2, "proposals": 2, "outreach": 4,
         "reports": 2, "meet_with": ""}


def decision(room, player) -> dict:
    kind = room.run.role_by_key[player.role].kind
    return {"staff": STAFF, "volunteer": {"extra_case": True}, "agency": {"refers": True}}[kind]


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


def last_alone(items: list, role_of) -> list:
    """``items`` reordered so the last one plays a role nobody else plays (her submission,
    not a teammate's, is then the one that completes the round)."""
    roles = [role_of(x) for x in items]
    alone = next(i for i, r in enumerate(roles) if roles.count(r) == 1)
    return items[:alone] + items[alone + 1:] + [items[alone]]


def bench_api(rounds: int) -> tuple[list, list]:
    """Seconds from the last submission to the advance, and to each follower waking."""
    room = Registry().create(seed=1)
    players = last_alone([room.join(f"S{i}") for i in range(STUDENTS)], lambda p: p.role)
    advance, wake = [], []
    for r in range(rounds):
        woke = [None] * STUDENTS
        version = room.version
        ready = threading.Barrier(STUDENTS + 1)

        def follow(i, version=version, target=r + 1, ready=ready, woke=woke):
            ready.wait()
            seen = version
            while room.round < target:
                seen = room.wait_for_change(seen, 1.0)
            woke[i] = time.perf_counter()

        followers = [threading.Thread(target=follow, args=(i,)) for i in range(STUDENTS)]
        for f in followers:
            f.start()
        ready.wait()
        # everyone but the last one, from threads, as 30 pages would
        senders = [threading.Thread(target=room.submit, args=(p.token, p.role, decision(room, p)))
                   for p in players[:-1]]
        for s in senders:
            s.start()
        for s in senders:
            s.join()
        last = players[-1]
        t0 = time.perf_counter()
        room.submit(last.token, last.role, decision(room, last))
        t1 = time.perf_counter()
        for f in followers:
            f.join()
        assert room.round == r + 1, "the round did not advance"
        advance.append(t1 - t0)
        wake.extend(w - t0 for w in woke)
    return advance, wake


OBSERVER = """() => {
  window.__roundChanges = [];
  const seen = () => (document.querySelector('[data-testid=round]') || {}).textContent;
  let last = seen();
  new MutationObserver(() => {
    const now = seen();
    if (now !== last) { last = now; window.__roundChanges.push([Date.now(), now]); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


class InProcessServer:
    """The app served by uvicorn in a thread of this process (127.0.0.1), as ``solara run``
    serves it, so that this process's room API and the browsers share the same rooms."""

    def __init__(self, port: int):
        from viz import server
        from viz.classroom.address import PUBLIC_URL_ENV

        os.environ.update(server.server_env())
        os.environ.update({"SOLARA_APP": "viz.app", "SERVER_NAME": "127.0.0.1",
                           "SERVER_PORT": str(port),
                           PUBLIC_URL_ENV: f"http://127.0.0.1:{port}"})
        import warnings

        import uvicorn
        from solara.server import settings

        # plain http on 127.0.0.1: Solara's note about SameSite cookies does not apply
        warnings.filterwarnings("ignore", message="Cookies with samesite=none")

        settings.main.mode = "production"
        settings.theme.loader = "plain"
        config = uvicorn.Config("solara.server.starlette:app", host="127.0.0.1", port=port,
                                log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        while not self.server.started:
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(30)


def bench_browsers(n_browsers: int, rounds: int) -> tuple[list, list]:
    """Teacher and ``n_browsers`` students in browsers, the other students at the room API.

    Returns seconds from the last submission (an API student's, or the last click when
    every student is a browser) to the teacher's round label and to each browser student's.
    """
    from playwright.sync_api import sync_playwright

    from viz.classroom.room import REGISTRY

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    advance, update = [], []
    with InProcessServer(port), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])

        def open_page(path):
            page = browser.new_context(viewport={"width": 800, "height": 900}).new_page()
            page.set_default_timeout(120_000)
            page.goto(url + path)
            return page

        teacher = open_page("/class")
        teacher.locator("[data-testid=start-room]").click()
        code = teacher.locator("[data-testid=room-code]").inner_text().strip()
        room = REGISTRY.get(code)
        t_join = time.perf_counter()
        pages = []
        for i in range(n_browsers):
            page = open_page(f"/join?code={code}&name=B{i:02d}")
            page.locator("[data-testid=role]").wait_for()
            pages.append(page)
        api = [room.join(f"A{i:02d}") for i in range(STUDENTS - n_browsers)]
        print(f"  {n_browsers} browser students joined in {time.perf_counter() - t_join:.1f} s;"
              f" {len(api)} more at the room API")
        teacher.locator("[data-testid=player]").nth(STUDENTS - 1).wait_for()
        if api:
            api = last_alone(api, lambda p: p.role)
            roles = [p.role for p in room.players.values()]
            assert roles.count(api[-1].role) == 1, "the last API student shares her role"
        else:
            pages = last_alone(pages, lambda page: page.locator(
                "[data-testid=role]").inner_text())
        for r in range(rounds):
            label = f"Round {r + 2}"
            for page in [teacher, *pages]:
                page.evaluate(OBSERVER)
            browsers_first = pages if api else pages[:-1]
            for page in browsers_first:
                page.locator("[data-testid=submit]").click()
                page.locator("[data-testid=status]", has_text="Sent").wait_for()
            for student in api[:-1]:
                room.submit(student.token, student.role, decision(room, student))
            clicked = time.time() * 1000
            if api:
                room.submit(api[-1].token, api[-1].role, decision(room, api[-1]))
            else:
                pages[-1].locator("[data-testid=submit]").click()
            for page in [teacher, *pages]:
                page.locator("[data-testid=round]", has_text=label).wait_for()

            def changed(page, label=label, clicked=clicked):
                stamps = [t for t, text in page.evaluate("window.__roundChanges")
                          if label in text]
                return (stamps[0] - clicked) / 1000

            advance.append(changed(teacher))
            update.extend(changed(page) for page in pages)
        browser.close()
    return advance, update


def report(name: str, values: list, target: float) -> None:
    worst = max(values)
    print(f"  {name:44} median {statistics.median(values):6.3f} s   max {worst:6.3f} s   "
          f"target <= {target:g} s   {verdict(worst, target)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=12, help="API rounds (default 12)")
    parser.add_argument("--browsers", type=int, default=BROWSERS,
                        help=f"students in browser contexts, the others at the room API "
                             f"(default {BROWSERS}, at most {STUDENTS}; 0 skips part 2)")
    parser.add_argument("--browser-rounds", type=int, default=3, help="default 3")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}   load average: {os.getloadavg()[0]:.1f}")
    print(f"Part 1, room API: {STUDENTS} students, {args.rounds} rounds")
    advance, wake = bench_api(args.rounds)
    report("last submission -> round advanced", advance, ADVANCE_TARGET)
    report("last submission -> each follower woke", wake, UPDATE_TARGET)
    if args.browsers > 0:
        if not os.path.exists(CHROMIUM):
            print(f"Part 2 skipped: no chromium at {CHROMIUM}")
            return 0
        n = min(args.browsers, STUDENTS)
        print(f"Part 2, the app: a teacher and {n} students in browsers, {STUDENTS - n} at "
              f"the room API, {args.browser_rounds} rounds")
        advance, update = bench_browsers(n, args.browser_rounds)
        report("last submission -> teacher's page: new round", advance, ADVANCE_TARGET)
        report("last submission -> each browser student's page", update, UPDATE_TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
