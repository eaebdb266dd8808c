"""Residents and rates per million: the data file, the arithmetic, and where the rate shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from fighterflows.cli import main
from fighterflows.places import is_region, region_members
from fighterflows.population import UNCOUNTED, per_million, rate_text, residents

DATA = Path(__file__).resolve().parents[1] / "fighterflows" / "data"


def gazetteer_codes() -> set[str]:
    lines = (DATA / "places.tsv").read_text("utf-8").splitlines()
    _header, *rows = [line for line in lines if line and not line.startswith("#")]
    return {row.split("\t")[0] for row in rows}


def population_rows() -> list[list[str]]:
    lines = (DATA / "population.tsv").read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_the_data_says_its_source_year_and_licence() -> None:
    head = (DATA / "population.tsv").read_text("utf-8").split("\ncode\t")[0]
    for words in ("World Bank", "SP.POP.TOTL", "2019", "CC BY 4.0"):
        assert words in head


def test_every_country_of_the_gazetteer_has_residents_but_the_uncounted() -> None:
    header, *rows = population_rows()
    assert header == ["code", "residents", "year"]
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) <= gazetteer_codes()
    assert gazetteer_codes() - set(codes) == UNCOUNTED
    assert all(int(r[1]) > 0 and r[2] == "2019" for r in rows)


@pytest.mark.parametrize(
    ("place", "low", "high"),
    # orders of magnitude anyone can check: a typo in the file would leave them
    [
        ("BEL", 11e6, 12e6),
        ("XKX", 1.7e6, 1.9e6),
        ("TUN", 11e6, 12e6),
        ("RUS", 140e6, 150e6),
        ("MDV", 4e5, 6e5),
        ("eu", 500e6, 520e6),
        ("central-asia", 70e6, 78e6),
    ],
)
def test_residents_are_of_the_right_size(place: str, low: float, high: float) -> None:
    people = residents(place)
    assert people is not None and low <= people.count <= high


def test_a_region_sums_its_counted_members() -> None:
    for slug in ("eu", "western-balkans", "central-asia", "north-africa"):
        assert is_region(slug)
        members = region_members(slug)
        people = residents(slug)
        counts = [residents(m) for m in members]
        assert people is not None
        assert people.count == sum(c.count for c in counts if c is not None)


@pytest.mark.parametrize(
    ("count", "place", "expected"),
    [
        (500, "BEL", 43.5),
        (300, "XKX", 167.0),
        (6000, "TUN", 513.0),
        (1910, "FRA", 28.5),
        (0, "BEL", 0.0),
        (None, "BEL", None),
        (40, "TWN", None),
        (40, "nowhere", None),
        (40000, "syria-iraq", None),
    ],
)
def test_per_million(count: float | None, place: str, expected: float | None) -> None:
    assert per_million(count, place) == expected


@given(st.floats(min_value=0, max_value=1e5), st.floats(min_value=0, max_value=1e5))
def test_rates_keep_the_order_of_their_counts(a: float, b: float) -> None:
    ra, rb = per_million(a, "BEL"), per_million(b, "BEL")
    assert ra is not None and rb is not None
    assert (ra <= rb) or a > b


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        (None, ""),
        (513.0, "513"),
        (1670.0, "1,670"),
        (43.5, "43.5"),
        (1.0, "1.0"),
        (0.42, "0.42"),
        (0.013, "0.013"),
    ],
)
def test_rate_text(rate: float | None, text: str) -> None:
    assert rate_text(rate) == text


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("rates") / "l.db")
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "a.txt").write_text(
        "Published 2017-10-24.\nAbout 500 Belgians have travelled to Syria, and some 300 "
        "Kosovars went too. France has seen 1,910 of its citizens leave for the conflict.\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", "--db", db, str(corpus)])
    assert result.exit_code == 0, result.output
    return db


def table_json(db: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["table", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_table_rows_carry_the_rate_and_what_it_divides_by(ledger: str) -> None:
    rows = {r["place"]: r for r in table_json(ledger, "--flow", "departed")}
    assert rows["BEL"]["per_million"] == 43.5
    assert rows["BEL"]["residents"] == residents("BEL").count  # type: ignore[union-attr]
    assert rows["BEL"]["residents_year"] == 2019
    assert rows["XKX"]["per_million"] == 167.0


def test_table_sorts_by_rate_or_by_figure(ledger: str) -> None:
    departed = ("--flow", "departed", "--sort")
    by_rate = [r["place"] for r in table_json(ledger, *departed, "per_million")]
    by_best = [r["place"] for r in table_json(ledger, *departed, "best")]
    assert by_rate == ["XKX", "BEL", "FRA"]
    assert by_best == ["FRA", "BEL", "XKX"]


def test_csv_has_the_rate_column(ledger: str) -> None:
    result = CliRunner().invoke(main, ["table", "--db", ledger, "--format", "csv"])
    header, *lines = result.output.splitlines()
    assert "per_million" in header.split(",")
    column = header.split(",").index("per_million")
    assert any(line.split(",")[column] == "43.5" for line in lines)
