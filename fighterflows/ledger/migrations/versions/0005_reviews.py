"""Reviews: what analysts confirmed, rejected, corrected or added, keyed by the document's
content hash, the span and its quote so that they survive re-ingests and new extractor
versions.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(16), nullable=False, unique=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("estimate_id", sa.String(32), nullable=False),
        sa.Column("figure_id", sa.String(32)),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("figure", sa.Text, nullable=False),
        sa.Column("original", sa.Text),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("reviewed_at", sa.String(32), nullable=False),
        sa.Column("why", sa.Text),
    )
    op.create_index("ix_reviews_span", "reviews", ["document_id", "start", "end"])
    op.create_index("ix_reviews_figure", "reviews", ["figure_id"])


def downgrade() -> None:
    op.drop_table("reviews")
