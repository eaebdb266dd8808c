"""What the ledger hands back: stored estimates, document summaries, query filters."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from fighterflows.model import Estimate


@dataclass(frozen=True, slots=True)
class StoredEstimate:
    id: str
    document_id: str  # the content hash
    estimate: Estimate  # `doc` is the document's name
    extractor: str
    published: str | None = None
    copy_of: str | None = None  # set when the document is a syndicated copy of another
    provenance: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    name: str
    uri: str | None
    title: str | None
    published: str | None
    copy_of: str | None
    estimates: int
    chars: int


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    info: DocumentInfo
    text: str
    pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Filters:
    place: str | None = None
    flow: str | None = None
    population: str | None = None
    scope: str | None = None
    source: str | None = None
    document: str | None = None  # id or name
    as_of: str | None = None  # only estimates whose as_of (or document date) is on or before it


@dataclass(frozen=True, slots=True)
class IngestError:
    location: str
    reason: str
    at: str


DocumentRank = tuple[bool, str, str, str, str]


def document_rank(
    published: str | None, name: str, uri: str | None, title: str | None
) -> DocumentRank:
    """Of several records of one text, the ledger keeps the one that ranks first: published
    first (dated before undated), then by name, URI and title. A rule of the records alone,
    so the ledger does not depend on the order they come in."""
    return (published is None, published or "", name, uri or "", title or "")


def estimate_id(document_id: str, e: Estimate) -> str:
    """A stable id: the same figure at the same place of the same text keeps its id."""
    key = "|".join(
        str(x)
        for x in (document_id, e.start, e.end, e.place, e.flow, e.population, e.kind, e.derived)
    )
    return hashlib.sha1(key.encode()).hexdigest()[:16]
