"""The ledger on SQLite and on a real PostgreSQL: the same suite runs on both."""

from __future__ import annotations

import threading

import pytest

from fighterflows.ledger import Filters, Ledger, NewDocument
from fighterflows.model import Flow, Qualifier
from tests.factories import document, estimate


def _doc_and_estimates(name: str = "a.txt", n: int = 425) -> NewDocument:
    doc = document(
        name, [f"Some {n} Britons have returned, ICSR said.", "About 850 travelled to Syria."]
    )
    found = [
        estimate(doc, f"Some {n}", value=n, qualifier=Qualifier.APPROX),
        estimate(doc, "About 850", flow=Flow.DEPARTED, value=850, qualifier=Qualifier.APPROX),
    ]
    return NewDocument(doc, found, "test-1")


def test_document_and_estimates_round_trip(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    new = _doc_and_estimates()
    assert ledger.add_document(new)
    stored = ledger.estimates()
    assert [s.estimate for s in stored] == list(new.estimates)
    assert all(s.extractor == "test-1" for s in stored)
    record = ledger.document("a.txt")
    assert record is not None and record.text == new.document.text
    assert ledger.document(new.document.content_hash) == record


def test_adding_a_document_twice_changes_nothing(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    assert ledger.add_document(_doc_and_estimates())
    before = ledger.counts()
    assert not ledger.add_document(_doc_and_estimates())
    assert ledger.counts() == before


def test_reopening_runs_no_migration_twice(ledger_url: str) -> None:
    Ledger.open(ledger_url).add_document(_doc_and_estimates())
    assert Ledger.open(ledger_url).counts()["estimates"] == 2


def test_provenance_holds_for_stored_estimates(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.add_document(_doc_and_estimates())
    for s in ledger.estimates():
        record = ledger.document(s.document_id)
        assert record is not None
        assert record.text[s.estimate.start : s.estimate.end] == s.estimate.quote


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(flow="returned"), ["Some 425"]),
        (Filters(flow="departed"), ["About 850"]),
        (Filters(place="FRA"), []),
        (Filters(source="icsr"), ["Some 425", "About 850"]),
        (Filters(as_of="2017-10"), ["Some 425", "About 850"]),
        (Filters(as_of="2016-12-31"), []),
        (Filters(document="a.txt"), ["Some 425", "About 850"]),
    ],
)
def test_filters(ledger_url: str, filters: Filters, expected: list[str]) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.add_document(_doc_and_estimates())
    assert [s.estimate.quote for s in ledger.estimates(filters)] == expected


