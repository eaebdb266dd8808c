"""Answers kept while the ledger does not change: the same address is rendered once per ledger
state, not once per request.

Every page and API answer is a function of the ledger's state and the address asked for; the
state's fingerprint (`LedgerState.fingerprint`, read at most once a second) changes whenever an
ingest writes. So a successful answer is kept under (fingerprint, path, query) and given again
until the fingerprint moves on. An answer is only kept when the reconciliation it was computed
from is the current one (while a new one is built, other requests are served the previous one:
those answers are not kept). Kept answers are bounded in total size (least recently used go
first); one larger than `MAX_ENTRY` is never kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY = 4 * 1024 * 1024
NOT_KEPT = ("/static/", "/favicon.ico")  # files: served from disk, cheap already

Key = tuple[object, str, bytes]


@dataclass(frozen=True, slots=True)
class Kept:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class Answers:
    """Kept answers, least recently used first; at most `limit` bytes of bodies."""

    def __init__(self, limit: int = MAX_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self._kept: OrderedDict[Key, Kept] = OrderedDict()

    def get(self, key: Key) -> Kept | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: Key, kept: Kept) -> None:
        old = self._kept.pop(key, None)
        self.size -= len(old.body) if old else 0
        self._kept[key] = kept
        self.size += len(kept.body)
        while self.size > self.limit and self._kept:
            _, dropped = self._kept.popitem(last=False)
            self.size -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._kept)


class AnswerCache:
    """Pure ASGI middleware (it runs on the event loop only: no lock needed)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BYTES) -> None:
        self.app = app
        self.answers = Answers(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(NOT_KEPT):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state.ledger_state
        fingerprint = await anyio.to_thread.run_sync(state.fingerprint)
        key: Key = (fingerprint, path, scope.get("query_string", b""))
        kept = self.answers.get(key)
        if kept is not None:
            await _replay(kept, send)
            return
        keep = state.is_current(fingerprint)
        recorder = _Recorder(send)
        await self.app(scope, receive, recorder.send)
        if keep and recorder.kept is not None:
            self.answers.put(key, recorder.kept)


class _Recorder:
    """Passes an answer on while keeping a copy of it, if it is a whole 200 small enough."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._status = 0
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._size = 0
        self._keeping = True
        self.kept: Kept | None = None

    async def send(self, message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self._status = message["status"]
            self._headers = list(message.get("headers", []))
            self._keeping = self._status == 200
        elif message["type"] == "http.response.body" and self._keeping:
            chunk = bytes(message.get("body", b""))
            self._size += len(chunk)
            self._keeping = self._size <= MAX_ENTRY
            self._body.append(chunk)
            if self._keeping and not message.get("more_body", False):
                self.kept = Kept(self._status, self._headers, b"".join(self._body))
        await self._send(message)


async def _replay(kept: Kept, send: Send) -> None:
    start: Message = {
        "type": "http.response.start",
        "status": kept.status,
        "headers": list(kept.headers),
    }
    await send(start)
    await send({"type": "http.response.body", "body": kept.body, "more_body": False})
