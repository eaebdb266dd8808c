"""Ingest through the CLI: idempotency, bad input, exit codes, copies, engines, interruption."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Ledger
from fighterflows.resources import sample_corpus

SAMPLE = sample_corpus()
# The CLI in a process of its own, from this checkout (an installed `fighterflows` script may
# run another copy of the package).
ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "fighterflows"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def ledger_snapshot(db: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """What the ledger holds, without the clocks and run ids that differ between runs."""
    ledger = Ledger.open(db)
    estimates = sorted(
        (s.id, s.document_id, json.dumps(s.estimate.to_json(), sort_keys=True), str(s.copy_of))
        for s in ledger.estimates()
    )
    docs = sorted(f"{d.id}|{d.name}|{d.copy_of}" for d in ledger.documents(limit=10**9))
    return estimates, docs


def test_ingesting_the_sample_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = invoke("ingest", str(SAMPLE), "--db", db, "--workers", "1")
    assert code == 0, err
    first = ledger_snapshot(db)
    assert len(first[0]) > 50
    code, _, err = invoke("ingest", str(SAMPLE), "--db", db, "--workers", "1")
    assert code == 0
    assert "0 added" in err and "nothing new" in err
    assert ledger_snapshot(db) == first


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad input with a word its error line must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(
        "Some 850 Britons left for Syria, \xe9t\xe9.".encode("latin-1")
    )
    with (folder / "huge.txt").open("w") as f:
        for _ in range(50):
            f.write("x" * 1_000_000)
    (folder / "nothing").mkdir()
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "UTF-8",
        "huge.txt": "line",
        "nothing": "no readable",
        "missing.txt": "no such",
    }


def test_bad_inputs_each_give_one_line_and_the_rest_is_ingested(tmp_path: Path) -> None:
    expected = write_bad_inputs(tmp_path / "bad")
    good = tmp_path / "good.md"
    shutil.copy(SAMPLE / "2017-10-25-soufan-returnees-europe.md", good)
    db = str(tmp_path / "b.db")
    paths = [str(tmp_path / "bad" / name) for name in expected]
    code, _, err = invoke("ingest", *paths, str(good), "--db", db, "--workers", "1")
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    for name, word in expected.items():
        (line,) = [x for x in lines if name in x]
        assert word.lower() in line.lower(), line
    ledger = Ledger.open(db)
    assert [d.name for d in ledger.documents()] == ["good.md"]
    assert ledger.counts()["estimates"] > 0
    assert len(ledger.errors()) == len(expected)


def test_a_syndicated_copy_is_stored_as_a_copy(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "corpora" / "conflicts"
    db = str(tmp_path / "c.db")
    code, _, err = invoke("ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 0, err
    copies = [d for d in Ledger.open(db).documents() if d.copy_of]
    assert len(copies) == 1


def test_the_pool_and_dask_give_the_same_ledger(tmp_path: Path) -> None:
    one, pool, dask = (str(tmp_path / f"{n}.db") for n in ("one", "pool", "dask"))
    assert invoke("ingest", str(SAMPLE), "--db", one, "--workers", "1")[0] == 0
    assert invoke("ingest", str(SAMPLE), "--db", pool, "--workers", "2")[0] == 0
    code, _, err = invoke("ingest", str(SAMPLE), "--db", dask, "--engine", "dask", "--workers", "2")
    assert code == 0, err
    assert ledger_snapshot(one) == ledger_snapshot(pool) == ledger_snapshot(dask)


def make_corpus(folder: Path, n: int) -> None:
    """n documents built from the sample articles, each made distinct by a line of its own."""
    folder.mkdir()
    articles = [p.read_text() for p in sorted(SAMPLE.glob("*.md"))]
    for i in range(n):
        text = articles[i % len(articles)]
        (folder / f"doc{i:05d}.md").write_text(f"{text}\n\nArchive number {i}.\n")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_during_ingest_then_rerun_equals_an_uninterrupted_ingest(
    tmp_path: Path, workers: str
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 2000)
    whole, killed = str(tmp_path / "whole.db"), str(tmp_path / "killed.db")
    assert invoke("ingest", str(corpus), "--db", whole, "--workers", "1", "--quiet")[0] == 0
    cmd = [
        *CLI,
        "ingest",
        str(corpus),
        "--db",
        killed,
        "--workers",
        workers,
        "--quiet",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _documents(killed) < 300:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _survivors(killed) == [], "no reader or worker may outlive a killed ingest"
    partial = _documents(killed)
    assert 0 < partial < 2000, "the ingest should have been interrupted part-way"
    assert invoke("ingest", str(corpus), "--db", killed, "--workers", "1", "--quiet")[0] == 0
    assert ledger_snapshot(killed) == ledger_snapshot(whole)


def _survivors(db: str, wait: float = 10.0) -> list[int]:
    """Processes still running the ingest into `db` (forked children share its command line)."""
    deadline = time.monotonic() + wait
    while True:
        found = []
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                cmdline = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if db.encode() in cmdline and b"ingest" in cmdline:
                found.append(int(proc.name))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def _documents(db: str) -> int:
    if not Path(db).exists():
        return 0
    try:
        return int(Ledger.open(db).counts()["documents"])
    except Exception:  # the schema may not be there yet in the first instants
        return 0


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "sqlite"])
def test_exports(tmp_path: Path, fmt: str) -> None:
    db = str(tmp_path / "e.db")
    assert invoke("ingest", str(SAMPLE), "--db", db, "--workers", "1")[0] == 0
    out = tmp_path / f"out.{fmt}"
    code, _, err = invoke("export", "--db", db, "--format", fmt, "--out", str(out))
    assert code == 0, err
    n = Ledger.open(db).counts()["estimates"]
    # the sample corpus holds one repatriation flight: its figures are events in every format
    scopes: set[str]
    if fmt == "jsonl":
        lines = [json.loads(x) for x in out.read_text().splitlines()]
        assert len(lines) == n and all(x["doc"].endswith(".md") for x in lines)
        scopes = {x["scope"] for x in lines}
    elif fmt == "csv":
        import csv

        with out.open(newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == n
        scopes = {r["scope"] for r in rows}
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == n
        scopes = set(table.column("scope").to_pylist())
    else:
        import sqlite3

        db2 = sqlite3.connect(out)
        tables = {r[0] for r in db2.execute("select name from sqlite_master where type='table'")}
        assert tables == {"estimates", "consensus", "claims", "conflicts", "documents"}
        assert db2.execute("select count(*) from estimates").fetchone()[0] == n
        scopes = {r[0] for r in db2.execute("select distinct scope from consensus")}
        claims = {r[0] for r in db2.execute("select distinct scope from claims")}
        assert claims == scopes
    assert {"cumulative", "event"} <= scopes


def test_an_existing_dask_cluster_through_its_scheduler_address(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    local, remote = str(tmp_path / "local.db"), str(tmp_path / "remote.db")
    assert invoke("ingest", str(SAMPLE), "--db", local, "--workers", "1")[0] == 0
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        dashboard_address=":0",
        local_directory=str(tmp_path / "dask"),
    ) as cluster:
        code, _, err = invoke(
            "ingest", str(SAMPLE), "--db", remote, "--scheduler", cluster.scheduler_address
        )
    assert code == 0, err
    assert ledger_snapshot(remote) == ledger_snapshot(local)


def test_the_summary_counts_what_happened(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = invoke(
        "ingest", str(SAMPLE), str(tmp_path / "missing.md"), "--db", db, "--workers", "1"
    )
    assert code == 1
    n = len(list(SAMPLE.glob("*.md")))
    summary = err.splitlines()[-1]
    # the sample's one document without a figure is read, judged and not kept
    assert summary.startswith(f"{n} documents read: {n - 1} added")
    assert f"1 skipped by the prefilter (not kept), {n - 1} with estimates" in summary
    assert "1 failed" in summary


def test_a_document_the_database_refuses_does_not_sink_its_batch(
    ledger_url: str, tmp_path: Path
) -> None:
    """A database that refuses one document (here a rule of its own, a real refusal by the
    real database) fails that document alone; the rest of the batch is stored."""
    good = (SAMPLE / "2017-10-25-soufan-returnees-europe.md").read_text().split("---", 2)[-1]
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "good-1", "text": good}) + "\n")
    assert invoke("ingest", str(first), "--db", ledger_url, "--workers", "1")[0] == 0
    _refuse_documents_named(ledger_url, "poison")
    corpus = tmp_path / "records.jsonl"
    records = [
        {"id": "poison", "text": good + " Copy the database refuses."},
        {"id": "good-2", "text": good + "\n\nA second edition."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    code, _, err = invoke("ingest", str(corpus), "--db", ledger_url, "--workers", "1")
    names = {d.name for d in Ledger.open(ledger_url).documents()}
    assert code == 1 and "poison: the database refused it" in err
    assert names == {"good-1", "good-2"}


def _refuse_documents_named(url: str, name: str) -> None:
    from sqlalchemy import text

    from fighterflows.ledger.connect import make_engine

    engine = make_engine(url)
    with engine.begin() as c:
        if url.startswith("postgresql"):
            c.execute(text(f"ALTER TABLE documents ADD CONSTRAINT refuse CHECK (name <> '{name}')"))
        else:
            c.execute(
                text(
                    f"CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.name = '{name}' "
                    "BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
            )
    engine.dispose()


def test_nul_in_a_record_is_stored_visible_on_every_database(
    ledger_url: str, tmp_path: Path
) -> None:
    good = (SAMPLE / "2017-10-25-soufan-returnees-europe.md").read_text().split("---", 2)[-1]
    corpus = tmp_path / "records.jsonl"
    corpus.write_text(json.dumps({"id": "nul", "text": good.replace("Syria", "Syr\u0000ia", 1)}))
    assert invoke("ingest", str(corpus), "--db", ledger_url, "--workers", "1")[0] == 0
    record = Ledger.open(ledger_url).document("nul")
    assert record is not None and "Syr\ufffdia" in record.text and "\u0000" not in record.text


def test_the_table_reads_cleanly_while_another_process_ingests(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 600)
    db = str(tmp_path / "live.db")
    assert invoke("ingest", str(SAMPLE), "--db", db, "--workers", "1")[0] == 0
    cmd = [*CLI, "ingest", str(corpus), "--db", db, "--workers", "1", "--quiet"]
    writer = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    seen = []
    while writer.poll() is None:
        code, out, err = invoke("table", "--db", db, "--format", "json")
        assert code == 0, err  # never "database is locked", never a torn read
        seen.append(sum(row["documents"] for row in json.loads(out)))
        stored = Ledger.open(db).estimates()  # first: documents read after can only be more
        documents = Ledger.open(db).documents(limit=10**6)
        # every stored estimate belongs to a stored document: documents land whole
        assert {s.document_id for s in stored} <= {d.id for d in documents}
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert len(seen) >= 2 and seen == sorted(seen)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_reads_stdin(tmp_path: Path, workers: str) -> None:
    article = (SAMPLE / "2017-10-25-soufan-returnees-europe.md").read_text()
    db = str(tmp_path / "stdin.db")
    result = CliRunner().invoke(
        main, ["ingest", "-", "--db", db, "--workers", workers], input=article
    )
    assert result.exit_code == 0, result.output
    assert Ledger.open(db).counts()["estimates"] >= 3
