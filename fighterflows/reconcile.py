"""Many documents in, one honest table out: claims, current figures and consensus.

The rules are written for a reader in docs/reconciliation.md; the short version:
- a claim is one source's figure for a place, flow and population, however many documents
  repeat it (figures within rounding are the same figure); syndicated copies are coverage;
- a source's current figure is its latest claim (by as_of); older ones are history;
- consensus over the current claims of independent sources gives low / best / high; a count
  derived from a share fills a gap but never outranks a stated count.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fighterflows.ledger.records import StoredEstimate
from fighterflows.model import Estimate, Kind, Qualifier

UNATTRIBUTED = "unattributed"
ROUNDING = 0.02  # two figures within 2 % are the same figure said twice
APPROX_SLACK = 0.10  # "about 850" allows roughly ±10 % when testing for disagreement
# Figures flow in for years: a source's current figure more than a year older than the newest
# is history, not a vote in today's consensus (and not a disagreement with it).
RECENT_MONTHS = 12

Key = tuple[str, str, str]  # place, flow, population


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    place: str
    flow: str
    population: str
    source: str | None
    kind: Kind
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    as_of: str | None
    derived: bool
    estimates: tuple[str, ...]  # estimate ids
    documents: tuple[str, ...]  # document names, originals and copies alike
    copies: tuple[str, ...]  # the documents among them that are syndicated copies
    quote: str

    @property
    def key(self) -> Key:
        return (self.place, self.flow, self.population)

    @property
    def period(self) -> str:
        """Figures of one source in one year describe one moment, for misquote purposes."""
        return (self.as_of or "")[:4]

    @property
    def point(self) -> float | None:
        return point_of(self.value, self.low, self.high)

    @property
    def source_label(self) -> str:
        return self.source or UNATTRIBUTED

    @property
    def originals(self) -> tuple[str, ...]:
        return tuple(d for d in self.documents if d not in self.copies)


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
    derived: bool = False  # true when only a share times its base supports the row


def point_of(value: float | None, low: float | None, high: float | None) -> float | None:
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def same_figure(a: Estimate, b: Estimate) -> bool:
    if a.qualifier == Qualifier.RANGE or b.qualifier == Qualifier.RANGE:
        return (a.low, a.high) == (b.low, b.high)
    pa, pb = point_of(a.value, a.low, a.high), point_of(b.value, b.low, b.high)
    if pa is None or pb is None:
        return False
    if a.kind == Kind.SHARE:
        return abs(pa - pb) <= 0.005
    return abs(pa - pb) <= ROUNDING * max(abs(pa), abs(pb), 1.0)


def build_claims(stored: Iterable[StoredEstimate]) -> list[Claim]:
    """Group estimates into claims; a copy's estimate only adds coverage to an original's."""
    groups: dict[tuple[object, ...], list[list[StoredEstimate]]] = defaultdict(list)
    # A canonical order makes the claims independent of the order documents were ingested in.
    ordered = sorted(stored, key=lambda s: (s.estimate.as_of or "", s.estimate.doc, s.id))
    originals = [s for s in ordered if s.copy_of is None]
    copies = [s for s in ordered if s.copy_of is not None]
    for s in originals:
        _file(groups, s, create=True)
    for s in copies:
        _file(groups, s, create=False)
    claims = [_claim(members) for clusters in groups.values() for members in clusters]
    return sorted(claims, key=lambda c: (c.key, c.source_label, c.as_of or "", c.id))


def _group_key(s: StoredEstimate) -> tuple[object, ...]:
    e = s.estimate
    return (e.place, e.flow.value, e.population.value, e.kind, e.source, e.derived)


def _file(
    groups: dict[tuple[object, ...], list[list[StoredEstimate]]],
    s: StoredEstimate,
    create: bool,
) -> None:
    clusters = groups[_group_key(s)]
    for members in clusters:
        if same_figure(members[0].estimate, s.estimate):
            members.append(s)
            return
    if create:
        clusters.append([s])


def _claim(members: list[StoredEstimate]) -> Claim:
    first = min(members, key=lambda s: (s.estimate.as_of or "9999", s.estimate.doc, s.id))
    e = first.estimate
    docs = sorted({s.estimate.doc for s in members})
    copies = sorted({s.estimate.doc for s in members if s.copy_of is not None})
    ids = tuple(sorted(s.id for s in members))
    return Claim(
        id=hashlib.sha1("|".join(ids).encode()).hexdigest()[:12],
        place=e.place,
        flow=e.flow.value,
        population=e.population.value,
        source=e.source,
        kind=e.kind,
        value=e.value,
        low=e.low,
        high=e.high,
        qualifier=e.qualifier,
        as_of=e.as_of,  # the claim is dated by its earliest statement
        derived=e.derived,
        estimates=ids,
        documents=tuple(docs),
        copies=tuple(copies),
        quote=e.quote,
    )


def current_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Each source's claims of its latest period; within it, the best-covered figure, and
    between equally covered versions the one closest to what the other sources say."""
    by_source: dict[tuple[Key, str, Kind, bool], list[Claim]] = defaultdict(list)
    for c in claims:
        by_source[(c.key, c.source_label, c.kind, c.derived)].append(c)
    current: list[Claim] = []
    for (_, source, _, _), group in by_source.items():
        latest = max(c.period for c in group)
        in_period = [c for c in group if c.period == latest]
        if source == UNATTRIBUTED:
            current.extend(in_period)  # unattributed figures cannot be merged: keep each
            continue
        others = [
            c.point
            for c in claims
            if c.source_label != source and c.point is not None and c.kind == group[0].kind
        ]
        current.append(max(in_period, key=lambda c: _standing(c, others)))
    return current


