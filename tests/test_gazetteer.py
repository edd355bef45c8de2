"""The gazetteer: building, lookups by name and alias, and bad index states."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

import pytest

from sitrep.gazetteer import Gazetteer, GazetteerError, default_path, ensure_built, package_fingerprint
from sitrep.gazetteer.names import name_key, usable_alias
from sitrep.gazetteer.records import PlaceRecord, read_tsv_records
from sitrep.gazetteer.sources import PackageSources, demonym_forms, informal_records, stripped_forms

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer" / "tiny.tsv"


def tiny_records() -> Iterator[PlaceRecord]:
    return chain(read_tsv_records(FIXTURE), informal_records())


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return ensure_built(progress=False, path=tmp_path / "tiny.sqlite", records=tiny_records, fingerprint="tiny-1")


def names(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in gazetteer.lookup(text)]


def test_name_key_folds_case_diacritics_punctuation_and_saints() -> None:
    assert name_key("Zaporíz’ka") == name_key("ZAPORIZKA")
    assert name_key("St. Louis") == name_key("Saint Louis") == "st louis"
    assert name_key("Winston-Salem") == "winston salem"
    assert name_key("W.Va.") == name_key("W. Va.")


def test_aliases_filter_other_scripts_and_airport_codes() -> None:
    assert usable_alias("Artyomovsk")
    assert not usable_alias("Бахмут")
    assert not usable_alias("IEV")


def test_admin_names_have_short_forms() -> None:
    assert stripped_forms("Donetsk Oblast") == ["Donetsk"]
    assert stripped_forms("State of Texas") == ["Texas"]
    assert stripped_forms("Kyiv") == []


def test_former_and_alternative_names_resolve(tiny: Path) -> None:
    gazetteer = Gazetteer(tiny)
    assert ("Kyiv", "city") in names(gazetteer, "Kiev")
    assert ("Bakhmut", "city") in names(gazetteer, "Artyomovsk")
    assert ("Bakhmut", "city") in names(gazetteer, "Artemivsk")
    assert ("Zaporizhzhya", "city") in names(gazetteer, "Zaporozhye")
    assert ("Kharkiv", "city") in names(gazetteer, "Kharkov")
    assert names(gazetteer, "Donetsk Oblast") == [("Donetsk Oblast", "admin1")]
    assert names(gazetteer, "nowhere at all") == []


def test_lookup_returns_every_sense_most_populous_first(tiny: Path) -> None:
    gazetteer = Gazetteer(tiny)
    donetsk = gazetteer.lookup("Donetsk")
    assert [e.kind for e in donetsk] == ["admin1", "city"]
    assert donetsk[0].by_name is False and donetsk[1].by_name is True
    paris = gazetteer.lookup("Paris")
    assert [e.country for e in paris] == ["FR", "US", "US"]
    assert [e.population for e in paris] == sorted((e.population for e in paris), reverse=True)


def test_informal_regions_have_stable_ids_and_no_geonameid(tiny: Path) -> None:
    gazetteer = Gazetteer(tiny)
    donbas = gazetteer.lookup("Donbass")[0]
    assert donbas.place_id == "informal:donbas"
    assert donbas.geonameid is None and donbas.kind == "region" and donbas.country == "UA"
    crimea = gazetteer.get("informal:crimea")
    assert crimea is not None and crimea.status == "disputed"


def test_informal_table_is_well_formed() -> None:
    records = list(informal_records())
    ids = [r.place_id for r in records]
    assert len(ids) == len(set(ids))
    assert {"informal:donbas", "informal:gaza-strip", "informal:west-bank", "informal:sahel"} <= set(ids)
    for record in records:
        assert -90 <= record.lat <= 90 and -180 <= record.lon <= 180
        assert record.country is None or len(record.country) == 2


def test_missing_index_is_built_with_a_one_line_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sub" / "g.sqlite"
    assert ensure_built(progress=False, path=path, records=tiny_records, fingerprint="t") == path
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not found" in err and "building" in err
    assert Gazetteer(path).lookup("Kiev")


def test_corrupt_index_is_rebuilt_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(path)
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="t")
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unreadable" in err
    assert Gazetteer(path).lookup("Kyiv")


def test_stale_index_is_rebuilt_and_a_good_one_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="old")
    built = path.stat().st_mtime_ns
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="old")
    assert path.stat().st_mtime_ns == built
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="new")
    assert Gazetteer(path).meta["fingerprint"] == "new"


def test_index_from_an_older_builder_is_rebuilt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="t")
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE place DROP COLUMN names")
    with pytest.raises(GazetteerError):
        Gazetteer(path)
    ensure_built(progress=False, path=path, records=tiny_records, fingerprint="t")
    assert Gazetteer(path).lookup("Kyiv")[0].names >= 2


def test_the_index_counts_each_place_s_names(tiny: Path) -> None:
    """The count is the resolver's sign of how well known a place is (Bakhmut, Artemivsk, ...)."""
    gazetteer = Gazetteer(tiny)
    bakhmut = next(e for e in gazetteer.lookup("Bakhmut") if e.kind == "city")
    west = gazetteer.lookup("West")[0]
    assert bakhmut.names >= 3 and west.names == 1


