"""Printing records for people (rich tables) and programs (CSV, JSON, JSONL)."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console

from fighterflows.population import rate_text
from fighterflows.report.fit import measure, print_fitted


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


def cell(v: Any, column: str = "") -> str:
    if column in RATES and isinstance(v, int | float):
        return rate_text(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v >= 1 or v == 0 else f"{v:.0%}"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, list | tuple):
        return "; ".join(cell(x) for x in v)
    return str(v)


def csv_cell(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: Format,
    title: str | None = None,
    console: Console | None = None,
    key: int = 1,
) -> str | None:
    """Return text for csv/json/jsonl; print a table (and return None) for `table`, fitted to
    the terminal (see `fit`): `key` leading columns name a row when it has to be stacked."""
    if fmt == Format.JSON:
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == Format.JSONL:
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == Format.CSV:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([csv_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    cells = [[cell(r.get(c), c) for c in columns] for r in rows]
    fitted = [
        measure(c, [row[i] for row in cells], c in WRAPPED, c in NUMERIC)
        for i, c in enumerate(columns)
    ]
    print_fitted(cells, fitted, console or wide_console(), title, key)
    return None


PIPED_WIDTH = 180


def wide_console() -> Console:
    """The terminal's width on a terminal; piped, the width COLUMNS sets, else a wide page so
    rows stay on one line."""
    console = Console()
    if console.is_terminal:
        return console
    columns = os.environ.get("COLUMNS", "")
    return Console(width=int(columns) if columns.isdigit() else PIPED_WIDTH)


# Rates per million read with decimals where they are small (a float below 1 is no share here).
RATES = {"per_million"}
WRAPPED = {"sources", "detail", "quote", "sentence", "documents", "source"}


NUMERIC = {
    "low",
    "best",
    "high",
    "per_million",
    "value",
    "claims",
    "documents",
    "start",
    "end",
    "estimates",
}
