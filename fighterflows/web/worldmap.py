"""The choropleth: each country's consensus figure (departed, returned) as a shade class.

Shades are CSS classes, not inline colours, so the map works under a strict style policy, and
one class per flow on every path lets a click switch flows without redrawing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fighterflows.consensus import Row
from fighterflows.web.geo import HEIGHT, WIDTH, countries

FLOWS = ("departed", "returned")
# Upper-open bins on a roughly logarithmic scale: national figures run from a handful to
# several thousand, and a linear scale would shade nearly every country the same.
BREAKS = (1, 10, 50, 100, 500, 1000, 5000)


@dataclass(frozen=True, slots=True)
class MapCountry:
    code: str | None
    name: str
    path: str
    figures: dict[str, float | None]
    shades: dict[str, int]  # flow -> 0 (no figure) .. len(BREAKS)
    href: str | None

    @property
    def title(self) -> str:
        parts = [f"{fmt(v)} {flow}" for flow, v in self.figures.items() if v is not None]
        return f"{self.name}: {'; '.join(parts)}" if parts else f"{self.name}: no figure"


@dataclass(frozen=True, slots=True)
class WorldMap:
    countries: tuple[MapCountry, ...]
    legend: tuple[tuple[int, str], ...]
    width: float = WIDTH
    height: float = HEIGHT
    flows: tuple[str, ...] = FLOWS


def fmt(v: float) -> str:
    return f"{v:,.0f}"


def shade(value: float | None) -> int:
    if value is None or value < BREAKS[0]:
        return 0
    return sum(1 for b in BREAKS if value >= b)


def legend() -> tuple[tuple[int, str], ...]:
    out = []
    for i, low in enumerate(BREAKS):
        high = BREAKS[i + 1] - 1 if i + 1 < len(BREAKS) else None
        out.append((i + 1, f"{low:,}–{high:,}" if high else f"{low:,} or more"))
    return ((0, "no figure"), *out)


def world_map(rows: Sequence[Row], link: Callable[[str], str]) -> WorldMap:
    """`link(code)` gives the address of a country's page (a URL or a #fragment)."""
    best = {
        (r.place, r.flow): r.best
        for r in rows
        if r.population == "total" and r.flow in FLOWS
    }
    places = {r.place for r in rows}
    out = []
    for c in countries():
        figures = {f: best.get((c.code, f)) if c.code else None for f in FLOWS}
        shades = {f: shade(v) for f, v in figures.items()}
        href = link(c.code) if c.code and c.code in places else None
        out.append(MapCountry(c.code, c.name, c.path, figures, shades, href))
    return WorldMap(tuple(out), legend())
