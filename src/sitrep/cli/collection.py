"""Commands about the collection as a whole: outlets, stories, re-analysis."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from sitrep.cli import (
    DaskOpt,
    DbOpt,
    Format,
    FormatOpt,
    KindOpt,
    KindOption,
    ModelOpt,
    WorkersOpt,
    _command,
    _store,
    analyzer,
    app,
    err,
    out,
)
from sitrep.service import collection
from sitrep.service.analysis import Outcome

outlets_app = typer.Typer(help="The outlets documents came from, and your table of them.", no_args_is_help=False)
app.add_typer(outlets_app, name="outlets")


@outlets_app.callback(invoke_without_command=True)
@_command
def outlets_list(ctx: typer.Context, db: DbOpt = None, format: FormatOpt = Format.text) -> None:
    """List outlets with their number of documents."""
    if ctx.invoked_subcommand is not None:
        return
    found = collection.outlets(_store(db))
    if format == Format.json:
        for o in found:
            out.print(json.dumps({**o.__dict__, "label": o.label}, ensure_ascii=False), markup=False)
        return
    for o in found:
        extra = ", ".join(v for v in (o.country, o.language, o.affiliation) if v)
        out.print(f"{o.documents:>6}  {escape(o.label):<32} {escape(o.domain or ''):<28} {escape(extra)}")


@outlets_app.command("import")
@_command
def outlets_import(
    path: Annotated[
        Path, typer.Argument(metavar="FILE", help="TSV: domain, name, country, language, affiliation, notes.")
    ],
    db: DbOpt = None,
) -> None:
    """Load your outlet table (names, countries, sides); documents already stored take the names."""
    store = _store(db)
    count = collection.import_outlets(store, path)
    err.print(f"imported {count} outlet(s) → {store}")


@app.command()
@_command
def stories(
    db: DbOpt = None,
    since: Annotated[str | None, typer.Option(help="Only stories seen on or after this date (ISO).")] = None,
    place: Annotated[str | None, typer.Option(help="Only stories about this place (or a place inside it).")] = None,
    min_documents: Annotated[int, typer.Option("--min-documents", help="Stories of at least this many.")] = 2,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 50,
    format: FormatOpt = Format.text,
) -> None:
    """Stories told by several outlets: near-duplicate documents grouped, last seen first."""
    found = collection.stories(_store(db), since, place, min_documents, limit)
    if format == Format.json:
        for story in found:
            out.print(json.dumps(story.to_json(), ensure_ascii=False), markup=False)
        return
    for story in found:
        out.print(
            f"story {story.id}: {escape(story.title or '(no title)')}  "
            f"[dim]{len(story.documents)} documents, {len(story.outlets)} outlets, "
            f"{story.first_seen[:10]} → {story.last_seen[:10]}[/dim]"
        )
        out.print(f"    outlets: {escape(', '.join(story.outlets) or '(unknown)')}")


@app.command()
@_command
def reanalyze(
    db: DbOpt = None,
    since: Annotated[str | None, typer.Option(help="Only documents ingested on or after this date (ISO).")] = None,
    where: Annotated[
        list[str] | None,
        typer.Option(help=f"KEY=VALUE, repeatable; KEY one of {', '.join(collection.WHERE_KEYS)}."),
    ] = None,
    kind: KindOpt = KindOption.auto,
    model: ModelOpt = None,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Re-run extraction and analysis on stored documents from their kept raw bytes (after an upgrade)."""
    store = _store(db)
    selection = collection.document_filter(since, where or [])

    def show(outcome: Outcome) -> None:
        if outcome.error is not None:
            err.print(f"  failed: {outcome.error}", markup=False)

    with analyzer(model, workers, kind.value, dask) as pipeline:
        report = collection.reanalyze(store, pipeline, selection, kind.value, on_outcome=show)
    head = "interrupted: " if report.interrupted else ""
    err.print(f"{head}reanalysed {report.done}, failed {len(report.failed)} → {store}")
    if report.interrupted:
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


__all__ = ["outlets_import", "outlets_list", "reanalyze", "stories"]
