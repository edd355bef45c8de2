"""Cross-article views: per-place/actor timelines, control claims over time, conflicting claims."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from sitrep.corpus.records import Record, control_claims, events
from sitrep.store import Store

_FAR_FUTURE = "9999-12-31"


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def matches_place(record: Record, query: str) -> bool:
    """The place itself (by name, surface text or id), or any place inside the region asked for."""
    place = record.place
    if place is None:
        return False
    q = _norm(query)
    names = {_norm(place.name), _norm(place.place_id)}
    region = _norm(place.admin1)
    return q in names or (bool(region) and (q == region or f"{q} oblast" == region or q == f"{region} oblast"))


def matches_actor(record: Record, query: str) -> bool:
    q = _norm(query)
    texts = {_norm(x.get(k)) for x in record.actors for k in ("actor", "side", "text")}
    texts |= {_norm(record.side)} | {_norm(record.claimant.actor), _norm(record.claimant.source)}
    return any(q == t or (len(q) > 3 and q in t) for t in texts if t)


def overlaps(a: Record, b: Record) -> bool:
    """Two records whose intervals share at least one moment (undated overlaps nothing)."""
    if a.earliest is None or b.earliest is None:
        return False
    return a.earliest <= (b.latest or _FAR_FUTURE) and b.earliest <= (a.latest or _FAR_FUTURE)


def in_range(record: Record, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    if record.earliest is None:
        return False
    return (start is None or (record.latest or _FAR_FUTURE) >= start) and (end is None or record.earliest <= end)


@dataclass
class TimelineEntry:
    """One happening, with every report of it (duplicates across articles grouped)."""

    records: list[Record] = field(default_factory=list)

    @property
    def first(self) -> Record:
        return self.records[0]

    def same_happening(self, other: Record) -> bool:
        r = self.first
        return (r.kind, r.what, r.place.place_id if r.place else None) == (
            other.kind, other.what, other.place.place_id if other.place else None
        ) and (overlaps(r, other) or r.earliest == other.earliest)


def timeline(store: Store, query: str, start: str | None = None, end: str | None = None) -> list[TimelineEntry]:
    """Events and control claims about a place (or inside a region) or an actor, ordered by time."""
    records = [
        r for r in [*events(store), *control_claims(store)]
        if (matches_place(r, query) or matches_actor(r, query)) and in_range(r, start, end)
    ]
    records.sort(key=lambda r: (r.earliest or _FAR_FUTURE, r.latest or _FAR_FUTURE, r.doc_id, r.idx))
    entries: list[TimelineEntry] = []
    for record in records:
        for entry in entries:
            if entry.same_happening(record):
                entry.records.append(record)
                break
        else:
            entries.append(TimelineEntry([record]))
    return entries


# --- territorial control ------------------------------------------------------------------------------------


def controller(record: Record) -> str | None:
    """The side a control claim says controls the place, if it says one does."""
    if record.status in ("holds", "captured", "retaken", "encircled"):
        return record.side
    return None


def incompatible(a: Record, b: Record) -> bool:
    """Claims that cannot both be true: different controllers, or one side both holding and withdrawn."""
    ca, cb = controller(a), controller(b)
    if ca and cb and ca != cb:
        return True
    pair = {(a.status, a.side), (b.status, b.side)}
    return any(("holds", side) in pair and ("withdrawn", side) in pair for side in {a.side, b.side})


@dataclass
class Period:
    """The claims about one place for one interval, and the status they add up to."""

    earliest: str | None
    latest: str | None
    claims: list[Record]

    @property
    def derived(self) -> str:
        statuses = {(c.status, c.side) for c in self.claims}
        sides_in_control = {side for c in self.claims if (side := controller(c))}
        advancing = {c.side for c in self.claims if c.status == "advancing" and c.side}
        if len(sides_in_control) > 1 or (advancing - sides_in_control and sides_in_control):
            return "contested"
        if any(status == "contested" for status, _ in statuses):
            return "contested"
        if len(sides_in_control) == 1:
            side = next(iter(sides_in_control))
            last = [c.status for c in self.claims if c.side == side][-1]
            return f"{last} by {side}" if last in ("captured", "retaken") else f"held by {side}"
        if advancing:
            return f"{', '.join(sorted(advancing))} advancing"
        return "unclear"


def asserted_claims(store: Store) -> list[Record]:
    """Control claims stated as fact ("If Bakhmut fell ..." claims nothing)."""
    return [c for c in control_claims(store) if c.modality == "asserted"]


def place_claims(store: Store, place: str) -> list[Period]:
    """Asserted control claims about a place over time, grouped into periods with a derived status."""
    claims = sorted(
        (c for c in asserted_claims(store) if matches_place(c, place)),
        key=lambda c: (c.earliest or _FAR_FUTURE, c.latest or _FAR_FUTURE, c.doc_id, c.idx),
    )
    periods: list[Period] = []
    for claim in claims:
        if periods and any(overlaps(claim, other) for other in periods[-1].claims):
            period = periods[-1]
            period.claims.append(claim)
            period.latest = max(period.latest or "", claim.latest or "") or None
        else:
            periods.append(Period(claim.earliest, claim.latest, [claim]))
    return periods


def conflicting(store: Store, place: str | None = None) -> list[tuple[Record, Record]]:
    """Pairs of claims about the same place, overlapping in time, that cannot both be true,
    from different claimants or outlets."""
    claims = [c for c in asserted_claims(store) if place is None or matches_place(c, place)]
    return [
        (a, b) for a, b in _pairs(claims)
        if a.place and b.place and a.place.place_id == b.place.place_id and overlaps(a, b) and incompatible(a, b)
        and (a.claimant.label != b.claimant.label or a.outlet != b.outlet)
    ]


def _pairs(records: Iterable[Record]) -> Iterable[tuple[Record, Record]]:
    return combinations(list(records), 2)
