"""Query parameters shared by the pages and the API, validated once, turned into `Filters`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

from fastapi import HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

from fighterflows.asof import checked_as_of
from fighterflows.conflicts import ConflictKind
from fighterflows.ledger import Filters
from fighterflows.model import Flow, Population, Scope
from fighterflows.web.daterange import DateRange
from fighterflows.web.state import LedgerState

PLACE = r"^[A-Za-z][A-Za-z-]{1,39}$"
# A place in an address: its code or its name as a reader types it ("United Kingdom",
# "Côte d'Ivoire"), never markup or a path.
PLACE_NAME = r"^\w[\w .,'’&()-]{0,59}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
FORMULA = ("=", "+", "@", "\t", "\r")


class Format(StrEnum):
    JSON = "json"
    CSV = "csv"


def blank_is_none(value: Any) -> Any:
    """An HTML form sends its empty fields as `flow=`: an empty filter is no filter."""
    return None if value == "" else value


Blank = BeforeValidator(blank_is_none)

# Constraints sit on the string itself, so a blank (None) skips them and the schema keeps them.
PlaceCode = Annotated[str, StringConstraints(pattern=PLACE)]
NO_NUL = r"^[^\x00]*$"  # no database stores NUL in text; PostgreSQL refuses it outright
SourcePart = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
# Checked by `checked_as_of` alone, so that a wrong date is answered in words ("'yesterday' is
# not a date (YYYY, YYYY-MM or YYYY-MM-DD)") rather than by the pattern; the schema keeps it.
Date = Annotated[
    str, AfterValidator(checked_as_of), WithJsonSchema({"type": "string", "pattern": DATE})
]
# What a pattern asks for, in words: an error names these, never the regex.
PATTERN_WORDS = {
    PLACE: "is not a place code (GBR, eu) or a place name",
    NO_NUL: "contains a NUL character",
    PLACE_NAME: "is not a place code (GBR, eu) or a place name",
    DATE: "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
}

PlaceQ = Annotated[
    PlaceCode | None, Blank, Query(description="A place code: GBR, XKX, or a region like eu")
]
FlowQ = Annotated[Flow | None, Blank, Query(description="departed, returned, killed, …")]
PopulationQ = Annotated[Population | None, Blank, Query(description="total, men, women or minors")]
ScopeQ = Annotated[
    Scope | None,
    Blank,
    Query(description="cumulative (totals), event (one event or period) or current (stocks)"),
]
SourceQ = Annotated[
    SourcePart | None, Blank, Query(description="Part of a source's name, any case")
]
AsOfQ = Annotated[
    Date | None,
    Blank,
    Query(description="The table as it stood then: YYYY, YYYY-MM or YYYY-MM-DD"),
]
DatedFromQ = Annotated[
    Date | None,
    Blank,
    Query(description="Only rows and claims dated in or after this year, month or day"),
]
DatedToQ = Annotated[
    Date | None,
    Blank,
    Query(description="Only rows and claims dated in or before this year, month or day"),
]
DocumentQ = Annotated[
    SourcePart | None, Blank, Query(description="A document's id (content hash) or name")
]
KindQ = Annotated[
    ConflictKind | None, Blank, Query(description="misquote, disagreement or inconsistency")
]
PlacePath = Annotated[
    str, Path(pattern=PLACE_NAME, description="A place code (GBR, eu) or name (Belgium)")
]
FormatQ = Annotated[Format, Query(description="json (default) or csv")]
LimitQ = Annotated[int, Query(ge=1, le=1000, description="Page size")]
OffsetQ = Annotated[int, Query(ge=0, le=10_000_000, description="Records to skip")]
SearchQ = Annotated[str, Query(max_length=200, pattern=NO_NUL, description="Words to look for")]


def filters(
    place: PlaceQ = None,
    flow: FlowQ = None,
    population: PopulationQ = None,
    source: SourceQ = None,
    as_of: AsOfQ = None,
    scope: ScopeQ = None,
) -> Filters:
    return Filters(
        place=place,
        flow=flow.value if flow else None,
        population=population.value if population else None,
        scope=scope.value if scope else None,
        source=source,
        as_of=as_of,
    )


def place_filters(
    flow: FlowQ = None,
    population: PopulationQ = None,
    source: SourceQ = None,
    as_of: AsOfQ = None,
    scope: ScopeQ = None,
) -> Filters:
    """The filters of a place's own page: the place is in the path."""
    return filters(None, flow, population, source, as_of, scope)


def date_range(dated_from: DatedFromQ = None, dated_to: DatedToQ = None) -> DateRange:
    """The dates a page keeps (see daterange.py): not a reconciliation, a choice of rows."""
    try:
        return DateRange(dated_from, dated_to).checked()
    except ValueError as error:
        raise HTTPException(422, f"dated_from, dated_to: {error}") from None


def state(request: Request) -> LedgerState:
    found = request.app.state.ledger_state
    assert isinstance(found, LedgerState)
    return found


def cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value  # document text must not become a spreadsheet formula
    return "" if value is None else value


def csv_response(records: Iterable[dict[str, Any]], columns: Sequence[str], name: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([cell(r.get(c)) for c in columns])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
