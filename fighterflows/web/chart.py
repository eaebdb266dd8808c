"""A place's timeline: every dated count claim, by source and date, one panel per flow.

Drawn as plain SVG on the server (see docs/api.md for why not Plotly): the page needs no script
to show it, it obeys the strict style policy, and the report embeds the very same markup.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fighterflows.model import Kind, Qualifier
from fighterflows.reconcile import Claim

W, H = 640.0, 220.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 16.0, 16.0, 32.0
PALETTE = 8  # source colours are the CSS classes s0..s7
Fn = Callable[[float], float]
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    y_low: float
    y_high: float
    colour: int
    title: str
    arrow: str = ""  # "more than 40,000": an arrowhead pointing the way the figure is open


@dataclass(frozen=True, slots=True)
class Series:
    source: str
    colour: int
    path: str  # polyline through the source's figures in date order


@dataclass(frozen=True, slots=True)
class Panel:
    flow: str
    population: str
    scope: str
    points: tuple[Point, ...]
    series: tuple[Series, ...]
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    width: float = W
    height: float = H
    left: float = LEFT
    bottom: float = H - BOTTOM
    right: float = W - RIGHT


@dataclass(frozen=True, slots=True)
class Timeline:
    panels: tuple[Panel, ...]
    sources: tuple[tuple[str, int], ...]  # legend: source, colour
    undated: int  # claims left out for want of a date


def year_of(as_of: str | None) -> float | None:
    m = DATE.match(as_of or "")
    if not m:
        return None
    month = int(m.group(2) or 7)  # a bare year sits mid-year
    day = int(m.group(3) or 1)
    return int(m.group(1)) + (min(max(month, 1), 12) - 1) / 12 + (min(max(day, 1), 31) - 1) / 365


def nice_step(span: float, ticks: int = 4) -> float:
    raw = max(span, 1e-9) / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def timeline_chart(claims: Sequence[Claim]) -> Timeline:
    counts = [c for c in claims if c.kind == Kind.COUNT and c.point is not None]
    dated = [c for c in counts if year_of(c.as_of) is not None]
    sources = sorted({c.source_label for c in dated})
    colours = {s: i % PALETTE for i, s in enumerate(sources)}
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in dated:
        groups[(c.flow, c.population, c.scope)].append(c)
    order = sorted(groups, key=lambda k: (k[1] != "total", k[0] != "departed", k))
    panels = tuple(panel(k, groups[k], colours) for k in order)
    return Timeline(panels, tuple(colours.items()), len(counts) - len(dated))


def panel(key: tuple[str, str, str], claims: list[Claim], colours: dict[str, int]) -> Panel:
    years = [y for y in (year_of(c.as_of) for c in claims) if y is not None]
    x0, x1 = math.floor(min(years)), math.floor(max(years)) + 1
    top = max(max(c.high or 0, c.point or 0) for c in claims) * 1.1 or 1.0
    step = nice_step(top)
    y1 = step * math.ceil(top / step)

    def sx(year: float) -> float:
        return LEFT + (year - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def sy(v: float) -> float:
        return H - BOTTOM - v / y1 * (H - TOP - BOTTOM)

    points = tuple(point(c, sx, sy, colours) for c in claims)
    # Events are separate happenings, not a source's revised figure: points, no line.
    series = () if key[2] == "event" else tuple(
        line(source, claims, sx, sy, colours) for source in sorted({c.source_label for c in claims})
    )
    years_step = max(1, math.ceil((x1 - x0) / 8))
    x_ticks = tuple((sx(y), str(y)) for y in range(x0, x1 + 1, years_step))
    y_ticks = tuple((sy(v), f"{v:,.0f}") for v in tick_values(y1, step))
    return Panel(key[0], key[1], key[2], points, series, x_ticks, y_ticks)


def tick_values(y1: float, step: float) -> list[float]:
    return [i * step for i in range(round(y1 / step) + 1)]


def point(c: Claim, sx: Fn, sy: Fn, colours: dict[str, int]) -> Point:
    year, v = year_of(c.as_of), c.point
    assert year is not None and v is not None
    low = c.low if c.low is not None else v
    high = c.high if c.high is not None else v
    title = f"{c.source_label}, {c.as_of}: {v:,.0f} ({c.qualifier.value}) “{c.quote}”"
    x, y = sx(year), sy(v)
    return Point(x, y, sy(low), sy(high), colours[c.source_label], title, arrow(c, x, y))


def arrow(c: Claim, x: float, y: float) -> str:
    """An arrowhead above a lower bound ("at least"), below an upper bound ("at most")."""
    if c.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return f"M{x:.1f},{y - 15:.1f}l-4.5,7h9z"
    if c.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return f"M{x:.1f},{y + 15:.1f}l-4.5,-7h9z"
    return ""


def line(source: str, claims: list[Claim], sx: Fn, sy: Fn, colours: dict[str, int]) -> Series:
    own = sorted((c for c in claims if c.source_label == source), key=lambda c: c.as_of or "")
    xy = [(sx(year_of(c.as_of) or 0), sy(c.point or 0)) for c in own]
    path = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) if len(xy) > 1 else ""
    return Series(source, colours[source], path)

