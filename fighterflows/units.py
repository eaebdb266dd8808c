"""The work of an ingest cut into units that any worker can read on its own.

A plain JSONL file is cut into parts of a few megabytes at line ends, each knowing the number of
its first line (so errors and record ids name the same lines as a reading from the start);
files of other kinds, compressed ones and URLs are read whole, a few to a unit; stdin is read
by the ingest's own process, the only one that has it. Units come in the order the sources were
named (folders in sorted order), with a ReadError in its place for what cannot be listed.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fighterflows.model import ReadError
from fighterflows.read.detect import format_by_name, is_gzip_name
from fighterflows.read.errors import describe_os_error
from fighterflows.read.source import Format
from fighterflows.read.sources import STDIN, walk
from fighterflows.read.textio import looks_binary

PART_BYTES = 4 << 20  # a JSONL part: a few thousand news articles, read in well under a second
_NEWLINE = ord("\n")
GROUP_FILES = 32  # small files read by one task: fewer round trips for folders of articles


@dataclass(frozen=True, slots=True)
class Part:
    """Bytes [start, end) of a plain JSONL file: whole lines, the first of them `first_line`."""

    path: str
    start: int
    end: int
    first_line: int
    last: bool  # the file's last part: the file is judged (all blank?) once it is read


@dataclass(frozen=True, slots=True)
class Inputs:
    """Files or URLs read whole, one after the other."""

    specs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Stdin:
    """Standard input, read by the ingest's own process."""


Unit = Part | Inputs | Stdin


def plan(sources: Iterable[str], part_bytes: int = PART_BYTES) -> Iterator[Unit | ReadError]:
    """The units of work for `sources`, in order."""
    group: list[str] = []
    size = 0
    for item in _inputs(sources):
        if isinstance(item, tuple) and not _splittable(*item, part_bytes):
            group.append(item[0])
            size += item[1]
            if len(group) >= GROUP_FILES or size >= part_bytes:
                yield Inputs(tuple(group))
                group, size = [], 0
            continue
        if group:
            yield Inputs(tuple(group))
            group, size = [], 0
        if isinstance(item, tuple):
            yield from _parts(Path(item[0]), part_bytes)
        else:
            yield item
    if group:
        yield Inputs(tuple(group))


def _inputs(sources: Iterable[str]) -> Iterator[tuple[str, int] | Stdin | ReadError]:
    """Each file or URL with its size (0 for a URL), stdin, and the errors of what cannot be
    listed, as `read_sources` would meet them."""
    for spec in sources:
        name: object
        try:
            name = os.fspath(spec)
        except TypeError:
            name = None
        if not isinstance(name, str):
            yield ReadError(repr(spec), "not a path or URL")
        elif name == STDIN:
            yield Stdin()
        elif name.lower().startswith(("http://", "https://")):
            yield name, 0
        else:
            yield from _files(Path(name))


def _files(path: Path) -> Iterator[tuple[str, int] | ReadError]:
    try:
        info = path.stat()
    except OSError as error:
        yield ReadError(str(path), describe_os_error(error))
        return
    except ValueError as error:  # e.g. a NUL byte in the name
        yield ReadError(repr(str(path)), f"not a usable path ({error})")
        return
    if not stat.S_ISDIR(info.st_mode):
        yield str(path), info.st_size
        return
    found = False
    for item in walk(path):
        if isinstance(item, ReadError):
            yield item
            continue
        found = True
        try:
            yield str(item), item.stat().st_size
        except OSError:
            yield str(item), 0  # its reader will say what is wrong with it
    if not found:
        yield ReadError(str(path), "directory holds no readable files")


def _splittable(spec: str, size: int, part_bytes: int) -> bool:
    return (
        size > part_bytes
        and format_by_name(spec) is Format.JSONL
        and not is_gzip_name(spec)
        and not _binary(Path(spec))
    )


def _binary(path: Path) -> bool:
    """Binary data named .jsonl is left to the reader, which refuses the file as a whole."""
    try:
        with path.open("rb") as f:
            return looks_binary(f.read(64))
    except OSError:
        return True  # read whole, so that its reader reports the problem once


def _line_ends(block: bytes, size: int) -> int:
    """The line ends in the first `size` bytes of `block`: numpy counts them at twice the speed
    of `bytes.count` (a 1.5 GB corpus is numbered in 0.4 CPU seconds instead of 0.8, in the
    ingest's own process)."""
    return int(np.count_nonzero(np.frombuffer(block, dtype=np.uint8, count=size) == _NEWLINE))


def _parts(path: Path, part_bytes: int) -> Iterator[Part | ReadError]:
    """Cut at the last line end of each block of `part_bytes`: a line longer than a block
    makes its part longer, never split. Reading the file once here is what numbers the lines;
    it runs at the speed of the disk, well ahead of the workers."""
    pending: Part | None = None  # handed over once the next part is known: is it the last?
    start, line, position = 0, 1, 0
    try:
        with path.open("rb") as f:
            while block := f.read(part_bytes):
                cut = block.rfind(b"\n")
                if cut >= 0:
                    if pending:
                        yield pending
                    end = position + cut + 1
                    pending = Part(str(path), start, end, line, last=False)
                    # `cut` is the block's last line end: what follows it holds none
                    line += _line_ends(block, cut + 1)
                    start = end
                position += len(block)
    except OSError as error:
        yield ReadError(str(path), describe_os_error(error))
        return
    if start < position:  # the last line has no line end
        if pending:
            yield pending
        pending = Part(str(path), start, position, line, last=False)
    if pending:
        yield dataclasses.replace(pending, last=True)
