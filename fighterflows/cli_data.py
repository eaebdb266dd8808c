"""Commands on the ledger: table, conflicts, timeline, show, export, report, serve (they only
read it), upgrade and demo (they write)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from rich.console import Console
from rich.text import Text

from fighterflows.cli_options import (
    db_option,
    emit,
    format_option,
    open_ledger,
    output_path,
    parse_as_of,
    parse_flow,
    parse_population,
    parse_scope,
    resolve_place,
    say,
    writing_to,
)
from fighterflows.cli_why import why_empty
from fighterflows.ledger import AmbiguousId, Filters
from fighterflows.model import Estimate
from fighterflows.report.citation import text as cite_text
from fighterflows.report.marks import figure_mark
from fighterflows.report.serialize import TABLE_COLUMNS, claim_json, conflict_json, row_json
from fighterflows.report.tables import Format, render
from fighterflows.resources import sample_corpus

if TYPE_CHECKING:
    from fighterflows.analysis import Reconciliation

CLAIM_COLUMNS = (
    "as_of",
    "flow",
    "population",
    "scope",
    "source",
    "quote",
    "value",
    "low",
    "high",
    "qualifier",
    "documents",
)
CONFLICT_COLUMNS = ("kind", "place", "flow", "population", "scope", "detail", "documents")


def _filters(
    place: str | None,
    flow: str | None,
    population: str | None,
    as_of: str | None = None,
    scope: str | None = None,
) -> Filters:
    return Filters(
        place=resolve_place(place),
        flow=parse_flow(flow),
        population=parse_population(population),
        scope=parse_scope(scope),
        as_of=parse_as_of(as_of),
    )


scope_option = click.option(
    "--scope",
    default=None,
    help="cumulative (totals), event (one event or period) or current (stocks).",
)


SORTS = ("place", "best", "per_million")


@click.command()
@db_option
@format_option("table", "csv", "json")
@click.option("--place", default=None, help="A country or region: name, demonym or code.")
@click.option("--flow", default=None, help="departed, returned, killed, detained, ...")
@click.option("--population", default=None, help="total, men, women or minors.")
@scope_option
@click.option("--as-of", "as_of", default=None, help="The table as it stood on this date.")
@click.option(
    "--explain",
    "explain",
    default=None,
    metavar="PLACE",
    help="For PLACE's rows: which claims were votes, parts, events, history or outvoted, and why.",
)
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="place",
    show_default=True,
    help="Row order: by place, or largest first by best figure or by best per million residents.",
)
def table(
    db: str,
    fmt: str,
    place: str | None,
    flow: str | None,
    population: str | None,
    scope: str | None,
    as_of: str | None,
    explain: str | None,
    sort: str,
) -> None:
    """The reconciled table: one row per place, flow, population and scope."""
    from fighterflows.analysis import reconcile_ledger

    if explain is not None:
        place = place or explain
    ledger = open_ledger(db)
    chosen = _filters(place, flow, population, as_of, scope)
    rec = reconcile_ledger(ledger, chosen)
    if not rec.rows:
        say(why_empty(ledger, chosen))
        if fmt == Format.TABLE:
            return
    if explain is not None:
        _explain(rec, Format(fmt))
        return
    rows = sorted_rows([row_json(r) for r in rec.rows], sort)
    emit(render(rows, TABLE_COLUMNS, Format(fmt), title="Reconciled estimates", key=4))


def sorted_rows(rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Largest first by a figure (rows without one last, in place order); place order as is."""
    if by == "place":
        return rows
    return sorted(rows, key=lambda r: (r[by] is None, -(r[by] or 0)))


def _explain(rec: Reconciliation, fmt: Format) -> None:
    from fighterflows.report.explain import explanation_lines, row_explanation

    explained = [row_explanation(rec, r) for r in rec.rows]
    if fmt == Format.TABLE:
        for i, r in enumerate(explained):
            if i:
                click.echo("")
            for line in explanation_lines(r):
                click.echo(line)
    else:
        emit(render(explained, (*TABLE_COLUMNS, "how"), fmt))


@click.command()
@db_option
@format_option("table", "json", "csv")
@click.option(
    "--kind",
    type=click.Choice(["misquote", "disagreement", "inconsistency"]),
    default=None,
    help="Only conflicts of this kind.",
)
@click.option("--place", default=None, help="Only conflicts about this place.")
@scope_option
def conflicts(db: str, fmt: str, kind: str | None, place: str | None, scope: str | None) -> None:
    """Misquotes, disagreements and inconsistencies, with the documents behind each."""
    from fighterflows.analysis import reconcile_ledger
    from fighterflows.places import display_name

    code = resolve_place(place)
    measure = parse_scope(scope)
    rec = reconcile_ledger(open_ledger(db))
    chosen = [
        c
        for c in rec.conflicts
        if (kind is None or c.kind == kind)
        and (code is None or c.place == code)
        and (measure is None or c.scope == measure)
    ]
    rows = [conflict_json(c) for c in chosen]
    if not rows:
        say("no conflicts" + (f" about {display_name(code)} ({code})" if code else ""))
        if fmt == Format.TABLE:
            return
    emit(render(rows, CONFLICT_COLUMNS, Format(fmt), title="Conflicts", key=5))


