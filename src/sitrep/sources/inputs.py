"""Choosing a reader for each input the user names, and streaming them as one.

Readers register the inputs they accept (``register_reader``); anything no
reader claims is read as files and folders. Inputs keep their order, and so do
the documents inside each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from sitrep.errors import InputError
from sitrep.sources.document import DocumentReader, RawDoc
from sitrep.sources.files import FileReader
from sitrep.sources.jsonl import JsonLinesReader, is_jsonl
from sitrep.sources.warc import WarcReader, is_warc


@dataclass(frozen=True)
class ReadOptions:
    """What every reader is told: the size limit, the capture time and outlet to record."""

    max_bytes: int | None = None
    captured_at: str | None = None
    outlet: str | None = None


ReaderFactory = Callable[[list[Path], ReadOptions], DocumentReader]
_READERS: list[tuple[Callable[[Path], bool], ReaderFactory]] = []


def register_reader(accepts: Callable[[Path], bool], factory: ReaderFactory) -> None:
    """Let ``factory`` read every input that ``accepts`` (e.g. names ending in ``.warc.gz``)."""
    _READERS.append((accepts, factory))


def _files(paths: list[Path], options: ReadOptions) -> DocumentReader:
    return FileReader(paths, options.max_bytes, options.captured_at, options.outlet)


def _factory_for(path: Path) -> ReaderFactory:
    return next((factory for accepts, factory in _READERS if accepts(path)), _files)


class ChainedReader:
    """Several readers, one after the other, as one stream."""

    def __init__(self, readers: Iterable[DocumentReader]) -> None:
        self.readers = list(readers)

    @property
    def total(self) -> int | None:
        totals = [reader.total for reader in self.readers]
        return None if None in totals else sum(t or 0 for t in totals)

    @property
    def size(self) -> int:
        return sum(reader.size for reader in self.readers)

    @property
    def position(self) -> int:
        return sum(reader.position for reader in self.readers)

    @property
    def skipped(self) -> Counter[str]:
        return sum((reader.skipped for reader in self.readers), Counter())

    def __iter__(self) -> Iterator[RawDoc | InputError]:
        for reader in self.readers:
            yield from reader


def _warc(paths: list[Path], options: ReadOptions) -> DocumentReader:
    return WarcReader(paths, options.max_bytes, options.outlet)


def _jsonl(paths: list[Path], options: ReadOptions) -> DocumentReader:
    return JsonLinesReader(paths, options.max_bytes, options.outlet)


register_reader(is_warc, _warc)
register_reader(is_jsonl, _jsonl)


def open_inputs(
    paths: Iterable[Path], max_bytes: int | None = None, captured_at: str | None = None, outlet: str | None = None
) -> DocumentReader:
    """The documents of every input named, in order, each read by the reader that accepts it."""
    options = ReadOptions(max_bytes, captured_at, outlet)
    runs = groupby(paths, key=_factory_for)
    return ChainedReader(factory(list(group), options) for factory, group in runs)
