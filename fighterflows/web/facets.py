"""Facets of the consensus table, as Datasette shows them: how many of the rows shown have each
flow, population, scope and source, each count a link that narrows the table to it.

The counts are of the rows on the page (after every filter), so a count is what a click gives;
for a source, the rows that name it among their sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

FACETS = {"flow": "Flow", "population": "Population", "scope": "Measure", "source": "Source"}
SCOPE_WORDS = {"cumulative": "totals", "event": "events", "current": "stocks now"}
TOP = 8  # values listed per facet; the rest are counted
PAGING = ("offset", "limit")

Params = Sequence[tuple[str, str]]


def facet_counts(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """{"flow": {"departed": 40, ...}, ..., "source": {"ICSR": 12, ...}}, most common first."""
    counts = {name: Counter(str(r[name]) for r in rows) for name in ("flow", "population", "scope")}
    counts["source"] = Counter(s for r in rows for s in r["sources"])
    return {name: dict(c.most_common()) for name, c in counts.items()}


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    count: int
    href: str


@dataclass(frozen=True, slots=True)
class Facet:
    name: str
    title: str
    choices: tuple[Choice, ...]
    more: int  # values not listed
    selected: str | None  # the value the page is filtered by
    clear: str  # the same page without this filter


def facets(counts: dict[str, dict[str, int]], params: Params, path: str) -> list[Facet]:
    """The facets with their links, for a page at `path` with query `params`."""
    out = []
    for name, title in FACETS.items():
        found = counts.get(name, {})
        selected = next((v for k, v in params if k == name and v), None)
        choices = tuple(
            Choice(value, SCOPE_WORDS.get(value, value), n, link(path, params, name, value))
            for value, n in list(found.items())[:TOP]
        )
        out.append(
            Facet(
                name,
                title,
                choices,
                max(0, len(found) - TOP),
                selected,
                link(path, params, name, None),
            )
        )
    return out


def link(path: str, params: Params, name: str, value: str | None) -> str:
    """The page with `name` set to `value` (left out for None), back on its first page."""
    kept = [(k, v) for k, v in params if k != name and k not in PAGING and v]
    if value is not None:
        kept.append((name, value))
    return f"{path}?{urlencode(kept)}" if kept else path
