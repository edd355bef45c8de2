"""The places stage: toponyms to gazetteer entries, metonymy, and NER repair."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.places import make_places_fn
from sitrep.analyze.registry import Context
from sitrep.gazetteer import Gazetteer, GazetteerError, default_path, ensure_built, package_fingerprint
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.records import read_tsv_records
from sitrep.gazetteer.resolve import Mention, resolve
from sitrep.gazetteer.sources import informal_records
from sitrep.model import AnalyzedArticle, Article, Place, Source

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer" / "tiny.tsv"


Analyze = Callable[[str], list[Place]]


@pytest.fixture(scope="module")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    records = lambda: chain(read_tsv_records(FIXTURE), informal_records())  # noqa: E731
    return Gazetteer(ensure_built(progress=False, path=path, records=records, fingerprint="tiny"))


@pytest.fixture(scope="module")
def analyze(tiny_gazetteer: Gazetteer) -> Analyze:
    nlp = nlp_loader.load()
    stage = make_places_fn(tiny_gazetteer)

    def run(body: str) -> list[Place]:
        article = Article(body=body)
        ctx = Context(article=article, doc=nlp(body), result=AnalyzedArticle(
            source=Source(uri="test", kind="text"), article=article,
        ))
        return stage(ctx)

    return run


def at(places: list[Place], body: str, text: str, occurrence: int = 0) -> Place:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", body)]
    start = starts[occurrence]
    found = [p for p in places if p.start <= start < p.end]
    assert found, f"no place at {text!r} #{occurrence}: {[(p.text, p.start) for p in places]}"
    return found[0]


def test_example_places(analyze: Analyze) -> None:
    body = EXAMPLE_BODY
    places = analyze(body)
    bakhmut = at(places, body, "Bakhmut")
    assert bakhmut.place_id == "geonames:713174" and bakhmut.precision == "city"
    assert bakhmut.country == "UA" and bakhmut.admin1 == "Donetsk Oblast"
    assert bakhmut.lat == pytest.approx(48.60, abs=0.05) and bakhmut.lon == pytest.approx(38.00, abs=0.05)
    assert all(p.place_id == "geonames:713174" for p in places if p.text == "Bakhmut")
    for occurrence in (0, 1):  # "region of Donetsk", "the whole of Donetsk"
        donetsk = at(places, body, "Donetsk", occurrence)
        assert (donetsk.name, donetsk.precision) == ("Donetsk Oblast", "admin1")
    for name in ("Luhansk", "Kherson", "Zaporizhzhia"):  # the list of four regions
        place = at(places, body, name)
        assert place.precision == "admin1" and place.name == f"{name} Oblast", place
    donbas = at(places, body, "Donbas")
    assert (donbas.place_id, donbas.precision, donbas.geonameid) == ("informal:donbas", "region", None)
    for name, iso in (("Ukraine", "UA"), ("Russia", "RU"), ("China", "CN")):
        place = at(places, body, name, 1 if name == "Ukraine" else 0)
        assert (place.precision, place.country) == ("country", iso)


def test_example_metonymy(analyze: Analyze) -> None:
    body = EXAMPLE_BODY
    places = analyze(body)
    says = at(places, body, "Moscow says")
    added = at(places, body, "Moscow added")
    for moscow in (says, added):
        assert (moscow.role, moscow.actor) == ("actor", "Government of Russia")
    kiev = at(places, body, "Kiev")
    assert (kiev.role, kiev.actor, kiev.name) == ("actor", "Government of Ukraine", "Kyiv")
    kremlin = [p for p in places if p.text == "Kremlin"]
    assert all(p.role == "actor" and p.actor == "Government of Russia" and p.lat is None for p in kremlin)
    assert not [p for p in places if p.text in ("West", "the West")]
    assert all(p.role == "location" for p in places if p.text == "Bakhmut")
    assert not [p for p in places if p.text in ("Russian", "Ukrainian")]  # demonyms are not places


def test_city_of_versus_region_of(analyze: Analyze) -> None:
    body = "Shelling hit the city of Donetsk overnight. Officials in the Donetsk region said the attack killed two."
    places = analyze(body)
    assert at(places, body, "Donetsk", 0).precision == "city"
    region = at(places, body, "Donetsk", 1)
    assert region.precision == "admin1" and region.name == "Donetsk Oblast"


def test_oblast_suffix_and_former_names(analyze: Analyze) -> None:
    body = "Fighting continued near Artyomovsk in Donetsk Oblast, while Kharkov was shelled again."
    places = analyze(body)
    assert at(places, body, "Artyomovsk").name == "Bakhmut"
    assert at(places, body, "Donetsk Oblast").precision == "admin1"
    assert at(places, body, "Kharkov").name == "Kharkiv"


def test_context_chooses_among_namesakes(analyze: Analyze) -> None:
    body = "ALEXANDRIA - A woman was arrested in Alexandria on Friday, the Rapides Parish sheriff said."
    places = analyze(body)
    alexandria = at(places, body, "Alexandria")
    assert alexandria.country == "US" and alexandria.admin1 == "Louisiana"
    body = "Protesters gathered in Alexandria and Cairo as Egypt prepared for the vote."
    assert at(analyze(body), body, "Alexandria").country == "EG"


def test_georgia_the_state_or_the_country(analyze: Analyze) -> None:
    body = "Russian troops moved deeper into Georgia, and Russia said the operation would continue."
    assert at(analyze(body), body, "Georgia").country == "GE"
    body = "The storm moved from Texas into Louisiana and reached Georgia by Sunday."
    assert at(analyze(body), body, "Georgia").country == "US"


def test_person_names_are_not_places(analyze: Analyze) -> None:
    body = "Michael Jordan said he was happy. Jordan scored 30 points, and Paris Hilton watched."
    places = analyze(body)
    assert not [p for p in places if p.text in ("Jordan", "Paris", "Paris Hilton")]


def test_country_as_speaker_is_a_government(analyze: Analyze) -> None:
    body = "Russia demanded guarantees. Washington refused, and China said it wants talks in Paris."
    places = analyze(body)
    assert at(places, body, "Russia").actor == "Government of Russia"
    assert at(places, body, "China").actor == "Government of China"
    paris = at(places, body, "Paris")
    assert paris.role == "location" and paris.country == "FR"


def test_full_pipeline_with_the_built_index() -> None:
    try:
        gazetteer = Gazetteer(default_path())
    except GazetteerError:
        pytest.skip("full gazetteer not built (run `sitrep setup`)")
    if gazetteer.meta.get("fingerprint") != package_fingerprint():
        pytest.skip("full gazetteer is stale (run `sitrep setup`)")
    from sitrep.analyze.pipeline import Pipeline

    result = Pipeline(stages=["sentences", "mentions", "places"]).analyze(
        Source(uri="x", kind="text"), Article(body=EXAMPLE_BODY)
    )
    places = result.places
    assert at(places, EXAMPLE_BODY, "Bakhmut").place_id == "geonames:713174"
    assert at(places, EXAMPLE_BODY, "Donetsk").name == "Donetsk Oblast"
    assert at(places, EXAMPLE_BODY, "Zaporizhzhia").precision == "admin1"
    assert at(places, EXAMPLE_BODY, "Moscow says").actor == "Government of Russia"
    assert at(places, EXAMPLE_BODY, "Kiev").actor == "Government of Ukraine"
    assert at(places, EXAMPLE_BODY, "Donbas").place_id == "informal:donbas"


def test_pressure_on_a_capital_and_a_country_s_army(analyze: Analyze) -> None:
    body = "The allies put pressure on Kyiv to accept the deal. Russia's army shelled Kharkiv again."
    places = analyze(body)
    assert at(places, body, "Kyiv").actor == "Government of Ukraine"
    assert at(places, body, "Russia").actor == "Military Forces of Russia"
    kharkiv = at(places, body, "Kharkiv")
    assert (kharkiv.role, kharkiv.precision) == ("location", "city")


def test_town_comma_state_puts_the_town_in_that_state(analyze: Analyze) -> None:
    body = "The fair opened in Paris, Tenn., on Saturday and drew a large crowd."
    places = analyze(body)
    paris = at(places, body, "Paris")
    assert (paris.country, paris.admin1) == ("US", "Tennessee")
    assert at(places, body, "Tenn").name == "Tennessee"


def test_neighbouring_towns_pull_each_other_home(tiny_gazetteer: Gazetteer) -> None:
    """Spatial minimality: three small towns of one county outweigh bigger namesakes far apart
    (fed to the resolver directly: the small NER model misses such towns)."""
    names = ("Alexandria", "Glenwood", "Evansville")
    mentions = [Mention(name.lower(), tiny_gazetteer.lookup(name)) for name in names]
    assert all(len(m.candidates) >= 2 for m in mentions)
    choices = resolve(mentions)
    assert [c.entry.admin1 if c else None for c in choices] == ["Minnesota"] * 3


def test_spatial_minimality_across_a_border() -> None:
    """Three small towns a few km apart (in three different states, so no shared region helps)
    beat their bigger namesakes, which lie far from each other."""
    def town(name: str, state: str, lat: float, lon: float, population: int) -> Entry:
        return Entry(f"test:{name}-{state}", None, name, "city", lat, lon, "US", state, f"US.{state}", None,
                     population, None, None)

    mentions = [
        Mention("alpha", [town("Alpha", "AA", 30.0, -100.0, 200_000), town("Alpha", "BB", 45.00, -90.00, 3000)]),
        Mention("beta", [town("Beta", "CC", 35.0, -80.0, 200_000), town("Beta", "DD", 45.10, -90.10, 3000)]),
        Mention("gamma", [town("Gamma", "EE", 40.0, -120.0, 200_000), town("Gamma", "FF", 45.05, -89.9, 3000)]),
    ]
    choices = resolve(mentions)
    assert [c.entry.population if c else None for c in choices] == [3000, 3000, 3000]
    alone = resolve(mentions[:1])
    assert alone[0] is not None and alone[0].entry.population == 200_000


def test_a_stated_region_outweighs_a_bigger_namesake(analyze: Analyze) -> None:
    body = "Minnesota officials said the clinic in Alexandria would reopen next week."
    assert at(analyze(body), body, "Alexandria").admin1 == "Minnesota"


def test_abbreviations_and_regions_heading_organisation_names(analyze: Analyze) -> None:
    body = "The U.S. Army said it would send trucks, and the Ohio National Guard will help."
    places = analyze(body)
    assert at(places, body, "U.S").country == "US"
    ohio = at(places, body, "Ohio")
    assert (ohio.precision, ohio.name) == ("admin1", "Ohio")
    assert not [p for p in places if p.text in ("Army", "National Guard")]


def test_a_mislabelled_town_needs_the_story_in_its_country(analyze: Analyze) -> None:
    body = "In Paris, Texas, a man driving a Toyota hit a parked truck, police said."
    places = analyze(body)
    assert not [p for p in places if p.text == "Toyota"]
    assert at(places, body, "Paris").admin1 == "Texas"


def test_the_european_union_is_a_region(tiny_gazetteer: Gazetteer) -> None:
    entry = tiny_gazetteer.lookup("EU")[0]
    assert (entry.place_id, entry.kind, entry.country) == ("informal:european-union", "region", None)


def test_seas_and_straits_are_places(analyze: Analyze) -> None:
    body = "Grain ships left the Black Sea through the Bosphorus, avoiding the Sea of Azov."
    places = analyze(body)
    assert at(places, body, "Black Sea").place_id == "informal:black-sea"
    assert at(places, body, "Sea of Azov").place_id == "informal:sea-of-azov"


def test_a_plural_kind_after_a_list_and_a_kind_that_belongs_to_one_name(analyze: Analyze) -> None:
    body = "Officials in the Donetsk and Luhansk regions reported shelling."
    places = analyze(body)
    assert at(places, body, "Donetsk").name == "Donetsk Oblast"
    body = "Shelling hit Bakhmut and Donetsk Oblast overnight."
    places = analyze(body)
    assert at(places, body, "Bakhmut").precision == "city"
    assert at(places, body, "Donetsk Oblast").precision == "admin1"


def test_a_city_over_the_region_named_after_it_even_by_an_alias(analyze: Analyze) -> None:
    body = "Diplomats met in New York on Monday."
    city = at(analyze(body), body, "New York")
    assert (city.name, city.precision) == ("New York City", "city")
    body = "Lawmakers in the state of New York passed the bill."
    assert at(analyze(body), body, "New York").precision == "admin1"
