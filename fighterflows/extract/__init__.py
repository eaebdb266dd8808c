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
import inspect
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from fighterflows.model import Document, Estimate, Flow, Population

if TYPE_CHECKING:
    from fighterflows.extract.numbers import NumberMention
    from fighterflows.extract.text.sentences import Sentence

# Bump when the output for some text changes; the ledger stores it with each estimate.
VERSION = "2026.12.1431"

_log = logging.getLogger(__name__)

# The extractor's public entry points: nothing outside fighterflows/extract/ imports anything
# else of it but the number grammar's API, `fighterflows.extract.numbers`
# (tests/test_import_rules.py).
__all__ = [
    "VERSION",
    "canonical_source",
    "explain",
    "extract",
    "extract_document",
    "might_contain_estimates",
    "prefilter",
    "prefilter_source",
    "split_sentences",
    "table_estimate",
]


def might_contain_estimates(text: str) -> bool:
    """The cheap prefilter: False when the text has nothing an estimate is made of."""
    # Imported here so that `python -m fighterflows.extract.numbers` and other light uses of
    # the package do not load the whole engine first.
    from fighterflows.extract.text.prefilter import might_contain_estimates as prefilter

    return prefilter(text)


def prefilter() -> Callable[[str], bool]:
    """The prefilter's own function, `might_contain_estimates` without the import statement the
    wrapper above runs at every call: for a caller that judges a million texts (an ingest's
    scans; about 1.5 µs a text). Same verdicts, same code: the fingerprint is unchanged."""
    from fighterflows.extract.text.prefilter import might_contain_estimates as judge

    return judge


def prefilter_source() -> str:
    """The prefilter's code, for a fingerprint of the prefilter that judged a run; OSError or
    TypeError where the package is installed without its sources."""
    from fighterflows.extract.text import prefilter

    return inspect.getsource(might_contain_estimates) + inspect.getsource(prefilter)


def split_sentences(text: str) -> list[Sentence]:
    """`text` in sentences (and headings, list items, table rows), as the extractor reads it."""
    from fighterflows.extract.text.sentences import split

    return split(text)


def canonical_source(name: str) -> str:
    """A source under the data's one name for it: "Russian defence ministry" (an office read
    from its words) is the "Russian Ministry of Defence"."""
    from fighterflows.extract.mentions.sources import canonical

    return canonical(name)


def extract(
    text: str, published: str | None = None, doc: str = "", derived: bool = True
) -> list[Estimate]:
    """The estimates stated in `text`, in document order (with derived counts unless asked)."""
    from fighterflows.extract.document.reading import extract_text

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
    from fighterflows.extract.assembly.rules import explain as explaining
    from fighterflows.extract.document.reading import extract_text

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


def table_estimate(
    doc: Document,
    row: tuple[int, int],
    figure: NumberMention,
    place: tuple[str, str],
    column: tuple[Flow, Population],
    source: str,
    as_of: str | None,
) -> Estimate:
    """One figure of a published table (the importer's rows) as the extractor reads a table's
    cell: `figure` (offsets in the row `doc.text[row[0]:row[1]]`) for the row's place (code,
    name as written) and the column's (flow, population), the row its sentence."""
    from fighterflows.extract.assembly.drafts import estimate_of
    from fighterflows.extract.document.tables import Column, cell_draft
    from fighterflows.extract.text.sentences import BlockKind, Sentence

    start, end = row
    line = Sentence(start, end, doc.text[start:end], 0, BlockKind.TABLE, None)
    flow, population = column
    draft = cell_draft(line, figure, *place, Column(flow, population, None), flow)
    draft.source = source
    return estimate_of(doc.text, doc.id, as_of, draft)


def stated_only(estimates: list[Estimate]) -> list[Estimate]:
    """The estimates without derived counts, each share's `base` renumbered to match."""
    kept = [i for i, e in enumerate(estimates) if not e.derived]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for i in kept:
        e, base = estimates[i], estimates[i].base
        out.append(e if base is None else dataclasses.replace(e, base=new_index.get(base)))
    return out
