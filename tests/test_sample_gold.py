"""The extractor on the bundled sample corpus, scored against its hand gold (data/sample-gold.yaml).

The sample corpus is what `make demo` shows a new user: its figures must come out right.
"""

from __future__ import annotations

from test_corpora_data import sample_gold

from fighterflows.evaluate import score
from fighterflows.extract import extract_document
from fighterflows.model import Document
from fighterflows.read import read_sources
from fighterflows.resources import sample_corpus

# Pinned floors: raise them as the extractor improves; lower one only with a reason.
F1_FLOOR = 0.93
PRECISION_FLOOR = 0.92
RECALL_FLOOR = 0.92


def test_the_sample_corpus_scores_above_its_floors() -> None:
    found = [e.to_json() for d in read_sources([str(sample_corpus())])
             if isinstance(d, Document) for e in extract_document(d)]
    result = score(sample_gold(), found)
    assert result.precision >= PRECISION_FLOOR, result.spurious
    assert result.recall >= RECALL_FLOOR, result.missed
    assert result.f1 >= F1_FLOOR


def test_the_article_without_estimates_gives_none() -> None:
    (doc,) = [d for d in read_sources([str(sample_corpus())])
              if isinstance(d, Document) and "budget" in d.id]
    assert extract_document(doc) == []
