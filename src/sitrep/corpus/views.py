"""Cross-article views: control claims over time, conflicting claims, outlets' and actors' profiles
(timelines: :mod:`sitrep.corpus.timelines`).

The query layer every interface shares: the store selects the matching records
in SQL (:class:`~sitrep.corpus.records.Filter`), and these functions group them
into typed view models whose ``to_json()`` is the one JSON shape of each view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from sqlalchemy import func, select

from sitrep.corpus.cache import GenerationCache
from sitrep.corpus.groups import ClaimGroup, claim_groups, records_at
from sitrep.corpus.records import (
    Filter,
    Record,
    events_by_time,
    records_by_time,
    time_key,
)
from sitrep.export.rows import record_dict
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.keys import FAR_FUTURE, lookup_key, place_key

# --- territorial control ------------------------------------------------------------------------------------


def incompatible(a: Record, b: Record) -> bool:
    """Claims that cannot both be true: different controllers, or one side both holding and withdrawn."""
    return contradict(a.side, a.status, b.side, b.status)


def contradict(side_a: str | None, status_a: str | None, side_b: str | None, status_b: str | None) -> bool:
    """Two (side, status) claims that cannot both be true about one place at one time."""
    ca, cb = controls(side_a, status_a), controls(side_b, status_b)
    if ca and cb and ca != cb:
        return True
    pair = {(status_a, side_a), (status_b, side_b)}
    return any(("holds", side) in pair and ("withdrawn", side) in pair for side in {side_a, side_b})


SHOWN_CLAIMS = 100  # positions listed per period; a period's other positions are counted, not loaded


def controls(side: str | None, status: str | None) -> str | None:
    """The side a (side, status) claim says controls the place, if it says one does."""
    return side if status in ("holds", "captured", "retaken", "encircled") else None


@dataclass
class Period:
    """The claims about one place for one interval, and the status they add up to.

    ``groups`` are all of the period's claims, grouped by position (:class:`ClaimGroup`); ``claims`` are
    the first claim of each of the first :data:`SHOWN_CLAIMS` positions, in time order, each with
    :meth:`reports_behind` it.
    """

    earliest: str | None
    latest: str | None
    groups: list[ClaimGroup]
    claims: list[Record] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(g.reports for g in self.groups)

    def reports_behind(self, claim: Record) -> int:
        """How many claims the shown ``claim`` stands for (itself and its reprints)."""
        return self._reports.get((claim.doc_id, claim.idx), 1)

    @cached_property
    def _reports(self) -> dict[tuple[int, int], int]:
        return {g.first: g.reports for g in self.groups}

    @property
    def derived(self) -> str:
        statuses = {(g.status, g.side) for g in self.groups}
        sides_in_control = {side for g in self.groups if (side := controls(g.side, g.status))}
        advancing = {g.side for g in self.groups if g.status == "advancing" and g.side}
        if len(sides_in_control) > 1 or (advancing - sides_in_control and sides_in_control):
            return "contested"
        if any(status == "contested" for status, _ in statuses):
            return "contested"
        if len(sides_in_control) == 1:
            side = next(iter(sides_in_control))
            last = [g.status for g in self.groups if g.side == side][-1]
            return f"{last} by {side}" if last in ("captured", "retaken") else f"held by {side}"
        if advancing:
            return f"{', '.join(sorted(advancing))} advancing"
        return "unclear"

    def to_json(self) -> dict[str, Any]:
        sources = {(g.claimant.source or "", g.outlet if g.claimant.source is None else "") for g in self.groups}
        return {
            "earliest": self.earliest,
            "latest": self.latest,
            "derived": self.derived,
            "claims": [{**record_dict(c), "reports": self.reports_behind(c)} for c in self.claims],
            "total_claims": self.total,
            "corroboration": {
                "outlets": len({g.outlet for g in self.groups}),
                "stories": sum(g.stories for g in self.groups),
                "sources": len(sources),
            },
        }


PLACE_CLAIMS = GenerationCache("place claims", entries=64)
CLAIM_GROUPS = GenerationCache("claim groups", entries=64)


def _asserted_groups(
    store: Store, place: str | None, start: str | None = None, end: str | None = None
) -> list[ClaimGroup]:
    """The asserted claims about a place grouped by position, kept per store generation: a place's claim
    periods and its conflicting claims are both made from them (a busy place's grouping costs seconds)."""
    where = Filter(place=place, asserted_only=True, start=start, end=end)
    key = ("groups", place_key(place) if place else None, start, end)  # "Bakhmut" and "bakhmut" are one place
    return list(CLAIM_GROUPS.get(store, key, lambda: claim_groups(store, where)))


def place_claims(store: Store, place: str, start: str | None = None, end: str | None = None) -> list[Period]:
    """:func:`_place_claims`, kept until the store changes (:mod:`sitrep.corpus.cache`)."""
    return list(PLACE_CLAIMS.get(store, ("claims", place, start, end), lambda: _place_claims(store, place, start, end)))


def _place_claims(store: Store, place: str, start: str | None = None, end: str | None = None) -> list[Period]:
    """Asserted control claims about a place over time (touching ``start``..``end`` when given), grouped
    into periods of overlapping claims with a derived status.

    Only claims stated as fact count ("If Bakhmut fell ..." claims nothing). The periods are built from
    claims grouped in SQL by position and interval (:func:`~sitrep.corpus.groups.claim_groups`), and only
    the claims shown are read in full: the cost follows the positions about a place, not its reprints.
    Undated claims make one last period.
    """
    groups = _asserted_groups(store, place, start, end)
    periods: list[Period] = []
    undated = [g for g in groups if g.earliest is None]
    reach = ""  # the latest moment any claim of the last period reaches
    for group in (g for g in groups if g.earliest is not None):
        earliest = group.earliest or ""
        # In time order, a claim overlaps some claim of the last period exactly when it starts before the
        # period's furthest end: one comparison instead of one per claim of the period.
        if periods and reach and earliest <= reach:
            period = periods[-1]
            period.groups.append(group)
            period.latest = max(period.latest or "", group.latest or "") or None
        else:
            periods.append(Period(group.earliest, group.latest, [group]))
            reach = ""
        reach = max(reach, group.latest or FAR_FUTURE)
    if undated:
        periods.append(Period(None, None, undated))
    shown = [g.first for period in periods for g in period.groups[:SHOWN_CLAIMS]]
    loaded = records_at(store, "control", shown)
    for period in periods:
        period.claims = [loaded[g.first] for g in period.groups[:SHOWN_CLAIMS] if g.first in loaded]
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


def _group_position(g: ClaimGroup) -> Position:
    """:func:`position` of every claim of a group."""
    return g.place_id, g.side, g.status, g.claimant.label, g.outlet


def conflicting(store: Store, place: str | None = None) -> list[ConflictPair]:
    """:func:`_conflicting`, kept until the store changes (:mod:`sitrep.corpus.cache`)."""
    return list(PLACE_CLAIMS.get(store, ("conflicting", place), lambda: _conflicting(store, place)))


def _conflicting(store: Store, place: str | None = None) -> list[ConflictPair]:
    """Positions that cannot both be true: for two claimants (or outlets) whose asserted claims about the
    same place contradict each other at overlapping times, one pair of their claims that does (the
    earliest-starting such pair, each the first stored of its kind); pairs in store order of their
    first claim.

    A claim repeated by 500 reprints is one position, not 500 rows to pair: the claims are grouped by
    position and interval in SQL (:func:`~sitrep.corpus.groups.claim_groups`), the sweep runs over the
    groups, and only the claims of the pairs found are read in full.
    """
    by_position: dict[Position, list[ClaimGroup]] = {}
    for g in _asserted_groups(store, place):
        if g.place_id is not None and g.earliest is not None:
            by_position.setdefault(_group_position(g), []).append(g)
    by_place: dict[str | None, list[tuple[Position, list[ClaimGroup]]]] = {}
    for position_key, groups in by_position.items():
        groups.sort(key=_by_start)
        by_place.setdefault(position_key[0], []).append((position_key, groups))
    found: list[tuple[ClaimGroup, ClaimGroup]] = []
    for positions in by_place.values():
        for i, ((_, side_a, status_a, *voice_a), first) in enumerate(positions):
            for (_, side_b, status_b, *voice_b), second in positions[i + 1 :]:
                if voice_a == voice_b or not contradict(side_a, status_a, side_b, status_b):
                    continue  # one claimant through one outlet, or claims that can both be true
                pair = _overlapping(first, second)
                if pair is not None:
                    found.append(pair)
    loaded = records_at(store, "control", sorted({g.first for pair in found for g in pair}))
    pairs = [
        ConflictPair(*sorted((loaded[x.first], loaded[y.first]), key=lambda r: (r.doc_id, r.idx)))
        for x, y in found
        if x.first in loaded and y.first in loaded
    ]
    return sorted(pairs, key=lambda p: (p.first.doc_id, p.first.idx, p.second.doc_id, p.second.idx))


def _by_start(g: ClaimGroup) -> tuple[str, int, int]:
    return (g.earliest or FAR_FUTURE, *g.first)


def _overlapping(first: list[ClaimGroup], second: list[ClaimGroup]) -> tuple[ClaimGroup, ClaimGroup] | None:
    """A group of ``first`` and one of ``second`` whose intervals overlap, by one sweep over start times
    (both lists sorted by start): the earliest-starting such pair, or None."""
    reach: list[ClaimGroup | None] = [None, None]  # per list: the group started so far that ends latest
    merged = sorted([(g, 0) for g in first] + [(g, 1) for g in second], key=lambda item: _by_start(item[0]))
    for group, side in merged:
        other = reach[1 - side]
        if other is not None and (other.latest or FAR_FUTURE) >= (group.earliest or ""):
            return other, group
        mine = reach[side]
        if mine is None or (group.latest or FAR_FUTURE) > (mine.latest or FAR_FUTURE):
            reach[side] = group
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

    def __len__(self) -> int:  # its size, as the view cache weighs values
        return len(self.events)

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "documents": self.documents,
            "cue_stances": self.stances,
            "most_quoted": [{"source": source, "attributions": n} for source, n in self.quoted],
            "events": [record_dict(r) for r in self.events],
        }


