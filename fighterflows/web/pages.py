"""The HTML pages. Each shows what its JSON twin under /api returns, and links to it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, Response

from fighterflows.ledger import Filters
from fighterflows.report.serialize import document_json
from fighterflows.review.book import review_book
from fighterflows.web import api, queries, views
from fighterflows.web.chart import timeline_chart
from fighterflows.web.editing import links_for
from fighterflows.web.params import (
    NO_NUL,
    PLACE,
    KindQ,
    LimitQ,
    OffsetQ,
    SearchQ,
    filters,
    place_filters,
    state,
)
from fighterflows.web.state import LedgerState
from fighterflows.web.templating import WEB_LINKS
from fighterflows.web.worldmap import world_map

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
State = Annotated[LedgerState, Depends(state)]
Filtered = Annotated[Filters, Depends(filters)]
KeyFiltered = Annotated[Filters, Depends(place_filters)]


def render(request: Request, name: str, twin: str, **context: Any) -> Response:
    query = request.url.query
    context["twin"] = f"{twin}?{query}" if query else twin
    context.setdefault("csv", None)
    context["links"] = links_for(request)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)  # type: ignore[no-any-return]


@router.get("/")
def overview(request: Request, st: State, f: Filtered) -> Response:
    snap = st.snapshot(f)
    counts = {**st.ledger.counts(), "claims": len(snap.recon.claims),
              "conflicts": len(snap.recon.conflicts)}
    return render(
        request, "overview.html", "/api/table",
        table=views.table_view(snap, f), map=world_map(snap.recon.rows, WEB_LINKS.place),
        counts=counts, filters=f, csv="/api/table.csv",
    )


@router.get("/place/{code}")
def place(request: Request, st: State, code: Annotated[str, Path(pattern=PLACE)],
          f: KeyFiltered, limit: LimitQ = 100, offset: OffsetQ = 0) -> Response:
    view = api.place_payload(st, code, f, queries.Page(limit, offset))
    claims = st.snapshot(f).claims_by_place.get(code, [])
    chosen = [c for c in claims if views.matches(c, Filters(flow=f.flow,
                                                            population=f.population))]
    return render(
        request, "place.html", f"/api/places/{code}",
        view=view, chart=timeline_chart(chosen), filters=f, csv=f"/api/places/{code}?format=csv",
        next_page=more(request, view),
    )


@router.get("/conflicts")
def conflicts(request: Request, st: State, f: Filtered, kind: KindQ = None,
              limit: LimitQ = 100, offset: OffsetQ = 0) -> Response:
    page = queries.Page(limit, offset)
    view = views.conflicts_view(st.snapshot(f), f, kind.value if kind else None, page)
    return render(request, "conflicts.html", "/api/conflicts", view=view, filters=f,
                  csv="/api/conflicts?format=csv", kind=kind.value if kind else "",
                  next_page=more(request, view))


def more(request: Request, view: dict[str, Any]) -> str | None:
    """The address of the next page, if there is one."""
    following = view["offset"] + view["limit"]
    if following >= view["total"]:
        return None
    url = request.url.include_query_params(offset=following)
    return f"{url.path}?{url.query}"


@router.get("/documents")
def documents(request: Request, st: State, q: SearchQ = "", limit: LimitQ = 50,
              offset: OffsetQ = 0) -> Response:
    docs = [document_json(d) for d in st.ledger.documents(q or None, limit, offset)]
    total = queries.count_documents(st.ledger, q or None)
    return render(request, "documents.html", "/api/documents", docs=docs, total=total, q=q,
                  limit=limit, offset=offset, csv="/api/documents?format=csv")


@router.get("/documents/{document_id:path}")
def document(request: Request, st: State,
             document_id: Annotated[str, Path(max_length=500, pattern=NO_NUL)]) -> Response:
    record = st.ledger.document(document_id)
    if record is None:
        raise HTTPException(404, f"no document {document_id!r}")
    book = review_book(st.ledger)
    mine = Filters(document=record.info.id)
    stored = book.apply(st.ledger.estimates(mine), mine)
    return render(
        request, "document.html", f"/api/documents/{record.info.id}",
        view=views.document_view(record, stored), segments=views.segments(record.text, stored),
        csv=f"/api/estimates?document={record.info.id}&limit=1000&format=csv",
        reviews=views.review_rows(book, record.info.id), choices=views.REVIEW_CHOICES,
    )


@router.get("/search")
def search(request: Request, st: State, q: SearchQ = "") -> Response:
    return render(request, "search.html", "/api/search", view=api.search_payload(st, q), q=q)


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """A local page listing the API from its OpenAPI schema: no CDN-hosted Swagger UI."""
    schema = request.app.openapi()
    routes = [
        {"path": path, "method": method.upper(), "summary": op.get("summary", ""),
         "description": op.get("description", ""), "parameters": op.get("parameters", [])}
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return render(request, "apidocs.html", "/openapi.json", routes=routes,
                  title=schema["info"]["title"], version=schema["info"]["version"])
