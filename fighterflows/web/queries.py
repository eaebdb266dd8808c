"""Paged reads the Ledger does not offer yet: a page of estimates and the totals behind a page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from fighterflows.ledger import Filters, Ledger, StoredEstimate, schema
from fighterflows.ledger.convert import stored_estimate

# The ledger's own filter semantics (as-of bounds, source matching), so a page of estimates
# selects exactly what `Ledger.estimates` would.
from fighterflows.ledger.store import _conditions

D, E = schema.documents, schema.estimates


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def count_estimates(ledger: Ledger, filters: Filters) -> int:
    query = (
        select(func.count())
        .select_from(E.join(D, D.c.id == E.c.document_id))
        .where(*_conditions(filters))
    )
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one())


def page_estimates(ledger: Ledger, filters: Filters, page: Page) -> list[StoredEstimate]:
    query = (
        select(E, D.c.name, D.c.published, D.c.copy_of)
        .join(D, D.c.id == E.c.document_id)
        .where(*_conditions(filters))
        .order_by(D.c.name, E.c.document_id, E.c.seq)
        .limit(page.limit)
        .offset(page.offset)
    )
    with ledger.engine.connect() as c:
        return [stored_estimate(dict(r._mapping)) for r in c.execute(query)]


def count_documents(ledger: Ledger, search: str | None) -> int:
    query = select(func.count()).select_from(D)
    if search:
        like = f"%{search.lower()}%"
        query = query.where(or_(func.lower(D.c.name).like(like), func.lower(D.c.title).like(like)))
    with ledger.engine.connect() as c:
        return int(c.execute(query).scalar_one())
