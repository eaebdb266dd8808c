"""The planted reconciliation corpus, end to end through the CLI: ingest, table, conflicts.

tests/corpora/conflicts-expected.yaml says what each article plants; these tests check that
fighterflows finds each plant from the text alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fighterflows.cli import main
from fighterflows.ledger import Ledger
from tests.corpus_cli import ingested, run_json

CORPUS = Path(__file__).parent / "corpora" / "conflicts"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested(tmp_path_factory, CORPUS)


def conflicts_of(db: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in run_json("conflicts", "--db", db) if c["kind"] == kind]


def test_the_misquoted_share_is_flagged_with_both_documents(db: str) -> None:
    (c,) = [c for c in conflicts_of(db, "misquote") if c["place"] == "eu"]
    assert c["flow"] == "returned"
    assert sorted(x["value"] for x in c["claims"]) == [0.25, 0.3]
    assert c["documents"] == [
        "2017-10-25-eu-returnees-thirty-percent.md",
        "2017-10-27-eu-returnees-quarter.md",
    ]


def test_sources_that_cannot_both_be_right_disagree(db: str) -> None:
    (c,) = [c for c in conflicts_of(db, "disagreement") if c["place"] == "BEL"]
    assert c["flow"] == "departed"
    assert {x["source"] for x in c["claims"]} == {
        "Belgian Ministry of Interior",
        "Egmont Institute",
    }


def test_more_returned_than_departed_is_an_inconsistency(db: str) -> None:
    found = [c for c in conflicts_of(db, "inconsistency") if c["place"] == "MAR"]
    assert len(found) == 1 and "more returned" in found[0]["detail"]


def test_a_newer_figure_of_the_same_source_supersedes_the_older(db: str) -> None:
    (row,) = run_json("table", "--db", db, "--place", "GBR", "--flow", "departed")
    assert row["best"] == 850
    timeline = run_json("timeline", "GBR", "--db", db)
    departed = [c for c in timeline if c["flow"] == "departed"]
    assert [c["value"] for c in departed] == [600, 850]
    assert not [
        c
        for c in run_json("conflicts", "--db", db)
        if c["place"] == "GBR" and c["flow"] == "departed"
    ]


def test_a_share_without_a_count_is_kept_as_a_claim(db: str) -> None:
    timeline = run_json("timeline", "GBR", "--db", db)
    shares = [c for c in timeline if c["kind"] == "share" and c["flow"] == "returned"]
    assert [c["value"] for c in shares] == [0.5]


def test_the_syndicated_copy_is_coverage_of_its_original(db: str) -> None:
    documents = Ledger.open(db).documents()
    copies = [d for d in documents if d.copy_of]
    # Which of two same-day texts is "the original" is a matter of ingest order; that one of
    # them is marked as the other's copy is not.
    (copy,) = copies
    original = next(d for d in documents if d.id == copy.copy_of)
    assert {copy.name, original.name} == {
        "2017-10-26-tunisia-returnees.md",
        "2017-10-26-tunisia-returnees-syndicated.md",
    }
    (row,) = run_json("table", "--db", db, "--place", "TUN", "--flow", "departed")
    assert (row["best"], row["claims"], row["documents"]) == (2926, 1, 1)


def test_two_documents_repeating_a_figure_are_one_claim(db: str) -> None:
    (row,) = run_json("table", "--db", db, "--place", "USA", "--flow", "returned")
    assert (row["best"], row["claims"], row["documents"]) == (7, 1, 2)


def _answers(db: str) -> tuple[Any, Any]:
    table = run_json("table", "--db", db)
    conflicts = run_json("conflicts", "--db", db)
    for c in conflicts:
        for claim in c["claims"]:
            claim.pop("copies")  # which same-day text is "the copy" follows ingest order
    return table, sorted(conflicts, key=json.dumps)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(sorted(CORPUS.glob("*.md"))))
def test_the_order_of_ingest_does_not_change_the_answers(
    order: list[Path], db: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = str(tmp_path_factory.mktemp("order") / "o.db")
    for path in order:
        result = CliRunner().invoke(main, ["ingest", str(path), "--db", other, "--workers", "1"])
        assert result.exit_code == 0, result.output
    assert _answers(other) == _answers(db)


def test_conflicts_filter_by_kind_and_place(db: str) -> None:
    every = run_json("conflicts", "--db", db)
    misquotes = run_json("conflicts", "--db", db, "--kind", "misquote")
    assert misquotes == [c for c in every if c["kind"] == "misquote"] and misquotes
    morocco = run_json("conflicts", "--db", db, "--place", "Morocco")
    assert morocco == [c for c in every if c["place"] == "MAR"] and morocco
