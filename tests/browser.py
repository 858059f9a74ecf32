"""What the browser tests share: Debian's chromium, a free local port, the served app."""

import socket
import subprocess
from contextlib import contextmanager

#: Debian's chromium (never a browser downloaded by playwright).
CHROMIUM = "/usr/bin/chromium"
#: Flags for a headless chromium on a closed network, as root.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served_app(log_path):
    """The real app server on 127.0.0.1 (a subprocess logging to ``log_path``); yields its URL."""
    from viz import server as app_server

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = app_server.start("127.0.0.1", port, log=log)
        try:
            app_server.wait_until_up(url + "/", timeout=90, process=process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@contextmanager
def launched_chromium(sync_api):
    """Chromium driven by playwright's sync API, closed afterwards."""
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
