"""Records found by place, type and span (``record_places.type``, ``ix_record_places_spans``), and by time.

- "Battles in Kharkiv Oblast from 1 August" read the region's records in time order and looked up each
  one's event to test its type: a rare type in a busy region cost thousands of lookups. The type is now
  part of the place index (events: their ACLED type; control claims: none), tested from the index alone.
- The same query must include an offensive that began in July and goes on. Found through
  ``ix_record_places_time``, those are every record of the place before 1 August whose end is later, a
  scan of the place's whole past. A partial index holds only the records that last past their first
  moment, ordered by their end, so the ones spanning a date are one range of it.
- "The latest events" (the home page, an actor's page, the map) sorted every event by time: events and
  control claims get an index on the time they sort by; documents one on their outlet's name, which
  filters and outlet pages select by.

Revision ID: 0008

Frozen like 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("record_places", sa.Column("type", sa.Text))
    op.get_bind().execute(
        sa.text(
            "UPDATE record_places SET type = (SELECT e.type FROM events e "
            "WHERE e.doc_id = record_places.doc_id AND e.idx = record_places.idx) WHERE record = 'event'"
        )
    )
    op.drop_index("ix_record_places_time", table_name="record_places")
    op.create_index(
        "ix_record_places_time", "record_places", ["key", "record", "time", "doc_id", "idx", "until", "type"]
    )
    op.create_index(
        "ix_record_places_spans",
        "record_places",
        ["key", "record", "until", "time", "doc_id", "idx", "type"],
        sqlite_where=sa.text("until > time"),
        postgresql_where=sa.text("until > time"),
    )

    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    for table in ("events", "control_claims"):
        op.create_index(f"ix_{table}_time", table, [sa.text("coalesce(earliest, '9999-12-31')"), "doc_id", "idx"])


def downgrade() -> None:
    op.drop_index("ix_control_claims_time", table_name="control_claims")
    op.drop_index("ix_events_time", table_name="events")
    op.drop_index("ix_documents_outlet", table_name="documents")
    op.drop_index("ix_record_places_spans", table_name="record_places")
    op.drop_index("ix_record_places_time", table_name="record_places")
    op.create_index("ix_record_places_time", "record_places", ["key", "record", "time", "doc_id", "idx", "until"])
    op.drop_column("record_places", "type")
