"""Reviews as JSONL, to share between ledgers: each line is the contract's estimate (the
figure as the analyst has it; for a rejection, the reading rejected) plus the review's fields:

    {...estimate..., "document_id": "<sha256 of the text>", "estimate_id": "...",
     "verdict": "corrected", "by": "ana", "at": "2026-01-05T10:00:00+00:00",
     "why": "...", "original": {...the extractor's estimate...} | null}

Confirmed, corrected and added lines are gold for `fighterflows eval`; rejected ones are
known false positives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO

from fighterflows.ledger import Ledger
from fighterflows.ledger.reviews import StoredReview, save_newer
from fighterflows.model import Estimate
from fighterflows.places import lookup_place
from fighterflows.review.book import Status, review_book
from fighterflows.review.model import Review, Verdict
from fighterflows.settle import rebuild_claims

REVIEW_FIELDS = ("document_id", "estimate_id", "verdict", "by", "at", "why", "original")
NEEDED = (
    "doc",
    "start",
    "end",
    "quote",
    "sentence",
    "place",
    "flow",
    "population",
    "kind",
    "qualifier",
)


def review_json(r: Review) -> dict[str, Any]:
    return {
        **r.figure.to_json(),
        "document_id": r.document_id,
        "estimate_id": r.estimate_id,
        "verdict": r.verdict.value,
        "by": r.by,
        "at": r.at,
        "why": r.why,
        "original": r.original.to_json() if r.original else None,
    }


def write_reviews(reviews: Iterable[StoredReview], out: TextIO) -> int:
    n = 0
    for r in reviews:
        out.write(json.dumps(review_json(r.review), ensure_ascii=False) + "\n")
        n += 1
    return n


class BadLine(ValueError):
    """A line that is not a review; the message says why."""


def parse_review(line: str) -> Review:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise BadLine("not a JSON object")
    verdict = _verdict(record.get("verdict"))
    figure = _estimate(record, "")
    original = record.get("original")
    before = None
    if verdict == Verdict.CORRECTED:
        if not isinstance(original, dict):
            raise BadLine("a correction needs `original`, the extractor's reading")
        before = _estimate(original, "original.")
        if (before.start, before.end, before.quote) != (figure.start, figure.end, figure.quote):
            raise BadLine("`original` is not at the same span as the figure")
    elif original is not None:
        raise BadLine(f"only a correction has an `original` (this one is {verdict.value})")
    why = record.get("why")
    if why is not None and not isinstance(why, str):
        raise BadLine("`why` is not text")
    if verdict != Verdict.CONFIRMED and not (why or "").strip():
        raise BadLine(f"a review {verdict.value} says why: `why` is missing")
    return Review(
        document_id=_text(record, "document_id"),
        estimate_id=_text(record, "estimate_id"),
        verdict=verdict,
        figure=figure,
        by=_text(record, "by"),
        at=_when(record.get("at")),
        why=why,
        original=before,
    )


def _verdict(value: Any) -> Verdict:
    try:
        return Verdict(value)
    except ValueError:
        choices = ", ".join(v.value for v in Verdict)
        raise BadLine(f"`verdict` {value!r} is not one of {choices}") from None


def _text(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        raise BadLine(f"`{name}` is missing or not text")
    return value


def _when(value: Any) -> str:
    try:
        datetime.fromisoformat(str(value))
    except ValueError:
        raise BadLine(f"`at` {value!r} is not an ISO date and time") from None
    return str(value)


def _estimate(record: dict[str, Any], where: str) -> Estimate:
    missing = [k for k in NEEDED if record.get(k) is None]
    if missing:
        raise BadLine(f"`{where}{missing[0]}` is missing")
    start, end, quote = record["start"], record["end"], record["quote"]
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise BadLine(f"`{where}start` and `{where}end` must be whole numbers")
    if not isinstance(quote, str) or not quote or start < 0 or end - start != len(quote):
        raise BadLine(f"`{where}quote` does not fit {start}..{end}")
    for k in ("value", "low", "high"):
        v = record.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            raise BadLine(f"`{where}{k}` {v!r} is not a number")
    if lookup_place(str(record["place"])) != record["place"]:
        raise BadLine(f"`{where}place` {record['place']!r} is not a place code")
    try:
        return Estimate.from_json(record)
    except (ValueError, TypeError) as error:
        what = "`original`" if where else "the figure"
        raise BadLine(f"{what}: {error}") from None


@dataclass
class Imported:
    written: int = 0
    kept: int = 0  # the ledger held a later review of the same reading
    orphaned: int = 0  # imported, but their documents are not (yet) in this ledger
    bad: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def import_reviews(ledger: Ledger, lines: Iterable[str]) -> Imported:
    """Import the good lines in one transaction; list the bad ones with their numbers."""
    result = Imported()
    good: list[Review] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            good.append(parse_review(line))
        except BadLine as error:
            result.bad.append((number, str(error)))
    if good:
        result.written, result.kept = save_newer(ledger.engine, good)
        rebuild_claims(ledger)
        keys = {r.key for r in good}
        book = review_book(ledger)
        result.orphaned = sum(
            1 for r in book.reviews if r.key in keys and book.status(r) == Status.ORPHANED
        )
    return result
