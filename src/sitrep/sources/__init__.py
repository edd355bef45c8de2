"""Readers: every input (files, folders, gzip; later web archives, JSON Lines, feeds) as RawDocs.

``open_inputs`` is the one entry point: it picks a reader for each input and
streams their documents in order. A new kind of input is a new reader here;
nothing downstream changes.
"""

from sitrep.sources.document import DocumentReader, Origin, RawDoc
from sitrep.sources.files import DEFAULT_MAX_BYTES, FileReader, iter_paths, read_path
from sitrep.sources.inputs import open_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DocumentReader",
    "FileReader",
    "Origin",
    "RawDoc",
    "iter_paths",
    "open_inputs",
    "read_path",
]
