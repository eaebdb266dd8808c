"""The HTML pages. Each shows what its JSON twin under /api returns, and links to it."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fighterflows.conflicts import ConflictKind
from fighterflows.ledger import Filters, paging
from fighterflows.reconcile import Claim
from fighterflows.report.serialize import document_json
from fighterflows.review.book import review_book
from fighterflows.web import api, lookup, views
from fighterflows.web.chart import Href
from fighterflows.web.daterange import DateRange
from fighterflows.web.editing import links_for
from fighterflows.web.facets import SCOPE_WORDS, facets, link
from fighterflows.web.fragments import chart_html, claim_fragments
from fighterflows.web.params import (
    NO_NUL,
    KindQ,
    LimitQ,
    OffsetQ,
    PlacePath,
    SearchQ,
    date_range,
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
Dated = Annotated[DateRange, Depends(date_range)]


PAGING = ("limit", "offset")


def page_query(request: Request, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The page's parameters as sent, less blank form fields and the names in `drop`."""
    return [(k, v) for k, v in request.query_params.multi_items() if v != "" and k not in drop]


def with_query(path: str, params: list[tuple[str, str]]) -> str:
    if not params:
        return path
    return f"{path}{'&' if '?' in path else '?'}{urlencode(params)}"


def download(request: Request, path: str) -> str:
    """A CSV link that keeps the page's filters: the file holds what the page shows (every
    record of it, not one page: the CSV of a place or of the conflicts is not paged)."""
    return with_query(path, page_query(request, drop=PAGING))


def render(
    request: Request,
    name: str,
    twin: str,
    twin_params: list[tuple[str, str]] | None = None,
    **context: Any,
) -> Response:
    """The page; its JSON twin at `twin` with the page's parameters (or `twin_params`)."""
    params = page_query(request) if twin_params is None else twin_params
    context["twin"] = with_query(twin, params)
    context.setdefault("csv", None)
    context["links"] = links_for(request)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)  # type: ignore[no-any-return]


@router.get("/")
def overview(request: Request, st: State, f: Filtered, dates: Dated) -> Response:
    snap = st.snapshot(f)
    counts = {
        **st.ledger.counts(),
        "claims": len(snap.recon.claims),
        "conflicts": len(snap.recon.conflicts),
    }
    table = views.table_view(snap, f, dates)
    params = page_query(request)
    return render(
        request,
        "overview.html",
        "/api/table",
        table=table,
        map=world_map(snap.recon.rows, WEB_LINKS.place),
        counts=counts,
        filters=f,
        dates=dates,
        csv=download(request, "/api/table.csv"),
        facets=facets(table["facets"], params, "/"),
        narrowed=narrowed(f, dates),
        today=link(request.url.path, params, "as_of", None),
    )


def narrowed(f: Filters, dates: DateRange) -> list[str]:
    """The page's filters in words: "flow is returned", "dated 2015 to 2017"."""
    words = [
        f"{name} is {value}"
        for name, value in (
            ("place", f.place),
            ("flow", f.flow),
            ("population", f.population),
            ("measure", SCOPE_WORDS.get(f.scope or "", f.scope)),
        )
        if value
    ]
    if f.source:
        words.append(f"a source's name contains “{f.source}”")
    if f.as_of:
        words.append(f"as of {f.as_of}")
    if dates.start or dates.end:
        words.append(f"dated {dates.start or 'any time'} to {dates.end or 'now'}")
    return words


