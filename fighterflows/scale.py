"""The ingest pipeline on Dask, for corpora larger than one machine.

The cluster's workers read the units where they are (a shared file system), judge them with
the prefilter and extract the relevant documents the ledger lacks; each batch comes back as a
Parquet file in the shared folder, which the client bulk-loads into the ledger in order (COPY
on PostgreSQL), with the same copy detection as a local ingest, so both engines give the same
ledger.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from fighterflows.batches import estimates_path, extract_to_parquet, load_parquet
from fighterflows.engines import Extracted, Pending
from fighterflows.ledger import Ledger
from fighterflows.pipeline import IngestOptions, IngestReport, Progress, ingest
from fighterflows.prefilters import DASK
from fighterflows.read import ReadOptions
from fighterflows.scan import scan
from fighterflows.units import Unit


class DaskEngine:
    """Units and batches as tasks of a Dask cluster; results through Parquet files."""

    batch = 64  # a task and a Parquet file per batch: not too small

    def __init__(self, client: Any, workers: int) -> None:
        self._client = client
        self.window = 4 * max(1, workers)

    def scan(self, unit: Unit, options: ReadOptions, spill: str) -> Pending:
        future: Pending = self._client.submit(scan, unit, options, spill, pure=False)
        return future

    def extract(self, spill: str, offsets: list[int], name: str) -> Pending:
        future: Pending = self._client.submit(
            extract_to_parquet, spill, offsets, name + ".parquet", pure=False
        )
        return future

    def collect(self, result: Any) -> list[Extracted]:
        loaded = load_parquet(result)
        for path in (result, estimates_path(result)):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        return loaded


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


@contextmanager
def dask_engine(workers: int, scheduler: str | None) -> Iterator[DaskEngine]:
    with dask_client(workers, scheduler) as client:
        yield DaskEngine(client, workers)


def ingest_dask(
    ledger: Ledger,
    sources: Sequence[str],
    options: IngestOptions,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    on_dask = IngestOptions(
        options.workers, options.read, options.command + DASK, options.part_bytes
    )
    engine = dask_engine(options.workers, scheduler)
    return ingest(ledger, sources, on_dask, progress, engine)
