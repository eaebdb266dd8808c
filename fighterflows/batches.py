"""A batch of extracted documents as a Parquet file: written by a Dask worker, loaded by the
ingest that stores it.

The worker's side of `scale.py`, in a module of its own: a Dask worker imports the module of
each function it runs, and this one needs the extractor and pyarrow, nothing of the ledger or
the pipeline (a second and more of every new worker's start; tests/test_import_rules.py).
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from fighterflows.engines import Extracted, extract_spilled
from fighterflows.model import Document, Estimate

DOCUMENT_FIELDS = (
    "id",
    "text",
    "uri",
    "title",
    "published",
    "pages",
    "outlet",
    "author",
    "url",
    "accessed",
)


def extract_to_parquet(spill: str, offsets: list[int], path: str) -> str:
    """On a worker: extract documents of a spill and write them as one Parquet file."""
    rows = []
    for result in extract_spilled(spill, offsets):
        d = result.document
        rows.append(
            {
                **{f: getattr(d, f) for f in DOCUMENT_FIELDS if f != "pages"},
                "pages": json.dumps(list(d.pages)),
                "minhash": result.minhash,
                "estimates": json.dumps([e.to_json() for e in result.estimates]),
            }
        )
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), path)
    return path


def _schema() -> pa.Schema:
    strings = [(f, pa.string()) for f in DOCUMENT_FIELDS]
    extra = [("minhash", pa.binary()), ("estimates", pa.string())]
    return pa.schema(strings + extra)


def load_parquet(path: str) -> list[Extracted]:
    loaded = []
    for row in pq.read_table(path).to_pylist():
        doc = Document(
            **{f: row[f] for f in DOCUMENT_FIELDS if f != "pages"},
            pages=tuple(json.loads(row["pages"])),
        )
        found = tuple(Estimate.from_json(e) for e in json.loads(row["estimates"]))
        loaded.append(Extracted(doc, found, row["minhash"]))
    return loaded
