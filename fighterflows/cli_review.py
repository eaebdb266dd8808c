"""Commands that review figures: review (what to look at first), confirm, reject, correct,
add, and reviews (list, export, import, remove)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from fighterflows.cli_options import (
    DEFAULT_DB,
    db_option,
    emit,
    format_option,
    open_ledger,
    resolve_place,
    say,
)
from fighterflows.ledger import AmbiguousId, Ledger
from fighterflows.report.tables import Format, render
from fighterflows.review.actions import Outcome, who
from fighterflows.review.fields import FIELDS, option
from fighterflows.review.model import ReviewError

F = TypeVar("F", bound=Callable[..., Any])
SUGGESTION_COLUMNS = (
    "id",
    "place",
    "flow",
    "population",
    "scope",
    "quote",
    "source",
    "document",
    "why",
)
REVIEW_COLUMNS = (
    "review",
    "status",
    "verdict",
    "figure",
    "place",
    "flow",
    "population",
    "quote",
    "document",
    "by",
    "at",
    "why",
)


def by_option(f: F) -> F:
    return click.option(
        "--by", default=None, help="Who reviews (default: the user running the command)."
    )(f)


def figure_options(f: F) -> F:
    """--place … --qualifier: what an analyst may set on a figure, as typed (checked later,
    with the same words the dashboard uses)."""
    helps = {
        "place": "A country or region: name, demonym or code.",
        "flow": "departed, returned, killed, detained, ...",
        "population": "total, men, women or minors.",
        "scope": "cumulative, event or current.",
        "source": "Who the figure is attributed to ('' for unattributed).",
        "as_of": "The date the figure describes: YYYY, YYYY-MM or YYYY-MM-DD.",
        "value": "The figure: a count (1,200) or a share (0.3 or 30%).",
        "low": "The low end of a range (with --high).",
        "high": "The high end of a range (with --low).",
        "qualifier": "exact, approx, at_least, more_than, at_most, less_than, range or vague.",
    }
    metavars = {"value": "N", "low": "N", "high": "N", "as_of": "DATE", "source": "TEXT"}
    for name in reversed(FIELDS):
        f = click.option(
            option(name),
            name,
            default=None,
            metavar=metavars.get(name, name.upper()[:1]),
            help=helps[name],
        )(f)
    return f


def sub_db_option(f: F) -> F:
    """--db on a `reviews` subcommand; without it, the group's (`reviews --db X export`)."""
    return click.option(
        "--db",
        default=None,
        help="SQLite file, or a postgresql:// URL (default: as for `reviews`).",
    )(f)


def group_db(ctx: click.Context, db: str | None) -> str:
    parent = ctx.parent.params.get("db") if ctx.parent is not None else None
    return db or str(parent or DEFAULT_DB)


@contextmanager
def writing(db: str) -> Iterator[Ledger]:
    """The ledger to write a review to; a review that cannot be made is a usage error."""
    ledger = open_ledger(db, must_exist=True, writing=True)
    try:
        yield ledger
    except (ReviewError, AmbiguousId) as error:
        raise click.UsageError(str(error)) from None
    finally:
        ledger.close()


def report(outcome: Outcome) -> None:
    say(outcome.message)


@click.command()
@click.argument("estimate_id")
@click.option("--note", default=None, help="A remark kept with the review.")
@by_option
@db_option
def confirm(estimate_id: str, note: str | None, by: str | None, db: str) -> None:
    """Confirm that the extractor read the figure ESTIMATE_ID right (an id or a unique start
    of one, as for `show`)."""
    from fighterflows.review.actions import confirm as act

    with writing(db) as ledger:
        report(act(ledger, estimate_id, by or who(), note))


