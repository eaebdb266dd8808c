"""The dashboard and the JSON API: a read-only FastAPI app over a ledger (`app.create_app`).

Pages (`pages.py`) and their JSON twins (`api.py`) share one set of views (`views.py`) over a
reconciliation cached per ledger state (`state.py`). The map (`geo.py`, `worldmap.py`) and the
timelines (`chart.py`) are drawn as SVG on the server; the report reuses them. Everything the
browser loads is in `static/`; see docs/api.md.
"""
