"""Claims are kept apart by scope: a cumulative total, one event and a current stock of the
same place, flow and population are different claims.

The claims table is derived data (rebuilt after every ingest); existing rows were built when
every figure was cumulative, so that is what they become.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(16), nullable=False, server_default="cumulative")
        )


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("scope")
