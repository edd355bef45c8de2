"""Toponym recognition and resolution on LGL (US local news, 2009).

Two modes: *end to end* (our spotter finds the toponyms, a gold toponym counts
as resolved when a place we emit overlaps it) and *gold spans* (the gold spans
are handed to the resolver, so recognition errors do not mask resolution
quality). Reference, Mordecai 3 on its 30% LGL split: exact 79.4%, country
97.9%, within 161 km 82.7%.

Run: ``.venv/bin/python -m eval.geo`` (``--limit N`` for a quick look, ``--half 0|1`` for the
articles with even or odd docids: develop on one half, confirm on the other).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from eval.common import precision_recall_f1, shared_data
from sitrep.analyze import nlp as nlp_loader
from sitrep.gazetteer import Gazetteer, load
from sitrep.gazetteer.sources import package_file
from sitrep.geoparse import Toponym, given_toponyms, resolve_toponyms, spot
from sitrep.geoparse.resolve import haversine_km
from sitrep.model import Place

WITHIN_KM = 161.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_geonameid: int | None
    fcode: str | None
    fclass: str | None = None


@dataclass
class Doc:
    docid: str
    text: str
    gold: list[Gold]


def read_lgl(path: Path) -> list[Doc]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            tag = toponym.find("gaztag")
            country = tag.find("country") if tag is not None else None
            gold.append(
                Gold(
                    start=int(toponym.findtext("start") or 0),
                    end=int(toponym.findtext("end") or 0),
                    phrase=toponym.findtext("phrase") or "",
                    geonameid=int(tag.get("geonameid") or 0) if tag is not None else None,
                    lat=float(tag.findtext("lat") or 0) if tag is not None else None,
                    lon=float(tag.findtext("lon") or 0) if tag is not None else None,
                    country_geonameid=int(country.get("geonameid") or 0) if country is not None else None,
                    fcode=tag.findtext("fcode") if tag is not None else None,
                    fclass=tag.findtext("fclass") if tag is not None else None,
                )
            )
        docs.append(Doc(article.get("docid") or "", article.findtext("text") or "", gold))
    return docs


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    exact: int = 0
    country: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, gold: Gold, place: Place | None, gazetteer: Gazetteer) -> None:
        self.gold += 1
        if place is None or place.lat is None or place.lon is None:
            return
        self.found += 1
        self.exact += place.geonameid == gold.geonameid
        country = gazetteer.country(place.country) if place.country else None
        self.country += country is not None and country.geonameid == gold.country_geonameid
        assert gold.lat is not None and gold.lon is not None
        error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
        self.errors.append(error)
        self.within += error <= WITHIN_KM

    def report(self, title: str) -> None:
        def pct(n: int) -> float:
            return 100.0 * n / self.gold if self.gold else 0.0

        def of_found(n: int) -> float:
            return 100.0 * n / self.found if self.found else 0.0

        print(f"{title}: N={self.gold} resolved={pct(self.found):.1f}%")
        print(
            f"  of all:      exact GeoNames id {pct(self.exact):.1f}%  country {pct(self.country):.1f}%  "
            f"within {WITHIN_KM:.0f} km {pct(self.within):.1f}%"
        )
        print(
            f"  of resolved: exact GeoNames id {of_found(self.exact):.1f}%  "
            f"country {of_found(self.country):.1f}%  within {WITHIN_KM:.0f} km {of_found(self.within):.1f}%"
        )
        if self.errors:
            print(
                f"  error km over resolved: mean {statistics.mean(self.errors):.1f}  "
                f"median {statistics.median(self.errors):.1f}"
            )


def demonyms() -> frozenset[str]:
    """Nationality words ("Georgian", "Americans"): LGL tags them as countries; sitrep's spotter by
    design does not (they feed actors), though its resolver, given one, answers with the country."""
    words: set[str] = set()
    folder = package_file("countryinfo", "countryinfo/data")
    for path in folder.glob("*.json"):
        demonym = json.loads(path.read_text(encoding="utf-8")).get("demonym") or ""
        if demonym:
            words.update({demonym.casefold(), f"{demonym}s".casefold()})
    return frozenset(words)


def is_demonym(gold: Gold, nationality_words: frozenset[str]) -> bool:
    return gold.phrase.casefold() in nationality_words


def category(gold: Gold, nationality_words: frozenset[str]) -> str:
    if is_demonym(gold, nationality_words):
        return "demonym (never spotted by design; given, resolved to its country)"
    if gold.fclass in ("P", "A"):
        return "class P (populated place)" if gold.fclass == "P" else "class A (country / admin area)"
    return "class H/L/T/S/... (water, parks, mountains: only major ones in the gazetteer)"


def overlapping(gold: Gold, places: list[Place]) -> Place | None:
    for place in places:
        if place.start < gold.end and gold.start < place.end:
            return place
    return None


def gold_toponyms(doc: object, gold: list[Gold], gazetteer: Gazetteer) -> tuple[list[Toponym], list[Gold]]:
    """The gold spans as toponyms for the resolver (in reading order), with the gold items they stand for."""
    spans, kept = [], []
    for item in gold:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is not None:
            spans.append(span)
            kept.append(item)
    order = sorted(range(len(spans)), key=lambda i: spans[i].start)
    toponyms = given_toponyms(doc, [spans[i] for i in order], gazetteer)  # type: ignore[arg-type]
    return toponyms, [kept[i] for i in order]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--half",
        type=int,
        choices=(0, 1),
        default=None,
        help="only articles whose docid has this parity (develop on one half, confirm on the other)",
    )
    args = parser.parse_args()
    path = shared_data() / "geo" / "lgl" / "lgl.xml"
    docs = [d for d in read_lgl(path) if args.half is None or int(d.docid) % 2 == args.half][: args.limit or None]
    gazetteer = load()
    nlp = nlp_loader.load()
    end_to_end, given = Score(), Score()
    end_to_end_places, given_places = Score(), Score()  # without demonyms, which sitrep by design skips
    nationality_words = demonyms()
    by_category: dict[str, Score] = {}
    tp_pred = n_pred = tp_gold = n_gold = 0
    parse_seconds = place_seconds = 0.0
    for item in docs:
        started = time.perf_counter()
        doc = nlp(item.text)
        parsed = time.perf_counter()
        places = resolve_toponyms(doc, spot(doc, gazetteer), gazetteer)
        place_seconds += time.perf_counter() - parsed
        parse_seconds += parsed - started
        n_pred += len(places)
        tp_pred += sum(any(p.start < g.end and g.start < p.end for g in item.gold) for p in places)
        n_gold += len(item.gold)
        tp_gold += sum(overlapping(g, places) is not None for g in item.gold)
        for gold in item.gold:
            if gold.geonameid:
                end_to_end.add(gold, overlapping(gold, places), gazetteer)
                if not is_demonym(gold, nationality_words):
                    end_to_end_places.add(gold, overlapping(gold, places), gazetteer)
        toponyms, kept = gold_toponyms(doc, [g for g in item.gold if g.geonameid], gazetteer)
        resolved = resolve_toponyms(doc, toponyms, gazetteer)
        for gold in kept:
            given.add(gold, overlapping(gold, resolved), gazetteer)
            if not is_demonym(gold, nationality_words):
                given_places.add(gold, overlapping(gold, resolved), gazetteer)
            by_category.setdefault(category(gold, nationality_words), Score()).add(
                gold, overlapping(gold, resolved), gazetteer
            )

    precision, recall, f1 = precision_recall_f1(tp_pred, n_pred, tp_gold, n_gold)
    print(f"LGL ({len(docs)} articles{'' if args.half is None else f', docid parity {args.half}'}, {path})")
    print(
        f"recognition: P {100 * precision:.1f}%  R {100 * recall:.1f}%  F1 {100 * f1:.1f}%  "
        f"(predicted {n_pred}, gold {n_gold})"
    )
    end_to_end.report("resolution, end to end (gold toponyms with a GeoNames entry)")
    end_to_end_places.report("resolution, end to end, demonyms excluded")
    given.report("resolution, gold spans given")
    given_places.report("resolution, gold spans given, demonyms excluded")
    for name, score in sorted(by_category.items()):
        score.report(f"  gold spans given, {name}")
    print(
        f"time: spaCy parse {parse_seconds:.1f}s, places stage {place_seconds:.1f}s "
        f"({100 * place_seconds / parse_seconds:.1f}% of the parse)"
    )


if __name__ == "__main__":
    main()
