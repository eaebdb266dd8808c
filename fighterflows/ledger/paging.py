"""Paged reads: a page of estimates (as the reviews have them) and the totals behind a page, for
the dashboard and its API."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.sql.elements import ColumnElement

from fighterflows.ledger import schema
from fighterflows.ledger.convert import stored_estimate
from fighterflows.ledger.records import Filters, StoredEstimate

# The ledger's own filter semantics (as-of bounds, source matching), so a page of estimates
# selects exactly what `Ledger.estimates` would.
from fighterflows.ledger.store import Ledger, document_matches, estimate_conditions

D, E = schema.documents, schema.estimates


class Reviewed(Protocol):
    """What reviews change in a page (`review.book.ReviewBook`, a later stage, has these): the
    figures analysts added and the stored estimates that reviews replace or drop."""

    @property
    def unique(self) -> Sequence[StoredEstimate]: ...
    @property
    def dropped(self) -> Collection[str]: ...


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def count_estimates(ledger: Ledger, filters: Filters, book: Reviewed | None = None) -> int:
    """How many estimates the filters select, as the reviews have them."""
    query = select(func.count()).select_from(_source(filters)).where(*_conditions(filters, book))
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one()) + len(_figures(filters, book))


def page_estimates(
    ledger: Ledger, filters: Filters, page: Page, book: Reviewed | None = None
) -> list[StoredEstimate]:
    """One page in the order of estimate ids: the ids are picked from the primary key's index
    first (skipping `offset` entries there is cheap), then only those rows are read. Reviewed
    figures (few) are merged in by id: the extractor's page starts `offset` less the figures
    that sort before it."""
    figures = _figures(filters, book)
    ids = sorted(figures)
    before = _figures_before(ledger, filters, book, ids, page.offset)
    raw_ids = (
        select(E.c.id)
        .select_from(_source(filters))
        .where(*_conditions(filters, book))
        .order_by(E.c.id)
        .limit(page.limit)
        .offset(page.offset - before)
        .scalar_subquery()
    )
    query = (
        select(E, D.c.name, D.c.published, D.c.copy_of)
        .join(D, D.c.id == E.c.document_id)
        .where(E.c.id.in_(raw_ids))
        .order_by(E.c.id)
    )
    with ledger.engine.connect() as c:
        raw = [stored_estimate(dict(r._mapping)) for r in c.execute(query)]
    chosen = raw + [figures[i] for i in ids[before : before + page.limit]]
    return sorted(chosen, key=lambda s: s.id)[: page.limit]


def _figures(filters: Filters, book: Reviewed | None) -> dict[str, StoredEstimate]:
    return {f.id: f for f in book.unique if filters.selects(f)} if book else {}


def _conditions(filters: Filters, book: Reviewed | None) -> list[ColumnElement[bool]]:
    conds = estimate_conditions(filters)
    if book and book.dropped:
        conds.append(E.c.id.not_in(sorted(book.dropped)))
    return conds


def _figures_before(
    ledger: Ledger, filters: Filters, book: Reviewed | None, ids: list[str], offset: int
) -> int:
    """How many of the reviewed figures `ids` (sorted) come among the first `offset` of the
    merged order. The i-th sits at i plus the extractor's ids below it: that grows with i, so
    a binary search asks the database a few counts."""
    if not ids or offset == 0:
        return 0

    def position(i: int) -> int:
        below = [*_conditions(filters, book), E.c.id < ids[i]]
        query = select(func.count()).select_from(_source(filters)).where(*below)
        with ledger.engine.connect() as c:
            return i + int(c.execute(query).scalar_one())

    low, high = 0, len(ids)  # the answer: the first i whose position is offset or more
    while low < high:
        middle = (low + high) // 2
        if position(middle) < offset:
            low = middle + 1
        else:
            high = middle
    return low


def _source(filters: Filters) -> Any:
    return E.join(D, D.c.id == E.c.document_id) if _needs_documents(filters) else E


def _needs_documents(filters: Filters) -> bool:
    # Every estimate has its document: join only when a filter reads the document's columns.
    return bool(filters.document or filters.as_of)


def count_documents(ledger: Ledger, search: str | None) -> int:
    query = select(func.count()).select_from(D)
    if search:
        query = query.where(document_matches(search))
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one())
