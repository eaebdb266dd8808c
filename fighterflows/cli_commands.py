"""The commands of `fighterflows` (see cli.py for the group and the shared options)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from fighterflows.model import Flow, Population


def register(main: click.Group) -> None:
    from fighterflows import cli_data, cli_extract

    for command in (
        cli_extract.extract,
        cli_extract.numbers,
        cli_extract.ingest,
        cli_extract.import_table,
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
    """'France', 'french', 'FRA', 'eu' → a place code; an unknown name is a usage error."""
    if value is None:
        return None
    from fighterflows.extract.places import find_places, is_region, place_name

    v = value.strip()
    if v.lower() in _region_slugs() or (len(v) == 3 and v.isalpha() and v.isupper()):
        return v.lower() if is_region(v.lower()) else v
    if len(v) == 3 and v.isalpha():
        try:
            place_name(v.upper())
            return v.upper()
        except (KeyError, LookupError):
            pass
    for text in (v, v.title()):
        found = find_places(text)
        if found:
            return found[0].code
    raise click.BadParameter(f"{value!r} is not a place we know")


def _region_slugs() -> set[str]:
    from fighterflows.extract.places import is_region

    slugs = (
        "world",
        "eu",
        "europe",
        "western-europe",
        "western-balkans",
        "central-asia",
        "former-soviet-union",
        "north-africa",
        "middle-east",
        "southeast-asia",
        "north-america",
        "west",
        "syria-iraq",
    )
    return {s for s in slugs if is_region(s)}


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def echo_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)


def existing_file(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise click.BadParameter(f"{path}: no such file")
    return p


Json = dict[str, Any]
