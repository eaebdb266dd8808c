"""Residents of countries and regions, for figures per million residents.

The figures are the World Bank's for one year (`data/population.tsv` says which, and its
licence). A region's residents are the sum over its members. The World Bank counts every country
of the gazetteer but Taiwan and the Vatican (`UNCOUNTED`; a test on the data holds the list), so
a region with Taiwan (the world, Asia) is undercounted by 0.3 % at most and its rate a little high.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from fighterflows.places import members_of

SOURCE = "World Bank (SP.POP.TOTL), CC BY 4.0"
UNCOUNTED = frozenset({"TWN", "VAT"})
# The conflict zone as a place counts foreigners who went there: a rate over its own residents
# would mean nothing.
NO_RATE = frozenset({"syria-iraq"})


@dataclass(frozen=True, slots=True)
class Residents:
    count: int
    year: int


@cache
def _table() -> dict[str, Residents]:
    text = (resources.files("fighterflows") / "data" / "population.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out: dict[str, Residents] = {}
    for line in lines[1:]:  # the first is the header
        code, count, year = line.split("\t")
        out[code] = Residents(int(count), int(year))
    return out


@cache  # asked for each row of every table, and a region's is a sum over its members
def residents(place: str) -> Residents | None:
    """The residents of a country code or region slug; None when not known."""
    table = _table()
    if place in NO_RATE:
        return None
    if place in table:
        return table[place]
    found = [table[m] for m in members_of(place) or () if m in table]
    if not found:
        return None
    return Residents(sum(r.count for r in found), max(r.year for r in found))


def per_million(count: float | None, place: str) -> float | None:
    """`count` people per million residents of `place`, to three significant figures."""
    people = residents(place)
    if count is None or people is None:
        return None
    rate = count * 1_000_000 / people.count
    return float(f"{rate:.3g}")


def rate_text(rate: float | None) -> str:
    """How a rate per million reads: "513", "31.5", "0.42"; "" for none."""
    if rate is None:
        return ""
    if rate >= 100:
        return f"{rate:,.0f}"
    return f"{rate:.1f}" if rate >= 1 else f"{rate:.2g}"
