"""Lines of a byte stream, each read with a size cap so a 1 GB line is skipped, never loaded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.textio import CHUNK_BYTES, looks_binary

_UTF8_BOM = b"\xef\xbb\xbf"
# Big steps through a line being skipped: fewer calls, and nothing is kept.
_SKIP_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Line:
    """Line `number` (1-based) as text, or `problem` saying why it has none."""

    number: int
    text: str = ""
    problem: str | None = None


def record_line_limit(options: ReadOptions) -> int:
    """Bytes allowed for one record line: room for `max_chars` characters of UTF-8 and markup."""
    return 4 * options.max_chars + CHUNK_BYTES


def bounded_lines(
    stream: BinaryIO, limit: int, *, kind: str, first_line: int = 1
) -> Iterator[Line]:
    """The lines of `stream`, decoded; an overlong or undecodable line comes with a problem.

    Raises ReadFailure for an empty or binary stream (`kind` names what was expected): binary
    data is recognised in its first chunk, before a line of it is gathered. A stream that is a
    later part of a file (`first_line` > 1: the number of its first line) is not the file's
    start: those checks were the first part's.
    """
    start = number = first_line - 1
    while True:
        first = stream.readline(CHUNK_BYTES)
        if not first:
            if number == 0:
                raise ReadFailure("file is empty")
            return
        if number == start == 0:
            if looks_binary(first):
                raise ReadFailure(f"binary file, not {kind}")
            first = first.removeprefix(_UTF8_BOM)
        number += 1
        raw = _rest_of_line(stream, first, limit)
        if raw is None:
            yield Line(number, problem=f"line {number} longer than {limit:,} bytes")
        else:
            yield _decoded(number, raw)


def _rest_of_line(stream: BinaryIO, first: bytes, limit: int) -> bytes | None:
    """The whole line that starts with `first`, or None (and the line skipped) past `limit`."""
    pieces, size = [first], len(first)
    while size <= limit and not pieces[-1].endswith(b"\n"):
        piece = stream.readline(min(CHUNK_BYTES, limit + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if size <= limit:
        return b"".join(pieces)
    if not pieces[-1].endswith(b"\n"):
        _skip_rest_of_line(stream)
    return None


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        rest = stream.readline(_SKIP_BYTES)
        if not rest or rest.endswith(b"\n"):
            return


def _decoded(number: int, raw: bytes) -> Line:
    try:
        return Line(number, raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        byte, column = raw[error.start], error.start + 1
        problem = f"line {number} is not valid UTF-8 (byte 0x{byte:02x} at column {column})"
        return Line(number, problem=problem)
