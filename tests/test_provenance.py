"""The provenance invariant over every document we have: each estimate's quote is the text
at its offsets, its sentence holds it, its base points at an earlier-or-later estimate of the
same document, and its values are consistent with its kind and qualifier."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.extract import extract, extract_document
from fighterflows.extract.sentences import split
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


FRAGMENTS = [
    "About 850 Britons have gone to Syria",
    ", according to the Home Office.",
    " Some 30 percent of them have returned.",
    "\n\n| Country | Left | Returned |\n|---|---|---|\n| France | 1,910 | 271 |\n",
    "\n- Germany – 960 left – 300 returned\n",
    " In the United Kingdom, the number is closer to half.",
    "## Belgium\n",
    " At least 5,600 men, women and children from 33 countries\u00a0returned",
    " «Ça va» — 12 Français sont partis en Syrie.",
    " \r\n",
    "U.S. officials said 129 Americans left.",
    " (2,000+)",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=12))
def test_any_text_yields_anchored_estimates(parts: list[str]) -> None:
    text = "Foreign fighters in Syria. " + "".join(parts)
    estimates = extract(text, "2020-01-01", "h")
    for e in estimates:
        assert text[e.start : e.end] == e.quote
        assert e.sentence and e.quote in e.sentence
        if e.base is not None:
            assert 0 <= e.base < len(estimates)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_sentences_index_the_unmodified_text(text: str) -> None:
    for s in split(text):
        assert text[s.start : s.end] == s.text
        assert s.start <= s.end
