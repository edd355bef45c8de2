"""Readable text for humans: one AnalyzedArticle as a report (``--format text``)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from rich.console import Console

from sitrep.model import AnalyzedArticle, Attribution, Interval

WIDTH = 100


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


def attribution_line(a: Attribution) -> str:
    """"source — cue (stance): content", the one-line form used everywhere."""
    source = a.source.text if a.source else "(no source)"
    extra = [x for x in (a.source.resolved, a.source.actor) if x and x != source] if a.source else []
    who = f"{source} [{'; '.join(extra)}]" if extra else source
    return f"{who} — {a.cue.text} ({a.cue.stance}, {a.kind}): {clip(a.content.text)}"


def _section(console: Console, title: str, lines: list[str]) -> None:
    if not lines:
        return
    console.print(f"\n[bold]{title}[/bold] ({len(lines)})", highlight=False)
    for line in lines:
        console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)


def _layers(a: AnalyzedArticle) -> list[tuple[str, Callable[[AnalyzedArticle], list[str]]]]:
    return [
        ("Entities", lambda a: [f"{m.text} [{m.label}]" + (f" → {m.actor}" if m.actor else "") for m in a.mentions]),
        ("Places", lambda a: [
            f"{p.text} → {p.name or '?'}"
            + (f" ({p.precision}, {p.admin1 + ', ' if p.admin1 else ''}{p.country or '?'}; {p.lat:.2f}, {p.lon:.2f})"
               if p.lat is not None and p.lon is not None else "")
            + (f" [actor: {p.actor}]" if p.role == "actor" else "")
            for p in a.places
        ]),
        ("Time expressions", lambda a: [
            f"{t.text} → {t.type} {t.value}  {interval_text(t.interval) if t.interval else ''}".rstrip()
            for t in a.timexes
        ]),
        ("Attributions", lambda a: [attribution_line(x) for x in a.attributions]),
        ("Events", lambda a: [
            f"{e.type} / {e.sub_type} ({e.modality}) "
            f"at {a.places[e.place].name if e.place is not None and e.place < len(a.places) else '?'}, "
            f"{interval_text(e.when)}; actors: {', '.join(x.actor or x.text for x in e.actors) or '—'}; "
            f"says: {attribution_line(a.attributions[e.asserted_by]).split(' — ')[0] if e.asserted_by is not None else 'the outlet'}"
            for e in a.events
        ]),
        ("Control claims", lambda a: [
            f"{a.places[c.place].name if c.place < len(a.places) else '?'}: {c.side} {c.status} "
            f"({interval_text(c.when)}); says: "
            f"{attribution_line(a.attributions[c.claimant]).split(' — ')[0] if c.claimant is not None else 'the outlet'}"
            for c in a.control
        ]),
    ]


def render(a: AnalyzedArticle, console: Console, body: bool = True) -> None:
    art = a.article
    console.rule(f"[bold]{art.title or '(no title)'}", style="dim")
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
            console.print(f"[bold]{label + ':':<11}[/bold]{value}", highlight=False, markup=True)
    if body:
        console.print(f"\n[bold]Body[/bold] ({len(art.paragraphs)} paragraphs, {len(art.body)} characters)")
        for p in art.paragraphs:
            console.print(textwrap.indent(textwrap.fill(art.body[p.start : p.end], min(WIDTH, console.width) - 2), "  "),
                          highlight=False, markup=False)
            console.print()
    if art.boilerplate:
        _section(console, "Removed page furniture", [clip(line, 80) for line in art.boilerplate])
    for title, lines in _layers(a):
        _section(console, title, lines(a))
