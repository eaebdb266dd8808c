"""Many documents in, claims out: one source's figure for one measure, however often repeated.

The rules are written for a reader in docs/reconciliation.md; the short version:
- a measure is (place, flow, population, scope): a cumulative total, one event and a current
  stock are different measures and never share a claim or a row;
- a claim is one source's figure for a measure, however many documents repeat it (figures
  within rounding are the same figure); syndicated copies that say the same are coverage, a
  copy that states another figure is a statement of its own (an update when it is later);
- a figure that counts one group's recruits beside a larger all-groups figure of the same
  document is a *part*, never a vote for the whole;
- a source's current figure is its latest claim (by as_of); older ones are history.
The consensus over current claims is `fighterflows.consensus`.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fighterflows.ledger.records import StoredEstimate
from fighterflows.model import Estimate, Flow, Kind, Qualifier

UNATTRIBUTED = "unattributed"
ROUNDING = 0.02  # two figures within 2 % are the same figure said twice
APPROX_SLACK = 0.10  # "about 850" allows roughly ±10 % when testing for disagreement
# Figures flow in for years: a source's current figure more than a year older than the newest
# is history, not a vote in today's consensus (and not a disagreement with it).
RECENT_MONTHS = 12

Key = tuple[str, str, str, str]  # place, flow, population, scope


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    place: str
    flow: Flow
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
    copies: tuple[str, ...]  # the documents among them that copy another one saying the same
    quote: str
    scope: str = "cumulative"
    group: str | None = None
    part: bool = False  # one group's recruits beside a larger figure: a lower bound
    update: bool = False  # stated by a later near-copy that changed its original's figure
    reviewed: int = 0  # how many of its statements an analyst confirmed, corrected or added

    @property
    def key(self) -> Key:
        return (self.place, self.flow, self.population, self.scope)

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
    """Group estimates into claims. A copy that says what its original says adds coverage; a
    copy that states another figure is a statement of its own."""
    groups: dict[tuple[object, ...], list[list[StoredEstimate]]] = defaultdict(list)
    # A canonical order makes the claims independent of the order documents were ingested in.
    ordered = sorted(stored, key=lambda s: (s.estimate.as_of or "", s.estimate.doc, s.id))
    parts = group_parts(ordered)
    for s in sorted(ordered, key=lambda s: s.copy_of is not None):
        _file(groups[_group_key(s, s.id in parts)], s)
    claims = [
        _claim(members, parts, _updates(members, clusters))
        for clusters in groups.values()
        for members in clusters
    ]
    return sorted(claims, key=lambda c: (c.key, c.source_label, c.as_of or "", c.id))


def _group_key(s: StoredEstimate, part: bool) -> tuple[object, ...]:
    e = s.estimate
    return (
        e.place,
        e.flow.value,
        e.population.value,
        e.scope.value,
        e.kind,
        e.source,
        e.derived,
        part,
    )


def _file(clusters: list[list[StoredEstimate]], s: StoredEstimate) -> None:
    for members in clusters:
        if same_figure(members[0].estimate, s.estimate):
            members.append(s)
            return
    clusters.append([s])


def group_parts(stored: Sequence[StoredEstimate]) -> set[str]:
    """Estimates that count one armed group's recruits while the same document gives a larger
    figure for the same measure and another group or none ("1,060 joined the Islamic State"
    beside the 1,654 who went): the ids of those parts."""
    by_measure: dict[tuple[object, ...], list[StoredEstimate]] = defaultdict(list)
    for s in stored:
        e = s.estimate
        if e.kind == Kind.COUNT and not e.derived:
            by_measure[(s.document_id, e.place, e.flow, e.population, e.scope)].append(s)
    parts = set()
    for members in by_measure.values():
        for s in members:
            if s.estimate.group and any(_larger_whole(w.estimate, s.estimate) for w in members):
                parts.add(s.id)
    return parts


def _larger_whole(whole: Estimate, part: Estimate) -> bool:
    pw = point_of(whole.value, whole.low, whole.high)
    pp = point_of(part.value, part.low, part.high)
    return whole.group != part.group and pw is not None and pp is not None and pw > pp


def _updates(members: list[StoredEstimate], clusters: list[list[StoredEstimate]]) -> bool:
    """Members stated only by near-copies, later than a different figure of their originals:
    the copy updated the figure ("the same ministry, nine months later, 350 instead of 200")."""
    if any(s.copy_of is None for s in members):
        return False
    earlier = [o for other in clusters if other is not members for o in other]
    return all(
        any(
            o.document_id == s.copy_of and (o.estimate.as_of or "") < (s.estimate.as_of or "")
            for o in earlier
        )
        for s in members
    )


def _claim(members: list[StoredEstimate], parts: set[str], update: bool) -> Claim:
    first = min(members, key=lambda s: (s.estimate.as_of or "9999", s.estimate.doc, s.id))
    e = first.estimate
    docs = sorted({s.estimate.doc for s in members})
    # A copy is coverage only when its original states the same figure.
    stating = {s.document_id for s in members}
    copies = sorted({s.estimate.doc for s in members if s.copy_of in stating})
    ids = tuple(sorted(s.id for s in members))
    return Claim(
        id=hashlib.sha1("|".join(ids).encode()).hexdigest()[:12],
        place=e.place,
        flow=e.flow,
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
        scope=e.scope.value,
        group=e.group,
        part=first.id in parts,
        update=update,
        reviewed=sum(1 for s in members if s.review),
    )


@dataclass(frozen=True, slots=True)
class Currency:
    """Each source's current claims, and why each other claim is not current."""

    current: list[Claim]
    history: list[tuple[Claim, Claim]]  # an older figure of a source, and its current one
    outvoted: list[tuple[Claim, Claim]]  # another version of its figure for that period, and
    # the version that won


