"""A place's timeline: every dated count claim, by source and date, one panel per flow.

Drawn as plain SVG on the server (see docs/api.md for why not Plotly): the page needs no script
to show it, it obeys the strict style policy, and the report embeds the very same markup. The
script only adds what needs one: switching sources, tooltips, SVG and PNG downloads.

A line joins one source's figures in date order (its revisions); a figure that other documents
give differently for the same source and year (outvoted, a likely misquote) is drawn as a ring
off that line, so a misreport never reads as the source revising itself. The row's consensus
(low to high, best) is a band from its earliest voting figure on.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from fighterflows.consensus import Role, Row, Verdict
from fighterflows.model import Kind, Qualifier
from fighterflows.reconcile import Claim

W, H = 480.0, 250.0
LEFT, RIGHT, TOP, BOTTOM = 52.0, 14.0, 14.0, 34.0
PALETTE = 8  # source colours are the CSS classes s0..s7
X_TICKS = 6  # at most; year labels must not touch at phone width
Fn = Callable[[float], float]
Href = Callable[[str], str | None]  # claim id -> where the claim is shown, if anywhere
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# A source's own figures over time: the ones joined by its line.
IN_SERIES = {Role.VOTE, Role.HISTORY}


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    y_low: float
    y_high: float
    colour: int
    source: int  # the source's place in the legend, for switching it off and on
    title: str
    claim: str  # the claim's id
    href: str | None  # where the claim is shown (its sentence), if on this page or report
    misreport: bool = False  # another version of the source's figure for that year
    arrow: str = ""  # "more than 40,000": an arrowhead pointing the way the figure is open


@dataclass(frozen=True, slots=True)
class Series:
    source: str
    colour: int
    index: int
    path: str  # polyline through the source's figures in date order


@dataclass(frozen=True, slots=True)
class Band:
    """The row's consensus: low to high (the plot's edge where a bound is open), and best."""

    x: float
    y_top: float
    y_bottom: float
    y_best: float
    label: str


@dataclass(frozen=True, slots=True)
class Panel:
    flow: str
    population: str
    scope: str
    points: tuple[Point, ...]
    series: tuple[Series, ...]
    x_ticks: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    band: Band | None = None
    width: float = W
    height: float = H
    left: float = LEFT
    top: float = TOP
    bottom: float = H - BOTTOM
    right: float = W - RIGHT

    @property
    def name(self) -> str:
        """A file name's worth of the panel: "returned-total", "returned-minors-event"."""
        scope = "" if self.scope == "cumulative" else f"-{self.scope}"
        return f"{self.flow}-{self.population}{scope}"


@dataclass(frozen=True, slots=True)
class Timeline:
    panels: tuple[Panel, ...]
    sources: tuple[tuple[str, int], ...]  # legend: source, colour (a source's index is its place)
    undated: int  # claims left out for want of a date
    misreports: int = 0  # ringed points: the legend explains them when there are some


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


def no_link(_: str) -> str | None:
    return None


def timeline_chart(
    claims: Sequence[Claim],
    verdicts: Mapping[str, Verdict] | None = None,
    rows: Sequence[Row] = (),
    href: Href = no_link,
) -> Timeline:
    """The panels of `claims` (one place's); `verdicts` tell a misreport from a revision,
    `rows` give the consensus bands, `href` where each claim is shown."""
    counts = [c for c in claims if c.kind == Kind.COUNT and c.point is not None]
    dated = [c for c in counts if year_of(c.as_of) is not None]
    sources = sorted({c.source_label for c in dated})
    index = {s: i for i, s in enumerate(sources)}
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in dated:
        groups[(c.flow, c.population, c.scope)].append(c)
    order = sorted(groups, key=lambda k: (k[1] != "total", k[0] != "departed", k))
    bands = {(r.flow, r.population, r.scope): r for r in rows}
    draw = Draw(index, verdicts or {}, href)
    panels = tuple(panel(k, groups[k], draw, bands.get(k)) for k in order)
    misreports = sum(p.misreport for pan in panels for p in pan.points)
    legend = tuple((s, i % PALETTE) for s, i in index.items())
    return Timeline(panels, legend, len(counts) - len(dated), misreports)


@dataclass(frozen=True, slots=True)
class Draw:
    """What every point of a timeline is drawn with."""

    sources: Mapping[str, int]
    verdicts: Mapping[str, Verdict]  # the whole ledger's: looked up, never copied
    href: Href

    def role(self, c: Claim) -> Role | None:
        verdict = self.verdicts.get(c.id)
        return verdict.role if verdict else None

    def joined(self, c: Claim) -> bool:
        role = self.role(c)
        return (role is None or role in IN_SERIES) and not c.derived


