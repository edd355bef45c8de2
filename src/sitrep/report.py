"""Readable text for humans: one AnalyzedArticle as a report (``--format text``)."""

from __future__ import annotations

import textwrap

from rich.console import Console
from rich.markup import escape

from sitrep.model import AnalyzedArticle, Attribution, ControlClaim, Event, Interval, Place

WIDTH = 100
CONTENT_PREVIEW_CHARS = 100


def interval_text(interval: Interval | None) -> str:
    if interval is None:
        return "unknown"
    if interval.earliest is None or interval.latest is None:
        return f"{interval.text!r} (unresolved)" if interval.text else "unknown"
    span = interval.earliest if interval.earliest == interval.latest else f"{interval.earliest} … {interval.latest}"
    said = f" ({interval.text!r})" if interval.text and interval.text != interval.earliest else ""
    return f"{span} [{interval.granularity}]{said}"


def clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def format_attribution(a: Attribution, width: int = CONTENT_PREVIEW_CHARS) -> str:
    """The readable one-liner "source — cue (stance): content", long content cut at a word."""
    who = "(unnamed)"
    if a.source is not None:
        who = a.source.text
        extra = a.source.actor or (a.source.resolved if a.source.resolved != a.source.text else None)
        if extra:
            who = f"{who} [{extra}]"
    content = " ".join(a.content.text.split())
    if len(content) > width:
        cut = content[:width].rsplit(" ", 1)[0]
        content = cut + " …"
    return f"{who} — {a.cue.text} ({a.cue.stance}): {content}"


def _section(console: Console, title: str, lines: list[str]) -> None:
    if not lines:
        return
    console.print(f"\n[bold]{title}[/bold] ({len(lines)})", highlight=False)
    for line in lines:
        console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)


def _place_name(a: AnalyzedArticle, index: int | None) -> str:
    if index is None or not 0 <= index < len(a.places):
        return "?"
    return a.places[index].name or a.places[index].text


def _claimant(a: AnalyzedArticle, index: int | None) -> str:
    if index is None or not 0 <= index < len(a.attributions):
        return "the outlet"
    source = a.attributions[index].source
    return source.text if source else "(unnamed source)"


def _place_line(p: Place) -> str:
    line = f"{p.text} → {p.name or '?'}"
    if p.lat is not None and p.lon is not None:
        where = ", ".join(x for x in (p.admin1, p.country) if x)
        line += f" ({p.precision}, {where}; {p.lat:.2f}, {p.lon:.2f})"
    return line + (f" [actor: {p.actor}]" if p.role == "actor" else "")


def _event_line(a: AnalyzedArticle, e: Event) -> str:
    actors = ", ".join(x.actor or x.text for x in e.actors) or "—"
    return (
        f"{e.type} / {e.sub_type} ({e.modality}) at {_place_name(a, e.place)}, {interval_text(e.when)}; "
        f"actors: {actors}; says: {_claimant(a, e.asserted_by)}"
    )


def _control_line(a: AnalyzedArticle, c: ControlClaim) -> str:
    return f"{_place_name(a, c.place)}: {c.side} {c.status} ({interval_text(c.when)}); says: {_claimant(a, c.claimant)}"


def _layers(a: AnalyzedArticle) -> list[tuple[str, list[str]]]:
    return [
        ("Entities", [f"{m.text} [{m.label}]" + (f" → {m.actor}" if m.actor else "") for m in a.mentions]),
        ("Places", [_place_line(p) for p in a.places]),
        ("Time expressions", [f"{t.text} → {t.type} {t.value}  {interval_text(t.interval)}" for t in a.timexes]),
        ("Attributions", [format_attribution(x) for x in a.attributions]),
        ("Events", [_event_line(a, e) for e in a.events]),
        ("Control claims", [_control_line(a, c) for c in a.control]),
    ]


def render(a: AnalyzedArticle, console: Console, body: bool = True) -> None:
    art = a.article
    console.rule(f"[bold]{escape(art.title or '(no title)')}", style="dim")
    meta = [
        ("Source", f"{a.source.uri} ({a.source.kind})"),
        ("Byline", art.byline),
        ("Authors", ", ".join(art.authors) or None),
        ("Outlet", art.outlet),
        ("Section", art.section),
        ("Published", interval_text(art.published) if art.published else None),
        ("Language", art.language),
    ]
    for label, value in meta:
        if value:
            console.print(f"[bold]{label + ':':<11}[/bold]{escape(value)}", highlight=False, markup=True)
    if body:
        console.print(f"\n[bold]Body[/bold] ({len(art.paragraphs)} paragraphs, {len(art.body)} characters)")
        for p in art.paragraphs:
            wrapped = textwrap.fill(art.body[p.start : p.end], min(WIDTH, console.width) - 2)
            console.print(textwrap.indent(wrapped, "  "), highlight=False, markup=False)
            console.print()
    if art.boilerplate:
        _section(console, "Removed page furniture", [clip(line, 80) for line in art.boilerplate])
    for title, lines in _layers(a):
        _section(console, title, lines)