def _standing(c: Claim, others: Sequence[float | None]) -> tuple[int, float, int, str]:
    """How strongly a version of a source's figure stands: coverage, then agreement with the
    other sources, then the earlier statement (retellings come after the report they
    retell, and a misquote must not win on its later date)."""
    points = [p for p in others if p is not None]
    distance = abs((c.point or 0.0) - statistics.median(points)) if points else 0.0
    return (len(c.originals), -distance, -(month_number(c.as_of) or 0), c.id)


def month_number(as_of: str | None) -> int | None:
    """'2017-10-24' / '2017-10' / '2017' → months since year 0 (a bare year counts as June)."""
    if not as_of or not as_of[:4].isdigit():
        return None
    month = int(as_of[5:7]) if len(as_of) >= 7 and as_of[5:7].isdigit() else 6
    return int(as_of[:4]) * 12 + month - 1


def recent(claims: Sequence[Claim], months: int = RECENT_MONTHS) -> list[Claim]:
    """The claims dated within `months` of the newest: older current figures are history."""
    dated = [(month_number(c.as_of), c) for c in claims]
    newest = max((m for m, _ in dated if m is not None), default=None)
    if newest is None:
        return list(claims)
    return [c for m, c in dated if m is None or newest - m <= months]


def interval(c: Claim, slack: float = 0.0) -> tuple[float | None, float | None]:
    """The interval a claim allows; approximate figures get `slack` either side."""
    if c.qualifier in (Qualifier.EXACT, Qualifier.APPROX) and c.value is not None:
        pad = slack if c.qualifier == Qualifier.APPROX else ROUNDING
        return c.value * (1 - pad), c.value * (1 + pad)
    if c.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return c.value, None
    if c.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return None, c.value
    return c.low, c.high


def consensus(key: Key, claims: Sequence[Claim]) -> Row | None:
    """low / best / high over the current count claims of one (place, flow, population)."""
    counts = [c for c in current_claims(claims) if c.kind == Kind.COUNT]
    stated = [c for c in counts if not c.derived]
    chosen = recent(stated or counts)
    points = [p for p in (c.point for c in chosen) if p is not None]
    if not points:
        return None
    lows = [x for c in chosen for x in (c.low, c.point) if x is not None]
    highs = [x for c in chosen for x in (c.high, c.point) if x is not None]
    return Row(
        place=key[0],
        flow=key[1],
        population=key[2],
        low=min(lows) if lows else None,
        best=round(statistics.median(points)),  # people come whole
        high=max(highs) if highs else None,
        as_of=max((c.as_of for c in chosen if c.as_of), default=None),
        sources=tuple(sorted({c.source_label for c in chosen})),
        claims=len(claims),
        documents=len({d for c in claims for d in c.originals}),
        derived=not stated,
    )


def by_key(claims: Iterable[Claim]) -> dict[Key, list[Claim]]:
    grouped: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[c.key].append(c)
    return dict(sorted(grouped.items()))


def table(claims: Sequence[Claim]) -> list[Row]:
    grouped = by_key(claims)
    rows = {key: consensus(key, group) for key, group in grouped.items()}
    departed = {(k[0], k[2]): r for k, r in rows.items() if r is not None and k[1] == "departed"}
    for key, group in grouped.items():
        base = departed.get((key[0], key[2]))
        if rows[key] is None and key[1] != "departed" and base is not None:
            rows[key] = share_of_base(key, group, base)
    return [r for r in rows.values() if r is not None]


def share_of_base(key: Key, group: Sequence[Claim], base: Row) -> Row | None:
    """A row that only shares support ("nearly half of the Britons who went came back"):
    their current figures times the consensus of those who departed, marked derived."""
    shares = recent([c for c in current_claims(group) if c.kind == Kind.SHARE and not c.derived])
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
        documents=len({d for c in group for d in c.originals}),
        derived=True,
    )


def timeline(claims: Sequence[Claim], place: str) -> list[Claim]:
    chosen = [c for c in claims if c.place == place]
    return sorted(chosen, key=lambda c: (c.as_of or "", c.flow, c.population, c.source_label))
