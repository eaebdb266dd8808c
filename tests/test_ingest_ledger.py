"""What an ingest keeps (issue 15): the documents the prefilter passes, with their text, and
nothing of the others but a count in their run; a re-ingest adds nothing; one process, the pool
and Dask give the same ledger; a changed prefilter says so and its sources are read again."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select, update

from fighterflows.cli import main
from fighterflows.extract import might_contain_estimates
from fighterflows.ledger import Ledger, schema
from fighterflows.model import Document
from fighterflows.pipeline import IngestOptions, ingest
from fighterflows.prefilters import fingerprint
from fighterflows.read import read_sources
from fighterflows.resources import sample_corpus
from fighterflows.scale import ingest_dask
from tests.ingest_corpus import marker, snapshot, write_corpus

N = 900  # one record in three an edition of a sample article, the rest filler


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def passing(corpus: Path) -> list[Document]:
    return [
        d
        for d in read_sources([str(corpus)])
        if isinstance(d, Document) and might_contain_estimates(d.text)
    ]


def test_only_documents_the_prefilter_passes_are_kept_and_the_run_counts_the_rest(
    ledger_url: str, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", range(N))
    code, output = invoke("ingest", str(corpus), "--db", ledger_url, "--workers", "2")
    assert code == 0, output
    kept = {d.content_hash: d for d in passing(corpus)}
    assert 0 < len(kept) < N // 2
    ledger = Ledger.open(ledger_url, writing=False)
    with ledger.engine.connect() as c:
        stored = dict(c.execute(select(schema.documents.c.id, schema.documents.c.text)).all())
        run = c.execute(select(schema.runs)).one()
    assert stored == {h: d.text for h, d in kept.items()}  # the text of each, and no other
    assert (run.documents_read, run.documents_added) == (N, len(kept))
    assert run.documents_prefiltered == N - len(kept)
    assert run.prefilter == fingerprint()
    assert f"{N - len(kept):,} skipped by the prefilter (not kept)" in output
    if "://" not in ledger_url:  # not a byte of a rejected record anywhere in the file
        data = b"".join(p.read_bytes() for p in tmp_path.glob("ledger.db*"))
        assert b"filler-marker" not in data and marker(1).encode() not in data


def test_reingesting_the_same_corpus_adds_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", range(N))
    db = str(tmp_path / "again.db")
    assert invoke("ingest", str(corpus), "--db", db, "--workers", "2")[0] == 0
    first = snapshot(db)
    code, output = invoke("ingest", str(corpus), "--db", db, "--workers", "2")
    assert code == 0 and "nothing new: every document the prefilter passed" in output
    assert snapshot(db) == first
    again = Ledger.open(db, writing=False)
    with again.engine.connect() as c:
        second = c.execute(select(schema.runs).order_by(schema.runs.c.id.desc())).first()
    assert second is not None
    kept = len(first["documents"])
    assert (second.documents_added, second.estimates_added) == (0, 0)
    assert (second.documents_skipped, second.documents_prefiltered) == (kept, N - kept)


def test_one_process_the_pool_and_dask_give_the_same_ledger(tmp_path: Path) -> None:
    """On a JSONL corpus read in many parts, with copies, filler and a text stored twice."""
    corpus = write_corpus(tmp_path / "news.jsonl", [*range(N), 0, 3])
    small_parts = 20_000
    ledgers = []
    for name, workers in (("one", 1), ("pool", 2), ("dask", 2)):
        db = str(tmp_path / f"{name}.db")
        options = IngestOptions(workers=workers, command=f"ingest {corpus}", part_bytes=small_parts)
        run = ingest_dask if name == "dask" else ingest
        report = run(Ledger.open(db), [str(corpus)], options)
        assert not report.errors and report.stats.documents_read == N + 2
        ledgers.append(snapshot(db))
    assert ledgers[0] == ledgers[1] == ledgers[2]
    assert any(d[7] for d in ledgers[0]["documents"])  # copies marked


def test_a_changed_prefilter_says_so_and_its_sources_are_read_again(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", range(300))
    db = str(tmp_path / "older.db")
    assert invoke("ingest", str(corpus), "--db", db, "--workers", "1")[0] == 0
    whole = snapshot(db)
    # As if an older extractor, with a narrower prefilter, had made the first run: it skipped
    # one more document, which left nothing behind.
    ledger = Ledger.open(db)
    lost = passing(corpus)[5].content_hash
    with ledger.engine.begin() as c:
        c.execute(delete(schema.estimates).where(schema.estimates.c.document_id == lost))
        c.execute(delete(schema.documents).where(schema.documents.c.id == lost))
        c.execute(update(schema.runs).values(prefilter="0123456789abcdef", extractor="2020.1.1"))
    ledger.close()

    other = str(sample_corpus())
    code, output = invoke("ingest", other, "--db", db, "--workers", "1")
    assert code == 0
    assert "the prefilter changed since run 1 (extractor 2020.1.1)" in output
    assert f"run again: fighterflows ingest {corpus}" in output

    code, output = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 0 and "this run read its sources again" in output
    restored = snapshot(db)
    assert [d for d in restored["documents"] if d[0] == lost]
    assert {d[0] for d in whole["documents"]} <= {d[0] for d in restored["documents"]}

    code, output = invoke("ingest", other, "--db", db, "--workers", "1")
    assert code == 0 and "prefilter changed" not in output  # read again: nothing to say


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_jsonl_file_of_blank_lines_is_refused_whether_read_whole_or_in_parts(
    tmp_path: Path, workers: str
) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n   \n" * 3_000_000)  # larger than a part
    code, output = invoke(
        "ingest", str(blank), "--db", str(tmp_path / "b.db"), "--workers", workers
    )
    assert code == 1 and f"{blank}: file holds only blank lines" in output


def test_reingesting_repairs_copies_marked_in_the_order_of_an_older_version(
    tmp_path: Path,
) -> None:
    """An older version marked copies as they came (two ingests at once marked too few);
    re-ingesting the same corpus, which adds nothing, settles them."""
    corpus = write_corpus(tmp_path / "news.jsonl", range(N))
    db = str(tmp_path / "older.db")
    assert invoke("ingest", str(corpus), "--db", db, "--workers", "1")[0] == 0
    settled = snapshot(db)
    ledger = Ledger.open(db)
    with ledger.engine.begin() as c:
        c.execute(update(schema.documents).values(copy_of=None))
        c.execute(update(schema.runs).values(prefilter=None, documents_prefiltered=0))
    ledger.close()
    assert snapshot(db)["documents"] != settled["documents"]
    assert invoke("ingest", str(corpus), "--db", db, "--workers", "1")[0] == 0
    assert snapshot(db) == settled
