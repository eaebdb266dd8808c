"""The ledger: documents, estimates, claims, runs and errors in SQLite or PostgreSQL."""

from fighterflows.ledger.connect import LedgerProblem
from fighterflows.ledger.records import (
    Citation,
    DocumentInfo,
    DocumentRecord,
    Filters,
    IngestError,
    StoredEstimate,
)
from fighterflows.ledger.store import AmbiguousId, Ledger, NewDocument, RunStats

__all__ = [
    "AmbiguousId",
    "Citation",
    "DocumentInfo",
    "DocumentRecord",
    "Filters",
    "IngestError",
    "Ledger",
    "LedgerProblem",
    "NewDocument",
    "RunStats",
    "StoredEstimate",
]
