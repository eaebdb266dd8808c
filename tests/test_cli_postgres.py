"""The CLI on a real PostgreSQL gives what it gives on SQLite: ingest, table, conflicts, export."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Ledger
from tests.conftest import PostgresServer
from tests.test_import_table import ICSR_ARGS as ICSR

CORPUS = Path(__file__).parent / "corpora" / "conflicts"


def outputs(db: str, shared: Path) -> dict[str, object]:
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(main, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.stdout

    run("ingest", str(CORPUS), "--workers", "1")
    run("import-table", str(shared / "data" / "icsr-2013-2015-estimates.csv"), *ICSR)
    again = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--workers", "1"])
    assert "nothing new" in again.stderr
    return {
        "table": json.loads(run("table", "--format", "json")),
        "as_of": json.loads(run("table", "--format", "json", "--as-of", "2014-06-01")),
        "conflicts": json.loads(run("conflicts", "--format", "json")),
        "timeline": json.loads(run("timeline", "BEL", "--format", "json")),
        "export": sorted(run("export", "--format", "jsonl").splitlines()),
    }


def test_postgresql_and_sqlite_give_the_same_answers(
    postgres: PostgresServer, shared: Path, tmp_path: Path
) -> None:
    on_sqlite = outputs(str(tmp_path / "l.db"), shared)
    on_postgres = outputs(postgres.create_database(), shared)
    assert on_postgres == on_sqlite
    assert on_sqlite["table"] and on_sqlite["conflicts"] and on_sqlite["as_of"]


def test_nul_characters_in_a_corpus_never_stop_the_batch(ledger_url: str, tmp_path: Path) -> None:
    """PostgreSQL refuses NUL in text: a record id, title or text holding one is stored with
    it made visible (or reported), and the records after it are stored all the same."""
    corpus = tmp_path / "nul.jsonl"
    records = [
        {"id": "a\u0000b", "text": "About 300 Belgians have returned from Syria.", "date": "2019"},
        {"id": "ok", "text": "About 400 Dutch nationals have returned from Syria.", "date": "2019"},
        {
            "id": "t",
            "title": "x\u0000y",
            "text": "About 500 Danes went to \u0000Syria.",
            "date": "2019",
        },
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", ledger_url, "--workers", "1"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    names = {d.name for d in Ledger.open(ledger_url).documents(None, 10, 0)}
    assert "ok" in names and len(names) == 3, names
    assert not any("\u0000" in n for n in names)
    again = runner.invoke(main, ["ingest", str(corpus), "--db", ledger_url, "--workers", "1"])
    assert again.exit_code == result.exit_code and "nothing new" in again.stderr
