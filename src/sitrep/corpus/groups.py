"""Records grouped in SQL: the narrow reads behind claim periods, conflicting claims and timelines.

A wire story reprinted by 300 outlets is 300 rows that say one thing. The views that only need to
know *that* they say it, how often and through whom read them grouped (one row per group, counted,
with the first stored record as its example) and then read in full only the examples they show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import BigInteger, and_, cast, func, select, tuple_

from sitrep.corpus.records import (
    CLAIMANT,
    KIND_TABLES,
    PLACE,
    Claimant,
    Filter,
    Record,
    filtered,
    joined_select,
    outlet_of,
    parts_of,
    read_records,
    what_of,
)
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.keys import FAR_FUTURE

IDX_SPAN = 1 << 20  # (doc_id, idx) packed into one integer, to take the first record of a group with min()
Kind = Literal["event", "control"]
KINDS: tuple[Kind, ...] = ("event", "control")


def _first(table: Any) -> Any:
    """The first record of a group: its (doc_id, idx) packed into one integer, the least."""
    return func.min(cast(table.c.doc_id, BigInteger) * IDX_SPAN + table.c.idx)


def _grouped(kind: Kind, keys: list[Any]) -> Any:
    """A query grouping the records of ``kind`` by ``keys`` (columns of the record, its document, place and
    claimant), each group counted with the outlet and URI to name it and its first record packed."""
    table, claimant = KIND_TABLES[kind]
    d, p, a = s.documents, PLACE, CLAIMANT
    return (
        select(
            *keys,
            func.min(d.c.outlet).label("outlet"),
            func.min(d.c.uri).label("uri"),
            func.count().label("records"),
            _first(table).label("first"),
        )
        .select_from(
            table.join(d, d.c.id == table.c.doc_id)
            .outerjoin(p, and_(p.c.doc_id == table.c.doc_id, p.c.idx == table.c.place_idx))
            .outerjoin(a, and_(a.c.doc_id == table.c.doc_id, a.c.idx == table.c[claimant]))
        )
        .group_by(*keys)
    )


def _claimant_keys() -> list[Any]:
    a = CLAIMANT
    return [
        func.coalesce(a.c.source_resolved, a.c.source_text).label("source"),
        a.c.source_actor,
        a.c.cue_lemma,
        a.c.stance,
    ]


def _claimant(row: Any) -> Claimant:
    return Claimant(row.source, row.source_actor, row.cue_lemma, row.stance, None)


# --- claims grouped by position: claim periods and conflicting claims -------------------------------------------


@dataclass(frozen=True)
class ClaimGroup:
    """Asserted claims that say the same thing (side, status) about the same place and interval through
    the same claimant and outlet: one position's reports, counted, with the first stored one as its example."""

    earliest: str | None
    latest: str | None
    side: str | None
    status: str | None
    place_id: str | None
    outlet: str
    claimant: Claimant  # without its content, which differs from report to report
    reports: int
    stories: int
    first: tuple[int, int]  # (doc_id, idx) of the first claim


def claim_groups(store: Store, where: Filter) -> list[ClaimGroup]:
    c, d = s.control_claims, s.documents
    keys = [
        c.c.earliest,
        c.c.latest,
        c.c.side,
        c.c.status,
        PLACE.c.place_id,
        func.coalesce(d.c.outlet, d.c.uri).label("outlet_key"),
        *_claimant_keys(),
    ]
    stories = func.count(func.distinct(func.coalesce(d.c.story_id, -d.c.id))).label("stories")
    query = _grouped("control", keys).add_columns(stories)
    start, end = func.coalesce(c.c.earliest, FAR_FUTURE), func.coalesce(c.c.latest, FAR_FUTURE)
    rows: list[Any] = []
    with store.engine.connect() as conn:  # the parts follow each other in time order
        for part in parts_of(where):
            rows += conn.execute(filtered(c, "control", query, where, part).order_by(start, end, _first(c)))
    return [
        ClaimGroup(
            r.earliest,
            r.latest,
            r.side,
            r.status,
            r.place_id,
            outlet_of(r.outlet, r.uri),
            _claimant(r),
            r.records,
            r.stories,
            divmod(int(r.first), IDX_SPAN),
        )
        for r in rows
    ]


