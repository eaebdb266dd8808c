"""The ingest pipeline on Dask, for corpora larger than one machine.

Partitions of documents go to the cluster's workers, which extract their estimates and write
them as Parquet; the client bulk-loads each partition's Parquet into the ledger in order, with
the same copy detection as a local ingest, so both engines give the same ledger.
"""

from __future__ import annotations

import json
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fighterflows.dedup import NearDuplicates
from fighterflows.extract import VERSION
from fighterflows.ledger import Ledger
from fighterflows.model import Document, Estimate
from fighterflows.pipeline import (
    Extracted,
    IngestOptions,
    IngestReport,
    Pending,
    drain,
    extract_one,
    finish,
    make_batches_here,
    plan,
)
from fighterflows.readahead import read_ahead

DOCUMENT_FIELDS = (
    "id", "text", "uri", "title", "published", "pages", "outlet", "author", "url", "accessed",
)
PARTITION = 512  # documents a partition: a task per partition, so not too small


def extract_partition(documents: Sequence[Document], folder: str, number: int) -> str:
    """On a worker: extract a partition and write it as one Parquet file; return its path."""
    rows = []
    for result in map(extract_one, documents):
        d = result.document
        rows.append(
            {
                **{f: getattr(d, f) for f in DOCUMENT_FIELDS if f != "pages"},
                "pages": json.dumps(list(d.pages)),
                "relevant": result.relevant,
                "minhash": result.minhash,
                "estimates": json.dumps([e.to_json() for e in result.estimates]),
            }
        )
    path = Path(folder) / f"part-{number:06d}.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), path)
    return str(path)


def _schema() -> pa.Schema:
    strings = [(f, pa.string()) for f in DOCUMENT_FIELDS]
    extra = [("relevant", pa.bool_()), ("minhash", pa.binary()), ("estimates", pa.string())]
    return pa.schema(strings + extra)


def load_partition(path: str) -> Iterator[Extracted]:
    for row in pq.read_table(path).to_pylist():
        doc = Document(
            **{f: row[f] for f in DOCUMENT_FIELDS if f != "pages"},
            pages=tuple(json.loads(row["pages"])),
        )
        found = tuple(Estimate.from_json(e) for e in json.loads(row["estimates"]))
        yield Extracted(doc, found, row["relevant"], row["minhash"])


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        tempfile.TemporaryDirectory(prefix="fighterflows-dask-") as scratch,
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            local_directory=scratch,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def ingest_dask(
    ledger: Ledger,
    sources: Sequence[str],
    options: IngestOptions,
    scheduler: str | None = None,
) -> IngestReport:
    report = IngestReport(ledger.start_run(options.command + " (dask)", VERSION))
    copies = NearDuplicates(ledger.minhashes())
    with (
        dask_client(options.workers, scheduler) as client,
        tempfile.TemporaryDirectory(prefix="fighterflows-parts-") as folder,
    ):
        # The folder must be reachable by the workers: true on a LocalCluster and on a
        # cluster sharing a file system; point TMPDIR at a shared path otherwise.
        pending: deque[Pending] = deque()
        reader = read_ahead if "-" not in sources else make_batches_here  # stdin stays here
        for number, batch in enumerate(reader(sources, options.read, PARTITION)):
            before, todo = plan(ledger, batch.items, report.run_id)
            pending.append((before, _partition(client, todo, batch.relevant, folder, number)))
            while len(pending) > 2 * max(1, options.workers):
                drain(ledger, pending.popleft(), copies, report)
        while pending:
            drain(ledger, pending.popleft(), copies, report)
    finish(ledger, report)
    return report


def _partition(
    client: Any, todo: list[Document], passed: frozenset[str], folder: str, number: int
) -> Callable[[], Iterable[Extracted]]:
    """Send the partition's relevant documents to the cluster; the rest need no worker."""
    relevant = [d for d in todo if d.content_hash in passed]
    future = client.submit(extract_partition, relevant, folder, number) if relevant else None

    def collect() -> Iterator[Extracted]:
        done = iter(load_partition(future.result()) if future is not None else ())
        for d in todo:
            yield next(done) if d.content_hash in passed else Extracted(d, (), False, None)

    return collect
