"""A digest of what the extractor reads from the bundled sample corpus and every case table,
so that the same `VERSION` always means the same output (the ledger stores it with each
estimate, and re-ingests trust it).

    python -m tests.extractor_digest > tests/extractor-digest.txt   # after bumping VERSION
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from fighterflows.extract import VERSION, extract
from fighterflows.model import ReadError
from fighterflows.read import read_sources
from fighterflows.resources import sample_corpus

CASES = Path(__file__).parent / "cases"
DIGEST_FILE = Path(__file__).parent / "extractor-digest.txt"


def _case_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted([*CASES.rglob("extract*.tsv"), *CASES.glob("sources*.tsv")]):
        with path.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        texts += [row[2] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return texts


def digest() -> str:
    h = hashlib.sha256()
    for item in read_sources([str(sample_corpus())]):
        if isinstance(item, ReadError):
            raise ValueError(str(item))
        for e in extract(item.text, item.published, item.id):
            h.update(e.to_json_line().encode("utf-8") + b"\n")
    for k, text in enumerate(_case_texts()):
        for e in extract(text, "2020-01-01", f"case-{k}"):
            h.update(e.to_json_line().encode("utf-8") + b"\n")
    return h.hexdigest()


if __name__ == "__main__":
    print(VERSION, digest())
