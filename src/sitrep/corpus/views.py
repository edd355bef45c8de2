"""Cross-article views: per-place/actor timelines, control claims over time, conflicting claims.

The query layer every interface shares: the store selects the matching records
in SQL (:class:`~sitrep.corpus.records.Filter`), and these functions group them
into typed view models whose ``to_json()`` is the one JSON shape of each view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import func, select

from sitrep.corpus.records import FAR_FUTURE, Filter, Record, control_claims, events, events_by_time, time_key
from sitrep.export.rows import record_dict
from sitrep.store import Store
from sitrep.store import schema as s


def overlaps(a: Record, b: Record) -> bool:
    """Two records whose intervals share at least one moment (undated overlaps nothing)."""
    if a.earliest is None or b.earliest is None:
        return False
    return a.earliest <= (b.latest or FAR_FUTURE) and b.earliest <= (a.latest or FAR_FUTURE)


@dataclass
class Report:
    """One report of a happening: a record and its reprints (the same story, the same claimant)."""

    record: Record
    reprints: list[Record] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({r.outlet for r in [self.record, *self.reprints]})

    def to_json(self) -> dict[str, Any]:
        return {**record_dict(self.record), "reported_by": self.outlets}


def reports(records: list[Record]) -> list[Report]:
    """Records grouped into reports: a wire story reprinted by forty outlets is one report, not forty
    (the same story, the same claimant, the same claim)."""
    grouped: dict[tuple[int, str, str], Report] = {}
    for record in records:
        key = (record.story, record.claimant.label, record.what)
        if key in grouped:
            grouped[key].reprints.append(record)
        else:
            grouped[key] = Report(record)
    return list(grouped.values())


def corroboration(records: list[Record]) -> dict[str, int]:
    """How independent the records are: outlets, stories (reprints counted once), and original
    sources (each quoted source once, and each story's own voice once)."""
    sources = {(r.claimant.source or "", r.story if r.claimant.source is None else 0) for r in records}
    return {
        "outlets": len({r.outlet for r in records}),
        "stories": len({r.story for r in records}),
        "sources": len(sources),
    }


@dataclass
class TimelineEntry:
    """One happening, with every report of it (duplicates across articles grouped)."""

    records: list[Record] = field(default_factory=list)

    @property
    def first(self) -> Record:
        return self.records[0]

    @property
    def reports(self) -> list[Report]:
        return reports(self.records)

    def same_happening(self, other: Record) -> bool:
        r = self.first
        return (r.kind, r.what, r.place.place_id if r.place else None) == (
            other.kind,
            other.what,
            other.place.place_id if other.place else None,
        ) and (overlaps(r, other) or r.earliest == other.earliest)

    def to_json(self) -> dict[str, Any]:
        return {
            "reports": [report.to_json() for report in self.reports],
            "corroboration": corroboration(self.records),
        }


def _happening_key(r: Record) -> tuple[str, str, str | None]:
    return r.kind, r.what, r.place.place_id if r.place else None


def timeline(store: Store, query: str, start: str | None = None, end: str | None = None) -> list[TimelineEntry]:
    """Events and control claims about a place (or inside a region) or an actor, ordered by time."""
    where = Filter(place=query, actor=query, start=start, end=end)
    records = [*events(store, where), *control_claims(store, where)]
    records.sort(key=lambda r: (r.earliest or FAR_FUTURE, r.latest or FAR_FUTURE, r.doc_id, r.idx))
    entries: list[TimelineEntry] = []
    candidates: dict[tuple[str, str, str | None], list[TimelineEntry]] = {}  # only these can be the same happening
    for record in records:
        same_kind = candidates.setdefault(_happening_key(record), [])
        entry = next((e for e in same_kind if e.same_happening(record)), None)
        if entry is None:
            entry = TimelineEntry([])
            entries.append(entry)
            same_kind.append(entry)
        entry.records.append(record)
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

    def to_json(self) -> dict[str, Any]:
        return {
            "earliest": self.earliest,
            "latest": self.latest,
            "derived": self.derived,
            "claims": [report.to_json() for report in reports(self.claims)],
            "corroboration": corroboration(self.claims),
        }


def place_claims(store: Store, place: str) -> list[Period]:
    """Asserted control claims about a place over time, grouped into periods with a derived status.

    Only claims stated as fact count ("If Bakhmut fell ..." claims nothing).
    """
    claims = sorted(
        control_claims(store, Filter(place=place, asserted_only=True)),
        key=lambda c: (c.earliest or FAR_FUTURE, c.latest or FAR_FUTURE, c.doc_id, c.idx),
    )
    periods: list[Period] = []
    reach = ""  # the latest moment any claim of the last period reaches ("" when it is undated)
    for claim in claims:
        # Sorted by start, a claim overlaps some claim of the last period exactly when it starts before
        # the period's furthest end: one comparison instead of one per claim of the period.
        if periods and claim.earliest is not None and reach and claim.earliest <= reach:
            period = periods[-1]
            period.claims.append(claim)
            period.latest = max(period.latest or "", claim.latest or "") or None
        else:
            periods.append(Period(claim.earliest, claim.latest, [claim]))
            reach = ""
        if claim.earliest is not None:
            reach = max(reach, claim.latest or FAR_FUTURE)
    return periods


class ConflictPair(NamedTuple):
    """Two claims about one place, overlapping in time, that cannot both be true."""

    first: Record
    second: Record

    def to_json(self) -> list[dict[str, Any]]:
        return [record_dict(self.first), record_dict(self.second)]


Position = tuple[str | None, str | None, str | None, str, str]  # place id, side, status, claimant, outlet


def position(record: Record) -> Position:
    """What one claimant, through one outlet, says about one place: a report of it is one more copy."""
    place_id = record.place.place_id if record.place else None
    return place_id, record.side, record.status, record.claimant.label, record.outlet


def conflicting(store: Store, place: str | None = None) -> list[ConflictPair]:
    """Positions that cannot both be true: for two claimants (or outlets) whose asserted claims about the
    same place contradict each other at overlapping times, one pair of their claims that does; pairs in
    store order of their first claim.

    A claim repeated by 500 reprints is one position, not 500 rows to pair: the work grows with the
    number of positions about a place (claimants × outlets × statuses) and linearly with its claims,
    never with the square of the reports.
    """
    by_position: dict[Position, list[Record]] = {}
    for r in control_claims(store, Filter(place=place, asserted_only=True)):
        if r.place is not None and r.earliest is not None:
            by_position.setdefault(position(r), []).append(r)
    by_place: dict[str | None, list[list[Record]]] = {}
    for key, claims in by_position.items():
        claims.sort(key=_by_start)
        by_place.setdefault(key[0], []).append(claims)
    pairs = []
    for positions in by_place.values():
        for i, first in enumerate(positions):
            for second in positions[i + 1 :]:
                a, b = first[0], second[0]
                if not incompatible(a, b) or (a.claimant.label == b.claimant.label and a.outlet == b.outlet):
                    continue
                found = _overlapping(first, second)
                if found is not None:
                    pairs.append(ConflictPair(*sorted(found, key=lambda r: (r.doc_id, r.idx))))
    return sorted(pairs, key=lambda p: (p.first.doc_id, p.first.idx, p.second.doc_id, p.second.idx))


def _by_start(r: Record) -> tuple[str, int, int]:
    return r.earliest or FAR_FUTURE, r.doc_id, r.idx


def _overlapping(first: list[Record], second: list[Record]) -> tuple[Record, Record] | None:
    """A claim of ``first`` and one of ``second`` whose intervals overlap, by one sweep over start times
    (both lists sorted by start): the earliest-starting such pair, or None."""
    reach: list[Record | None] = [None, None]  # per list: the claim started so far that ends latest
    merged = sorted([(r, 0) for r in first] + [(r, 1) for r in second], key=lambda item: _by_start(item[0]))
    for record, side in merged:
        other = reach[1 - side]
        if other is not None and (other.latest or FAR_FUTURE) >= (record.earliest or ""):
            return other, record
        mine = reach[side]
        if mine is None or (record.latest or FAR_FUTURE) > (mine.latest or FAR_FUTURE):
            reach[side] = record
    return None


@dataclass(frozen=True)
class OutletSummary:
    outlet: str
    documents: int

    def to_json(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "documents": self.documents}


def outlets(store: Store) -> list[OutletSummary]:
    """Every outlet in the store with its number of documents, most first."""
    d = s.documents.c
    query = (
        select(d.outlet, func.count().label("n"))
        .where(d.outlet.is_not(None))
        .group_by(d.outlet)
        .order_by(func.count().desc(), d.outlet)
    )
    with store.engine.connect() as conn:
        return [OutletSummary(row.outlet, row.n) for row in conn.execute(query)]


@dataclass
class OutletProfile:
    """What an outlet reports and how: its events over time, the stance of the cues it uses, whom it quotes."""

    outlet: str
    documents: int
    stances: dict[str, int]
    quoted: list[tuple[str, int]]
    events: list[Record]

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "documents": self.documents,
            "cue_stances": self.stances,
            "most_quoted": [{"source": source, "attributions": n} for source, n in self.quoted],
            "events": [record_dict(r) for r in self.events],
        }


