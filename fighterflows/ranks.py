"""Which of several records of one text the ledger keeps: a rule of the records alone.

Its own module, beside the model, so that a worker judging documents (`scan.py`) needs nothing
of the ledger: a Dask worker imports what its tasks name, and the ledger's database layers are
a second of a new process's start.
"""

from __future__ import annotations

DocumentRank = tuple[bool, str, str, str, str]


def document_rank(
    published: str | None, name: str, uri: str | None, title: str | None
) -> DocumentRank:
    """Of several records of one text, the ledger keeps the one that ranks first: published
    first (dated before undated), then by name, URI and title. A rule of the records alone,
    so the ledger does not depend on the order they come in."""
    return (published is None, published or "", name, uri or "", title or "")
