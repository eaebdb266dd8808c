"""Each article of the planted reconciliation corpus yields exactly the estimates that
tests/corpora/conflicts-expected.yaml lists for it: figure, place, flow, population, kind,
qualifier and normalised source (the ledger-level tests are in test_conflicts_corpus.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from fighterflows.extract import extract_document
from fighterflows.model import Document
from fighterflows.read import ReadOptions, read_sources

CORPUS = Path(__file__).parent / "corpora"
EXPECTED: dict[str, Any] = yaml.safe_load(
    (CORPUS / "conflicts-expected.yaml").read_text(encoding="utf-8")
)["documents"]


def _document(name: str) -> Document:
    (doc,) = [
        d
        for d in read_sources([str(CORPUS / "conflicts" / name)], ReadOptions())
        if isinstance(d, Document)
    ]
    return doc


def _row(e: dict[str, Any]) -> tuple[object, ...]:
    return (
        e["quote"],
        e["place"],
        e["flow"],
        e["population"],
        e.get("kind", "count"),
        float(e["figure"]),
        e["qualifier"],
        e["source"],
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_yields_its_planted_estimates(name: str) -> None:
    found = [
        (
            e.quote,
            e.place,
            e.flow.value,
            e.population.value,
            e.kind.value,
            e.value,
            e.qualifier.value,
            e.source,
        )
        for e in extract_document(_document(name), derived=False)
    ]
    assert found == [_row(e) for e in EXPECTED[name]["estimates"]]
