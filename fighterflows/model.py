"""The core types: a Document read from somewhere and the Estimates extracted from it.

Field names and vocabularies follow docs/estimate-format.md, which is a contract shared with
the gold files, the ledger, the exports and the API.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Flow(StrEnum):
    DEPARTED = "departed"
    RETURNED = "returned"
    KILLED = "killed"
    DETAINED = "detained"
    REMAINING = "remaining"
    PROSECUTED = "prosecuted"
    RELOCATED = "relocated"
    BORN = "born"  # children born in the zone to foreign parents: never a departure


class Scope(StrEnum):
    """What kind of measure a figure is; figures of different scopes are never averaged."""

    CUMULATIVE = "cumulative"  # everyone who did it up to as_of (or since `since`)
    EVENT = "event"  # the people of one stated event or bounded period
    CURRENT = "current"  # those in that state at as_of


class Population(StrEnum):
    TOTAL = "total"
    MEN = "men"
    WOMEN = "women"
    MINORS = "minors"


class Kind(StrEnum):
    COUNT = "count"
    SHARE = "share"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"
    VAGUE = "vague"


@dataclass(frozen=True, slots=True)
class Document:
    """A text to extract from. `id` is the file name (or record id); offsets index `text`.

    `uri` is where it was read from (a path, a URL); the rest is what a reader needs to cite
    it, as the document declares it (never guessed from its prose): `title` (the headline),
    `outlet` (the publisher or site), `author` (the byline, several joined by "; "), `url`
    (the address it was published at), `published` and `accessed` (when it was captured).
    """

    id: str
    text: str
    uri: str | None = None
    title: str | None = None
    published: str | None = None
    # Offsets in `text` where each page starts (PDF), so a figure can be cited by page.
    pages: tuple[int, ...] = ()
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    accessed: str | None = None
    # The ledger's key for the document (sha256 of the text); computed once, it is asked often.
    content_hash: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(self, "content_hash", digest)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for a document without pages."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


@dataclass(frozen=True, slots=True)
class Estimate:
    """One stated figure about people moving to or from the conflict zone, anchored in text."""

    doc: str
    start: int
    end: int
    quote: str
    sentence: str
    place: str
    place_text: str
    flow: Flow
    population: Population
    population_text: str | None
    kind: Kind
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    base: int | None = None
    source: str | None = None
    source_text: str | None = None
    zone: str | None = None
    group: str | None = None
    as_of: str | None = None
    since: str | None = None
    scope: Scope = Scope.CUMULATIVE
    derived: bool = False

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object, fields in the contract's order."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if isinstance(v, StrEnum):
                v = v.value
            elif isinstance(v, float) and v.is_integer() and f.name in ("value", "low", "high"):
                # Counts print as integers ("5600", not "5600.0"); shares stay fractions.
                v = int(v) if self.kind == Kind.COUNT else v
            out[f.name] = v
        return out

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Estimate:
        names = {f.name for f in dataclasses.fields(cls)}
        known = {k: v for k, v in data.items() if k in names}
        for k in ("value", "low", "high"):
            if known.get(k) is not None:
                known[k] = float(known[k])
        return cls(
            **{
                **known,
                "flow": Flow(data["flow"]),
                "population": Population(data["population"]),
                "kind": Kind(data["kind"]),
                "qualifier": Qualifier(data["qualifier"]),
                "scope": Scope(data.get("scope") or Scope.CUMULATIVE),
            }
        )

    def replace(self, **changes: Any) -> Estimate:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file or record that could not be read, with the reason in one line."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
