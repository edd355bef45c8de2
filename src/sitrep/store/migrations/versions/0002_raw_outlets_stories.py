"""Raw bytes kept per document, the analysis version, outlets, and near-duplicate stories.

Revision ID: 0002

Frozen like 0001: it states the changes of revision 0002 by itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _doc_fk(name: str = "doc_id") -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    for column in (
        sa.Column("outlet_id", sa.Integer),
        sa.Column("story_id", sa.Integer),
        sa.Column("analyzed_at", sa.String(40)),
        sa.Column("sitrep_version", sa.String(32)),
        sa.Column("schema_version", sa.String(16)),
    ):
        op.add_column("documents", column)
    op.create_index("ix_documents_outlet_id", "documents", ["outlet_id"])
    op.create_index("ix_documents_story_id", "documents", ["story_id"])
    op.create_table(
        "raw_sources",
        _doc_fk(),
        sa.Column("media_type", sa.String(64)),
        sa.Column("charset", sa.String(40)),
        sa.Column("outlet_hint", sa.Text),
        sa.Column("compression", sa.String(8), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("domain", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("language", sa.String(16)),
        sa.Column("affiliation", sa.Text),
        sa.Column("notes", sa.Text),
    )
    op.create_table("doc_minhashes", _doc_fk(), sa.Column("signature", sa.LargeBinary, nullable=False))
    op.create_table(
        "lsh_bands",
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("bucket", sa.String(40), primary_key=True),
        _doc_fk(),
    )
    op.create_table(
        "story_links",
        _doc_fk(),
        _doc_fk("other_id"),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_story_links_other", "story_links", ["other_id"])


def downgrade() -> None:
    for table in ("story_links", "lsh_bands", "doc_minhashes", "outlets", "raw_sources"):
        op.drop_table(table)
    op.drop_index("ix_documents_story_id", "documents")
    op.drop_index("ix_documents_outlet_id", "documents")
    for name in ("schema_version", "sitrep_version", "analyzed_at", "story_id", "outlet_id"):
        op.drop_column("documents", name)
