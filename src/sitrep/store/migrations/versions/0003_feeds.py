"""Feeds polled by ``sitrep watch`` and the items they listed; documents looked up by URI.

Revision ID: 0003

Frozen like 0001: it states the changes of revision 0003 by itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_uri", "documents", ["uri"])
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_polled", sa.String(40)),
        sa.Column("last_new_item", sa.String(40)),
        sa.Column("next_poll", sa.String(40)),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "feed_items",
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=False),
        sa.Column("doc_id", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_index("ix_feed_items_url", "feed_items", ["url"])


def downgrade() -> None:
    op.drop_table("feed_items")
    op.drop_table("feeds")
    op.drop_index("ix_documents_uri", "documents")
