"""The library API the CLI is a thin layer over: readers, analysis, ingest, documents, exports."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE, FIXTURES

from sitrep import service
from sitrep.analyze.pipeline import Pipeline
from sitrep.errors import InputError, NotFound, SitrepError, UsageError
from sitrep.sources import Origin, RawDoc, open_inputs
from sitrep.sources.inputs import _READERS, ReadOptions, register_reader
from sitrep.store import Store


def test_files_are_read_as_documents_with_their_origin(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html><body><p>A page.</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    inputs = open_inputs([tmp_path, EXAMPLE], captured_at="2023-05-25", outlet="Example Outlet")
    assert inputs.total == 3
    page, empty, example = list(inputs)
    assert isinstance(page, RawDoc) and page.media_type == "text/html"
    assert page.origin == Origin(str(tmp_path / "a.html"), "2023-05-25", "Example Outlet")
    assert isinstance(empty, InputError) and empty.reason == "empty file"
    assert isinstance(example, RawDoc) and example.media_type is None and example.uri == str(EXAMPLE)


class LinesReader:
    """A reader of another kind of source: each line of a ``.lines`` file is one document."""

    def __init__(self, paths: list[Path], options: ReadOptions) -> None:
        self.paths, self.options = paths, options

    @property
    def total(self) -> None:
        return None

    def __iter__(self) -> Iterator[RawDoc | InputError]:
        for path in self.paths:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                origin = Origin(f"{path}#{number}", self.options.captured_at, "Lines Agency")
                yield RawDoc(origin, line.encode()) if line.strip() else InputError(origin.uri, "empty line")


def test_a_new_reader_plugs_in_without_touching_the_pipeline(tmp_path: Path, pipeline: Pipeline) -> None:
    feed = tmp_path / "wire.lines"
    feed.write_text("Rebels shelled the port of Odesa on Monday.\n\nThe council met on Tuesday.\n", encoding="utf-8")
    register_reader(lambda path: path.suffix == ".lines", LinesReader)
    try:
        outcomes = list(service.analyze_documents(open_inputs([feed], captured_at="2023-05-25"), pipeline))
    finally:
        _READERS.pop()
    assert [o.uri for o in outcomes] == [f"{feed}#1", f"{feed}#2", f"{feed}#3"]
    first, empty, last = outcomes
    assert first.result is not None and first.result.article.outlet == "Lines Agency"
    assert first.result.source.captured_at == "2023-05-25"
    assert empty.error is not None and str(empty.error) == f"{feed}#2: empty line"
    assert last.result is not None


def test_ingest_reports_stored_duplicate_and_failed(tmp_path: Path, store: Store, pipeline: Pipeline) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 binary")
    first = service.ingest(store, open_inputs([EXAMPLE, bad, EXAMPLE]), pipeline)
    assert (first.stored, first.duplicate, len(first.failed)) == (1, 1, 1)
    assert "PDF" in first.failed[0] and not first.ok
    again = service.ingest(store, open_inputs([EXAMPLE, FIXTURES / "html" / "dispatch.html"]), pipeline)
    assert (again.stored, again.duplicate, again.failed) == (1, 1, [])
    assert store.count() == 2


def test_documents_and_errors_that_interfaces_map(store: Store, pipeline: Pipeline) -> None:
    service.ingest(store, open_inputs([EXAMPLE], captured_at="2023-05-25"), pipeline)
    assert service.document(store, 1).article.title == "Russian Forces Achieving Progress in Bakhmut"
    with pytest.raises(NotFound) as missing:
        service.document(store, 99)
    assert str(missing.value) == "no document with id 99" and missing.value.http_status == 404
    with pytest.raises(UsageError) as bad:
        list(service.export_records(store, "xml"))
    assert bad.value.http_status == 400 and isinstance(bad.value, SitrepError)
    assert [d.id for d in service.documents(store)] == [1]


def test_exports_stream_lazily_and_carry_the_format_records(store: Store, pipeline: Pipeline) -> None:
    service.ingest(store, open_inputs([EXAMPLE], captured_at="2023-05-25"), pipeline)
    stream = service.export_records(store, "jsonl")
    assert iter(stream) is stream  # an iterator over the database cursor, not a list built in memory
    buffer = io.StringIO()
    count = service.export(store, "jsonl", buffer)
    kinds = {json.loads(line)["kind"] for line in buffer.getvalue().splitlines()}
    assert count > 0 and kinds == {"event", "control"}
    assert {r.kind for r in service.export_records(store, "acled")} == {"event"}
