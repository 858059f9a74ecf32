"""Kolaborasi's browser app (Solara): explore one run, compare two scenarios, teach the mechanisms.

Start it with ``python run.py viz`` (or ``python -m viz.server``); pages and privacy
notes are in docs/app.md. Every browser session gets its own model (viz.session).
"""
