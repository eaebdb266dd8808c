"""Rows ↔ records: how a stored estimate is read back, and a claim maps onto the claims table
(an Estimate becomes a row in `fighterflows/rows.py`, where a worker can make it)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from fighterflows.ledger.records import Citation, DocumentInfo, StoredEstimate
from fighterflows.model import Estimate, Flow, Kind, Population, Qualifier, Scope
from fighterflows.rows import EstimateRow


class ClaimFields(Protocol):
    """What the claims table keeps of a claim (`reconcile.Claim`, a later stage, has these)."""

    @property
    def id(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def flow(self) -> str: ...
    @property
    def population(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def kind(self) -> Kind: ...
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def qualifier(self) -> Qualifier: ...
    @property
    def as_of(self) -> str | None: ...
    @property
    def derived(self) -> bool: ...
    @property
    def estimates(self) -> Sequence[str]: ...
    @property
    def documents(self) -> Sequence[str]: ...


def claim_row(c: ClaimFields) -> dict[str, Any]:
    return {
        "id": c.id,
        "place": c.place,
        "flow": str(c.flow),
        "population": c.population,
        "scope": c.scope,
        "source": c.source,
        "kind": c.kind.value,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "qualifier": c.qualifier.value,
        "as_of": c.as_of,
        "derived": c.derived,
        "estimate_ids": json.dumps(list(c.estimates)),
        "document_ids": json.dumps(list(c.documents)),
    }


Member = TypeVar("Member", bound=StrEnum)


def _members(kind: type[Member]) -> Callable[[str], Member]:
    """`kind(value)` through a dictionary: the enum's own call is the larger part of turning a
    row into a record, and settling an ingest turns every stored estimate (tens of thousands).
    A value the enum lacks still fails as the enum's call does."""
    members = {m.value: m for m in kind}

    def member(value: str) -> Member:
        found = members.get(value)
        return kind(value) if found is None else found

    return member


_flow, _population, _kind = _members(Flow), _members(Population), _members(Kind)
_qualifier, _scope = _members(Qualifier), _members(Scope)


def stored_estimate(row: Mapping[str, Any]) -> StoredEstimate:
    e = Estimate(
        doc=row["name"],
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        sentence=row["sentence"],
        place=row["place"],
        place_text=row["place_text"] or "",
        flow=_flow(row["flow"]),
        population=_population(row["population"]),
        population_text=row["population_text"],
        kind=_kind(row["kind"]),
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=_qualifier(row["qualifier"]),
        base=row["base"],
        source=row["source"],
        source_text=row["source_text"],
        zone=row["zone"],
        group=row["armed_group"],
        as_of=row["as_of"],
        since=row["since"],
        scope=_scope(row["scope"] or Scope.CUMULATIVE),
        derived=bool(row["derived"]),
    )
    return StoredEstimate(
        id=row["id"],
        document_id=row["document_id"],
        estimate=e,
        extractor=row["extractor"],
        published=row["published"],
        copy_of=row["copy_of"],
        provenance=row["provenance"],
    )


def row_estimate(row: EstimateRow, name: str) -> Estimate:
    """The estimate of a row in the order of `fighterflows/rows.py` (the estimates table's
    columns; any after them are not read) whose document is named `name`: what the ledger reads
    back from that row (`stored_estimate`), made without the round trip."""
    (_, _, _, _, _, start, end, quote, sentence, place, place_text, flow, population) = row[:13]
    (population_text, kind, value, low, high, qualifier, base, source, source_text) = row[13:22]
    (zone, group, as_of, since, scope, derived) = row[22:28]
    return Estimate(
        name,
        start,
        end,
        quote,
        sentence,
        place,
        place_text or "",
        _flow(flow),
        _population(population),
        population_text,
        _kind(kind),
        _real(value),
        _real(low),
        _real(high),
        _qualifier(qualifier),
        base,
        source,
        source_text,
        zone,
        group,
        as_of,
        since,
        _scope(scope or Scope.CUMULATIVE),
        bool(derived),
    )


def _real(x: float | None) -> float | None:
    """As a Float column gives it back (an integer stored there is read as a float)."""
    return None if x is None else float(x)


def document_info(row: Mapping[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=row["id"],
        name=row["name"],
        uri=row["uri"],
        title=row["title"],
        published=row["published"],
        copy_of=row["copy_of"],
        estimates=int(row["n_estimates"] or 0),
        chars=int(row["chars"] or 0),
        outlet=row["outlet"],
        author=row["author"],
        url=row["url"],
        accessed=row["accessed"],
        paged=bool(row["paged"]),
    )


def citation(row: Mapping[str, Any]) -> Citation:
    return Citation(
        document_id=row["id"],
        name=row["name"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        url=row["url"],
        uri=row["uri"],
        published=row["published"],
        accessed=row["accessed"],
        paged=bool(row["paged"]),
    )
