"""Synthetic stores for the scale benchmarks: real analysed articles, replicated into distinct documents.

Each copy keeps the article's real layers and offsets, and gets its own identity (SHA-256 and URL),
outlet, day, place and a last line of text, so a store of copies has the shape of a real one: the
same indexes, the same joins, the same search index, only the variety of words is smaller.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from sitrep.model import AnalyzedArticle

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [ROOT / "examples" / "000_f33f436a49f2953e.txt", ROOT / "tests" / "fixtures" / "html" / "dispatch.html"]
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
PLACES = [  # (name, geonameid, lat, lon, country, admin1)
    ("Bakhmut", 712451, 48.5956, 38.0003, "UA", "Donetsk Oblast"),
    ("Soledar", 697027, 48.6833, 38.0667, "UA", "Donetsk Oblast"),
    ("Kharkiv", 706483, 49.9818, 36.2548, "UA", "Kharkiv Oblast"),
    ("Kherson", 706448, 46.6354, 32.6169, "UA", "Kherson Oblast"),
    ("Avdiivka", 713174, 48.1394, 37.7425, "UA", "Donetsk Oblast"),
    ("Zaporizhzhia", 687700, 47.8229, 35.1903, "UA", "Zaporizhzhia Oblast"),
    ("Mariupol", 701822, 47.0971, 37.5434, "UA", "Donetsk Oblast"),
    ("Kupiansk", 704422, 49.7106, 37.6156, "UA", "Kharkiv Oblast"),
]


def seed_articles(paths: Sequence[Path] = SEEDS) -> list[AnalyzedArticle]:
    """The seed articles, analysed once by the full pipeline."""
    from sitrep.analyze.pipeline import Pipeline
    from sitrep.service import analyze_paths

    return [o.result for o in analyze_paths(list(paths), Pipeline(), captured_at="2023-05-25") if o.result]


def variants(seeds: Sequence[AnalyzedArticle], count: int, start: int = 0, seed: int = 7) -> Iterator[AnalyzedArticle]:
    """``count`` distinct documents made from ``seeds`` (numbered from ``start``)."""
    rng = random.Random(seed + start)
    for i in range(start, start + count):
        copy = seeds[i % len(seeds)].model_copy(deep=True)
        name, geonameid, lat, lon, country, admin1 = rng.choice(PLACES)
        day = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
        copy.article.body += f"\n\nReport {i} from {name}."  # offsets before the end stay valid
        copy.article.outlet = rng.choice(OUTLETS)
        copy.source.uri = f"https://news.example/{i}"
        copy.source.sha256 = f"{i:064x}"
        for place in copy.places:
            if place.lat is not None and place.role == "location":
                place.name, place.geonameid, place.place_id = name, geonameid, f"geonames:{geonameid}"
                place.lat, place.lon, place.country, place.admin1 = lat, lon, country, admin1
        for item in [*copy.events, *copy.control]:
            if item.when is not None:
                item.when.earliest = item.when.latest = day
        yield copy
