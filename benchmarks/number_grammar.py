"""Speed of the number grammar: sentences a second on one core.

    python benchmarks/number_grammar.py [FILE ...]

Reads the given texts (default: the Wikipedia corpus in ../shared/corpus, if present), splits
them into sentences at full stops and line breaks, and times find_numbers over all of them.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from fighterflows.extract.numbers import find_numbers

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikipedia"


def sentences(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for path in paths:
        text = path.read_text("utf-8")
        out.extend(s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip())
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(DEFAULT.glob("*.md"))
    if not paths:
        print("no input: give text files")
        return 2
    sents = sentences(paths)
    for s in sents[:100]:
        find_numbers(s)  # compile the regexes outside the timing
    rounds, found = 3, 0
    start = time.perf_counter()
    for _ in range(rounds):
        for s in sents:
            found += len(find_numbers(s))
    elapsed = time.perf_counter() - start
    with_numbers = sum(1 for s in sents if find_numbers(s))
    print(f"{len(sents)} sentences ({with_numbers} with numbers), {found // rounds} numbers")
    print(f"{rounds * len(sents) / elapsed:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
