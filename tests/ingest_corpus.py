"""A news corpus for ingest tests, as JSONL, and what a ledger holds, to compare ledgers.

Editions of the sample articles are near-copies of each other (another byline, another date,
another name); they are named and dated so that the order of the file is never the order in
which they rank as originals. Among them, irrelevant filler, each record with a marker of its
own that must never reach a ledger.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fighterflows.ledger import Ledger, schema
from fighterflows.resources import sample_corpus

ARTICLES = [p.read_text().split("---", 2)[-1].strip() for p in sorted(sample_corpus().glob("*.md"))]
FILLER = (
    "The city council met on Tuesday to discuss the new budget for road repairs and the public "
    "library. Members debated the timetable for the works. "
)


def marker(i: int) -> str:
    return f"filler-marker-{i:06d}"


def record(i: int, every: int) -> dict[str, str]:
    if i % every:
        return {"id": f"filler-{i}", "date": "2018-01-01", "text": FILLER * 2 + marker(i)}
    k = i // every
    article = ARTICLES[k % len(ARTICLES)]
    edition = k // len(ARTICLES)
    return {
        "id": f"news-{(7919 * i) % 100_000:05d}",  # names in another order than the file's
        "date": f"2017-{1 + (5 * edition) % 12:02d}-{1 + edition % 28:02d}",
        "text": f"By Agency {edition}\n\n{article}\n\nEdition {edition}, item {i}.",
    }


def write_corpus(path: Path, indexes: range | list[int], every: int = 3) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in indexes:
            f.write(json.dumps(record(i, every)) + "\n")
    return path


def snapshot(db: str) -> dict[str, Any]:
    """Everything a ledger holds but its clocks, run ids and logs."""
    ledger = Ledger.open(db, writing=False)
    d, e, c = schema.documents, schema.estimates, schema.claims
    with ledger.engine.connect() as conn:
        documents = conn.execute(
            select(
                d.c.id,
                d.c.name,
                d.c.uri,
                d.c.title,
                d.c.published,
                d.c.text,
                d.c.pages,
                d.c.copy_of,
                d.c.minhash,
                d.c.extractor,
            ).order_by(d.c.id)
        ).all()
        estimates = conn.execute(select(*[col for col in e.columns]).order_by(e.c.id)).all()
        claims = conn.execute(select(*c.columns).order_by(c.c.id)).all()
    ledger.close()
    return {
        "documents": [tuple(r) for r in documents],
        "estimates": [tuple(r) for r in estimates],
        "claims": [tuple(r) for r in claims],
    }
