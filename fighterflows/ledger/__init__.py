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
from fighterflows.ledger.store import (
    AmbiguousId,
    Ledger,
    NewDocument,
    RunRecord,
    RunStats,
    SignatureRow,
)
from fighterflows.ranks import DocumentRank

__all__ = [
    "AmbiguousId",
    "Citation",
    "DocumentInfo",
    "DocumentRank",
    "DocumentRecord",
    "Filters",
    "IngestError",
    "Ledger",
    "LedgerProblem",
    "NewDocument",
    "RunRecord",
    "RunStats",
    "SignatureRow",
    "StoredEstimate",
]
