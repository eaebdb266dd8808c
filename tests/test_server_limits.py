"""Requests the server refuses before the app sees them (malformed, or headers past h11's
16 KiB) are answered like any other error: the API's JSON shape and our security headers
(issue 13, item 9: they were text/plain 400s without either). A real `serve` process."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_fixtures import fill_ledger, free_port

from fighterflows.web.security import HEADERS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    db = fill_ledger(tmp_path_factory.mktemp("limits") / "ledger.db")
    number = free_port()
    code = f"from fighterflows.web.app import serve; serve({db!r}, '127.0.0.1', {number})"
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", number), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        yield number
    finally:
        process.terminate()
        process.wait(timeout=20)


def exchange(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes a piece at a time, as a slow client would, until the server answers;
    read the answer until the server closes: (status, headers, body)."""
    import select

    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        for at in range(0, len(request), 4096):
            if select.select([s], [], [], 0.01)[0]:
                break  # answered before the whole request was sent: stop sending
            s.sendall(request[at : at + 4096])
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except ConnectionResetError:
            assert answer, "the server reset the connection without an answer"
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines)}
    return int(status_line.split()[1]), headers, body


BIG = 64 * 1024
CASES = [
    ("garbage-request-line", b"GARBAGE\r\n\r\n", 400),
    ("space-in-a-header-name", b"GET /api/table HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n", 400),
    (
        "bad-content-length",
        b"GET /api/table HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n",
        400,
    ),
    (
        "header-past-16-KiB",
        b"GET /api/table HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * BIG + b"\r\n\r\n",
        431,
    ),
    ("url-past-16-KiB", b"GET /search?q=" + b"a" * BIG + b" HTTP/1.1\r\nHost: x\r\n\r\n", 431),
]


@pytest.mark.parametrize(
    ("request_bytes", "status"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_request_the_server_refuses_gets_our_shape_and_headers(
    port: int, request_bytes: bytes, status: int
) -> None:
    code, headers, body = exchange(port, request_bytes)
    assert code == status
    assert headers["content-type"] == "application/json"
    for name, value in HEADERS.items():
        assert headers[name.lower()] == value
    error = json.loads(body)["error"]
    assert error["status"] == status and error["title"] and error["detail"]


def test_a_good_request_on_the_same_server_is_answered(port: int) -> None:
    code, headers, body = exchange(
        port, b"GET /api/table HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert code == 200 and json.loads(body)["rows"]
    assert headers["content-security-policy"] == HEADERS["Content-Security-Policy"]
