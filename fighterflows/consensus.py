"""Claims in, one row per measure out: low / best / high, and why each claim counts or not.

A measure is (place, flow, population, scope). Cumulative totals and current stocks get the
consensus of the independent sources' current figures; one group's recruits are parts (a lower
bound); events are summed, never averaged (their sum is a lower bound of everyone they moved).
Every claim of a row gets a verdict a reader can check: `fighterflows table --explain PLACE`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from fighterflows.asof import as_date
from fighterflows.model import Kind
from fighterflows.reconcile import (
    ROUNDING,
    Claim,
    Key,
    by_key,
    currency,
    recent,
)

EVENT_DAYS = 7  # reports of one event are dated within a week of it (the day, the next day)


class Basis(StrEnum):
    """What a row's figures rest on."""

    CONSENSUS = "consensus"  # the current figures of independent sources
    DERIVED = "derived"  # only a share times its base
    PARTS = "parts"  # only one group's recruits: a lower bound
    EVENTS = "events"  # the sum of distinct events: a lower bound


class Role(StrEnum):
    VOTE = "vote"
    PART = "part"
    EVENT = "event"
    HISTORY = "history"
    OUTVOTED = "outvoted"
    SET_ASIDE = "set aside"
    SHARE = "share"


@dataclass(frozen=True, slots=True)
class Verdict:
    role: Role
    why: str


@dataclass(frozen=True, slots=True)
class Row:
    place: str
    flow: str
    population: str
    low: float | None
    best: float | None
    high: float | None
    as_of: str | None
    sources: tuple[str, ...]
    claims: int
    documents: int
    scope: str = "cumulative"
    basis: Basis = Basis.CONSENSUS
    since: str | None = None  # for events: the date of the first one summed
    reviewed: int = 0  # how many of its claims rest on a statement an analyst reviewed

    @property
    def derived(self) -> bool:
        """True when only a share times its base supports the row."""
        return self.basis == Basis.DERIVED

    @property
    def key(self) -> Key:
        return (self.place, self.flow, self.population, self.scope)


@dataclass(frozen=True, slots=True)
class Assessment:
    row: Row | None
    verdicts: dict[str, Verdict]  # claim id → what it did for the row


def assess(key: Key, claims: Sequence[Claim]) -> Assessment:
    """The row of one measure and a verdict for each of its claims."""
    if key[3] == "event":
        return _events(key, claims)
    verdicts: dict[str, Verdict] = {}
    counts = [c for c in claims if c.kind == Kind.COUNT]
    for c in claims:
        if c.kind == Kind.SHARE:
            verdicts[c.id] = Verdict(
                Role.SHARE,
                "a share: it counts through the count derived "
                "from it and its base, or fills a gap times the departures",
            )
    parts = [c for c in counts if c.part]
    for c in parts:
        verdicts[c.id] = Verdict(
            Role.PART,
            f"counts only {c.group}'s recruits beside a larger "
            "figure in its document: a lower bound, not a vote",
        )
    chosen = _votes([c for c in counts if not c.part], verdicts)
    if chosen:
        row = _row(key, claims, chosen, Basis.CONSENSUS)
        return Assessment(_raised_by_parts(row, parts), verdicts)
    if parts:
        return Assessment(_row(key, claims, parts, Basis.PARTS, lower_bound=True), verdicts)
    return Assessment(None, verdicts)


def _votes(counts: Sequence[Claim], verdicts: dict[str, Verdict]) -> list[Claim]:
    state = currency(counts)
    for c, later in state.history:
        verdicts[c.id] = Verdict(
            Role.HISTORY,
            f"{c.source_label} has a later figure: {later.quote!r} ({later.as_of or 'undated'})",
        )
    for c, winner in state.outvoted:
        verdicts[c.id] = Verdict(Role.OUTVOTED, _outvoted_why(c, winner))
    stated = [c for c in state.current if not c.derived]
    chosen = recent(stated or state.current)
    for c in state.current:
        if c in chosen:
            verdicts[c.id] = Verdict(Role.VOTE, f"{c.source_label}'s current figure")
        elif c.derived and stated:
            verdicts[c.id] = Verdict(
                Role.SET_ASIDE, "derived from a share; a source states the count"
            )
        else:
            verdicts[c.id] = Verdict(
                Role.HISTORY, "more than 12 months older than the newest figure"
            )
    return chosen


def _outvoted_why(c: Claim, winner: Claim) -> str:
    if winner.update:
        return (
            f"updated by a later copy of its article that says {winner.quote!r} "
            f"({winner.as_of or 'undated'})"
        )
    return (
        f"{c.source_label} is reported for that year as {winner.quote!r} by more "
        "documents, or closer to the other sources"
    )


def _row(
    key: Key,
    claims: Sequence[Claim],
    chosen: Sequence[Claim],
    basis: Basis,
    lower_bound: bool = False,
) -> Row | None:
    points = [p for p in (c.point for c in chosen) if p is not None]
    if not points:
        return None
    lows = [x for c in chosen for x in (c.low, c.point) if x is not None]
    highs = [x for c in chosen for x in (c.high, c.point) if x is not None]
    best = max(points) if lower_bound else statistics.median(points)
    return Row(
        place=key[0],
        flow=key[1],
        population=key[2],
        low=max(lows) if lower_bound else min(lows),
        best=round(best),  # people come whole
        high=None if lower_bound else max(highs),
        as_of=max((c.as_of for c in chosen if c.as_of), default=None),
        sources=tuple(sorted({c.source_label for c in chosen})),
        claims=len(claims),
        documents=_documents(claims),
        scope=key[3],
        basis=basis if any(not c.derived for c in chosen) else Basis.DERIVED,
        reviewed=_reviewed(claims),
    )


