"""The reconciled ledger, computed once per ledger state and indexed for the pages and the API.

Reconciling every estimate takes seconds on a large ledger; a request must take milliseconds.
So a `Snapshot` is built once and reused until the ledger changes, which a cheap fingerprint
query (counts and the latest ingest) tells us. Filtered views (by source, as-of date) are kept
in a small LRU beside it.
"""

from __future__ import annotations

import gc
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlalchemy import func, select

from fighterflows.analysis import Reconciliation, reconcile_estimates
from fighterflows.conflicts import Conflict
from fighterflows.consensus import Row
from fighterflows.ledger import Citation, Filters, Ledger, StoredEstimate, schema
from fighterflows.ledger.reviews import fingerprint as review_fingerprint
from fighterflows.reconcile import Claim
from fighterflows.review.book import reviewed_estimates

Fingerprint = tuple[object, ...]
CacheKey = tuple[Fingerprint, Filters]
FILTERED_CACHE = 16
RECHECK_SECONDS = 1.0  # how stale a page may be after an ingest writes; spares a query a request
EVERYTHING = Filters()


@dataclass(frozen=True)
class Snapshot:
    recon: Reconciliation
    estimates_by_id: dict[str, StoredEstimate] = field(default_factory=dict)
    claims_by_place: dict[str, list[Claim]] = field(default_factory=dict)
    rows_by_place: dict[str, list[Row]] = field(default_factory=dict)
    conflicts_by_place: dict[str, list[Conflict]] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)  # by document id
    # each claim as the views show it, made once: its statements and citation do not change
    # while the snapshot lives (see views.claim_out)
    shown: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    # the HTML of each claim as a read-only page shows it (see web/fragments.py)
    rendered: dict[str, Markup] = field(default_factory=dict, compare=False, repr=False)
    # each place's timeline by the filters that chose its claims, its links left open
    charts: dict[Hashable, str] = field(default_factory=dict, compare=False, repr=False)
    # taken to render what is not kept yet: eight requests for a new place at once render its
    # claims once and the others wait (rendering holds the interpreter either way)
    drawing: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    @classmethod
    def build(cls, recon: Reconciliation, citations: dict[str, Citation] | None = None) -> Snapshot:
        claims: dict[str, list[Claim]] = defaultdict(list)
        for c in sorted(recon.claims, key=lambda c: (c.as_of or "", c.flow, c.population)):
            claims[c.place].append(c)
        rows: dict[str, list[Row]] = defaultdict(list)
        for r in recon.rows:
            rows[r.place].append(r)
        conflicts: dict[str, list[Conflict]] = defaultdict(list)
        for x in recon.conflicts:
            conflicts[x.place].append(x)
        return cls(
            recon,
            {s.id: s for s in recon.estimates},
            dict(claims),
            dict(rows),
            dict(conflicts),
            citations or {},
        )

    @property
    def places(self) -> list[str]:
        return sorted(set(self.claims_by_place) | set(self.rows_by_place))


def fingerprint(ledger: Ledger) -> Fingerprint:
    """Changes whenever an ingest, an import, a re-extraction or a review has written to the
    ledger.

    Counts come from indexes and the runs table is small, so this stays cheap on a large
    ledger (no scan of the documents' text)."""
    d, e, runs = schema.documents, schema.estimates, schema.runs
    with ledger.engine.connect() as c:
        n_documents = c.execute(select(func.count()).select_from(d)).scalar_one()
        n_estimates = c.execute(select(func.count()).select_from(e)).scalar_one()
        ran = c.execute(
            select(func.count(), func.max(runs.c.started), func.max(runs.c.finished))
        ).one()
        reviewed = review_fingerprint(c)
    return (n_documents, n_estimates, *tuple(ran), *reviewed)


class LedgerState:
    """One ledger, read-only, with its reconciliation cached per ledger state."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._lock = threading.Lock()
        self._key: Fingerprint | None = None
        self._snapshot: Snapshot | None = None
        self._building = threading.Lock()  # one reconciliation at a time: each takes a core
        self._filtered: OrderedDict[CacheKey, Snapshot] = OrderedDict()
        self._checked: tuple[float, Fingerprint] = (float("-inf"), ())  # (when, what)

    def fingerprint(self) -> Fingerprint:
        at, key = self._checked
        now = time.monotonic()
        if now - at >= RECHECK_SECONDS:
            key = fingerprint(self.ledger)
            self._checked = (now, key)
        return key

    def is_current(self, key: Fingerprint) -> bool:
        """Whether the reconciliation of the whole ledger is the one of ledger state `key`
        (not a previous one, served while the new one is built)."""
        return self._key == key

    def changed(self) -> None:
        """This process wrote to the ledger: the next request looks again at once."""
        self._checked = (float("-inf"), ())

    def snapshot(self, filters: Filters = EVERYTHING) -> Snapshot:
        """The whole ledger reconciled; with a source or as-of filter, that subset reconciled.

        Place, flow and population filters are applied to the result by the caller: a
        consensus only depends on the claims of its own key, so they need no new reconciliation.
        While one request rebuilds after the ledger changed, the others are served the previous
        snapshot of the whole ledger instead of waiting (an ingest may change it every second).
        """
        key: CacheKey = (self.fingerprint(), Filters(source=filters.source, as_of=filters.as_of))
        with self._lock:
            found = self._cached(key)
            stale = self._snapshot if key[1] == EVERYTHING else None
        if found is not None:
            return found
        if stale is not None and not self._building.acquire(blocking=False):
            return stale
        if stale is None:
            self._building.acquire()
        try:
            with self._lock:
                found = self._cached(key)  # built by another request while this one waited
            if found is None:
                found = self._build(key[1])
                with self._lock:
                    self._store(key, found)
            return found
        finally:
            self._building.release()

    def _cached(self, key: CacheKey) -> Snapshot | None:
        if key[1] == EVERYTHING:
            return self._snapshot if self._key == key[0] else None
        found = self._filtered.get(key)
        if found is not None:
            self._filtered.move_to_end(key)
        return found

    def _store(self, key: CacheKey, snapshot: Snapshot) -> None:
        if key[1] == EVERYTHING:
            self._key, self._snapshot = key[0], snapshot
            return
        self._filtered[key] = snapshot
        while len(self._filtered) > FILTERED_CACHE:
            self._filtered.popitem(last=False)

    def _build(self, filters: Filters) -> Snapshot:
        recon = reconcile_estimates(reviewed_estimates(self.ledger, filters))
        snapshot = Snapshot.build(recon, self.ledger.citations())
        # A large ledger puts millions of long-lived objects in the cache; a full garbage
        # collection walking them all stalls a request for a few hundred ms. Frozen objects are
        # skipped by the collector and still freed by reference counting when a newer
        # snapshot replaces them (they hold no reference cycles).
        gc.freeze()
        return snapshot
