"""Copying a whole store to another database (``sitrep db copy``): SQLite to PostgreSQL as a team grows.

Every table is copied with its ids, so documents keep their ids, links and stories. The copy is
one transaction on the destination: a failure leaves it as empty as it was. Rows stream in
batches, so a large store is not held in memory. The search index of the destination is built by
the destination itself (FTS5 triggers, PostgreSQL's generated column).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, insert, select, text

from sitrep.errors import UsageError
from sitrep.store import backends, schema
from sitrep.store.db import Store

BATCH = 500
SERIAL_TABLES = ("outlets", "documents", "feeds")  # ids a PostgreSQL sequence hands out


def copy_store(source: Store, target: Store, on_table: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows copied per table."""
    held = target.count()
    if held:
        raise UsageError(f"{target}: not empty ({held} documents); copy into a new database")
    copied: dict[str, int] = {}
    with source.engine.connect() as reading, backends.writing(target.engine) as writing:
        for table in schema.metadata.sorted_tables:
            if table is schema.store_state:
                continue  # the destination counts its own writes
            count = 0
            rows = reading.execution_options(yield_per=BATCH).execute(select(table).order_by(*table.primary_key))
            for chunk in rows.partitions(BATCH):
                writing.execute(insert(table), [dict(row._mapping) for row in chunk])
                count += len(chunk)
            copied[table.name] = count
            if on_table is not None:
                on_table(table.name, count)
        if target.engine.dialect.name == "postgresql":
            for name in SERIAL_TABLES:  # new rows continue after the copied ids
                highest = writing.scalar(select(func.max(schema.metadata.tables[name].c.id)))
                if highest:
                    writing.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), {int(highest)})"))
    return copied
