"""The gazetteer's unit of data, shared by the sources, the builder and the reader."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeGuard

from sitrep.tables import read_table_file

PlaceKind = Literal["country", "admin1", "admin2", "city", "region"]
KINDS: tuple[PlaceKind, ...] = ("country", "admin1", "admin2", "city", "region")


@dataclass(frozen=True)
class PlaceRecord:
    """One gazetteer entry with every name it may be called by.

    ``place_id`` is the stable id (``geonames:703448``, ``informal:donbas``);
    ``admin1`` is the *name* of the first-level region the entry lies in (its own
    name for a first-level region); ``capital_of`` is the ISO alpha-2 code of the
    country whose national capital this is, which is what lets "Moscow says"
    stand for a government.
    """

    place_id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    population: int = 0
    geonameid: int | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    capital_of: str | None = None
    status: str | None = None
    demonyms: tuple[str, ...] = ()  # what its people are called ("Israeli"): never a name of the place


FIXTURE_COLUMNS = (
    "place_id",
    "name",
    "kind",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin1_code",
    "admin2",
    "population",
    "aliases",
    "capital_of",
    "status",
)  # optional further column: demonyms (``|``-separated)


def _is_kind(value: str) -> TypeGuard[PlaceKind]:
    return value in KINDS


def read_tsv_records(path: Path) -> Iterator[PlaceRecord]:
    """Records from a TSV with :data:`FIXTURE_COLUMNS` (aliases ``|``-separated).

    Used for small hand-made gazetteers (tests, a user's own additions).
    """
    for row in read_table_file(path):
        place_id = row["place_id"]
        kind = row["kind"]
        if not _is_kind(kind):
            raise ValueError(f"{path}: {place_id}: unknown kind {kind!r}")
        geonameid = int(place_id.split(":", 1)[1]) if place_id.startswith("geonames:") else None
        yield PlaceRecord(
            place_id=place_id,
            name=row["name"],
            kind=kind,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row.get("country") or None,
            admin1=row.get("admin1") or None,
            admin1_code=row.get("admin1_code") or None,
            admin2=row.get("admin2") or None,
            population=int(row.get("population") or 0),
            geonameid=geonameid,
            aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
            capital_of=row.get("capital_of") or None,
            status=row.get("status") or None,
            demonyms=tuple(a for a in (row.get("demonyms") or "").split("|") if a),
        )