@click.command()
@click.argument("estimate_id")
@click.option("--why", required=True, help="Why it is not a figure of ours.")
@by_option
@db_option
def reject(estimate_id: str, why: str, by: str | None, db: str) -> None:
    """Reject the figure ESTIMATE_ID: it leaves the table, conflicts, exports and API."""
    from fighterflows.review.actions import reject as act

    with writing(db) as ledger:
        report(act(ledger, estimate_id, by or who(), why))


@click.command()
@click.argument("estimate_id")
@figure_options
@click.option("--why", required=True, help="Why the extractor's reading is wrong.")
@by_option
@db_option
def correct(estimate_id: str, why: str, by: str | None, db: str, **fields: str | None) -> None:
    """Correct the figure ESTIMATE_ID: the fields given replace the extractor's."""
    from fighterflows.review.actions import correct as act
    from fighterflows.review.fields import parse_changes

    with writing(db) as ledger:
        report(act(ledger, estimate_id, parse_changes(fields), by or who(), why))


@click.command()
@click.argument("document")
@click.option(
    "--quote", required=True, help="The words stating the figure, exactly as the document has them."
)
@click.option(
    "--occurrence",
    type=int,
    default=None,
    help="Which appearance of the quote (1 = the first), when it appears more than once.",
)
@figure_options
@click.option("--why", required=True, help="Why the figure belongs in the ledger.")
@by_option
@db_option
def add(
    document: str,
    quote: str,
    occurrence: int | None,
    why: str,
    by: str | None,
    db: str,
    **fields: str | None,
) -> None:
    """Add a figure the extractor missed in DOCUMENT (an id, the start of one, or a name),
    anchored to the span of its quote. --place and --flow are needed; the figure is read
    from the quote unless --value (or --low and --high) gives it."""
    from fighterflows.review.actions import add as act
    from fighterflows.review.fields import parse_changes

    with writing(db) as ledger:
        report(act(ledger, document, quote, occurrence, parse_changes(fields), by or who(), why))


