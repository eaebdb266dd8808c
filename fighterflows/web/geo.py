"""The world map's geometry: Natural Earth countries (TopoJSON) as SVG paths, keyed by alpha-3.

The paths are computed once on the server, so the dashboard and the self-contained report draw
the same map with no script, no projection library and no request for geometry at run time.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

GEOMETRY = Path(__file__).with_name("static") / "countries-110m.json"
WIDTH, HEIGHT = 960.0, 440.0
NORTH, SOUTH = 84.0, -58.0  # Antarctica and the high Arctic add nothing to this map
SKIP = {"010"}  # Antarctica
NAMELESS = {"Kosovo": "XKX"}  # features the atlas ships without an ISO numeric id

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Country:
    code: str | None  # ISO 3166-1 alpha-3, or None where the atlas has no code (Somaliland)
    name: str
    path: str  # SVG path data in a WIDTH x HEIGHT box


def alpha3(numeric: str | None, name: str) -> str | None:
    if numeric is None:
        return NAMELESS.get(name)
    found = pycountry.countries.get(numeric=numeric)
    return str(found.alpha_3) if found else None


def project(lon: float, lat: float) -> Point:
    """Equirectangular, cropped to NORTH..SOUTH."""
    x = (lon + 180.0) * WIDTH / 360.0
    y = (NORTH - lat) * HEIGHT / (NORTH - SOUTH)
    return x, y


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat points of each arc (arcs are delta-encoded and quantised)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: Sequence[int], arcs: Sequence[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return unwrap(points)


def unwrap(points: list[Point]) -> list[Point]:
    """Rings across the antimeridian (Russia, Fiji) continue east of 180° instead of
    streaking across the map; the SVG viewBox clips what lies beyond."""
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(points))
    if not crosses:
        return points
    return [(lon + 360.0 if lon < 0 else lon, lat) for lon, lat in points]


def rings(geometry: dict[str, Any]) -> Iterator[Sequence[int]]:
    if geometry["type"] == "Polygon":
        yield from geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["arcs"]:
            yield from polygon


def path_data(geometry: dict[str, Any], arcs: Sequence[list[Point]]) -> str:
    parts = []
    for ring in rings(geometry):
        xy = [project(lon, lat) for lon, lat in ring_points(ring, arcs)]
        if len(xy) < 3:
            continue
        coords = "L".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        parts.append(f"M{coords}Z")
    return "".join(parts)


@functools.cache
def countries() -> tuple[Country, ...]:
    topology = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    out = []
    for g in topology["objects"]["countries"]["geometries"]:
        if g.get("id") in SKIP:
            continue
        name = g["properties"]["name"]
        out.append(Country(alpha3(g.get("id"), name), name, path_data(g, arcs)))
    return tuple(sorted(out, key=lambda c: c.name))
