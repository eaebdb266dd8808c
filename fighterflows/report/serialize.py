"""Records as plain JSON-able dicts: one shape for the CLI, exports, the report and the API."""

from __future__ import annotations

from typing import Any

from fighterflows.conflicts import Conflict
from fighterflows.consensus import Row
from fighterflows.ledger import DocumentInfo, StoredEstimate
from fighterflows.population import per_million, residents
from fighterflows.reconcile import Claim

TABLE_COLUMNS = (
    "place",
    "flow",
    "population",
    "scope",
    "low",
    "best",
    "high",
    "per_million",
    "as_of",
    "sources",
    "claims",
    "documents",
    "reviewed",
)


def number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(float(x), 4)


def row_json(r: Row) -> dict[str, Any]:
    people = residents(r.place)
    return {
        "place": r.place,
        "flow": r.flow,
        "population": r.population,
        "scope": r.scope,
        "low": number(r.low),
        "best": number(r.best),
        "high": number(r.high),
        # best per million residents; the residents and their year say what it divides by
        "per_million": per_million(r.best, r.place),
        "residents": people.count if people else None,
        "residents_year": people.year if people else None,
        "as_of": r.as_of,
        "sources": list(r.sources),
        "claims": r.claims,
        "documents": r.documents,
        "derived": r.derived,
        "basis": r.basis.value,
        "since": r.since,
        "reviewed": r.reviewed,
    }


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "place": c.place,
        "flow": c.flow,
        "population": c.population,
        "scope": c.scope,
        "source": c.source,
        "kind": c.kind.value,
        "value": number(c.value),
        "low": number(c.low),
        "high": number(c.high),
        "qualifier": c.qualifier.value,
        "as_of": c.as_of,
        "derived": c.derived,
        "group": c.group,
        "part": c.part,
        "update": c.update,
        "reviewed": c.reviewed,
        "quote": c.quote,
        "estimates": list(c.estimates),
        "documents": list(c.documents),
        "copies": list(c.copies),
    }


def conflict_json(c: Conflict) -> dict[str, Any]:
    return {
        "place": c.place,
        "flow": c.flow,
        "population": c.population,
        "scope": c.scope,
        "kind": c.kind.value,
        "detail": c.detail,
        "claims": [claim_json(x) for x in c.claims],
        "documents": list(c.documents),
    }


def estimate_json(s: StoredEstimate) -> dict[str, Any]:
    """The contract's estimate, plus the ledger's id, extractor and provenance."""
    out = s.estimate.to_json()
    out.update(
        id=s.id,
        document_id=s.document_id,
        extractor=s.extractor,
        copy_of=s.copy_of,
        provenance=s.provenance,
        review=s.review,
    )
    return out


def document_json(d: DocumentInfo) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "uri": d.uri,
        "title": d.title,
        "published": d.published,
        "copy_of": d.copy_of,
        "estimates": d.estimates,
        "chars": d.chars,
        "outlet": d.outlet,
        "author": d.author,
        "url": d.url,
        "accessed": d.accessed,
    }
