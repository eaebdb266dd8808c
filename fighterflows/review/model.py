"""The review: an analyst's word on one figure at one span of one document."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from fighterflows.ledger.records import estimate_id
from fighterflows.model import Estimate


class Verdict(StrEnum):
    CONFIRMED = "confirmed"  # the extractor's reading is right
    REJECTED = "rejected"  # not a figure of ours: it leaves the table
    CORRECTED = "corrected"  # the analyst's reading replaces the extractor's
    ADDED = "added"  # a figure the extractor missed


COUNTED = frozenset({Verdict.CONFIRMED, Verdict.CORRECTED, Verdict.ADDED})


class ReviewError(ValueError):
    """Input a review cannot be made of; the message says what and why, for the user."""


@dataclass(frozen=True, slots=True)
class Review:
    """`figure` is the figure as the analyst has it (for a rejection, the reading rejected);
    its start, end and quote are the span the review is anchored to."""

    document_id: str  # the document's content hash
    estimate_id: str  # the reading reviewed: an extractor estimate's id (an added figure's own)
    verdict: Verdict
    figure: Estimate
    by: str
    at: str  # ISO 8601, UTC
    why: str | None = None
    original: Estimate | None = None  # for a correction: the extractor's reading it replaces

    @property
    def key(self) -> str:
        """One review per reading of a span: a new review of it replaces the old one."""
        e = self.figure
        parts = (self.document_id, e.start, e.end, e.quote, self.estimate_id)
        return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]

    @property
    def counts(self) -> bool:
        return self.verdict in COUNTED

    @property
    def figure_id(self) -> str | None:
        """The id the reviewed figure carries downstream; None for a rejection."""
        return estimate_id(self.document_id, self.figure) if self.counts else None

    @property
    def reading(self) -> Estimate:
        """The extractor's reading the review was made on (an added figure's own)."""
        return self.original or self.figure
