"""The JSON contract: the committed schema is current, output validates, offsets are evidence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import EXAMPLE, FIXTURES, ROOT

from sitrep.analyze.pipeline import Pipeline
from sitrep.extract import extract
from sitrep.model import AnalyzedArticle, json_schema
from sitrep.sources import read_path

SCHEMA_FILE = ROOT / "schema" / "analyzed-article.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make schema` and commit schema/analyzed-article.schema.json"


@pytest.fixture(scope="module")
def outputs(pipeline: Pipeline) -> list[AnalyzedArticle]:
    inputs = [read_path(EXAMPLE, captured_at="2023-05-25"), read_path(FIXTURES / "html" / "dispatch.html")]
    return [pipeline.analyze(*extract(raw)) for raw in inputs]


def test_output_validates_against_the_schema(outputs: list[AnalyzedArticle]) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for result in outputs:
        jsonschema.validate(json.loads(result.model_dump_json()), schema)


def test_contract_fields_exist(outputs: list[AnalyzedArticle]) -> None:
    doc = json.loads(outputs[0].model_dump_json())
    assert doc["schema_version"] == "1"
    assert set(doc) >= {"source", "article", "mentions", "places", "timexes", "attributions", "events"}
    assert set(doc["source"]) >= {"uri", "kind", "captured_at"}
    assert set(doc["article"]) >= {"title", "byline", "authors", "outlet", "section", "language", "published",
                                   "body", "paragraphs", "boilerplate"}


def _spans(result: AnalyzedArticle) -> list[tuple[int, int, str]]:
    spans = [(m.start, m.end, m.text) for m in result.mentions]
    spans += [(p.start, p.end, p.text) for p in result.places]
    spans += [(t.start, t.end, t.text) for t in result.timexes]
    for a in result.attributions:
        spans += [(a.cue.start, a.cue.end, a.cue.text), (a.content.start, a.content.end, a.content.text)]
        if a.source:
            spans.append((a.source.start, a.source.end, a.source.text))
    return spans


def test_every_offset_slices_the_body_to_its_text(outputs: list[AnalyzedArticle]) -> None:
    for result in outputs:
        body = result.article.body
        spans = _spans(result)
        assert spans
        for start, end, text in spans:
            assert body[start:end] == text
        for p in result.article.paragraphs:
            assert body[p.start : p.end].strip()


def test_example_mentions(outputs: list[AnalyzedArticle]) -> None:
    texts = {m.text for m in outputs[0].mentions}
    assert {"Volodymyr Zelensky", "Vladimir Putin", "Moscow", "Ukraine"} <= texts
    actors = {m.text: m.actor for m in outputs[0].mentions}
    assert actors["Kremlin"] == "Government of Russia"
    assert actors["Volodymyr Zelensky"] == "Government of Ukraine"
    assert actors["Vladimir Putin"] == "Government of Russia"
    sentences = outputs[0].sentences
    assert len(sentences) >= 9
    paragraph_starts = {p.start for p in outputs[0].article.paragraphs}
    assert paragraph_starts <= {s.start for s in sentences}  # no sentence spans two paragraphs


def test_schema_file_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(Path(SCHEMA_FILE).read_text(encoding="utf-8")))