# --- records grouped by report: timelines ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportGroup:
    """Records a timeline cannot tell apart: one kind of record saying the same thing (``what``) about the same
    place and interval, in the same story (reprints), through the same outlet and claimant; counted, with
    the first stored one as its example."""

    kind: Kind
    earliest: str | None
    latest: str | None
    what: str
    place_id: str | None
    story: int
    outlet: str
    claimant: Claimant  # without its content, which differs from report to report
    records: int
    first: tuple[int, int]  # (doc_id, idx) of the first record

    @property
    def order(self) -> tuple[str, str, int, str, int]:
        """Where its first record stands in a timeline: by time, then as stored (an event and a claim may
        share an index)."""
        return self.earliest or FAR_FUTURE, self.latest or FAR_FUTURE, self.first[0], self.kind, self.first[1]


def report_groups(store: Store, wheres: list[Filter]) -> list[ReportGroup]:
    """Events and control claims matching any of ``wheres`` (which must not overlap), grouped by report,
    in timeline order: the cost of a timeline follows its happenings and stories, not its reprints."""
    d = s.documents
    merged: dict[tuple[Any, ...], ReportGroup] = {}
    with store.engine.connect() as conn:
        for kind in KINDS:
            table, _ = KIND_TABLES[kind]
            said = [table.c[name] for name in (("type", "sub_type") if kind == "event" else ("side", "status"))]
            keys = [
                table.c.earliest,
                table.c.latest,
                said[0].label("said"),
                said[1].label("said_more"),
                PLACE.c.place_id,
                func.coalesce(d.c.story_id, -d.c.id).label("story"),
                func.coalesce(d.c.outlet, d.c.uri).label("outlet_key"),
                *_claimant_keys(),
            ]
            query = _grouped(kind, keys)
            for where in wheres:
                for part in parts_of(where):
                    for r in conn.execute(filtered(table, kind, query, where, part)):
                        group = ReportGroup(
                            kind,
                            r.earliest,
                            r.latest,
                            what_of(kind, r.said, r.said_more),
                            r.place_id,
                            r.story,
                            outlet_of(r.outlet, r.uri),
                            _claimant(r),
                            r.records,
                            divmod(int(r.first), IDX_SPAN),
                        )
                        key = (kind, *r[: len(keys)])  # the grouping keys, as read
                        merged[key] = _joined_groups(merged[key], group) if key in merged else group
    return sorted(merged.values(), key=lambda g: g.order)


def _joined_groups(a: ReportGroup, b: ReportGroup) -> ReportGroup:
    """One group of the records of two with the same key (read by two selections)."""
    return replace(min(a, b, key=lambda g: g.first), records=a.records + b.records)


def records_at(store: Store, kind: Kind, keys: list[tuple[int, int]]) -> dict[tuple[int, int], Record]:
    """The events or control claims at these (doc_id, idx) keys, joined like :func:`records.events`."""
    table, claimant = KIND_TABLES[kind]
    found: dict[tuple[int, int], Record] = {}
    for i in range(0, len(keys), 500):  # bounded IN lists
        chunk = keys[i : i + 500]
        # With the documents' list too: a list of (doc_id, idx) pairs alone, SQLite reads by scanning the table.
        documents = sorted({doc_id for doc_id, _ in chunk})
        query = joined_select(table, table.c.place_idx, table.c[claimant]).where(
            table.c.doc_id.in_(documents), tuple_(table.c.doc_id, table.c.idx).in_(chunk)
        )
        found.update({(r.doc_id, r.idx): r for r in read_records(store, kind, query)})
    return found
