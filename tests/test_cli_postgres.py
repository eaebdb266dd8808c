"""The CLI on a real PostgreSQL gives what it gives on SQLite: ingest, table, conflicts, export."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from fighterflows.cli import main
from tests.conftest import PostgresServer

CORPUS = Path(__file__).parent / "corpora" / "conflicts"
ICSR = ["--source", "ICSR", "--as-of-column", "icsr.date", "--code-column", "countrycode",
        "--low-column", "icsr.low", "--high-column", "icsr.high", "--value-column", "icsr.mean"]


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
