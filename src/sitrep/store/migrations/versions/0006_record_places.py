"""Records found by place in time order (``record_places``: place keys with the record's interval), and
actors by part of a name without reading every record's names (``actor_keys``).

Revision ID: 0006

Frozen like 0001. Existing events and control claims get their rows from their place's stored names,
folded the way the store folds them at revision 0006 (whitespace collapsed, case folded, " oblast" dropped).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FAR_FUTURE = "9999-12-31"
BATCH = 5000


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold().removesuffix(" oblast")


def upgrade() -> None:
    op.create_table(
        "record_places",
        sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("record", sa.String(8), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("time", sa.String(40), nullable=False),
        sa.Column("until", sa.String(40), nullable=False),
    )
    op.create_index("ix_record_places_time", "record_places", ["key", "record", "time", "doc_id", "idx", "until"])
    op.create_table("actor_keys", sa.Column("key", sa.Text, primary_key=True))
    bind = op.get_bind()
    bind.execute(sa.text("INSERT INTO actor_keys (key) SELECT DISTINCT key FROM record_actors"))
    columns = ("doc_id", "record", "idx", "key", "time", "until")
    target = sa.table("record_places", *(sa.column(c) for c in columns))
    batch: list[dict[str, Any]] = []
    for row in _existing(bind):
        batch.append(row)
        if len(batch) >= BATCH:
            bind.execute(target.insert(), batch)
            batch = []
    if batch:
        bind.execute(target.insert(), batch)


def _existing(bind: sa.Connection) -> Iterator[dict[str, Any]]:
    places = sa.table(
        "places",
        sa.column("doc_id"),
        sa.column("idx"),
        sa.column("name"),
        sa.column("text"),
        sa.column("place_id"),
        sa.column("admin1"),
    )
    for record, name in (("event", "events"), ("control", "control_claims")):
        items = sa.table(
            name,
            sa.column("doc_id"),
            sa.column("idx"),
            sa.column("place_idx"),
            sa.column("earliest"),
            sa.column("latest"),
        )
        query = sa.select(
            items.c.doc_id,
            items.c.idx,
            items.c.earliest,
            items.c.latest,
            places.c.name,
            places.c.text,
            places.c.place_id,
            places.c.admin1,
        ).join(places, sa.and_(places.c.doc_id == items.c.doc_id, places.c.idx == items.c.place_idx))
        for doc_id, idx, earliest, latest, *names in bind.execute(query):
            keys = {_key(n) for n in (names[0] or names[1], *names[1:]) if n}
            time = earliest or FAR_FUTURE
            until = (latest or FAR_FUTURE) if earliest else FAR_FUTURE
            for key in sorted(keys):
                yield {"doc_id": doc_id, "record": record, "idx": idx, "key": key, "time": time, "until": until}


def downgrade() -> None:
    op.drop_table("actor_keys")
    op.drop_index("ix_record_places_time", "record_places")
    op.drop_table("record_places")
