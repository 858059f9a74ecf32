"""The app: routes, the layout around every page, and the language switch.

Run it with ``python run.py viz`` or ``solara run viz.app`` (see viz.server for
the exact command with offline and privacy settings). The layout creates this tab's
``Session`` (viz.session) once and provides it to the pages; ``?lang=id`` in the
address opens the app in Bahasa Indonesia.
"""

from __future__ import annotations

import solara

from . import about, compare, explore, teach
from .i18n import LANG_NAMES, LANGS, t
from .session import Session, SessionContext
from .style import CSS

#: Pages in the navigation bar: (path, i18n key).
NAV = (("/", "nav.explore"), ("/compare", "nav.compare"), ("/teach", "nav.teach"),
       ("/about", "nav.about"))


def initial_language(search: str | None) -> str:
    """The language asked for in the address (``?lang=id``), else English."""
    for part in (search or "").split("&"):
        key, _, value = part.partition("=")
        if key == "lang" and value in LANGS:
            return value
    return "en"


@solara.component
def Header(session: Session, lang: str, path: str):
    """Title, page navigation and the language switch."""
    with solara.Div(classes=["kb-header"]) as main:
        with solara.Div(classes=["kb-brand"]):
            solara.Text(t("app.title", lang), classes=["kb-brand-title"])
            solara.Text(t("app.subtitle", lang), classes=["kb-brand-sub"])
        with solara.Div(classes=["kb-nav"]):
            for target, key in NAV:
                active = path == target or (target == "/about" and path in ("/odd",
                                                                             "/parameters"))
                with solara.Link(target):
                    solara.Button(t(key, lang), text=True,
                                  classes=["kb-nav-button", f"kb-nav-{key.split('.')[1]}"]
                                  + (["kb-active"] if active else []))
        with solara.Div(classes=["kb-lang"], attributes={"title": t("lang.label", lang)}):
            for code in LANGS:
                solara.Button(LANG_NAMES[code], text=True,
                              on_click=lambda c=code: session.lang.set(c),
                              classes=["kb-lang-button", f"kb-lang-{code}"]
                              + (["kb-active"] if code == lang else []))
    return main


@solara.component
def Layout(children=[]):
    """Every page's frame; owns this tab's Session."""
    router = solara.use_router()
    session = solara.use_memo(lambda: Session(initial_language(router.search)), [])
    solara.use_effect(lambda: session.close, [])
    SessionContext.provide(session)
    lang = session.lang.value
    path = "/" + router.path.strip("/")
    page_key = dict(NAV).get(path, "nav.about")
    with solara.Div(classes=["kb-app", f"kb-lang-is-{lang}"]) as main:
        solara.Style(CSS)
        solara.Title(f"{t('app.title', lang)} · {t(page_key, lang)}")
        Header(session, lang, path)
        with solara.Div(classes=["kb-content"]):
            solara.Div(children=children)
    return main


routes = [
    solara.Route(path="/", component=explore.Page, label="Explore", layout=Layout),
    solara.Route(path="compare", component=compare.Page, label="Compare"),
    solara.Route(path="teach", component=teach.Page, label="Teach"),
    solara.Route(path="about", component=about.Page, label="About"),
    solara.Route(path="odd", component=about.OddPage, label="ODD"),
    solara.Route(path="parameters", component=about.ParametersPage, label="Parameters"),
]

# --- classroom mode (issue 12): the teacher's /class and the students' /join ------------
from .classroom import pages as classroom_pages

routes += [
    solara.Route(path="class", component=classroom_pages.TeacherPage, label="Class"),
    solara.Route(path="join", component=classroom_pages.JoinPage, label="Join"),
]
