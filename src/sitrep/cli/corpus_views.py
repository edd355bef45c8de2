"""The corpus on the command line: stored documents, search, a place's or an actor's timeline, control
claims and the claims that conflict, as text or JSON lines, all read through :mod:`sitrep.service`."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape

from sitrep import service
from sitrep.cli import DbOpt, Format, _command, _store, app, err, out
from sitrep.corpus.records import Record
from sitrep.errors import UsageError
from sitrep.report import clip, render
from sitrep.store import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN


@app.command("list")
@_command
def list_documents(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="How many documents.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
) -> None:
    """List stored documents."""
    for doc in service.documents(_store(db), limit, offset):
        title = escape(doc.title or "(no title)")
        out.print(f"{doc.id:>5}  {doc.published or '':<12} {doc.kind:<9} {title}  [dim]{escape(doc.uri)}[/dim]")


@app.command()
@_command
def show(
    doc_id: Annotated[int, typer.Argument(metavar="ID")],
    db: DbOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Show one stored document with everything analysed."""
    result = service.document(_store(db), doc_id)
    if format is Format.json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        render(result, out)


@app.command()
@_command
def search(
    query: Annotated[str, typer.Argument(help='Words, or FTS5 syntax: "exact phrase", OR, NEAR(), prefix*.')],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
) -> None:
    """Full-text search over stored articles, best first (bm25), with highlighted snippets."""
    hits = service.search(_store(db), query, limit)
    if not hits:
        err.print(f"no match for {query!r}")
        raise typer.Exit(1)
    for hit in hits:
        out.print(f"[bold]{hit.id:>5}[/bold]  {escape(hit.title or '(no title)')}  [dim]{escape(hit.uri)}[/dim]")
        snippet = escape(hit.snippet)
        snippet = snippet.replace(HIGHLIGHT_OPEN, "[bold yellow]").replace(HIGHLIGHT_CLOSE, "[/bold yellow]")
        out.print(f"       {snippet}")


def _json_lines(items: list[Any]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")


def _printed_as_json(items: list[Any], format: Format, nothing: str) -> bool:
    """JSON lines when asked for; with nothing to show as text, say so and exit with 1."""
    if format is Format.json:
        _json_lines(items)
        return True
    if not items:
        err.print(nothing)
        raise typer.Exit(1)
    return False


def _reprinted(report: service.Report) -> str:
    """ "; reported by 3 outlets" for a report that reprints carried too."""
    return f"[dim]; reported by {len(report.outlets)} outlets[/dim]" if len(report.outlets) > 1 else ""


def _record_line(r: Record) -> str:
    where = r.place.name if r.place else "?"
    return (
        f"{r.when_text:<24} {r.what} at {where} ({r.modality}) — says {r.claimant.label}; "
        f"outlet {r.outlet} [doc {r.doc_id}]"
    )


@app.command()
@_command
def timeline(
    query: Annotated[
        str, typer.Argument(metavar="PLACE|ACTOR", help="A place (regions include their places) or an actor/side.")
    ],
    db: DbOpt = None,
    start: Annotated[str | None, typer.Option("--from", help="Earliest date (ISO 8601).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (ISO 8601).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Every event and control claim about a place or actor, in time order, with who says so."""
    entries = service.timeline(_store(db), query, start, end)
    if _printed_as_json(entries, format, f"nothing about {query!r}"):
        return
    for entry in entries:
        first, *others = entry.reports
        out.print(escape(_record_line(first.record)) + _reprinted(first), markup=True)
        for other in others:
            line = f"{'':<24}   also: says {other.record.claimant.label}; outlet {other.record.outlet}"
            out.print(escape(f"{line} [doc {other.record.doc_id}]") + _reprinted(other))
        counted = entry.corroboration
        if entry.records > 1:
            out.print(
                f"{'':<24}   [dim]{counted['stories']} independent report(s) from {counted['outlets']} outlet(s), "
                f"{counted['sources']} source(s)[/dim]"
            )
        out.print(f"{'':<24}   [dim]“{escape(clip(entry.first.evidence, 110))}”[/dim]")


@app.command()
@_command
def claims(
    place: Annotated[str | None, typer.Argument(help="A place; optional with --conflicting.")] = None,
    db: DbOpt = None,
    conflicting: Annotated[
        bool, typer.Option("--conflicting", help="Only pairs of claims that cannot both be true.")
    ] = False,
    start: Annotated[str | None, typer.Option("--from", help="Earliest date (ISO 8601).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (ISO 8601).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Territorial-control claims about a place over time, with the status they add up to."""
    if conflicting:
        _print_conflicts(service.conflicting(_store(db), place), place, format)
        return
    if place is None:
        raise UsageError("name a place, or use --conflicting")
    periods = service.place_claims(_store(db), place, start, end)
    if _printed_as_json(periods, format, f"no control claims about {place!r}"):
        return
    for period in periods:
        span = period.earliest if period.earliest == period.latest else f"{period.earliest} … {period.latest}"
        out.print(f"[bold]{escape(str(span))}[/bold]: {escape(period.derived)}")
        for c in period.claims:
            line = f"  {escape(c.what):<24} says {escape(c.claimant.label)}; outlet {escape(c.outlet)}"
            reports = period.reports_behind(c)
            out.print(line + (f"[dim]; {reports} reports[/dim]" if reports > 1 else ""))
        if len(period.claims) < len(period.groups):
            out.print(f"  [dim]… and {len(period.groups) - len(period.claims)} more positions[/dim]")


def _print_conflicts(pairs: list[service.ConflictPair], place: str | None, format: Format) -> None:
    if format is Format.json:
        _json_lines(pairs)
        return
    if not pairs:
        err.print("no conflicting claims" + (f" about {place!r}" if place else ""))
        return
    for a, b in pairs:
        out.print(f"[bold]{escape(a.place.name if a.place else '?')}[/bold]: {escape(a.what)} vs {escape(b.what)}")
        for r in (a, b):
            out.print(
                f"  {escape(r.when_text):<24} {escape(r.what):<22} says {escape(r.claimant.label)}; "
                f"outlet {escape(r.outlet)}"
            )
            out.print(f"  {'':<24} [dim]“{escape(clip(r.evidence, 110))}”[/dim]")
