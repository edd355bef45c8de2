"""``sitrep db``: bring a database to the newest schema, or copy a store into another database."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli import _command, _store, app, err
from sitrep.store.copy import copy_store
from sitrep.store.db import SCHEMA_VERSION

db_app = typer.Typer(help="Database upkeep: migrations, copies between backends.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("migrate")
@_command
def migrate(
    db: Annotated[str | None, typer.Option("--db", help="Database file or URL (default: $SITREP_DB).")] = None,
) -> None:
    """Bring the database to the newest schema (opening it does the same)."""
    store = _store(db)
    err.print(f"{store}: schema {SCHEMA_VERSION}, {store.count()} documents", markup=False)


@db_app.command("copy")
@_command
def copy(
    source: Annotated[str, typer.Argument(metavar="SRC", help="The store to copy (file or URL).")],
    target: Annotated[str, typer.Argument(metavar="DST", help="An empty database (file or URL), e.g. postgresql://…")],
) -> None:
    """Copy every document, layer, outlet, story and feed of SRC into the empty DST, ids kept."""
    src, dst = _store(source), _store(target)
    counts = copy_store(src, dst, on_table=lambda name, n: err.print(f"  {name}: {n}", markup=False))
    err.print(f"copied {counts.get('documents', 0)} documents → {dst}", markup=False)
