"""What each page shows, as plain JSON-able dicts: the page's JSON twin and its template's data.

Records go through `fighterflows.report.serialize`, so the API, the CLI and the report share one
shape; the views only add what a reader needs beside them (names, sentences, links).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fighterflows.conflicts import Conflict
from fighterflows.consensus import Row
from fighterflows.ledger import DocumentRecord, Filters, StoredEstimate
from fighterflows.ledger.paging import Page
from fighterflows.model import Flow, Population, Qualifier, Scope
from fighterflows.places import display_name, is_country
from fighterflows.reconcile import Claim
from fighterflows.report.citation import citation_json, statement_order
from fighterflows.report.explain import how_computed
from fighterflows.report.marks import figure_mark
from fighterflows.report.serialize import (
    TABLE_COLUMNS,
    claim_json,
    conflict_json,
    document_json,
    estimate_json,
    row_json,
)
from fighterflows.review.book import ReviewBook
from fighterflows.web.daterange import EVER, DateRange
from fighterflows.web.facets import facet_counts
from fighterflows.web.state import Snapshot

Records = list[dict[str, Any]]
MAX_STATEMENTS = 5  # sentences quoted per claim; `documents` and `estimates` list them all
SHOWN_CLAIMS = 20_000  # claims kept as shown per snapshot (a few kB each)
REVIEW_CHOICES = {  # the words of the review forms' menus
    "flow": [f.value for f in Flow],
    "population": [p.value for p in Population],
    "scope": [s.value for s in Scope],
    "qualifier": [q.value for q in Qualifier],
}


def matches(item: Row | Claim | Conflict, f: Filters, dates: DateRange = EVER) -> bool:
    return (
        (not f.place or item.place == f.place)
        and (not f.flow or item.flow == f.flow)
        and (not f.population or item.population == f.population)
        and (not f.scope or item.scope == f.scope)
        and in_range(item, dates)
    )


def in_range(item: Row | Claim | Conflict, dates: DateRange) -> bool:
    """A row or claim dated in the range; a conflict with a claim dated in it."""
    if not dates:
        return True
    if isinstance(item, Conflict):
        return any(dates.holds(c.as_of) for c in item.claims)
    return dates.holds(item.as_of)


def table_view(snap: Snapshot, f: Filters, dates: DateRange = EVER) -> dict[str, Any]:
    """The consensus rows that match, how many, and how many of them have each flow,
    population, scope and source (the facets a reader narrows the table by)."""
    rows = [named(row_json(r)) for r in snap.recon.rows if matches(r, f, dates)]
    return {
        "columns": list(TABLE_COLUMNS),
        "total": len(rows),
        "facets": facet_counts(rows),
        "rows": rows,
    }


def by_kind_of_place(rows: Records) -> tuple[Records, Records]:
    """The countries' rows, and the regions' and the world's."""
    countries = [r for r in rows if is_country(r["place"])]
    return countries, [r for r in rows if not is_country(r["place"])]


def named(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "place_name": display_name(record["place"])}


def conflicts_view(
    snap: Snapshot,
    f: Filters,
    kind: str | None = None,
    page: Page | None = None,
    dates: DateRange = EVER,
) -> dict[str, Any]:
    """The conflicts that match, all of them or one page (with the total either way)."""
    chosen = [
        c for c in snap.recon.conflicts if matches(c, f, dates) and (not kind or c.kind == kind)
    ]
    shown = chosen[page.offset : page.offset + page.limit] if page else chosen
    out: dict[str, Any] = {"total": len(chosen)}
    if page:
        out.update(limit=page.limit, offset=page.offset)
    out["conflicts"] = [conflict_out(snap, c) for c in shown]
    return out


def conflict_out(snap: Snapshot, c: Conflict) -> dict[str, Any]:
    out = named(conflict_json(c))
    out["claims"] = [claim_out(snap, x) for x in c.claims]
    return out


