"""WARC archives (plain or gzipped) through fastwarc, streamed record by record.

Successful HTTP responses holding HTML, plain text, Markdown or PDF become Documents whose id is
the target URI; the record's `WARC-Target-URI` and `WARC-Date` say where the page was published
and when it was captured (what the page declares itself comes first). Other records
(requests, redirects, images, scripts) are passed over. A broken record gives a ReadError, and
reading resumes at the next record found after it; a file cut inside its last record says so
(the records before it are kept).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from fighterflows.model import ReadError
from fighterflows.read.citing import Cited, web_address
from fighterflows.read.dates import normalise_date
from fighterflows.read.detect import GZIP_MAGIC, format_by_media_type
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.payload import payload_document
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import CHUNK_BYTES

_PLAIN_START = b"WARC/1."
_HEADER_BYTES = 64 * 1024
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)")
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
    """Each record's result (None for one passed over), resuming after a broken record. A
    record is given once the next one starts, or once the file is seen to hold all of it: a
    file cut inside its last record is reported, never read as if whole."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    base: int | None = 0
    while base is not None:
        stream.seek(base)
        last: int | None = None
        pending: list[ReadResult | None] = []  # the record read last, given once it is whole
        try:
            for record in ArchiveIterator(stream, parse_http=True, fsspec_args=False):
                yield from pending
                last = record.stream_pos  # fastwarc counts from the start of the file
                response = record.record_type == WarcRecordType.response
                pending = [_record_result(record, source, options)] if response else []
        except OSError as error:
            yield from pending
            at = base if last is None else last
            base = _next_marker(stream, at + 1, marker)
            cut = _last_cut_off(stream, source, base, marker)
            reason = cut or f"broken WARC record after byte {at} ({error})"
            yield ReadError(source.where, reason)
            if cut:
                return
            continue
        cut = None if last is None else _cut_off(source, last, marker)
        yield from pending if cut is None else [ReadError(source.where, cut)]
        return


def _last_cut_off(stream: BinaryIO, source: Source, start: int | None, marker: bytes) -> str | None:
    """Why the record at `start` is incomplete, when it is the file's last and is cut off."""
    if start is None or _next_marker(stream, start + 1, marker) is not None:
        return None
    return _cut_off(source, start, marker)


def _cut_off(source: Source, start: int, marker: bytes) -> str | None:
    """Why the last record, at byte `start`, is incomplete; None when the file holds it all."""
    with source.open() as check:
        size = check.seek(0, 2)
        if marker == _GZIP_START:
            whole = _gzip_complete(check, start) or _gzip_complete(check, 0)
        else:
            whole = _plain_complete(check, start, size)
    if whole:
        return None
    return f"WARC is cut off: the record at byte {start} runs past the end ({size} bytes)"


def _gzip_complete(stream: BinaryIO, start: int) -> bool:
    """Whether the gzip members from `start` to the end of the file are all whole."""
    stream.seek(start)
    if stream.read(2) != GZIP_MAGIC:
        return False
    stream.seek(start)
    inflate = zlib.decompressobj(wbits=31)
    pending = b""
    try:
        while True:
            if not pending and not (pending := stream.read(CHUNK_BYTES)):
                return inflate.eof
            if inflate.eof:
                pending = pending.lstrip(b"\0")  # padding between members
                if not pending:
                    continue
                inflate = zlib.decompressobj(wbits=31)
            inflate.decompress(pending, CHUNK_BYTES)  # bounded output: memory stays small
            pending = inflate.unconsumed_tail + inflate.unused_data
    except zlib.error:
        return False


def _plain_complete(stream: BinaryIO, start: int, size: int) -> bool:
    """Whether the plain WARC record at `start` (headers, then Content-Length bytes) fits."""
    stream.seek(start)
    head = stream.read(_HEADER_BYTES)
    end = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head[:end]) if end >= 0 else None
    return length is not None and start + end + 4 + int(length.group(1)) <= size


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
        document = payload_document(data, fmt, name=uri, uri=uri, options=options)
    except ReadFailure as failure:
        return ReadError(where, failure.reason)
    captured = normalise_date(str(record.headers.get("WARC-Date") or ""))
    return Cited(url=web_address(uri), accessed=captured).fill(document)
