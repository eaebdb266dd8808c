"""What the commands share: options, messages, opening the ledger, parsing vocabularies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from fighterflows.asof import checked_as_of
from fighterflows.model import Flow, Population, Scope
from fighterflows.read import ReadOptions

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "fighterflows.db"


def say(message: str) -> None:
    """A message for the user on stderr, one line, never wrapped (file names stay whole)."""
    click.echo(message, err=True)


def db_option(f: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        envvar="FIGHTERFLOWS_DB",
        help="SQLite file, or a postgresql:// URL.",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def read_options(f: F) -> F:
    for name, help_ in (
        ("--id-field", "Corpus field holding the record id (default: id or url)."),
        ("--date-field", "Corpus field holding the date (default: date or published)."),
        ("--text-field", "Corpus field holding the text (default: text)."),
    ):
        f = click.option(name, default=None, help=help_)(f)
    return f


def make_read_options(
    text_field: str | None, date_field: str | None, id_field: str | None
) -> ReadOptions:
    return ReadOptions(text_field=text_field, date_field=date_field, id_field=id_field)


def open_ledger(db: str, must_exist: bool = True, writing: bool = False) -> Any:
    """The ledger for a command. Commands that only read never write to it (`writing=False`):
    an older ledger asks for `fighterflows upgrade`, a foreign database is left untouched."""
    from fighterflows.ledger import Ledger, LedgerProblem

    if must_exist and "://" not in db and not Path(db).exists():
        raise click.UsageError(f"{db}: no such ledger; create it with `fighterflows ingest`")
    try:
        return Ledger.open(db, writing=writing)
    except LedgerProblem as problem:
        raise click.UsageError(str(problem)) from None
    except Exception as error:  # a bad URL or an unreachable server: one line, no traceback
        raise click.UsageError(f"{db}: cannot open the ledger: {error}") from error


def emit(text: str | None) -> None:
    if text is not None:
        click.echo(text)


def parse_vocabulary(vocabulary: type[StrEnum], what: str, value: str | None) -> str | None:
    """A word of one of the contract's vocabularies, or a usage error listing the choices."""
    if value is None:
        return None
    try:
        return vocabulary(value.lower()).value
    except ValueError as error:
        choices = ", ".join(v.value for v in vocabulary)
        raise click.BadParameter(f"{value!r} is not a {what} ({choices})") from error


def parse_flow(value: str | None) -> str | None:
    return parse_vocabulary(Flow, "flow", value)


def parse_population(value: str | None) -> str | None:
    return parse_vocabulary(Population, "population", value)


def parse_as_of(value: str | None) -> str | None:
    """A real date as YYYY, YYYY-MM or YYYY-MM-DD, or a usage error saying what is wrong."""
    if value is None:
        return None
    try:
        return checked_as_of(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--as-of'") from None


def parse_scope(value: str | None) -> str | None:
    return parse_vocabulary(Scope, "scope", value)


def resolve_place(value: str | None) -> str | None:
    """'France', 'french', 'FRA', 'eu', 'Britons' → a place code; an unknown name is a usage
    error, with the places it is spelt like ("did you mean Belgium?")."""
    if value is None:
        return None
    from fighterflows.placenames import did_you_mean, resolve

    code = resolve(value)
    if code is None:
        hint = did_you_mean(value)
        hint = f"; {hint}" if hint else ""
        raise click.BadParameter(f"{value!r} is not a place we know{hint}")
    return code


def output_path(path: str, option: str = "--out") -> Path:
    """A file the command can write: its folder exists and it is not a folder itself; else a
    usage error naming the option, before any work is done."""
    p = Path(path).expanduser()
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise click.BadParameter(f"{path}: is a directory; name a file", param_hint=f"'{option}'")
    if not parent.is_dir():
        reason = "does not exist" if not parent.exists() else "is not a directory"
        raise click.BadParameter(f"{path}: the folder {parent} {reason}", param_hint=f"'{option}'")
    return p


@contextmanager
def writing_to(path: Path) -> Iterator[TextIO]:
    """`path` open for writing text; a failure (permission, a full disk) is one line that
    names the file, never a traceback."""
    from fighterflows.read.errors import describe_os_error

    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as error:
        raise click.ClickException(f"{path}: cannot write: {describe_os_error(error)}") from None


def existing_file(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise click.BadParameter(f"{path}: no such file")
    return p
