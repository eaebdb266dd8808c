"""What to review first: the figures behind conflicts, then the unreviewed claims that move
the table most (how far a row's best figure would move without them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fighterflows.analysis import Reconciliation
from fighterflows.consensus import Role, Row, assess
from fighterflows.ledger import StoredEstimate
from fighterflows.reconcile import Claim, Key, by_key

IDLE = frozenset({Role.HISTORY, Role.OUTVOTED, Role.SET_ASIDE})  # they do not make the row


@dataclass(frozen=True, slots=True)
class Suggestion:
    claim: Claim
    statement: StoredEstimate  # the statement to open: an original document's, the earliest
    why: str
    weight: float  # the share of its row's best figure it moves (conflicts come first)


def suggestions(rec: Reconciliation, place: str | None = None) -> list[Suggestion]:
    by_id = {s.id: s for s in rec.estimates}
    seen: set[str] = set()
    first: list[Suggestion] = []
    for x in rec.conflicts:
        for c in x.claims:
            if c.id in seen or c.reviewed or (place and c.place != place):
                continue
            seen.add(c.id)
            first.append(Suggestion(c, _statement(c, by_id), f"{x.kind.value}: {x.detail}", 1.0))
    movers: list[Suggestion] = []
    for key, group in by_key(rec.claims).items():
        if place and key[0] != place:
            continue
        row = assess(key, group).row
        for c in group:
            if c.id in seen or c.reviewed:
                continue
            verdict = rec.verdicts.get(c.id)
            if verdict is not None and verdict.role in IDLE:
                weight, why = 0.0, f"does not make its row now ({verdict.role.value})"
            else:
                weight, why = _influence(key, group, c, row)
            movers.append(Suggestion(c, _statement(c, by_id), why, weight))
    movers.sort(key=lambda s: (-s.weight, -(s.claim.point or 0), s.claim.id))
    return first + movers


def _influence(key: Key, group: Sequence[Claim], c: Claim, row: Row | None) -> tuple[float, str]:
    label = f"{key[0]} {key[1]} {key[2]} ({key[3]})"
    if row is None or row.best is None:
        return 0.0, f"no row of {label} rests on it"
    rest = [x for x in group if x is not c]
    other = assess(key, rest).row if rest else None
    if other is None or other.best is None:
        return 1.0, f"the only support of {label}: best {row.best:,.0f}"
    moved = abs(row.best - other.best) / max(abs(row.best), 1.0)
    return moved, (
        f"moves {label} best by {moved:.0%} ({row.best:,.0f} with it, {other.best:,.0f} without)"
    )


def _statement(c: Claim, by_id: dict[str, StoredEstimate]) -> StoredEstimate:
    stated = [by_id[i] for i in c.estimates if i in by_id]
    return min(
        stated, key=lambda s: (s.copy_of is not None, s.estimate.as_of or "", s.estimate.doc, s.id)
    )
