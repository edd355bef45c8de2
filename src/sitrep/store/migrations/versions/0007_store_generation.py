"""A store generation that every write transaction raises: ``store_state``.

Revision ID: 0007

Frozen like 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.bulk_insert(state, [{"name": "generation", "value": 0}])


def downgrade() -> None:
    op.drop_table("store_state")
