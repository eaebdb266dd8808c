"""The reviews table: writes and the reads that apply reviews to the extractor's estimates."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, text

from fighterflows.ledger import schema
from fighterflows.model import Estimate
from fighterflows.review.model import Review, Verdict

D, E, R = schema.documents, schema.estimates, schema.reviews


@dataclass(frozen=True, slots=True)
class StoredReview:
    """A review as this ledger holds it, with the document it is anchored in."""

    review: Review
    seq: int  # the order reviews were written in
    name: str | None  # the document's name here; None when the ledger lacks the document
    published: str | None
    copy_of: str | None
    span_ok: bool  # the document holds the quote at the review's offsets

    @property
    def key(self) -> str:
        return self.review.key


@dataclass(frozen=True, slots=True)
class SpanEstimate:
    """An extractor estimate at the span of some review."""

    id: str
    document_id: str
    start: int
    end: int
    quote: str
    derived: bool
    extractor: str
    provenance: str | None


def review_row(r: Review) -> dict[str, Any]:
    e = r.figure
    return {
        "id": r.key,
        "document_id": r.document_id,
        "start": e.start,
        "end": e.end,
        "quote": e.quote,
        "estimate_id": r.estimate_id,
        "figure_id": r.figure_id,
        "verdict": r.verdict.value,
        "figure": e.to_json_line(),
        "original": r.original.to_json_line() if r.original else None,
        "reviewer": r.by,
        "reviewed_at": r.at,
        "why": r.why,
    }


def review_of(row: Any) -> Review:
    original = json.loads(row.original) if row.original else None
    return Review(
        document_id=row.document_id,
        estimate_id=row.estimate_id,
        verdict=Verdict(row.verdict),
        figure=Estimate.from_json(json.loads(row.figure)),
        by=row.reviewer,
        at=row.reviewed_at,
        why=row.why,
        original=Estimate.from_json(original) if original else None,
    )


def save(c: Connection, review: Review) -> None:
    """Write a review in the caller's transaction, replacing any of the same key. Writers of
    reviews take turns (on SQLite the database's write lock does it), so two analysts saving
    the same reading at once both succeed, the later one standing."""
    if c.dialect.name == "postgresql":
        c.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    c.execute(delete(R).where(R.c.id == review.key))
    c.execute(insert(R).values(**review_row(review)))


_LOCK_KEY = 0x66667276  # "ffrv": one advisory lock for writing reviews


def save_review(engine: Engine, review: Review) -> None:
    with engine.begin() as c:
        save(c, review)


def save_newer(engine: Engine, reviews: Sequence[Review]) -> tuple[int, int]:
    """Write reviews in one transaction; where the ledger holds a later review of the same
    reading, keep that one. Returns (written, kept because newer)."""
    written = kept = 0
    with engine.begin() as c:
        for r in reviews:
            held = c.execute(select(R.c.reviewed_at).where(R.c.id == r.key)).scalar()
            if held is not None and held > r.at:
                kept += 1
                continue
            save(c, r)
            written += 1
    return written, kept


def delete_review(engine: Engine, key: str) -> bool:
    with engine.begin() as c:
        return bool(c.execute(delete(R).where(R.c.id == key)).rowcount)


def load_reviews(engine: Engine) -> list[StoredReview]:
    """Every review, oldest first, with whether its document still holds its quote there."""
    span = func.substr(D.c.text, R.c.start + 1, R.c.end - R.c.start).label("span")
    query = (
        select(R, D.c.name, D.c.published, D.c.copy_of, span)
        .select_from(R.outerjoin(D, D.c.id == R.c.document_id))
        .order_by(R.c.seq)
    )
    with engine.connect() as c:
        rows = c.execute(query).all()
    out = []
    for row in rows:
        review = review_of(row)
        if row.name is not None:
            review = _renamed(review, row.name)
        out.append(
            StoredReview(
                review,
                row.seq,
                row.name,
                row.published,
                row.copy_of,
                row.span is not None and row.span == row.quote,
            )
        )
    return out


def _renamed(r: Review, name: str) -> Review:
    """A review read in a ledger that names its document otherwise: `doc` follows the ledger."""
    if r.figure.doc == name and (r.original is None or r.original.doc == name):
        return r
    original = r.original.replace(doc=name) if r.original else None
    return Review(
        r.document_id,
        r.estimate_id,
        r.verdict,
        r.figure.replace(doc=name),
        r.by,
        r.at,
        r.why,
        original,
    )


def span_estimates(engine: Engine) -> list[SpanEstimate]:
    """The extractor's estimates that sit exactly at some review's span."""
    at_span = and_(E.c.document_id == R.c.document_id, E.c.start == R.c.start, E.c.end == R.c.end)
    query = (
        select(
            E.c.id,
            E.c.document_id,
            E.c.start,
            E.c.end,
            E.c.quote,
            E.c.derived,
            E.c.extractor,
            E.c.provenance,
            E.c.seq,
        )
        .select_from(E.join(R, at_span))
        .distinct()
        .order_by(E.c.document_id, E.c.seq)
    )
    with engine.connect() as c:
        return [
            SpanEstimate(
                r.id,
                r.document_id,
                r.start,
                r.end,
                r.quote,
                bool(r.derived),
                r.extractor,
                r.provenance,
            )
            for r in c.execute(query)
        ]


def ids_starting(engine: Engine, prefix: str) -> set[str]:
    """Ids of reviewed figures and of the readings reviewed that start with `prefix`."""
    ids = set()
    with engine.connect() as c:
        for column in (R.c.figure_id, R.c.estimate_id):
            found = column.startswith(prefix, autoescape=True)
            exact = column == prefix
            ids |= set(c.execute(select(column).where(or_(exact, found)).distinct()).scalars())
    return {i for i in ids if i}


def fingerprint(c: Connection) -> tuple[int, int | None]:
    """Changes with every review written or removed."""
    count, last = c.execute(select(func.count(), func.max(R.c.seq))).one()
    return int(count), last
