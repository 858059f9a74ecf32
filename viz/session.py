"""Per-session state: each browser tab gets its own ``Session``, never shared.

The app's layout creates one ``Session`` when a tab connects (``solara.use_memo``
in viz.app) and hands it to every page through a Solara context; nothing about a
run lives at module level. A session holds the language, the Explore page's live
model, the Compare page's two scenarios and result, and the Teach page's position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import solara

from .live import LiveRun, Settings


@dataclass(frozen=True)
class CompareSetup:
    """The two scenarios of a comparison and how many runs of how many years."""

    a: Settings = field(default_factory=lambda: Settings.of_scenario("baseline", "1"))
    b: Settings = field(default_factory=lambda: Settings.of_scenario("referral_agreement", "1"))
    reps: int = 10
    years: int = 3
    seed_text: str = "1"


class Session:
    """Everything one browser tab has: language, live run, comparison, lesson position."""

    def __init__(self, lang: str = "en"):
        self.lang = solara.reactive(lang)
        self.live = LiveRun()
        self.compare_setup = solara.reactive(CompareSetup())
        self.compare_runs = solara.reactive((0, 0))     # runs done before, runs asked for
        self.teach_index = solara.reactive(0)
        self.teach_results = solara.reactive({}, equals=lambda a, b: a is b)
        self.teach_running = solara.reactive("")       # the mechanism last started
        self.address_problems: list[str] = []          # what the address asked for in vain

    def close(self) -> None:
        """Stop this session's background work."""
        self.live.pause()
        from .compare import comparison_task
        from .teach import experiment_task

        for task in (comparison_task, experiment_task):
            try:
                if task.pending:
                    task.cancel()
            except Exception:  # noqa: BLE001 - the tab is going away; nothing to report
                pass


SessionContext = solara.create_context(None)


def use_session() -> Session:
    """The session of the tab being drawn (provided by the app's layout)."""
    session = solara.use_context(SessionContext)
    if session is None:
        raise RuntimeError("no Session provided: render pages inside viz.app.Layout or "
                           "viz.session.SessionProvider")
    return session


@solara.component
def SessionProvider(children=[], session: Session | None = None, lang: str = "en"):
    """Creates this tab's Session (once) and provides it to ``children``."""
    own = solara.use_memo(lambda: session or Session(lang), [])

    def cleanup():
        return own.close

    solara.use_effect(cleanup, [])
    SessionContext.provide(own)
    return solara.Column(children=children, gap="0px", style={"width": "100%"})
