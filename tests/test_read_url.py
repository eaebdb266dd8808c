"""URLs against a local HTTP server on 127.0.0.1 (never the internet): pages, errors, timeouts."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources

HTML = (
    b"<html><head><title>Page</title>"
    b'<meta name="date" content="2016-02-03"></head>'
    b"<body><article><p>Some 850 fighters returned.</p></article></body></html>"
)
JSONL = gzip.compress(
    json.dumps({"id": "r1", "text": "Record one."}).encode() + b"\n" + b"{broken\n"
)

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", HTML),
    "/notes.txt": (200, "text/plain", b" date 2015-01-02 Notes from a URL."),
    "/corpus.jsonl.gz": (200, "application/octet-stream", JSONL),
    "/fail": (500, "text/plain", b"server error"),
    "/missing": (404, "text/html", b"<p>not here</p>"),
    "/big": (200, "text/plain", b"x" * 5000),
    "/empty": (200, "text/html", b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/trickle":
            self._trickle()
            return
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self) -> None:
        # Each byte comes in well within the read timeout, but the whole takes too long.
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(20):
            self.wfile.write(b"word ")
            self.wfile.flush()
            time.sleep(0.1)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = ReadOptions(timeout=0.5, max_download_bytes=1000)


def read_all(*sources: str, options: ReadOptions = FAST) -> list[object]:
    return list(read_sources(list(sources), options))


def test_html_page(server: str) -> None:
    url = f"{server}/page"
    assert read_all(url) == [
        Document(
            id=url,
            text="Some 850 fighters returned.",
            uri=url,
            title="Page",
            published="2016-02-03",
            url=url,
            accessed=dt.date.today().isoformat(),  # fetched today
        )
    ]


def test_redirect_keeps_the_asked_url_as_id(server: str) -> None:
    (doc,) = read_all(f"{server}/redirect")
    assert isinstance(doc, Document)
    assert (doc.id, doc.uri) == (f"{server}/redirect", f"{server}/page")


def test_text_with_date_header(server: str) -> None:
    url = f"{server}/notes.txt"
    assert read_all(url) == [
        Document(
            id=url,
            text="Notes from a URL.",
            uri=url,
            published="2015-01-02",
            url=url,
            accessed=dt.date.today().isoformat(),
        )
    ]


def test_gzipped_corpus(server: str) -> None:
    url = f"{server}/corpus.jsonl.gz"
    doc, err = read_all(url)
    assert doc == Document(id="r1", text="Record one.", uri=url)
    assert isinstance(err, ReadError)
    assert err.where == f"{url}:2"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/fail", "HTTP 500 from {url}"),
        ("/missing", "HTTP 404 from {url}"),
        ("/big", "download larger than 1,000 bytes"),
        ("/empty", "file is empty"),
        ("/slow", "timed out after 0.5 s"),
        ("/trickle", "timed out after 0.5 s"),
    ],
    ids=["500", "404", "too-big", "empty", "slow", "trickle"],
)
def test_errors(server: str, path: str, reason: str) -> None:
    url = f"{server}{path}"
    started = time.monotonic()
    err, doc = read_all(url, f"{server}/page")
    assert err == ReadError(url, reason.format(url=url))
    assert isinstance(doc, Document)
    assert time.monotonic() - started < 1.5


def test_connection_refused() -> None:
    url = "http://127.0.0.1:9/nothing"  # the discard port: nothing listens there
    (err,) = read_all(url)
    assert isinstance(err, ReadError)
    assert err.where == url
    assert err.reason.startswith(f"could not fetch {url} (")
