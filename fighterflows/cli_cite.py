"""`fighterflows cite ID`: how to cite the document behind an estimate, a claim or a document."""

from __future__ import annotations

import click

from fighterflows.cli_options import db_option, open_ledger
from fighterflows.ledger import AmbiguousId, Citation, Ledger
from fighterflows.report.citation import CiteFormat, statement_order
from fighterflows.report.citation import cite as cite_as


@click.command()
@click.argument("ident", metavar="ID")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in CiteFormat]),
    default=CiteFormat.TEXT.value,
    show_default=True,
    help="text (one line), bibtex (a @misc entry) or csl (CSL-JSON, for Zotero and Pandoc).",
)
def cite(ident: str, db: str, fmt: str) -> None:
    """Cite the document that states ID: an estimate (a unique prefix is enough, as for
    `show`), a claim (by its id) or a document (by its id or name)."""
    ledger = open_ledger(db)
    citation = find_citation(ledger, ident)
    click.echo(cite_as(citation, CiteFormat(fmt)))


def find_citation(ledger: Ledger, ident: str) -> Citation:
    """The citation ID leads to; a usage error when it leads nowhere or to several estimates."""
    try:
        found = ledger.estimate(ident)
    except AmbiguousId as error:
        raise click.UsageError(str(error)) from None
    document_id = found.document_id if found else _claim_document(ledger, ident)
    record = ledger.document(document_id or ident) if ident else None
    if record is None:
        raise click.UsageError(f"{ident!r}: no estimate, claim or document has this id")
    return record.info.citation


def _claim_document(ledger: Ledger, ident: str) -> str | None:
    """The document a claim is cited by: its first statement's (an original, the earliest)."""
    ids = ledger.claim_estimates(ident) if ident else None
    stated = [s for s in (ledger.estimate(i) for i in ids or []) if s is not None]
    return min(stated, key=statement_order).document_id if stated else None
