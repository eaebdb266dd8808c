"""Reading a unit of work and keeping what the prefilter passes, in a worker.

A worker reads its unit (a part of a JSONL file, a few files, a URL), judges every document
with the extractor's prefilter and writes those that pass to a spill file beside the others;
what comes back is small: counts, read errors, and the content hash and spill offset of each
document that passed. The ingest asks the ledger which of those it already holds and sends the
rest to be extracted (`spilled` reads them back): only relevant documents travel, and a
document the prefilter rejects costs its reading and nothing more (in a JSONL corpus, not even a
Document: its text is judged straight from the record).
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fighterflows.extract import prefilter
from fighterflows.model import Document, ReadError
from fighterflows.ranks import DocumentRank, document_rank
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.corpus import jsonl_results
from fighterflows.read.detect import format_by_name
from fighterflows.read.source import Format, ReadResult
from fighterflows.read.sources import NUL, REPLACEMENT, file_source, guarded, without_nul
from fighterflows.units import Part, Stdin, Unit


@dataclass(frozen=True, slots=True)
class Scanned:
    """What a worker found in one unit."""

    spill: str  # where the documents that passed wait (no file when none did)
    # (content hash, offset in the spill, rank of the record among records of the same text)
    relevant: tuple[tuple[str, int, DocumentRank], ...]
    errors: tuple[ReadError, ...]
    read: int  # documents read (relevant or not)
    rejected: int  # of those, the ones the prefilter rejected: nothing of them is kept
    records: int  # results: for a JSONL part, its non-blank lines (a file of blank lines is an
    # error, which only the ingest, seeing every part, can tell)


_JUDGE = prefilter()  # bound once: the package's wrapper imports at every call


def passes(text: str) -> bool:
    """The prefilter, on the text a Document would hold (NUL is made visible there too)."""
    return _JUDGE(text.replace(NUL, REPLACEMENT) if NUL in text else text)


def scan(unit: Unit, options: ReadOptions, spill: str) -> Scanned:
    """Read `unit`, keep the documents the prefilter passes in the file `spill`."""
    relevant: list[tuple[str, int, DocumentRank]] = []
    errors: list[ReadError] = []
    read = rejected = records = 0
    with _Spill(spill) as out:
        for result in _results(unit, options):
            records += 1
            if isinstance(result, ReadError):
                errors.append(result)
                continue
            read += 1
            if result is None or not passes(result.text):
                rejected += 1
                continue
            rank = document_rank(result.published, result.id, result.uri, result.title)
            relevant.append((result.content_hash, out.write(result), rank))
    return Scanned(spill, tuple(relevant), tuple(errors), read, rejected, records)


def _results(unit: Unit, options: ReadOptions) -> Iterator[ReadResult | None]:
    if isinstance(unit, Part):
        yield from _judged(guarded(unit.path, lambda: _part(unit, options)))
    elif isinstance(unit, Stdin):
        yield from read_sources(["-"], options)
    else:
        for spec in unit.specs:
            yield from _whole(spec, options)


def _whole(spec: str, options: ReadOptions) -> Iterator[ReadResult | None]:
    """A file or URL, as `read_sources` reads it; a JSONL file judged record by record."""
    if format_by_name(spec) is not Format.JSONL or spec.lower().startswith(("http:", "https:")):
        yield from read_sources([spec], options)
        return

    path = Path(spec)

    def records() -> Iterator[ReadResult | None]:
        source = file_source(path)
        with source.open() as stream:
            yield from jsonl_results(stream, source, options, keep=passes)

    yield from _judged(guarded(str(path), records))


def _part(part: Part, options: ReadOptions) -> Iterator[ReadResult | None]:
    source = file_source(Path(part.path))
    with open(part.path, "rb") as raw:
        raw.seek(part.start)
        stream = io.BufferedReader(_Window(raw, part.end - part.start))
        yield from jsonl_results(
            stream, source, options, first_line=part.first_line, whole=False, keep=passes
        )


def _judged(results: Iterator[ReadResult | None]) -> Iterator[ReadResult | None]:
    """NUL made visible, as `read_sources` does."""
    for result in results:
        yield result if result is None else without_nul(result)


class _Window(io.RawIOBase):
    """The next `size` bytes of a file, as a stream of their own."""

    def __init__(self, raw: BinaryIO, size: int) -> None:
        self._raw, self._left = raw, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)


class _Spill:
    """Documents pickled one after the other; the file is made with the first of them."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._file: BinaryIO | None = None

    def __enter__(self) -> _Spill:
        return self

    def __exit__(self, *_: object) -> None:
        if self._file is not None:
            self._file.close()

    def write(self, document: Document) -> int:
        if self._file is None:
            self._file = open(self._path, "wb")  # noqa: SIM115 - closed on exit
        offset = self._file.tell()
        pickle.dump(document, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return offset


def spilled(path: str, offsets: Sequence[int]) -> list[Document]:
    """The documents at `offsets` in a spill file, in that order."""
    documents: list[Document] = []
    if not offsets:
        return documents  # no document passed: there is no file
    with open(path, "rb") as f:
        for offset in offsets:
            f.seek(offset)
            documents.append(pickle.load(f))
    return documents
