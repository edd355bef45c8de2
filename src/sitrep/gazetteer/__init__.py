"""The offline gazetteer: an on-disk SQLite index of places, built once at set-up.

``ensure_built()`` (run by ``sitrep setup``) builds the index from installed PyPI
packages if it is missing, corrupt or from other source versions, and returns
its path: ``$SITREP_GAZETTEER`` if set, else
``$XDG_DATA_HOME/sitrep/gazetteer-<schema>.sqlite`` (``~/.local/share/...``).
``load()`` opens it for lookups. Sources and licences: see ``sources.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from sitrep.gazetteer.build import SCHEMA_VERSION, build_index
from sitrep.gazetteer.index import Entry, Gazetteer, GazetteerError
from sitrep.gazetteer.records import PlaceRecord
from sitrep.gazetteer.sources import INFORMAL_TABLES, PackageSources, source_versions
from sitrep.tables import table_bytes

__all__ = [
    "Entry",
    "Gazetteer",
    "GazetteerError",
    "PlaceRecord",
    "default_path",
    "ensure_built",
    "load",
]

PATH_ENV = "SITREP_GAZETTEER"
RecordSource = Callable[[], Iterable[PlaceRecord]]


def default_path() -> Path:
    """Where the index lives: ``$SITREP_GAZETTEER`` or the user's data directory."""
    explicit = os.environ.get(PATH_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitrep" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def package_fingerprint() -> str:
    """Identity of the packaged sources: their versions plus sitrep's own tables."""
    digest = hashlib.sha256(json.dumps(source_versions(), sort_keys=True).encode())
    for name in (*INFORMAL_TABLES, "extra_aliases.tsv", "country_centroids.tsv"):
        digest.update(table_bytes(f"gazetteer/{name}"))
    for module in ("sources.py", "build.py"):  # how records are read and written
        digest.update(Path(__file__).with_name(module).read_bytes())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:16]}"


def _problem(path: Path, fingerprint: str) -> str | None:
    """Why the index at ``path`` cannot be used as is, or None when it can."""
    try:
        gazetteer = Gazetteer(path, cache_size=1)
    except GazetteerError as exc:
        return str(exc)
    try:
        if gazetteer.meta.get("fingerprint") != fingerprint:
            return f"gazetteer index at {path} was built from other sources"
    finally:
        gazetteer.close()
    return None


def ensure_built(
    progress: bool = True,
    path: Path | None = None,
    records: RecordSource | None = None,
    fingerprint: str | None = None,
) -> Path:
    """Build the index if it is missing, corrupt or stale; return its path.

    ``records`` and ``fingerprint`` inject other sources (tests build a tiny
    gazetteer from a fixture this way); by default the installed packages are read.
    """
    target = path or default_path()
    if records is None:
        fingerprint = fingerprint or package_fingerprint()
        records = lambda: PackageSources().records()  # noqa: E731
    fingerprint = fingerprint or "custom"
    problem = _problem(target, fingerprint)
    if problem is None:
        return target
    if target.exists() or problem.startswith("gazetteer index not found"):
        print(f"sitrep: {problem}; building it now (once)", file=sys.stderr)
    build_index(records(), target, fingerprint, progress=progress)
    return target


def load(path: Path | None = None, build_if_needed: bool = True) -> Gazetteer:
    """Open the index for lookups, (re)building it first when needed."""
    target = ensure_built(progress=False, path=path) if build_if_needed else (path or default_path())
    return Gazetteer(target)
