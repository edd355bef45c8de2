"""Table definitions (SQLAlchemy Core): what the current migration head creates.

The full AnalyzedArticle JSON is kept per document (the contract, lossless);
each layer is also flattened into its own table so corpus views (timelines,
claims, exports) are plain SQL. Migrations in ``migrations/versions`` create
these tables; keep the two in step. Migration 0001 builds its tables from this module, which is right
only while the schema is at revision 0001: the first change to a table must copy the v1 definitions into
0001 (freezing it) and add a 0002 migration with the alteration.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()


def _doc_fk() -> Column[int]:
    return Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("uri", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("captured_at", String(40)),
    Column("title", Text),
    Column("byline", Text),
    Column("outlet", Text),
    Column("section", Text),
    Column("language", String(16)),
    Column("published_earliest", String(40)),
    Column("published_latest", String(40)),
    Column("published_text", Text),
    Column("body", Text, nullable=False),
    Column("analysis", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

mentions = Table(
    "mentions", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("label", String(16)), Column("actor", Text),
)

places = Table(
    "places", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("name", Text), Column("geonameid", Integer),
    Column("place_id", Text), Column("lat", Float), Column("lon", Float), Column("country", String(2)),
    Column("admin1", Text), Column("precision", String(16)), Column("role", String(16)), Column("actor", Text),
    Column("confidence", Float),
)

timexes = Table(
    "timexes", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("type", String(16)), Column("value", Text),
    Column("earliest", String(40)), Column("latest", String(40)), Column("granularity", String(16)),
)

attributions = Table(
    "attributions", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("kind", String(16)),
    Column("source_text", Text), Column("source_actor", Text), Column("source_resolved", Text),
    Column("cue_text", Text), Column("cue_lemma", Text), Column("stance", String(16)),
    Column("content_start", Integer), Column("content_end", Integer), Column("content_text", Text),
)

events = Table(
    "events", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("type", Text), Column("sub_type", Text), Column("place_idx", Integer),
    Column("earliest", String(40)), Column("latest", String(40)), Column("granularity", String(16)),
    Column("modality", String(16)), Column("asserted_by", Integer),
    Column("evidence_start", Integer), Column("evidence_end", Integer), Column("confidence", Float),
    Column("actors", Text),
)

control_claims = Table(
    "control_claims", metadata, _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("place_idx", Integer), Column("side", Text), Column("status", String(16)),
    Column("earliest", String(40)), Column("latest", String(40)), Column("granularity", String(16)),
    Column("claimant", Integer), Column("modality", String(16)),
    Column("evidence_start", Integer), Column("evidence_end", Integer), Column("confidence", Float),
)
