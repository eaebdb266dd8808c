"""Why a table row says what it says: its claims with the part each played, in words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fighterflows.analysis import Reconciliation
from fighterflows.consensus import Basis, Role, Row, distinct_events
from fighterflows.reconcile import Claim
from fighterflows.report.serialize import claim_json, row_json
from fighterflows.report.tables import cell

ROLE_ORDER = tuple(Role)
BASIS_WORDS = {
    Basis.CONSENSUS: "the median of the current figures of {n} source(s)",
    Basis.DERIVED: "a share times the departures (no source states the count)",
    Basis.PARTS: "one group's recruits only: a lower bound",
    Basis.EVENTS: "the sum of {n} distinct event(s) since {since}: a lower bound",
}


def verdict_json(rec: Reconciliation, c: Claim) -> dict[str, Any]:
    v = rec.verdicts.get(c.id)
    return {"role": v.role.value if v else None, "why": v.why if v else None}


def claim_with_verdict(rec: Reconciliation, c: Claim) -> dict[str, Any]:
    return {**claim_json(c), **verdict_json(rec, c)}


def row_explanation(rec: Reconciliation, row: Row) -> dict[str, Any]:
    """The row, how it was computed, and each of its claims with its role and reason."""
    claims = sorted(
        (c for c in rec.claims if c.key == row.key),
        key=lambda c: (_rank(rec, c), c.as_of or "", c.source_label),
    )
    return {
        **row_json(row),
        "how": how_computed(rec, row, claims),
        "claims": [claim_with_verdict(rec, c) for c in claims],
    }


def how_computed(rec: Reconciliation, row: Row, claims: Iterable[Claim]) -> str:
    """In words: what the row's figures rest on, given the row's own claims."""
    mine = [c for c in claims if c.key == row.key]
    counted = {Basis.EVENTS: Role.EVENT, Basis.PARTS: Role.PART}.get(row.basis, Role.VOTE)
    n = len({c.source_label for c in mine if _role(rec, c) == counted})
    if row.basis == Basis.EVENTS:
        n = len(distinct_events([c for c in mine if _role(rec, c) == Role.EVENT]))
    return BASIS_WORDS[row.basis].format(n=n, since=row.since or "the first")


def _role(rec: Reconciliation, c: Claim) -> Role | None:
    v = rec.verdicts.get(c.id)
    return v.role if v else None


def _rank(rec: Reconciliation, c: Claim) -> int:
    role = _role(rec, c)
    return ROLE_ORDER.index(role) if role else len(ROLE_ORDER)


def explanation_lines(explained: dict[str, Any]) -> list[str]:
    """A row and its claims as lines a reader can check against the documents."""
    r = explained
    head = (
        f"{r['place']} {r['flow']} {r['population']} ({r['scope']}): best {cell(r['best'])}, "
        f"low {cell(r['low']) or '-'}, high {cell(r['high']) or '-'}, as of {r['as_of'] or '-'}"
    )
    lines = [head, f"  how: {r['how']}"]
    for c in r["claims"]:
        docs = len(c["documents"])
        lines.append(
            f"  {c['role'] or '-':<9} {c['source'] or 'unattributed'}: {c['quote']!r} "
            f"({c['as_of'] or 'undated'}, {docs} document{'s' if docs != 1 else ''}) "
            f"- {c['why'] or ''}"
        )
    return lines
