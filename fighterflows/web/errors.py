"""One error shape for the whole API, built by one helper; pages get an HTML page instead.

{"error": {"status": 404, "title": "Not Found", "detail": "no place 'XYZ' in the ledger"}}
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from fighterflows.web.params import PATTERN_WORDS
from fighterflows.web.security import HEADERS

log = logging.getLogger(__name__)


def error_body(status: int, detail: str) -> dict[str, Any]:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return {"error": {"status": status, "title": title, "detail": detail}}


ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "title", "detail"],
            "properties": {
                "status": {"type": "integer"},
                "title": {"type": "string"},
                "detail": {"type": "string"},
            },
        }
    },
}


Links = Sequence[tuple[str, str]]  # (words, address): where a reader may go from an error


class NotFoundHere(StarletteHTTPException):
    """A 404 that knows where the reader probably meant to go ("did you mean Belgium?")."""

    def __init__(self, detail: str, links: Links) -> None:
        super().__init__(404, detail)
        self.links = tuple(links)


def error_response(request: Request, status: int, detail: str, links: Links = ()) -> Response:
    # Set here too: a 500 is sent from outside the middleware stack.
    if wants_html(request):
        response = html_error(request, status, detail, links)
    else:
        response = JSONResponse(error_body(status, detail), status_code=status)
    response.headers.update(HEADERS)
    return response


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not (
        path.startswith("/api") or path.startswith("/openapi") or "." in path.rsplit("/", 1)[-1]
    )


def html_error(request: Request, status: int, detail: str, links: Links = ()) -> Response:
    templates = getattr(request.app.state, "templates", None)
    if templates is None:
        return HTMLResponse(f"{status}", status_code=status)
    body = error_body(status, detail)["error"]
    context = {"error": body, "twin": "/openapi.json", "csv": None, "error_links": links}
    response: Response = templates.TemplateResponse(
        request, "error.html", context, status_code=status
    )
    return response


def validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where}: {in_words(e)}" if where else in_words(e))
    return "; ".join(parts) or "invalid request"


def in_words(error: Mapping[str, Any]) -> str:
    """A validation error as a reader can act on it: the value and what was wanted."""
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "value_error":
        return message.removeprefix("Value error, ")
    if error.get("type") == "string_pattern_mismatch":
        words = PATTERN_WORDS.get(str(error.get("ctx", {}).get("pattern")))
        if words:
            return f"{error.get('input')!r} {words}"
    return message


def without_bad(request: Request, exc: RequestValidationError) -> Links:
    """The same page without the query parameters that failed, when there are some."""
    bad = {
        str(e["loc"][1])
        for e in exc.errors()
        if len(e.get("loc", ())) > 1 and e["loc"][0] == "query"
    }
    if not bad:
        return ()
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in bad]
    url = request.url.path + (f"?{urlencode(kept)}" if kept else "")
    return ((f"The same page without {', '.join(sorted(bad))}", url),)


def install(app: FastAPI) -> None:
    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        links = exc.links if isinstance(exc, NotFoundHere) else ()
        return error_response(request, exc.status_code, str(exc.detail), links)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, validation_detail(exc), without_bad(request, exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "the server failed to answer this request")

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(Exception, on_crash)
