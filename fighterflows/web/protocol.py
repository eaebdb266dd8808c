"""HTTP/1.1 errors the app never sees, answered in the app's own shape and headers.

A request uvicorn cannot parse (a malformed request line or header, or a request line and
headers past h11's 16 KiB limit) is refused by the server before any ASGI app runs, in plain
text and without the security headers. This protocol is uvicorn's h11 one with that answer
replaced: the API's JSON error (`{"error": {"status", "title", "detail"}}`), our headers, and
431 instead of 400 when the headers are what is too large.

What cannot be reached from here is documented in docs/api.md: a connection closed before a
request line, a request that breaks while its response is already being sent, and the choice
between an HTML and a JSON answer (the path is not known, so it is always JSON).
"""

from __future__ import annotations

import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from fighterflows.web.errors import error_body
from fighterflows.web.security import HEADERS

DEFAULT_LIMIT = 16 * 1024  # h11's, and uvicorn's, bound on a request line and its headers

DETAILS = {
    400: "not a valid HTTP/1.1 request (its request line or a header is malformed)",
    431: "the request line and headers are longer than the server accepts ({limit:,} bytes)",
}


class _RememberingConnection(h11.Connection):
    """An h11 connection that keeps the protocol error it raised last (it carries the status
    to answer with), which uvicorn catches and drops."""

    last_error: h11.RemoteProtocolError | None = None

    def next_event(self) -> Any:
        try:
            return super().next_event()
        except h11.RemoteProtocolError as error:
            self.last_error = error
            raise


class JsonErrorsH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, refusing unparsable requests as the app refuses bad ones."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit = self.config.h11_max_incomplete_event_size or DEFAULT_LIMIT
        self.conn = _RememberingConnection(h11.SERVER, self.limit)

    def send_400_response(self, msg: str) -> None:
        error = getattr(self.conn, "last_error", None)
        status = error.error_status_hint if error is not None else 400
        status = status if status in DETAILS else 400
        detail = DETAILS[status].format(limit=self.limit)
        body = json.dumps(error_body(status, detail)).encode("utf-8")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *((k.lower().encode(), v.encode()) for k, v in HEADERS.items()),
        ]
        try:
            for event in (
                h11.Response(status_code=status, headers=headers, reason=STATUS_PHRASES[status]),
                h11.Data(data=body),
                h11.EndOfMessage(),
            ):
                self.transport.write(self.conn.send(event) or b"")
        except h11.LocalProtocolError:
            pass  # a response had begun already: nothing can be said, only the close
        self.transport.close()
