"""Timelines: the events and control claims about a place or an actor, one entry per happening, in time order.

A happening is reported many times: by reprints of one story, by other stories, through other
claimants. A timeline reads its records grouped by report in SQL (:mod:`sitrep.corpus.groups`), gathers
the groups into happenings, and reads in full only the first record of each report it shows. A server keeps
a place's whole timeline and cuts any dates from it (:func:`timeline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sitrep.corpus.cache import GenerationCache, serving
from sitrep.corpus.groups import KINDS, ReportGroup, records_at, report_groups
from sitrep.corpus.records import Filter, Record
from sitrep.export.rows import record_dict
from sitrep.store import Store
from sitrep.store.keys import FAR_FUTURE, lookup_key

RecordKey = tuple[str, int, int]  # (kind, doc_id, idx)


class Interval(Protocol):
    @property
    def earliest(self) -> str | None: ...
    @property
    def latest(self) -> str | None: ...


def overlaps(a: Interval, b: Interval) -> bool:
    """Two records (or groups) whose intervals share at least one moment (undated overlaps nothing)."""
    if a.earliest is None or b.earliest is None:
        return False
    return a.earliest <= (b.latest or FAR_FUTURE) and b.earliest <= (a.latest or FAR_FUTURE)


@dataclass
class Report:
    """One report of a happening: its first record, and the outlets that carried it and its reprints
    (the same story, the same claimant, the same claim)."""

    record: Record
    outlets: list[str]
    records: int  # the record and its reprints

    def to_json(self) -> dict[str, Any]:
        return {**record_dict(self.record), "reported_by": self.outlets}


@dataclass
class TimelineEntry:
    """One happening: its records grouped by report (:class:`~sitrep.corpus.groups.ReportGroup`), in
    timeline order, and, once read (:func:`with_reports`), each report's first record."""

    groups: list[ReportGroup]
    reports: list[Report] = field(default_factory=list)
    known: Mapping[RecordKey, Record] | None = field(default=None, repr=False, compare=False)  # read ahead

    @property
    def first(self) -> Record:
        """The happening's first record (its reports read)."""
        return self.reports[0].record

    @property
    def order(self) -> tuple[str, str, int, str, int]:
        """Where the happening stands in a timeline: where its first record does."""
        return self.groups[0].order

    @property
    def records(self) -> int:
        return sum(g.records for g in self.groups)

    @property
    def corroboration(self) -> dict[str, int]:
        """How independent its reports are: outlets, stories (reprints counted once), and original
        sources (each quoted source once, and each story's own voice once)."""
        sources = {(g.claimant.source or "", g.story if g.claimant.source is None else 0) for g in self.groups}
        return {
            "outlets": len({g.outlet for g in self.groups}),
            "stories": len({g.story for g in self.groups}),
            "sources": len(sources),
        }

    def same_happening(self, group: ReportGroup) -> bool:
        first = self.groups[0]
        return (first.kind, first.what, first.place_id) == (group.kind, group.what, group.place_id) and (
            overlaps(first, group) or first.earliest == group.earliest
        )

    def to_json(self) -> dict[str, Any]:
        return {"reports": [report.to_json() for report in self.reports], "corroboration": self.corroboration}


TIMELINES = GenerationCache("timelines", entries=64)
# A whole timeline of 5,000 groups with their first records is about 10 MB; one of more than 200,000 groups
# is not kept (each request then reads its own dates).
WHOLE_TIMELINES = GenerationCache("whole timelines", entries=16, largest=200_000)


def timeline(
    store: Store, query: str, start: str | None = None, end: str | None = None, read: bool = True
) -> list[TimelineEntry]:
    """Events and control claims about a place (or inside a region) or an actor, one entry per happening,
    ordered by time. With ``read`` False the entries come without their reports (:func:`with_reports` reads
    them: a page of the timeline only).

    A server is asked for any dates again and again: it cuts them from the place's whole timeline, grouped
    and kept (:func:`whole_timeline`; a cut costs a few milliseconds and is not kept). Until the whole one is
    computed (in the background, the first time), and for one question from the command line, only the
    dates asked for are read, and kept until the store changes (:mod:`sitrep.corpus.cache`)."""
    whole = WHOLE_TIMELINES.ready(store, *_whole(store, query)) if serving() else None
    if whole is not None:
        cut = whole.groups if start is None and end is None else _within(whole.groups, start, end)
        entries = happenings(cut, whole.firsts)
    else:
        key = ("timeline", query, start, end)
        selected = _selections(query, start, end)
        entries = list(TIMELINES.get(store, key, lambda: happenings(report_groups(store, selected))))
    return with_reports(store, entries) if read else entries


