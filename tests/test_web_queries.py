"""Paged reads of the ledger (pages of estimates, totals) and the web state's fingerprint, on SQLite
and on a real PostgreSQL, through the shared `ledger_url` fixture."""

from __future__ import annotations

import pytest
from web_fixtures import DOCUMENTS, Fig, make_document

from fighterflows.ledger import Filters, Ledger, RunStats
from fighterflows.ledger.paging import Page, count_documents, count_estimates, page_estimates
from fighterflows.model import Flow
from fighterflows.web.state import LedgerState, fingerprint


@pytest.fixture
def ledger(ledger_url: str) -> Ledger:
    opened = Ledger.open(ledger_url)
    for new in DOCUMENTS:
        opened.add_document(new)
    return opened


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(place="FRA"),
        Filters(flow="returned", source="soufan"),
        Filters(as_of="2016"),
        Filters(document="2017-soufan-returnees"),
    ],
    ids=["all", "place", "flow-source", "as-of", "document"],
)
def test_pages_cover_what_the_ledger_selects(ledger: Ledger, filters: Filters) -> None:
    expected = sorted(s.id for s in ledger.estimates(filters))
    pages = [page_estimates(ledger, filters, Page(3, offset)) for offset in range(0, 15, 3)]
    got = [s.id for page in pages for s in page]
    assert got == expected
    assert count_estimates(ledger, filters) == len(expected)
    ledger.close()


def test_document_totals(ledger: Ledger) -> None:
    assert count_documents(ledger, None) == len(DOCUMENTS)
    assert count_documents(ledger, "SOUFAN") == 1
    ledger.close()


def test_the_fingerprint_moves_with_every_write(ledger: Ledger) -> None:
    before = fingerprint(ledger)
    assert fingerprint(ledger) == before
    run = ledger.start_run("test", "hand-1")
    fig = Fig("320", "AUT", Flow.DEPARTED, 320, "Austrian government", "2019-06")
    ledger.add_document(make_document("later", "2019-06-01", ["Austria: 320."], [fig]), run)
    assert fingerprint(ledger) != before
    after_add = fingerprint(ledger)
    ledger.finish_run(run, RunStats())
    assert fingerprint(ledger) != after_add
    ledger.close()


def test_snapshots_on_both_databases(ledger: Ledger) -> None:
    state = LedgerState(ledger)
    snap = state.snapshot()
    assert {r.place for r in snap.recon.rows} == {"FRA", "DEU", "BEL", "GBR"}
    assert state.snapshot() is snap  # cached
    narrowed = state.snapshot(Filters(source="ICSR"))
    assert {c.source for c in narrowed.recon.claims} == {"ICSR"}
    ledger.close()


def test_a_rebuild_in_progress_serves_the_previous_snapshot(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("fighterflows.web.state.RECHECK_SECONDS", 0.0)
    state = LedgerState(ledger)
    before = state.snapshot()
    fig = Fig("320", "AUT", Flow.DEPARTED, 320, "Austrian government", "2019-06")
    ledger.add_document(make_document("later", "2019-06-01", ["Austria: 320."], [fig]))
    with state._building:  # another request is reconciling the changed ledger
        assert state.snapshot() is before
    after = state.snapshot()
    assert "AUT" in {r.place for r in after.recon.rows}
    assert state.snapshot() is after
    ledger.close()
