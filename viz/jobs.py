"""Background work of one session (a comparison, a classroom experiment), off the UI thread.

A ``Job`` runs a function in a thread and publishes its state (running, progress,
result or error) as a Solara reactive value, so the page stays responsive and shows
progress. Starting a new job drops the one in progress. Threads started from a
Solara event handler inherit the session's kernel context, so the reactive values
they set belong to that session only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

import solara

from .replicate import Cancelled


@dataclass(frozen=True)
class JobState:
    """What a job is doing: status is idle, running, done or error; progress is 0 to 1."""

    status: str = "idle"
    progress: float = 0.0
    result: Any = None
    error: str = ""
    tag: Any = None

    @property
    def running(self) -> bool:
        return self.status == "running"


def _same(a, b) -> bool:
    return a is b


class Job:
    """One kind of background work for one session."""

    def __init__(self):
        self.state = solara.reactive(JobState(), equals=_same)
        self._cancel: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, work: Callable[[Callable[[float], None]], Any], tag: Any = None) -> None:
        """Run ``work(report)`` in a thread; ``report(fraction)`` publishes progress."""
        self.cancel()
        cancel = threading.Event()
        self._cancel = cancel
        self.state.value = JobState("running", 0.0, tag=tag)

        def report(fraction: float) -> None:
            if cancel.is_set():
                raise Cancelled()
            self.state.value = JobState("running", float(fraction), tag=tag)

        def target() -> None:
            try:
                result = work(report)
            except Cancelled:
                return
            except Exception as err:  # shown in the page, never as a traceback
                if not cancel.is_set():
                    self.state.value = JobState("error", error=f"{type(err).__name__}: {err}",
                                                tag=tag)
                return
            if not cancel.is_set():
                self.state.value = JobState("done", 1.0, result, tag=tag)

        self._thread = threading.Thread(target=target, daemon=True, name="kolaborasi-job")
        self._thread.start()

    def cancel(self) -> None:
        """Drop the work in progress (its result is never shown)."""
        if self._cancel is not None:
            self._cancel.set()
        if self.state.peek().running:
            self.state.value = JobState("idle", tag=self.state.peek().tag)

    def wait(self, timeout: float = 60.0) -> JobState:
        """Block until the current work ends (for tests and scripts)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.state.peek()
