"""The text of every document the news-event labels point into, read the same way every time.

The labelled development set (``eval/data/news_events_*.tsv``) holds no text of its
own (the data in ``../shared/data`` must not be copied into the project): each row
names a source, a document and character offsets into that document's text as this
module returns it, plus a short hash of the slice so a change in how text is read
is caught instead of silently shifting every label.

Sources: ``voa`` and ``plover`` (JSON Lines records by ``id``), ``ngec`` (synthetic
stories by row number; the disclaimer column is not part of the text), ``lgl``
(articles by ``docid``), ``polnear`` (article files by path under
``attribution/polnear``), ``html`` (pages by path under ``html/``: ``pages/…`` or
``more/…html.gz``), read with trafilatura's main-text extraction at pinned settings.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import zipfile
from functools import lru_cache
from pathlib import Path

from eval.common import shared_data

SOURCES = ("voa", "plover", "ngec", "lgl", "polnear", "html")


@lru_cache(maxsize=1)
def _voa() -> dict[str, str]:
    path = shared_data() / "events" / "news" / "voa_m2e2_sentences.jsonl"
    return {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@lru_cache(maxsize=1)
def _plover() -> dict[str, str]:
    path = shared_data() / "events" / "news" / "plover_gsr.jsonl"
    return {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@lru_cache(maxsize=1)
def _ngec() -> list[dict[str, str]]:
    with zipfile.ZipFile(shared_data() / "events" / "news" / "ngec_synthetic_events.csv.zip") as archive:
        name = archive.namelist()[0]
        with archive.open(name) as handle:
            return list(csv.DictReader(io.TextIOWrapper(handle, "utf-8")))


@lru_cache(maxsize=1)
def _lgl() -> dict[str, str]:
    import xml.etree.ElementTree as ET

    root = ET.parse(shared_data() / "geo" / "lgl" / "lgl.xml").getroot()
    return {a.get("docid", ""): a.findtext("text") or "" for a in root.iter("article")}


@lru_cache(maxsize=2048)
def _html(relative: str) -> str:
    import trafilatura

    path = shared_data() / "html" / relative
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    text = trafilatura.extract(
        data.decode("utf-8", errors="replace"),
        include_comments=False,
        include_tables=False,
        favor_precision=False,
        deduplicate=False,
    )
    return text or ""


def document_text(source: str, doc: str) -> str:
    """The text of document ``doc`` of ``source`` (see the module docstring)."""
    if source == "voa":
        return _voa()[doc]
    if source == "plover":
        return _plover()[doc]
    if source == "ngec":
        return _ngec()[int(doc)]["text"]
    if source == "lgl":
        return _lgl()[doc]
    if source == "polnear":
        return (shared_data() / "attribution" / "polnear" / doc).read_text(encoding="utf-8")
    if source == "html":
        return _html(doc)
    raise ValueError(f"unknown source {source!r}; known: {', '.join(SOURCES)}")


def check(text: str) -> str:
    """The short hash a label row keeps of its slice."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def documents(source: str) -> list[str]:
    """Every document id of a source (for samplers and labelling tools)."""
    if source == "voa":
        return list(_voa())
    if source == "plover":
        return list(_plover())
    if source == "ngec":
        return [str(i) for i in range(len(_ngec()))]
    if source == "lgl":
        return list(_lgl())
    if source == "polnear":
        root = shared_data() / "attribution" / "polnear"
        return sorted(str(p.relative_to(root)) for p in root.glob("*/text/*.txt"))
    if source == "html":
        root = shared_data() / "html"
        return sorted(str(p.relative_to(root)) for p in [*root.glob("pages/*/*.html"), *root.glob("more/*.gz")])
    raise ValueError(f"unknown source {source!r}")


def snippet(source: str, doc: str, start: int, end: int) -> str:
    return document_text(source, doc)[start:end]


def read_labels(path: Path) -> list[dict[str, str]]:
    """Label rows of one ``news_events_*.tsv`` file (``#`` comments, a header row)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split_of(source: str, doc: str) -> str:
    """``heldout`` for about a third of the documents (by a hash of their id), else ``dev``.

    All snippets of one document fall in the same split; nothing is tuned on ``heldout``.
    """
    return "heldout" if int(hashlib.sha1(f"{source}:{doc}".encode()).hexdigest(), 16) % 3 == 0 else "dev"
