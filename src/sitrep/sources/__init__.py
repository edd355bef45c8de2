"""Readers that turn a path (file, folder, gzip) into RawDocs: bytes plus provenance."""

from sitrep.sources.files import DEFAULT_MAX_BYTES, RawDoc, iter_paths, read_path

__all__ = ["DEFAULT_MAX_BYTES", "RawDoc", "iter_paths", "read_path"]
