"""``sitrep watch`` and ``sitrep feeds``: the only commands that use the network, and only when asked."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from sitrep.analyze.pipeline import Pipeline
from sitrep.cli import DbOpt, Format, FormatOpt, KindOpt, KindOption, ModelOpt, _command, _store, app, err, out
from sitrep.errors import UsageError
from sitrep.service import watch as watching
from sitrep.sources.feeds import read_opml
from sitrep.sources.fetch import Fetcher, Politeness
from sitrep.store import feeds as feed_store

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.I)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_interval(text: str) -> timedelta:
    """ "15m", "1h", "90s", "1h30m" as a duration; a bare number is minutes."""
    text = text.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return timedelta(minutes=float(text))
    parts = _DURATION.findall(text)
    if not parts or _DURATION.sub("", text).strip():
        raise UsageError(f"--interval {text!r}: expected a duration like 15m, 1h or 1h30m")
    interval = sum((timedelta(**{_UNITS[unit.lower()]: float(n)}) for n, unit in parts), timedelta())
    if interval < timedelta(minutes=1):
        raise UsageError(f"--interval {text!r}: at least one minute between polls, to be a good citizen")
    return interval


@app.command()
@_command
def watch(
    feeds: Annotated[
        list[str] | None, typer.Argument(metavar="FEED_URL...", help="RSS, Atom or JSON Feed URLs.")
    ] = None,
    opml: Annotated[Path | None, typer.Option(help="An OPML subscription list of feeds.")] = None,
    interval: Annotated[str, typer.Option(help="Time between polls: 15m, 1h, 1h30m.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, then stop.")] = False,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(help="Seconds before a request is given up.")] = 20.0,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Largest response read, in bytes.")] = 10 * 2**20,
    db: DbOpt = None,
    kind: KindOpt = KindOption.auto,
    model: ModelOpt = None,
) -> None:
    """Poll feeds; fetch, analyse and store every new item's page (robots.txt, delays, back-off obeyed)."""
    urls = list(dict.fromkeys([*(feeds or []), *(read_opml(opml) if opml else [])]))
    if not urls:
        raise UsageError("name at least one feed URL, or --opml FILE")
    every = parse_interval(interval)
    store = _store(db)
    fetcher = Fetcher(Politeness(delay=delay, timeout=timeout, max_bytes=max_bytes))
    pipeline = Pipeline(model=model)

    def show(report: watching.WatchReport) -> None:
        err.print(
            f"polled {report.polled} feed(s) ({report.not_modified} unchanged): {report.new_items} new item(s), "
            f"stored {report.stored}, duplicate {report.duplicate}, failed {len(report.failed)}, "
            f"retry later {len(report.retry_later)}",
            markup=False,
        )
        for line in report.failed:
            err.print(f"  failed: {line}", markup=False)
        for line in report.retry_later:
            err.print(f"  retry later: {line}", markup=False)

    try:
        if once:
            report = watching.poll_once(store, pipeline, urls, fetcher, kind.value)
            show(report)
        else:
            err.print(f"watching {len(urls)} feed(s) every {every}; Ctrl-C stops", markup=False)
            report = watching.watch(store, pipeline, urls, fetcher, every, kind.value, on_round=show)
    finally:
        fetcher.close()
    if report.interrupted:
        err.print("interrupted: every item stored so far is whole; the next run resumes", markup=False)
        raise typer.Exit(130)
    if once and report.failed:
        raise typer.Exit(1)


@app.command("feeds")
@_command
def list_feeds(db: DbOpt = None, format: FormatOpt = Format.text) -> None:
    """Feeds watched: last poll, last new item, items and documents, errors."""
    store = _store(db)
    with store.engine.connect() as conn:
        found = feed_store.all_feeds(conn)
    if format == Format.json:
        for f in found:
            out.print(json.dumps(f.__dict__, ensure_ascii=False), markup=False)
        return
    for f in found:
        out.print(f"{escape(f.title or '(no title)')}  [dim]{escape(f.url)}[/dim]")
        error = f"; {f.errors} error(s), last: {escape(f.last_error or '')}" if f.errors else ""
        out.print(
            f"    last poll {f.last_polled or 'never'}, last new item {f.last_new_item or 'never'}, "
            f"{f.items} item(s), {f.documents} document(s){error}"
        )
