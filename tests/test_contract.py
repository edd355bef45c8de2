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
    assert set(doc["article"]) >= {
        "title",
        "byline",
        "authors",
        "outlet",
        "section",
        "language",
        "published",
        "body",
        "paragraphs",
        "boilerplate",
    }


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


def test_every_broken_promise_is_named(outputs: list[AnalyzedArticle]) -> None:
    from sitrep.contract import violations

    good = outputs[0]
    assert violations(good) == []
    broken = good.model_copy(deep=True)
    broken.places[0].start += 1  # no longer slices to its text
    broken.events[0].place = len(broken.places)  # points past the last place
    broken.control[0].claimant = 999
    broken.article.paragraphs[-1].end = len(broken.article.body) + 5
    found = [str(v) for v in violations(broken)]
    assert found[0].startswith("article.paragraphs[") and "fall outside the body" in found[0]
    assert any(v.startswith("places[0]: offsets") and "slice" in v for v in found)
    assert f"events[0].place: points at places[{len(broken.places)}], but there are {len(broken.places)}" in found
    assert any(v.startswith("control[0].claimant: points at attributions[999]") for v in found)


def test_validate_command_checks_files(outputs: list[AnalyzedArticle], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    good = tmp_path / "good.jsonl"
    good.write_text("".join(o.model_dump_json() + "\n" for o in outputs), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and "2 documents checked, 0 with problems" in result.stderr
    broken = outputs[0].model_copy(deep=True)
    broken.events[0].asserted_by = 50
    bad = tmp_path / "bad.jsonl"
    bad.write_text(outputs[1].model_dump_json() + "\n" + broken.model_dump_json() + '\n{"oops": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:2: events[0].asserted_by: points at attributions[50]")
    assert lines[1].startswith(f"{bad}:3: not an AnalyzedArticle:")
    assert "3 documents checked, 2 with problems" in result.stderr
