"""Why a command printed nothing: the place is the conflict zone itself, no document states a
figure for it, or the other filters leave none of the figures it has."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fighterflows.ledger import Filters, Ledger

if TYPE_CHECKING:
    from fighterflows.consensus import Row

NARROWING = ("flow", "population", "scope")


def why_empty(ledger: Ledger, filters: Filters, what: str = "figures") -> str:
    """One or two sentences saying why nothing matched `filters`."""
    from fighterflows.analysis import reconcile_ledger
    from fighterflows.places import ZONE_CODES, display_name

    code = filters.place
    named = f"{display_name(code)} ({code})" if code else "the ledger"
    if code in ZONE_CODES:
        return (
            f"no {what} for {named}: it is the conflict zone, where the fighters went. "
            "fighterflows counts the people who travelled there from other countries and "
            "came back, so no figure is counted for the zone's own people"
        )
    broader = reconcile_ledger(ledger, Filters(place=code))
    if not broader.rows:
        if code is None:
            return "the ledger holds no figures yet; add documents with `fighterflows ingest`"
        return f"no {what} for {named}: no document in the ledger states a figure for it"
    dates = sorted(c.as_of for c in broader.claims if c.as_of)
    return (
        f"no {what} for {named} match {_given(filters)}; "
        f"{_available(broader.rows, dates[0] if dates else None, filters)}"
    )


def _given(filters: Filters) -> str:
    parts = [f"--{name} {getattr(filters, name)}" for name in NARROWING if getattr(filters, name)]
    if filters.as_of:
        parts.append(f"--as-of {filters.as_of}")
    return " ".join(parts) or "these filters"


def _available(rows: Iterable[Row], earliest: str | None, filters: Filters) -> str:
    """What there is without the filters: the values of each filter given, the first date."""
    rows = list(rows)
    said = []
    for name in NARROWING:
        if getattr(filters, name):
            values = sorted({str(getattr(r, name)) for r in rows})
            said.append(f"{name} {', '.join(values)}")
    if filters.as_of and earliest:
        said.append(f"figures as of {earliest} at the earliest")
    return "without them it has " + "; ".join(said) if said else "try without the filters"
