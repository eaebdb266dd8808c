"""Decode a byte stream to text chunk by chunk, refusing binary, bad UTF-8 and huge inputs early.

Nothing here holds more than one chunk beyond the text it returns, and that text is capped by
`ReadOptions.max_chars`, so a 1 GB line costs one chunk of memory before it is refused.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from typing import BinaryIO

from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions

CHUNK_BYTES = 1 << 16
_BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes that do not occur in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def looks_binary(sample: bytes) -> bool:
    """True for data that is not text in any encoding: NUL bytes or many control bytes."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample[:4096] if b in _CONTROL)
    return controls > len(sample[:4096]) * 0.1


@dataclass(slots=True)
class _LineCheck:
    """Counts lines across chunks and refuses one longer than the limit."""

    limit: int
    line: int = 1
    length: int = 0

    def feed(self, text: str) -> None:
        start = 0
        while True:
            end = text.find("\n", start)
            if end < 0:
                self.length += len(text) - start
                self._check()
                return
            self.length += end - start
            self._check()
            self.line += 1
            self.length = 0
            start = end + 1

    def _check(self) -> None:
        if self.length > self.limit:
            raise ReadFailure(f"line {self.line} longer than {self.limit:,} characters: not prose")


def decode_stream(stream: BinaryIO, options: ReadOptions, *, check_lines: bool = True) -> str:
    """The whole stream as text with newlines normalised to "\\n" and any BOM removed.

    Raises ReadFailure for an empty stream, binary data, invalid UTF-8, a line longer than
    `options.max_line_chars` (when `check_lines`) or a text longer than `options.max_chars`.
    """
    parts: list[str] = []
    lines = _LineCheck(options.max_line_chars)
    pending = b""
    offset = 0
    total = 0
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if offset == 0 and not pending and not chunk:
            raise ReadFailure("file is empty")
        if offset == 0 and not pending and chunk[:2] in _UTF16_BOMS:
            raise ReadFailure("UTF-16 text, not UTF-8")
        if b"\x00" in chunk:
            raise ReadFailure("binary file, not text")
        data = pending + chunk
        text, used = _decode(data, offset, final=not chunk)
        pending = data[used:]
        offset += used
        total += len(text)
        if total > options.max_chars:
            raise ReadFailure(f"longer than {options.max_chars:,} characters")
        if check_lines:
            lines.feed(text)
        parts.append(text)
        if not chunk:
            break
    return normalise_newlines("".join(parts))


def _decode(data: bytes, offset: int, *, final: bool) -> tuple[str, int]:
    try:
        return codecs.utf_8_decode(data, "strict", final)
    except UnicodeDecodeError as error:
        if offset == 0 and looks_binary(data):
            raise ReadFailure("binary file, not text") from None
        bad = data[error.start]
        raise ReadFailure(
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {offset + error.start})"
        ) from None


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn Windows and old Mac line ends into "\\n"."""
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_bytes(data: bytes, options: ReadOptions, *, check_lines: bool = True) -> str:
    """`decode_stream` for bytes already in memory (a download, a WARC record)."""
    return decode_stream(io.BytesIO(data), options, check_lines=check_lines)


def read_limited(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of `stream`, refused with a ReadFailure once it passes `limit` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadFailure(f"{what} larger than {limit:,} bytes")
    return bytes(data)
