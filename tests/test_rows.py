"""An estimate as a row of the estimates table, made by the worker that extracted it: the
columns are the table's, each value is its estimate's field, and a figure twice at one spot is
one row. Stored and read back, a row gives its estimate again (on Parquet too, Dask's way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fighterflows.batches import estimates_path, extract_to_parquet, load_parquet
from fighterflows.engines import extract_spilled
from fighterflows.ledger import Ledger, NewDocument, schema
from fighterflows.model import Flow, Kind, Qualifier
from fighterflows.read import ReadOptions
from fighterflows.rows import ESTIMATE_COLUMNS, estimate_id, estimate_row, estimate_rows
from fighterflows.scan import scan
from fighterflows.units import plan
from tests.factories import document, estimate

DOC = document("a.txt", ["Some 850 people left the UK for Syria.", "About 40% of them returned."])
COUNT = estimate(DOC, "850", flow=Flow.DEPARTED, value=850.0, group="IS")
SHARE = estimate(DOC, "40%", flow=Flow.RETURNED, kind=Kind.SHARE, value=0.4, source=None)
RANGE = estimate(DOC, "850", qualifier=Qualifier.RANGE, low=800.0, high=900.0, derived=True)


def test_the_columns_are_the_tables_in_its_order() -> None:
    assert tuple(c.name for c in schema.estimates.columns) == ESTIMATE_COLUMNS


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("document_id", DOC.content_hash),
        ("seq", 3),
        ("extractor", "x-1"),
        ("provenance", "t.csv row 2"),
        ("start", 5),
        ("end", 8),
        ("quote", "850"),
        ("flow", "departed"),
        ("population", "total"),
        ("kind", "count"),
        ("value", 850.0),
        ("qualifier", "exact"),
        ("source", "ICSR"),
        ("armed_group", "IS"),
        ("as_of", "2017-10-24"),
        ("scope", "cumulative"),
        ("derived", False),
    ],
)
def test_each_value_is_its_estimates_field(column: str, expected: object) -> None:
    row = estimate_row(DOC.content_hash, 3, COUNT, "x-1", "t.csv row 2")
    assert dict(zip(ESTIMATE_COLUMNS, row, strict=True))[column] == expected


def test_a_figure_twice_at_one_spot_is_one_row_the_first() -> None:
    rows = estimate_rows(DOC.content_hash, [COUNT, SHARE, COUNT], "x-1")
    assert [r[0] for r in rows] == [estimate_id(DOC.content_hash, e) for e in (COUNT, SHARE)]
    assert [r[2] for r in rows] == [0, 1]  # seq: the place in the extractor's output


def test_rows_made_beforehand_store_what_the_estimates_would(tmp_path: Path) -> None:
    by_objects = Ledger.open(str(tmp_path / "a.db"))
    by_rows = Ledger.open(str(tmp_path / "b.db"))
    found = [COUNT, SHARE, RANGE]
    by_objects.add_document(NewDocument(DOC, found, "x-1"))
    rows = estimate_rows(DOC.content_hash, found, "x-1")
    by_rows.add_document(NewDocument(DOC, (), "x-1", rows=rows))
    assert len(by_objects.estimates()) == 3
    assert by_rows.estimates() == by_objects.estimates()


def test_a_parquet_batch_gives_back_the_pools_results(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "one", "date": "2018-01-01", "text": "Some 850 people left the UK for Syria."}\n'
        '{"id": "two", "text": "The council met on Tuesday about the roads."}\n'
        '{"id": "three", "text": "About 40 women returned to France from Syria in 2017."}\n',
        encoding="utf-8",
    )
    (unit,) = plan([str(corpus)], 1 << 20)
    spill = str(tmp_path / "spill")
    offsets = [offset for _, offset, _ in scan(unit, ReadOptions(), spill).relevant]
    path = extract_to_parquet(spill, offsets, str(tmp_path / "batch.parquet"))
    assert Path(estimates_path(path)).exists()
    loaded = load_parquet(path)
    assert loaded == extract_spilled(spill, offsets)
    assert [x.document.id for x in loaded] == ["one", "three"]
    assert all(x.rows and x.found >= len(x.rows) for x in loaded)
