"""Which figure an id names, with the reviews in force: for the commands that review figures,
`show` and the API. An id is an extractor estimate's or a reviewed figure's, or a unique start
of one (a start several ids share is an AmbiguousId, as for `show`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fighterflows.ledger import AmbiguousId, Ledger, StoredEstimate, schema
from fighterflows.ledger.reviews import StoredReview, ids_starting
from fighterflows.review.book import REVIEWER, ReviewBook
from fighterflows.review.model import ReviewError

E = schema.estimates


@dataclass(frozen=True, slots=True)
class Target:
    stored: StoredEstimate  # the figure as it stands (the extractor's when no review counts)
    review: StoredReview | None  # the review in force on it, if any


def resolve_id(ledger: Ledger, ident: str) -> str | None:
    """The one id that is `ident` or starts with it, among the extractor's estimates and the
    reviewed figures; None when there is none."""
    if not ident:
        return None
    with ledger.engine.connect() as c:
        query = select(E.c.id).where(E.c.id.startswith(ident, autoescape=True))
        ids = set(c.execute(query).scalars())
    ids |= ids_starting(ledger.engine, ident)
    if ident in ids:
        return ident
    if len(ids) > 1:
        raise AmbiguousId(ident, len(ids))
    return next(iter(ids), None)


def find_target(ledger: Ledger, book: ReviewBook, ident: str) -> Target:
    """The figure `ident` names and the review in force on it; a ReviewError when none."""
    found = resolve_id(ledger, ident)
    if found is None:
        raise ReviewError(f"{ident!r}: no such estimate")
    r = book.review_of(found)
    figure = book.figures.get(r.key) if r else None
    if figure is not None:
        return Target(figure, r)
    raw = ledger.estimate(found)
    if raw is not None:
        return Target(raw, r)
    if r is not None:  # the extractor no longer reads the figure the review was made on
        return Target(from_review(r), r)
    raise ReviewError(f"{ident!r}: no such estimate")


def from_review(r: StoredReview) -> StoredEstimate:
    review = r.review
    return StoredEstimate(
        id=review.figure_id or review.estimate_id,
        document_id=review.document_id,
        estimate=review.figure,
        extractor=REVIEWER,
        published=r.published,
        copy_of=r.copy_of,
        review=review.verdict.value,
    )


def standing(ledger: Ledger, book: ReviewBook, ident: str) -> StoredEstimate | None:
    """The figure `ident` names as it stands downstream: a reviewed figure for an estimate an
    analyst confirmed or corrected, None for one rejected (or an unknown id)."""
    found = resolve_id(ledger, ident)
    if found is None:
        return None
    r = book.review_of(found)
    figure = book.figures.get(r.key) if r else None
    if figure is not None:
        return figure
    if found in book.dropped:
        return None
    return ledger.estimate(found)
