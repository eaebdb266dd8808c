"""The JSON API: every page's data, filterable, paged where it can be long, CSV on request."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from fighterflows.ledger import AmbiguousId, Filters, paging
from fighterflows.report.serialize import TABLE_COLUMNS, document_json, estimate_json
from fighterflows.review.book import review_book, reviewed_estimates
from fighterflows.review.targets import standing
from fighterflows.web import lookup, views
from fighterflows.web.daterange import EVER, DateRange
from fighterflows.web.errors import ERROR_SCHEMA
from fighterflows.web.params import (
    NO_NUL,
    DocumentQ,
    Format,
    FormatQ,
    KindQ,
    LimitQ,
    OffsetQ,
    PlacePath,
    SearchQ,
    csv_response,
    date_range,
    filters,
    place_filters,
    state,
)
from fighterflows.web.state import LedgerState

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for code, text in ((404, "Not found"), (422, "Invalid parameters"), (500, "Server error"))
}
CSV = {"content": {"text/csv": {"schema": {"type": "string"}}}}
MOVED = {"description": "A place named by its name: sent on to its code"}

router = APIRouter(prefix="/api", responses=ERRORS)
State = Annotated[LedgerState, Depends(state)]
Filtered = Annotated[Filters, Depends(filters)]
Dated = Annotated[DateRange, Depends(date_range)]
KeyFiltered = Annotated[Filters, Depends(place_filters)]
ESTIMATE_COLUMNS = (
    "id",
    "doc",
    "document_id",
    "start",
    "end",
    "quote",
    "place",
    "flow",
    "population",
    "scope",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "base",
    "source",
    "group",
    "as_of",
    "since",
    "derived",
    "extractor",
    "copy_of",
    "provenance",
    "review",
    "sentence",
)
DOCUMENT_COLUMNS = (
    "id",
    "name",
    "title",
    "outlet",
    "author",
    "url",
    "published",
    "accessed",
    "uri",
    "copy_of",
    "estimates",
    "chars",
)
CONFLICT_COLUMNS = (
    "place",
    "flow",
    "population",
    "scope",
    "kind",
    "detail",
    "claims",
    "documents",
)
CLAIM_COLUMNS = (
    "id",
    "place",
    "flow",
    "population",
    "scope",
    "source",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "as_of",
    "derived",
    "group",
    "role",
    "why",
    "quote",
    "documents",
)


@router.get("/table", responses={200: CSV}, summary="The consensus table")
def api_table(st: State, f: Filtered, dates: Dated, format: FormatQ = Format.JSON) -> Response:
    """The consensus table: low / best / high per place, flow, population and scope, with the
    number of rows (`total`) and how many have each flow, population, scope and source
    (`facets`)."""
    view = views.table_view(st.snapshot(f), f, dates)
    if format == "csv":
        return csv_response(view["rows"], TABLE_COLUMNS, "table")
    return JSONResponse(view)


@router.get("/table.csv", responses={200: CSV}, summary="The consensus table as CSV")
def api_table_csv(st: State, f: Filtered, dates: Dated) -> Response:
    """The consensus table as CSV."""
    rows = views.table_view(st.snapshot(f), f, dates)["rows"]
    return csv_response(rows, TABLE_COLUMNS, "table")


@router.get("/estimates", responses={200: CSV}, summary="Estimates, paged")
def api_estimates(
    st: State,
    f: Filtered,
    document: DocumentQ = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
    format: FormatQ = Format.JSON,
) -> Response:
    """Stored estimates, one page at a time, in the contract's form plus ledger ids."""
    f = dataclasses.replace(f, document=document)
    book = review_book(st.ledger)
    page = paging.page_estimates(st.ledger, f, paging.Page(limit, offset), book)
    records = [estimate_json(s) for s in page]
    if format == "csv":
        return csv_response(records, ESTIMATE_COLUMNS, "estimates")
    total = paging.count_estimates(st.ledger, f, book)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "estimates": records})