def panel(key: tuple[str, str, str], claims: list[Claim], draw: Draw, row: Row | None) -> Panel:
    years = [y for y in (year_of(c.as_of) for c in claims) if y is not None]
    x0, x1 = math.floor(min(years)), math.floor(max(years)) + 1
    shown_row = row if row is not None and key[2] != "event" else None
    highest = [c.high or 0 for c in claims] + [c.point or 0 for c in claims]
    if shown_row is not None:
        highest += [v for v in (shown_row.high, shown_row.best) if v is not None]
    top = max(highest) * 1.1 or 1.0
    step = nice_step(top)
    y1 = step * math.ceil(top / step)

    def sx(year: float) -> float:
        return LEFT + (year - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def sy(v: float) -> float:
        return H - BOTTOM - v / y1 * (H - TOP - BOTTOM)

    points = tuple(point(c, sx, sy, draw) for c in claims)
    # Events are separate happenings, not a source's revised figure: points, no line.
    series = (
        ()
        if key[2] == "event"
        else tuple(
            line(source, [c for c in claims if draw.joined(c)], sx, sy, draw)
            for source in sorted({c.source_label for c in claims})
        )
    )
    years_step = max(1, math.ceil((x1 - x0) / X_TICKS))
    x_ticks = tuple((sx(y), str(y)) for y in range(x0, x1 + 1, years_step))
    y_ticks = tuple((sy(v), axis_label(v)) for v in tick_values(y1, step))
    band = consensus_band(shown_row, claims, draw, sx, sy) if shown_row else None
    return Panel(key[0], key[1], key[2], points, series, x_ticks, y_ticks, band)


def axis_label(v: float) -> str:
    """Short enough for the axis at phone width: "750", "7,500", "40k"."""
    return f"{v / 1000:,.0f}k" if v >= 10_000 else f"{v:,.0f}"


def tick_values(y1: float, step: float) -> list[float]:
    return [i * step for i in range(round(y1 / step) + 1)]


def point(c: Claim, sx: Fn, sy: Fn, draw: Draw) -> Point:
    year, v = year_of(c.as_of), c.point
    assert year is not None and v is not None
    low = c.low if c.low is not None else v
    high = c.high if c.high is not None else v
    misreport = draw.role(c) == Role.OUTVOTED
    note = " — reported differently elsewhere for the same year" if misreport else ""
    said = "" if c.quote == f"{v:,.0f}" else f" “{c.quote}”"  # the words, when not the number
    title = f"{c.source_label}, {c.as_of}: {v:,.0f} ({c.qualifier.value}){said}{note}"
    x, y = sx(year), sy(v)
    i = draw.sources[c.source_label]
    return Point(
        x,
        y,
        sy(low),
        sy(high),
        i % PALETTE,
        i,
        title,
        c.id,
        draw.href(c.id),
        misreport,
        arrow(c, x, y),
    )


def arrow(c: Claim, x: float, y: float) -> str:
    """An arrowhead above a lower bound ("at least"), below an upper bound ("at most")."""
    if c.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return f"M{x:.1f},{y - 15:.1f}l-4.5,7h9z"
    if c.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return f"M{x:.1f},{y + 15:.1f}l-4.5,-7h9z"
    return ""


def line(source: str, claims: list[Claim], sx: Fn, sy: Fn, draw: Draw) -> Series:
    own = sorted((c for c in claims if c.source_label == source), key=lambda c: c.as_of or "")
    xy = [(sx(year_of(c.as_of) or 0), sy(c.point or 0)) for c in own]
    path = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) if len(xy) > 1 else ""
    i = draw.sources[source]
    return Series(source, i % PALETTE, i, path)


def consensus_band(row: Row, claims: list[Claim], draw: Draw, sx: Fn, sy: Fn) -> Band | None:
    """The row's low to high from its earliest voting figure to the right edge."""
    if row.best is None:
        return None
    votes = [year_of(c.as_of) for c in claims if draw.role(c) == Role.VOTE]
    start = min((y for y in votes if y is not None), default=year_of(row.as_of))
    if start is None:
        return None
    top = sy(row.high) if row.high is not None else TOP
    bottom = sy(row.low) if row.low is not None else H - BOTTOM
    if row.low is not None and row.high is not None and row.low != row.high:
        label = f"consensus {row.low:,.0f}–{row.high:,.0f}, best {row.best:,.0f}"
    else:
        label = f"consensus {row.best:,.0f}"
    return Band(sx(start), top, bottom, sy(row.best), label)
