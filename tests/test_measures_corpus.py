"""Measures reconciled like with like, end to end through the CLI on our own articles.

tests/corpora/measures-expected.yaml says which row each measure must give: a repatriation
flight and the cumulative count, an all-groups total and its Islamic State part, a stock and
cumulative counts, an article and its near-copy with an updated figure, infants born in the
zone beside the minors who travelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from fighterflows.cli import main
from tests.corpus_cli import ingested, run_json

HERE = Path(__file__).parent / "corpora"
EXPECTED = yaml.safe_load((HERE / "measures-expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory, HERE / "measures")


def measure(r: dict[str, Any]) -> tuple[str, str, str, str]:
    return (r["place"], r["flow"], r["population"], r["scope"])


@pytest.mark.parametrize("want", EXPECTED["rows"], ids=lambda w: "-".join(measure(w)))
def test_each_measure_has_its_own_row_holding_the_figure(db: str, want: dict[str, Any]) -> None:
    rows = {measure(r): r for r in run_json("table", "--db", db)}
    row = rows.get(measure(want))
    assert row is not None, f"no row for {measure(want)}; rows: {sorted(rows)}"
    low = row["low"] if row["low"] is not None else float("-inf")
    high = row["high"] if row["high"] is not None else float("inf")
    assert low <= want["figure"] <= high, row


def test_no_row_mixes_measures_the_corpus_does_not_state(db: str) -> None:
    expected = {measure(w) for w in EXPECTED["rows"]}
    assert {measure(r) for r in run_json("table", "--db", db)} == expected


@pytest.mark.parametrize("want", EXPECTED["roles"], ids=lambda w: f"{w['place']}-{w['quote']}")
def test_each_claim_plays_its_part_in_the_explanation(db: str, want: dict[str, Any]) -> None:
    explained = run_json("table", "--db", db, "--explain", want["place"])
    roles = {c["quote"]: c["role"] for r in explained for c in r["claims"]}
    assert roles.get(want["quote"]) == want["role"], roles


def test_updates_parts_and_events_are_not_conflicts(db: str) -> None:
    assert run_json("conflicts", "--db", db) == EXPECTED["conflicts"]


def test_the_scope_filter_keeps_one_kind_of_measure(db: str) -> None:
    events = run_json("table", "--db", db, "--scope", "event")
    assert {measure(r) for r in events} == {
        ("KAZ", "returned", people, "event") for people in ("total", "men", "women", "minors")
    }
    assert events[0]["basis"] == "events" and events[0]["high"] is None


def test_a_scope_that_is_not_one_is_a_usage_error(db: str) -> None:
    result = CliRunner().invoke(main, ["table", "--db", db, "--scope", "weekly"])
    assert result.exit_code == 2 and "'weekly' is not a scope" in result.output
