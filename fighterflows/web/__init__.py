"""The dashboard and the JSON API: a read-only FastAPI app over a ledger (`app.create_app`).

Pages (`pages.py`) and their JSON twins (`api.py`) share one set of views (`views.py`) over a
reconciliation cached per ledger state (`state.py`). The map (`geo.py`, `worldmap.py`) and the
timelines (`chart.py`) are drawn as SVG on the server; the self-contained HTML report
(`report.py`, `templates/report.html`) is these pages written to one file. Everything the
browser loads is in `static/`; see docs/api.md.

The web app owns the HTML look; it builds on `fighterflows.report` (records as JSON, text
tables, exports, citations, explanations), which never imports it (tests/test_import_rules.py).
"""
