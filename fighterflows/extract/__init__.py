"""Text → estimates: every stated figure of foreign fighters, anchored to its offsets.

    from fighterflows.extract import extract
    for e in extract(text, published="2017-10-24", doc="article.txt"):
        print(e.to_json_line())

Estimates come back in document order; a share's `base` indexes this returned list. Every
estimate satisfies `text[e.start:e.end] == e.quote` (anything that does not is dropped).
"""

from __future__ import annotations

import logging

from fighterflows.extract.document import extract_text
from fighterflows.extract.prefilter import might_contain_estimates
from fighterflows.model import Document, Estimate

# Bump when the output for some text changes; the ledger stores it with each estimate.
VERSION = "2026.11.1"

_log = logging.getLogger(__name__)

__all__ = ["VERSION", "extract", "extract_document", "might_contain_estimates"]


def extract(text: str, published: str | None = None, doc: str = "") -> list[Estimate]:
    """The estimates stated in `text`, in document order."""
    if not might_contain_estimates(text):
        return []
    result = extract_text(text, published, doc)
    if result.dropped:
        # A figure whose quote is not the text at its offsets is a bug, never an estimate.
        _log.warning("%s: dropped %d estimates that did not anchor", doc or "text", result.dropped)
    return result.estimates


def extract_document(document: Document) -> list[Estimate]:
    """`extract` on a Document: its id names the estimates, its date is their default as-of."""
    return extract(document.text, document.published, document.id)
