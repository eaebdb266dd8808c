"""Extraction speed on one core.

    .venv/bin/python benchmarks/extract.py [--seconds S]

Prints the figures measured in the same run:
- the first pass over the relevant text, which also imports the engine and reads and compiles
  its data (once a process: an ingest's worker pays it once);
- sentences/s of full extraction on relevant text after that first pass: the sentences of the
  gold corpora (../shared seeds and Wikipedia articles, else the bundled sample corpus),
  repeated;
- MB/s of the prefilter path (`extract` on text with nothing to find): generated sports and
  finance prose full of numbers but without the conflict's words;
- sentences/s of quantulum3 (a quantity parser, the baseline; never imported by the product)
  on the same relevant sentences.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this directory comes first on sys.path, where benchmarks/numbers.py would
# shadow the standard library's `numbers` module; drop it before importing anything else. The
# checkout's own package goes first: an editable install elsewhere (a worktree's venv is the
# main clone's) would otherwise be the code measured.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from syntok import segmenter  # noqa: E402

from fighterflows.extract import extract  # noqa: E402
from fighterflows.model import Document  # noqa: E402
from fighterflows.read import ReadOptions, read_sources  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOAL_SENTENCES = 5000.0
GOAL_RATIO = 18.0
GOAL_MB = 100.0


def relevant_paragraphs() -> list[str]:
    """Paragraphs of the gold corpora, as extraction sees them (sentences kept together)."""
    paths = [SHARED / "seeds", SHARED / "corpus" / "wikipedia"]
    found = [str(p) for p in paths if p.exists()] or [
        str(ROOT / "fighterflows" / "data" / "sample")
    ]
    docs = [d for d in read_sources(found, ReadOptions()) if isinstance(d, Document)]
    return [p.strip() for d in docs for p in d.text.split("\n\n") if p.strip()]


def syntok_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences as syntok splits them (the count the rates are per)."""
    out: list[str] = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            start = sentence[0].offset
            end = sentence[-1].offset + len(sentence[-1].value)
            out.append(paragraph[start:end])
    return out


def irrelevant_text(size: int, seed: int = 7) -> str:
    """Sports and finance prose with numbers everywhere and none of the conflict's words."""
    rng = random.Random(seed)
    teams = ["Rovers", "United", "Athletic", "City", "Wanderers", "Harriers"]
    templates = [
        "{t1} beat {t2} {a}-{b} on Saturday in front of {n:,} supporters.",
        "Shares in the bank rose {p}.{q} percent to {n:,} pence after quarterly results.",
        "The striker has scored {a} goals in {b} matches this season.",
        "Revenue climbed to {n:,} million dollars, up from {m:,} million a year earlier.",
        "The index closed at {n:,} points, its highest level since {y}.",
        "Ticket sales reached {n:,} for the final, the organisers said.",
    ]
    out: list[str] = []
    length = 0
    while length < size:
        line = rng.choice(templates).format(
            t1=rng.choice(teams),
            t2=rng.choice(teams),
            a=rng.randint(0, 5),
            b=rng.randint(0, 40),
            n=rng.randint(1000, 90000),
            m=rng.randint(1000, 90000),
            p=rng.randint(0, 9),
            q=rng.randint(0, 9),
            y=rng.randint(1990, 2020),
        )
        out.append(line)
        length += len(line) + 1
    return "\n".join(out)


def rate(work: Callable[[], int], seconds: float) -> float:
    """Units of work per second, running `work` (which returns units done) for ~seconds."""
    done = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        done += work()
        elapsed = time.perf_counter() - start
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    paragraphs = relevant_paragraphs()
    texts = [t for p in paragraphs for t in syntok_sentences(p)]
    sentences = len(texts)

    def run_extract() -> int:
        for p in paragraphs:
            extract(p, "2020-01-01", "bench")
        return sentences

    started = time.perf_counter()
    run_extract()  # imports the engine, reads and compiles its data: once a process
    first_pass = time.perf_counter() - started
    ours = rate(run_extract, args.seconds)

    noise = irrelevant_text(8_000_000)
    megabytes = len(noise.encode("utf-8")) / 1e6

    def run_prefilter() -> int:
        assert extract(noise) == []
        return 1

    mb_per_s = rate(run_prefilter, args.seconds) * megabytes

    from quantulum3 import parser as q_parser  # the baseline, only here

    def run_quantulum() -> int:
        for t in texts:
            q_parser.parse(t)
        return len(texts)

    theirs = rate(run_quantulum, args.seconds)
    print(f"relevant text: {sentences} sentences in {len(paragraphs)} paragraphs")
    print(f"first pass:  {first_pass:10.2f} s (with the engine's imports and data: once a process)")
    goal = f"goal >= {GOAL_SENTENCES:,.0f}"
    print(f"extract:     {ours:10,.0f} sentences/s   ({goal}; after the first pass)")
    ratio = ours / theirs
    goal = f"goal >= {GOAL_RATIO:.0f}x"
    print(f"quantulum3:  {theirs:10,.0f} sentences/s   (extract is {ratio:.1f}x; {goal})")
    size = f"{megabytes:.1f} MB"
    print(
        f"prefilter:   {mb_per_s:10,.0f} MB/s on irrelevant text ({size})   (goal >= {GOAL_MB:.0f})"
    )


if __name__ == "__main__":
    main()
