"""What an ingest settles at its end from everything stored: copies and claims.

One ingest at a time (`Ledger.exclusive`): the last to get here sees every document of every
ingest before it, so two ingests at once end as one after the other would.
"""

from __future__ import annotations

from fighterflows.dedup import Signed, copies
from fighterflows.ledger import Ledger, SignatureRow
from fighterflows.reconcile import build_claims
from fighterflows.review.book import reviewed_estimates


def settle(ledger: Ledger) -> None:
    """Mark copies and rebuild claims from everything stored, one process at a time: the
    last ingest to get here sees every document of every ingest before it."""
    with ledger.exclusive():
        settle_copies(ledger)
        refresh_claims(ledger)


def rebuild_claims(ledger: Ledger) -> None:
    """Rebuild claims after a review changed what they count; in turn with ingests settling,
    so that neither overwrites the other's claims with older ones."""
    with ledger.exclusive():
        refresh_claims(ledger)


def settle_copies(ledger: Ledger) -> int:
    """Mark each document with the one it copies, from all documents at once; returns how
    many marks changed (an ingest that ran beside another, or a ledger marked in the order of
    its ingests by an older version)."""
    rows = list(ledger.signatures())
    wanted = copies([signed(r) for r in rows])
    changed = {r.id: wanted[r.id] for r in rows if wanted[r.id] != r.copy_of}
    ledger.mark_copies(changed)
    return len(changed)


def signed(row: SignatureRow) -> Signed:
    """The signature of a stored document, as copy detection ranks it."""
    return Signed(row.id, row.minhash, row.name, row.published)


def refresh_claims(ledger: Ledger) -> None:
    """Rebuild the claims table from every stored estimate (derived data, kept for SQL users)."""
    ledger.replace_claims(build_claims(reviewed_estimates(ledger)))