@router.get("/estimates/{estimate_id}", summary="One estimate")
def api_estimate(
    st: State, estimate_id: Annotated[str, Path(max_length=64, pattern=NO_NUL)]
) -> Response:
    """One estimate by its id (or a unique prefix of it), as the reviews have it: a corrected
    figure for one an analyst corrected, none for one rejected."""
    try:
        found = standing(st.ledger, review_book(st.ledger), estimate_id)
    except AmbiguousId as error:
        raise HTTPException(422, str(error)) from None
    if found is None:
        raise HTTPException(404, f"no estimate {estimate_id!r}")
    return JSONResponse(estimate_json(found))


@router.get("/conflicts", responses={200: CSV}, summary="Conflicts")
def api_conflicts(
    st: State,
    f: Filtered,
    dates: Dated,
    kind: KindQ = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
    format: FormatQ = Format.JSON,
) -> Response:
    """Misquotes, disagreements and inconsistencies, with the claims and documents behind,
    one page at a time (CSV: all of them)."""
    page = None if format == "csv" else paging.Page(limit, offset)
    view = views.conflicts_view(st.snapshot(f), f, kind.value if kind else None, page, dates)
    if format == "csv":
        rows = [{**c, "claims": len(c["claims"])} for c in view["conflicts"]]
        return csv_response(rows, CONFLICT_COLUMNS, "conflicts")
    return JSONResponse(view)


@router.get("/documents", responses={200: CSV}, summary="Documents, paged")
def api_documents(
    st: State,
    q: SearchQ = "",
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
    format: FormatQ = Format.JSON,
) -> Response:
    """Documents in the ledger (name or title containing `q`), one page at a time."""
    docs = [document_json(d) for d in st.ledger.documents(q or None, limit, offset)]
    if format == "csv":
        return csv_response(docs, DOCUMENT_COLUMNS, "documents")
    total = paging.count_documents(st.ledger, q or None)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "documents": docs})


@router.get("/documents/{document_id:path}", summary="One document")
def api_document(
    st: State, document_id: Annotated[str, Path(max_length=500, pattern=NO_NUL)]
) -> Response:
    """A document's text and every estimate in it (offsets index the text)."""
    return JSONResponse(document_payload(st, document_id))


def document_payload(st: LedgerState, key: str) -> dict[str, Any]:
    record = st.ledger.document(key)
    if record is None:
        raise HTTPException(404, f"no document {key!r}")
    stored = reviewed_estimates(st.ledger, Filters(document=record.info.id))
    return views.document_view(record, stored)


@router.get("/places", summary="Places")
def api_places(st: State) -> Response:
    """Every place with a figure, with its display name."""
    snap = st.snapshot()
    return JSONResponse({"places": [views.named({"place": p}) for p in snap.places]})


@router.get("/places/{code}", responses={200: CSV, 307: MOVED}, summary="One place")
def api_place(
    request: Request,
    st: State,
    code: PlacePath,
    f: Filtered,
    dates: Dated,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
    format: FormatQ = Format.JSON,
) -> Response:
    """A place: its consensus rows, its claims one page at a time (with their sentences;
    `total` counts them all) and its conflicts. CSV gives every claim. A name in any case
    ("Belgium", "bel") is sent on to its code (307)."""
    found = lookup.place_code(st.snapshot(f), code, prefix="/api/places/")
    if found != code:
        return RedirectResponse(str(request.url.replace(path=f"/api/places/{found}")), 307)
    page = None if format == "csv" else paging.Page(limit, offset)
    view = place_payload(st, code, f, page, dates)
    if format == "csv":
        return csv_response(view["claims"], CLAIM_COLUMNS, f"claims-{code}")
    return JSONResponse(view)


def place_payload(
    st: LedgerState,
    code: str,
    f: Filters,
    page: paging.Page | None = None,
    dates: DateRange = EVER,
) -> dict[str, Any]:
    snap = st.snapshot(f)
    view = views.place_view(snap, lookup.place_code(snap, code), f, page, dates)
    assert view is not None  # place_code answers only places with a figure
    return view


@router.get("/search", summary="Search")
def api_search(st: State, q: SearchQ = "") -> Response:
    """Places (by code or name), sources and documents matching `q`."""
    return JSONResponse(search_payload(st, q))


def search_payload(st: LedgerState, q: str) -> dict[str, Any]:
    view = lookup.search_view(st.snapshot(), q)
    docs = st.ledger.documents(q.strip(), 50, 0) if q.strip() else []
    view["documents"] = [document_json(d) for d in docs]
    return view
