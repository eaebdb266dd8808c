"""Paged reads the Ledger does not offer yet: a page of estimates and the totals behind a page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from fighterflows.ledger import Filters, Ledger, StoredEstimate, schema
from fighterflows.ledger.convert import stored_estimate

# The ledger's own filter semantics (as-of bounds, source matching), so a page of estimates
# selects exactly what `Ledger.estimates` would.
from fighterflows.ledger.store import document_matches, estimate_conditions

D, E = schema.documents, schema.estimates


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def count_estimates(ledger: Ledger, filters: Filters) -> int:
    source = E.join(D, D.c.id == E.c.document_id) if _needs_documents(filters) else E
    query = select(func.count()).select_from(source).where(*estimate_conditions(filters))
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one())


def page_estimates(ledger: Ledger, filters: Filters, page: Page) -> list[StoredEstimate]:
    """One page in the order of estimate ids: the ids are picked from the primary key's index
    first (skipping `offset` entries there is cheap), then only those rows are read."""
    source = E.join(D, D.c.id == E.c.document_id) if _needs_documents(filters) else E
    ids = (
        select(E.c.id)
        .select_from(source)
        .where(*estimate_conditions(filters))
        .order_by(E.c.id)
        .limit(page.limit)
        .offset(page.offset)
        .scalar_subquery()
    )
    query = (
        select(E, D.c.name, D.c.published, D.c.copy_of)
        .join(D, D.c.id == E.c.document_id)
        .where(E.c.id.in_(ids))
        .order_by(E.c.id)
    )
    with ledger.engine.connect() as c:
        return [stored_estimate(dict(r._mapping)) for r in c.execute(query)]


def _needs_documents(filters: Filters) -> bool:
    # Every estimate has its document: join only when a filter reads the document's columns.
    return bool(filters.document or filters.as_of)


def count_documents(ledger: Ledger, search: str | None) -> int:
    query = select(func.count()).select_from(D)
    if search:
        query = query.where(document_matches(search))
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one())
