"""Writing the on-disk index: one SQLite file, names keyed for lookup.

The index is written to a temporary file and moved into place only when
complete, so an interrupted build never leaves a half-written index behind.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.records import PlaceRecord

SCHEMA_VERSION = "2"  # 2: demonyms

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL UNIQUE,
    geonameid INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    capital_of TEXT,
    status TEXT,
    names INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE name (
    key TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES place(id),
    is_name INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE demonym (
    key TEXT PRIMARY KEY,
    place INTEGER NOT NULL REFERENCES place(id)
) WITHOUT ROWID;
"""


def build_index(records: Iterable[PlaceRecord], path: Path, fingerprint: str, progress: bool = False) -> dict[str, int]:
    """Write ``records`` to a new index at ``path``; returns counts per kind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    started = time.monotonic()
    counts: dict[str, int] = {}
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        with _progress(progress) as bar:
            task = bar.add_task("building gazetteer", total=None)
            _write(conn, records, counts, lambda n: bar.update(task, advance=n))
        conn.execute("CREATE INDEX place_geonameid ON place(geonameid)")
        meta = {
            "schema_version": SCHEMA_VERSION,
            "fingerprint": fingerprint,
            "build_seconds": f"{time.monotonic() - started:.1f}",
            **{f"count_{kind}": str(n) for kind, n in counts.items()},
            "complete": "1",
        }
        conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)
    return counts


def _write(
    conn: sqlite3.Connection,
    records: Iterable[PlaceRecord],
    counts: dict[str, int],
    advance: Callable[[int], object],
) -> None:
    batch_places: list[tuple[object, ...]] = []
    batch_names: list[tuple[str, int, int]] = []
    demonyms: dict[str, int] = {}  # the first record to claim a demonym keeps it
    next_id = 1
    seen: set[str] = set()
    for record in records:
        if record.place_id in seen:
            continue
        seen.add(record.place_id)
        place = next_id
        next_id += 1
        counts[record.kind] = counts.get(record.kind, 0) + 1
        keys: dict[str, int] = {name_key(record.name): 1}
        for alias in record.aliases:
            keys.setdefault(name_key(alias), 0)
        batch_places.append(
            (
                place,
                record.place_id,
                record.geonameid,
                record.name,
                record.kind,
                record.lat,
                record.lon,
                record.country,
                record.admin1,
                record.admin1_code,
                record.admin2,
                record.population,
                record.capital_of,
                record.status,
                len(keys),
            )
        )
        batch_names.extend((key, place, is_name) for key, is_name in keys.items() if key)
        for demonym in record.demonyms:
            demonyms.setdefault(name_key(demonym), place)
        if len(batch_places) >= 5000:
            _flush(conn, batch_places, batch_names)
            advance(len(batch_places))
            batch_places, batch_names = [], []
    _flush(conn, batch_places, batch_names)
    advance(len(batch_places))
    conn.executemany("INSERT INTO demonym VALUES (?, ?)", [(k, p) for k, p in demonyms.items() if k])


def _flush(conn: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int, int]]) -> None:
    conn.executemany("INSERT INTO place VALUES (" + ",".join("?" * 15) + ")", places)
    conn.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?)", names)


def _progress(enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} places"),
        TimeElapsedColumn(),
        disable=not enabled,
        transient=False,
    )
