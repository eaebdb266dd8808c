"""The bundled sample corpus as a new user meets it in `make demo`.

Its extraction quality against the hand gold (data/sample-gold.yaml) is gated in test_gold.py.
"""

from __future__ import annotations

from fighterflows.extract import extract_document
from fighterflows.model import Document
from fighterflows.read import read_sources
from fighterflows.resources import sample_corpus


def sample_documents() -> list[Document]:
    return [d for d in read_sources([str(sample_corpus())]) if isinstance(d, Document)]


def test_the_article_without_estimates_gives_none() -> None:
    (doc,) = [d for d in sample_documents() if "budget" in d.id]
    assert extract_document(doc) == []


def test_stated_only_drops_derived_counts_and_renumbers_bases() -> None:
    bases = 0
    for doc in sample_documents():
        every = extract_document(doc)
        stated = extract_document(doc, derived=False)
        kept = [e for e in every if not e.derived]
        assert len(stated) == len(kept)
        for e, original in zip(stated, kept, strict=True):
            assert e.replace(base=None) == original.replace(base=None)
            if original.base is not None and not every[original.base].derived:
                assert e.base is not None and stated[e.base] == every[original.base]
                bases += 1
    assert bases >= 3  # the sample has shares with their base counts
