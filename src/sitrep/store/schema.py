"""Table definitions (SQLAlchemy Core) that queries are written against.

The full AnalyzedArticle JSON is kept per document (the contract, lossless);
each layer is also flattened into its own table so corpus views (timelines,
claims, exports) are plain SQL that runs on any backend. The migrations in
``migrations/versions`` are written out by hand and frozen: they create what
this module describes at their revision, and a change here needs a new migration
(a test compares the two).

Lookup keys (``name_key``, ``admin1_key``, ``record_actors.key``) hold names folded
the way queries fold what users type (:func:`sitrep.store.keys.lookup_key`), so
corpus views match in SQL with an index instead of reading every row.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
    text,
)

metadata = MetaData()


def _doc_fk() -> Column[int]:
    return Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


documents = Table(
    "documents",
    metadata,
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
    Column("outlet_id", Integer),
    Column("story_id", Integer),
    Column("analyzed_at", String(40)),
    Column("sitrep_version", String(32)),
    Column("schema_version", String(16)),
    Index("ix_documents_outlet_id", "outlet_id"),
    Index("ix_documents_outlet", "outlet"),  # filters and profiles name the outlet (migration 0008)
    Index("ix_documents_story_id", "story_id"),
    Index("ix_documents_uri", "uri"),
)

# The bytes a document was read from, compressed: ``sitrep reanalyze`` needs no original files.
raw_sources = Table(
    "raw_sources",
    metadata,
    Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("media_type", String(64)),
    Column("charset", String(40)),
    Column("outlet_hint", Text),
    Column("compression", String(8), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

# Who published: one row per domain (or per name given with --outlet when there is no URL).
outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("domain", Text),
    Column("name", Text),
    Column("country", String(2)),
    Column("language", String(16)),
    Column("affiliation", Text),
    Column("notes", Text),
)

# Near-duplicate detection (MinHash over word shingles, LSH bands kept as rows so that adding a
# document is a few indexed lookups, never a rebuild) and the links it found.
doc_minhashes = Table(
    "doc_minhashes",
    metadata,
    Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(40), primary_key=True),
    Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

story_links = Table(
    "story_links",
    metadata,
    Column("doc_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("other_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Float, nullable=False),
    Index("ix_story_links_other", "other_id"),
)

mentions = Table(
    "mentions",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(16)),
    Column("actor", Text),
)

places = Table(
    "places",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("geonameid", Integer),
    Column("place_id", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("precision", String(16)),
    Column("role", String(16)),
    Column("actor", Text),
    Column("confidence", Float),
    Column("name_key", Text),
    Column("admin1_key", Text),
    Column("text_key", Text),  # the name as the article wrote it ("Kupiansk" where the gazetteer says "Kupyansk")
    Index("ix_places_place_id", "place_id"),
    Index("ix_places_name_key", "name_key"),
    Index("ix_places_admin1_key", "admin1_key"),
    Index("ix_places_text_key", "text_key"),
)

timexes = Table(
    "timexes",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16)),
    Column("value", Text),
    Column("earliest", String(40)),
    Column("latest", String(40)),
    Column("granularity", String(16)),
)

attributions = Table(
    "attributions",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("kind", String(16)),
    Column("source_text", Text),
    Column("source_actor", Text),
    Column("source_resolved", Text),
    Column("cue_text", Text),
    Column("cue_lemma", Text),
    Column("stance", String(16)),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("content_text", Text),
)

events = Table(
    "events",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("type", Text),
    Column("sub_type", Text),
    Column("place_idx", Integer),
    Column("earliest", String(40)),
    Column("latest", String(40)),
    Column("granularity", String(16)),
    Column("modality", String(16)),
    Column("asserted_by", Integer),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("confidence", Float),
    Column("actors", Text),
    Index("ix_events_type", "type", "sub_type"),
    Index("ix_events_place", "doc_id", "place_idx"),
)

control_claims = Table(
    "control_claims",
    metadata,
    _doc_fk(),
    Column("idx", Integer, primary_key=True),
    Column("place_idx", Integer),
    Column("side", Text),
    Column("status", String(16)),
    Column("earliest", String(40)),
    Column("latest", String(40)),
    Column("granularity", String(16)),
    Column("claimant", Integer),
    Column("modality", String(16)),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("confidence", Float),
    Index("ix_control_claims_place", "doc_id", "place_idx"),
)


def record_time(table: Table) -> ColumnElement[str]:
    """Where an event or control claim sorts in time: its start, undated last (``keys.FAR_FUTURE``). The
    literal is part of the expression so that SQLite matches the query to the index on it."""
    return func.coalesce(table.c.earliest, literal_column("'9999-12-31'"))


# "The latest events" and "events in time order" with no place to narrow them: one index walk, not a sort
# of every record (migration 0008).
Index("ix_events_time", record_time(events), events.c.doc_id, events.c.idx)
Index("ix_control_claims_time", record_time(control_claims), control_claims.c.doc_id, control_claims.c.idx)

# Every name an event or control claim can be looked up by as an actor: its actors' names, sides and
# words, its side, and who claims it. ``record`` is "event" or "control"; ``idx`` the item's index.
record_actors = Table(
    "record_actors",
    metadata,
    _doc_fk(),
    Column("record", String(8), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("key", Text, primary_key=True),
    Index("ix_record_actors_key", "key"),
)

# Every key an event or control claim can be found by as a place (:func:`sitrep.store.keys.place_key`
# of its place's gazetteer name, the name the article wrote, its id and its first-level region), with the
# record's interval (``time``: earliest, ``until``: latest; FAR_FUTURE when open or undated): "the events
# at Bakhmut from 1 March, in time order" is one range of ``ix_record_places_time`` read from the index
# alone, however many records the place has.
record_places = Table(
    "record_places",
    metadata,
    _doc_fk(),
    Column("record", String(8), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("time", String(40), nullable=False),
    Column("until", String(40), nullable=False),
    Column("type", Text),  # an event's ACLED type, tested from the index (control claims: none)
    Index("ix_record_places_time", "key", "record", "time", "doc_id", "idx", "until", "type"),
    # Only the records lasting past their first moment, by their end: those spanning a date are one range.
    Index(
        "ix_record_places_spans",
        "key",
        "record",
        "until",
        "time",
        "doc_id",
        "idx",
        "type",
        sqlite_where=text("until > time"),
        postgresql_where=text("until > time"),
    ),
)

# Every distinct actor key of ``record_actors``, so a query for part of a name ("wagner") scans the
# names once, not every record's (kept by the writer; a name whose records are gone matches nothing).
actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", Text, primary_key=True),
)

# Named counters of the store. ``generation`` goes up with every write transaction, so a reader can keep
# what it computed from the store (claim groups) until the store changes, in any process.
store_state = Table(
    "store_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)

# Feeds ``sitrep watch`` polls, with what a restart needs to resume politely: the validators for a
# conditional GET, when it last ran and found something new, and its errors (for back-off).
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(40)),
    Column("last_new_item", String(40)),
    Column("next_poll", String(40)),
    Column("errors", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
)

# Every item a feed listed, once: fetched into a document, or why not. Never fetched twice.
feed_items = Table(
    "feed_items",
    metadata,
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("url", Text, nullable=False),
    Column("seen_at", String(40), nullable=False),
    Column("doc_id", Integer),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Index("ix_feed_items_url", "url"),
)
