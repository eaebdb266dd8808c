"""`fighterflows cite` and the citation fields of `export`, over a ledger ingested through the
CLI from a page that declares its outlet, headline, author, address and date."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Ledger

PAGE = """<html><head><title>Britons come home | Courier</title>
<meta property="og:site_name" content="The Harbour Courier">
<meta property="og:title" content="Britons come home">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://courier.example/britons-come-home">
<meta property="article:published_time" content="2018-07-27T09:00:00Z">
</head><body><article><p>About 425 Britons have returned from Syria, according to the
International Centre for the Study of Radicalisation.</p>
<p>The centre said the figure was the highest in Europe.</p></article></body></html>"""
TEXT = (
    'Jane Doe. "Britons come home." The Harbour Courier, 27 July 2018. '
    "https://courier.example/britons-come-home"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cite")
    (folder / "pages").mkdir()
    (folder / "pages" / "courier.html").write_text(PAGE, encoding="utf-8")
    (folder / "pages" / "plain.txt").write_text(
        " date 2017-10-24 Some 425 British fighters have returned home from Syria, the "
        "International Centre for the Study of Radicalisation said.",
        encoding="utf-8",
    )
    path = str(folder / "ledger.db")
    result = CliRunner().invoke(
        main, ["ingest", str(folder / "pages"), "--db", path, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_cite_an_estimate_by_a_prefix_of_its_id(db: str) -> None:
    (stored,) = [
        s for s in Ledger.open(db, writing=False).estimates() if s.estimate.doc == "courier.html"
    ]
    code, output = run("cite", stored.id[:8], "--db", db)
    assert (code, output) == (0, TEXT + "\n")


def test_show_says_how_to_cite_the_document(db: str) -> None:
    (stored,) = [
        s for s in Ledger.open(db, writing=False).estimates() if s.estimate.doc == "courier.html"
    ]
    code, output = run("show", stored.id, "--db", db)
    assert code == 0 and f"cite: {TEXT}" in " ".join(output.split())


def test_cite_a_document_by_its_name_in_bibtex_and_csl(db: str) -> None:
    code, output = run("cite", "courier.html", "--db", db, "--format", "bibtex")
    assert code == 0
    assert output.startswith("@misc{doe2018britons,\n  title = {{Britons come home}},\n")
    assert "  url = {https://courier.example/britons-come-home}" in output
    code, output = run("cite", "courier.html", "--db", db, "--format", "csl")
    (item,) = json.loads(output)
    assert item["container-title"] == "The Harbour Courier"
    assert item["issued"] == {"date-parts": [[2018, 7, 27]]}


def test_cite_a_claim_by_the_document_that_states_it_first(db: str) -> None:
    """Both documents state ICSR's 425 for GBR: one claim, cited by the earlier one."""
    from sqlalchemy import select

    from fighterflows.ledger import schema

    ledger = Ledger.open(db, writing=False)
    with ledger.engine.connect() as c:
        (claim_id,) = c.execute(select(schema.claims.c.id)).scalars().all()
    code, output = run("cite", claim_id, "--db", db)
    assert (code, output) == (0, '"plain.txt." 24 October 2017.\n')


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        ("zzzz", "no estimate, claim or document has this id"),
        ("", "no estimate, claim or document has this id"),
    ],
)
def test_cite_an_unknown_id_is_a_usage_error(db: str, ident: str, message: str) -> None:
    code, output = run("cite", ident, "--db", db)
    assert code == 2 and message in output and "Traceback" not in output


def test_exports_carry_the_citation(db: str, tmp_path: Path) -> None:
    code, output = run("export", "--db", db, "--format", "csv")
    assert code == 0
    rows = {r["doc"]: r for r in csv.DictReader(io.StringIO(output))}
    assert {k: rows["courier.html"][k] for k in ("title", "outlet", "author", "url")} == {
        "title": "Britons come home",
        "outlet": "The Harbour Courier",
        "author": "Jane Doe",
        "url": "https://courier.example/britons-come-home",
    }
    assert rows["plain.txt"]["outlet"] == "" and rows["plain.txt"]["published"] == "2017-10-24"
    parquet = tmp_path / "e.parquet"
    assert run("export", "--db", db, "--format", "parquet", "--out", str(parquet))[0] == 0
    table = pq.read_table(parquet).to_pylist()
    assert {r["doc"]: r["outlet"] for r in table} == {
        "courier.html": "The Harbour Courier",
        "plain.txt": None,
    }
    datasette = tmp_path / "e.db"
    assert run("export", "--db", db, "--format", "sqlite", "--out", str(datasette))[0] == 0
    with sqlite3.connect(datasette) as con:
        found = con.execute("SELECT name, outlet, url FROM documents ORDER BY name").fetchall()
    assert found == [
        ("courier.html", "The Harbour Courier", "https://courier.example/britons-come-home"),
        ("plain.txt", None, None),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["export", "--format", "csv", "--out", "/nonexistent/x.csv"],
            2,
            "/nonexistent/x.csv: the folder /nonexistent does not exist",
        ),
        (
            ["export", "--format", "sqlite", "--out", "/nonexistent/x.db"],
            2,
            "the folder /nonexistent does not exist",
        ),
        (["export", "--format", "csv", "--out", "{tmp}"], 2, "is a directory; name a file"),
        (["report", "/nonexistent/r.html"], 2, "the folder /nonexistent does not exist"),
        (
            ["export", "--format", "csv", "--out", "/proc/x.csv"],
            1,
            "/proc/x.csv: cannot write: no such file or directory",
        ),
        (
            ["export", "--format", "parquet", "--out", "/proc/x.parquet"],
            1,
            "/proc/x.parquet: cannot write",
        ),
        (["export", "--format", "sqlite", "--out", "/proc/x.db"], 1, "/proc/x.db: cannot write"),
        (["report", "/proc/r.html"], 1, "/proc/r.html: cannot write"),
    ],
)
def test_an_unwritable_output_is_one_clean_line(
    db: str, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    result = CliRunner().invoke(
        main, [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--db", db]
    )
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