def place_view(
    snap: Snapshot, code: str, f: Filters, page: Page | None = None, dates: DateRange = EVER
) -> dict[str, Any] | None:
    """A place's rows, its claims (one page of them when `page` is given: a place can have
    thousands) with their sentences, and its conflicts."""
    if code not in snap.claims_by_place and code not in snap.rows_by_place:
        return None
    own = snap.claims_by_place.get(code, [])
    rows = [
        {**row_json(r), "how": how_computed(snap.recon, r, own)}
        for r in snap.rows_by_place.get(code, [])
        if matches(r, f, dates)
    ]
    chosen = [c for c in own if matches(c, f, dates)]
    shown = chosen[page.offset : page.offset + page.limit] if page else chosen
    conflicts = [
        conflict_out(snap, c) for c in snap.conflicts_by_place.get(code, []) if in_range(c, dates)
    ]
    out: dict[str, Any] = {
        "place": code,
        "place_name": display_name(code),
        "rows": rows,
        "total": len(chosen),
        "claims": [claim_out(snap, c) for c in shown],
        "conflicts": [c for c in conflicts if matches_json(c, f)],
    }
    if page:
        out.update(limit=page.limit, offset=page.offset)
    return out


def matches_json(record: dict[str, Any], f: Filters) -> bool:
    return (
        (not f.flow or record["flow"] == f.flow)
        and (not f.population or record["population"] == f.population)
        and (not f.scope or record["scope"] == f.scope)
    )


def claim_out(snap: Snapshot, c: Claim) -> dict[str, Any]:
    """A claim with the sentences that state it, the figure marked in each, and how to cite
    it; made once per snapshot (a place page shows a hundred, each read from many documents).
    The dict is shared: callers must not change it."""
    shown = snap.shown.get(c.id)
    if shown is None:
        shown = _claim_out(snap, c)
        if len(snap.shown) < SHOWN_CLAIMS:
            snap.shown[c.id] = shown
    return shown


def _claim_out(snap: Snapshot, c: Claim) -> dict[str, Any]:
    stated = [snap.estimates_by_id[i] for i in c.estimates if i in snap.estimates_by_id]
    stated.sort(key=statement_order)
    verdict = snap.recon.verdicts.get(c.id)
    out = claim_json(c)
    out.update(role=verdict.role.value if verdict else None, why=verdict.why if verdict else None)
    out["statements"] = [statement(s) for s in stated[:MAX_STATEMENTS]]
    # cited by the document that states it first (an original before a syndicated copy)
    cited = snap.citations.get(stated[0].document_id) if stated else None
    out["citation"] = citation_json(cited) if cited else None
    return out


def statement(s: StoredEstimate) -> dict[str, Any]:
    e = s.estimate
    mark = figure_mark(e)
    return {
        "estimate": s.id,
        "document_id": s.document_id,
        "document": e.doc,
        "published": s.published,
        "syndicated_copy": s.copy_of is not None,
        "review": s.review,
        "sentence": e.sentence,
        # where the figure sits in the sentence (as a whole number: never the "50" inside
        # "850"); null when the quote is not found in it
        "mark": list(mark) if mark else None,
    }


def document_view(record: DocumentRecord, stored: Sequence[StoredEstimate]) -> dict[str, Any]:
    return {
        "document": document_json(record.info),
        "citation": citation_json(record.info.citation),
        "text": record.text,
        "estimates": [estimate_json(s) for s in stored],
    }


def segments(text: str, stored: Iterable[StoredEstimate]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, estimate id or None); overlapping figures keep the first."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for s in sorted(stored, key=lambda s: (s.estimate.start, -s.estimate.end)):
        start, end = s.estimate.start, min(s.estimate.end, len(text))
        if start < at or start >= end:
            continue  # nested in (or the same span as) a figure already marked
        out.append((text[at:start], None))
        out.append((text[start:end], s.id))
        at = end
    out.append((text[at:], None))
    return [(piece, ident) for piece, ident in out if piece]


def review_rows(book: ReviewBook, document_id: str) -> list[dict[str, Any]]:
    """The reviews of one document, newest first, with the id each can be acted on by."""
    out = []
    for r in reversed(book.reviews):
        review = r.review
        if review.document_id != document_id:
            continue
        matched = book.matched.get(r.key)
        e = review.figure
        out.append(
            {
                "review": r.key,
                "verdict": review.verdict.value,
                "status": book.status(r).value,
                "estimate": review.figure_id or (matched.id if matched else review.estimate_id),
                "quote": e.quote,
                "place": e.place,
                "flow": e.flow.value,
                "population": e.population.value,
                "kind": e.kind.value,
                "value": e.value,
                "low": e.low,
                "high": e.high,
                "source": e.source,
                "by": review.by,
                "at": review.at,
                "why": review.why,
            }
        )
    return out
