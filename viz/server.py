"""How the app's server is started, in one place (used by run.py viz, the tests and screenshots).

The server runs Solara in production mode on 127.0.0.1 with telemetry off and without
Solara's check for a newer version on PyPI: neither the page nor the server then
makes a request to any other address (assets come from solara-assets, installed
with the app), and nothing is reported anywhere. ``python -m viz.server``
starts it too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .classroom.address import ALL_INTERFACES, PUBLIC_URL_ENV, public_url

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8521
ROOT = Path(__file__).resolve().parent.parent


def server_env() -> dict:
    """The environment for the server: telemetry off, CDN proxied locally."""
    env = dict(os.environ)
    env["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] = "False"
    env["SOLARA_ASSETS_PROXY"] = "True"
    # a tab that lost its connection keeps its session for 5 minutes (not Solara's 24 h),
    # so the memory of closed tabs comes back (benchmarks/bench_app.py measures it)
    env.setdefault("SOLARA_KERNEL_CULL_TIMEOUT", "5m")
    # Solara warns that its cookie falls back to SameSite=Lax over plain http on every
    # page: expected for a local app, and noise in the terminal of a teacher or policymaker
    quiet = "ignore:Cookies with samesite=none:UserWarning"
    env["PYTHONWARNINGS"] = ",".join(w for w in (env.get("PYTHONWARNINGS"), quiet) if w)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def server_command(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> list[str]:
    """The command line that serves the app (Solara, production mode, no browser opened)."""
    solara = shutil.which("solara", path=str(Path(sys.executable).parent)) or shutil.which(
        "solara")
    base = [solara] if solara else [sys.executable, "-m", "solara"]
    return base + ["run", "viz.app", "--host", host, "--port", str(port), "--no-open",
                   "--production", "--no-check-version", "--theme-loader", "plain"]


def start(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, log=None) -> subprocess.Popen:
    """Start the server as a child process (its output goes to ``log``, a file or None)."""
    env = server_env()
    env[PUBLIC_URL_ENV] = public_url(host, port)   # the classroom's join address
    return subprocess.Popen(server_command(host, port), cwd=ROOT, env=env,
                            stdout=log if log is not None else None,
                            stderr=subprocess.STDOUT if log is not None else None)


def wait_until_up(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    """Wait until ``url`` answers (raises RuntimeError on timeout or if the process died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the app server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the app server did not answer at {url} within {timeout:g} s")


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, classroom: bool = False) -> int:
    """Run the server in the foreground until Ctrl+C; prints the address first."""
    process = start(host, port)
    url = f"http://{host}:{port}/"
    if host == ALL_INTERFACES:   # answers on every interface; check it here, show the LAN one
        url = f"http://127.0.0.1:{port}/"
    # stop the server with this process, also when it is ended by a signal
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        wait_until_up(url, process=process)
        print(f"Kolaborasi is running at {url}  (Bahasa Indonesia: {url}?lang=id)", flush=True)
        if classroom:
            print(classroom_notice(host, port), flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    except RuntimeError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def classroom_notice(host: str, port: int) -> str:
    """What ``run.py viz --classroom`` prints: where the teacher and students go, and a warning."""
    base = public_url(host, port)
    lines = [(f"Classroom: the teacher opens {base}/class, students open {base}/join"
              " (or scan the QR code on the teacher's page).")]
    if host != "127.0.0.1":
        lines.append(f"Warning: the app listens on {host}: anyone on this network can reach "
                     "these pages. Use it on a network you trust (the class's own) and stop it "
                     "with Ctrl+C after the lesson.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viz.server",
                                     description="Serve the Kolaborasi browser app.")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"default {DEFAULT_HOST}")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("--classroom", action="store_true",
                        help="listen on the local network so students' phones can join")
    args = parser.parse_args(argv)
    from .classroom.address import listen_host

    return serve(listen_host(args.host, args.classroom), args.port, args.classroom)


if __name__ == "__main__":
    sys.exit(main())