@router.get("/place/{code}")
def place(
    request: Request,
    st: State,
    code: PlacePath,
    f: KeyFiltered,
    dates: Dated,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> Response:
    found = lookup.place_code(st.snapshot(f), code)
    if found != code:  # /place/Belgium, /place/bel: the page lives at its code
        return RedirectResponse(str(request.url.replace(path=f"/place/{found}")), 307)
    page = paging.Page(limit, offset)
    view = api.place_payload(st, code, f, page, dates)
    snap = st.snapshot(f)
    chosen = [c for c in snap.claims_by_place.get(code, []) if views.matches(c, f, dates)]
    rows = [r for r in snap.rows_by_place.get(code, []) if views.matches(r, f, dates)]
    chart = chart_html(
        request, snap, (code, f, dates), code, chosen, rows, claim_links(request, chosen, page)
    )
    fragments = claim_fragments(request, snap, view["claims"], links_for(request))
    return render(
        request,
        "place.html",
        f"/api/places/{code}",
        view=view,
        chart_html=chart,
        filters=f,
        dates=dates,
        fragments=fragments,
        csv=download(request, f"/api/places/{code}?format=csv"),
        next_page=more(request, view),
    )


def claim_links(request: Request, claims: list[Claim], page: paging.Page) -> Href:
    """Where each claim of the page's list is shown: on this page (#c-ID), or on the page of
    the list that holds it."""
    where = {c.id: i for i, c in enumerate(claims)}
    kept = [(k, v) for k, v in page_query(request) if k != "offset"]

    def href(claim: str) -> str | None:
        i = where.get(claim)
        if i is None:
            return None
        if page.offset <= i < page.offset + page.limit:
            return f"#c-{claim}"
        start = i // page.limit * page.limit
        return (
            with_query(request.url.path, kept + ([("offset", str(start))] if start else []))
            + f"#c-{claim}"
        )

    return href


@router.get("/conflicts")
def conflicts(
    request: Request,
    st: State,
    f: Filtered,
    dates: Dated,
    kind: KindQ = None,
    limit: LimitQ = 100,
    offset: OffsetQ = 0,
) -> Response:
    page = paging.Page(limit, offset)
    view = views.conflicts_view(st.snapshot(f), f, kind.value if kind else None, page, dates)
    params = page_query(request)
    kinds = [(k.value, link("/conflicts", params, "kind", k.value)) for k in ConflictKind]
    return render(
        request,
        "conflicts.html",
        "/api/conflicts",
        view=view,
        filters=f,
        dates=dates,
        csv=download(request, "/api/conflicts?format=csv"),
        kind=kind.value if kind else "",
        kinds=kinds,
        any_kind=link("/conflicts", params, "kind", None),
        next_page=more(request, view),
    )


def more(request: Request, view: dict[str, Any]) -> str | None:
    """The address of the next page, if there is one."""
    following = view["offset"] + view["limit"]
    if following >= view["total"]:
        return None
    url = request.url.include_query_params(offset=following)
    return f"{url.path}?{url.query}"


@router.get("/documents")
def documents(
    request: Request, st: State, q: SearchQ = "", limit: LimitQ = 50, offset: OffsetQ = 0
) -> Response:
    docs = [document_json(d) for d in st.ledger.documents(q or None, limit, offset)]
    total = paging.count_documents(st.ledger, q or None)
    # The API's lists of documents are pages as this one is (of another default size): the
    # twins name this page's size and place.
    shown = [("q", q), ("limit", str(limit)), ("offset", str(offset))]
    shown = [(k, v) for k, v in shown if v not in ("", "0")]
    return render(
        request,
        "documents.html",
        "/api/documents",
        shown,
        docs=docs,
        total=total,
        q=q,
        limit=limit,
        offset=offset,
        csv=with_query("/api/documents?format=csv", shown),
    )


@router.get("/documents/{document_id:path}")
def document(
    request: Request, st: State, document_id: Annotated[str, Path(max_length=500, pattern=NO_NUL)]
) -> Response:
    record = st.ledger.document(document_id)
    if record is None:
        raise HTTPException(404, f"no document {document_id!r}")
    book = review_book(st.ledger)
    mine = Filters(document=record.info.id)
    stored = book.apply(st.ledger.estimates(mine), mine)
    return render(
        request,
        "document.html",
        f"/api/documents/{record.info.id}",
        view=views.document_view(record, stored),
        segments=views.segments(record.text, stored),
        csv=f"/api/estimates?document={record.info.id}&limit=1000&format=csv",
        reviews=views.review_rows(book, record.info.id),
        choices=views.REVIEW_CHOICES,
    )


@router.get("/search")
def search(request: Request, st: State, q: SearchQ = "") -> Response:
    return render(request, "search.html", "/api/search", view=api.search_payload(st, q), q=q)


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """A local page listing the API from its OpenAPI schema: no CDN-hosted Swagger UI."""
    schema = request.app.openapi()
    routes = [
        {
            "path": path,
            "method": method.upper(),
            "summary": op.get("summary", ""),
            "description": op.get("description", ""),
            "parameters": op.get("parameters", []),
        }
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return render(
        request,
        "apidocs.html",
        "/openapi.json",
        routes=routes,
        title=schema["info"]["title"],
        version=schema["info"]["version"],
    )
