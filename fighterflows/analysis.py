"""The ledger reconciled: what the table, conflicts, timeline, report and web all read."""

from __future__ import annotations

from dataclasses import dataclass

from fighterflows.conflicts import Conflict, find_conflicts
from fighterflows.consensus import Row, Verdict, assess_all
from fighterflows.ledger import Filters, Ledger, StoredEstimate
from fighterflows.places import members_of
from fighterflows.reconcile import Claim, build_claims, timeline
from fighterflows.review.book import reviewed_estimates


@dataclass(frozen=True, slots=True)
class Reconciliation:
    estimates: tuple[StoredEstimate, ...]
    claims: tuple[Claim, ...]
    rows: tuple[Row, ...]
    conflicts: tuple[Conflict, ...]
    verdicts: dict[str, Verdict]  # claim id → what it did for its row

    def timeline(self, place: str) -> list[Claim]:
        return timeline(self.claims, place)


def reconcile_estimates(stored: list[StoredEstimate]) -> Reconciliation:
    claims = build_claims(stored)
    rows, verdicts = assess_all(claims)
    conflicts = find_conflicts(claims, rows, members_of)
    return Reconciliation(tuple(stored), tuple(claims), tuple(rows), tuple(conflicts), verdicts)


def reconcile_ledger(ledger: Ledger, filters: Filters = Filters()) -> Reconciliation:
    """Claims, consensus rows and conflicts over the estimates the filters select, as the
    analysts' reviews have them."""
    return reconcile_estimates(reviewed_estimates(ledger, filters))
