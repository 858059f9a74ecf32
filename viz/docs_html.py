"""The project's Markdown documents (docs/ODD.md, docs/parameters.md) as HTML for the app.

Rendered on the server with Python-Markdown, so nothing is fetched by the browser
(Solara's own Markdown component loads maths and diagram libraries from a CDN).
Links between the two documents open the app's own pages in a new tab, so the run
in the current tab is kept; links to files the app does not serve become plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: Documents the app serves: route -> file in docs/.
SERVED = {"odd": "ODD.md", "parameters": "parameters.md"}


def _rewrite_links(html: str) -> str:
    def fix(match):
        href, text = match.group(1), match.group(2)
        target = href.split("#", 1)
        page = Path(target[0]).name
        for route, name in SERVED.items():
            if page == name:
                anchor = f"#{target[1]}" if len(target) > 1 else ""
                return f'<a href="/{route}{anchor}" target="_blank" rel="noopener">{text}</a>'
        if href.startswith(("http://", "https://")):
            return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>'
        if href.startswith("#"):
            return f'<a href="{href}">{text}</a>'
        return f"<span>{text}</span>"

    return re.sub(r'<a href="([^"]*)">(.*?)</a>', fix, html, flags=re.S)


@lru_cache(maxsize=8)
def _render(path: Path, mtime: float) -> str:
    text = path.read_text(encoding="utf-8")
    html = markdown.markdown(text, extensions=["tables", "toc", "fenced_code", "sane_lists"])
    return _rewrite_links(html)


def document_html(route: str) -> str | None:
    """The HTML of a served document, or None when the file is not there."""
    path = DOCS / SERVED[route]
    if not path.exists():
        return None
    return _render(path, path.stat().st_mtime)


def markdown_html(text: str) -> str:
    """A short Markdown text (from viz.i18n) as HTML."""
    return markdown.markdown(text, extensions=["sane_lists"])
