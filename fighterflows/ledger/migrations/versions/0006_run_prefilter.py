"""Runs say what their prefilter skipped: a document the prefilter rejects is no longer stored,
so each run records how many it skipped that way (`documents_prefiltered`) and which prefilter
judged them (`prefilter`, a fingerprint of its code), so that an extractor whose prefilter
changed can say so and send the user back to those sources.

Runs made before this revision stored every document they read: they skipped nothing by the
prefilter, which is what their new columns say.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(
            sa.Column("documents_prefiltered", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("prefilter", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("prefilter")
        batch.drop_column("documents_prefiltered")
