"""Cross-article views and exports, on fixture articles of our own that disagree.

The articles are built the way the stages fill them (places, attributions, events,
control claims with offsets), so these tests exercise the store, the joins, the
views and the exports independently of the NLP.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from geojson_pydantic import FeatureCollection

from sitrep.corpus import records, timelines, views
from sitrep.export import EXPORTERS, parquet
from sitrep.store import Store
from sitrep.store.db import SCHEMA_VERSION


def test_records_carry_the_claim_chain(corpus: Store) -> None:
    events = list(records.events(corpus))
    assert len(events) == 3
    first = events[0]
    assert first.place is not None and first.place.name == "Soledar" and first.place.admin1 == "Donetsk Oblast"
    assert first.claimant.source == "Russia's defence ministry" and first.claimant.cue == "say"
    assert first.outlet == "RIA Example"
    assert first.evidence == "its forces had captured Soledar after days of fighting"


def test_timeline_groups_duplicates_and_orders_by_time(corpus: Store) -> None:
    entries = timelines.timeline(corpus, "Soledar")
    whens = [e.first.earliest for e in entries]
    assert whens == sorted(whens)
    clash = [e for e in entries if e.first.what == "Battles / Armed clash"]
    assert len(clash) == 1 and clash[0].records == 3  # three outlets, one happening
    outlets = {o for report in clash[0].reports for o in report.outlets}
    assert outlets == {"RIA Example", "Kyiv Example", "Other Example"}


def test_timeline_of_a_region_includes_its_places_and_filters_dates(corpus: Store) -> None:
    places = {e.first.place.name for e in timelines.timeline(corpus, "Donetsk Oblast") if e.first.place}
    assert places == {"Soledar", "Bakhmut"}
    later = timelines.timeline(corpus, "Donetsk", start="2023-03-01")
    assert {e.first.place.name for e in later if e.first.place} == {"Bakhmut"}
    assert timelines.timeline(corpus, "Donetsk", end="2022-12-31") == []


def test_timeline_by_actor(corpus: Store) -> None:
    entries = timelines.timeline(corpus, "Military Forces of Russia")
    assert entries and all(e.first.kind == "event" for e in entries)


def test_claims_derive_contested_when_one_advances_and_the_other_holds(corpus: Store) -> None:
    periods = views.place_claims(corpus, "Bakhmut")
    assert len(periods) == 1
    assert periods[0].derived == "contested"
    assert {(c.side, c.status) for c in periods[0].claims} == {("Russia", "advancing"), ("Ukraine", "holds")}


def test_conflicting_claims_pair_captured_with_still_holding(corpus: Store) -> None:
    pairs = views.conflicting(corpus)
    assert len(pairs) == 1
    a, b = pairs[0]
    assert {(a.side, a.status), (b.side, b.status)} == {("Russia", "captured"), ("Ukraine", "holds")}
    assert {a.outlet, b.outlet} == {"RIA Example", "Kyiv Example"}
    # advancing vs holding is a contest, not a contradiction; "if Bakhmut fell" claims nothing
    assert views.conflicting(corpus, "Bakhmut") == []


def test_reprints_of_a_claim_are_one_position_not_more_pairs(corpus: Store) -> None:
    claimant = next(r for r in records.control_claims(corpus) if r.status == "captured")
    article = corpus.get(claimant.doc_id)
    assert article is not None
    for i in range(30):  # the same claim reprinted 30 times by the same outlet
        copy = article.model_copy(deep=True)
        copy.source.sha256 = f"{i:064x}"
        corpus.add(copy)
    pairs = views.conflicting(corpus)
    assert len(pairs) == 1  # 31 × 1 contradicting claims, one position against one
    assert {(pairs[0].first.side, pairs[0].first.status), (pairs[0].second.side, pairs[0].second.status)} == {
        ("Russia", "captured"),
        ("Ukraine", "holds"),
    }


def test_exports_read_back(corpus: Store) -> None:
    recs = [*records.events(corpus), *records.control_claims(corpus)]
    outputs = {}
    for name, exporter in EXPORTERS.items():
        buffer = io.StringIO()
        exporter(recs, buffer)
        outputs[name] = buffer.getvalue()

    lines = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert len(lines) == 9 and lines[0]["claim_chain"]["source"] == "Russia's defence ministry"

    frame = pd.read_csv(io.StringIO(outputs["csv"]))
    assert len(frame) == 9 and set(frame["place"]) == {"Soledar", "Bakhmut"}
    assert frame.loc[0, "evidence"] == "its forces had captured Soledar after days of fighting"

    collection = FeatureCollection.model_validate_json(outputs["geojson"])
    assert len(collection.features) == 9
    lon, lat = collection.features[0].geometry.coordinates  # type: ignore[union-attr]
    assert (round(lat, 2), round(lon, 2)) == (48.68, 38.07)  # RFC 7946: longitude first

    acled = list(csv.DictReader(io.StringIO(outputs["acled"])))
    assert len(acled) == 3
    assert acled[0]["event_date"] == "2023-01-13" and acled[0]["time_precision"] == "1"
    assert acled[0]["country"] == "Ukraine" and acled[0]["geo_precision"] == "1"
    assert acled[0]["actor1"] == "Military Forces of Russia" and acled[0]["actor2"] == "Military Forces of Ukraine"
    assert acled[0]["source"] == "RIA Example; Russia's defence ministry"
    assert pd.read_csv(io.StringIO(outputs["acled"])).shape == (3, 14)


def test_parquet_tables_read_back_with_types_and_descriptions(
    corpus: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROWS_PER_GROUP", 2)  # several row groups, as a large store writes
    counts = parquet.export(corpus, tmp_path / "out")
    assert counts == {"events": 3, "claims": 6, "places": counts["places"], "documents": corpus.count()}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{n}.parquet" for n in sorted(parquet.TABLES)]

    events = pd.read_parquet(tmp_path / "out" / "events.parquet")
    first = events.iloc[0]
    assert first["place"] == "Soledar" and first["claim_source"] == "Russia's defence ministry"
    assert first["outlet"] == "RIA Example" and first["actor1"] == "Military Forces of Russia"
    assert first["evidence"] == "its forces had captured Soledar after days of fighting"
    assert str(first["earliest_date"]) == "2023-01-13"
    claims = pd.read_parquet(tmp_path / "out" / "claims.parquet")
    assert {("Russia", "captured"), ("Ukraine", "holds")} <= set(zip(claims["side"], claims["status"], strict=True))

    places = pd.read_parquet(tmp_path / "out" / "places.parquet")
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    joined = places.merge(documents, on="doc_id")
    assert (
        len(joined) == len(places)
        and (
            joined["text"] == [b[s:e] for b, s, e in zip(joined["body"], joined["start"], joined["end"], strict=True)]
        ).all()
    )  # offsets point into the exported body
    assert pq.ParquetFile(tmp_path / "out" / "places.parquet").metadata.num_row_groups > 1
    for name, table in parquet.TABLES.items():
        schema = pq.read_schema(tmp_path / "out" / f"{name}.parquet")
        assert schema.names == [c[0] for c in table.columns]
        assert all(schema.field(n).metadata[b"description"] for n in schema.names)


def test_an_interrupted_parquet_export_leaves_no_table_behind(corpus: Store, tmp_path: Path) -> None:
    def failing() -> Iterator[dict[str, object]]:
        yield from parquet.TABLES["places"].rows(corpus)
        raise OSError("disk full")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(OSError):
        parquet.write_table(parquet.TABLES["places"], failing(), out / "places.parquet")
    assert list(out.iterdir()) == []


def test_a_store_copies_to_the_other_backend_with_the_same_views(
    corpus: Store, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from tests.test_cli import run

    from sitrep.store.copy import copy_store

    other = str(tmp_path / "copy.db") if corpus.engine.dialect.name == "postgresql" else None
    target_url = other or request.getfixturevalue("postgres_url")
    counts = copy_store(corpus, Store(target_url))
    copied = Store(target_url)
    assert counts["documents"] == corpus.count() == copied.count()
    assert [d.id for d in copied.documents(limit=100)] == [d.id for d in corpus.documents(limit=100)]
    assert [json.dumps(e.to_json()) for e in timelines.timeline(copied, "Soledar")] == [
        json.dumps(e.to_json()) for e in timelines.timeline(corpus, "Soledar")
    ]
    assert [h.id for h in copied.search("Soledar")] and {h.id for h in copied.search("Soledar")} == {
        h.id for h in corpus.search("Soledar")
    }
    code, _, err = run("db", "copy", corpus.url, target_url)
    assert code == 1 and "not empty" in err  # never into a store that holds documents
    code, _, err = run("db", "migrate", "--db", target_url)
    assert code == 0 and f"schema {SCHEMA_VERSION}" in err
