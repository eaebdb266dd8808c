"""The choropleth: each country's consensus figure (departed, returned) as a shade class.

Shades are CSS classes, not inline colours, so the map works under a strict style policy, and
one class per flow on every path lets a click switch flows without redrawing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fighterflows.consensus import Row
from fighterflows.population import per_million, rate_text
from fighterflows.web.geo import HEIGHT, WIDTH, countries

FLOWS = ("departed", "returned")
# Upper-open bins on a roughly logarithmic scale: national figures run from a handful to
# several thousand, and a linear scale would shade nearly every country the same.
BREAKS = (1, 10, 50, 100, 500, 1000, 5000)
# The same for people per million residents: from under one (most of the world) to the few
# hundred of the most affected countries.
RATE_BREAKS = (0.1, 1, 5, 10, 25, 50, 100)


@dataclass(frozen=True, slots=True)
class MapCountry:
    code: str | None
    name: str
    path: str
    figures: dict[str, float | None]
    shades: dict[str, int]  # flow -> 0 (no figure) .. len(BREAKS)
    href: str | None
    rates: dict[str, float | None]  # flow -> people per million residents
    rate_shades: dict[str, int]  # flow -> 0 (no rate) .. len(RATE_BREAKS)

    @property
    def title(self) -> str:
        parts = [
            f"{fmt(v)} {flow}{_per_million(self.rates.get(flow))}"
            for flow, v in self.figures.items()
            if v is not None
        ]
        return f"{self.name}: {'; '.join(parts)}" if parts else f"{self.name}: no figure"


def _per_million(rate: float | None) -> str:
    return f" ({rate_text(rate)} per million residents)" if rate is not None else ""


@dataclass(frozen=True, slots=True)
class WorldMap:
    countries: tuple[MapCountry, ...]
    legend: tuple[tuple[int, str], ...]
    rate_legend: tuple[tuple[int, str], ...]
    width: float = WIDTH
    height: float = HEIGHT
    flows: tuple[str, ...] = FLOWS


def fmt(v: float) -> str:
    return f"{v:,.0f}"


def shade(value: float | None, breaks: Sequence[float] = BREAKS) -> int:
    if value is None or value < breaks[0]:
        return 0
    return sum(1 for b in breaks if value >= b)


def legend() -> tuple[tuple[int, str], ...]:
    out = []
    for i, low in enumerate(BREAKS):
        high = BREAKS[i + 1] - 1 if i + 1 < len(BREAKS) else None
        out.append((i + 1, f"{low:,}–{high:,}" if high else f"{low:,} or more"))
    return ((0, "no figure"), *out)


def rate_legend() -> tuple[tuple[int, str], ...]:
    """Rates are not whole numbers, so each bin reads "from … up to …" (its upper end open)."""
    out = []
    for i, low in enumerate(RATE_BREAKS):
        high = RATE_BREAKS[i + 1] if i + 1 < len(RATE_BREAKS) else None
        label = f"{low:g} to under {high:g}" if high else f"{low:g} or more"
        out.append((i + 1, label))
    return ((0, "no figure"), *out)


def world_map(rows: Sequence[Row], link: Callable[[str], str]) -> WorldMap:
    """`link(code)` gives the address of a country's page (a URL or a #fragment)."""
    best = {(r.place, r.flow): r.best for r in rows if r.population == "total" and r.flow in FLOWS}
    places = {r.place for r in rows}
    out = []
    for c in countries():
        figures = {f: best.get((c.code, f)) if c.code else None for f in FLOWS}
        shades = {f: shade(v) for f, v in figures.items()}
        rates = {f: per_million(v, c.code) if c.code else None for f, v in figures.items()}
        rate_shades = {f: shade(v, RATE_BREAKS) for f, v in rates.items()}
        href = link(c.code) if c.code and c.code in places else None
        out.append(MapCountry(c.code, c.name, c.path, figures, shades, href, rates, rate_shades))
    return WorldMap(tuple(out), legend(), rate_legend())
