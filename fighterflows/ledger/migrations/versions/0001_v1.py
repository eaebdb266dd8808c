"""v1: documents, estimates and ingest errors.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("uri", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(32)),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_name", "documents", ["name"])
    op.create_table(
        "estimates",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("place", sa.String(32), nullable=False),
        sa.Column("place_text", sa.Text),
        sa.Column("flow", sa.String(16), nullable=False),
        sa.Column("population", sa.String(16), nullable=False),
        sa.Column("population_text", sa.Text),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("base", sa.Integer),
        sa.Column("source", sa.Text),
        sa.Column("source_text", sa.Text),
        sa.Column("zone", sa.String(32)),
        sa.Column("armed_group", sa.Text),
        sa.Column("as_of", sa.String(32)),
        sa.Column("since", sa.String(32)),
        sa.Column("derived", sa.Boolean, nullable=False),
    )
    op.create_index("ix_estimates_key", "estimates", ["place", "flow", "population"])
    op.create_index("ix_estimates_document", "estimates", ["document_id"])
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ingest_errors")
    op.drop_table("estimates")
    op.drop_table("documents")
