"""Contradictions between claims: misquotes, disagreements and inconsistencies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from fighterflows.model import Kind
from fighterflows.reconcile import (
    APPROX_SLACK,
    UNATTRIBUTED,
    Claim,
    Key,
    Row,
    by_key,
    current_claims,
    interval,
    recent,
)

# How far a share times its base may stray from a stated count before we call it out.
DERIVED_TOLERANCE = 0.25


class ConflictKind(StrEnum):
    MISQUOTE = "misquote"
    DISAGREEMENT = "disagreement"
    INCONSISTENCY = "inconsistency"


@dataclass(frozen=True, slots=True)
class Conflict:
    place: str
    flow: str
    population: str
    kind: ConflictKind
    detail: str
    claims: tuple[Claim, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({d for c in self.claims for d in c.documents}))


def find_conflicts(
    claims: Sequence[Claim], rows: Sequence[Row], regions: RegionLookup
) -> list[Conflict]:
    grouped = by_key(claims)
    found: list[Conflict] = []
    for key, group in grouped.items():
        found += misquotes(key, group)
        found += disagreements(key, group)
        found += derived_mismatches(key, group)
    found += returns_exceed_departures(rows, grouped)
    found += members_exceed_region(rows, grouped, regions)
    return found


RegionLookup = Callable[[str], frozenset[str] | None]


def misquotes(key: Key, group: Sequence[Claim]) -> list[Conflict]:
    """One source, one period, different figures in different documents."""
    by_period: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in group:
        # A derived count repeats its share's misquote; the share is the one to show.
        if c.source is not None and not c.derived:
            by_period[(c.source, c.period)].append(c)
    out = []
    for (source, period), claims in sorted(by_period.items()):
        stated = [c for c in claims if c.originals]
        docs = {d for c in stated for d in c.originals}
        if len(stated) > 1 and len(docs) > 1:
            figures = ", ".join(f"{c.quote!r}" for c in stated)
            detail = f"{source} ({period or 'undated'}) is reported as {figures}"
            out.append(_conflict(key, ConflictKind.MISQUOTE, detail, stated))
    return out


def disagreements(key: Key, group: Sequence[Claim]) -> list[Conflict]:
    """Different sources whose current figures cannot both be true."""
    # Only figures of the same time can contradict each other: flows grow over the years.
    current = recent(
        [c for c in current_claims(group) if c.source_label != UNATTRIBUTED and not c.derived]
    )
    out = []
    for a, b in combinations(sorted(current, key=lambda c: c.source_label), 2):
        if a.source == b.source or a.kind != b.kind or _overlap(a, b):
            continue
        detail = f"{a.source_label} says {a.quote!r}, {b.source_label} says {b.quote!r}"
        out.append(_conflict(key, ConflictKind.DISAGREEMENT, detail, [a, b]))
    return out


def _overlap(a: Claim, b: Claim) -> bool:
    alo, ahi = interval(a, APPROX_SLACK)
    blo, bhi = interval(b, APPROX_SLACK)
    below = ahi is not None and blo is not None and ahi < blo
    above = bhi is not None and alo is not None and bhi < alo
    return not (below or above)


def derived_mismatches(key: Key, group: Sequence[Claim]) -> list[Conflict]:
    """A share times its base that lands far from every count stated for the same thing at
    the same time: one conflict a derived figure, with the stated counts beside it."""
    stated = recent([c for c in current_claims(group) if c.kind == Kind.COUNT and not c.derived])
    points = [p for p in (c.point for c in stated) if p is not None]
    if not points:
        return []
    low, high = min(points) * (1 - DERIVED_TOLERANCE), max(points) * (1 + DERIVED_TOLERANCE)
    out = []
    for d in (c for c in group if c.derived and c.point is not None):
        assert d.point is not None
        if not low <= d.point <= high:
            quotes = ", ".join(repr(c.quote) for c in stated)
            detail = f"{d.quote!r} of its base gives about {d.point:,.0f}; stated: {quotes}"
            out.append(_conflict(key, ConflictKind.INCONSISTENCY, detail, [d, *stated]))
    return out


def returns_exceed_departures(
    rows: Sequence[Row], grouped: dict[Key, list[Claim]]
) -> list[Conflict]:
    departed = {(r.place, r.population): r for r in rows if r.flow == "departed"}
    out = []
    for r in rows:
        d = departed.get((r.place, r.population))
        if r.flow != "returned" or d is None or r.low is None or d.high is None:
            continue
        if r.low > d.high:
            detail = f"more returned (at least {r.low:,.0f}) than departed (at most {d.high:,.0f})"
            claims = grouped[(r.place, "returned", r.population)]
            claims = claims + grouped[(d.place, "departed", d.population)]
            key = (r.place, "returned", r.population)
            out.append(_conflict(key, ConflictKind.INCONSISTENCY, detail, claims))
    return out


def members_exceed_region(
    rows: Sequence[Row], grouped: dict[Key, list[Claim]], regions: RegionLookup
) -> list[Conflict]:
    index = {(r.place, r.flow, r.population): r for r in rows}
    out = []
    for r in rows:
        members = regions(r.place)
        if not members or r.high is None or r.place == "world":
            continue
        parts = [index.get((m, r.flow, r.population)) for m in members]
        total = sum(p.low for p in parts if p is not None and p.low is not None)
        if total > r.high * (1 + APPROX_SLACK):
            detail = f"members add up to at least {total:,.0f}, the region to at most {r.high:,.0f}"
            key = (r.place, r.flow, r.population)
            claims = list(grouped.get(key, []))
            for m in sorted(members):
                claims += grouped.get((m, r.flow, r.population), [])
            out.append(_conflict(key, ConflictKind.INCONSISTENCY, detail, claims))
    return out


def _conflict(key: Key, kind: ConflictKind, detail: str, claims: Sequence[Claim]) -> Conflict:
    return Conflict(key[0], key[1], key[2], kind, detail, tuple(claims))
