"""The `fighterflows` command: thin click wrappers that parse, call the parts, print.

Exit codes: 0 all went well; 1 some input could not be read or imported (the rest was
processed); 2 a usage error (bad option, missing database, unknown place or id).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from fighterflows import __version__
from fighterflows.model import Flow, Population
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


def open_ledger(db: str, must_exist: bool = True) -> Any:
    from fighterflows.ledger import Ledger

    if must_exist and "://" not in db and not Path(db).exists():
        raise click.UsageError(f"{db}: no such ledger; create it with `fighterflows ingest`")
    try:
        return Ledger.open(db)
    except Exception as error:  # a bad URL or an unreachable server: one line, no traceback
        raise click.UsageError(f"{db}: cannot open the ledger: {error}") from error


def emit(text: str | None) -> None:
    if text is not None:
        click.echo(text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fighterflows")
def main() -> None:
    """Extract, store and reconcile published estimates of foreign fighters who went to,
    and came back from, Syria and Iraq."""


from fighterflows.cli_commands import register  # noqa: E402  (commands need `main` defined)

register(main)


def run_guarded(f: F) -> F:
    """Turn an expected failure into a one-line message and exit code 2."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (OSError, ValueError) as error:
            raise click.ClickException(str(error)) from error

    return wrapper  # type: ignore[return-value]


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = [
    "Flow",
    "Population",
    "db_option",
    "emit",
    "format_option",
    "main",
    "make_read_options",
    "open_ledger",
    "print_json",
    "read_options",
    "run_guarded",
    "say",
]
