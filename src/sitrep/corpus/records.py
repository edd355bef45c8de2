"""Events and control claims across the store, joined with their place, claimant and outlet.

Timelines, claim views and every export read these records, so the join
(event → place, event → attribution → source, document → outlet) is written
once, here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlparse

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select, tuple_

from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.keys import FAR_FUTURE, lookup_key, place_key


@dataclass(frozen=True)
class PlaceRef:
    name: str
    place_id: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    precision: str | None


@dataclass(frozen=True)
class Claimant:
    """Who says so: the attribution's source and cue, or the outlet itself (``source`` None)."""

    source: str | None
    actor: str | None
    cue: str | None
    stance: str | None
    content: str | None

    @property
    def label(self) -> str:
        if self.source is None:
            return "the outlet"
        return f"{self.actor or self.source} ({self.cue}, {self.stance})" if self.cue else self.source


@dataclass(frozen=True)
class Record:
    """One event or control claim as stored, with everything needed to show or export it."""

    kind: str  # "event" or "control"
    doc_id: int
    idx: int
    uri: str
    outlet: str
    title: str | None
    earliest: str | None
    latest: str | None
    granularity: str | None
    place: PlaceRef | None
    claimant: Claimant
    evidence: str
    evidence_start: int
    evidence_end: int
    modality: str
    confidence: float
    # events
    type: str | None = None
    sub_type: str | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    # control claims
    side: str | None = None
    status: str | None = None
    story_id: int | None = None  # the story (near-duplicate cluster) of its document

    @property
    def story(self) -> int:
        """The story it belongs to; a document never clustered is a story of its own."""
        return self.story_id if self.story_id is not None else -self.doc_id

    @property
    def what(self) -> str:
        return what_of(self.kind, *((self.type, self.sub_type) if self.kind == "event" else (self.side, self.status)))

    @property
    def when_text(self) -> str:
        if self.earliest is None:
            return "undated"
        return self.earliest if self.earliest == self.latest else f"{self.earliest} … {self.latest}"


def what_of(kind: str, first: str | None, second: str | None) -> str:
    """What a record says happened: an event's "type / sub-type", a control claim's "side status"."""
    return f"{first} / {second}" if kind == "event" else f"{first} {second}"


def outlet_of(outlet: str | None, uri: str) -> str:
    """The outlet's name, else the host of its URL, else the file name."""
    if outlet:
        return outlet
    parsed = urlparse(uri)
    return parsed.netloc or uri.rsplit("/", 1)[-1]


PLACE, CLAIMANT = s.places.alias("p"), s.attributions.alias("a")  # an item's place and who claims it


def joined_select(table: Any, place_col: Any, claimant_col: Any) -> Select[Any]:
    d, p, a = s.documents, PLACE, CLAIMANT
    return (
        select(
            table,
            d.c.uri,
            d.c.outlet,
            d.c.title,
            d.c.story_id,
            func.substr(d.c.body, table.c.evidence_start + 1, table.c.evidence_end - table.c.evidence_start).label(
                "evidence"
            ),
            p.c.name.label("place_name"),
            p.c.text.label("place_text"),
            p.c.place_id,
            p.c.lat,
            p.c.lon,
            p.c.country,
            p.c.admin1,
            p.c.precision,
            a.c.source_text,
            a.c.source_actor,
            a.c.source_resolved,
            a.c.cue_lemma,
            a.c.stance,
            a.c.content_text,
        )
        .join(d, d.c.id == table.c.doc_id)
        .outerjoin(p, and_(p.c.doc_id == table.c.doc_id, p.c.idx == place_col))
        .outerjoin(a, and_(a.c.doc_id == table.c.doc_id, a.c.idx == claimant_col))
    )


def _record(kind: str, row: Any) -> Record:
    place = None
    if row.place_name is not None or row.place_text is not None:
        place = PlaceRef(
            row.place_name or row.place_text, row.place_id, row.lat, row.lon, row.country, row.admin1, row.precision
        )
    source = row.source_resolved or row.source_text
    claimant = Claimant(source, row.source_actor, row.cue_lemma, row.stance, row.content_text)
    common = dict(
        kind=kind,
        doc_id=row.doc_id,
        idx=row.idx,
        uri=row.uri,
        outlet=outlet_of(row.outlet, row.uri),
        title=row.title,
        earliest=row.earliest,
        latest=row.latest,
        granularity=row.granularity,
        place=place,
        claimant=claimant,
        evidence=row.evidence or "",
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        modality=row.modality,
        confidence=row.confidence or 0.0,
        story_id=row.story_id,
    )
    if kind == "event":
        return Record(**common, type=row.type, sub_type=row.sub_type, actors=json.loads(row.actors or "[]"))
    return Record(**common, side=row.side, status=row.status)


