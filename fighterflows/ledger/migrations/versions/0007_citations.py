"""Citations: what a reader needs to cite a document besides its title and date — the outlet
(publisher or site), the author (byline), the address it was published at, and the day it was
captured. Documents stored before have none of them (NULL): re-reading them is not needed for
anything else to work.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("outlet", sa.Text))
        batch.add_column(sa.Column("author", sa.Text))
        batch.add_column(sa.Column("url", sa.Text))
        batch.add_column(sa.Column("accessed", sa.String(32)))


def downgrade() -> None:
    # Plain ALTER TABLE DROP COLUMN (SQLite 3.35+): a batch would copy the documents table,
    # which the estimates' foreign keys forbid while they point at it.
    for name in ("accessed", "url", "author", "outlet"):
        op.drop_column("documents", name)
