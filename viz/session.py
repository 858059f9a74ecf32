"""Per-session state: each browser tab gets its own ``Session``, never shared.

The app's layout creates one ``Session`` when a tab connects (``solara.use_memo``
in viz.app) and hands it to every page through a Solara context; nothing about a
run lives at module level. A session holds the language, the Explore page's live
model, the Compare page's two scenarios and result, and the Teach page's position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import solara

from .jobs import Job
from .live import LiveRun, Settings


@dataclass(frozen=True)
class CompareSetup:
    """The two scenarios of a comparison and how many runs of how many years."""

    a: Settings = field(default_factory=lambda: Settings("baseline", {}))
    b: Settings = field(default_factory=lambda: _scenario_settings("referral_agreement"))
    reps: int = 10
    years: int = 3
    seed_text: str = "1"


def _scenario_settings(name: str) -> Settings:
    from experiments.spec import load_scenario

    return Settings(name, dict(load_scenario(name).parameters))


class Session:
    """Everything one browser tab has: language, live run, comparison, lesson position."""

    def __init__(self, lang: str = "en"):
        self.lang = solara.reactive(lang)
        self.live = LiveRun()
        self.compare_setup = solara.reactive(CompareSetup())
        self.compare_job = Job()
        self.teach_index = solara.reactive(0)
        self.teach_job = Job()
        self.teach_results = solara.reactive({}, equals=lambda a, b: a is b)

    def close(self) -> None:
        """Stop this session's background work."""
        self.live.pause()
        self.compare_job.cancel()
        self.teach_job.cancel()


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