def test_default_path_honours_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "x.sqlite"))
    assert default_path() == tmp_path / "x.sqlite"


def _full_index() -> Gazetteer:
    path = default_path()
    try:
        gazetteer = Gazetteer(path)
    except GazetteerError:
        pytest.skip(f"full gazetteer not built at {path} (run `sitrep setup`)")
    if gazetteer.meta.get("fingerprint") != package_fingerprint():
        pytest.skip("full gazetteer is stale (run `sitrep setup`)")
    return gazetteer


def test_full_index_resolves_the_issue_aliases() -> None:
    gazetteer = _full_index()

    def has(text: str, geonameid: int) -> bool:
        return any(e.geonameid == geonameid for e in gazetteer.lookup(text))

    kyiv, bakhmut, zaporizhzhia, kharkiv, donetsk_oblast = 703448, 713174, 687700, 706483, 709716
    assert has("Kiev", kyiv) and has("Kyiv", kyiv)
    assert has("Artemivsk", bakhmut) and has("Artyomovsk", bakhmut) and has("Bakhmut", bakhmut)
    assert has("Zaporizhzhia", zaporizhzhia) and has("Zaporozhye", zaporizhzhia)
    assert has("Kharkov", kharkiv) and has("Kharkiv", kharkiv)
    assert has("Donetsk Oblast", donetsk_oblast) and has("Donetsk", donetsk_oblast)
    assert has("W.Va.", 4826850)  # AP state abbreviation
    assert gazetteer.lookup("Donbas")[0].place_id == "informal:donbas"


def test_demonyms_are_kept_apart_from_names(tmp_path: Path) -> None:
    """A spotter looking up "Israeli" finds no place; a resolver asked about it finds Israel."""
    israel = PlaceRecord(
        "geonames:294640",
        "Israel",
        "country",
        31.5,
        34.75,
        country="IL",
        population=8_000_000,
        demonyms=("Israeli", "Israelis"),
    )
    path = ensure_built(progress=False, path=tmp_path / "d.sqlite", records=lambda: [israel], fingerprint="d")
    gazetteer = Gazetteer(path)
    assert gazetteer.lookup("Israeli") == ()
    found = gazetteer.demonym("ISRAELIS")
    assert found is not None and (found.name, found.kind) == ("Israel", "country")
    assert gazetteer.demonym("Dutch") is None


def test_demonym_plurals() -> None:
    assert demonym_forms("Israeli") == ["Israeli", "Israelis"]
    assert demonym_forms("Sri Lankan") == ["Sri Lankan", "Sri Lankans"]
    assert demonym_forms("Swiss") == ["Swiss"]
    assert demonym_forms("Japanese") == ["Japanese"]
    assert demonym_forms("French") == ["French"]


def test_a_shared_demonym_goes_to_the_most_populous_country() -> None:
    demonyms = PackageSources()._countryinfo_demonyms()
    assert "French" in demonyms["FR"] and "French" not in demonyms.get("MQ", [])
    assert "Americans" in demonyms["US"]
    assert not any("Gibraltar" in forms for forms in demonyms.values())  # its "demonym" is its name
