"""Commands that read documents: extract, numbers, ingest, import-table."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from fighterflows.cli_options import (
    db_option,
    emit,
    existing_file,
    format_option,
    make_read_options,
    open_ledger,
    parse_flow,
    parse_population,
    read_options,
    say,
)
from fighterflows.model import Document, Estimate, Flow, Population, ReadError
from fighterflows.read.meter import input_size
from fighterflows.report.tables import Format, render

if TYPE_CHECKING:
    from fighterflows.pipeline import IngestReport

ESTIMATE_COLUMNS = (
    "doc",
    "quote",
    "place",
    "flow",
    "population",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "source",
    "as_of",
)


derived_option = click.option(
    "--derived/--stated",
    default=False,
    show_default=True,
    help="Also print the counts fighterflows derives (a share times its base), marked "
    "derived; by default only what the text states.",
)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl", "json", "csv", "table", default="jsonl")
@derived_option
@click.option(
    "--explain",
    is_flag=True,
    help="Say which named rule gave each figure its as_of, place, population, flow, scope and "
    "source, and which places other rules proposed (an `explain` object in JSON).",
)
@read_options
def extract(
    paths: tuple[str, ...],
    fmt: str,
    derived: bool,
    explain: bool,
    text_field: str | None,
    date_field: str | None,
    id_field: str | None,
) -> None:
    """Print the estimates found in PATHS (files, folders, corpora, URLs or - for stdin)."""
    from fighterflows.read import read_sources

    found: list[tuple[Estimate, dict[str, str]]] = []
    failed = 0
    for item in read_sources(paths, make_read_options(text_field, date_field, id_field)):
        if isinstance(item, ReadError):
            failed += 1
            say(f"error: {item}")
            continue
        pairs = _extracted(item, derived, explain)
        if fmt == "jsonl":
            for e, why in pairs:
                click.echo(_json_line(e, why if explain else None))
        else:
            found.extend(pairs)
    if fmt in ("json", "csv") and explain:
        rows = [{**e.to_json(), "explain": why} for e, why in found]
        emit(render(rows, (*ESTIMATE_COLUMNS, "explain"), Format(fmt)))
    elif fmt != "jsonl":
        emit(render([e.to_json() for e, _ in found], ESTIMATE_COLUMNS, Format(fmt), key=2))
        if explain:
            for k, (e, why) in enumerate(found, 1):
                click.echo(f"[{k}] {e.doc} {e.start}-{e.end} {e.quote!r}")
                for field, rule in why.items():
                    click.echo(f"    {field}: {rule}")
    sys.exit(1 if failed else 0)


def _extracted(
    document: Document, derived: bool, explain: bool
) -> list[tuple[Estimate, dict[str, str]]]:
    from fighterflows.extract import explain as explained
    from fighterflows.extract import extract_document

    if explain:
        found = explained(document.text, document.published, document.id, derived)
        return [(e, why) for e, why in found]
    return [(e, {}) for e in extract_document(document, derived)]


def _json_line(e: Estimate, why: dict[str, str] | None) -> str:
    if why is None:
        return e.to_json_line()
    return json.dumps({**e.to_json(), "explain": why}, ensure_ascii=False)


@click.command()
def numbers() -> None:
    """Read texts on stdin, one a line; write the numbers found in each as one JSON line."""
    from fighterflows.extract.numbers import numbers_payload

    for line in sys.stdin:
        click.echo(json.dumps(numbers_payload(line.rstrip("\n")), ensure_ascii=False))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Extraction processes (default: the number of cores).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool; dask: a Dask cluster.",
)
@click.option("--scheduler", default=None, help="An existing Dask scheduler, tcp://HOST:PORT.")
@click.option("--quiet", is_flag=True, help="No summary.")
@read_options
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    quiet: bool,
    text_field: str | None,
    date_field: str | None,
    id_field: str | None,
) -> None:
    """Read PATHS, extract their estimates and store them in the ledger (idempotent)."""
    from fighterflows.engines import default_workers
    from fighterflows.pipeline import IngestOptions, ingest

    ledger = open_ledger(db, must_exist=False, writing=True)
    read = make_read_options(text_field, date_field, id_field)
    options = IngestOptions(
        workers=workers or default_workers(),
        read=read,
        command="ingest " + " ".join(paths),
    )
    with _progress(paths) as on_progress:
        if engine == "dask" or scheduler:
            from fighterflows.scale import ingest_dask

            report = ingest_dask(ledger, paths, options, scheduler, on_progress)
        else:
            report = ingest(ledger, paths, options, on_progress)
    for e in report.errors:
        say(f"error: {e}")
    _outdated(report, options.command)
    if not quiet:
        _summary(report, db)
    sys.exit(1 if report.failed else 0)


def _outdated(report: IngestReport, command: str) -> None:
    """Say which earlier runs another prefilter judged: what it skipped left nothing behind,
    so its sources must be read again for this prefilter to see them."""
    from fighterflows.prefilters import sources_of

    for run in report.outdated:
        again = sources_of(run.command) == command
        say(
            f"note: the prefilter changed since run {run.id} (extractor {run.extractor}), "
            f"which skipped {run.documents_prefiltered:,} documents without keeping them; "
            + (
                "this run read its sources again"
                if again
                else "to read them with this prefilter, run again: "
                f"fighterflows {sources_of(run.command)}"
            )
        )


@contextmanager
def _progress(
    paths: tuple[str, ...],
) -> Iterator[Callable[[IngestReport], None] | None]:
    """A progress line with documents/s and estimates found, on a terminal only; with a bar,
    the share done and the time left when the inputs' size is known (files, not stdin or
    URLs). The workers read, so the bar counts the bytes of the input units stored."""
    if not sys.stderr.isatty():
        yield None
        return
    total = input_size(paths) or None
    columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
    if total:
        columns += [BarColumn(), TaskProgressColumn(), TimeRemainingColumn(), TextColumn("left")]
    progress = Progress(*columns, console=Console(stderr=True), transient=True)
    task = progress.add_task("reading", total=total)

    def update(report: IngestReport) -> None:
        s = report.stats
        elapsed = progress.tasks[0].elapsed or 1e-9
        progress.update(
            task,
            completed=min(report.bytes_read, total) if total else None,
            description=f"{s.documents_read:,} documents ({s.documents_read / elapsed:,.0f}/s), "
            f"{s.estimates_added:,} estimates, {s.failed:,} failed",
        )

    with progress:
        yield update


def _summary(r: IngestReport, db: str) -> None:
    s = r.stats
    nothing_new = s.documents_added == 0 and s.documents_skipped > 0
    repeats = f"{r.repeated:,} duplicates within this batch, " if r.repeated else ""
    say(
        f"{s.documents_read:,} documents read: {s.documents_added:,} added "
        f"({s.documents_copies:,} copies of others), "
        f"{s.documents_skipped - r.repeated:,} already in the ledger, {repeats}"
        f"{s.documents_prefiltered:,} skipped by the prefilter (not kept), "
        f"{r.with_estimates:,} with estimates; "
        f"{s.estimates_added:,} estimates added; {s.failed:,} failed. Ledger: {db}"
    )
    if nothing_new:
        say("nothing new: every document the prefilter passed was already in the ledger")


@click.command(name="import-table")
@click.argument("file")
@click.option("--source", required=True, help="Who published the table (e.g. ICSR).")
@click.option("--as-of", "as_of", default=None, help="The date the figures describe.")
@click.option("--as-of-column", default=None, help="A column holding each row's date instead.")
@click.option("--place-column", default="country", show_default=True)
@click.option("--code-column", default=None, help="A column of ISO alpha-3 codes.")
@click.option("--flow", default="departed", show_default=True)
@click.option("--population", default="total", show_default=True)
@click.option("--value-column", default=None)
@click.option("--low-column", default=None)
@click.option("--high-column", default=None)
@db_option
def import_table(
    file: str,
    source: str,
    as_of: str | None,
    as_of_column: str | None,
    place_column: str,
    code_column: str | None,
    flow: str,
    population: str,
    value_column: str | None,
    low_column: str | None,
    high_column: str | None,
    db: str,
) -> None:
    """Import a published table (CSV): each row becomes estimates with the row as provenance."""
    from fighterflows.importer import ImportError_, TableSpec, read_table
    from fighterflows.ledger import NewDocument
    from fighterflows.read.dates import normalise_date
    from fighterflows.settle import settle

    if as_of is None and as_of_column is None:
        raise click.UsageError("give --as-of DATE or --as-of-column COLUMN")
    if not (value_column or (low_column and high_column)):
        raise click.UsageError("give --value-column, or --low-column and --high-column")
    spec = TableSpec(
        source=source,
        as_of=normalise_date(as_of) if as_of else None,
        as_of_column=as_of_column,
        place_column=place_column,
        code_column=code_column,
        flow=Flow(parse_flow(flow) or Flow.DEPARTED),
        population=Population(parse_population(population) or Population.TOTAL),
        value_column=value_column,
        low_column=low_column,
        high_column=high_column,
    )
    try:
        table = read_table(existing_file(file), spec)
    except ImportError_ as error:
        raise click.ClickException(str(error)) from error
    ledger = open_ledger(db, must_exist=False, writing=True)
    new = NewDocument(table.document, table.estimates, "table-1", provenance=table.provenance)
    added = ledger.add_document(new)
    settle(ledger)
    for reason in table.skipped:
        say(f"{Path(file).name}: {reason}")
    verb = "imported" if added else "already in the ledger:"
    say(f"{verb} {len(table.estimates):,} estimates from {file}")
    sys.exit(1 if table.skipped else 0)


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False), required=False)
@click.argument("paths", nargs=-1)
@click.option(
    "--reviews",
    "reviewed",
    is_flag=True,
    help="Score the current extractor against the ledger's reviews instead: the "
    "confirmed, corrected and added figures are gold, rejected ones known false "
    "positives.",
)
@click.option("--show", is_flag=True, help="List the missed and the spurious estimates.")
@derived_option
@db_option
def evaluate(
    gold: str | None, paths: tuple[str, ...], reviewed: bool, show: bool, derived: bool, db: str
) -> None:
    """Extract from PATHS and score the estimates against GOLD (JSONL in contract form; lines
    whose verdict is `rejected`, as `reviews export` writes them, are not gold); or, with
    --reviews, the current extractor against the ledger's reviews."""
    if reviewed:
        if gold or paths:
            raise click.UsageError(
                "--reviews scores against the ledger's reviews: give no GOLD or PATHS"
            )
        _evaluate_reviews(db, show)
        return
    if gold is None or not paths:
        raise click.UsageError("give GOLD.jsonl and the PATHS to extract from (or --reviews)")
    from fighterflows.evaluate import score
    from fighterflows.extract import extract_document
    from fighterflows.read import read_sources

    with open(gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    expected = [g for g in records if g.get("verdict") != "rejected"]
    found = [
        e.to_json()
        for item in read_sources(paths)
        if not isinstance(item, ReadError)
        for e in extract_document(item, derived)
    ]
    result = score(expected, found)
    click.echo(
        f"gold {result.gold}, predicted {result.predicted}, matched {result.matched}: "
        f"precision {result.precision:.3f}, recall {result.recall:.3f}, f1 {result.f1:.3f}"
    )
    if show:
        _show((("missed", result.missed), ("spurious", result.spurious)))


SHOWN = ("doc", "quote", "place", "flow", "population", "kind", "value")


def _show(groups: Iterable[tuple[str, Iterable[dict[str, object]]]]) -> None:
    for label, items in groups:
        for e in items:
            click.echo(f"{label}: " + json.dumps({k: e.get(k) for k in SHOWN}, ensure_ascii=False))


def _evaluate_reviews(db: str, show: bool) -> None:
    from fighterflows.review.measure import measure

    r = measure(open_ledger(db))
    if not r.gold and not r.rejected:
        why = (
            f"its {r.orphaned} review(s) are orphaned: their documents are not in it"
            if r.orphaned
            else "confirm, reject, correct or add figures first"
        )
        raise click.UsageError(f"{db} holds no reviews to score against ({why})")
    kinds = ", ".join(f"{v} {k}" for k, v in sorted(r.verdicts().items()))
    click.echo(
        f"extractor {r.extractor} on {r.documents} reviewed document(s): gold "
        f"{len(r.gold)} ({kinds or 'none'}), rejected {r.rejected}"
    )
    click.echo(
        f"predicted {r.predicted}: matched {r.matched}, known false positives "
        f"{len(r.false_positives)}, unjudged {len(r.unjudged)} (nobody reviewed them: left "
        "out of precision)"
    )
    click.echo(f"precision {r.precision:.3f}, recall {r.recall:.3f}, f1 {r.f1:.3f}")
    if r.orphaned:
        say(f"{r.orphaned} orphaned review(s) left out: their documents are not in {db}")
    if show:
        _show(
            (("missed", r.missed), ("false positive", r.false_positives), ("unjudged", r.unjudged))
        )
