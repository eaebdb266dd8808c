"""The commands of `fighterflows` (see cli.py for the group and the shared options)."""

from __future__ import annotations

from pathlib import Path

import click

from fighterflows.model import Flow, Population


def register(main: click.Group) -> None:
    from fighterflows import cli_data, cli_extract

    for command in (
        cli_extract.extract,
        cli_extract.numbers,
        cli_extract.ingest,
        cli_extract.import_table,
        cli_extract.evaluate,
        cli_data.table,
        cli_data.conflicts,
        cli_data.timeline,
        cli_data.show,
        cli_data.export,
        cli_data.report,
        cli_data.serve,
        cli_data.demo,
    ):
        main.add_command(command)


def parse_flow(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Flow(value.lower()).value
    except ValueError as error:
        choices = ", ".join(f.value for f in Flow)
        raise click.BadParameter(f"{value!r} is not a flow ({choices})") from error


def parse_population(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Population(value.lower()).value
    except ValueError as error:
        choices = ", ".join(p.value for p in Population)
        raise click.BadParameter(f"{value!r} is not a population ({choices})") from error


def resolve_place(value: str | None) -> str | None:
    """'France', 'french', 'FRA', 'eu', 'Britons' → a place code; an unknown name is a usage
    error."""
    if value is None:
        return None
    from fighterflows.extract.places import find_places, lookup_place

    code = lookup_place(value)
    if code is None:
        found = find_places(value.strip())
        code = found[0].code if len(found) == 1 else None
    if code is None:
        raise click.BadParameter(f"{value!r} is not a place we know")
    return code


def existing_file(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise click.BadParameter(f"{path}: no such file")
    return p
