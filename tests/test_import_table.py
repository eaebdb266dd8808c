"""Importing a real published table (ICSR 2013 and 2015) as estimates, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.ledger import Filters, Ledger

ICSR_ARGS = [
    "--source",
    "ICSR",
    "--as-of-column",
    "icsr.date",
    "--code-column",
    "countrycode",
    "--low-column",
    "icsr.low",
    "--high-column",
    "icsr.high",
    "--value-column",
    "icsr.mean",
]


@pytest.fixture
def icsr(shared: Path, tmp_path: Path) -> str:
    db = str(tmp_path / "icsr.db")
    table = shared / "data" / "icsr-2013-2015-estimates.csv"
    result = CliRunner().invoke(main, ["import-table", str(table), *ICSR_ARGS, "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_every_row_becomes_an_estimate_anchored_on_its_line(icsr: str, shared: Path) -> None:
    ledger = Ledger.open(icsr)
    stored = ledger.estimates()
    rows = (shared / "data" / "icsr-2013-2015-estimates.csv").read_text().splitlines()[1:]
    with_figures = [r for r in rows if any(c not in ("", "NA") for c in r.split(",")[3:])]
    assert len(stored) == len(with_figures) == len(rows) - 2
    for s in stored:
        record = ledger.document(s.document_id)
        assert record is not None
        assert record.text[s.estimate.start : s.estimate.end] == s.estimate.quote
        assert s.provenance and s.provenance.startswith("icsr-2013-2015-estimates.csv row ")


def test_kosovo_and_palestine_codes_are_mapped_to_iso(icsr: str) -> None:
    places = {s.estimate.place for s in Ledger.open(icsr).estimates()}
    assert {"XKX", "PSE"} <= places
    assert not {"KSV", "WBG"} & places


def test_two_editions_make_a_timeline(icsr: str) -> None:
    result = CliRunner().invoke(main, ["timeline", "Belgium", "--db", icsr, "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)
    assert [c["as_of"] for c in claims] == ["2013-12-17", "2015-01-26"]
    assert [(c["low"], c["high"], c["value"]) for c in claims] == [
        (76, 296, None),
        (None, None, 440),
    ]


def test_the_newer_edition_is_the_current_figure(icsr: str) -> None:
    result = CliRunner().invoke(main, ["table", "--db", icsr, "--place", "BEL", "--format", "json"])
    (row,) = json.loads(result.output)
    assert (row["best"], row["as_of"], row["claims"]) == (440, "2015-01-26", 2)


def test_importing_twice_adds_nothing(icsr: str, shared: Path) -> None:
    before = Ledger.open(icsr).counts()
    table = shared / "data" / "icsr-2013-2015-estimates.csv"
    result = CliRunner().invoke(main, ["import-table", str(table), *ICSR_ARGS, "--db", icsr])
    assert result.exit_code == 0
    assert "already in the ledger" in result.output
    assert Ledger.open(icsr).counts() == before
    assert len(Ledger.open(icsr).estimates(Filters(as_of="2014-01-01"))) < before["estimates"]


def test_place_names_resolve_when_the_table_has_no_codes(tmp_path: Path) -> None:
    table = tmp_path / "names.csv"
    table.write_text("country,went\nBelgium,470\nthe United Kingdom,850\nKosovo,316\nNarnia,5\n")
    db = str(tmp_path / "n.db")
    result = CliRunner().invoke(
        main,
        [
            "import-table",
            str(table),
            "--source",
            "The Soufan Center",
            "--as-of",
            "2017-10-24",
            "--value-column",
            "went",
            "--db",
            db,
        ],
    )
    assert result.exit_code == 1  # one row could not be placed, and says so
    assert "row 5: unknown place 'Narnia'" in result.output
    places = sorted(s.estimate.place for s in Ledger.open(db).estimates())
    assert places == ["BEL", "GBR", "XKX"]
