"""Ingest: read → extract (in a process pool) → find copies → store, one document at a time.

Memory stays flat: documents stream from the readers in small batches; only a batch is in
flight. Each document and its estimates are written in one transaction, so an interrupted
ingest leaves whole documents behind and a rerun picks up where it stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from fighterflows.dedup import NearDuplicates, signature
from fighterflows.extract import VERSION, extract_document, might_contain_estimates
from fighterflows.ledger import Ledger, NewDocument, RunStats
from fighterflows.model import Document, Estimate, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.reconcile import build_claims
from fighterflows.report.serialize import claim_json

BATCH = 64


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

    @property
    def failed(self) -> bool:
        return bool(self.errors)


Progress = Callable[[IngestReport], None]


def extract_one(document: Document) -> Extracted:
    if not might_contain_estimates(document.text):
        return Extracted(document, (), False, None)
    found = tuple(extract_document(document))
    return Extracted(document, found, True, signature(document.text) if found else None)


def default_workers() -> int:
    return os.cpu_count() or 1


def batches(items: Iterable[Document | ReadError]) -> Iterator[list[Document | ReadError]]:
    it = iter(items)
    while batch := list(islice(it, BATCH)):
        yield batch


def extracted_stream(
    items: Iterable[Document | ReadError], workers: int, skip: Callable[[Document], bool]
) -> Iterator[Extracted | ReadError | None]:
    """Extract in order; None stands for a document skipped before extraction."""
    pool = ProcessPoolExecutor(workers) if workers > 1 else None
    try:
        for batch in batches(items):
            todo = [x for x in batch if isinstance(x, Document) and not skip(x)]
            chosen = {id(x) for x in todo}
            done = iter(
                pool.map(extract_one, todo, chunksize=4) if pool else map(extract_one, todo)
            )
            for x in batch:
                if isinstance(x, ReadError):
                    yield x
                else:
                    yield next(done) if id(x) in chosen else None
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def ingest(
    ledger: Ledger,
    sources: Iterable[str],
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
) -> IngestReport:
    report = IngestReport(ledger.start_run(options.command, VERSION))
    copies = NearDuplicates(ledger.minhashes())
    items = read_sources(sources, options.read)
    stream = extracted_stream(items, options.workers, lambda d: ledger.has_document(d.content_hash))
    for item in stream:
        store(ledger, item, copies, report)
        if progress:
            progress(report)
    refresh_claims(ledger)
    ledger.finish_run(report.run_id, report.stats)
    return report


def prepare(
    ledger: Ledger, item: Extracted | ReadError | None, copies: NearDuplicates, r: IngestReport
) -> NewDocument | None:
    """Count what cannot be stored; turn an extracted document into one ready to store."""
    s = r.stats
    if isinstance(item, ReadError):
        s.failed += 1
        r.errors.append(item)
        ledger.add_error(item.where, item.reason, r.run_id)
        return None
    s.documents_read += 1
    if item is None:
        s.documents_skipped += 1
        return None
    r.prefiltered += not item.relevant
    copy_of = copies.original_of(item.minhash) if item.minhash else None
    if item.minhash:
        copies.add(item.document.content_hash, item.minhash, copy_of is not None)
    return NewDocument(item.document, item.estimates, VERSION, copy_of, item.minhash)


def count_stored(new: NewDocument, added: bool, r: IngestReport) -> None:
    s = r.stats
    if not added:
        s.documents_skipped += 1
        return
    s.documents_added += 1
    s.documents_copies += new.copy_of is not None
    s.estimates_added += len(new.estimates)


def store(
    ledger: Ledger, item: Extracted | ReadError | None, copies: NearDuplicates, r: IngestReport
) -> None:
    new = prepare(ledger, item, copies, r)
    if new is not None:
        count_stored(new, ledger.add_document(new, r.run_id), r)


def refresh_claims(ledger: Ledger) -> None:
    """Rebuild the claims table from every stored estimate (derived data, kept for SQL users)."""
    rows = []
    for c in build_claims(ledger.estimates()):
        j = claim_json(c)
        rows.append(
            {
                k: j[k]
                for k in (
                    "id",
                    "place",
                    "flow",
                    "population",
                    "source",
                    "kind",
                    "value",
                    "low",
                    "high",
                    "qualifier",
                    "as_of",
                    "derived",
                )
            }
            | {"estimate_ids": _json(c.estimates), "document_ids": _json(c.documents)}
        )
    ledger.replace_claims(rows)


def _json(items: tuple[str, ...]) -> str:
    return json.dumps(list(items))
