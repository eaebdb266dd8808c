"""Commands that only read never write: an older ledger asks for `fighterflows upgrade`, a
database with tables of its own is refused untouched, one made by a newer version says so.
On SQLite and on a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from fighterflows.cli import main
from fighterflows.extract import might_contain_estimates
from fighterflows.ledger import Ledger, LedgerProblem
from fighterflows.ledger.connect import make_engine, revisions, schema_state
from fighterflows.read import read_sources
from fighterflows.resources import sample_corpus

READERS = [["table"], ["conflicts"], ["timeline", "France"], ["export", "--format", "jsonl"]]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def state(url: str) -> tuple[str | None, set[str]]:
    engine = make_engine(url)
    try:
        return schema_state(engine)
    finally:
        engine.dispose()


def older_ledger(url: str) -> None:
    """A ledger with the sample in it, taken back to revision 0003 (before claims had a
    scope), as a user's ledger made by the previous release would be."""
    from alembic import command
    from alembic.config import Config

    from fighterflows.ledger.connect import MIGRATIONS

    assert run("ingest", str(sample_corpus()), "--db", url, "--workers", "1")[0] == 0
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r[0])
def test_a_reader_on_an_older_ledger_names_upgrade_and_changes_nothing(
    ledger_url: str, reader: list[str]
) -> None:
    older_ledger(ledger_url)
    before = state(ledger_url)
    code, output = run(*reader, "--db", ledger_url)
    assert code == 2 and "fighterflows upgrade" in output and "older schema" in output
    assert state(ledger_url) == before
    with pytest.raises(LedgerProblem):
        Ledger.open(ledger_url, writing=False)


def test_upgrade_brings_an_older_ledger_to_this_version_with_nothing_lost(
    ledger_url: str,
) -> None:
    older_ledger(ledger_url)
    code, output = run("export", "--db", ledger_url, "--format", "jsonl")
    assert code == 2
    engine = make_engine(ledger_url)
    with engine.connect() as c:
        stored = c.execute(text("SELECT count(*) FROM estimates")).scalar_one()
    engine.dispose()
    code, output = run("upgrade", "--db", ledger_url)
    assert code == 0 and f"schema at revision {revisions()[0]} (was 0003)" in output
    assert state(ledger_url)[0] == revisions()[0]
    code, output = run("table", "--db", ledger_url, "--format", "json")
    assert code == 0 and '"scope"' in output
    assert len(Ledger.open(ledger_url, writing=False).estimates()) == stored > 0


def test_a_database_of_someone_else_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "theirs.db"
    engine = make_engine(str(path))
    with engine.begin() as c:
        c.execute(text("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)"))
        c.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    for args in (["table"], ["ingest", str(sample_corpus()), "--workers", "1"]):
        code, output = run(*args, "--db", str(path))
        assert code == 2 and "is not a fighterflows ledger" in output and "untouched" in output
    assert state(str(path)) == (None, {"documents", "invoices"})


def test_a_ledger_from_a_newer_version_says_so(ledger_url: str) -> None:
    assert run("ingest", str(sample_corpus()), "--db", ledger_url, "--workers", "1")[0] == 0
    engine = make_engine(ledger_url)
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for args in (["table"], ["ingest", str(sample_corpus()), "--workers", "1"]):
        code, output = run(*args, "--db", ledger_url)
        assert code == 2 and "made by a newer fighterflows" in output
    assert state(ledger_url)[0] == "9999"


def test_an_empty_file_is_no_ledger_for_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    code, output = run("table", "--db", str(path))
    assert code == 2 and "holds no ledger yet" in output
    assert path.stat().st_size == 0


def test_two_ingests_that_start_together_on_a_new_ledger_both_succeed(
    ledger_url: str, tmp_path: Path
) -> None:
    import subprocess
    import sys

    # this checkout's CLI (an installed `fighterflows` script may run another copy)
    command = [sys.executable, "-m", "fighterflows"]
    root = Path(__file__).resolve().parents[1]
    corpus = sample_corpus()
    files = sorted(corpus.glob("*.md"))
    halves = [files[: len(files) // 2], files[len(files) // 2 :]]
    runs = [
        subprocess.Popen(
            [*command, "ingest", *map(str, half), "--db", ledger_url, "--workers", "1", "--quiet"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    errors = [r.communicate(timeout=300)[1] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], errors
    kept = {d.id for d in read_sources([str(corpus)]) if might_contain_estimates(d.text)}
    assert {d.name for d in Ledger.open(ledger_url).documents(None, 100, 0)} == kept


def test_a_writer_waits_for_a_ledger_half_made_by_another(tmp_path: Path) -> None:
    """SQLite commits each CREATE TABLE at once: a second writer that checked the schema
    while the first was making it saw tables without a revision and refused the ledger as
    someone else's database ('not a fighterflows ledger'). The check now waits its turn."""
    import fcntl
    import sqlite3
    import threading
    import time

    from fighterflows.ledger.connect import _upgrade

    path = tmp_path / "new.db"
    locked = threading.Event()

    def first_writer() -> None:
        with open(path, "ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # as Ledger.open's writer does
            locked.set()
            with sqlite3.connect(path) as half:  # the first tables, committed one by one
                half.execute("CREATE TABLE documents (id TEXT)")
            time.sleep(0.5)
            with sqlite3.connect(path) as half:
                half.execute("DROP TABLE documents")
            engine = make_engine(str(path))
            _upgrade(engine)  # the whole schema
            engine.dispose()
            fcntl.flock(handle, fcntl.LOCK_UN)

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert locked.wait(10)
    ledger = Ledger.open(str(path))  # the second writer
    thread.join()
    assert ledger.counts()["documents"] == 0
    assert state(str(path))[0] == revisions()[0]