def test_errors_and_runs_are_recorded(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    run = ledger.start_run("ingest x", "test-1")
    ledger.add_error("broken.pdf", "truncated PDF", run)
    assert [(e.location, e.reason) for e in ledger.errors()] == [("broken.pdf", "truncated PDF")]
    assert ledger.counts()["runs"] == 1


def test_estimate_lookup_by_id_and_prefix(ledger_url: str) -> None:
    ledger = Ledger.open(ledger_url)
    ledger.add_document(_doc_and_estimates())
    first = ledger.estimates()[0]
    assert ledger.estimate(first.id) == first
    assert ledger.estimate(first.id[:8]) == first
    assert ledger.estimate("nonexistent") is None


def test_a_reader_sees_whole_documents_while_a_writer_adds(ledger_url: str) -> None:
    writer = Ledger.open(ledger_url)
    reader = Ledger.open(ledger_url)
    done = threading.Event()
    seen: list[int] = []

    def write() -> None:
        for i in range(40):
            writer.add_document(_doc_and_estimates(f"d{i}.txt", n=400 + i))
        done.set()

    thread = threading.Thread(target=write)
    thread.start()
    while not done.is_set():
        counts = reader.counts()
        # Each document carries exactly two estimates: a torn write would break the ratio.
        estimates = reader.estimates()
        docs = {s.document_id for s in estimates}
        assert len(estimates) == 2 * len(docs)
        seen.append(counts["documents"])
    thread.join()
    assert reader.counts()["documents"] == 40


def test_bulk_add_matches_one_by_one_and_skips_what_is_there(ledger_url: str) -> None:
    bulk = Ledger.open(ledger_url)
    news = [_doc_and_estimates(f"d{i}.txt", n=400 + i) for i in range(5)]
    assert bulk.add_document(news[0])
    assert bulk.add_documents([*news, news[1]]) == [False, True, True, True, True, False]
    assert bulk.counts()["documents"] == 5 and bulk.counts()["estimates"] == 10
    stored = bulk.estimates()
    assert sorted(s.estimate.quote for s in stored) == sorted(
        e.quote for n in news for e in n.estimates
    )


def test_a_ledger_of_revision_0002_is_upgraded_in_place_claims_and_all(ledger_url: str) -> None:
    """A ledger written before scopes existed opens, keeps its rows, and reads them as
    cumulative totals (what they were taken for when stored)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from fighterflows.ledger.connect import MIGRATIONS, make_engine
    from fighterflows.model import Scope

    engine = make_engine(ledger_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(
            text(
                "INSERT INTO documents (id, name, text, ingested_at) "
                "VALUES ('h1', 'old.txt', 'About 850 Britons went.', '2020-01-01')"
            )
        )
        connection.execute(
            text(
                'INSERT INTO estimates (id, document_id, seq, extractor, start, "end", quote, '
                "sentence, place, flow, population, kind, value, qualifier, derived) VALUES "
                "('e1', 'h1', 0, 'old', 0, 9, 'About 850', 'About 850 Britons went.', 'GBR', "
                "'departed', 'total', 'count', 850, 'approx', false)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO claims (id, place, flow, population, kind, value, qualifier, "
                "derived, estimate_ids, document_ids) VALUES ('c1', 'GBR', 'departed', "
                "'total', 'count', 850, 'approx', false, '[\"e1\"]', '[\"h1\"]')"
            )
        )
    engine.dispose()
    ledger = Ledger.open(ledger_url)
    (stored,) = ledger.estimates()
    assert (stored.estimate.quote, stored.estimate.scope) == ("About 850", Scope.CUMULATIVE)
    with make_engine(ledger_url).connect() as connection:
        claims = connection.execute(text("SELECT id, scope FROM claims")).all()
    assert [tuple(c) for c in claims] == [("c1", "cumulative")], "claims keep their rows"


CITED = dict(
    outlet="The Harbour Courier",
    author="Jane Doe; John Roe",
    url="https://courier.example/britons?x=1&y=ü",
    accessed="2024-03-01",
    title="Britons ‘return’",
)


@pytest.mark.parametrize("bulk", [False, True], ids=["one-by-one", "bulk (COPY on PostgreSQL)"])
def test_citation_fields_round_trip(ledger_url: str, bulk: bool) -> None:
    import dataclasses

    from fighterflows.ledger import Citation

    new = _doc_and_estimates()
    cited = dataclasses.replace(new.document, **CITED)
    # declares nothing, but has pages (a PDF): cited as a report
    plain = dataclasses.replace(_doc_and_estimates("b.txt", n=300).document, pages=(0,))
    ledger = Ledger.open(ledger_url)
    docs = [NewDocument(cited, new.estimates, "test-1"), NewDocument(plain, [], "test-1")]
    if bulk:
        ledger.add_documents(docs)
    else:
        for d in docs:
            ledger.add_document(d)
    record = ledger.document("a.txt")
    assert record is not None
    info = record.info
    assert (info.outlet, info.author, info.url, info.accessed, info.title) == (
        CITED["outlet"],
        CITED["author"],
        CITED["url"],
        CITED["accessed"],
        CITED["title"],
    )
    # only documents with estimates are cited by claims: one query, no text
    assert ledger.citations() == {
        cited.content_hash: Citation(
            document_id=cited.content_hash,
            name="a.txt",
            title=CITED["title"],
            outlet=CITED["outlet"],
            author=CITED["author"],
            url=CITED["url"],
            uri=None,
            published="2017-10-24",
            accessed=CITED["accessed"],
            paged=False,
        )
    }
    listed = {d.name: d for d in ledger.documents()}
    assert listed["a.txt"].citation == ledger.citations()[cited.content_hash]
    assert (listed["b.txt"].outlet, listed["b.txt"].url, listed["b.txt"].paged) == (
        None,
        None,
        True,
    )
    assert not listed["a.txt"].paged