@dataclass(frozen=True)
class Filter:
    """Which records a view wants; every condition is SQL, so only matching rows are read.

    ``place``: the place itself (by name, surface text or id) or any place inside the
    region named (its first-level region, with or without "Oblast"). ``actor``: an
    actor, side or claimant (exact, or a part of a name for queries over 3 characters).
    ``start``/``end``: records whose interval touches the range (undated ones are left out).
    ``type``/``sub_type`` select events only (control claims have neither).
    """

    place: str | None = None
    actor: str | None = None
    start: str | None = None
    end: str | None = None
    asserted_only: bool = False
    type: str | None = None  # events: ACLED event type ...
    sub_type: str | None = None  # ... and sub-event type
    modality: str | None = None
    asserted_by: Literal["outlet", "source"] | None = None  # the outlet itself, or a source it quotes
    outlet: str | None = None  # the outlet that published the article
    except_place: str | None = None  # records not found by this place (a timeline's actor part: none counted twice)


_AT = s.record_places.alias("rp")  # the place key a record is found by, with its interval


def place_condition(query: str, places: Any = PLACE) -> ColumnElement[bool]:
    """Rows of ``places`` that are the place ``query`` names, or inside that region."""
    q, p = lookup_key(query), places
    regions = {q, f"{q} oblast"} | ({q.removesuffix(" oblast")} if q.endswith(" oblast") else set())
    return or_(p.c.name_key == q, p.c.text_key == q, p.c.place_id == q, p.c.admin1_key.in_(sorted(regions)))


def _at_place(table: Any, record: str, query: str) -> ColumnElement[bool]:
    """The record's place key (``record_places``) is the one ``query`` folds to: the join that lets a place's
    records be read in time order from one index range."""
    a = _AT
    return and_(a.c.doc_id == table.c.doc_id, a.c.record == record, a.c.idx == table.c.idx, a.c.key == place_key(query))


def _place_match(table: Any, record: str, query: str) -> ColumnElement[bool]:
    return exists().where(_at_place(table, record, query))


def _actor_carriers(record: str, query: str) -> Select[Any]:
    """The (doc_id, idx) of the records naming the actor: a key equal to ``query``, or (over 3 characters)
    containing it, looked up among the distinct names (``actor_keys``) before the records that carry them."""
    q, k, names = lookup_key(query), s.record_actors, s.actor_keys
    match = names.c.key == q if len(q) <= 3 else or_(names.c.key == q, names.c.key.contains(q, autoescape=True))
    return select(k.c.doc_id, k.c.idx).where(k.c.record == record, k.c.key.in_(select(names.c.key).where(match)))


def _actor_match(table: Any, record: str, query: str, walk: bool = False) -> ColumnElement[bool]:
    """The record names the actor. Read from the actor's records (their list drives the query), or, with
    ``walk``, tested on each record as they are walked in time order (:data:`ACTOR_WALK`)."""
    carriers = _actor_carriers(record, query)
    if walk:
        k = s.record_actors
        return exists(carriers.where(k.c.doc_id == table.c.doc_id, k.c.idx == table.c.idx))
    return tuple_(table.c.doc_id, table.c.idx).in_(carriers)


# An actor named by more records than this (a side of a war) has its latest records found by walking the
# records in time order and testing each: from its list, every one of them would be read and sorted.
ACTOR_WALK = 10_000


def _common_actor(store: Store, record: str, actor: str) -> bool:
    """Whether more than :data:`ACTOR_WALK` records of this kind name ``actor`` (counted no further)."""
    first = _actor_carriers(record, actor).limit(ACTOR_WALK + 1).subquery()
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(first)) or 0) > ACTOR_WALK


def _range_condition(table: Any, start: str | None, end: str | None) -> ColumnElement[bool]:
    conditions = [table.c.earliest.is_not(None)]
    if start is not None:
        conditions.append(func.coalesce(table.c.latest, FAR_FUTURE) >= start)
    if end is not None:
        conditions.append(table.c.earliest <= end)
    return and_(*conditions)


