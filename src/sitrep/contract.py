"""The contract checks itself: offsets are evidence, indexes point at real items.

Every layer promises that its spans slice ``article.body`` to their own text and
that cross-references (an event's ``place`` and ``asserted_by``, a control
claim's ``place`` and ``claimant``) point at items that exist. One function
states every promise; the tests run it on every output they make, and users run
it on files they receive (``sitrep validate FILE.jsonl``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from sitrep.model import AnalyzedArticle, Mention, Place, Span, Timex


@dataclass(frozen=True)
class Violation:
    """One broken promise: where (``events[3].evidence``) and what."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def _bounds(where: str, start: int | None, end: int | None, size: int) -> Iterator[Violation]:
    if start is None or end is None:
        return
    if not 0 <= start <= end <= size:
        yield Violation(where, f"offsets {start}..{end} fall outside the body (0..{size})")


def _span(where: str, body: str, start: int, end: int, text: str) -> Iterator[Violation]:
    out_of_bounds = list(_bounds(where, start, end, len(body)))
    yield from out_of_bounds
    if not out_of_bounds and body[start:end] != text:
        yield Violation(where, f"offsets {start}..{end} slice {body[start:end][:40]!r}, not {text[:40]!r}")


def _index(where: str, index: int | None, items: Sequence[object], layer: str) -> Iterator[Violation]:
    if index is not None and not 0 <= index < len(items):
        yield Violation(where, f"points at {layer}[{index}], but there are {len(items)}")


def _article(a: AnalyzedArticle) -> Iterator[Violation]:
    size = len(a.article.body)
    for i, p in enumerate(a.article.paragraphs):
        yield from _bounds(f"article.paragraphs[{i}]", p.start, p.end, size)
    for i, s in enumerate(a.sentences):
        yield from _bounds(f"sentences[{i}]", s.start, s.end, size)


def _text_layers(a: AnalyzedArticle) -> Iterator[Violation]:
    body = a.article.body
    spans: list[tuple[str, Sequence[Mention | Place | Timex]]] = [
        ("mentions", a.mentions),
        ("places", a.places),
        ("timexes", a.timexes),
    ]
    for name, items in spans:
        for i, item in enumerate(items):
            yield from _span(f"{name}[{i}]", body, item.start, item.end, item.text)
    for i, at in enumerate(a.attributions):
        where = f"attributions[{i}]"
        yield from _span(f"{where}.cue", body, at.cue.start, at.cue.end, at.cue.text)
        yield from _span(f"{where}.content", body, at.content.start, at.content.end, at.content.text)
        if at.source is not None:
            yield from _span(f"{where}.source", body, at.source.start, at.source.end, at.source.text)
        for j, part in enumerate(at.content_parts):
            yield from _span(f"{where}.content_parts[{j}]", body, part.start, part.end, part.text)


def _trigger(where: str, body: str, trigger: Span | None) -> Iterator[Violation]:
    if trigger is not None:
        yield from _span(f"{where}.trigger", body, trigger.start, trigger.end, trigger.text)


def _claims(a: AnalyzedArticle) -> Iterator[Violation]:
    body, size = a.article.body, len(a.article.body)
    for i, e in enumerate(a.events):
        where = f"events[{i}]"
        yield from _bounds(f"{where}.evidence", e.evidence.start, e.evidence.end, size)
        yield from _trigger(where, body, e.trigger)
        yield from _index(f"{where}.place", e.place, a.places, "places")
        yield from _index(f"{where}.asserted_by", e.asserted_by, a.attributions, "attributions")
        for j, actor in enumerate(e.actors):
            yield from _bounds(f"{where}.actors[{j}]", actor.start, actor.end, size)
    for i, c in enumerate(a.control):
        where = f"control[{i}]"
        yield from _bounds(f"{where}.evidence", c.evidence.start, c.evidence.end, size)
        yield from _index(f"{where}.place", c.place, a.places, "places")
        yield from _index(f"{where}.claimant", c.claimant, a.attributions, "attributions")


def violations(a: AnalyzedArticle) -> list[Violation]:
    """Every broken promise of one analysed article (empty: it keeps the contract)."""
    return [*_article(a), *_text_layers(a), *_claims(a)]


def check_lines(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """Each non-empty JSON line's number and its problems (JSON or schema errors, then broken promises)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            article = AnalyzedArticle.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "document"
            yield number, [f"not an AnalyzedArticle: {where}: {first['msg']}"]
            continue
        yield number, [str(v) for v in violations(article)]
