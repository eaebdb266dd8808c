"""Exports of the ledger: CSV, JSONL (the contract), Parquet, a SQLite file for Datasette."""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from fighterflows.analysis import Reconciliation
from fighterflows.ledger import Citation, StoredEstimate
from fighterflows.model import Estimate
from fighterflows.report.serialize import (
    TABLE_COLUMNS,
    claim_json,
    conflict_json,
    estimate_json,
    row_json,
)
from fighterflows.report.tables import csv_cell

CONTRACT_FIELDS = tuple(f.name for f in dataclasses.fields(Estimate))
# `review`: null, or confirmed / corrected / added when an analyst's word stands for the figure
LEDGER_FIELDS = ("id", "document_id", "extractor", "copy_of", "provenance", "review")
# how to cite the document each estimate comes from (see docs/cli.md, export)
CITATION_FIELDS = ("title", "outlet", "author", "url", "published", "accessed")
COLUMNS = (*CONTRACT_FIELDS, *LEDGER_FIELDS, *CITATION_FIELDS)
Citations = Mapping[str, Citation]


def estimate_records(
    stored: Sequence[StoredEstimate], citations: Citations | None = None
) -> list[dict[str, Any]]:
    """Estimates as exported: the contract's fields, the ledger's, and their document's
    citation fields (empty when `citations` does not know the document)."""
    cited = citations or {}
    out = []
    for s in stored:
        record = estimate_json(s)
        c = cited.get(s.document_id)
        record.update({f: getattr(c, f) if c else None for f in CITATION_FIELDS})
        out.append(record)
    return out


def write_jsonl(stored: Sequence[StoredEstimate], out: TextIO) -> None:
    """Estimates in contract form plus their ledger `id` and `review`, one per line; `base`
    indexes the extractor's output for the document."""
    for s in stored:
        record = {**s.estimate.to_json(), "id": s.id, "review": s.review}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_csv(
    stored: Sequence[StoredEstimate], out: TextIO, citations: Citations | None = None
) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for r in estimate_records(stored, citations):
        writer.writerow([csv_cell(r.get(c)) for c in COLUMNS])


def write_parquet(
    stored: Sequence[StoredEstimate], out: Path, citations: Citations | None = None
) -> None:
    records = estimate_records(stored, citations)
    table = pa.table({c: [_plain(r.get(c), c) for r in records] for c in COLUMNS}, schema=_schema())
    pq.write_table(table, out)


def _plain(v: Any, column: str) -> Any:
    if column in ("value", "low", "high") and v is not None:
        return float(v)
    return v


def _schema() -> pa.Schema:
    types: dict[str, pa.DataType] = {c: pa.string() for c in COLUMNS}
    types.update(start=pa.int64(), end=pa.int64(), base=pa.int64(), derived=pa.bool_())
    types.update(value=pa.float64(), low=pa.float64(), high=pa.float64())
    return pa.schema(list(types.items()))


def write_sqlite(rec: Reconciliation, out: Path, citations: Citations | None = None) -> None:
    """A file Datasette opens with readable tables: estimates, consensus, claims, conflicts,
    and documents (how to cite each)."""
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    try:
        _table(db, "estimates", estimate_records(list(rec.estimates), citations), COLUMNS)
        documents = [dataclasses.asdict(c) for c in (citations or {}).values()]
        _table(db, "documents", documents, [f.name for f in dataclasses.fields(Citation)])
        _table(db, "consensus", [row_json(r) for r in rec.rows], TABLE_COLUMNS)
        _table(db, "claims", [claim_json(c) for c in rec.claims])
        _table(db, "conflicts", [conflict_json(c) for c in rec.conflicts])
        db.commit()
    finally:
        db.close()


def _table(
    db: sqlite3.Connection,
    name: str,
    rows: list[dict[str, Any]],
    columns: Sequence[str] | None = None,
) -> None:
    cols = list(columns or (rows[0].keys() if rows else ["id"]))
    db.execute(f'CREATE TABLE "{name}" ({", ".join(f"[{c}]" for c in cols)})')
    marks = ", ".join("?" for _ in cols)
    db.executemany(
        f'INSERT INTO "{name}" VALUES ({marks})',
        [[_sql(r.get(c)) for c in cols] for r in rows],
    )


def _sql(v: Any) -> Any:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return v
