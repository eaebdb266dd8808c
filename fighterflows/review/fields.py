"""What an analyst types about a figure, checked: places, vocabularies, dates and numbers.

The CLI and the dashboard parse the same words with these, so both refuse the same input with
the same message. Each message names the field (`label`) and says what is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import TypeVar

from fighterflows.asof import checked_as_of
from fighterflows.model import Flow, Population, Qualifier, Scope
from fighterflows.review.model import ReviewError

V = TypeVar("V", bound=StrEnum)
Label = Callable[[str], str]


def option(name: str) -> str:
    """How the CLI names a field: --as-of."""
    return "--" + name.replace("_", "-")


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    percent: bool  # typed as "30%": a share


@dataclass(frozen=True, slots=True)
class Changes:
    """The fields an analyst sets on a figure; None leaves one as it is. `source` "" clears
    the attribution (unattributed)."""

    place: str | None = None
    flow: Flow | None = None
    population: Population | None = None
    scope: Scope | None = None
    source: str | None = None
    as_of: str | None = None
    value: Amount | None = None
    low: Amount | None = None
    high: Amount | None = None
    qualifier: Qualifier | None = None

    @property
    def empty(self) -> bool:
        return self == Changes()


# The fields an analyst may set, in the order the CLI's options and the dashboard's form give
# them: the CLI and the dashboard both read this one list.
FIELDS = tuple(f.name for f in fields(Changes))


def parse_amount(text: str, what: str) -> Amount:
    """'1,200', '450', '0.3' or '30%' → a number; anything else a ReviewError."""
    t = text.strip().replace(",", "").replace("_", "")
    percent = t.endswith("%")
    if percent:
        t = t[:-1].strip()
    try:
        value = float(t)
    except ValueError:
        raise ReviewError(f"{what}: {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise ReviewError(f"{what}: {text!r} is not a number of people (0 or more)")
    return Amount(value / 100 if percent else value, percent)


def parse_word(vocabulary: type[V], text: str, what: str, noun: str) -> V:
    try:
        return vocabulary(text.strip().lower())
    except ValueError:
        choices = ", ".join(v.value for v in vocabulary)
        raise ReviewError(f"{what}: {text!r} is not a {noun} ({choices})") from None


def place_code(text: str, what: str) -> str:
    """'Belgium', 'Belgians', 'BEL', 'eu' → a place code."""
    from fighterflows.placenames import resolve

    code = resolve(text)
    if code is None:
        raise ReviewError(f"{what}: {text!r} is not a place we know")
    return code


def parse_changes(fields: Mapping[str, str | None], label: Label = option) -> Changes:
    """Changes from the words typed for each field (None or blank: not given)."""
    given = {k: v for k, v in fields.items() if v is not None and (v.strip() or k == "source")}

    def word(name: str, vocabulary: type[V], noun: str) -> V | None:
        text = given.get(name)
        return None if text is None else parse_word(vocabulary, text, label(name), noun)

    def amount(name: str) -> Amount | None:
        text = given.get(name)
        return None if text is None else parse_amount(text, label(name))

    as_of = given.get("as_of")
    if as_of is not None:
        try:
            as_of = checked_as_of(as_of)
        except ValueError as error:
            raise ReviewError(f"{label('as_of')}: {error}") from None
    place = given.get("place")
    source = given.get("source")
    return Changes(
        place=place_code(place, label("place")) if place is not None else None,
        flow=word("flow", Flow, "flow"),
        population=word("population", Population, "population"),
        scope=word("scope", Scope, "scope"),
        source=source.strip() if source is not None else None,
        as_of=as_of,
        value=amount("value"),
        low=amount("low"),
        high=amount("high"),
        qualifier=word("qualifier", Qualifier, "qualifier"),
    )
