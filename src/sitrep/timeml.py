"""TimeML in and out: read TempEval-3 style files, annotate TIMEX3 tags, write them back.

Reading: the DCT is the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"``;
the document text is the character content of ``<TEXT>`` (XML entities
unescaped for analysis, with a map back to the raw characters).

Writing (our documented choice): inside ``<TEXT>`` *all* existing tags
(TIMEX3, EVENT, SIGNAL) are removed and only our ``TIMEX3`` tags are inserted,
so gold files can be used as input; the raw character content of ``<TEXT>``,
entities included, stays byte-identical, as the TempEval-3 scorer requires.
Stand-off links (MAKEINSTANCE, TLINK, SLINK, ALINK) refer to the removed tags
and are dropped; everything else outside ``<TEXT>`` is kept as it was. New tids
never clash with the DCT's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import InputError
from sitrep.model import Interval, Source, Timex

SUFFIXES = (".tml", ".TE3input")
_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.DOTALL)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_TIMEX_OPEN = re.compile(r"<TIMEX3\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_LINKS = re.compile(r"\s*<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*/>")


@dataclass
class GoldTimex:
    start: int
    end: int
    attrs: dict[str, str]


@dataclass
class TimeMLDoc:
    """One TimeML file: its raw source, the plain text of ``<TEXT>``, the DCT, and any TIMEX3 in the text."""

    path: Path
    raw: str
    text_start: int  # offset of the TEXT content in ``raw``
    text_end: int
    clean_raw: str  # the TEXT content without tags, entities kept
    plain: str  # ``clean_raw`` with entities unescaped: what is analysed
    plain_to_raw: list[int]  # plain offset -> clean_raw offset (one extra entry for the end)
    dct_value: str | None
    dct_tids: set[str]
    gold: list[GoldTimex] = field(default_factory=list)

    @property
    def published(self) -> Interval | None:
        """The DCT value as the article's published interval (a day; time of day is not needed)."""
        if not self.dct_value or not re.match(r"\d{4}-\d{2}-\d{2}", self.dct_value):
            return None
        day = self.dct_value[:10]
        return Interval(earliest=day, latest=day, granularity="day", text=self.dct_value)


def _error(path: Path, reason: str) -> InputError:
    return InputError(path, reason)


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file (``.tml`` or ``.TE3input``)."""
    try:
        raw = path.read_bytes().decode("utf-8")  # bytes, not text mode: keep "\r\n" as written
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, f"cannot read TimeML: {exc}") from exc
    match = _TEXT.search(raw)
    if match is None:
        raise _error(path, "no <TEXT> element: not a TimeML file")
    dct_value, dct_tids = None, set()
    for tag in _TIMEX_OPEN.finditer(raw):
        attrs = dict(_ATTR.findall(tag[1]))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct_value = dct_value or attrs.get("value")
            dct_tids.add(attrs.get("tid", ""))
    clean, plain, mapping, gold = _split_text(match[2])
    return TimeMLDoc(path, raw, match.start(2), match.end(2), clean, plain, mapping, dct_value, dct_tids, gold)


def _split_text(content: str) -> tuple[str, str, list[int], list[GoldTimex]]:
    clean: list[str] = []
    plain: list[str] = []
    mapping: list[int] = []
    clean_len = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    position = 0

    def copy(text: str) -> None:
        nonlocal clean_len
        for char in text:
            mapping.append(clean_len)
            plain.append(char)
            clean.append(char)
            clean_len += 1

    for item in _TAG_OR_ENTITY.finditer(content):
        copy(content[position : item.start()])
        position = item.end()
        token = item[0]
        if token.startswith("&"):
            mapping.append(clean_len)
            plain.append(html.unescape(token))
            clean.append(token)
            clean_len += len(token)
        elif token.startswith("<TIMEX3"):
            open_timex.append((len(plain), dict(_ATTR.findall(token))))
        elif token.startswith("</TIMEX3") and open_timex:
            start, attrs = open_timex.pop()
            gold.append(GoldTimex(start, len(plain), attrs))
    copy(content[position:])
    mapping.append(clean_len)
    return "".join(clean), "".join(plain), mapping, gold


def write_timeml(doc: TimeMLDoc, timexes: Iterable[Timex]) -> str:
    """The TimeML source of ``doc`` with ``timexes`` as the only tags in ``<TEXT>``."""
    pieces: list[str] = []
    cursor = 0
    taken = set(doc.dct_tids)
    number = 0
    for timex in sorted(timexes, key=lambda t: t.start):
        start, end = doc.plain_to_raw[timex.start], doc.plain_to_raw[timex.end]
        if start < cursor:
            continue  # overlapping expressions cannot nest in TimeML: keep the first
        number += 1
        while f"t{number}" in taken:
            number += 1
        attributes = f'tid="t{number}" type="{timex.type}" value="{html.escape(timex.value)}"'
        if timex.mod:
            attributes += f' mod="{timex.mod}"'
        pieces += [doc.clean_raw[cursor:start], f"<TIMEX3 {attributes}>", doc.clean_raw[start:end], "</TIMEX3>"]
        cursor = end
    pieces.append(doc.clean_raw[cursor:])
    head = doc.raw[: doc.text_start]
    tail = _LINKS.sub("", doc.raw[doc.text_end :])
    return head + "".join(pieces) + tail


def timeml_files(path: Path) -> list[Path]:
    """The TimeML files at ``path`` (one file, or the files of a folder, recursively, sorted)."""
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
    raise _error(path, "no such file or folder")


def output_name(path: Path) -> str:
    """``X.tml.TE3input`` and ``X.TE3input`` are written as ``X.tml``; ``X.tml`` keeps its name."""
    name = path.name.removesuffix(".TE3input")
    return name if name.endswith(".tml") else name + ".tml"


def analyze_docs(docs: list[TimeMLDoc], model: str | None = None) -> Iterator[tuple[TimeMLDoc, list[Timex]]]:
    """Run the ``timexes`` stage over the documents' text, anchored on their DCTs (one model load)."""
    from sitrep.analyze.pipeline import Pipeline
    from sitrep.model import Article

    pipeline = Pipeline(stages=["timexes"], model=model)
    items = (
        (Source(uri=str(d.path), kind="text", sha256=None), Article(body=d.plain, published=d.published)) for d in docs
    )
    for doc, result in zip(docs, pipeline.analyze_many(items), strict=True):
        if isinstance(result, InputError):  # a failing stage: one line naming the file, never a traceback
            raise result
        yield doc, result.timexes


def annotate_timeml(in_path: Path, out_path: Path, model: str | None = None) -> int:
    """Annotate a TimeML file or folder with TIMEX3 tags; returns the number of files written.

    A folder is written to the folder ``out_path`` (created), one file per input
    under the same relative name; a single file is written to ``out_path``, or into
    it when ``out_path`` is an existing folder.
    """
    files = timeml_files(in_path)
    if not files:
        raise _error(in_path, "no .tml or .TE3input files found")
    docs = [read_timeml(p) for p in files]
    written = 0
    for doc, timexes in analyze_docs(docs, model):
        if in_path.is_dir():
            target = out_path / doc.path.parent.relative_to(in_path) / output_name(doc.path)
        elif out_path.is_dir():
            target = out_path / output_name(doc.path)
        else:
            target = out_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(write_timeml(doc, timexes).encode("utf-8"))
        written += 1
    return written
