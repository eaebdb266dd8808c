"""WARC archives (plain or gzipped) through fastwarc, streamed record by record.

Successful HTTP responses holding HTML, plain text, Markdown or PDF become Documents whose id is
the target URI. Other records (requests, redirects, images, scripts) are passed over. A broken
record gives a ReadError, and reading resumes at the next record found after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from fighterflows.model import ReadError
from fighterflows.read.detect import GZIP_MAGIC, format_by_media_type
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.payload import payload_document
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import CHUNK_BYTES

_PLAIN_START = b"WARC/1."
_GZIP_START = GZIP_MAGIC + b"\x08"


def read_warc(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        head = stream.read(8)
        if not head:
            raise ReadFailure("file is empty")
        if not head.startswith((GZIP_MAGIC, b"WARC/")):
            raise ReadFailure("not a WARC file")
        marker = _GZIP_START if head.startswith(GZIP_MAGIC) else _PLAIN_START
        seen = given = 0
        for item in _records(stream, source, options, marker):
            seen += 1
            if item is not None:
                given += 1
                yield item
        if seen == 0:
            raise ReadFailure("WARC holds no response records")
        if given == 0:
            raise ReadFailure(
                f"WARC holds no readable responses ({seen} passed over: "
                "not a 2xx status, or not HTML, text or PDF)"
            )


def _records(
    stream: BinaryIO, source: Source, options: ReadOptions, marker: bytes
) -> Iterator[ReadResult | None]:
    """Each record's result (None for one passed over), resuming after a broken record."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    base: int | None = 0
    while base is not None:
        stream.seek(base)
        last = base
        records = ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False
        )
        try:
            for record in records:
                last = base + record.stream_pos
                yield _record_result(record, source, options)
            return
        except OSError as error:
            yield ReadError(source.where, f"broken WARC record after byte {last} ({error})")
            base = _next_marker(stream, last + 1, marker)


def _next_marker(stream: BinaryIO, start: int, marker: bytes) -> int | None:
    """The offset of the next `marker` at or after `start`, or None at the end of the file."""
    stream.seek(start)
    offset, carry = start, b""
    while chunk := stream.read(CHUNK_BYTES):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return offset - len(carry) + found
        carry = window[-(len(marker) - 1) :]
        offset += len(chunk)
    return None


def _record_result(record: Any, source: Source, options: ReadOptions) -> ReadResult | None:
    uri = str(record.headers.get("WARC-Target-URI") or "")
    http = record.http_headers
    status = getattr(http, "status_code", None)
    if not isinstance(status, int) or not 200 <= status < 300:
        return None
    fmt = format_by_media_type(record.http_content_type)
    if fmt is None:
        return None
    limit = 10 * options.max_chars
    data = bytes(record.reader.read(limit + 1))
    where = f"{source.where}:{uri}"
    if len(data) > limit:
        return ReadError(where, f"record larger than {limit:,} bytes")
    try:
        return payload_document(data, fmt, name=uri, uri=uri, options=options)
    except ReadFailure as failure:
        return ReadError(where, failure.reason)
