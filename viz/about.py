"""About page (the study, what the model can and cannot say, privacy) and the document pages."""

from __future__ import annotations

import solara

from .docs_html import document_html, markdown_html
from .i18n import t
from .session import use_session
from .theme import UI


@solara.component
def Section(title: str, body_md: str, test_id: str = ""):
    """A titled card with Markdown text from viz.i18n."""
    with solara.Div(classes=["kb-card", "kb-about-card"],
                    attributes={"data-testid": test_id} if test_id else {}) as main:
        solara.Text(title, classes=["kb-card-title"])
        solara.HTML(tag="div", unsafe_innerHTML=markdown_html(body_md), classes=["kb-prose"])
    return main


@solara.component
def Page():
    """The About page."""
    from experiments.spec import load_scenario, scenario_names

    session = use_session()
    lang = session.lang.value
    with solara.Column(gap="16px", classes=["kb-page", "kb-about"]) as main:
        solara.Text(t("about.heading", lang), classes=["kb-page-title"])
        with solara.Div(classes=["kb-about-grid"]):
            Section(t("about.study_title", lang), t("about.study", lang), "about-study")
            with solara.Column(gap="16px"):
                Section(t("about.can_title", lang), t("about.can", lang), "about-can")
                Section(t("about.cannot_title", lang), t("about.cannot", lang), "about-cannot")
        with solara.Div(classes=["kb-card", "kb-about-card"]):
            solara.Text(t("about.docs_title", lang), classes=["kb-card-title"])
            solara.Text(t("about.docs", lang), classes=["kb-prose"])
            with solara.Row(gap="10px"):
                with solara.Link("/odd"):
                    solara.Button(t("nav.odd", lang), icon_name="mdi-file-document-outline",
                                  outlined=True, color=UI["accent"], classes=["kb-doc-odd"])
                with solara.Link("/parameters"):
                    solara.Button(t("nav.parameters", lang), icon_name="mdi-table",
                                  outlined=True, color=UI["accent"], classes=["kb-doc-parameters"])
        items = []
        for name in scenario_names():
            s = load_scenario(name)
            items.append(f"* **{s.title[lang]}**: {s.description[lang]}")
        Section(t("about.scenarios_title", lang), "\n".join(items), "about-scenarios")
        Section(t("about.privacy_title", lang), t("about.privacy", lang), "about-privacy")
    return main


@solara.component
def DocumentPage(route: str):
    """A project document (ODD or parameter table) rendered inside the app."""
    session = use_session()
    lang = session.lang.value
    html = document_html(route)
    with solara.Column(gap="12px", classes=["kb-page", "kb-doc"]) as main:
        with solara.Link("/about"):
            solara.Button(t("docs.back", lang), icon_name="mdi-arrow-left", text=True)
        if lang != "en":
            solara.Info(t("docs.english_only", lang), dense=True)
        if html is None:
            solara.Warning(f"docs/{route} is not available in this installation.")
        else:
            solara.HTML(tag="div", unsafe_innerHTML=html, classes=["kb-prose", "kb-doc-body"],
                        attributes={"data-testid": f"doc-{route}"})
    return main


@solara.component
def OddPage():
    """The ODD+D model description."""
    return DocumentPage("odd")


@solara.component
def ParametersPage():
    """The parameter table."""
    return DocumentPage("parameters")
