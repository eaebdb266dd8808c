"""Ingest throughput and memory: documents/s, MB/s, peak RSS, and scaling with workers.

    python benchmarks/ingest.py                 # N = 10,000 and 100,000
    python benchmarks/ingest.py --sizes 1000    # a quick look
    python benchmarks/ingest.py --million       # also N = 1,000,000

The corpus is a JSONL file of N documents, about 1 % relevant (built from the bundled sample
articles, each made distinct), the rest irrelevant prose of similar length. Each run is a fresh
`fighterflows ingest` process into a fresh SQLite ledger; peak RSS is the largest resident set
of that process and its children (the pool's workers are counted separately as the largest
child, since they run side by side with the parent).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def run_ingest(corpus: Path, workers: int, engine: str = "local") -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one ingest process (children included)."""
    exe = Path(sys.executable).with_name("fighterflows")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            str(exe),
            "ingest",
            str(corpus),
            "--db",
            f"{tmp}/bench.db",
            "--workers",
            str(workers),
            "--engine",
            engine,
            "--quiet",
        ]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 documents")
    parser.add_argument("--scaling-size", type=int, default=20_000)
    args = parser.parse_args()
    sizes = args.sizes + ([1_000_000] if args.million else [])
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            mb = write_corpus(corpus, n) / 1e6
            seconds, rss = run_ingest(corpus, workers=2)
            print(
                f"N={n:>9,}  {n / seconds:8,.0f} documents/s  {mb / seconds:6.1f} MB/s  "
                f"peak RSS {rss:6.0f} MB  ({mb:,.0f} MB in {seconds:,.1f} s, 2 workers)"
            )
        for every, label in ((100, "1 % relevant"), (1, "all relevant")):
            n = args.scaling_size if every > 1 else args.scaling_size // 10
            corpus = Path(tmp) / f"scaling-{every}.jsonl"
            write_corpus(corpus, n, every=every)
            for engine in ("local", "dask"):
                one, _ = run_ingest(corpus, 1, engine)
                two, _ = run_ingest(corpus, 2, engine)
                print(
                    f"{engine:>5}, {label}: 1 worker {one:6.1f} s, 2 workers {two:6.1f} s, "
                    f"speed-up {one / two:4.2f}x  (N={n:,})"
                )

if __name__ == "__main__":
    main()