@click.command()
@click.argument("place")
@db_option
@format_option("table", "json", "csv")
@scope_option
def timeline(place: str, db: str, fmt: str, scope: str | None) -> None:
    """Every claim about PLACE, oldest first: how its figures evolved and who said them."""
    from fighterflows.analysis import reconcile_ledger

    code = resolve_place(place)
    ledger = open_ledger(db)
    chosen = Filters(place=code, scope=parse_scope(scope))
    rows = [claim_json(c) for c in reconcile_ledger(ledger, chosen).timeline(code or place)]
    if not rows:
        say(why_empty(ledger, chosen, "claims"))
        if fmt == Format.TABLE:
            return
    emit(render(rows, CLAIM_COLUMNS, Format(fmt), title=f"Timeline: {code}", key=4))


@click.command()
@click.argument("estimate_id")
@db_option
def show(estimate_id: str, db: str) -> None:
    """An estimate in context: its sentence with the figure highlighted, document and source,
    and the analyst's review of it, if any."""
    from fighterflows.review.book import review_book
    from fighterflows.review.model import ReviewError
    from fighterflows.review.targets import find_target

    ledger = open_ledger(db)
    book = review_book(ledger)
    try:
        target = find_target(ledger, book, estimate_id)
    except (AmbiguousId, ReviewError) as error:
        raise click.UsageError(str(error)) from None
    found = target.stored
    e = found.estimate
    record = ledger.document(found.document_id)
    console = Console(highlight=False)
    sentence = Text(e.sentence)
    mark = figure_mark(e, record.text if record else None)
    if mark is not None:
        sentence.stylize("bold reverse", *mark)
    console.print(sentence)
    title = record.info.title if record else None
    lines = [
        f"document: {e.doc}" + (f" — {title}" if title else ""),
        f"offsets:  {e.start}..{e.end}" + (f"  ({found.provenance})" if found.provenance else ""),
        f"figure:   {e.place} {e.flow.value} {e.population.value}: {e.quote!r} "
        f"({e.kind.value}, {e.qualifier.value})",
        f"source:   {e.source or 'unattributed'}"
        + (f" ({e.source_text!r})" if e.source_text else ""),
        f"as of:    {e.as_of or 'undated'}" + (f", since {e.since}" if e.since else ""),
        f"id:       {found.id} (extractor {found.extractor})",
    ]
    if record is not None:
        lines.append(f"cite:     {cite_text(record.info.citation)}")
    if target.review is not None:
        r = target.review.review
        lines.append(
            f"review:   {r.verdict.value} by {r.by} on {r.at}"
            + (f": {r.why}" if r.why else "")
            + f" [{book.status(target.review).value}]"
        )
        if r.verdict.value in ("corrected", "added"):
            lines.append(f"          the analyst's figure: {_figure_words(e)}")
        if r.original is not None:
            o = r.original
            lines.append(
                f"          the extractor read {o.place} {o.flow.value} "
                f"{o.population.value} {o.quote!r} ({o.source or 'unattributed'})"
            )
    for line in lines:
        console.print(line, markup=False)


def _figure_words(e: Estimate) -> str:
    from fighterflows.web.templating import figure

    return (
        f"{e.place} {e.flow.value} {e.population.value} "
        f"{figure({'kind': e.kind.value, 'value': e.value, 'low': e.low, 'high': e.high})} "
        f"({e.qualifier.value}, {e.scope.value}, {e.source or 'unattributed'}, "
        f"as of {e.as_of or 'undated'})"
    )


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "sqlite"]), required=True
)
@click.option("--out", "out", default=None, help="Output file (default: stdout for csv/jsonl).")
def export(db: str, fmt: str, out: str | None) -> None:
    """Export the ledger's estimates (csv, jsonl, parquet) or everything (a sqlite file);
    csv, parquet and sqlite say how to cite each estimate's document."""
    if fmt in ("parquet", "sqlite") and out is None:
        raise click.UsageError(f"--format {fmt} needs --out FILE")
    path = output_path(out) if out is not None else None
    ledger = open_ledger(db)
    if path is None:
        _write_export(ledger, fmt, None, sys.stdout)
        return
    if fmt in ("parquet", "sqlite"):
        try:
            _write_export(ledger, fmt, path, None)
        except (OSError, sqlite3.Error) as error:
            raise click.ClickException(f"{out}: cannot write: {_why(error)}") from None
    else:
        with writing_to(path) as stream:
            _write_export(ledger, fmt, None, stream)
    say(f"wrote {out}")


