"""Ingest throughput, memory, ledger size and scaling with workers.

    python benchmarks/ingest.py                         # N = 10,000 and 100,000
    python benchmarks/ingest.py --sizes 1000000         # N = 1,000,000 (about 1.5 GB; minutes)
    python benchmarks/ingest.py --sizes 10000 --scaling-size 20000 --heavy-size 1000  # a look

The corpus is a JSONL file of N documents, 1 % relevant (the bundled sample articles, each made
distinct), the rest irrelevant prose of similar length (about 1.5 KB a document). Each run is a
fresh `fighterflows ingest` process (this checkout's package) into a fresh SQLite ledger. For
each N, with 2 workers (the pool):

- documents/s and MB/s of the first ingest (process start to exit, imports included);
- peak memory of the ingest's process tree, sampled every 50 ms: the sum of the resident sets
  of the ingest and its workers (pages shared after fork counted in each, so an upper bound),
  the sum of their proportional set sizes (shared pages counted once), and the largest single
  process;
- CPU seconds (user + system) of the ingest and its workers, which a busy machine changes
  less than the wall clock;
- ledger bytes (the SQLite file and its WAL) per corpus byte;
- a second ingest of the same corpus into the same ledger (adds nothing): its time;
- the prefilter alone over the same file in one process (read each line, parse it, run
  `might_contain_estimates` on its text): its time, and the ratio of the ingest's to it.

Then the ratio of 2 workers to 1: the pool on the 1 %-relevant corpus (N = --scaling-size),
and the pool and Dask on a corpus where every document is relevant (N = --heavy-size), where
extraction is the work. `uptime`'s load is printed before and after each measurement: the
machine is shared, so a measurement taken under load says so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fighterflows" / "data" / "sample"
FILLER = (
    "The city council met on Tuesday to discuss the new budget for road repairs and the "
    "public library. Members debated the timetable for the works and the cost of materials, "
    "and agreed to publish the plans for comment before the end of the season. Local shops "
    "asked for the works to avoid the busiest weeks of the year. "
)


def relevant_texts() -> list[str]:
    texts = []
    for path in sorted(SAMPLE.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        texts.append(body.strip())
    return texts


def write_corpus(path: Path, n: int, seed: int = 7, every: int = 100) -> int:
    """n documents, one in `every` relevant; returns the corpus size in bytes."""
    rng = random.Random(seed)
    relevant = relevant_texts()
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i % every == 0:
                text = relevant[(i // every) % len(relevant)] + f"\n\nArchive item {i}."
            else:
                text = FILLER * rng.randint(3, 6) + f"Item {i}."
            line = json.dumps({"id": f"doc-{i}", "date": "2018-01-01", "text": text})
            size += len(line) + 1
            f.write(line + "\n")
    return size


def load() -> str:
    return "load " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float  # user + system seconds of the ingest and its workers
    tree_mb: float  # peak of the summed resident sets of the process and its children
    pss_mb: float  # the same in proportional set sizes: shared pages counted once
    largest_mb: float  # peak resident set of one process
    ledger_bytes: int


def run_ingest(corpus: Path, db: Path, workers: int, engine: str = "local") -> Run:
    cmd = [
        sys.executable,
        "-m",
        "fighterflows",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        str(workers),
        "--engine",
        engine,
        "--quiet",
    ]
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    peaks: list[int] = [0, 0, 0]
    watcher = threading.Thread(target=_watch, args=(proc.pid, peaks), daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {err}")
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    rss, pss, largest = (x / 1e6 for x in peaks)
    return Run(seconds, _children_cpu() - before, rss, pss, largest, size)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _watch(pid: int, peaks: list[int]) -> None:
    """Keep in `peaks` the peaks of the summed RSS, the summed PSS (shared pages split
    between the processes that share them) and the largest RSS of `pid` and its descendants,
    until it exits."""
    try:
        root = psutil.Process(pid)
        while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
            rss, pss = [], []
            for p in [root, *root.children(recursive=True)]:
                try:
                    memory = p.memory_full_info()
                except psutil.Error:
                    continue
                rss.append(memory.rss)
                pss.append(memory.pss)
            peaks[0] = max(peaks[0], sum(rss))
            peaks[1] = max(peaks[1], sum(pss))
            peaks[2] = max(peaks[2], max(rss, default=0))
            time.sleep(0.05)
    except psutil.Error:
        return


def prefilter_alone(corpus: Path) -> float:
    """Seconds to read every record of the file, parse it as the JSONL reader does and run
    the prefilter on its text, in one process (a process of its own, started and timed after
    its imports)."""
    code = (
        "import sys, time\n"
        "from fighterflows.extract import prefilter\n"
        "from fighterflows.read.jsonline import parse_line\n"
        "keep = prefilter()\n"
        "start = time.perf_counter()\n"
        "with open(sys.argv[1], 'rb') as f:\n"
        "    passed = sum(keep(parse_line(line.decode())['text']) for line in f)\n"
        "print(time.perf_counter() - start)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip())


def measure_size(tmp: Path, n: int) -> None:
    corpus = tmp / f"corpus-{n}.jsonl"
    corpus_bytes = write_corpus(corpus, n)
    mb = corpus_bytes / 1e6
    db = tmp / f"ledger-{n}.db"
    print(f"\nN={n:,} ({mb:,.0f} MB), 1 % relevant, 2 workers [{load()}]", flush=True)
    first = run_ingest(corpus, db, workers=2)
    print(
        f"  ingest        {first.seconds:8.1f} s  {n / first.seconds:9,.0f} documents/s  "
        f"{mb / first.seconds:6.1f} MB/s  (CPU {first.cpu:.1f} s)  [{load()}]",
        flush=True,
    )
    print(
        f"  peak memory   {first.tree_mb:8.0f} MB RSS of the ingest and its workers summed, "
        f"{first.pss_mb:.0f} MB PSS summed, {first.largest_mb:.0f} MB the largest process"
    )
    print(
        f"  ledger        {first.ledger_bytes / 1e6:8.1f} MB = "
        f"{first.ledger_bytes / corpus_bytes:.2%} of the corpus"
    )
    again = run_ingest(corpus, db, workers=2)
    print(
        f"  re-ingest     {again.seconds:8.1f} s  ({again.seconds / first.seconds:.2f} of the "
        f"first; CPU {again.cpu:.1f} s; ledger {again.ledger_bytes / 1e6:.1f} MB)  [{load()}]",
        flush=True,
    )
    alone = prefilter_alone(corpus)
    print(
        f"  prefilter     {alone:8.1f} s alone in one process ({mb / alone:.0f} MB/s); "
        f"ingest / prefilter = {first.seconds / alone:.2f}  [{load()}]",
        flush=True,
    )
    corpus.unlink()


def measure_scaling(tmp: Path, n: int, every: int, engines: list[str], label: str) -> None:
    corpus = tmp / f"scaling-{every}.jsonl"
    write_corpus(corpus, n, every=every)
    for engine in engines:
        runs = []
        for workers in (1, 2):
            db = tmp / f"scaling-{every}-{engine}-{workers}.db"
            runs.append(run_ingest(corpus, db, workers, engine))
        one, two = runs
        print(
            f"  {engine:>5}, {label}, N={n:,}: 1 worker {one.seconds:6.1f} s (CPU "
            f"{one.cpu:.0f} s), 2 workers {two.seconds:6.1f} s (CPU {two.cpu:.0f} s): "
            f"{one.seconds / two.seconds:.2f}x  [{load()}]",
            flush=True,
        )
    corpus.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--scaling-size",
        type=int,
        default=100_000,
        help="documents of the 1 %%-relevant corpus for 1 vs 2 workers (0: skip)",
    )
    parser.add_argument(
        "--heavy-size",
        type=int,
        default=4_000,
        help="documents of the all-relevant corpus for 1 vs 2 workers (0: skip)",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory(prefix="ffbench-") as folder:
        tmp = Path(folder)
        for n in args.sizes:
            measure_size(tmp, n)
        if args.scaling_size or args.heavy_size:
            print("\n2 workers against 1:")
        if args.scaling_size:
            measure_scaling(tmp, args.scaling_size, 100, ["local"], "1 % relevant")
        if args.heavy_size:
            measure_scaling(tmp, args.heavy_size, 1, ["local", "dask"], "all relevant")


if __name__ == "__main__":
    main()
