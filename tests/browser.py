"""What the browser tests share: Debian's chromium, a free local port, the served app, and
a pool of browser contexts lent to one person at a time (``Phones``).

``served_app`` serves the app exactly as ``run.py viz`` does; ``served_app_with_control``
serves the same app with a line into its classroom rooms (``tests/app_with_control.py``),
for tests of the server's behaviour with many students. Both listen on 127.0.0.1 only, on
a free port, so several test processes (pytest-xdist workers) can each serve their own.
"""

import secrets
import socket
import subprocess
import sys
from contextlib import contextmanager
from multiprocessing.connection import Client
from pathlib import Path

#: Debian's chromium (never a browser downloaded by playwright).
CHROMIUM = "/usr/bin/chromium"
#: Flags for a headless chromium on a closed network, as root.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _running(process: subprocess.Popen, url: str):
    """Wait until the server at ``url`` answers; stop it afterwards (terminate, then kill)."""
    from viz import server as app_server

    try:
        app_server.wait_until_up(url + "/", timeout=90, process=process)
        yield
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@contextmanager
def served_app(log_path):
    """The real app server on 127.0.0.1 (a subprocess logging to ``log_path``); yields its URL."""
    from viz import server as app_server

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = app_server.start("127.0.0.1", port, log=log)
        with _running(process, url):
            yield url


@contextmanager
def served_app_with_control(log_path):
    """The app server with a control line; yields (URL, control).

    ``control("join", code, name)`` seats a student in room ``code`` through the room's
    own API and returns (token, role key); ``control("submit", code, token)`` sends her
    form's default decision; ``control("roles", code)`` lists the players' role keys;
    ``control("later", code, seconds)`` makes that room's clock read ``seconds`` later
    from then on (its timer runs out without a real wait; the server's ticker ends the round).
    A refusal by the room raises AssertionError with the room's message.
    """
    from app_with_control import KEY_ENV

    from viz import server as app_server
    from viz.classroom.address import PUBLIC_URL_ENV, public_url

    port, control_port = free_port(), free_port()
    while control_port == port:
        control_port = free_port()
    url = f"http://127.0.0.1:{port}"
    key = secrets.token_bytes(16)
    env = app_server.server_env()
    env[PUBLIC_URL_ENV] = public_url("127.0.0.1", port)   # the classroom's join address
    env[KEY_ENV] = key.hex()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(HERE / "app_with_control.py"), str(port), str(control_port)],
            cwd=app_server.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        with _running(process, url), Client(("127.0.0.1", control_port),
                                            authkey=key) as connection:
            def control(command, code, *args):
                connection.send((command, code, *args))
                status, value = connection.recv()
                if status != "ok":
                    raise AssertionError(f"the room refused {command}: {value}")
                return value

            yield url, control


@contextmanager
def launched_chromium(sync_api):
    """Chromium driven by playwright's sync API, closed afterwards."""
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def show_on(page, width: int, height: int) -> None:
    """Resize the page's viewport and wait until the page has the new width (the app's
    layout is CSS only, so a page resized to a screen is laid out as one opened on it)."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function("(w) => window.innerWidth === w", arg=width)


class Phones:
    """Browser contexts of one kind, each lent to one person at a time (one page each).

    A context's first page load of the app costs about three times the CPU of the next
    ones (measured: 3.4 CPU-s against 1.5; its cache and renderer are cold), so the
    browser files keep their contexts. A context given back leaves the app (about:blank:
    its page's session on the server disconnects) and loses its cookies (Solara's session
    cookie), so the next person who gets it starts a session of her own; only the
    browser's cache stays warm, as on a phone handed on. ``options`` are those of
    ``browser.new_context`` (a viewport, touch, downloads).
    """

    def __init__(self, browser, url: str, timeout_ms: int, **options):
        self.browser, self.url, self.timeout_ms, self.options = browser, url, timeout_ms, options
        self.free = []
        self.contexts = []

    def take(self):
        """A page of a free context (a new context if none is free), not yet anywhere."""
        from playwright.sync_api import Error as BrowserError

        while self.free:
            page = self.free.pop()
            try:
                page.context.clear_cookies()
                if "viewport" in self.options:          # a test may have resized it
                    page.set_viewport_size(self.options["viewport"])
                return page
            except BrowserError:
                self._drop(page)
        context = self.browser.new_context(**self.options)
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(self.timeout_ms)
        return page

    def open(self, path: str, wait: bool = True):
        """A free context's page at ``path``; wait=False: return once the server answered,
        so that several pages load at once."""
        page = self.take()
        page.goto(self.url + path, wait_until="load" if wait else "commit")
        return page

    def give_back(self, page) -> None:
        """The person leaves: her page leaves the app, her cookies go (a broken context
        is closed instead of lent again)."""
        from playwright.sync_api import Error as BrowserError

        try:
            page.goto("about:blank")
            page.context.clear_cookies()
        except BrowserError:
            self._drop(page)
            return
        self.free.append(page)

    def _drop(self, page) -> None:
        self.contexts.remove(page.context)
        page.context.close()

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@contextmanager
def people(phones: Phones):
    """open_page(path, wait=True): a new person's page, her context her own until the end."""
    pages = []

    def open_page(path, wait=True):
        page = phones.open(path, wait)
        pages.append(page)
        return page

    try:
        yield open_page
    finally:
        for page in pages:
            phones.give_back(page)
