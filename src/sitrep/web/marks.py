"""The article body with its evidence marked: every layer's spans, flattened into non-overlapping pieces.

Layers overlap (a place inside an attribution's content inside an event's evidence),
and HTML cannot cross tags, so the body is cut at every span boundary; each piece
carries the marks that cover it. Templates render a piece as one element.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from sitrep.model import AnalyzedArticle


@dataclass(frozen=True)
class Mark:
    layer: str  # "place", "timex", "source", "cue", "content", "trigger"
    label: str  # shown on hover and focus, read by screen readers
    link: str | None = None
    extra: str = ""  # a class: the cue's stance


@dataclass
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"m-{m.layer}" for m in self.marks} | {m.extra for m in self.marks if m.extra}))

    @property
    def title(self) -> str:
        return "; ".join(m.label for m in self.marks)

    @property
    def link(self) -> str | None:
        return next((m.link for m in self.marks if m.link), None)


def marks(result: AnalyzedArticle) -> list[tuple[int, int, Mark]]:
    found: list[tuple[int, int, Mark]] = []
    for p in result.places:
        name = p.name or p.text
        where = f"{name} ({p.lat:.3f}, {p.lon:.3f})" if p.lat is not None and p.lon is not None else name
        found.append((p.start, p.end, Mark("place", f"place: {where}", f"/places/{name}")))
    for t in result.timexes:
        when = t.interval.earliest if t.interval else None
        span = f"{when} … {t.interval.latest}" if t.interval and when != t.interval.latest else str(when)
        found.append((t.start, t.end, Mark("timex", f"time: {t.text} = {span}")))
    for a in result.attributions:
        if a.source is not None:
            found.append(
                (a.source.start, a.source.end, Mark("source", f"source: {a.source.resolved or a.source.text}"))
            )
        found.append(
            (
                a.cue.start,
                a.cue.end,
                Mark("cue", f"cue: {a.cue.lemma} ({a.cue.stance})", extra=f"stance-{a.cue.stance}"),
            )
        )
        found.append((a.content.start, a.content.end, Mark("content", "attributed content")))
    for e in result.events:
        if e.trigger is not None:
            found.append((e.trigger.start, e.trigger.end, Mark("trigger", f"event: {e.sub_type} ({e.modality})")))
    return [(start, end, mark) for start, end, mark in found if 0 <= start < end]


def pieces(result: AnalyzedArticle) -> list[Piece]:
    """The body cut at every mark boundary, each piece with the marks covering it."""
    body = result.article.body
    spans = marks(result)
    cuts = sorted({0, len(body), *(min(s, len(body)) for s, _, _ in spans), *(min(e, len(body)) for _, e, _ in spans)})
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for i, (start, end, _) in enumerate(spans):
        starting[start].append(i)
        ending[min(end, len(body))].append(i)
    active: dict[int, Mark] = {}  # a sweep over the cuts: linear in the marks, whatever the body's size
    out: list[Piece] = []
    for start, end in pairwise(cuts):
        for i in ending.get(start, ()):
            active.pop(i, None)
        for i in starting.get(start, ()):
            active[i] = spans[i][2]
        out.append(Piece(body[start:end], list(active.values())))
    return out
