"""What the ledger hands back: stored estimates, document summaries, query filters."""

from __future__ import annotations

from dataclasses import dataclass

from fighterflows.model import Estimate
from fighterflows.rows import estimate_id as estimate_id  # its home; reviews import it here


@dataclass(frozen=True, slots=True)
class StoredEstimate:
    id: str
    document_id: str  # the content hash
    estimate: Estimate  # `doc` is the document's name
    extractor: str
    published: str | None = None
    copy_of: str | None = None  # set when the document is a syndicated copy of another
    provenance: str | None = None
    review: str | None = None  # confirmed, corrected or added when an analyst's word stands


@dataclass(frozen=True, slots=True)
class Citation:
    """What cites a document, as it declares it (None where it does not say)."""

    document_id: str  # the content hash
    name: str  # the file name or record id, for a document with no title
    title: str | None = None
    outlet: str | None = None  # the publisher or site
    author: str | None = None  # several joined by "; "
    url: str | None = None  # where it was published
    uri: str | None = None  # where it was read from (a path, an address)
    published: str | None = None
    accessed: str | None = None  # when it was captured
    paged: bool = False  # a PDF: cited as a report


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
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    accessed: str | None = None
    paged: bool = False

    @property
    def citation(self) -> Citation:
        return Citation(
            self.id,
            self.name,
            self.title,
            self.outlet,
            self.author,
            self.url,
            self.uri,
            self.published,
            self.accessed,
            self.paged,
        )


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

    def selects(self, s: StoredEstimate) -> bool:
        """What the ledger's query (`store.estimate_conditions`) selects, for an estimate
        held in memory: a reviewed figure is filtered by what the analyst says it is."""
        e = s.estimate
        pairs = (
            (self.place, e.place),
            (self.flow, e.flow.value),
            (self.population, e.population.value),
            (self.scope, e.scope.value),
        )
        if any(want and want != have for want, have in pairs):
            return False
        if self.source and (e.source is None or self.source.lower() not in e.source.lower()):
            return False
        if self.document and self.document not in (s.document_id, e.doc):
            return False
        if self.as_of:
            bound = self.as_of + "~"
            first = e.as_of if e.as_of is not None else s.published
            second = s.published if s.published is not None else e.as_of
            return first is not None and second is not None and max(first, second) <= bound
        return True


@dataclass(frozen=True, slots=True)
class IngestError:
    location: str
    reason: str
    at: str
