"""URLs (http and https) through httpx, with a timeout, an overall deadline and a size cap.

The body is read in chunks and refused as soon as it passes `max_download_bytes`; then it goes
to the reader its Content-Type (else its extension, else its first bytes) calls for, so a URL
can name an HTML page, a PDF, a text file, a JSONL corpus or a gzipped one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast
from urllib.parse import urlsplit

import httpx

from fighterflows.model import Document
from fighterflows.read.citing import Cited, web_address
from fighterflows.read.detect import (
    GZIP_MAGIC,
    format_by_content,
    format_by_media_type,
    format_by_name,
)
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.readers import reader_for
from fighterflows.read.source import Format, ReadResult, Source

USER_AGENT = "fighterflows/0.1 (+https://github.com/fighterflows)"


@dataclass(frozen=True, slots=True)
class Download:
    url: str  # as asked for: it names the documents and the errors
    final_url: str  # after redirects
    body: bytes
    content_type: str | None


# A page, not a corpus: its address and the day it was fetched are its own.
SINGLE_DOCUMENTS = frozenset({Format.HTML, Format.PDF, Format.TEXT, Format.MARKDOWN})


def read_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    from fighterflows.read.sources import guarded

    def results() -> Iterator[ReadResult]:
        download = fetch(url, options)
        source = download_source(download)
        fetched = Cited(url=web_address(download.final_url), accessed=dt.date.today().isoformat())
        single = source.format in SINGLE_DOCUMENTS
        for result in reader_for(source.format)(source, options):
            yield fetched.fill(result) if single and isinstance(result, Document) else result

    yield from guarded(url, results)


def fetch(url: str, options: ReadOptions) -> Download:
    """The body of `url`; ReadFailure for an HTTP error, a timeout or an oversized body."""
    timeout = float(options.timeout)
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True) as client,
            client.stream("GET", url, headers={"User-Agent": USER_AGENT}) as response,
        ):
            if response.status_code >= 400:
                raise ReadFailure(f"HTTP {response.status_code} from {url}")
            body = _body(response, options, deadline=time.monotonic() + timeout)
            return Download(url, str(response.url), body, response.headers.get("content-type"))
    except httpx.TimeoutException:
        raise ReadFailure(f"timed out after {timeout} s") from None
    except httpx.HTTPError as error:
        raise ReadFailure(f"could not fetch {url} ({_first_line(error)})") from None


def _body(response: httpx.Response, options: ReadOptions, deadline: float) -> bytes:
    limit = options.max_download_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ReadFailure(f"download larger than {limit:,} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise ReadFailure(f"download larger than {limit:,} bytes")
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)


def download_source(download: Download) -> Source:
    """A Source over a downloaded body, in the format it declares or looks like."""
    name = urlsplit(download.final_url).path.rsplit("/", 1)[-1]
    compressed = download.body.startswith(GZIP_MAGIC)
    fmt = _declared_format(download.content_type, name)
    body = download.body

    def opener() -> BinaryIO:
        if compressed and fmt is not Format.WARC:
            return cast(BinaryIO, gzip.GzipFile(fileobj=io.BytesIO(body)))
        return io.BytesIO(body)

    if fmt is None:
        with opener() as stream:
            fmt = format_by_content(stream.read(64))
    url = download.url
    return Source(where=url, name=url, uri=download.final_url, open=opener, format=fmt)


def _declared_format(content_type: str | None, name: str) -> Format | None:
    """HTML and PDF by media type; else the extension, as servers call most files text/plain."""
    by_media = format_by_media_type(content_type)
    if by_media in (Format.HTML, Format.PDF):
        return by_media
    return format_by_name(name) or by_media


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
