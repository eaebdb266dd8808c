"""Reconciliation: claims, runs, near-duplicate copies, page offsets, imported-table provenance.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("pages", sa.Text))
        batch.add_column(sa.Column("copy_of", sa.String(64)))
        batch.add_column(sa.Column("minhash", sa.LargeBinary))
        batch.add_column(sa.Column("run_id", sa.Integer))
    with op.batch_alter_table("estimates") as batch:
        batch.add_column(sa.Column("provenance", sa.Text))
    op.create_index("ix_estimates_source", "estimates", ["source"])
    with op.batch_alter_table("ingest_errors") as batch:
        batch.add_column(sa.Column("run_id", sa.Integer))
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("started", sa.String(32), nullable=False),
        sa.Column("finished", sa.String(32)),
        sa.Column("documents_read", sa.Integer, nullable=False),
        sa.Column("documents_added", sa.Integer, nullable=False),
        sa.Column("documents_skipped", sa.Integer, nullable=False),
        sa.Column("documents_copies", sa.Integer, nullable=False),
        sa.Column("estimates_added", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("place", sa.String(32), nullable=False),
        sa.Column("flow", sa.String(16), nullable=False),
        sa.Column("population", sa.String(16), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("as_of", sa.String(32)),
        sa.Column("derived", sa.Boolean, nullable=False),
        sa.Column("estimate_ids", sa.Text, nullable=False),
        sa.Column("document_ids", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_key", "claims", ["place", "flow", "population"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("runs")
    op.drop_index("ix_estimates_source", "estimates")
    with op.batch_alter_table("ingest_errors") as batch:
        batch.drop_column("run_id")
    with op.batch_alter_table("estimates") as batch:
        batch.drop_column("provenance")
    with op.batch_alter_table("documents") as batch:
        for name in ("run_id", "minhash", "copy_of", "pages"):
            batch.drop_column(name)
