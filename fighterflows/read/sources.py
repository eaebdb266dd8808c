"""Dispatch over what a user names: files, directories, `-` (stdin), URLs, `.gz` files.

Every failure becomes a `ReadError` naming the input and the reason, and reading goes on with
the next input: nothing here raises for bad input. Everything is a generator, so a directory of
a million files or a corpus of a million records is read one document at a time.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from fighterflows.model import ReadError
from fighterflows.read.detect import (
    GZIP_MAGIC,
    format_by_content,
    format_by_name,
    is_gzip_name,
    skipped_in_directory,
)
from fighterflows.read.errors import ReadFailure, describe_os_error
from fighterflows.read.meter import ByteMeter, open_metered
from fighterflows.read.options import ReadOptions
from fighterflows.read.readers import reader_for
from fighterflows.read.source import Format, ReadResult, Source

STDIN = "-"
T = TypeVar("T")
# ReadOptions is frozen, so one shared default is safe.
DEFAULT_OPTIONS = ReadOptions()


def read_sources(
    sources: Iterable[str], options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[ReadResult]:
    """Documents from each named input, in order, with a ReadError for each that fails."""
    for spec in sources:
        for result in read_one(spec, options):
            yield without_nul(result)


NUL, REPLACEMENT = "\x00", "\ufffd"


def without_nul(result: ReadResult) -> ReadResult:
    """NUL made visible as U+FFFD, one character for one, so offsets still index the text: no
    database stores NUL in text (PostgreSQL refuses it), and no reader needs it."""
    if isinstance(result, ReadError):
        if NUL in result.where or NUL in result.reason:
            return ReadError(_visible(result.where), _visible(result.reason))
        return result
    texts: dict[str, Any] = {
        f.name: value
        for f in dataclasses.fields(result)
        if f.init and isinstance(value := getattr(result, f.name), str) and NUL in value
    }
    if not texts:
        return result
    visible: dict[str, Any] = {k: _visible(v) for k, v in texts.items()}
    return dataclasses.replace(result, **visible)


def _visible(text: str) -> str:
    return text.replace(NUL, REPLACEMENT)


def read_one(spec: str, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[ReadResult]:
    """What one input names: a file, a directory, `-` for stdin, or an http(s) URL."""
    name: object
    try:
        name = os.fspath(spec)  # a Path works too
    except TypeError:
        name = None
    if not isinstance(name, str):
        yield ReadError(repr(spec), "not a path or URL")
    elif name == STDIN:
        yield from read_source(stdin_source(), options)
    elif name.lower().startswith(("http://", "https://")):
        from fighterflows.read.url import read_url  # httpx is only needed for URLs

        yield from read_url(name, options)
    else:
        yield from read_path(Path(name), options)


def read_path(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        yield ReadError(str(path), describe_os_error(error))
        return
    except ValueError as error:  # e.g. a NUL byte in the name
        yield ReadError(repr(str(path)), f"not a usable path ({error})")
        return
    if stat.S_ISDIR(mode):
        yield from read_directory(path, options)
    else:
        yield from read_file(path, options)


def read_directory(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    """Every readable file under `path`, recursively, in sorted order, hidden ones skipped."""
    found = False
    for item in walk(path):
        if isinstance(item, ReadError):
            yield item
            continue
        found = True
        yield from read_file(item, options)
    if not found:
        yield ReadError(str(path), "directory holds no readable files")


def walk(path: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | ReadError]:
    """Files under `path` in sorted order. Linked folders are read like folders; a folder
    already read (a link back up the tree) is not read twice, so a loop ends."""
    seen = set() if seen is None else seen
    try:
        info = path.stat()
        with os.scandir(path) as entries:
            listed = sorted(entries, key=lambda e: e.name)
    except OSError as error:
        yield ReadError(str(path), describe_os_error(error))
        return
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in listed:
        if skipped_in_directory(entry.name):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(Path(entry.path), seen)
        else:
            yield Path(entry.path)


def read_file(path: Path, options: ReadOptions) -> Iterator[ReadResult]:
    def results() -> Iterator[ReadResult]:
        source = file_source(path, options.meter)
        yield from reader_for(source.format)(source, options)

    yield from guarded(str(path), results)


def file_source(path: Path, meter: ByteMeter | None = None) -> Source:
    """A Source for a file, by extension, else by content; gzip is opened decompressed.

    WARC is the exception: fastwarc reads gzipped WARC itself, record member by member.
    `meter` counts the bytes read from the file (compressed, as they are on disk).
    """
    fmt = format_by_name(path.name)
    compressed = is_gzip_name(path.name)
    if fmt is None:
        head = _head(path, compressed=False)
        compressed = compressed or head.startswith(GZIP_MAGIC)
        fmt = format_by_content(_head(path, compressed=True) if compressed else head)
    decompress = compressed and fmt is not Format.WARC

    def opener() -> BinaryIO:
        return _open(path, compressed=decompress, meter=meter)

    return Source(where=str(path), name=path.name, uri=str(path), open=opener, format=fmt)


def _open(path: Path, *, compressed: bool, meter: ByteMeter | None = None) -> BinaryIO:
    stream = open_metered(path, meter)
    if compressed:
        return cast(BinaryIO, _GzipOwning(stream))
    return stream


class _GzipOwning(gzip.GzipFile):
    """A gzip stream over a file it closes with itself (GzipFile leaves a file it was given
    open)."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(fileobj=stream, mode="rb")
        self._owned = stream

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._owned.close()


def _head(path: Path, *, compressed: bool) -> bytes:
    with _open(path, compressed=compressed) as stream:
        return stream.read(64)


def read_source(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    """Run the reader for `source.format`, turning any failure into a ReadError."""
    yield from guarded(source.where, lambda: reader_for(source.format)(source, options))


def guarded(where: str, results: Callable[[], Iterator[T]]) -> Iterator[T | ReadError]:
    """The results, with an exception from the reader turned into one final ReadError."""
    try:
        yield from results()
    except ReadFailure as failure:
        yield ReadError(where, failure.reason)
    except gzip.BadGzipFile:
        yield ReadError(where, "not gzip data")
    except EOFError:
        yield ReadError(where, "truncated compressed data")
    except zlib.error as error:
        yield ReadError(where, f"corrupt compressed data ({error})")
    except OSError as error:
        yield ReadError(where, describe_os_error(error))
    except MemoryError:
        yield ReadError(where, "too large to read into memory")
    except Exception as error:  # bad input must never stop a batch
        yield ReadError(where, f"unexpected {type(error).__name__}: {error}")


class _KeepOpen(io.RawIOBase):
    """Stdin seen through a stream whose close() leaves stdin open."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def stdin_source() -> Source:
    def opener() -> BinaryIO:
        return cast(BinaryIO, io.BufferedReader(_KeepOpen(sys.stdin.buffer)))

    return Source(where="<stdin>", name="stdin", uri=None, open=opener, format=Format.TEXT)
