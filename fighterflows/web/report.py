"""The self-contained HTML report: one file with the map, the table, the conflicts and a section
per place, its style and script inline, that opens offline.

The report carries a Content-Security-Policy of its own (a meta tag): `default-src 'none'` so
the file can load nothing from anywhere, and the inline style and script allowed by their
SHA-256 hashes only. Document text reaches it through Jinja's autoescaping, as on the server.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fighterflows.analysis import reconcile_ledger
from fighterflows.ledger import Filters, Ledger
from fighterflows.ledger.paging import Page
from fighterflows.places import display_name, is_country
from fighterflows.web import views
from fighterflows.web.chart import Href, timeline_chart
from fighterflows.web.state import Snapshot
from fighterflows.web.templating import REPORT_LINKS, STATIC, environment
from fighterflows.web.worldmap import world_map


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def report_csp(style: str, script: str) -> str:
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'"
    )


def inline_asset(name: str, closing: str) -> str:
    text = (STATIC / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise ValueError(f"{name} contains {closing}: it cannot be inlined")
    return text


def json_for_html(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no "<" can close the element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


# A report of a large ledger must stay a file one can open and scroll: each place lists the
# claims its rows rest on and the latest others, up to this many; the conflicts likewise.
CLAIMS_PER_PLACE = 12
CONFLICTS_SHOWN = 100
OPEN_PLACES = 12  # with no more places than this, every section starts unfolded
KEY_ROLES = ("vote", "event", "part")


def place_sections(snap: Snapshot) -> list[dict[str, Any]]:
    order = sorted(snap.places, key=lambda p: (not is_country(p), display_name(p)))
    out = []
    for code in order:
        view = views.place_view(snap, code, Filters())
        if view is not None:
            total = len(view["claims"])
            view["claims"] = shown_claims(view["claims"], CLAIMS_PER_PLACE)
            chart = timeline_chart(
                snap.claims_by_place.get(code, []),
                snap.recon.verdicts,
                snap.rows_by_place.get(code, []),
                in_section({c["id"] for c in view["claims"]}),
            )
            out.append({"view": view, "chart": chart, "more": total - len(view["claims"])})
    return out


def in_section(listed: set[str]) -> Href:
    """A chart point links to its claim when the section lists it."""

    def href(claim: str) -> str | None:
        return f"#c-{claim}" if claim in listed else None

    return href


def shown_claims(claims: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The claims a place's rows rest on (votes, events, parts) first, then the latest others,
    up to `limit`, in their own order (by date), each with its first sentence."""
    ranked = sorted(range(len(claims)), key=lambda i: (claims[i]["role"] not in KEY_ROLES, -i))
    keep = sorted(ranked[:limit])
    # One sentence each: the tag counts the documents, the dashboard shows the others.
    return [{**claims[i], "statements": claims[i]["statements"][:1]} for i in keep]


def report_context(ledger: Ledger) -> dict[str, Any]:
    snap = Snapshot.build(reconcile_ledger(ledger), ledger.citations())
    table = views.table_view(snap, Filters())
    conflicts = views.conflicts_view(snap, Filters(), page=Page(CONFLICTS_SHOWN, 0))
    style = inline_asset("style.css", "</style")
    script = inline_asset("app.js", "</script")
    places = place_sections(snap)
    return {
        "counts": {
            **ledger.counts(),
            "claims": len(snap.recon.claims),
            "conflicts": len(snap.recon.conflicts),
        },
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "map": world_map(snap.recon.rows, REPORT_LINKS.place),
        "table": table,
        "conflicts": conflicts,
        "places": places,
        "open_places": len(places) <= OPEN_PLACES,
        "links": REPORT_LINKS,
        "style": style,
        "script": script,
        "csp": report_csp(style, script),
        "data": json_for_html(
            {
                "table": table,
                "conflicts": [
                    {k: v for k, v in c.items() if k != "claims"} for c in conflicts["conflicts"]
                ],
            }
        ),
    }


def render_report(ledger: Ledger) -> str:
    return environment().get_template("report.html").render(report_context(ledger))


def write_report(ledger: Ledger, path: str | Path) -> None:
    """Write the report for everything in `ledger` to `path` (UTF-8 HTML)."""
    Path(path).write_text(render_report(ledger), encoding="utf-8")
