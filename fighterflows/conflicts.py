"""Contradictions between claims: misquotes, disagreements and inconsistencies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from fighterflows.consensus import Row, distinct_events
from fighterflows.model import Kind
from fighterflows.reconcile import (
    APPROX_SLACK,
    UNATTRIBUTED,
    Claim,
    Key,
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
    scope: str = "cumulative"

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({d for c in self.claims for d in c.documents}))


def find_conflicts(
    claims: Sequence[Claim], rows: Sequence[Row], regions: RegionLookup
) -> list[Conflict]:
    grouped = by_key(claims)
    found: list[Conflict] = []
    for key, group in grouped.items():
        if key[3] == "event":
            continue  # events of one source differ from each other: they are other events
        found += misquotes(key, group)
        found += disagreements(key, group)
        found += derived_mismatches(key, group)
    found += returns_exceed_departures(rows, grouped)
    found += members_exceed_region(rows, grouped, regions)
    found += parts_exceed_total(rows, grouped)
    found += outcomes_exceed_departures(claims)
    found += events_exceed_total(claims)
    return found


RegionLookup = Callable[[str], frozenset[str] | None]


def misquotes(key: Key, group: Sequence[Claim]) -> list[Conflict]:
    """One source, one period, different figures in different documents."""
    by_period: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in group:
        # A derived count repeats its share's misquote; the share is the one to show.
        if c.source is not None and not c.derived and not c.update and not c.part:
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
        [
            c
            for c in current_claims(group)
            if c.source_label != UNATTRIBUTED and not c.derived and not c.part
        ]
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
    stated = recent(
        [c for c in current_claims(group) if c.kind == Kind.COUNT and not c.derived and not c.part]
    )
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
    departed = {(r.place, r.population, r.scope): r for r in rows if r.flow == "departed"}
    out = []
    for r in rows:
        d = departed.get((r.place, r.population, r.scope))
        if r.flow != "returned" or r.scope == "event" or d is None:
            continue
        if r.low is not None and d.high is not None and r.low > d.high:
            detail = f"more returned (at least {r.low:,.0f}) than departed (at most {d.high:,.0f})"
            claims = grouped[r.key] + grouped[d.key]
            out.append(_conflict(r.key, ConflictKind.INCONSISTENCY, detail, claims))
    return out


def members_exceed_region(
    rows: Sequence[Row], grouped: dict[Key, list[Claim]], regions: RegionLookup
) -> list[Conflict]:
    index = {r.key: r for r in rows}
    out = []
    for r in rows:
        members = regions(r.place)
        if not members or r.high is None or r.place == "world":
            continue
        parts = [index.get((m, r.flow, r.population, r.scope)) for m in members]
        total = sum(p.low for p in parts if p is not None and p.low is not None)
        if total > r.high * (1 + APPROX_SLACK):
            detail = f"members add up to at least {total:,.0f}, the region to at most {r.high:,.0f}"
            claims = list(grouped.get(r.key, []))
            for m in sorted(members):
                claims += grouped.get((m, r.flow, r.population, r.scope), [])
            out.append(_conflict(r.key, ConflictKind.INCONSISTENCY, detail, claims))
    return out


def parts_exceed_total(rows: Sequence[Row], grouped: dict[Key, list[Claim]]) -> list[Conflict]:
    """Men, women or minors more than the total of the same place, flow and scope."""
    totals = {r.key: r for r in rows if r.population == "total"}
    out = []
    for r in rows:
        t = totals.get((r.place, r.flow, "total", r.scope))
        if r.population == "total" or t is None or r.scope == "event":
            continue
        if r.low is not None and t.high is not None and r.low > t.high * (1 + APPROX_SLACK):
            detail = (
                f"{r.population} (at least {r.low:,.0f}) outnumber the total "
                f"(at most {t.high:,.0f})"
            )
            out.append(
                _conflict(
                    r.key, ConflictKind.INCONSISTENCY, detail, grouped[r.key] + grouped[t.key]
                )
            )
    return out


OUTCOMES = ("returned", "killed", "remaining")


def outcomes_exceed_departures(claims: Sequence[Claim]) -> list[Conflict]:
    """One source, one year: its returned, killed and remaining add up to more than the
    departures it gives for the same place and population."""
    by_source: dict[tuple[str, str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.source and c.kind == Kind.COUNT and not c.derived and c.scope != "event":
            by_source[(c.source, c.period, c.place, c.population)].append(c)
    out = []
    for (source, period, _, _), group in sorted(by_source.items()):
        departed = [c for c in group if c.flow == "departed" and interval(c, APPROX_SLACK)[1]]
        fates = {f: [c for c in group if c.flow == f] for f in OUTCOMES}
        # The least each outcome can be (rounding and "about" allowed), its largest claim.
        least = {
            f: max((interval(c, APPROX_SLACK)[0] or 0 for c in cs), default=0)
            for f, cs in fates.items()
        }
        for d in departed:
            high = interval(d, APPROX_SLACK)[1]
            if (
                high is None
                or sum(least.values()) <= high
                or sum(1 for cs in fates.values() if cs) < 2
            ):
                continue
            said = ", ".join(
                f"{f} {max(cs, key=lambda c: c.point or 0).quote!r}"
                for f, cs in fates.items()
                if cs
            )
            detail = (
                f"{source} ({period or 'undated'}): {said} add up to more than the "
                f"{d.quote!r} who departed"
            )
            fate_claims = [c for cs in fates.values() for c in cs]
            out.append(_conflict(d.key, ConflictKind.INCONSISTENCY, detail, [d, *fate_claims]))
    return out


def events_exceed_total(claims: Sequence[Claim]) -> list[Conflict]:
    """A source's events up to a date add up to more than the cumulative figure it gives on
    or after that date: the total undercuts its own events."""
    grouped = by_key(claims)
    out = []
    for (place, flow, population, scope), events in grouped.items():
        if scope != "event":
            continue
        totals = grouped.get((place, flow, population, "cumulative"), [])
        for total in totals:
            high = interval(total, APPROX_SLACK)[1]
            if total.source is None or high is None or not total.as_of:
                continue
            mine = [
                c
                for c in events
                if c.source == total.source
                and c.kind == Kind.COUNT
                and c.as_of
                and c.as_of <= total.as_of
            ]
            firsts = [e[0] for e in distinct_events(mine)]
            added = sum(c.low if c.low is not None else c.point or 0 for c in firsts)
            if firsts and added > high:
                detail = (
                    f"{total.source}'s events up to {total.as_of} add up to "
                    f"{added:,.0f}, more than its total {total.quote!r}"
                )
                out.append(
                    _conflict(total.key, ConflictKind.INCONSISTENCY, detail, [total, *firsts])
                )
    return out


def _conflict(key: Key, kind: ConflictKind, detail: str, claims: Sequence[Claim]) -> Conflict:
    return Conflict(key[0], key[1], key[2], kind, detail, tuple(claims), key[3])
