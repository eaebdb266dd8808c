"""Reviews applied to the extractor's estimates: the one place where an analyst's word
replaces, removes or adds figures before they become claims.

A review is matched to the extractor estimate at its span (same document content hash, offsets
and quote): first the very reading it was made on (same id); failing that, when a new extractor
version reads the span otherwise, the one estimate left there (stated or derived alike). A
rejected figure leaves; a confirmed or corrected one is replaced by the reviewed figure; an
added one joins. A review whose document is missing, or no longer holds the quote at its
offsets, is orphaned: it is kept and reported, never applied, never dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from fighterflows.ledger import Filters, Ledger, StoredEstimate
from fighterflows.ledger.reviews import SpanEstimate, StoredReview, load_reviews, span_estimates
from fighterflows.review.model import Verdict

REVIEWER = "review"  # the `extractor` of a figure the analyst wrote
Span = tuple[str, int, int]


class Status(StrEnum):
    APPLIED = "applied"  # in force: on the extractor's estimate at its span, or added
    UNMATCHED = "unmatched"  # the extractor reads nothing there now: a confirmed or corrected
    # figure counts on its own, a rejection has nothing left to remove
    ORPHANED = "orphaned"  # the document is not in this ledger or no longer holds the quote


class ReviewBook:
    """The ledger's reviews, matched to the extractor's estimates at their spans."""

    def __init__(self, reviews: Sequence[StoredReview], at_spans: Sequence[SpanEstimate]):
        self.reviews = list(reviews)
        self.matched = match(self.reviews, at_spans)
        self.by_estimate = {e.id: r for r in self.reviews if (e := self.matched.get(r.key))}
        self.figures: dict[str, StoredEstimate] = {}  # review key → the figure it puts in
        by_id: dict[str, StoredEstimate] = {}
        for r in self.reviews:
            figure = reviewed_figure(r, self.matched.get(r.key))
            if figure is not None:
                self.figures[r.key] = figure
                by_id[figure.id] = figure  # a later review giving the same figure wins
        self.unique = list(by_id.values())
        # the extractor's figure at a reviewed span that the analyst's figure repeats exactly
        superseded = {e.id for e in at_spans if e.id in by_id}
        self.dropped = set(self.by_estimate) | superseded

    def __bool__(self) -> bool:
        return bool(self.reviews)

    def status(self, r: StoredReview) -> Status:
        if not r.span_ok:
            return Status.ORPHANED
        if r.key in self.matched or r.review.verdict == Verdict.ADDED:
            return Status.APPLIED
        return Status.UNMATCHED

    @property
    def orphaned(self) -> list[StoredReview]:
        return [r for r in self.reviews if not r.span_ok]

    def review_of(self, estimate_id: str) -> StoredReview | None:
        """The review behind an id: of the extractor estimate it matched, of the figure it
        puts in, or of the reading it was made on (when the extractor no longer has it)."""
        found = self.by_estimate.get(estimate_id)
        if found is not None:
            return found
        for r in reversed(self.reviews):
            figure = self.figures.get(r.key)
            if (figure is not None and figure.id == estimate_id) or (
                r.review.estimate_id == estimate_id and r.key not in self.matched
            ):
                return r
        return None

    def apply(self, raw: Iterable[StoredEstimate], filters: Filters) -> list[StoredEstimate]:
        """The extractor's estimates (as the ledger's query gave them, in its order) with the
        reviews applied; reviewed figures are filtered by what the analyst says they are."""
        placed: set[str] = set()
        out: list[StoredEstimate] = []
        for s in raw:
            if s.id not in self.dropped:
                out.append(s)
                continue
            r = self.by_estimate.get(s.id)
            figure = self.figures.get(r.key) if r else None
            if figure is not None and figure.id not in placed and filters.selects(figure):
                out.append(figure)  # where the extractor's stood
                placed.add(figure.id)
        rest = [f for f in self.unique if f.id not in placed and filters.selects(f)]
        return merged(out, rest)


def match(
    reviews: Sequence[StoredReview], at_spans: Sequence[SpanEstimate]
) -> dict[str, SpanEstimate]:
    """Review key → the extractor estimate it applies to."""
    spans: dict[Span, list[SpanEstimate]] = defaultdict(list)
    for e in at_spans:
        spans[(e.document_id, e.start, e.end)].append(e)
    live = [r for r in reviews if r.span_ok]
    found: dict[str, SpanEstimate] = {}
    for r in live:
        for e in _here(spans, r):
            if e.id == r.review.estimate_id:
                found[r.key] = e
    claimed = {e.id for e in found.values()}
    for r in live:
        if r.key in found or r.review.verdict == Verdict.ADDED:
            continue
        # a new extractor version read the span otherwise: the one estimate left there is it
        derived = r.review.reading.derived
        free = [e for e in _here(spans, r) if e.id not in claimed and e.derived == derived]
        if len(free) == 1:
            found[r.key] = free[0]
            claimed.add(free[0].id)
    return found


def _here(spans: dict[Span, list[SpanEstimate]], r: StoredReview) -> list[SpanEstimate]:
    e = r.review.figure
    return [x for x in spans.get((r.review.document_id, e.start, e.end), []) if x.quote == e.quote]


def reviewed_figure(r: StoredReview, on: SpanEstimate | None) -> StoredEstimate | None:
    """The figure a review puts in the ledger's place, or None (a rejection, an orphan)."""
    review = r.review
    figure_id = review.figure_id
    if figure_id is None or not r.span_ok:
        return None
    kept = on is not None and review.verdict == Verdict.CONFIRMED
    return StoredEstimate(
        id=figure_id,
        document_id=review.document_id,
        estimate=review.figure,
        extractor=on.extractor if on is not None and kept else REVIEWER,
        published=r.published,
        copy_of=r.copy_of,
        provenance=on.provenance if on is not None else None,
        review=review.verdict.value,
    )


def merged(out: list[StoredEstimate], rest: list[StoredEstimate]) -> list[StoredEstimate]:
    """`rest` placed after the last estimate of its document in `out` (whose order is the
    ledger's), or, for documents `out` lacks, at the end by document and offset."""
    if not rest:
        return out
    by_doc: dict[str, list[StoredEstimate]] = defaultdict(list)
    for f in sorted(rest, key=lambda f: (f.estimate.start, f.estimate.end, f.id)):
        by_doc[f.document_id].append(f)
    last = {s.document_id: i for i, s in enumerate(out)}
    result: list[StoredEstimate] = []
    for i, s in enumerate(out):
        result.append(s)
        if last[s.document_id] == i:
            result.extend(by_doc.pop(s.document_id, []))
    for doc in sorted(by_doc, key=lambda d: (by_doc[d][0].estimate.doc, d)):
        result.extend(by_doc[doc])
    return result


def review_book(ledger: Ledger) -> ReviewBook:
    reviews = load_reviews(ledger.engine)
    return ReviewBook(reviews, span_estimates(ledger.engine) if reviews else [])


def reviewed_estimates(ledger: Ledger, filters: Filters = Filters()) -> list[StoredEstimate]:
    """The ledger's estimates as the analysts have them: what every reader of figures uses."""
    book = review_book(ledger)
    raw = ledger.estimates(filters)
    return book.apply(raw, filters) if book else raw
