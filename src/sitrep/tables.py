"""Every TSV table sitrep reads goes through here.

sitrep's own tables live in one folder, ``sitrep/data`` (lexicons, the actor
table, the event taxonomy, seats of government, gazetteer additions). They share
one layout so a user can read and extend any of them the same way: ``#`` lines
are comments (licences, column notes), the first other line names the columns,
and each following line is one tab-separated row. Cells are never quoted.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

Row = dict[str, str]


def parse_table(text: str) -> list[Row]:
    """Rows of a table as dicts keyed by the header; missing trailing cells are empty strings."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


@lru_cache(maxsize=32)
def packaged_text(name: str) -> str:
    """The text of a packaged table (parsers that need more than rows of cells start here)."""
    return resources.files("sitrep").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


def read_table(name: str) -> list[Row]:
    """One of sitrep's packaged tables, by its path under ``sitrep/data`` (``"actors.tsv"``)."""
    return parse_table(packaged_text(name))


def table_bytes(name: str) -> bytes:
    """The raw bytes of a packaged table (fingerprints of derived indexes hash them)."""
    return resources.files("sitrep").joinpath("data", *name.split("/")).read_bytes()


def read_table_file(path: Path) -> list[Row]:
    """A table in the same layout kept by the user (their own gazetteer additions, outlet lists)."""
    return parse_table(path.read_text(encoding="utf-8"))


def read_rows(path: Path) -> list[list[str]]:
    """Plain tab-separated rows of a third-party file with no comment or header conventions."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
