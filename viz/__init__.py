"""Browser app (Solara). Not built yet: see issue 4."""
