"""The `fighterflows` command: thin click wrappers that parse, call the parts, print.

Exit codes: 0 all went well; 1 some input could not be read or imported (the rest was
processed); 2 a usage error (bad option, missing database, unknown place or id).
"""

from __future__ import annotations

import sys

import click

from fighterflows import __version__, cli_cite, cli_data, cli_extract, cli_review


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fighterflows")
def main() -> None:
    """Extract, store and reconcile published estimates of foreign fighters who went to,
    and came back from, Syria and Iraq."""


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
    cli_cite.cite,
    cli_data.export,
    cli_data.report,
    cli_data.serve,
    cli_data.upgrade,
    cli_data.demo,
    cli_review.review,
    cli_review.confirm,
    cli_review.reject,
    cli_review.correct,
    cli_review.add,
    cli_review.reviews,
):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
