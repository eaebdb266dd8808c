"""Confirm, reject, correct, add, remove: the writes the CLI and the dashboard share.

Each checks everything first and writes one review (or removes one) only when all is well, so
bad input changes nothing; then it rebuilds the ledger's claims table, as an ingest does.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import select

from fighterflows.ledger import DocumentRecord, Ledger, schema
from fighterflows.ledger.records import estimate_id
from fighterflows.ledger.reviews import delete_review, save_review
from fighterflows.ledger.store import now
from fighterflows.model import Estimate
from fighterflows.review.book import review_book
from fighterflows.review.fields import Changes, Label, option
from fighterflows.review.figures import added, anchor, corrected
from fighterflows.review.model import Review, ReviewError, Verdict
from fighterflows.review.targets import Target, find_target
from fighterflows.settle import rebuild_claims

D = schema.documents


@dataclass(frozen=True, slots=True)
class Outcome:
    message: str  # what happened, in a line
    figure_id: str | None = None  # the figure as it now stands, if it stands
    document_id: str | None = None


def who() -> str:
    """The reviewer when none is named: the user running the command."""
    try:
        return getpass.getuser()
    except Exception:  # no name for this uid (a bare container)
        return "unknown"


def describe(e: Estimate) -> str:
    source = f" ({e.source})" if e.source else ", unattributed"
    return f"{e.place} {e.flow.value} {e.population.value} {e.quote!r}{source} in {e.doc}"


def _reason(why: str | None, what: str) -> str:
    if why is None or not why.strip():
        raise ReviewError(f"{what}: say why (it is kept with the review)")
    return why.strip()


def _write(ledger: Ledger, review: Review) -> None:
    e = review.figure
    if not e.quote or e.end - e.start != len(e.quote):
        raise ReviewError(f"the span {e.start}..{e.end} does not hold {e.quote!r}")
    save_review(ledger.engine, review)
    rebuild_claims(ledger)


def _target(ledger: Ledger, ident: str) -> tuple[Target, Review | None]:
    t = find_target(ledger, review_book(ledger), ident)
    return t, t.review.review if t.review else None


def confirm(ledger: Ledger, ident: str, by: str, note: str | None = None) -> Outcome:
    t, r = _target(ledger, ident)
    s = t.stored
    if r is not None and r.verdict in (Verdict.CORRECTED, Verdict.ADDED):
        return Outcome(
            f"{s.id} is already the analyst's figure ({r.verdict.value} by {r.by} "
            f"on {r.at[:10]}): nothing to confirm",
            s.id,
            s.document_id,
        )
    review = Review(
        s.document_id,
        r.estimate_id if r else s.id,
        Verdict.CONFIRMED,
        s.estimate,
        by,
        now(),
        (note or "").strip() or None,
    )
    _write(ledger, review)
    return Outcome(
        f"confirmed {review.figure_id}: {describe(s.estimate)}", review.figure_id, s.document_id
    )


def reject(ledger: Ledger, ident: str, by: str, why: str | None, label: Label = option) -> Outcome:
    reason = _reason(why, label("why"))
    t, r = _target(ledger, ident)
    s = t.stored
    if r is not None and r.verdict == Verdict.ADDED:
        delete_review(ledger.engine, r.key)
        _refresh(ledger)
        return Outcome(
            f"removed {s.id}, the figure {r.by} added: {describe(s.estimate)}", None, s.document_id
        )
    reading = r.reading if r else s.estimate  # what the extractor read: the false positive
    review = Review(
        s.document_id, r.estimate_id if r else s.id, Verdict.REJECTED, reading, by, now(), reason
    )
    _write(ledger, review)
    return Outcome(f"rejected {s.id}: {describe(reading)}", None, s.document_id)


def correct(
    ledger: Ledger, ident: str, changes: Changes, by: str, why: str | None, label: Label = option
) -> Outcome:
    reason = _reason(why, label("why"))
    if changes.empty:
        raise ReviewError(
            "nothing to correct: give the fields that are wrong (place, flow, "
            "population, scope, source, as of, value or low and high, "
            "qualifier)"
        )
    t, r = _target(ledger, ident)
    s = t.stored
    new = corrected(s.estimate, changes, label)
    if new == s.estimate:
        raise ReviewError(f"the correction changes nothing in {s.id}")
    if r is not None and r.verdict == Verdict.ADDED:
        verdict, original = Verdict.ADDED, None
    else:
        verdict, original = Verdict.CORRECTED, r.reading if r else s.estimate
        if new == original:
            raise ReviewError(f"that is what the extractor read: confirm {s.id} instead")
    review = Review(
        s.document_id, r.estimate_id if r else s.id, verdict, new, by, now(), reason, original
    )
    _write(ledger, review)
    return Outcome(
        f"corrected {s.id} → {review.figure_id}: {describe(new)}", review.figure_id, s.document_id
    )


def add(
    ledger: Ledger,
    document: str,
    quote: str,
    occurrence: int | None,
    changes: Changes,
    by: str,
    why: str | None,
    label: Label = option,
) -> Outcome:
    reason = _reason(why, label("why"))
    record = find_document(ledger, document)
    name = record.info.name
    quote = quote.strip()
    start = anchor(record.text, quote, occurrence, name)
    figure = added(record.text, name, record.info.published, start, quote, changes, label)
    if record.text[figure.start : figure.end] != figure.quote:  # the provenance invariant
        raise ReviewError(f"{quote!r} is not at {figure.start}..{figure.end} of {name}")
    figure_id = estimate_id(record.info.id, figure)
    if ledger.estimate(figure_id) is not None:  # (a rejected one too: confirm restores it)
        raise ReviewError(
            f"the extractor already reads this figure ({figure_id}): confirm or correct it"
        )
    review = Review(record.info.id, figure_id, Verdict.ADDED, figure, by, now(), reason)
    _write(ledger, review)
    return Outcome(f"added {figure_id}: {describe(figure)}", figure_id, record.info.id)


def remove(ledger: Ledger, key: str) -> Outcome:
    """Take a review back: the figure is the extractor's again (an added one goes)."""
    book = review_book(ledger)
    found = [r for r in book.reviews if key and r.key.startswith(key)]
    if not found:
        raise ReviewError(f"{key!r}: no such review (`fighterflows reviews` lists them)")
    if len(found) > 1:
        raise ReviewError(f"{key!r} is the start of {len(found)} review ids; give more of it")
    r = found[0].review
    delete_review(ledger.engine, found[0].key)
    _refresh(ledger)
    return Outcome(
        f"removed review {found[0].key} ({r.verdict.value} by {r.by}): {describe(r.figure)}",
        None,
        r.document_id,
    )


def _refresh(ledger: Ledger) -> None:
    rebuild_claims(ledger)


def find_document(ledger: Ledger, key: str) -> DocumentRecord:
    """A document by its name, its id, or a unique start of either."""
    if not key:
        raise ReviewError("no document given")
    with ledger.engine.connect() as c:
        named = list(c.execute(select(D.c.id).where(D.c.name == key).limit(3)).scalars())
        for column in (D.c.id, D.c.name):
            if named:
                break
            starting = column.startswith(key, autoescape=True)
            named = list(c.execute(select(D.c.id).where(starting).limit(3)).scalars())
            if len(named) > 1:
                raise ReviewError(
                    f"{key!r} is the start of several documents' {column.name}s; give more of it"
                )
    if len(named) > 1:
        raise ReviewError(
            f"{key!r} names several documents: give the id of one (the document pages show it)"
        )
    record = ledger.document(named[0]) if named else None
    if record is None:
        raise ReviewError(
            f"{key!r}: no such document (give its name, its id, or the start of either)"
        )
    if not record.text:
        raise ReviewError(f"{record.info.name} has no stored text to quote from")
    return record
