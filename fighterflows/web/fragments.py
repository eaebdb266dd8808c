"""Claims rendered once per snapshot.

A place page shows up to a hundred claims, each with its sentences, marks and citation, and
rendering them is most of the page's cost (about 15 ms for a hundred). The same claims come
back on every page size, offset and filter of that place, so the HTML of each is kept with the
snapshot it was made from, and dropped with it when the ledger changes. Claims shown with the
review forms are never kept: the forms carry the visitor's own token.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from typing import Any

from markupsafe import Markup, escape
from starlette.requests import Request

from fighterflows.consensus import Row
from fighterflows.reconcile import Claim
from fighterflows.web.chart import Href, timeline_chart
from fighterflows.web.state import Snapshot
from fighterflows.web.templating import Links

RENDERED_CLAIMS = 20_000  # claims kept rendered per snapshot (2-3 kB each)
RENDERED_CHARTS = 500  # charts kept per snapshot (tens of kB each)
# Where a chart's point links, in a chart kept for every page of its place: the link depends
# on the page (an anchor on it, or the page of the list that holds the claim), so it is filled
# in per request. Claim ids are hex digests: nothing in a chart's markup looks like this.
_SLOT = re.compile(r"@@claim:([0-9a-f]+)@@")


def claim_fragments(
    request: Request, snap: Snapshot, claims: Sequence[dict[str, Any]], links: Links
) -> dict[str, Markup] | None:
    """The HTML of each claim by id, as `_macros.html: claim_item` renders it with an anchor;
    None when this visitor sees review forms (the page renders its claims itself)."""
    if links.editing is not None:
        return None
    item = request.app.state.templates.env.get_template("_macros.html").module.claim_item
    out: dict[str, Markup] = {}
    missing = [c for c in claims if c["id"] not in snap.rendered]
    if missing:
        with snap.drawing:
            for c in missing:
                if c["id"] not in snap.rendered and len(snap.rendered) < RENDERED_CLAIMS:
                    snap.rendered[c["id"]] = Markup(item(c, links, anchor=True))
    for c in claims:
        html = snap.rendered.get(c["id"])
        out[c["id"]] = html if html is not None else Markup(item(c, links, anchor=True))
    return out


def chart_html(
    request: Request,
    snap: Snapshot,
    key: Hashable,
    place: str,
    claims: list[Claim],
    rows: list[Row],
    href: Href,
) -> Markup:
    """The timeline of `claims` as `_chart.html` renders it, its links made by `href`. The
    chart is drawn once per snapshot and `key` (the place and the filters that chose `claims`);
    only its links are made per page."""
    drawn = snap.charts.get(key)
    if drawn is None:
        with snap.drawing:
            drawn = snap.charts.get(key) or _draw(request, snap, place, claims, rows)
            if len(snap.charts) < RENDERED_CHARTS:
                snap.charts[key] = drawn
    return Markup(_SLOT.sub(lambda m: str(escape(href(m.group(1)) or "")), drawn))


def _draw(
    request: Request, snap: Snapshot, place: str, claims: list[Claim], rows: list[Row]
) -> str:
    shown = {c.id for c in claims}
    chart = timeline_chart(
        claims,
        snap.recon.verdicts,
        rows,
        lambda claim: f"@@claim:{claim}@@" if claim in shown else None,
    )
    template = request.app.state.templates.env.get_template("_chart.html")
    return str(template.render(chart=chart, view={"place": place}))