def _why(error: Exception) -> str:
    from fighterflows.read.errors import describe_os_error

    return describe_os_error(error) if isinstance(error, OSError) else str(error)


def _write_export(ledger: Any, fmt: str, path: Path | None, stream: TextIO | None) -> None:
    """The export in `fmt` to a file (parquet, sqlite) or a text stream (csv, jsonl)."""
    from fighterflows.analysis import reconcile_ledger
    from fighterflows.report import export as ex
    from fighterflows.review.book import reviewed_estimates

    if fmt == "sqlite" and path is not None:
        ex.write_sqlite(reconcile_ledger(ledger), path, ledger.citations())
    elif fmt == "parquet" and path is not None:
        ex.write_parquet(reviewed_estimates(ledger), path, ledger.citations())
    elif fmt == "csv" and stream is not None:
        ex.write_csv(reviewed_estimates(ledger), stream, ledger.citations())
    elif stream is not None:
        ex.write_jsonl(reviewed_estimates(ledger), stream)


@click.command()
@click.argument("out", default="report.html")
@db_option
def report(out: str, db: str) -> None:
    """Write a self-contained HTML report (map, table, a section per place) to OUT."""
    from fighterflows.web.report import write_report

    path = output_path(out, "OUT")
    try:
        write_report(open_ledger(db), path)
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write: {_why(error)}") from None
    say(f"wrote {out}")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--edit",
    is_flag=True,
    help="Let the pages confirm, reject, correct and add figures (off by default). Off the "
    "loopback address, a token printed at start is needed.",
)
@click.option(
    "--token",
    envvar="FIGHTERFLOWS_TOKEN",
    default=None,
    help="With --edit off the loopback address: the token to ask for (default: a new random "
    "one each start).",
)
def serve(db: str, host: str, port: int, edit: bool, token: str | None) -> None:
    """Serve the dashboard and the JSON API on HOST:PORT: read-only, or with --edit the
    review forms too."""
    from fighterflows.web.app import serve as run
    from fighterflows.web.editing import EditSettings

    if token is not None and not edit:
        raise click.UsageError("--token is for --edit")
    try:
        settings = EditSettings.for_host(host, token) if edit else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--token'") from None
    open_ledger(db, writing=edit).close()
    if settings is not None and settings.token is not None:
        say(
            f"editing on: open http://{host}:{port}/?token={settings.token} (the token is "
            "needed to review from another machine; keep it to yourself)"
        )
    elif settings is not None:
        say(f"editing on, for this machine only: http://{host}:{port}/")
    run(db, host, port, settings)


@click.command()
@db_option
def upgrade(db: str) -> None:
    """Bring an older ledger's schema up to this version; nothing stored is lost."""
    from fighterflows.ledger.connect import make_engine, revisions, schema_state

    engine = make_engine(db) if "://" in db or Path(db).exists() else None
    before = schema_state(engine)[0] if engine is not None else None
    if engine is not None:
        engine.dispose()
    open_ledger(db, writing=True)
    head = revisions()[0]
    say(f"{db}: schema at revision {head}" + (f" (was {before})" if before != head else ""))


@click.command()
@db_option
@click.option("--report", "report_path", default="report.html", show_default=True)
def demo(db: str, report_path: str) -> None:
    """Ingest the bundled sample corpus, print the reconciled table, write the HTML report."""
    from fighterflows.analysis import reconcile_ledger
    from fighterflows.pipeline import IngestOptions, ingest
    from fighterflows.web.report import write_report

    ledger = open_ledger(db, must_exist=False, writing=True)
    result = ingest(ledger, [str(sample_corpus())], IngestOptions(command="demo"))
    s = result.stats
    say(
        f"sample corpus: {s.documents_read} documents read, {s.documents_added} added, "
        f"{s.estimates_added} estimates; ledger {db}"
    )
    rec = reconcile_ledger(ledger)
    render(
        [row_json(r) for r in rec.rows],
        TABLE_COLUMNS,
        Format.TABLE,
        title="Foreign fighters: reconciled estimates (sample corpus)",
        key=4,
    )
    write_report(ledger, Path(report_path))
    say(
        f"{len(rec.conflicts)} conflicts (fighterflows conflicts --db {db}); "
        f"report written to {report_path}"
    )
    sys.exit(1 if result.failed else 0)
