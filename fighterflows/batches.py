"""A batch of extracted documents as Parquet files: written by a Dask worker, loaded by the
ingest that stores it.

The worker's side of `scale.py`, in a module of its own: a Dask worker imports the module of
each function it runs, and this one needs the extractor and pyarrow, nothing of the ledger or
the pipeline (a second and more of every new worker's start; tests/test_import_rules.py).

A batch is two files: its documents, and their estimates as the ledger's rows (made by the
worker, `rows.py`), both read back by columns: the client makes no Estimate and parses no JSON.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fighterflows.engines import Extracted, extract_spilled
from fighterflows.model import Document
from fighterflows.rows import ESTIMATE_COLUMNS

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
_COUNTS = ("rows", "found")  # a document's rows in the estimates file, and estimates found
_INTEGERS = {"seq", "start", "end", "base"}
_FLOATS = {"value", "low", "high"}


def estimates_path(path: str) -> str:
    """Where the estimates of the batch whose documents are at `path` are."""
    return path + ".estimates"


def extract_to_parquet(spill: str, offsets: list[int], path: str) -> str:
    """On a worker: extract documents of a spill and write them as a batch's two files."""
    documents: dict[str, list[Any]] = {f: [] for f in (*DOCUMENT_FIELDS, "minhash", *_COUNTS)}
    estimates: list[tuple[Any, ...]] = []
    for result in extract_spilled(spill, offsets):
        d = result.document
        for f in DOCUMENT_FIELDS:
            documents[f].append(json.dumps(list(d.pages)) if f == "pages" else getattr(d, f))
        documents["minhash"].append(result.minhash)
        documents["rows"].append(len(result.rows))
        documents["found"].append(result.found)
        estimates.extend(result.rows)
    columns = dict(zip(ESTIMATE_COLUMNS, zip(*estimates, strict=True), strict=True))
    empty: dict[str, Any] = {name: () for name in ESTIMATE_COLUMNS}
    pq.write_table(pa.table(documents, schema=_document_schema()), path)
    pq.write_table(
        pa.table(columns if estimates else empty, schema=_estimate_schema()),
        estimates_path(path),
    )
    return path


def _document_schema() -> pa.Schema:
    strings = [(f, pa.string()) for f in DOCUMENT_FIELDS]
    return pa.schema([*strings, ("minhash", pa.binary()), *((c, pa.int64()) for c in _COUNTS)])


def _estimate_schema() -> pa.Schema:
    def kind(name: str) -> pa.DataType:
        if name in _INTEGERS:
            return pa.int64()
        if name in _FLOATS:
            return pa.float64()
        return pa.bool_() if name == "derived" else pa.string()

    return pa.schema([(name, kind(name)) for name in ESTIMATE_COLUMNS])


def load_parquet(path: str) -> list[Extracted]:
    """A batch's documents with their estimates' rows, read by columns."""
    docs = pq.read_table(path).to_pydict()
    found = pq.read_table(estimates_path(path)).to_pydict()
    rows = list(zip(*(found[name] for name in ESTIMATE_COLUMNS), strict=True))
    loaded, at = [], 0
    for i in range(len(docs["id"])):
        fields = {f: docs[f][i] for f in DOCUMENT_FIELDS if f != "pages"}
        doc = Document(**fields, pages=tuple(json.loads(docs["pages"][i])))
        n = docs["rows"][i]
        loaded.append(
            Extracted(doc, tuple(rows[at : at + n]), docs["found"][i], docs["minhash"][i])
        )
        at += n
    return loaded
