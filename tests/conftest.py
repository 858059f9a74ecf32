import functools
import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: The whole suite should take at most this long on 2 cores (issue 10); .ci/run shows it.
SUITE_TARGET_SECONDS = 300
#: Test files that take the longest, longest first (measured with --durations): with
#: pytest-xdist they are handed out first, so that the workers finish at about the same time
#: (the many short files left for the end even them out).
SLOW_FILES = ("test_sweep.py", "test_validation.py", "test_analysis.py",
              "test_viz_components.py", "test_cli.py", "test_orphans.py", "test_calibration.py",
              "test_plausibility.py", "test_determinism.py", "test_damaged_results.py",
              "test_fuzz_cli.py", "test_replicates.py")
#: Test files that drive chromium (they import from tests/browser.py) form one xdist work
#: unit: one worker runs them one after another, so two browsers and two app servers never
#: share the 2 cores, and no browser test's timing is measured under that. They share one
#: chromium and one app server (the fixtures below) instead of starting their own.
BROWSER_GROUP = "browser"
_session = {}


def pytest_sessionstart(session):
    _session["start"] = time.monotonic()


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by playwright, launched once for the browser files of this
    process (playwright's sync API allows one at a time); the files lend their contexts
    from test to test (tests/browser.py ``Phones``)."""
    from browser import launched_chromium
    from playwright import sync_api

    with launched_chromium(sync_api) as browser:
        yield browser


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The real app server as ``run.py viz`` starts it (tests/browser.py ``served_app``), once
    for the browser files of this process; yields (URL, its log file)."""
    from browser import served_app

    log_path = tmp_path_factory.mktemp("app") / "server.log"
    with served_app(log_path) as url:
        yield url, log_path


@functools.cache
def _group(path: Path) -> str:
    """The xdist work unit of a test file: the browser group or the file itself."""
    return BROWSER_GROUP if "from browser import" in path.read_text() else str(path)


def _rank(path: Path) -> int:
    """Browser files first (the longest group), then the slow files, then the others."""
    if _group(path) == BROWSER_GROUP:
        return 0
    return 1 + SLOW_FILES.index(path.name) if path.name in SLOW_FILES else 1 + len(SLOW_FILES)


def pytest_collection_modifyitems(items):
    """Longest work first; the sort is stable, so inside a file tests keep their order.
    Without -n this changes the order and nothing else."""
    items.sort(key=lambda item: _rank(item.path))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With ``-n N --dist loadfile`` (pyproject.toml): whole files to a worker, as loadfile
    does, so module fixtures are built once, except that the browser files go together, in
    the order collected (``--no-loadscope-reorder``: longest first). pytest-xdist's own
    loadgroup would do this with marks, but it cannot rename test ids under pytest 9."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    root = config.rootpath

    class FileScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _group(root / nodeid.split("::", 1)[0])

    return FileScheduling(config, log)


def pytest_terminal_summary(terminalreporter):
    """Print the suite's wall time against its target, and the sum of the tests' own times
    (setup, call and teardown): with pytest-xdist the sum exceeds the wall time by what
    ran side by side. Figures, not tests; .ci/run shows them."""
    seconds = time.monotonic() - _session.get("start", time.monotonic())
    verdict = "within" if seconds <= SUITE_TARGET_SECONDS else "ABOVE"
    terminalreporter.write_line(
        f"test suite wall time: {seconds:.0f} s ({seconds / 60:.1f} min), {verdict} the "
        f"target of {SUITE_TARGET_SECONDS} s on 2 cores; load average at the end "
        f"{os.getloadavg()[0]:.1f} (1 min) {os.getloadavg()[1]:.1f} (5 min) on "
        f"{os.cpu_count()} cores")
    reports = [r for kind in terminalreporter.stats.values() for r in kind
               if getattr(r, "when", None) in ("setup", "call", "teardown")]
    if reports and seconds > 0:
        busy = sum(r.duration for r in reports)
        terminalreporter.write_line(
            f"sum of the tests' durations: {busy:.0f} s, {busy / seconds:.1f} times the wall time")