@click.command()
@click.option("--place", default=None, help="Only figures about this place.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@format_option("table", "json", "csv")
@db_option
def review(place: str | None, limit: int, fmt: str, db: str) -> None:
    """What to review first: the figures behind conflicts, then the unreviewed claims that
    move the table most. Act on an id with confirm, reject or correct."""
    from fighterflows.analysis import reconcile_ledger
    from fighterflows.review.book import review_book
    from fighterflows.review.queue import suggestions

    code = resolve_place(place)
    ledger = open_ledger(db)
    found = suggestions(reconcile_ledger(ledger), code)
    rows = [
        {
            "id": s.statement.id,
            "place": s.claim.place,
            "flow": s.claim.flow,
            "population": s.claim.population,
            "scope": s.claim.scope,
            "quote": s.claim.quote,
            "source": s.claim.source_label,
            "document": s.statement.estimate.doc,
            "why": s.why,
            "statements": len(s.claim.estimates),
        }
        for s in found[:limit]
    ]
    if fmt == Format.TABLE:
        for n, row in enumerate(rows, 1):
            click.echo(
                f"{n:>3}. {row['id']}  {row['place']} {row['flow']} {row['population']}"
                f" ({row['scope']}) {row['quote']!r} - {row['source']} - "
                f"{row['document']}"
            )
            click.echo(f"     {row['why']}")
    else:
        emit(render(rows, SUGGESTION_COLUMNS, Format(fmt)))
    if not found:
        say("nothing to review: every claim" + (f" about {code}" if code else "") + " is reviewed")
    orphaned = review_book(ledger).orphaned
    if orphaned:
        say(
            f"{len(orphaned)} review(s) orphaned: their documents are not in this ledger or "
            "no longer hold their quotes (`fighterflows reviews --status orphaned`)"
        )


@click.group(invoke_without_command=True)
@click.option(
    "--status",
    type=click.Choice(["applied", "unmatched", "orphaned"]),
    default=None,
    help="Only reviews in this state.",
)
@format_option("table", "json", "csv")
@db_option
@click.pass_context
def reviews(ctx: click.Context, status: str | None, fmt: str, db: str) -> None:
    """List the reviews (who, when, why, and whether each still applies), or export,
    import or remove them."""
    if ctx.invoked_subcommand is not None:
        return
    from fighterflows.review.book import review_book

    book = review_book(open_ledger(db))
    rows = []
    for r in book.reviews:
        state = book.status(r).value
        if status is not None and state != status:
            continue
        e, rv = r.review.figure, r.review
        rows.append(
            {
                "review": r.key,
                "status": state,
                "verdict": rv.verdict.value,
                "figure": rv.figure_id or rv.estimate_id,
                "place": e.place,
                "flow": e.flow.value,
                "population": e.population.value,
                "quote": e.quote,
                "document": r.name or e.doc,
                "document_id": rv.document_id,
                "by": rv.by,
                "at": rv.at,
                "why": rv.why,
            }
        )
    if fmt != Format.TABLE:
        emit(render(rows, REVIEW_COLUMNS, Format(fmt)))
        return
    for row in rows:
        click.echo(
            f"{row['review']}  {row['status']:<9} {row['verdict']:<9} {row['figure']}  "
            f"{row['place']} {row['flow']} {row['population']} {row['quote']!r} in "
            f"{row['document']}"
        )
        click.echo(f"    by {row['by']} on {row['at']}" + (f": {row['why']}" if row["why"] else ""))
    if not rows:
        say("no reviews" + (f" {status}" if status else "") + " in this ledger")


@reviews.command(name="export")
@click.argument("out", metavar="FILE")
@sub_db_option
@click.pass_context
def export_reviews(ctx: click.Context, out: str, db: str | None) -> None:
    """Write every review to FILE as JSONL: the contract's estimate plus the review's fields
    (- for stdout)."""
    from fighterflows.review.book import review_book
    from fighterflows.review.exchange import write_reviews

    book = review_book(open_ledger(group_db(ctx, db)))
    if out == "-":
        write_reviews(book.reviews, sys.stdout)
        return
    try:
        with open(out, "w", encoding="utf-8") as f:
            n = write_reviews(book.reviews, f)
    except OSError as error:
        raise click.UsageError(f"{out}: cannot write: {error.strerror}") from None
    say(f"wrote {n} review(s) to {out}")


@reviews.command(name="import")
@click.argument("file")
@sub_db_option
@click.pass_context
def import_reviews(ctx: click.Context, file: str, db: str | None) -> None:
    """Import reviews from FILE (JSONL, as `reviews export` writes): the good lines are
    imported, the bad ones listed with their line numbers (exit 1 if any)."""
    from fighterflows.review.exchange import import_reviews as act

    path = Path(file)
    if not path.is_file():
        raise click.BadParameter(f"{file}: no such file", param_hint="'FILE'")
    ledger = open_ledger(group_db(ctx, db), writing=True)
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            result = act(ledger, lines)
    finally:
        ledger.close()
    for number, reason in result.bad:
        say(f"{file}:{number}: {reason}")
    kept = f", {result.kept} kept as the ledger holds later ones" if result.kept else ""
    orphans = (
        f"; {result.orphaned} orphaned: their documents are not in this ledger (yet)"
        if result.orphaned
        else ""
    )
    say(
        f"imported {result.written} review(s) from {file}{kept}; {len(result.bad)} bad "
        f"line(s){orphans}"
    )
    sys.exit(1 if result.bad else 0)


@reviews.command(name="remove")
@click.argument("review_id")
@sub_db_option
@click.pass_context
def remove_review(ctx: click.Context, review_id: str, db: str | None) -> None:
    """Take back the review REVIEW_ID (as `fighterflows reviews` lists them): the figure is
    the extractor's again, an added one goes."""
    from fighterflows.review.actions import remove

    with writing(group_db(ctx, db)) as ledger:
        report(remove(ledger, review_id))
