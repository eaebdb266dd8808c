"""Who may write, under `serve --edit`: the token, the session, the CSRF check.

Off by default: without --edit the app has no write route at all. With it, on a loopback
address (127.0.0.1, ::1, localhost) the person at the machine may write, as long as the request
names the machine (a page of another site that resolves its own name to 127.0.0.1 may not); on
any other address a token printed at start is needed, as Jupyter does: `?token=` on any page
sets a cookie (and the address is cleaned of it), or a request sends `X-Fighterflows-Token` or
`Authorization: token …`. Every write is a form POST carrying a per-session CSRF token (an HMAC
of the session cookie under a secret made at start), from this site's own pages only.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
from collections.abc import MutableMapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from fighterflows.web.templating import WEB_LINKS, Editing, Links

SESSION = "ff_session"
TOKEN = "ff_token"
MAX_FORM = 64 * 1024  # bytes: a review form is a few hundred
SESSION_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9._~-]{8,128}$")  # safe in a cookie and an address
COOKIE = "; Path=/; HttpOnly; SameSite=Strict"


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class EditSettings:
    token: str | None  # None on a loopback address: nothing more is needed there
    secret: bytes  # signs the sessions' CSRF tokens; new at every start

    @classmethod
    def for_host(cls, host: str, token: str | None = None) -> EditSettings:
        """Settings for a server bound to `host`; a ValueError for a token that could not
        travel in an address or a cookie."""
        if token is not None and not TOKEN_SHAPE.match(token):
            raise ValueError("a token is 8 to 128 letters, digits or . _ ~ -")
        if is_loopback(host):
            return cls(None, secrets.token_bytes(32))
        return cls(token or secrets.token_urlsafe(24), secrets.token_bytes(32))

    def csrf(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()[:40]

    def holds_token(self, request: Request) -> bool:
        assert self.token is not None
        given = [request.cookies.get(TOKEN), request.headers.get("x-fighterflows-token")]
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "token":
            given.append(value.strip())
        return any(g and same(g, self.token) for g in given)

    def allows(self, request: Request) -> bool:
        """May this request write?"""
        if self.token is not None:
            return self.holds_token(request)
        return is_loopback(_hostname(request.headers.get("host", "")))


def same(given: str, expected: str) -> bool:
    """A comparison of secrets that takes as long whatever `given` is (any characters)."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


def _hostname(host: str) -> str:
    return urlsplit(f"//{host}").hostname or ""


class EditGuard:
    """Pure ASGI middleware, present only under --edit: takes `?token=`, gives every visitor a
    session cookie, and marks in the request's state whether it may write. The routes that
    write check that mark (401/403) and the CSRF token (403)."""

    def __init__(self, app: ASGIApp, settings: EditSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self.settings.token is not None and "token" in request.query_params:
            await self._take_token(request)(scope, receive, send)
            return
        session = request.cookies.get(SESSION, "")
        fresh = not SESSION_SHAPE.match(session)
        if fresh:
            session = secrets.token_urlsafe(32)
        state = scope.setdefault("state", {})
        state["ff_session"] = session
        state["ff_editor"] = self.settings.allows(request)

        async def send_with_cookie(message: MutableMapping[str, Any]) -> None:
            if fresh and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", f"{SESSION}={session}{COOKIE}")
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _take_token(self, request: Request) -> Any:
        """A right token becomes a cookie and leaves the address; a wrong one is a 401."""
        from fighterflows.web.errors import error_response

        assert self.settings.token is not None
        given = request.query_params.get("token", "")
        if not same(given, self.settings.token):
            return error_response(
                request,
                401,
                "wrong token: use the address `fighterflows serve --edit` printed when it started",
            )
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        url = (
            request.url.replace_query_params(**dict(kept))
            if kept
            else request.url.replace(query="")
        )
        response = RedirectResponse(f"{url.path}?{url.query}" if url.query else url.path, 303)
        response.headers.append("set-cookie", f"{TOKEN}={self.settings.token}{COOKIE}")
        return response


def settings_of(request: Request) -> EditSettings | None:
    found = getattr(request.app.state, "edit", None)
    return found if isinstance(found, EditSettings) else None


def may_write(request: Request) -> bool:
    return settings_of(request) is not None and bool(request.state.ff_editor)


def require_editor(request: Request) -> EditSettings:
    """A dependency of every review route: 401 without the token, 403 on a loopback server
    asked under another name."""
    settings = settings_of(request)
    if settings is None:
        raise HTTPException(404, "editing is off: start the server with --edit")
    if not request.state.ff_editor:
        if settings.token is not None:
            raise HTTPException(
                401,
                "editing needs the token `fighterflows serve --edit` "
                "printed: open the address it gave, or send X-Fighterflows-Token",
            )
        raise HTTPException(
            403,
            "this server edits only for requests to its loopback "
            "address (127.0.0.1, ::1 or localhost)",
        )
    return settings


async def checked_form(request: Request, settings: EditSettings) -> dict[str, str]:
    """The fields of a review form, once it has shown it comes from this site's own page:
    415 for another body, 413 for a huge one, 403 for a foreign origin or a bad CSRF token."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "a review is sent as a form (application/x-www-form-urlencoded)")
    body = await request.body()
    if len(body) > MAX_FORM:
        raise HTTPException(413, f"a review form is at most {MAX_FORM:,} bytes")
    # Our pages send no referrer, so a browser says `Origin: null`; one that names another
    # site, or says the form came from elsewhere, is refused before the token is even read.
    origin = request.headers.get("origin", "null")
    site = request.headers.get("sec-fetch-site", "same-origin")
    if (origin != "null" and urlsplit(origin).netloc != request.headers.get("host", "")) or (
        site not in ("same-origin", "none")
    ):
        raise HTTPException(403, "a review must come from this site's own pages")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=40)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the form could not be read") from None
    fields = {k: v[0] for k, v in parsed.items()}
    expected = settings.csrf(request.state.ff_session)
    if not same(fields.get("csrf", ""), expected):
        raise HTTPException(
            403, "the form's CSRF token is missing or wrong: reload the page and try again"
        )
    if any("\x00" in v for v in fields.values()):
        raise HTTPException(422, "a field holds a NUL character")
    return fields


def links_for(request: Request) -> Links:
    """The page's links, with the review forms' data when this visitor may write."""
    settings = settings_of(request)
    if settings is None or not request.state.ff_editor:
        return WEB_LINKS
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return replace(WEB_LINKS, editing=Editing(settings.csrf(request.state.ff_session), here))


def local_path(back: str | None, default: str) -> str:
    """Where to go after a write: a path on this site only (never `//elsewhere`)."""
    if (
        back
        and back.startswith("/")
        and not back.startswith("//")
        and "\\" not in back
        and back.isprintable()
    ):
        return back
    return default
