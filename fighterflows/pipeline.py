"""Ingest: read → extract (in a process pool) → find copies → store.

Memory stays flat: documents stream from the readers in batches of 256, and only a few batches
are in flight. A batch is stored in one transaction, so a document and its estimates are never
stored apart: an interrupted ingest leaves whole documents behind and a rerun picks up where
it stopped (documents are keyed by the hash of their text).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.exc import SQLAlchemyError

from fighterflows.dedup import NearDuplicates, signature
from fighterflows.extract import VERSION, extract_document, might_contain_estimates
from fighterflows.ledger import Ledger, NewDocument, RunStats, schema
from fighterflows.model import Document, Estimate, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.readahead import Batch, make_batches, read_ahead
from fighterflows.reconcile import build_claims
from fighterflows.report.serialize import claim_json
from fighterflows.review.book import reviewed_estimates

BATCH = 64
IN_FLIGHT = 2  # batches extracted ahead of the one being stored


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = 1
    read: ReadOptions = ReadOptions()
    command: str = "ingest"


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a worker hands back for one document."""

    document: Document
    estimates: tuple[Estimate, ...]
    relevant: bool  # passed the prefilter
    minhash: bytes | None


@dataclass(slots=True)
class IngestReport:
    run_id: int
    stats: RunStats = field(default_factory=RunStats)
    errors: list[ReadError] = field(default_factory=list)
    prefiltered: int = 0  # documents the prefilter skipped as having nothing to find
    with_estimates: int = 0  # documents added that carry at least one estimate
    repeated: int = 0  # skipped as duplicates within this ingest's own inputs
    bytes_read: int = 0  # from the input files (when metered: see ReadOptions.meter)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[IngestReport], None]


def extract_one(document: Document) -> Extracted:
    if not might_contain_estimates(document.text):
        return Extracted(document, (), False, None)
    found = tuple(extract_document(document))
    return Extracted(document, found, True, signature(document.text) if found else None)


