"""A command that finds nothing says why, in one line on stderr (issue 12: `table --place
Syria` printed an empty table and no word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fighterflows.cli import main
from fighterflows.resources import sample_corpus

ZONE = (
    "it is the conflict zone, where the fighters went. fighterflows counts the people who "
    "travelled there from other countries and came back, so no figure is counted for the "
    "zone's own people"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("empty") / "ledger.db")
    result = CliRunner().invoke(
        main, ["ingest", str(sample_corpus()), "--db", path, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["table", "--place", "Syria"], f"no figures for Syria (SYR): {ZONE}"),
        (["table", "--place", "Iraqis"], f"no figures for Iraq (IRQ): {ZONE}"),
        (["timeline", "Syria"], f"no claims for Syria (SYR): {ZONE}"),
        (
            ["table", "--place", "Japan"],
            "no figures for Japan (JPN): no document in the ledger states a figure for it",
        ),
        (
            ["table", "--place", "Belgium", "--flow", "killed"],
            "no figures for Belgium (BEL) match --flow killed; without them it has flow "
            "departed, returned",
        ),
        (
            ["table", "--place", "Belgium", "--as-of", "2010"],
            "no figures for Belgium (BEL) match --as-of 2010; without them it has figures as of "
            "2015 at the earliest",
        ),
        (["conflicts", "--place", "Japan"], "no conflicts about Japan (JPN)"),
    ],
    ids=["zone", "zone-demonym", "timeline-zone", "no-document", "flow", "as-of", "conflicts"],
)
def test_nothing_found_says_why(db: str, args: list[str], why: str) -> None:
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no empty table
    assert result.stderr.strip() == why


def test_an_empty_csv_keeps_its_header_and_says_why(db: str) -> None:
    result = CliRunner().invoke(main, ["table", "--place", "Syria", "--format", "csv", "--db", db])
    assert result.stdout.startswith("place,flow,population,scope,low,best,high")
    assert ZONE in result.stderr


def test_an_empty_ledger_says_how_to_fill_it(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    empty = tmp_path / "nothing.txt"
    empty.write_text("Nothing here counts anyone.")
    CliRunner().invoke(main, ["ingest", str(empty), "--db", db, "--workers", "1"])
    result = CliRunner().invoke(main, ["table", "--db", db])
    assert result.stderr.strip() == (
        "the ledger holds no figures yet; add documents with `fighterflows ingest`"
    )