def _selections(query: str, start: str | None = None, end: str | None = None) -> list[Filter]:
    """A timeline's records: the place's (read through its index), then the actor's not found by the place."""
    return [Filter(place=query, start=start, end=end), Filter(actor=query, start=start, end=end, except_place=query)]


def happenings(groups: Iterable[ReportGroup], known: Mapping[RecordKey, Record] | None = None) -> list[TimelineEntry]:
    """Report groups (in timeline order) gathered into happenings: a group joins the first earlier happening
    whose first record says the same thing about the same place at an overlapping (or the same) time.
    ``known``: first records already read, for :func:`with_reports`."""
    entries: list[TimelineEntry] = []  # in the order of their first groups
    candidates: dict[tuple[str, str, str | None], list[TimelineEntry]] = {}  # only these can be the same happening
    for group in groups:
        same_kind = candidates.setdefault((group.kind, group.what, group.place_id), [])
        entry = next((e for e in same_kind if e.same_happening(group)), None)
        if entry is None:
            entry = TimelineEntry([], known=known)
            entries.append(entry)
            same_kind.append(entry)
        entry.groups.append(group)
    return entries


WHOLE_READ_AHEAD = 5_000  # groups whose first records a whole timeline reads ahead, at most


@dataclass
class WholeTimeline:
    """A place's (or actor's) whole timeline grouped by report, with each group's first record read ahead
    (up to :data:`WHOLE_READ_AHEAD` groups): a server cuts any dates from it and reads nothing more."""

    groups: list[ReportGroup]
    firsts: dict[RecordKey, Record]

    def __len__(self) -> int:  # its size, as the view cache weighs values
        return len(self.groups)


def whole_timeline(store: Store, query: str) -> WholeTimeline:
    """A place's (or actor's) whole timeline, kept until the store changes (:mod:`sitrep.corpus.cache`)."""
    return WHOLE_TIMELINES.get(store, *_whole(store, query))


def _whole(store: Store, query: str) -> tuple[tuple[str, str], Callable[[], WholeTimeline]]:
    """The key a whole timeline is kept under (one for every spelling of the name), and its computation."""

    def compute() -> WholeTimeline:
        groups = report_groups(store, _selections(query))
        firsts = _records(store, [(g.kind, *g.first) for g in groups]) if len(groups) <= WHOLE_READ_AHEAD else {}
        return WholeTimeline(groups, firsts)

    return ("whole", lookup_key(query)), compute


def _records(store: Store, keys: list[RecordKey]) -> dict[RecordKey, Record]:
    """The events and control claims at these keys, read in full."""
    found: dict[RecordKey, Record] = {}
    for kind in KINDS:
        of_kind = sorted({(doc_id, idx) for k, doc_id, idx in keys if k == kind})
        found.update(((kind, *key), record) for key, record in records_at(store, kind, of_kind).items())
    return found


def _within(groups: list[ReportGroup], start: str | None, end: str | None) -> Iterator[ReportGroup]:
    """The dated groups whose interval touches ``start``..``end`` (as :class:`Filter` selects records)."""
    for g in groups:
        began = g.earliest
        if began is not None and (start is None or (g.latest or FAR_FUTURE) >= start) and (end is None or began <= end):
            yield g


def with_reports(store: Store, entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """The entries with their reports read: each report's first record in full (read now, unless the entry
    came with it: :class:`WholeTimeline`), with the outlets of its reprints. A report is the groups of one
    story through one claimant saying one thing."""
    reported: list[list[tuple[RecordKey, set[str], int]]] = []
    for entry in entries:
        by_report: dict[tuple[int, str, str], tuple[RecordKey, set[str], int]] = {}
        for g in entry.groups:  # in timeline order: a report's first group has its first record
            said = (g.story, g.claimant.label, g.what)
            first, outlets, n = by_report.get(said, ((g.kind, *g.first), set(), 0))
            by_report[said] = (first, outlets | {g.outlet}, n + g.records)
        reported.append(list(by_report.values()))
    unknown = [
        first for e, r in zip(entries, reported, strict=True) for first, _, _ in r if first not in (e.known or {})
    ]
    loaded = _records(store, unknown)

    def record(entry: TimelineEntry, key: RecordKey) -> Record | None:
        return (entry.known or {}).get(key) or loaded.get(key)

    read = [
        TimelineEntry(
            entry.groups,
            [Report(found, sorted(o), n) for first, o, n in r if (found := record(entry, first)) is not None],
            known=entry.known,
        )
        for entry, r in zip(entries, reported, strict=True)
    ]
    return [entry for entry in read if entry.reports]  # (a document deleted since the groups were read)
