"""What an ingest settles at its end from everything stored: copies and claims.

One ingest at a time (`Ledger.exclusive`): the last to get here sees every document of every
ingest before it, so two ingests at once end as one after the other would.

Claims are rebuilt from every stored estimate. An ingest keeps what it stored as it stores it
(`Written`), so that settling reads back from the ledger only the estimates of other runs:
reading and decoding tens of thousands of estimates after the last worker finished was the
larger part of the ingest's serial tail.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from fighterflows.dedup import Signed, copies
from fighterflows.ledger import Filters, Ledger, SignatureRow, StoredEstimate
from fighterflows.ledger.convert import row_estimate
from fighterflows.model import Document
from fighterflows.reconcile import build_claims
from fighterflows.review.book import review_book, reviewed_estimates
from fighterflows.rows import EstimateRow

# Estimates a run keeps at most: their records cost the ingest's process about 1 KB each while
# the workers run (73 MB more at 1,000,000 documents, 76,476 estimates: 474 MB summed against
# 401); a larger run reads its own back at the end, as every run did before.
KEEP_AT_MOST = 100_000
_Order = tuple[str, str]  # a document's name, then its content hash: the ledger's order


@dataclass(slots=True)
class Written:
    """The estimates one run stored, by document, as the ledger reads them back (the last
    record of a text the run stored is the one that stands), made as they are stored: with
    the copy mark they were stored with, which settling may change."""

    run_id: int
    kept: int = 0  # estimates; past KEEP_AT_MOST none are kept (`documents` is None)
    # content hash -> (name, copy mark, estimates)
    documents: dict[str, tuple[str, str | None, list[StoredEstimate]]] | None = field(
        default_factory=dict
    )

    def add(self, document: Document, rows: Sequence[EstimateRow], copy_of: str | None) -> None:
        self.kept += len(rows)
        if self.documents is None or self.kept > KEEP_AT_MOST:
            self.documents = None
            return
        h, name, published = document.content_hash, document.id, document.published
        kept = [
            StoredEstimate(r[0], h, row_estimate(r, name), r[3], published, copy_of, r[4])
            for r in rows
        ]
        self.documents[h] = (name, copy_of, kept)

    def stored(self, copy_of: dict[str, str | None]) -> list[StoredEstimate] | None:
        """Its estimates with the copy marks settled, in the ledger's order (by document name,
        then content hash, then order in the document); None when a mark is not known."""
        if self.documents is None:
            return None
        out: list[StoredEstimate] = []
        for h, (_, mark, kept) in sorted(self.documents.items(), key=_name_then_hash):
            if not kept:
                continue
            if h not in copy_of:
                return None
            if copy_of[h] == mark:
                out += kept
            else:
                out += [dataclasses.replace(s, copy_of=copy_of[h]) for s in kept]
        return out


def settle(ledger: Ledger, written: Written | None = None) -> None:
    """Mark copies and rebuild claims from everything stored, one process at a time: the
    last ingest to get here sees every document of every ingest before it. `written`: what
    this ingest stored, not read back."""
    with ledger.exclusive():
        marks, _ = _copies(ledger)
        stored = _estimates(ledger, written, marks) if written else None
        if stored is None:
            refresh_claims(ledger)
        else:
            ledger.replace_claims(build_claims(stored))


def rebuild_claims(ledger: Ledger) -> None:
    """Rebuild claims after a review changed what they count; in turn with ingests settling,
    so that neither overwrites the other's claims with older ones."""
    with ledger.exclusive():
        refresh_claims(ledger)


def settle_copies(ledger: Ledger) -> int:
    """Mark each document with the one it copies, from all documents at once; returns how
    many marks changed (an ingest that ran beside another, or a ledger marked in the order of
    its ingests by an older version)."""
    return len(_copies(ledger)[1])


def _copies(ledger: Ledger) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Mark the copies; the mark of every document that has a signature (every one with
    estimates), and the marks that changed."""
    rows = list(ledger.signatures())
    wanted = copies([signed(r) for r in rows])
    changed = {r.id: wanted[r.id] for r in rows if wanted[r.id] != r.copy_of}
    ledger.mark_copies(changed)
    return wanted, changed


def _estimates(
    ledger: Ledger, written: Written, marks: dict[str, str | None]
) -> list[StoredEstimate] | None:
    """Every stored estimate as the analysts have them, as `reviewed_estimates` gives them:
    this run's from `written`, the others' read from the ledger. None when the ledger no
    longer holds what `written` says (another ingest beside this one stored a record of one of
    its texts that ranks first): then all are read back."""
    if written.documents is None:
        return None  # it stored more than it keeps
    if ledger.stored_in_run(written.run_id) != set(written.documents):
        return None
    mine = written.stored(marks)
    if mine is None:
        return None
    others = ledger.estimates(besides_run=written.run_id)
    # in the ledger's order (a stable sort: each document's estimates stay in their order)
    raw = sorted(others + mine, key=_document_order) if others else mine
    book = review_book(ledger)
    return book.apply(raw, Filters()) if book else raw


def _name_then_hash(item: tuple[str, tuple[str, str | None, list[StoredEstimate]]]) -> _Order:
    return (item[1][0], item[0])


def _document_order(s: StoredEstimate) -> _Order:
    return (s.estimate.doc, s.document_id)


def signed(row: SignatureRow) -> Signed:
    """The signature of a stored document, as copy detection ranks it."""
    return Signed(row.id, row.minhash, row.name, row.published)


def refresh_claims(ledger: Ledger) -> None:
    """Rebuild the claims table from every stored estimate (derived data, kept for SQL users)."""
    ledger.replace_claims(build_claims(reviewed_estimates(ledger)))
