"""Settling an ingest from what it stored (kept as it stored it) gives what reading everything
back from the ledger gives: the same estimates, copy marks and claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fighterflows import pipeline, settle
from fighterflows.ledger import Ledger, schema
from fighterflows.ledger.convert import stored_estimate
from fighterflows.review.book import reviewed_estimates
from fighterflows.rows import ESTIMATE_COLUMNS
from tests.ingest_corpus import record, snapshot, write_corpus


def _checking(seen: list[bool]) -> Any:
    def check(ledger: Ledger, written: settle.Written | None = None) -> None:
        assert written is not None
        settle.settle(ledger, written)
        marks, changed = settle._copies(ledger)
        assert not changed  # settled already
        kept = settle._estimates(ledger, written, marks)
        seen.append(kept is not None)
        assert kept == reviewed_estimates(ledger)

    return check


def test_settling_from_what_a_run_stored_equals_reading_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_corpus(tmp_path / "first.jsonl", range(0, 36))
    # the whole corpus, and a text of the first run again under a name and date that rank
    # first: this run stores its record in place of the first run's
    whole = write_corpus(tmp_path / "whole.jsonl", range(0, 72))
    again = dict(record(3, 3), id="aaa-first", date="2016-01-01")
    with whole.open("a", encoding="utf-8") as f:
        f.write(json.dumps(again) + "\n")
    db = str(tmp_path / "l.db")
    seen: list[bool] = []
    monkeypatch.setattr(pipeline, "settle", _checking(seen))
    ledger = Ledger.open(db)
    for corpus in (first, whole):
        pipeline.ingest(ledger, [str(corpus)], pipeline.IngestOptions(workers=1))
    assert seen == [True, True]
    assert "aaa-first" in {d.name for d in ledger.documents(limit=10**9)}
    claims = snapshot(db)["claims"]
    assert claims
    settle.refresh_claims(ledger)  # everything read back from the ledger
    assert snapshot(db)["claims"] == claims


def test_a_run_whose_records_another_replaced_is_read_back(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    ledger = Ledger.open(db)
    corpus = write_corpus(tmp_path / "c.jsonl", range(0, 12))
    pipeline.ingest(ledger, [str(corpus)], pipeline.IngestOptions(workers=1))
    run = max(r.id for r in ledger.runs())
    stored = settle.Written(run)
    marks, _ = settle._copies(ledger)
    assert settle._estimates(ledger, stored, marks) is None  # it says it stored nothing


def test_estimates_read_by_position_are_those_read_by_name(tmp_path: Path) -> None:
    assert tuple(c.name for c in schema.estimates.columns) == ESTIMATE_COLUMNS
    db = str(tmp_path / "l.db")
    ledger = Ledger.open(db)
    corpus = write_corpus(tmp_path / "c.jsonl", range(0, 24))
    pipeline.ingest(ledger, [str(corpus)], pipeline.IngestOptions(workers=1))
    e, d = schema.estimates, schema.documents
    query = (
        select(e, d.c.name, d.c.published, d.c.copy_of)
        .join(d, d.c.id == e.c.document_id)
        .order_by(d.c.name, e.c.document_id, e.c.seq)
    )
    with ledger.engine.connect() as c:
        by_name = [stored_estimate(r) for r in c.execute(query).mappings()]
    assert by_name
    assert ledger.estimates() == by_name


def test_a_run_that_stored_more_than_it_keeps_is_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settle, "KEEP_AT_MOST", 10)
    seen: list[bool] = []

    def check(ledger: Ledger, written: settle.Written | None = None) -> None:
        assert written is not None and written.documents is None and written.kept > 10
        settle.settle(ledger, written)
        seen.append(True)

    monkeypatch.setattr(pipeline, "settle", check)
    db = str(tmp_path / "l.db")
    ledger = Ledger.open(db)
    corpus = write_corpus(tmp_path / "c.jsonl", range(0, 12))
    pipeline.ingest(ledger, [str(corpus)], pipeline.IngestOptions(workers=1))
    assert seen == [True]
    claims = snapshot(db)["claims"]
    assert claims
    settle.refresh_claims(ledger)
    assert snapshot(db)["claims"] == claims
