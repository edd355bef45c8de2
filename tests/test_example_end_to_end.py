"""The bundled example through the whole system: ingest, claims, timeline, exports, from the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from geojson_pydantic import FeatureCollection
from tests.conftest import ROOT
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("e2e") / "example.db")
    result = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", path, "--captured-at", "2023-05-25"])
    assert result.exit_code == 0, result.stderr
    assert "stored 1" in result.stderr
    return path


def test_claims_about_bakhmut_are_contested(db: str) -> None:
    result = runner.invoke(app, ["claims", "Bakhmut", "--db", db])
    assert result.exit_code == 0
    out = result.stdout
    assert "contested" in out.splitlines()[0]
    assert "Ukraine holds" in out and "Russia advancing" in out and "General Staff" in out
    assert "captured" not in out  # "If Bakhmut fell to Russian forces" is hypothetical


def test_claims_json(db: str) -> None:
    result = runner.invoke(app, ["claims", "Bakhmut", "--db", db, "--format", "json"])
    periods = [json.loads(line) for line in result.stdout.splitlines()]
    assert periods[0]["derived"] == "contested"
    pairs = {(c["side"], c["status"]) for c in periods[0]["claims"]}
    assert {("Ukraine", "holds"), ("Russia", "advancing")} <= pairs


def test_timeline_is_ordered_and_says_who(db: str) -> None:
    result = runner.invoke(app, ["timeline", "Donetsk Oblast", "--db", db, "--format", "json"])
    entries = [json.loads(line)["reports"] for line in result.stdout.splitlines()]
    assert entries
    starts = [e[0]["earliest"] for e in entries if e[0]["earliest"]]
    assert starts == sorted(starts)
    assert any(r["claim_chain"]["source"] for e in entries for r in e)
    text = runner.invoke(app, ["timeline", "Bakhmut", "--db", db]).stdout
    assert "Bakhmut" in text and "says" in text


def test_exports_to_files(db: str, tmp_path: Path) -> None:
    outputs = {}
    for fmt in ("jsonl", "csv", "geojson", "acled"):
        target = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(target), "--db", db])
        assert result.exit_code == 0, result.stderr
        outputs[fmt] = target.read_text(encoding="utf-8")
    records = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert any(r["type"] == "Battles" and r["place"] == "Bakhmut" for r in records)
    assert len(pd.read_csv(tmp_path / "events.csv")) == len(records)
    FeatureCollection.model_validate_json(outputs["geojson"])
    rows = list(csv.DictReader(outputs["acled"].splitlines()))
    assert rows and all(r["event_type"] for r in rows)
    assert any(r["event_date"] == "2022-02-24" for r in rows)  # the background invasion event
    result = runner.invoke(app, ["export", "--format", "xml", "--db", db])
    assert result.exit_code == 1 and "unknown export format" in result.stderr


def test_exports_parquet_tables_to_a_directory(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "parquet", "--out", str(tmp_path / "pq"), "--db", db])
    assert result.exit_code == 0, result.stderr
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    jsonl = runner.invoke(app, ["export", "--db", db]).stdout.splitlines()
    assert len(events) == sum(json.loads(line)["kind"] == "event" for line in jsonl)
    assert "Bakhmut" in set(events["place"])
    result = runner.invoke(
        app, ["export", "-f", "parquet", "--table", "places", "--out", str(tmp_path / "p2"), "--db", db]
    )
    assert result.exit_code == 0 and [p.name for p in (tmp_path / "p2").iterdir()] == ["places.parquet"]
    for args, message in (
        (["-f", "parquet"], "give a directory with --out"),
        (["-f", "parquet", "--table", "nope", "--out", str(tmp_path / "p3")], "unknown table 'nope'"),
        (["-f", "csv", "--table", "events"], "parquet only"),
    ):
        result = runner.invoke(app, ["export", *args, "--db", db])
        assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.stderr
