"""``sitrep export``: the stored records as JSONL, CSV, GeoJSON or ACLED-style CSV, or the store as Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep import service
from sitrep.cli import DbOpt, _command, _store, app, err
from sitrep.errors import UsageError
from sitrep.export import EXPORTERS, parquet
from sitrep.store import Store

EXPORT_FORMATS = [*EXPORTERS, parquet.FORMAT]


@app.command("export")
@_command
def export_events(
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "jsonl",
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="File to write (default: standard output); for parquet, a directory."),
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option("--table", help=f"parquet only: tables to write (default: all of {', '.join(parquet.TABLES)})."),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Export the stored events (with their claim chains) as JSONL, CSV, GeoJSON or ACLED-style CSV, or the
    store's events, claims, places and documents as Parquet tables."""
    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if format == parquet.FORMAT:
        _export_parquet(_store(db), out_path, tables)
        return
    if tables:
        raise UsageError("--table applies to --format parquet only")
    store = _store(db)
    if out_path is None:
        count = service.export(store, format, sys.stdout)
    else:
        with out_path.open("w", encoding="utf-8", newline="") as handle:
            count = service.export(store, format, handle)
    err.print(f"exported {count} records as {format}" + (f" → {out_path}" if out_path else ""))


def _export_parquet(store: Store, directory: Path | None, tables: list[str] | None) -> None:
    if directory is None:
        raise UsageError("--format parquet writes one file per table: give a directory with --out")
    unknown = sorted(set(tables or ()) - set(parquet.TABLES))
    if unknown:
        raise UsageError(f"unknown table {unknown[0]!r}; choose from {', '.join(parquet.TABLES)}")
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: not a directory")
    counts = parquet.export(store, directory, tables or list(parquet.TABLES))
    err.print("exported " + ", ".join(f"{n} {name}" for name, n in counts.items()) + f" as parquet → {directory}")
