"""The provenance invariant over every document we have: each estimate's quote is the text
at its offsets, its sentence holds it, its base points at an earlier-or-later estimate of the
same document, and its values are consistent with its kind and qualifier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.extract import extract, extract_document
from fighterflows.extract.text.sentences import split
from fighterflows.model import Document, Kind, Qualifier
from fighterflows.read import ReadOptions, read_sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "fighterflows" / "data" / "sample"
PASSAGES = ROOT / "tests" / "cases" / "blind" / "passages"


def _documents(*paths: Path) -> list[Document]:
    return [d for d in read_sources(map(str, paths), ReadOptions()) if isinstance(d, Document)]


def _params() -> list[Any]:
    """Every document of the bundled sample and of the blind passages, and of ../shared when
    it is there (one placeholder that is reported as not run when it is not)."""
    ours = _documents(SAMPLE, *sorted(PASSAGES.glob("[0-9]*.md")))
    params = [pytest.param(d, id=d.id) for d in ours]
    if not SHARED.is_dir():
        return [*params, pytest.param(None, id="../shared", marks=pytest.mark.needs_shared)]
    shared = [d for folder in (SHARED / "seeds", SHARED / "corpus") for d in _documents(folder)]
    return params + [pytest.param(d, id=d.id, marks=pytest.mark.needs_shared) for d in shared]


DOCUMENTS = _params()


@pytest.mark.parametrize("doc", DOCUMENTS)
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


@pytest.mark.parametrize("doc", DOCUMENTS)
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
