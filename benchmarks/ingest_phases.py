"""Where an ingest's time goes: a timeline of its phases, in wall and CPU seconds.

    python benchmarks/ingest_phases.py CORPUS.jsonl [--workers 2] [--engine local|dask]

Runs one ingest in this process (this checkout's package) into a fresh SQLite ledger and prints,
for each phase, when it started and ended (seconds from the process start) and the CPU seconds
the ingest's own process spent in it: imports, opening the ledger, starting the workers and the
flow (scan, extract, store; with the moment the first unit was stored and the last one), the
engine's close, settling copies and claims, finishing the run. The workers' CPU seconds are
counted once they have exited (`RUSAGE_CHILDREN`). On a shared machine the wall clock means
little; the main process's CPU seconds and the serial tail (after the last unit is stored) are
what to compare between two versions of the code.

`--write N --every K` writes the corpus of `benchmarks/ingest.py` (one in K relevant) instead.
The package measured is this checkout's, or the one under `--code` (another version's source,
for an A/B: `git archive main | tar -x -C /tmp/main-src`).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

START = time.perf_counter()
CPU0 = time.process_time()
ROOT = Path(__file__).resolve().parents[1]


class Timeline:
    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []

    def mark(self, name: str) -> None:
        self.marks.append((name, time.perf_counter() - START, time.process_time() - CPU0))

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        self.mark(name + " start")
        yield
        self.mark(name + " end")

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return fn(*args, **kwargs)

        return wrapped

    def show(self) -> None:
        last_cpu = 0.0
        for name, wall, cpu in self.marks:
            print(f"  {wall:8.2f} s  main CPU {cpu:7.2f} s (+{cpu - last_cpu:6.2f})  {name}")
            last_cpu = cpu


def log_tasks(path: str) -> None:
    """Make the pool's two tasks write when each ran (pid, kind, start, end) to `path`: the
    gaps between a worker's tasks are the time it waited for the ingest's own process. Set
    before the pool forks, the workers inherit the wrapped functions."""
    from fighterflows import engines

    def logged(kind: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            began = time.time()
            try:
                return fn(*args)
            finally:
                with open(path, "a", encoding="utf-8") as f:
                    f.write(f"{os.getpid()} {kind} {began:.4f} {time.time():.4f}\n")

        run.__module__, run.__qualname__ = "fighterflows.engines", fn.__name__
        return run

    engines.scan = logged("scan", engines.scan)  # type: ignore[assignment]
    engines.extract_spilled = logged("extract", engines.extract_spilled)  # type: ignore[assignment]


class Sampler:
    """The main process's CPU seconds, sampled every 0.1 s: what it spent after a moment the
    workers mark (their last task's end) is the serial tail."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self.samples.append((time.time(), time.process_time() - CPU0))
            time.sleep(0.1)

    def cpu_at(self, moment: float) -> float:
        before = [cpu for at, cpu in self.samples if at <= moment]
        return before[-1] if before else 0.0


def show_tasks(path: str, origin: float, sampler: Sampler) -> None:
    """For each worker: its busy seconds, and its idle seconds from the first task it ran;
    then the wall and main-process CPU seconds after the last task ended (the serial tail)."""
    spans: dict[str, list[tuple[float, float, str]]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        pid, kind, start, end = line.split()
        spans.setdefault(pid, []).append((float(start), float(end), kind))
    for pid, rows in sorted(spans.items()):
        rows.sort()
        busy = sum(e - s for s, e, _ in rows)
        by_kind: dict[str, float] = {}
        for s, e, k in rows:
            by_kind[k] = by_kind.get(k, 0.0) + e - s
        idle = sum(max(0.0, b[0] - a[1]) for a, b in itertools.pairwise(rows))
        print(
            f"  worker {pid}: first task at {rows[0][0] - origin:.2f} s, last done at "
            f"{rows[-1][1] - origin:.2f} s; busy {busy:.2f} s ("
            + ", ".join(f"{k} {v:.2f}" for k, v in sorted(by_kind.items()))
            + f"), idle between tasks {idle:.2f} s"
        )
    last = max(row[1] for rows in spans.values() for row in rows)
    print(
        f"  after the last task: {time.time() - last:.2f} s wall, main CPU "
        f"{time.process_time() - CPU0 - sampler.cpu_at(last):.2f} s"
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--write", type=int, default=0, help="first write a corpus of N")
    parser.add_argument("--every", type=int, default=100, help="one relevant in K documents")
    parser.add_argument("--code", type=Path, default=ROOT, help="the package's checkout")
    args = parser.parse_args()
    # before the venv's editable install (the main clone); spawned Dask workers inherit it
    sys.path.insert(0, str(args.code.resolve()))
    if args.write:
        sys.path.insert(0, str(Path(__file__).parent))
        from ingest import write_corpus

        write_corpus(args.corpus, args.write, every=args.every)
        return

    t = Timeline()
    sampler = Sampler()
    with t.phase("imports"):
        from fighterflows import pipeline, scale
        from fighterflows.engines import Pool
        from fighterflows.ledger import Ledger
    print(f"  package: {Path(pipeline.__file__).parent}")
    origin = time.time() - (time.perf_counter() - START)
    tasks = tempfile.mktemp(prefix="fftasks-")
    done: list[float] = []  # when the client learnt a Dask task was done
    if args.engine == "local":
        log_tasks(tasks)
    else:
        extract = scale.DaskEngine.extract

        def noted(self: Any, *args: Any) -> Any:
            future = extract(self, *args)
            # a Back (scale.py) holds the Dask future; older code returned the future itself
            getattr(future, "future", future).add_done_callback(lambda _: done.append(time.time()))
            return future

        scale.DaskEngine.extract = noted  # type: ignore[method-assign]

    stored = [0]

    def progress(_: Any) -> None:
        stored[0] += 1
        if stored[0] == 1:
            t.mark("first unit stored")

    pipeline.settle = t.wrap("settle", pipeline.settle)  # type: ignore[attr-defined]
    pipeline._Flow.run = t.wrap("flow", pipeline._Flow.run)  # type: ignore[method-assign]
    Pool.close = t.wrap("pool close", Pool.close)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="ffphases-") as folder:
        with t.phase("open ledger"):
            ledger = Ledger.open(os.path.join(folder, "ledger.db"))
        options = pipeline.IngestOptions(workers=args.workers)
        with t.phase("ingest"):
            if args.engine == "dask":
                report = scale.ingest_dask(ledger, [str(args.corpus)], options, None, progress)
            else:
                report = pipeline.ingest(ledger, [str(args.corpus)], options, progress)
    t.show()
    if os.path.exists(tasks):
        show_tasks(tasks, origin, sampler)
        os.remove(tasks)
    elif done:
        last = max(done)
        print(
            f"  the last task's result known at {last - origin:.2f} s; after it: "
            f"{time.time() - last:.2f} s wall, main CPU "
            f"{time.process_time() - CPU0 - sampler.cpu_at(last):.2f} s"
        )
    s = report.stats
    wall = time.perf_counter() - START
    main_cpu = time.process_time() - CPU0
    workers = children_cpu()
    print(
        f"  read {s.documents_read:,}, added {s.documents_added:,}, estimates "
        f"{s.estimates_added:,}; {stored[0]} units\n"
        f"  wall {wall:.2f} s; CPU: main {main_cpu:.2f} s, workers {workers:.2f} s, "
        f"total {main_cpu + workers:.2f} s; load {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
