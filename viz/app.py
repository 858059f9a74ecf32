"""The app: routes, the layout around every page, and the language switch.

Run it with ``python run.py viz`` or ``solara run viz.app`` (see viz.server for
the exact command with offline and privacy settings). The layout creates this tab's
``Session`` (viz.session) once and provides it to the pages; ``?lang=id`` in the
address opens the app in Bahasa Indonesia.
"""

from __future__ import annotations

import solara

from . import about, address, compare, explore, teach
from .i18n import LANG_NAMES, LANGS, t
from .session import Session, SessionContext
from .style import CSS

#: Pages in the navigation bar: (path, i18n key).
NAV = (("/", "nav.explore"), ("/compare", "nav.compare"), ("/teach", "nav.teach"),
       ("/about", "nav.about"))


def initial_language(search: str | None) -> str:
    """The language asked for in the address (``?lang=id``), else English."""
    value = address.parse(search).get("lang")
    return value if value in LANGS else "en"


def start_session(path: str, search: str | None) -> Session:
    """This tab's session, set up from its address (viz.address)."""
    session = Session(initial_language(search))
    session.address_problems = address.apply(session, path, search)
    return session


@solara.component
def AddressSync(session: Session, path: str):
    """Keeps the address in step with the page's settings, so a reload or a link restores them."""
    router = solara.use_router()
    wanted = address.query(session, path)

    def sync():
        # only the pages whose settings it writes: others (the classroom's /class and
        # /join, About) keep their own address
        if address.page_of(path) and wanted != (router.search or ""):
            router.push(f"{router.path}?{wanted}")

    solara.use_effect(sync, [wanted, path, router.search])
    return solara.Div(style={"display": "none"})


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
                with solara.Link(f"{target}?lang={lang}"):
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
    session = solara.use_memo(lambda: start_session(router.path, router.search), [])
    solara.use_effect(lambda: session.close, [])
    SessionContext.provide(session)
    lang = session.lang.value
    path = "/" + router.path.strip("/")
    page_key = dict(NAV).get(path, "nav.about")
    with solara.Div(classes=["kb-app", f"kb-lang-is-{lang}"]) as main:
        solara.Style(CSS)
        solara.Title(f"{t('app.title', lang)} · {t(page_key, lang)}")
        Header(session, lang, path)
        AddressSync(session, path)
        with solara.Div(classes=["kb-content"]):
            for problem in session.address_problems:
                solara.Warning(t("error.address", lang, detail=problem), dense=True,
                               classes=["kb-address-problem"])
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
