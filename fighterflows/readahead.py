"""Reading in a process of its own, so that reading and storing run side by side.

With a pool, the ingest's own process would otherwise read, hash and prefilter every document
and then store it: on a corpus where few documents are relevant that serial work, not
extraction, sets the pace. A reader process takes the first half of it.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from queue import Full
from typing import Any

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.meter import ByteMeter

AHEAD = 8  # batches waiting in the queue: bounds memory


@dataclass(frozen=True, slots=True)
class Batch:
    items: list[Document | ReadError]
    relevant: frozenset[str]  # content hashes of the documents that pass the prefilter
    bytes_read: int = 0  # from the input files so far, when they are metered


def make_batches(
    items: Iterable[Document | ReadError], size: int, meter: ByteMeter | None = None
) -> Iterator[Batch]:
    from fighterflows.extract import might_contain_estimates

    chunk: list[Document | ReadError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield _batch(chunk, might_contain_estimates, meter)
            chunk = []
    if chunk:
        yield _batch(chunk, might_contain_estimates, meter)


def _batch(chunk: list[Document | ReadError], prefilter: Any, meter: ByteMeter | None) -> Batch:
    relevant = frozenset(
        d.content_hash for d in chunk if isinstance(d, Document) and prefilter(d.text)
    )
    return Batch(chunk, relevant, meter.bytes if meter else 0)


def _produce(sources: list[str], options: ReadOptions, size: int, queue: Any) -> None:
    parent = os.getppid()
    try:
        for batch in make_batches(read_sources(sources, options), size, options.meter):
            if not _put(queue, batch, parent):
                return
        _put(queue, None, parent)
    except BaseException:  # the reader must always tell the ingest it has stopped
        _put(queue, RuntimeError("the reader failed:\n" + traceback.format_exc()), parent)


def _put(queue: Any, item: object, parent: int) -> bool:
    """Wait for room in the queue, but give up if the ingest died (kill -9 leaves no one to
    read it, and a reader must not outlive its ingest)."""
    while os.getppid() == parent:
        try:
            queue.put(item, timeout=1.0)
            return True
        except Full:
            continue
    # Nobody will read what is still buffered: exit without waiting to flush it.
    queue.cancel_join_thread()
    return False


def read_ahead(sources: Iterable[str], options: ReadOptions, size: int) -> Iterator[Batch]:
    """The batches of `make_batches`, read in a child process while the caller works."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue(maxsize=AHEAD)
    reader = context.Process(
        target=_produce, args=(list(sources), options, size, queue), daemon=True
    )
    reader.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()
