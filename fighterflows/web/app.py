"""The dashboard: a FastAPI app over one ledger, every asset served from the package; read-only
unless started with `serve --edit` (then the review routes of `web/edit.py` exist too)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from fighterflows.ledger import Ledger
from fighterflows.web import api, errors, pages
from fighterflows.web import edit as edit_routes
from fighterflows.web.cache import AnswerCache
from fighterflows.web.editing import EditGuard, EditSettings
from fighterflows.web.head import HeadAsGet
from fighterflows.web.security import SecurityHeaders
from fighterflows.web.state import LedgerState
from fighterflows.web.templating import STATIC, environment

DESCRIPTION = """Published estimates of foreign fighters who went to and came back from Syria
and Iraq, extracted from documents with their exact sentences, reconciled per place, flow and
population. Read-only. Every error has the shape
`{"error": {"status": 404, "title": "Not Found", "detail": "…"}}`."""


def create_app(db: str, edit: EditSettings | None = None) -> FastAPI:
    """The app over the ledger at `db` (a SQLite path or a database URL); read-only unless
    `edit` is given (`serve --edit`): then the review routes exist, guarded by it."""
    ledger = Ledger.open(db, writing=edit is not None)  # read-only: it never writes

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()  # release the database's connections when the server stops

    app = FastAPI(
        lifespan=lifespan,
        title="fighterflows",
        version="1",
        description=DESCRIPTION,
        # Swagger UI and ReDoc load from a CDN; /docs is our own page over /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.ledger_state = LedgerState(ledger)
    app.state.templates = Jinja2Templates(env=environment())
    app.state.edit = edit
    if edit is None:
        # innermost: a kept answer still gets the headers below. Only read-only: under --edit
        # a page carries its visitor's session (the forms' CSRF token), so no answer is shared.
        app.add_middleware(AnswerCache)
    else:
        app.add_middleware(EditGuard, settings=edit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    errors.install(app)
    app.include_router(api.router)
    if edit is not None:
        app.include_router(edit_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/favicon.ico", favicon, include_in_schema=False)
    return app


def favicon() -> Response:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


def server_config(
    db: str, host: str, port: int, log_level: str = "info", edit: EditSettings | None = None
) -> Any:
    """uvicorn's configuration for the dashboard: the app, and an HTTP protocol that refuses
    unparsable requests in the app's JSON error shape with its headers (see `protocol`)."""
    import uvicorn

    from fighterflows.web.protocol import JsonErrorsH11Protocol

    return uvicorn.Config(
        create_app(db, edit),
        host=host,
        port=port,
        log_level=log_level,
        http=JsonErrorsH11Protocol,
    )


def serve(
    db: str, host: str = "127.0.0.1", port: int = 8000, edit: EditSettings | None = None
) -> None:
    """Run the dashboard with uvicorn until interrupted."""
    import uvicorn

    uvicorn.Server(server_config(db, host, port, edit=edit)).run()
