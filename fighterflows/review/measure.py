"""The current extractor measured against the analysts' reviews, on the user's own documents.

Gold: the confirmed, corrected and added figures. The extractor runs again on the stored text
of every reviewed document; a prediction matches a gold figure as `fighterflows eval` matches
(same document, place, flow and population, the figure within 2 %), a prediction at the gold
figure's own span first. A prediction that matches nothing is a known false positive when it
overlaps a reviewed span (a rejection, or a span an analyst read otherwise); elsewhere nobody
has judged it, so it is counted apart and left out of precision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from fighterflows.evaluate import KEY, figures_agree
from fighterflows.extract import VERSION, extract_document
from fighterflows.ledger import Ledger
from fighterflows.model import Document
from fighterflows.review.book import Status, review_book
from fighterflows.review.model import Verdict

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ReviewScore:
    extractor: str
    documents: int
    gold: tuple[Record, ...]
    rejected: int
    predicted: int
    matched: int
    missed: tuple[Record, ...]
    false_positives: tuple[Record, ...]  # at reviewed spans, matching no gold figure
    unjudged: tuple[Record, ...]  # elsewhere in the reviewed documents
    orphaned: int  # reviews left out: their documents are not in the ledger

    @property
    def precision(self) -> float:
        judged = self.matched + len(self.false_positives)
        return self.matched / judged if judged else 0.0

    @property
    def recall(self) -> float:
        return self.matched / len(self.gold) if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def verdicts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for g in self.gold:
            counts[g["verdict"]] += 1
        return dict(counts)


def measure(ledger: Ledger) -> ReviewScore:
    book = review_book(ledger)
    live = [r for r in book.reviews if book.status(r) != Status.ORPHANED]
    gold = [
        {**r.review.figure.to_json(), "verdict": r.review.verdict.value}
        for r in live
        if r.review.counts
    ]
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in live:
        e = r.review.figure
        spans[e.doc].append((e.start, e.end))
        names[r.review.document_id] = e.doc
    predicted = [e.to_json() for doc_id in sorted(names) for e in _extracted(ledger, doc_id)]
    used, matched = _match(gold, predicted)
    unmatched = [p for i, p in enumerate(predicted) if i not in used]
    judged = [p for p in unmatched if _overlaps(p, spans.get(p["doc"], []))]
    return ReviewScore(
        extractor=VERSION,
        documents=len(names),
        gold=tuple(gold),
        rejected=sum(1 for r in live if r.review.verdict == Verdict.REJECTED),
        predicted=len(predicted),
        matched=len(matched),
        missed=tuple(g for i, g in enumerate(gold) if i not in matched),
        false_positives=tuple(judged),
        unjudged=tuple(p for p in unmatched if p not in judged),
        orphaned=len(book.reviews) - len(live),
    )


def _extracted(ledger: Ledger, document_id: str) -> list[Any]:
    record = ledger.document(document_id)
    if record is None or not record.text:
        return []
    info = record.info
    document = Document(
        id=info.name,
        text=record.text,
        uri=info.uri,
        title=info.title,
        published=info.published,
        pages=record.pages,
    )
    return list(extract_document(document))  # as ingest extracts: derived counts too


def _match(gold: list[Record], predicted: list[Record]) -> tuple[set[int], set[int]]:
    """(used predictions, matched gold): each at most once; at the gold's span first."""
    used: set[int] = set()
    matched: set[int] = set()
    for same_span in (True, False):
        for gi, g in enumerate(gold):
            if gi in matched:
                continue
            for i, p in enumerate(predicted):
                if i in used or not all(g.get(k) == p.get(k) for k in KEY):
                    continue
                if same_span and not _overlaps(p, [(g["start"], g["end"])]):
                    continue
                if figures_agree(g, p):
                    used.add(i)
                    matched.add(gi)
                    break
    return used, matched


def _overlaps(p: Record, spans: list[tuple[int, int]]) -> bool:
    return any(p["start"] < end and start < p["end"] for start, end in spans)