def _place_driven(where: Filter) -> bool:
    """A place alone (no "or an actor") selects the records: they are read through ``record_places``."""
    return where.place is not None and where.actor is None


Part = Literal["spanning", "from start"] | None


def _range_at(start: str | None, end: str | None, part: Part = None) -> ColumnElement[bool]:
    """:func:`_range_condition` on the ``record_places`` row, where it is read from the index alone.

    With a start date the records are read in two parts (:func:`parts_of`): those that began before the
    start and last past it (``spanning``), and those beginning at or after it (``from start``)."""
    a = _AT
    if part == "spanning":
        assert start is not None
        # One index range: the partial index's own condition, and the time compared through an expression
        # (no index range on it), so the planner reads the multi-day records by their end.
        time = func.coalesce(a.c.time, "")
        conditions = [a.c.until >= start, a.c.until > a.c.time, time < start]
        return and_(*conditions, *([time <= end] if end is not None else []))
    conditions = [a.c.time < FAR_FUTURE]
    if part == "from start":
        conditions.append(a.c.time >= start)
    elif start is not None:
        conditions.append(a.c.until >= start)
    if end is not None:
        conditions.append(a.c.time <= end)
    return and_(*conditions)


def parts_of(where: Filter) -> list[Part]:
    """How a selection is read: whole, or, for a place from a start date, in two index ranges whose
    results follow each other in time order.

    As one range of ``ix_record_places_time``, "from 1 August" must read the place's whole past to find
    the records begun before and lasting past it; those are a range of ``ix_record_places_spans``
    (records lasting past their first moment, by their end), the rest a range from the start."""
    return ["spanning", "from start"] if _place_driven(where) and where.start is not None else [None]


