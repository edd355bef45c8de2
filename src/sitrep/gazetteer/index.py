"""Reading the index: candidates by name key, from disk, with an LRU cache.

Nothing is loaded into memory up front: a lookup is one indexed query, and the
SQLite page cache plus a bounded LRU of recent keys keep a worker small.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.errors import ResourceError
from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.records import PlaceKind

MAX_CANDIDATES = 200
_COLUMNS = (
    "p.place_id, p.geonameid, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.admin1_code, "
    "p.admin2, p.population, p.capital_of, p.status, p.names"
)


class GazetteerError(ResourceError):
    """The index file is missing, unreadable or from another build."""


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry as a candidate for a name: ``by_name`` is False for alias matches."""

    place_id: str
    geonameid: int | None
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    population: int
    capital_of: str | None
    status: str | None
    names: int = 0  # how many distinct names the world has for it: a proxy for how well known it is
    by_name: bool = True


class Gazetteer:
    """A read-only view of one index file; safe to share across threads of one process."""

    def __init__(self, path: Path, cache_size: int = 20_000) -> None:
        self.path = path
        self._lock = threading.Lock()  # one connection, shared by the threads of one process
        if not path.is_file():
            raise GazetteerError(f"gazetteer index not found at {path} (`sitrep setup` builds it)")
        try:
            self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._conn.execute("PRAGMA cache_size=-16000")  # 16 MB of pages at most
            rows = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer index at {path} is unreadable ({exc})") from exc
        if rows.get("complete") != "1":
            raise GazetteerError(f"gazetteer index at {path} is incomplete")
        self.meta: dict[str, str] = rows
        self._lookup = lru_cache(maxsize=cache_size)(self._query)
        try:
            country_rows = self._conn.execute(f"SELECT {_COLUMNS}, 1 FROM place p WHERE p.kind = 'country'").fetchall()
        except sqlite3.DatabaseError as exc:  # an index written by another version of the builder
            raise GazetteerError(f"gazetteer index at {path} is from another build ({exc})") from exc
        self._countries = {row[6]: _entry(row) for row in country_rows if row[6]}

    def lookup(self, text: str) -> tuple[Entry, ...]:
        """Every entry called ``text`` (by name or alias), most populous first."""
        key = name_key(text)
        return self._lookup(key) if key else ()

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        return self._lookup(key) if key else ()

    def demonym(self, text: str) -> Entry | None:
        """The country whose people ``text`` names ("Israeli", "Sri Lankans"), if any.

        Demonyms are kept apart from names: a spotter never takes "Russian forces"
        for a place, but a resolver asked what a given "Israeli" refers to can answer.
        """
        key = name_key(text)
        if not key:
            return None
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_COLUMNS}, 0 FROM demonym d JOIN place p ON p.id = d.place WHERE d.key = ?", (key,)
            ).fetchone()
        return _entry(row) if row else None

    def country(self, iso: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        return self._countries.get(iso)

    def get(self, place_id: str) -> Entry | None:
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS}, 1 FROM place p WHERE p.place_id = ?", (place_id,)).fetchone()
        return _entry(row) if row else None

    def largest(self, kind: str, south: float, west: float, north: float, east: float, limit: int) -> list[Entry]:
        """The most populous places of a kind (``city``, ``admin1``…) whose point lies inside a box of latitudes
        and longitudes (for a map's labels)."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS}, 1 FROM place p WHERE p.kind = ? AND p.lat BETWEEN ? AND ? "
                "AND p.lon BETWEEN ? AND ? ORDER BY p.population DESC LIMIT ?",
                (kind, south, north, west, east, limit),
            ).fetchall()
        return [_entry(row) for row in rows]

    def close(self) -> None:
        self._conn.close()

    def _query(self, key: str) -> tuple[Entry, ...]:
        try:
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT {_COLUMNS}, n.is_name FROM name n JOIN place p ON p.id = n.place "
                    "WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
                    (key, MAX_CANDIDATES),
                ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer index at {self.path} is unreadable ({exc})") from exc
        return tuple(_entry(row) for row in rows)


def _entry(row: tuple[object, ...]) -> Entry:
    """An entry from a row of ``_COLUMNS`` plus the is-name flag."""
    *fields, is_name = row
    make: Any = Entry
    entry: Entry = make(*fields, by_name=bool(is_name))
    return entry