def current_claims(claims: Sequence[Claim]) -> list[Claim]:
    return currency(claims).current


def currency(claims: Sequence[Claim]) -> Currency:
    """Each source's claims of its latest period; within it, an update, else the best-covered
    figure, and between equally covered versions the one closest to what the others say."""
    by_source: dict[tuple[Key, str, Kind, bool], list[Claim]] = defaultdict(list)
    for c in claims:
        by_source[(c.key, c.source_label, c.kind, c.derived)].append(c)
    out = Currency([], [], [])
    for (_, source, _, _), group in by_source.items():
        latest = max(c.period for c in group)
        in_period = [c for c in group if c.period == latest]
        if source == UNATTRIBUTED:
            out.current.extend(in_period)  # unattributed figures cannot be merged: keep each
            out.history.extend((c, in_period[0]) for c in group if c.period != latest)
            continue
        others = [
            c.point
            for c in claims
            if c.source_label != source and c.point is not None and c.kind == group[0].kind
        ]
        best = max(in_period, key=lambda c: _standing(c, others))
        out.current.append(best)
        out.outvoted.extend((c, best) for c in in_period if c is not best)
        out.history.extend((c, best) for c in group if c.period != latest)
    return out


def _standing(c: Claim, others: Sequence[float | None]) -> tuple[bool, int, float, int, str]:
    """How strongly a version of a source's figure stands: an update of a copied article,
    then coverage, then agreement with the other sources, then the earlier statement
    (retellings come after the report they retell, and a misquote must not win on its later
    date)."""
    points = [p for p in others if p is not None]
    distance = abs((c.point or 0.0) - statistics.median(points)) if points else 0.0
    return (c.update, len(c.originals), -distance, -(month_number(c.as_of) or 0), c.id)


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


def by_key(claims: Iterable[Claim]) -> dict[Key, list[Claim]]:
    grouped: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[c.key].append(c)
    return dict(sorted(grouped.items()))


def timeline(claims: Sequence[Claim], place: str) -> list[Claim]:
    chosen = [c for c in claims if c.place == place]
    return sorted(
        chosen, key=lambda c: (c.as_of or "", c.flow, c.population, c.scope, c.source_label)
    )
