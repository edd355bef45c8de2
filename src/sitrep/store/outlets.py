"""Outlets: who published a document, one row per web domain (or per name when there is no URL).

A document is linked to its outlet when it is stored. The outlet's name comes from the user's
own table (``sitrep outlets import``) when it has one, else from the page (``og:site_name``),
the feed or ``--outlet``, else the domain. The user's table also carries what no page says:
country, language, affiliation (side), notes. Importing it again updates the rows and the
outlet name of every document already stored, so exports and timelines follow.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import Connection, func, insert, select, update

from sitrep.errors import InputError
from sitrep.store import schema

TSV_COLUMNS = ("domain", "name", "country", "language", "affiliation", "notes")


@dataclass(frozen=True)
class Outlet:
    id: int
    key: str
    domain: str | None
    name: str | None
    country: str | None
    language: str | None
    affiliation: str | None
    notes: str | None
    documents: int = 0

    @property
    def label(self) -> str:
        return self.name or self.domain or self.key


def domain_of(uri: str) -> str | None:
    """The web domain of a URL, without ``www.`` and port; None for file names and other schemes."""
    parts = urlsplit(uri)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    return host.removeprefix("www.")


def outlet_key(domain: str | None, name: str | None) -> str | None:
    """How an outlet is looked up: its domain, else its name folded."""
    if domain:
        return domain
    return " ".join(name.lower().split()) if name and name.strip() else None


def link(conn: Connection, uri: str, name: str | None, language: str | None) -> tuple[int, str] | None:
    """The outlet row of a document (created on first sight) and the name to show for it."""
    domain = domain_of(uri)
    key = outlet_key(domain, name)
    if key is None:
        return None
    o = schema.outlets.c
    row = conn.execute(select(o.id, o.name, o.domain).where(o.key == key)).first()
    if row is None:
        outlet_id = conn.execute(
            insert(schema.outlets).values(key=key, domain=domain, name=name, language=language)
        ).inserted_primary_key[0]  # type: ignore[index]
        return int(outlet_id), name or domain or key
    if row.name is None and name:
        conn.execute(update(schema.outlets).where(o.id == row.id).values(name=name))
    return int(row.id), row.name or name or row.domain or key


def read_tsv(path: Path) -> list[dict[str, str | None]]:
    """The user's outlet table: a header row naming some of ``TSV_COLUMNS``; ``domain`` or ``name`` is required."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    header = [h.strip().lower() for h in reader.fieldnames or []]
    unknown = set(header) - set(TSV_COLUMNS)
    if not header or unknown or not {"domain", "name"} & set(header):
        expected = "\t".join(TSV_COLUMNS)
        raise InputError(path, f"the first line must name the columns (some of: {expected}); got {header}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v.strip() or None) if isinstance(v, str) else None for k, v in raw.items() if k}
        domain = row.get("domain")
        if domain and "://" in domain:
            domain = domain_of(domain)
        elif domain:
            domain = domain.lower().removeprefix("www.")
        if not domain and not row.get("name"):
            raise InputError(f"{path}:{number}", "needs a domain or a name")
        rows.append({**{c: row.get(c) for c in TSV_COLUMNS}, "domain": domain})
    return rows


def import_rows(conn: Connection, rows: list[dict[str, str | None]]) -> int:
    """Create or update outlets from the user's table; documents already stored take the new names."""
    o = schema.outlets.c
    for row in rows:
        key = outlet_key(row["domain"], row["name"])
        values = {c: row[c] for c in TSV_COLUMNS}
        existing = conn.scalar(select(o.id).where(o.key == key))
        if existing is None:
            existing = conn.execute(insert(schema.outlets).values(key=key, **values)).inserted_primary_key[0]  # type: ignore[index]
        else:
            conn.execute(update(schema.outlets).where(o.id == existing).values(**values))
        if row["name"]:
            d = schema.documents.c
            conn.execute(update(schema.documents).where(d.outlet_id == existing).values(outlet=row["name"]))
    return len(rows)


def all_outlets(conn: Connection) -> list[Outlet]:
    """Every outlet with its number of documents, most first."""
    o, d = schema.outlets.c, schema.documents.c
    count = select(func.count()).where(d.outlet_id == o.id).scalar_subquery()
    query = select(o.id, o.key, o.domain, o.name, o.country, o.language, o.affiliation, o.notes, count.label("n"))
    rows = conn.execute(query.order_by(count.desc(), o.key))
    return [Outlet(*row[:-1], documents=row.n) for row in rows]
