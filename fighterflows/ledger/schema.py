"""The ledger's tables, as SQLAlchemy Core metadata (the migrations create the same tables)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the text: ingest is idempotent on it
    Column("name", Text, nullable=False),  # the file name or record id: `doc` in exports
    Column("uri", Text),
    Column("title", Text),
    Column("published", String(32)),
    Column("text", Text, nullable=False),
    Column("pages", Text),  # JSON list of page start offsets (PDF)
    Column("copy_of", String(64)),  # a near-duplicate of this one
    Column("minhash", LargeBinary),
    Column("extractor", String(32)),
    Column("run_id", Integer),
    Column("ingested_at", String(32), nullable=False),
    # what cites it, as the document declares it (title and published above are too)
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),  # the address it was published at (uri: where it was read from)
    Column("accessed", String(32)),  # the day it was captured (a crawl, a download)
)
Index("ix_documents_name", documents.c.name)

estimates = Table(
    "estimates",
    metadata,
    Column("id", String(32), primary_key=True),  # stable: a hash of document, offsets and key
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),  # index in the document's extractor output
    Column("extractor", String(32), nullable=False),
    Column("provenance", Text),  # for imported tables: "FILE row N"
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("place", String(32), nullable=False),
    Column("place_text", Text),
    Column("flow", String(16), nullable=False),
    Column("population", String(16), nullable=False),
    Column("population_text", Text),
    Column("kind", String(8), nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("base", Integer),
    Column("source", Text),
    Column("source_text", Text),
    Column("zone", String(32)),
    Column("armed_group", Text),
    Column("as_of", String(32)),
    Column("since", String(32)),
    # cumulative / event / current (docs/estimate-format.md, Scope); older rows are cumulative
    Column("scope", String(16), nullable=False, server_default="cumulative"),
    Column("derived", Boolean, nullable=False),
)
Index("ix_estimates_key", estimates.c.place, estimates.c.flow, estimates.c.population)
Index("ix_estimates_document", estimates.c.document_id)
Index("ix_estimates_source", estimates.c.source)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer),
    Column("location", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", Text, nullable=False),
    Column("extractor", String(32), nullable=False),
    Column("started", String(32), nullable=False),
    Column("finished", String(32)),
    Column("documents_read", Integer, nullable=False, default=0),
    Column("documents_added", Integer, nullable=False, default=0),
    Column("documents_skipped", Integer, nullable=False, default=0),
    Column("documents_copies", Integer, nullable=False, default=0),
    Column("estimates_added", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    # documents the prefilter rejected: counted, never stored (no text, no row)
    Column("documents_prefiltered", Integer, nullable=False, default=0, server_default="0"),
    Column("prefilter", String(16)),  # fingerprint of the prefilter that judged them
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("place", String(32), nullable=False),
    Column("flow", String(16), nullable=False),
    Column("population", String(16), nullable=False),
    Column("scope", String(16), nullable=False, server_default="cumulative"),
    Column("source", Text),
    Column("kind", String(8), nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("as_of", String(32)),
    Column("derived", Boolean, nullable=False),
    Column("estimate_ids", Text, nullable=False),  # JSON list
    Column("document_ids", Text, nullable=False),  # JSON list
)
Index("ix_claims_key", claims.c.place, claims.c.flow, claims.c.population)

# What analysts said about figures. Keyed by the document's content hash, the span and its
# quote (never by a row of `estimates`), so a review outlives re-ingests and new extractor
# versions; no foreign key, so a review imported before its document waits for it.
reviews = Table(
    "reviews",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # grows with every write
    Column("id", String(16), nullable=False, unique=True),  # hash of document, span, reading
    Column("document_id", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("estimate_id", String(32), nullable=False),  # the reading reviewed
    Column("figure_id", String(32)),  # the figure as reviewed; null for a rejection
    Column("verdict", String(16), nullable=False),
    Column("figure", Text, nullable=False),  # JSON, the contract's estimate
    Column("original", Text),  # JSON: the extractor's reading a correction replaced
    Column("reviewer", Text, nullable=False),
    Column("reviewed_at", String(32), nullable=False),
    Column("why", Text),
)
Index("ix_reviews_span", reviews.c.document_id, reviews.c.start, reviews.c.end)
Index("ix_reviews_figure", reviews.c.figure_id)