QUOTED_TOP = 15
PROFILE_EVENTS = 500


def outlet_profile(store: Store, outlet: str) -> OutletProfile:
    """The profile of one outlet (an empty one when the store has none of its articles)."""
    a, d = s.attributions.c, s.documents.c
    source = func.coalesce(a.source_resolved, a.source_actor, a.source_text)
    of_outlet = s.attributions.join(s.documents, d.id == a.doc_id)
    with store.engine.connect() as conn:
        documents = conn.scalar(select(func.count()).select_from(s.documents).where(d.outlet == outlet)) or 0
        stances = {
            row.stance or "unknown": row.n
            for row in conn.execute(
                select(a.stance, func.count().label("n"))
                .select_from(of_outlet)
                .where(d.outlet == outlet)
                .group_by(a.stance)
            )
        }
        quoted = [
            (row.source, row.n)
            for row in conn.execute(
                select(source.label("source"), func.count().label("n"))
                .select_from(of_outlet)
                .where(d.outlet == outlet, source.is_not(None))
                .group_by(source)
                .order_by(func.count().desc(), source)
                .limit(QUOTED_TOP)
            )
        ]
    found = events_by_time(store, Filter(outlet=outlet), None, PROFILE_EVENTS)
    return OutletProfile(outlet, int(documents), stances, quoted, found)


@dataclass
class ActorProfile:
    """What an actor did (events it takes part in) and what it claims (records it is the source of)."""

    actor: str
    did: list[Record]
    claims: list[Record]

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "did": [record_dict(r) for r in self.did],
            "claims": [record_dict(r) for r in self.claims],
        }


def actor_profile(store: Store, actor: str) -> ActorProfile:
    """Events and control claims naming ``actor`` (an actor, a side), split into deeds and claims, by time."""
    where = Filter(actor=actor)
    found = [*events_by_time(store, where, None, PROFILE_EVENTS), *control_claims(store, where)]
    found.sort(key=time_key)
    key = actor.casefold()

    def claimed(r: Record) -> bool:
        return any(key in (name or "").casefold() for name in (r.claimant.actor, r.claimant.source))

    return ActorProfile(actor, [r for r in found if not claimed(r)], [r for r in found if claimed(r)])