def filtered(
    table: Any, record: str, query: Select[Any], where: Filter, part: Part = None, walk: bool = False
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    ranged = where.start is not None or where.end is not None
    if _place_driven(where):
        assert where.place is not None
        query = query.join(_AT, _at_place(table, record, where.place))
        if ranged:
            conditions.append(_range_at(where.start, where.end, part))
        if where.type is not None and record == "event":
            conditions.append(_AT.c.type == where.type)  # from the index, before the event is read
    else:
        matches = [_actor_match(table, record, where.actor, walk)] if where.actor is not None else []
        if where.place is not None:
            matches.append(_place_match(table, record, where.place))
        if matches:
            conditions.append(or_(*matches))
        if ranged:
            conditions.append(_range_condition(table, where.start, where.end))
    if where.except_place is not None:
        conditions.append(~_place_match(table, record, where.except_place))
    if where.asserted_only:
        conditions.append(table.c.modality == "asserted")
    if where.modality is not None:
        conditions.append(table.c.modality == where.modality)
    for column, value in (("type", where.type), ("sub_type", where.sub_type)):
        if value is not None:
            conditions.append(table.c[column] == value if column in table.c else false())
    if where.outlet is not None:
        conditions.append(s.documents.c.outlet == where.outlet)
    if where.asserted_by is not None:
        claimant = table.c.asserted_by if record == "event" else table.c.claimant
        conditions.append(claimant.is_(None) if where.asserted_by == "outlet" else claimant.is_not(None))
    return query.where(*conditions) if conditions else query


def read_records(store: Store, kind: str, query: Select[Any]) -> Iterator[Record]:
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            yield _record(kind, row)


TimeKey = tuple[str, int, int]  # (earliest or FAR_FUTURE, doc_id, idx): a cursor into records by time


def time_key(record: Record, newest_first: bool = False) -> TimeKey:
    return record.earliest or ("" if newest_first else FAR_FUTURE), record.doc_id, record.idx


def events_by_time(
    store: Store, where: Filter, after: TimeKey | None = None, limit: int = 100, newest_first: bool = False
) -> list[Record]:
    """Events in time order, oldest or newest first (undated last either way), the ``limit`` after the
    cursor ``after`` (a :func:`time_key`)."""
    return records_by_time(store, "event", where, after, limit, newest_first)


# Each kind of record: its table and the column naming who asserts it (an attribution's index).
KIND_TABLES = {"event": (s.events, "asserted_by"), "control": (s.control_claims, "claimant")}


def records_by_time(
    store: Store,
    kind: Literal["event", "control"],
    where: Filter,
    after: TimeKey | None = None,
    limit: int = 100,
    newest_first: bool = False,
) -> list[Record]:
    """Events or control claims in time order: :func:`events_by_time` for either kind."""
    e, claimant = KIND_TABLES[kind]
    walk = where.actor is not None and not _place_driven(where) and _common_actor(store, kind, where.actor)
    joined = joined_select(e, e.c.place_idx, e.c[claimant])
    names = parts_of(where)
    parts = [filtered(e, kind, joined, where, p, walk) for p in names]
    time: ColumnElement[str]
    if _place_driven(where):  # in the order of the place's index: the page costs its rows, not the place's
        time, doc_id, idx = _AT.c.time, _AT.c.doc_id, _AT.c.idx
    else:
        time, doc_id, idx = s.record_time(e), e.c.doc_id, e.c.idx  # read in the order of ix_*_time
    # The spanning part is sorted through an expression: ordered by the time index, it would be read from
    # that index (the sort saved) instead of the narrow range of the multi-day records.
    sort_keys = [func.coalesce(time, "") if p == "spanning" else time for p in names]
    found: list[Record] = []
    if not newest_first:
        for part, key in zip(parts, sort_keys, strict=True):
            if after is not None:
                part = part.where(tuple_(time, doc_id, idx) > tuple_(*after))
            found += read_records(store, kind, part.order_by(key, doc_id, idx).limit(limit - len(found)))
            if len(found) >= limit:
                break
        return found
    # newest first, undated last: the dated records backwards, then the undated ones
    if after is None or after[0] != "":
        for part, key in reversed(list(zip(parts, sort_keys, strict=True))):
            dated = part.where(time < FAR_FUTURE)
            if after is not None:
                dated = dated.where(tuple_(time, doc_id, idx) < tuple_(*after))
            order = (key.desc(), doc_id.desc(), idx.desc())
            found += read_records(store, kind, dated.order_by(*order).limit(limit - len(found)))
            if len(found) >= limit:
                return found
    undated = parts[-1].where(time == FAR_FUTURE)  # (none match a start date)
    if after is not None and after[0] == "":
        undated = undated.where(tuple_(doc_id, idx) < tuple_(after[1], after[2]))
    found += read_records(store, kind, undated.order_by(doc_id.desc(), idx.desc()).limit(limit - len(found)))
    return found


def events(store: Store, where: Filter | None = None) -> Iterator[Record]:
    """Events with their place, claimant and outlet, in store order (document, then position; for a place
    from a start date, the records begun before the start first: :func:`parts_of`)."""
    e = s.events
    query = joined_select(e, e.c.place_idx, e.c.asserted_by).order_by(e.c.doc_id, e.c.idx)
    return _read_parts(store, "event", e, query, where or Filter())


def control_claims(store: Store, where: Filter | None = None) -> Iterator[Record]:
    """Territorial-control claims, joined and ordered like :func:`events`."""
    c = s.control_claims
    query = joined_select(c, c.c.place_idx, c.c.claimant).order_by(c.c.doc_id, c.c.idx)
    return _read_parts(store, "control", c, query, where or Filter())


def _read_parts(store: Store, kind: str, table: Any, query: Select[Any], where: Filter) -> Iterator[Record]:
    for part in parts_of(where):
        yield from read_records(store, kind, filtered(table, kind, query, where, part))


def busiest_places(store: Store, limit: int) -> list[str]:
    """The place names with the most events and control claims, busiest first (places and the regions holding
    them): the views a server is asked for first and that cost the most to compute. A place's id (the other
    key its records carry) is left out: pages and links name places."""
    ids = select(s.places.c.place_id).where(s.places.c.place_id.is_not(None))
    return _busiest(store, s.record_places, limit, s.record_places.c.key.not_in(ids))


def busiest_actors(store: Store, limit: int) -> list[str]:
    """The actor keys (folded names) carried by the most events and control claims, busiest first."""
    return _busiest(store, s.record_actors, limit)


def _busiest(store: Store, table: Any, limit: int, *conditions: ColumnElement[bool]) -> list[str]:
    count = func.count().label("records")
    query = select(table.c.key, count).where(*conditions).group_by(table.c.key)
    query = query.order_by(count.desc(), table.c.key).limit(limit)
    with store.engine.connect() as conn:
        return [row.key for row in conn.execute(query)]