def watch_parent(parent: int) -> None:
    """In a pool worker: leave when the ingest is gone (after a kill -9 nobody else ends us)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def default_workers() -> int:
    return os.cpu_count() or 1


class Skipped(StrEnum):
    """Why a document read was not stored again."""

    STORED = "stored"  # the ledger held it before this ingest
    REPEATED = "repeated"  # a duplicate within this ingest's own inputs


Pending = tuple[list[ReadError | Skipped], Callable[[], Iterable[Extracted]]]


def plan(
    ledger: Ledger, batch: list[Document | ReadError], run_id: int
) -> tuple[list[ReadError | Skipped], list[Document]]:
    """Split a batch into what to report now (errors, documents skipped) and the documents to
    extract. One query asks the ledger about the whole batch."""
    docs = [x for x in batch if isinstance(x, Document)]
    stored = ledger.stored_by([d.content_hash for d in docs])
    before: list[ReadError | Skipped] = [x for x in batch if isinstance(x, ReadError)]
    todo = []
    for d in docs:
        h = d.content_hash
        if h in stored:
            before.append(Skipped.REPEATED if stored[h] == run_id else Skipped.STORED)
        else:
            stored[h] = run_id  # a second copy later in this batch is a repeat
            todo.append(d)
    return before, todo


def drain(ledger: Ledger, pending: Pending, copies: NearDuplicates, report: IngestReport) -> None:
    """Store one extracted batch: whole documents only, in one transaction."""
    before, results = pending
    for x in before:
        prepare(ledger, x, copies, report)
    news = [prepare(ledger, x, copies, report) for x in results()]
    ready = [n for n in news if n is not None]
    stored: list[bool | None]
    try:
        stored = list(ledger.add_documents(ready, report.run_id))
    except SQLAlchemyError:
        # One document the database refuses must not sink the batch: store the batch again
        # one document at a time.
        stored = [_add_one(ledger, new, report) for new in ready]
    # Found stored at the last moment: by a batch of this ingest still in flight when this one
    # was planned (a repeat), or by another ingest running beside this one.
    again = [n.document.content_hash for n, a in zip(ready, stored, strict=True) if a is False]
    late = ledger.stored_by(again)
    for new, added in zip(ready, stored, strict=True):
        if added is not None:
            count_stored(new, added, report, late.get(new.document.content_hash))


def _add_one(ledger: Ledger, new: NewDocument, report: IngestReport) -> bool | None:
    try:
        return ledger.add_document(new, report.run_id)
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        reason = f"the database refused it: {str(cause).splitlines()[0]}"
        failure = ReadError(new.document.id, reason)
        report.errors.append(failure)
        report.stats.failed += 1
        ledger.add_error(failure.where, failure.reason, report.run_id)
        return None


def ingest(
    ledger: Ledger,
    sources: Iterable[str],
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestReport:
    report = IngestReport(ledger.start_run(options.command, VERSION))
    copies = NearDuplicates(ledger.minhashes())
    pool = (
        ProcessPoolExecutor(options.workers, initializer=watch_parent, initargs=(os.getpid(),))
        if options.workers > 1
        else None
    )
    pending: deque[Pending] = deque()
    sources = list(sources)
    # With a pool, a reader process reads and prefilters while this one stores; not from
    # stdin, which a child process of multiprocessing does not get.
    reader = read_ahead if pool and "-" not in sources else make_batches_here
    try:
        for batch in reader(sources, options.read, BATCH):
            report.bytes_read = batch.bytes_read
            before, todo = plan(ledger, batch.items, report.run_id)
            pending.append((before, submit(pool, todo, batch.relevant)))
            while len(pending) > IN_FLIGHT:
                drain(ledger, pending.popleft(), copies, report)
                if progress:
                    progress(report)
        while pending:
            drain(ledger, pending.popleft(), copies, report)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    finish(ledger, report)
    return report


def make_batches_here(sources: Iterable[str], options: ReadOptions, size: int) -> Iterator[Batch]:
    return make_batches(read_sources(sources, options), size, options.meter)


def submit(
    pool: ProcessPoolExecutor | None, todo: list[Document], passed: frozenset[str]
) -> Callable[[], Iterable[Extracted]]:
    """Start extracting now, collect later: workers extract while this process stores.

    Only documents that passed the prefilter (`passed`, by content hash) travel to a worker."""
    if pool is None:
        return lambda: map(extract_one, todo)
    relevant = [d for d in todo if d.content_hash in passed]
    found = pool.map(extract_one, relevant, chunksize=2)

    def collect() -> Iterator[Extracted]:
        done = iter(found)
        chosen = {id(d) for d in relevant}
        for d in todo:
            yield next(done) if id(d) in chosen else Extracted(d, (), False, None)

    return collect


def finish(ledger: Ledger, report: IngestReport) -> None:
    refresh_claims(ledger)
    ledger.finish_run(report.run_id, report.stats)


def prepare(
    ledger: Ledger, item: Extracted | ReadError | Skipped, copies: NearDuplicates,
    r: IngestReport,
) -> NewDocument | None:
    """Count what cannot be stored; turn an extracted document into one ready to store."""
    s = r.stats
    if isinstance(item, ReadError):
        s.failed += 1
        r.errors.append(item)
        ledger.add_error(item.where, item.reason, r.run_id)
        return None
    s.documents_read += 1
    if isinstance(item, Skipped):
        s.documents_skipped += 1
        r.repeated += item is Skipped.REPEATED
        return None
    r.prefiltered += not item.relevant
    copy_of = copies.original_of(item.minhash) if item.minhash else None
    if item.minhash:
        copies.add(item.document.content_hash, item.minhash, copy_of is not None)
    return NewDocument(item.document, item.estimates, VERSION, copy_of, item.minhash)


def count_stored(
    new: NewDocument, added: bool, r: IngestReport, stored_by: int | None = None
) -> None:
    """Count a document handed to the ledger; `stored_by` is the run that stored it first,
    when it was there already."""
    s = r.stats
    if not added:
        s.documents_skipped += 1
        r.repeated += stored_by == r.run_id
        return
    s.documents_added += 1
    s.documents_copies += new.copy_of is not None
    s.estimates_added += len(new.estimates)
    r.with_estimates += bool(new.estimates)


def refresh_claims(ledger: Ledger) -> None:
    """Rebuild the claims table from every stored estimate (derived data, kept for SQL users)."""
    columns = {c.name for c in schema.claims.columns}
    rows = []
    for c in build_claims(reviewed_estimates(ledger)):
        row = {k: v for k, v in claim_json(c).items() if k in columns}
        row.update(estimate_ids=json.dumps(list(c.estimates)),
                   document_ids=json.dumps(list(c.documents)))
        rows.append(row)
    ledger.replace_claims(rows)
