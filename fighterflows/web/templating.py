"""The Jinja environment the dashboard and the report share: autoescape on, number filters.

The report's template sits beside the dashboard's partials (map, chart, claim), so both show
the same markup; every value from a document reaches HTML through autoescaping only.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from fighterflows.population import rate_text
from fighterflows.read.citing import is_web_address
from fighterflows.report.citation import csl_file
from fighterflows.web.views import by_kind_of_place

WEB_TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


@dataclass(frozen=True, slots=True)
class Editing:
    """What a page's review forms carry when `serve --edit` lets this visitor write."""

    csrf: str  # the visitor's per-session token, checked on every write
    back: str  # this page: where a write returns to


@dataclass(frozen=True, slots=True)
class Links:
    """Where a place or a statement links: pages on the server, or sections of the report;
    with `editing`, the review forms too."""

    place_prefix: str
    documents: bool
    # a "Cite" block on each claim; the report leaves them out to stay small (issue 12, item 9)
    cite: bool = True
    editing: Editing | None = None

    def place(self, code: str) -> str:
        return f"{self.place_prefix}{code}"

    def statement(self, s: dict[str, Any]) -> str | None:
        if not self.documents:
            return None
        return f"/documents/{s['document_id']}#e-{s['estimate']}"


WEB_LINKS = Links("/place/", documents=True)
REPORT_LINKS = Links("#place-", documents=False, cite=False)


def num(value: object) -> str:
    """1200 → "1,200"; a median between two counts → a whole count; a share (a fraction below
    one) → "25%"; nothing → "–"."""
    if value is None or value == "":
        return "–"
    if not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not value.is_integer() and value < 1:
        return f"{value * 100:.0f}%"
    return f"{round(value):,}"


def figure(claim: dict[str, object]) -> str:
    """A claim's figure as a reader would say it: "1,200", "400–500", "25%"."""
    low, high, value = claim.get("low"), claim.get("high"), claim.get("value")
    share = claim.get("kind") == "share"

    def show(v: object) -> str:
        if share and isinstance(v, int | float):
            return f"{v * 100:.0f}%"
        return num(v)

    if value is None and low is not None and high is not None:
        return f"{show(low)}–{show(high)}"
    return show(value if value is not None else low if low is not None else high)


def xy(value: float) -> str:
    """A coordinate of a chart: a tenth of a unit is finer than a screen shows ("12.5", "40")."""
    return f"{value:.1f}".removesuffix(".0")


def mark_parts(sentence: str, mark: list[int] | None) -> tuple[str, str, str]:
    if not mark:
        return sentence, "", ""
    a, b = mark
    return sentence[:a], sentence[a:b], sentence[b:]


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(WEB_TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = num
    env.filters["rate"] = lambda v: rate_text(v) or "–"
    env.filters["figure"] = figure
    env.filters["csl_json"] = csl_file
    env.tests["web_address"] = is_web_address
    env.filters["xy"] = xy
    env.globals["mark_parts"] = mark_parts
    env.globals["by_kind_of_place"] = by_kind_of_place
    return env
