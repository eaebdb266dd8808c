"""Text → estimates: every stated figure of foreign fighters, anchored to its offsets.

    from fighterflows.extract import extract
    for e in extract(text, published="2017-10-24", doc="article.txt"):
        print(e.to_json_line())

Estimates come back in document order; a share's `base` indexes this returned list. Every
estimate satisfies `text[e.start:e.end] == e.quote` (anything that does not is dropped).

Counts the project derives (a share times its base) come with the stated figures unless
`derived=False`: the ledger reconciles with them, while `fighterflows extract` prints what the
text states.
"""

from __future__ import annotations

import dataclasses
import logging

from fighterflows.model import Document, Estimate

# Bump when the output for some text changes; the ledger stores it with each estimate.
VERSION = "2026.12.180"

_log = logging.getLogger(__name__)

__all__ = ["VERSION", "explain", "extract", "extract_document", "might_contain_estimates"]


def might_contain_estimates(text: str) -> bool:
    """The cheap prefilter: False when the text has nothing an estimate is made of."""
    # Imported here so that `python -m fighterflows.extract.numbers` and other light uses of
    # the package do not load the whole engine first.
    from fighterflows.extract.prefilter import might_contain_estimates as prefilter

    return prefilter(text)


def extract(
    text: str, published: str | None = None, doc: str = "", derived: bool = True
) -> list[Estimate]:
    """The estimates stated in `text`, in document order (with derived counts unless asked)."""
    from fighterflows.extract.document import extract_text

    if not might_contain_estimates(text):
        return []
    result = extract_text(text, published, doc)
    if result.dropped:
        # A figure whose quote is not the text at its offsets is a bug, never an estimate.
        _log.warning("%s: dropped %d estimates that did not anchor", doc or "text", result.dropped)
    return result.estimates if derived else stated_only(result.estimates)


def explain(
    text: str, published: str | None = None, doc: str = "", derived: bool = True
) -> list[tuple[Estimate, dict[str, str]]]:
    """`extract` with, for each estimate, the named rule behind its place, population, flow,
    scope and source, and the places other rules proposed ("place, lost")."""
    from fighterflows.extract.document import extract_text
    from fighterflows.extract.rules import explain as explaining

    if not might_contain_estimates(text):
        return []
    with explaining():
        result = extract_text(text, published, doc)
    pairs = list(zip(result.estimates, result.why, strict=True))
    if derived:
        return pairs
    kept = stated_only(result.estimates)
    return list(zip(kept, [w for e, w in pairs if not e.derived], strict=True))


def extract_document(document: Document, derived: bool = True) -> list[Estimate]:
    """`extract` on a Document: its id names the estimates, its date is their default as-of."""
    return extract(document.text, document.published, document.id, derived)


def stated_only(estimates: list[Estimate]) -> list[Estimate]:
    """The estimates without derived counts, each share's `base` renumbered to match."""
    kept = [i for i, e in enumerate(estimates) if not e.derived]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for i in kept:
        e, base = estimates[i], estimates[i].base
        out.append(e if base is None else dataclasses.replace(e, base=new_index.get(base)))
    return out
