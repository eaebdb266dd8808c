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
import threading
from collections.abc import Callable, Iterator, Sequence
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

# A local cluster runs without distributed's statistical profiler, which samples the task
# thread's stack every 10 ms (5-6 % of a worker's CPU seconds on top of its extractions; nobody
# reads the profile: the dashboard is on a random port), and checks its event loops' health
# every half second instead of every 20 ms (another 1.5 %: each check takes the GIL from the
# task thread).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
}


class Back:
    """A Dask future, waited for on an event its done callback sets.

    `Future.result(timeout=...)` runs a timeout inside the client's event loop and another in
    the calling thread; when both expire together, distributed's `sync` can return a result it
    never set (the UnboundLocalError CI saw in the test of identical ledgers). The ingest asks
    twenty times a second whether the oldest unit is back: it waits here instead, and asks the
    future for its result, without a timeout, only once it is done."""

    __slots__ = ("_back", "future")

    def __init__(self, future: Any) -> None:
        self.future = future  # the Dask future itself
        self._back = threading.Event()
        future.add_done_callback(lambda _: self._back.set())

    def done(self) -> bool:
        return self._back.is_set()

    def result(self, timeout: float | None = None) -> Any:
        if timeout is not None and not self._back.wait(timeout):
            raise TimeoutError(f"not back after {timeout} s")
        return self.future.result()


class DaskEngine:
    """Units and batches as tasks of a Dask cluster; results through Parquet files."""

    batch = 64  # a task and a Parquet file per batch: not too small

    def __init__(self, client: Any, workers: int) -> None:
        self._client = client
        self.window = 4 * max(1, workers)

    def scan(self, unit: Unit, options: ReadOptions, spill: str) -> Pending:
        return Back(self._client.submit(scan, unit, options, spill, pure=False))

    def extract(self, spill: str, offsets: list[int], name: str) -> Pending:
        path = name + ".parquet"
        return Back(self._client.submit(extract_to_parquet, spill, offsets, path, pure=False))

    def collect(self, result: Any) -> list[Extracted]:
        loaded = load_parquet(result)
        for path in (result, estimates_path(result)):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        return loaded


@contextmanager
def dask_client(
    workers: int, scheduler: str | None, aside: list[Callable[[], None]] | None = None
) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes.

    With `aside`, a local cluster is closed in a thread of its own once the client is, and what
    waits for that close is put in `aside`: its workers' processes take a second or more to
    end, which the ingest spends settling copies and claims meanwhile."""
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    scratch = tempfile.TemporaryDirectory(prefix="fighterflows-dask-")
    try:
        with dask.config.set(LOCAL_CONFIG):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                local_directory=scratch.name,
            )
    except BaseException:
        scratch.cleanup()
        raise

    def close() -> None:
        try:
            cluster.close()
        finally:
            scratch.cleanup()

    try:
        # the client is closed in this thread: distributed refuses another (a context variable)
        with Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
    except BaseException:
        close()
        raise
    if aside is None:
        close()
        return
    closing = threading.Thread(target=close, name="fighterflows-dask-close")
    closing.start()
    aside.append(closing.join)


@contextmanager
def dask_engine(
    workers: int, scheduler: str | None, aside: list[Callable[[], None]] | None = None
) -> Iterator[DaskEngine]:
    with dask_client(workers, scheduler, aside) as client:
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
    aside: list[Callable[[], None]] = []
    try:
        return ingest(
            ledger, sources, on_dask, progress, dask_engine(options.workers, scheduler, aside)
        )
    finally:
        for wait in aside:  # the local cluster's close, begun before settling
            wait()