QUOTED_TOP = 15
PROFILE_EVENTS = 200  # records of each kind on an actor's or an outlet's page: the latest


PROFILES = GenerationCache("profiles", entries=64)


def outlet_profile(store: Store, outlet: str) -> OutletProfile:
    """:func:`_outlet_profile`, kept until the store changes (:mod:`sitrep.corpus.cache`)."""
    return PROFILES.get(store, ("outlet", outlet), lambda: _outlet_profile(store, outlet))


def _outlet_profile(store: Store, outlet: str) -> OutletProfile:
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
    found = events_by_time(store, Filter(outlet=outlet), None, PROFILE_EVENTS, newest_first=True)
    return OutletProfile(outlet, int(documents), stances, quoted, sorted(found, key=time_key))  # the latest


@dataclass
class ActorProfile:
    """What an actor did (events it takes part in) and what it claims (records it is the source of)."""

    actor: str
    did: list[Record]
    claims: list[Record]

    def __len__(self) -> int:  # its size, as the view cache weighs values
        return len(self.did) + len(self.claims)

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "did": [record_dict(r) for r in self.did],
            "claims": [record_dict(r) for r in self.claims],
        }


def actor_profile(store: Store, actor: str) -> ActorProfile:
    """:func:`_actor_profile`, kept until the store changes (:mod:`sitrep.corpus.cache`). Names are looked up
    folded, so "Russia" and "russia" share one computation; the profile carries the name as asked for."""
    found = PROFILES.get(store, ("actor", lookup_key(actor)), lambda: _actor_profile(store, lookup_key(actor)))
    return ActorProfile(actor, found.did, found.claims)


def _actor_profile(store: Store, actor: str) -> ActorProfile:
    """Events and control claims naming ``actor`` (an actor, a side), split into deeds and claims, in time
    order: the latest :data:`PROFILE_EVENTS` of each kind (a side of a war is in most of the store)."""
    where = Filter(actor=actor)
    found = [
        *records_by_time(store, "event", where, None, PROFILE_EVENTS, newest_first=True),
        *records_by_time(store, "control", where, None, PROFILE_EVENTS, newest_first=True),
    ]
    found.sort(key=time_key)
    key = actor.casefold()

    def claimed(r: Record) -> bool:
        return any(key in (name or "").casefold() for name in (r.claimant.actor, r.claimant.source))

    return ActorProfile(actor, [r for r in found if not claimed(r)], [r for r in found if claimed(r)])
