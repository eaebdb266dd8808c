"""Lines of a byte stream, each read with a size cap so a 1 GB line is skipped, never loaded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.textio import CHUNK_BYTES, looks_binary

_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Line:
    """Line `number` (1-based) as text, or `problem` saying why it has none."""

    number: int
    text: str = ""
    problem: str | None = None


def record_line_limit(options: ReadOptions) -> int:
    """Bytes allowed for one record line: room for `max_chars` characters of UTF-8 and markup."""
    return 4 * options.max_chars + CHUNK_BYTES


def bounded_lines(stream: BinaryIO, limit: int, *, kind: str) -> Iterator[Line]:
    """The lines of `stream`, decoded; an overlong or undecodable line comes with a problem.

    Raises ReadFailure for an empty or binary stream (`kind` names what was expected).
    """
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            if number == 0:
                raise ReadFailure("file is empty")
            return
        if number == 0:
            if looks_binary(raw[:CHUNK_BYTES]):
                raise ReadFailure(f"binary file, not {kind}")
            raw = raw.removeprefix(_UTF8_BOM)
        number += 1
        if len(raw) > limit:
            _skip_rest_of_line(stream)
            yield Line(number, problem=f"line {number} longer than {limit:,} bytes")
            continue
        yield _decoded(number, raw)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        rest = stream.readline(CHUNK_BYTES)
        if not rest or rest.endswith(b"\n"):
            return


def _decoded(number: int, raw: bytes) -> Line:
    try:
        return Line(number, raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        byte, column = raw[error.start], error.start + 1
        problem = f"line {number} is not valid UTF-8 (byte 0x{byte:02x} at column {column})"
        return Line(number, problem=problem)
