"""An estimate as a row of the ledger's estimates table: made by the worker that extracted it.

Its own module, beside the model and free of the ledger's database layers (like `ranks.py`), so
that a pool or Dask worker can hand back plain tuples instead of Estimate objects: the ingest's
own process then stores them as they come (no objects to unpickle, no row to make per estimate
in the one process that does not scale). `tests/test_rows.py` holds the columns to the
table's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from fighterflows.model import Estimate

# The estimates table's columns, in its order (fighterflows/ledger/schema.py).
ESTIMATE_COLUMNS = (
    "id",
    "document_id",
    "seq",
    "extractor",
    "provenance",
    "start",
    "end",
    "quote",
    "sentence",
    "place",
    "place_text",
    "flow",
    "population",
    "population_text",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "base",
    "source",
    "source_text",
    "zone",
    "armed_group",
    "as_of",
    "since",
    "scope",
    "derived",
)

EstimateRow = tuple[Any, ...]  # values in the order of ESTIMATE_COLUMNS


def estimate_id(document_id: str, e: Estimate) -> str:
    """A stable id: the same figure at the same place of the same text keeps its id."""
    key = "|".join(
        str(x)
        for x in (document_id, e.start, e.end, e.place, e.flow, e.population, e.kind, e.derived)
    )
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def estimate_row(
    document_id: str, seq: int, e: Estimate, extractor: str, provenance: str | None = None
) -> EstimateRow:
    return (
        estimate_id(document_id, e),
        document_id,
        seq,
        extractor,
        provenance,
        e.start,
        e.end,
        e.quote,
        e.sentence,
        e.place,
        e.place_text,
        e.flow.value,
        e.population.value,
        e.population_text,
        e.kind.value,
        e.value,
        e.low,
        e.high,
        e.qualifier.value,
        e.base,
        e.source,
        e.source_text,
        e.zone,
        e.group,
        e.as_of,
        e.since,
        e.scope.value,
        e.derived,
    )


def estimate_rows(
    document_id: str,
    estimates: Iterable[Estimate],
    extractor: str,
    provenance: Iterable[str | None] | None = None,
) -> tuple[EstimateRow, ...]:
    """A document's estimates as rows; the same figure twice at one spot is one row (the
    first)."""
    found = list(estimates)
    origins = list(provenance) if provenance is not None else [None] * len(found)
    rows: dict[str, EstimateRow] = {}
    for seq, (e, origin) in enumerate(zip(found, origins, strict=True)):
        row = estimate_row(document_id, seq, e, extractor, origin)
        rows.setdefault(row[0], row)
    return tuple(rows.values())
