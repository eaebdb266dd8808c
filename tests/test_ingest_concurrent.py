"""Two ingests at once into one ledger end as one after the other would, in either order: the
same documents, the same copies marked, the same estimates, the same claims and table. Two
real processes, on SQLite and on a real PostgreSQL (issue 13, item 3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Ledger
from tests.ingest_corpus import snapshot, write_corpus

ROOT = Path(__file__).resolve().parents[1]


def ledgers(request: pytest.FixtureRequest, tmp_path: Path, kind: str, n: int) -> list[str]:
    if kind == "sqlite":
        return [str(tmp_path / f"ledger-{i}.db") for i in range(n)]
    server = request.getfixturevalue("postgres")
    return [server.create_database() for _ in range(n)]


def ingest(db: str, corpus: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output


def table(db: str) -> str:
    result = CliRunner().invoke(main, ["table", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_ingests_of_overlapping_halves_at_once_give_the_sequential_ledger(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    # editions of the sample articles (near-copies) among filler; the halves share a third
    n = 1200
    first = write_corpus(tmp_path / "first.jsonl", range(0, 2 * n // 3))
    second = write_corpus(tmp_path / "second.jsonl", range(n // 3, n))
    together, one_two, two_one = ledgers(request, tmp_path, kind, 3)

    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fighterflows",
                "ingest",
                str(half),
                "--db",
                together,
                "--workers",
                "1",
                "--quiet",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in (second, first)
    ]
    errors = [r.communicate(timeout=600)[1] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], errors
    for db, order in ((one_two, (first, second)), (two_one, (second, first))):
        for half in order:
            ingest(db, half)

    expected = snapshot(one_two)
    assert snapshot(two_one) == expected  # the order of two ingests changes nothing
    copies = [d for d in expected["documents"] if d[7] is not None]
    assert len(copies) > 50 and len(expected["claims"]) > 10
    assert snapshot(together) == expected
    assert table(together) == table(one_two)
    # the two ran side by side: each started before the other finished
    (a, b) = [r for r in Ledger.open(together, writing=False).runs()]
    assert a.finished and b.finished
    assert _overlap(together)


def _overlap(db: str) -> bool:
    from sqlalchemy import select

    from fighterflows.ledger import schema

    ledger = Ledger.open(db, writing=False)
    with ledger.engine.connect() as c:
        (s1, f1), (s2, f2) = c.execute(
            select(schema.runs.c.started, schema.runs.c.finished).order_by(schema.runs.c.id)
        ).all()
    ledger.close()
    return bool(s1 <= f2 and s2 <= f1)
