"""Scope: each estimate says whether it is a cumulative total, one event, or a current stock.

Estimates stored before this revision were all read as cumulative totals, so that is what
they become.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("estimates") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(16), nullable=False, server_default="cumulative")
        )


def downgrade() -> None:
    with op.batch_alter_table("estimates") as batch:
        batch.drop_column("scope")