def _raised_by_parts(row: Row | None, parts: Sequence[Claim]) -> Row | None:
    """One group's recruits are a floor for everyone who went: "between 900 and 2,000 went,
    1,060 of them to the Islamic State" is 1,060 to 2,000."""
    floors = [x for c in parts for x in (c.low, c.point) if x is not None]
    if row is None or not floors or (row.low is not None and row.low >= max(floors)):
        return row
    return replace(row, low=max(floors))


def distinct_events(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Event claims grouped by event: the same figure within days of each other, whoever
    reports it, is one event."""
    events: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.as_of or "", c.id)):
        for e in events:
            if same_event(e[0], c):
                e.append(c)
                break
        else:
            events.append([c])
    return events


def _events(key: Key, claims: Sequence[Claim]) -> Assessment:
    counts = [c for c in claims if c.kind == Kind.COUNT and not c.derived]
    events = distinct_events(counts)
    verdicts = {
        c.id: Verdict(Role.EVENT, f"one event of {c.as_of or 'no date'}: added, never averaged")
        for e in events
        for c in e
    }
    firsts = [e[0] for e in events if e[0].point is not None]
    if not firsts:
        return Assessment(None, verdicts)
    dates = [c.as_of for c in firsts if c.as_of]
    row = Row(
        place=key[0],
        flow=key[1],
        population=key[2],
        low=round(sum(c.low if c.low is not None else c.point or 0 for c in firsts)),
        best=round(sum(c.point or 0 for c in firsts)),
        high=None,  # events nobody reported may have moved more
        as_of=max(dates, default=None),
        sources=tuple(sorted({c.source_label for e in events for c in e})),
        claims=len(claims),
        documents=_documents(claims),
        scope=key[3],
        basis=Basis.EVENTS,
        since=min(dates, default=None),
        reviewed=_reviewed(claims),
    )
    return Assessment(row, verdicts)


def assess_all(claims: Sequence[Claim]) -> tuple[list[Row], dict[str, Verdict]]:
    """Every measure's row, and every claim's verdict."""
    grouped = by_key(claims)
    assessed = {key: assess(key, group) for key, group in grouped.items()}
    rows = {key: a.row for key, a in assessed.items()}
    verdicts = {i: v for a in assessed.values() for i, v in a.verdicts.items()}
    departed = {
        (k[0], k[2], k[3]): r for k, r in rows.items() if r is not None and k[1] == "departed"
    }
    for key, group in grouped.items():
        base = departed.get((key[0], key[2], key[3]))
        if rows[key] is None and key[1] != "departed" and base is not None:
            rows[key] = share_of_base(key, group, base)
    return [r for r in rows.values() if r is not None], verdicts


def share_of_base(key: Key, group: Sequence[Claim], base: Row) -> Row | None:
    """A row that only shares support ("nearly half of the Britons who went came back"):
    their current figures times the consensus of those who departed (same place, population
    and scope), marked derived."""
    shares = recent([c for c in currency(group).current if c.kind == Kind.SHARE and not c.derived])
    points = [p for p in (c.point for c in shares) if p is not None]
    if not points or base.best is None:
        return None
    fractions = [x for c in shares for x in (c.low, c.point, c.high) if x is not None]
    return Row(
        place=key[0],
        flow=key[1],
        population=key[2],
        low=round(min(fractions) * (base.low if base.low is not None else base.best)),
        best=round(statistics.median(points) * base.best),
        high=round(max(fractions) * (base.high if base.high is not None else base.best)),
        as_of=max((c.as_of for c in shares if c.as_of), default=None),
        sources=tuple(sorted({c.source_label for c in shares})),
        claims=len(group),
        documents=_documents(group),
        scope=key[3],
        basis=Basis.DERIVED,
        reviewed=_reviewed(group),
    )


def same_event(a: Claim, b: Claim) -> bool:
    """Two reports of one event: the same figure, dated within a week of each other."""
    pa, pb = a.point, b.point
    if pa is None or pb is None or abs(pa - pb) > ROUNDING * max(pa, pb, 1.0):
        return False
    da, db = _day(a.as_of), _day(b.as_of)
    if da is None or db is None:
        return a.as_of == b.as_of
    return abs(da - db) <= EVENT_DAYS


def _documents(claims: Sequence[Claim]) -> int:
    """The documents behind a row's claims, syndicated copies once."""
    return len({d for c in claims for d in c.originals})


def _reviewed(claims: Sequence[Claim]) -> int:
    return sum(1 for c in claims if c.reviewed)


def _day(as_of: str | None) -> int | None:
    """A date as a day number; a month or a year alone counts as its first day."""
    day = as_date(as_of) if as_of else None
    return day.toordinal() if day is not None else None
