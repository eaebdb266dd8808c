"""Published tables (CSV) as estimates: each row's figures, with the row as provenance.

The stored document is the CSV file itself, so an imported estimate's quote is the row's line
and `text[start:end] == quote` holds for tables as for prose.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fighterflows.extract import table_estimate
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.model import Document, Estimate, Flow, Population, Qualifier
from fighterflows.places import lookup_place
from fighterflows.read.dates import normalise_date

IMPORTER_VERSION = "table-1"
# Codes some published tables use that ISO 3166 does not (Kosovo, the West Bank and Gaza).
CODE_FIXES = {"KSV": "XKX", "KOS": "XKX", "WBG": "PSE", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}


class ImportError_(ValueError):
    """A table that cannot be imported: names the file and the reason."""


@dataclass(frozen=True, slots=True)
class TableSpec:
    source: str
    as_of: str | None = None
    as_of_column: str | None = None
    place_column: str = "country"
    code_column: str | None = None
    flow: Flow = Flow.DEPARTED
    population: Population = Population.TOTAL
    value_column: str | None = None
    low_column: str | None = None
    high_column: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedTable:
    document: Document
    estimates: tuple[Estimate, ...]
    provenance: tuple[str, ...]
    skipped: tuple[str, ...]  # "row N: reason"


def read_table(path: Path, spec: TableSpec) -> ImportedTable:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ImportError_(f"{path}: {err}") from err
    doc = Document(id=path.name, text=text, uri=str(path), title=f"{spec.source} table")
    estimates, provenance, skipped = [], [], []
    for number, (start, end, row) in enumerate(_rows(text, path), start=2):
        try:
            for e in _row_estimates(doc, spec, start, end, row):
                estimates.append(e)
                provenance.append(f"{path.name} row {number}")
        except ValueError as err:
            skipped.append(f"row {number}: {err}")
    return ImportedTable(doc, tuple(estimates), tuple(provenance), tuple(skipped))


def _rows(text: str, path: Path) -> Iterator[tuple[int, int, dict[str, str]]]:
    """Each data row with its line's offsets (tables here have one row per line)."""
    lines = text.splitlines(keepends=True)
    if not lines:
        raise ImportError_(f"{path}: the file is empty")
    header = next(csv.reader([lines[0]]))
    offset = len(lines[0])
    for line in lines[1:]:
        content = line.rstrip("\r\n")
        if content.strip():
            values = next(csv.reader(io.StringIO(content)))
            yield offset, offset + len(content), dict(zip(header, values, strict=False))
        offset += len(line)


def _row_estimates(
    doc: Document, spec: TableSpec, start: int, end: int, row: dict[str, str]
) -> list[Estimate]:
    place, place_text = _place(spec, row)
    value, low, high = (
        _number(row, c) for c in (spec.value_column, spec.low_column, spec.high_column)
    )
    if low is not None and high is not None:
        qualifier, value = Qualifier.RANGE, None
    elif value is not None:
        qualifier, low, high = Qualifier.APPROX, None, None
    else:
        return []  # the table gives no figure for this place ("NA"): nothing to claim
    quote = doc.text[start:end]
    # The figure's quote is its whole row: value, low and high stand in cells of their own.
    figure = NumberMention(
        0, len(quote), quote, value, low, high, qualifier, NumberKind.COUNT, 0, len(quote)
    )
    place_of_row, column = (place, place_text), (spec.flow, spec.population)
    as_of = _as_of(spec, row)
    return [table_estimate(doc, (start, end), figure, place_of_row, column, spec.source, as_of)]


def _place(spec: TableSpec, row: dict[str, str]) -> tuple[str, str]:
    name = row.get(spec.place_column, "").strip()
    if spec.code_column and row.get(spec.code_column, "").strip():
        code = row[spec.code_column].strip().upper()
        return CODE_FIXES.get(code, code), name or code
    found = lookup_place(name)
    if found is None:
        raise ValueError(f"unknown place {name!r}")
    return found, name


def _number(row: dict[str, str], column: str | None) -> float | None:
    if not column:
        return None
    raw = row.get(column, "").strip().replace(",", "")
    if raw in ("", "NA", "N/A", "-", "NaN", "nan"):
        return None
    try:
        return float(raw)
    except ValueError as err:
        raise ValueError(f"{column} is not a number: {raw!r}") from err


def _as_of(spec: TableSpec, row: dict[str, str]) -> str | None:
    if spec.as_of_column:
        return normalise_date(row.get(spec.as_of_column, ""))
    return spec.as_of
