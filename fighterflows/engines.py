"""Where an ingest's work runs: in its own process, in a process pool, or (scale.py) on Dask.

The work is two kinds of task: scanning a unit (read + prefilter, scan.py) and extracting a
batch of the documents a scan kept; an engine starts either and hands back something with
`done()` and `result()`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from fighterflows.dedup import signature
from fighterflows.extract import VERSION, extract_document
from fighterflows.model import Document
from fighterflows.read import ReadOptions
from fighterflows.rows import EstimateRow, estimate_rows
from fighterflows.scan import scan, spilled
from fighterflows.units import Unit


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a worker hands back for one document that passed the prefilter: its estimates as
    the ledger's rows, made here (plain tuples cost the ingest's own process a tenth of what
    unpickling Estimate objects and making their rows there did)."""

    document: Document
    rows: tuple[EstimateRow, ...]
    found: int  # estimates the extractor found (the same figure twice at a spot is one row)
    minhash: bytes | None


def extract_one(document: Document) -> Extracted:
    found = tuple(extract_document(document))
    rows = estimate_rows(document.content_hash, found, VERSION)
    return Extracted(document, rows, len(found), signature(document.text) if found else None)


def extract_spilled(spill: str, offsets: list[int]) -> list[Extracted]:
    with fewer_collections():
        return [extract_one(d) for d in spilled(spill, offsets)]


# Extraction makes and drops many small objects: with Python's default threshold (700) the
# collector ran about once a document and took 4-5 % of a worker's extraction time.
YOUNG_OBJECTS = 50_000
_collections = threading.Lock()
_extracting = 0
_threshold: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic collector waits for YOUNG_OBJECTS new objects, not 700, while extracting;
    the process's own threshold is back after (threads of one Dask worker may overlap)."""
    global _extracting, _threshold
    with _collections:
        if _extracting == 0:
            _threshold = gc.get_threshold()
            gc.set_threshold(max(YOUNG_OBJECTS, _threshold[0]), *_threshold[1:])
        _extracting += 1
    try:
        yield
    finally:
        with _collections:
            _extracting -= 1
            if _extracting == 0:
                gc.set_threshold(*_threshold)


class Pending(Protocol):
    """A result on its way: a concurrent.futures or a Dask future."""

    def done(self) -> bool: ...

    def result(self, timeout: float | None = None) -> Any: ...


class Engine(Protocol):
    """Where units are scanned and documents extracted."""

    window: int  # units in flight
    batch: int  # documents extracted by one task, stored in one transaction

    def scan(self, unit: Unit, options: ReadOptions, spill: str) -> Pending: ...

    def extract(self, spill: str, offsets: list[int], name: str) -> Pending: ...

    def collect(self, result: Any) -> list[Extracted]: ...


def _now(fn: Callable[..., Any], *args: Any) -> Future[Any]:
    done: Future[Any] = Future()
    try:
        done.set_result(fn(*args))
    except Exception as error:  # handed over like a worker's, when the result is asked for
        done.set_exception(error)
    return done


class Inline:
    """Everything in the ingest's own process (one worker; and stdin, on any engine)."""

    window, batch = 0, 64

    def scan(self, unit: Unit, options: ReadOptions, spill: str) -> Pending:
        return _now(scan, unit, options, spill)

    def extract(self, spill: str, offsets: list[int], name: str) -> Pending:
        return _now(extract_spilled, spill, offsets)

    def collect(self, result: Any) -> list[Extracted]:
        return list(result)


class Pool:
    """A process pool on this machine."""

    batch = 16  # a few tenths of a second of extraction: the workers stay evenly busy

    def __init__(self, workers: int) -> None:
        self.window = 4 * workers
        self._pool = ProcessPoolExecutor(workers, initializer=watch_parent, initargs=(os.getpid(),))

    def scan(self, unit: Unit, options: ReadOptions, spill: str) -> Pending:
        return self._pool.submit(scan, unit, options, spill)

    def extract(self, spill: str, offsets: list[int], name: str) -> Pending:
        return self._pool.submit(extract_spilled, spill, offsets)

    def collect(self, result: Any) -> list[Extracted]:
        return list(result)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


@contextlib.contextmanager
def local_engine(workers: int) -> Iterator[Engine]:
    if workers <= 1:
        yield Inline()
        return
    pool = Pool(workers)
    try:
        yield pool
    finally:
        pool.close()


def watch_parent(parent: int) -> None:
    """In a pool worker: leave when the ingest is gone (after a kill -9 nobody else ends us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def default_workers() -> int:
    return os.cpu_count() or 1
