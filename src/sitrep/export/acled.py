"""ACLED-compatible CSV, so sitrep's events sit next to ACLED exports in the same tools.

Column meanings follow the ACLED codebook. Choices sitrep makes:
- ``event_date`` is the earliest day of the event's interval;
- ``time_precision``: 1 when the interval is one day, 2 when it is at most a week, 3 otherwise;
- ``geo_precision``: 1 for a town or point, 2 for a second-level region, 3 for a first-level region,
  informal region or country;
- ``source`` is the outlet, and the claimant when it is not the outlet ("Outlet; General Staff ...");
- ``notes`` is the evidence sentence(s) as printed;
- only events (not control claims) with asserted modality are exported: hypothetical, planned and denied
  events are not events in ACLED's sense;
- sitrep's extension types (disasters, diplomacy, organised crime, claims of responsibility;
  ``data/extension_event_types.tsv``) are left out: ACLED's codebook does not code them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from sitrep.corpus.records import Record
from sitrep.events.taxonomy import is_acled
from sitrep.export.rows import flat_dict
from sitrep.gazetteer.countries import country_name

COLUMNS = [
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
]
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


def time_precision(earliest: str | None, latest: str | None) -> int:
    if earliest is None or latest is None:
        return 3
    days = (date.fromisoformat(latest[:10]) - date.fromisoformat(earliest[:10])).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def row(record: Record) -> dict[str, object]:
    flat = flat_dict(record)
    place = record.place
    source = record.outlet if record.claimant.source is None else f"{record.outlet}; {record.claimant.source}"
    return {
        "event_date": (record.earliest or "")[:10],
        "time_precision": time_precision(record.earliest, record.latest),
        "event_type": record.type,
        "sub_event_type": record.sub_type,
        "actor1": flat["actor1"],
        "actor2": flat["actor2"],
        "country": (country_name(place.country) or place.country) if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": _GEO_PRECISION.get(place.precision or "", 3) if place else None,
        "source": source,
        "notes": " ".join(record.evidence.split()),
    }


def write(records: Iterable[Record], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        if record.kind == "event" and record.modality == "asserted" and is_acled(record.sub_type or ""):
            writer.writerow(row(record))
            count += 1
    return count
