"""The provenance invariant over every document we have: each estimate's quote is the text
at its offsets, its sentence holds it, its base points at an earlier-or-later estimate of the
same document, and its values are consistent with its kind and qualifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from fighterflows.extract import extract_document
from fighterflows.model import Document, Kind, Qualifier
from fighterflows.read import ReadOptions, read_sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "seeds", SHARED / "corpus", ROOT / "fighterflows" / "data" / "sample"]


def _documents() -> list[Document]:
    paths = [str(p) for p in CORPORA if p.exists()]
    if not paths:
        return []
    return [d for d in read_sources(paths, ReadOptions()) if isinstance(d, Document)]


DOCUMENTS = _documents()


@pytest.mark.skipif(not DOCUMENTS, reason="no corpus to check")
@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.id for d in DOCUMENTS])
def test_every_estimate_is_anchored(doc: Document) -> None:
    estimates = extract_document(doc)
    for i, e in enumerate(estimates):
        assert doc.text[e.start : e.end] == e.quote, (i, e.quote)
        assert e.quote and e.quote in e.sentence, (i, e.quote)
        assert doc.text.find(e.sentence) >= 0, (i, e.sentence[:60])
        assert e.doc == doc.id
        if e.base is not None:
            assert 0 <= e.base < len(estimates) and e.base != i
            assert estimates[e.base].kind is Kind.COUNT
        if e.kind is Kind.SHARE:
            assert e.value is None or 0 <= e.value <= 1
        if e.qualifier is Qualifier.EXACT:
            assert e.value is not None


@pytest.mark.skipif(not DOCUMENTS, reason="no corpus to check")
@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.id for d in DOCUMENTS])
def test_estimates_are_in_document_order(doc: Document) -> None:
    starts = [e.start for e in extract_document(doc)]
    assert starts == sorted(starts)
