"""Choosing one gazetteer entry per toponym, collectively for a whole document.

Each mention's candidates are scored by a prior (feature type, population,
name vs alias match), its own kind cue ("the city of X", "the region of X",
"X Oblast"), an explicit container ("Paris, Tenn.", "Athens, Greece"), and the
document's context: the countries, first- and second-level regions the *other*
mentions point to (a county named in the story holds its towns: "Richmond" and
"Madison County"), and how many of the other names have a candidate nearby
(spatial minimality: "Alexandria", "Brandon" and "Kensington" are all towns of
one Minnesota county, so that is where each of them is). A small town counts
for less as context than a city or a region: it may be the namesake of a local
place the gazetteer lacks. The scores are recomputed a few times so that an
unambiguous mention ("Rapides Parish") pulls its ambiguous neighbours
("Alexandria") home. One sense per discourse: mentions of the same name share
their cues and containers.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from sitrep.gazetteer.index import Entry

PlaceCue = Literal["admin", "admin1", "admin2", "city", "country", "none"]
FloatArray = npt.NDArray[np.float32]

# Prior weight by feature type: an unqualified name is most often the country,
# then a first-level region, then a town (whose weight grows with population).
KIND_PRIOR: dict[str, float] = {"country": 7.0, "region": 6.0, "admin1": 2.6, "admin2": 0.6, "city": 0.0}
POPULATION_WEIGHT: dict[str, float] = {"city": 0.75, "admin2": 0.35, "admin1": 0.5, "country": 0.2}
# Well-known places have many names (exonyms, spellings): Geneva in Switzerland has 34, Geneva in
# Illinois 6. Per natural-log unit of the name count, for towns.
NAMES_WEIGHT = 0.25
BY_NAME_BONUS = 2.0  # the entry's own name, not one of its aliases
CAPITAL_BONUS = 2.0  # national capitals are what an unqualified name usually means
NAMESAKE_CITY_BONUS = 3.0  # "Kharkiv" the city over Kharkiv Oblast, absent a cue (even "New York" by alias)
CUE_MATCH: dict[PlaceCue, dict[str, float]] = {
    "admin": {"admin1": 3.5, "admin2": 3.0, "region": 3.5, "city": -2.0, "country": -1.0},
    "admin1": {"admin1": 4.0, "admin2": 1.5, "region": 3.0, "city": -3.0, "country": -1.0},
    "admin2": {"admin1": 1.0, "admin2": 4.0, "region": 1.0, "city": -3.0, "country": -2.0},
    "city": {"city": 3.0, "admin1": -2.5, "admin2": -2.5, "region": -2.0, "country": -3.0},
    "country": {"country": 3.0},
    "none": {},
}
CONTAINER_BONUS = 5.0  # "Paris, Tenn.": the town in Tennessee, and Tennessee the state that holds it
# A town and the county it lies in, both named in the story, are rarely there by chance, whatever
# else each name could be: "Richmond" and "Madison County" are the Kentucky pair.
COUNTY_PAIR_BONUS = 2.0
COUNTRY_CONTEXT = 3.0
ADMIN1_CONTEXT = 2.5
ADMIN2_CONTEXT = 2.5
# Spatial minimality: closeness by distance to some candidate of another name.
CLOSENESS: tuple[tuple[float, float], ...] = ((30.0, 1.0), (80.0, 0.7), (161.0, 0.4), (400.0, 0.1))
PROXIMITY_WEIGHT = 1.5  # per supporting name, saturating
PROXIMITY_FLOOR = 0.25  # how much an unlikely candidate of another name still counts as support
PROXIMITY_SHARED = 8  # ... when the name has at most this many readings (less, in proportion, beyond)
PROXIMITY_CANDIDATES = 30  # per name, the best by prior
PROXIMITY_SLOTS = 1000  # candidates in all: bounds the distance matrix (1000² float32 = 4 MB)
ROUNDS = 3
TESTIMONY_FULL_LOG10 = 4.0  # a town of 10,000 counts fully as evidence of the story's whereabouts
TESTIMONY_FLOOR = 0.25


@dataclass
class ToponymMention:
    """One toponym to resolve: its lookup key, candidates, local cue and container.

    ``within`` are the readings of the region the text says this one lies in
    ("Tenn." in "Paris, Tenn."); ``container`` is the index of the mention that
    names it, when that region is itself a mention.
    """

    key: str
    candidates: Sequence[Entry]
    cue: PlaceCue = "none"
    weight: float = 1.0  # how much this mention counts as context for the others
    scores: list[float] = field(default_factory=list)
    container: int | None = None
    within: Sequence[Entry] = ()


@dataclass(frozen=True)
class Choice:
    entry: Entry
    confidence: float


def prior(entry: Entry) -> float:
    score = KIND_PRIOR[entry.kind]
    score += POPULATION_WEIGHT.get(entry.kind, 0.0) * math.log10(entry.population + 1)
    if entry.kind == "city":
        score += NAMES_WEIGHT * math.log1p(entry.names)
    if entry.by_name:
        score += BY_NAME_BONUS
    if entry.capital_of:
        score += CAPITAL_BONUS
    return score


def contains(outer: Entry, inner: Entry) -> bool:
    """Does ``outer`` (a country, first- or second-level region) hold ``inner``?"""
    if outer.place_id == inner.place_id or inner.kind == "country":
        return False
    if outer.kind == "country":
        return inner.country == outer.country
    if outer.kind == "admin1":
        return inner.kind in ("admin2", "city") and inner.admin1_code == outer.admin1_code
    if outer.kind == "admin2":
        return inner.kind == "city" and inner.admin1_code == outer.admin1_code and inner.admin2 == outer.name
    return False


def _namesake_bonus(candidates: Sequence[Entry]) -> list[float]:
    """Favour a city over the region named after it ("Kharkiv" the city, not the oblast).

    The region is pushed down rather than the city up, so that the choice
    between two cities of the same name is left to population and context.
    """
    cities = [e for e in candidates if e.kind == "city" and e.population >= 5000]
    bonus = []
    for entry in candidates:
        namesake = (entry.kind == "admin1" and any(c.admin1_code == entry.admin1_code for c in cities)) or (
            entry.kind == "admin2"
            and any(c.admin2 == entry.admin2 and c.admin1_code == entry.admin1_code for c in cities)
        )
        bonus.append(-NAMESAKE_CITY_BONUS if namesake else 0.0)
    return bonus


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def haversine_matrix(lat: FloatArray, lon: FloatArray) -> FloatArray:
    """All pairwise great-circle distances (km) between points, in one vectorised pass
    (float32: precise to a few metres, which is plenty, at half the memory)."""
    phi = np.radians(lat)
    lam = np.radians(lon)
    a = (
        np.sin((phi[:, None] - phi[None, :]) / 2) ** 2
        + np.cos(phi)[:, None] * np.cos(phi)[None, :] * np.sin((lam[:, None] - lam[None, :]) / 2) ** 2
    )
    distances: FloatArray = (12742.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))).astype(np.float32)
    return distances


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _container_bonus(mentions: Sequence[ToponymMention]) -> list[list[float]]:
    """Reward the readings under which a mention lies in the region its container names,
    on both sides: "Paris, Tenn." is Paris in Tennessee, "Athens, Georgia" the US state."""
    bonus = [[0.0] * len(m.candidates) for m in mentions]
    for i, mention in enumerate(mentions):
        for j, inner_entry in enumerate(mention.candidates):
            if any(contains(outer_entry, inner_entry) for outer_entry in mention.within):
                bonus[i][j] = CONTAINER_BONUS
        if mention.container is None:
            continue
        outer = mentions[mention.container]
        for k, outer_entry in enumerate(outer.candidates):
            if any(contains(outer_entry, inner_entry) for inner_entry in mention.candidates):
                bonus[mention.container][k] = CONTAINER_BONUS
    return _shared_by_name(mentions, bonus)


def _shared_by_name(mentions: Sequence[ToponymMention], bonus: list[list[float]]) -> list[list[float]]:
    """One sense per discourse: "Paris, Tenn." once puts every "Paris" of the story in Tennessee."""
    best: dict[tuple[str, str], float] = defaultdict(float)
    for mention, row in zip(mentions, bonus, strict=True):
        for entry, value in zip(mention.candidates, row, strict=True):
            best[(mention.key, entry.place_id)] = max(best[(mention.key, entry.place_id)], value)
    return [[best[(m.key, e.place_id)] for e in m.candidates] for m in mentions]


def resolve(mentions: Sequence[ToponymMention]) -> list[Choice | None]:
    """The best entry for each mention (None when it has no candidates)."""
    base: list[list[float]] = []
    cues_by_key: dict[str, list[PlaceCue]] = defaultdict(list)
    for mention in mentions:
        cues_by_key[mention.key].append(mention.cue)
    containment = _container_bonus(mentions)
    counties = _counties_named(mentions)
    shared_by_key = {key: [c for c in cues if c != "none"] for key, cues in cues_by_key.items()}
    shared_fit: dict[tuple[str, str], float] = {}  # (name, kind) -> how well the name's cues fit the kind

    def fit(key: str, kind: str) -> float:
        """Computed once per name and kind: a name said a thousand times is not re-read a thousand times."""
        if (key, kind) not in shared_fit:
            shared = shared_by_key[key]
            shared_fit[key, kind] = 0.5 * sum(CUE_MATCH[c].get(kind, 0.0) for c in shared) / max(1, len(shared))
        return shared_fit[key, kind]

    for mention, contained in zip(mentions, containment, strict=True):
        namesake = _namesake_bonus(mention.candidates)
        scores = []
        shared = shared_by_key[mention.key]
        for entry, bonus, inside in zip(mention.candidates, namesake, contained, strict=True):
            score = prior(entry) + CUE_MATCH[mention.cue].get(entry.kind, 0.0) + inside
            county = _county_key(entry) if entry.by_name else None
            if county and counties.get((county, entry.kind != "admin2"), {mention.key}) - {mention.key}:
                score += COUNTY_PAIR_BONUS
            score += fit(mention.key, entry.kind)
            if mention.cue == "none" and not shared:
                score += bonus
            scores.append(score)
        base.append(scores)

    proximity = _Proximity(mentions, base)
    probs = [_softmax(s) if s else [] for s in base]
    for _ in range(ROUNDS):
        contributions = _contributions(mentions, probs)
        whole = _merge(contributions)
        support = proximity.support(probs)
        contexts: dict[str, _Context] = {}
        scores_now = []
        for i, mention in enumerate(mentions):
            if mention.key not in contexts:
                contexts[mention.key] = _context_without(contributions, mention.key, whole)
            context = contexts[mention.key]
            scores_now.append(
                [
                    base[i][j] + _context_score(entry, context) + support.get((mention.key, j), 0.0)
                    for j, entry in enumerate(mention.candidates)
                ]
            )
        probs = [_softmax(s) if s else [] for s in scores_now]

    choices: list[Choice | None] = []
    for mention, p in zip(mentions, probs, strict=True):
        if not p:
            choices.append(None)
            continue
        best = max(range(len(p)), key=p.__getitem__)
        choices.append(Choice(mention.candidates[best], round(p[best], 3)))
    return choices


class _Proximity:
    """Support for each point candidate from the *other* names that have a candidate near it.

    Distances are computed once per document, between the best-by-prior point
    candidates (towns, second-level regions) of each distinct name; each round
    weighs a neighbour by how likely it is the reading of its own name.
    """

    def __init__(self, mentions: Sequence[ToponymMention], base: Sequence[Sequence[float]]) -> None:
        self.slots: list[tuple[str, int, int]] = []  # (key, mention index, candidate index)
        starts: list[int] = []
        first: dict[str, int] = {}
        for i, mention in enumerate(mentions):
            if mention.candidates:
                first.setdefault(mention.key, i)
        per_name = max(3, min(PROXIMITY_CANDIDATES, PROXIMITY_SLOTS // max(1, len(first))))
        for key, i in first.items():
            candidates = mentions[i].candidates
            points = [j for j, e in enumerate(candidates) if e.kind in ("city", "admin2")]
            points.sort(key=lambda j: -base[i][j])
            if points:
                starts.append(len(self.slots))
                self.slots.extend((key, i, j) for j in points[:per_name])
        self.starts = np.array(starts, dtype=np.intp)
        # A name with many readings ("Washington") has a town near almost anything: the support its
        # unlikely readings lend is shared out among them.
        sizes = {key: sum(1 for k, _, _ in self.slots if k == key) for key in first}
        self.floor = {key: PROXIMITY_FLOOR * min(1.0, PROXIMITY_SHARED / max(1, n)) for key, n in sizes.items()}
        self.closeness: FloatArray | None = None
        if len(starts) < 2:
            return
        lat = np.array([mentions[i].candidates[j].lat for _, i, j in self.slots], dtype=np.float32)
        lon = np.array([mentions[i].candidates[j].lon for _, i, j in self.slots], dtype=np.float32)
        distances = haversine_matrix(lat, lon)
        closeness = np.zeros(distances.shape, dtype=np.float32)
        for limit, value in reversed(CLOSENESS):
            closeness[distances <= limit] = value
        del distances
        owner = np.repeat(np.arange(len(starts)), np.diff(np.append(self.starts, len(self.slots))))
        closeness[owner[:, None] == owner[None, :]] = 0.0  # a name does not support itself
        self.closeness = closeness

    def support(self, probs: Sequence[Sequence[float]]) -> dict[tuple[str, int], float]:
        if self.closeness is None:
            return {}
        weights = np.array(
            [self.floor[key] + (1 - self.floor[key]) * probs[i][j] for key, i, j in self.slots], dtype=np.float32
        )
        per_name = np.maximum.reduceat(self.closeness * weights[None, :], self.starts, axis=1)
        total = per_name.sum(axis=1)
        bonus = PROXIMITY_WEIGHT * (1.0 - np.exp(-total)) * 2.0
        return {(key, j): float(b) for (key, _, j), b in zip(self.slots, bonus, strict=True) if b > 0}


@dataclass
class _Context:
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin2: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # by _county_key
    total: float = 0.0

    def tallies(self) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        return self.countries, self.admin1, self.admin2


def _contributions(mentions: Sequence[ToponymMention], probs: list[list[float]]) -> dict[str, _Context]:
    """What each distinct name says about the document's whereabouts.

    A name repeated ten times is still one piece of evidence.
    """
    by_key: dict[str, _Context] = {}
    for mention, p in zip(mentions, probs, strict=True):
        if mention.key in by_key or not p:
            continue
        own = by_key[mention.key] = _Context()
        for entry, prob in zip(mention.candidates, p, strict=True):
            weight = prob * mention.weight * _testimony(entry)
            own.total += weight
            if entry.country:
                own.countries[entry.country] += weight
            if entry.admin1_code and entry.kind != "country":
                own.admin1[entry.admin1_code] += weight
            county = _county_key(entry)
            if county:
                own.admin2[county] += weight
    return by_key


def _counties_named(mentions: Sequence[ToponymMention]) -> dict[tuple[str, bool], set[str]]:
    """For each second-level region, the names in the document that can be it (key, True)
    and the names that can be a town in it (key, False): a town looks up the first, a county the second."""
    names: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for mention in mentions:
        for entry in mention.candidates:
            county = _county_key(entry) if entry.by_name else None  # "Washington" is no county named
            if county:
                names[(county, entry.kind == "admin2")].add(mention.key)
    return names


def _county_key(entry: Entry) -> str | None:
    """The second-level region a town lies in, or that a second-level region is: a county named
    in the story supports the towns inside it and they support it ("Richmond" and "Madison County")."""
    if entry.kind == "admin2":
        return f"{entry.admin1_code}|{entry.name}"
    if entry.kind == "city" and entry.admin2:
        return f"{entry.admin1_code}|{entry.admin2}"
    return None


def _testimony(entry: Entry) -> float:
    """How much a reading says about where the story is: a hamlet that is the only reading of
    its name may just be a namesake of a local place the gazetteer lacks ("Hampton Park", a
    park in Charleston, is also a suburb of Melbourne); towns count in proportion to size."""
    if entry.kind != "city":
        return 1.0
    return min(1.0, max(TESTIMONY_FLOOR, math.log10(entry.population + 1) / TESTIMONY_FULL_LOG10))


def _context_without(contributions: dict[str, _Context], key: str, whole: _Context) -> _Context:
    """The document's evidence minus what the name ``key`` itself contributes."""
    own = contributions.get(key)
    if own is None:
        return whole
    rest = [dict(tally) for tally in whole.tallies()]
    for tally, mine in zip(rest, own.tallies(), strict=True):
        for place, weight in mine.items():
            tally[place] -= weight
    countries, admin1, admin2 = rest
    return _Context(countries, admin1, admin2, whole.total - own.total)


def _merge(contributions: dict[str, _Context]) -> _Context:
    merged = _Context()
    for own in contributions.values():
        merged.total += own.total
        for tally, mine in zip(merged.tallies(), own.tallies(), strict=True):
            for place, weight in mine.items():
                tally[place] += weight
    return merged


def _context_score(entry: Entry, context: _Context) -> float:
    if context.total <= 0:
        return 0.0
    score = 0.0
    if entry.country is None:  # a region across countries ("Middle East") fits any context
        return COUNTRY_CONTEXT + ADMIN1_CONTEXT
    if entry.country:
        score += COUNTRY_CONTEXT * _evidence(context.countries.get(entry.country, 0.0), context.total)
    if entry.admin1_code and entry.kind in ("city", "admin2", "admin1"):
        score += ADMIN1_CONTEXT * _evidence(context.admin1.get(entry.admin1_code, 0.0), context.total)
    county = _county_key(entry)
    if county:
        score += ADMIN2_CONTEXT * _evidence(context.admin2.get(county, 0.0), context.total)
    return score


def _evidence(weight: float, total: float) -> float:
    """How strongly the rest of the document points somewhere, in [0, 1]: half for being
    mentioned at all (one sure mention of Tennessee is enough), half for its share of the
    document (a story about Iran and the United States does not put Geneva in Illinois)."""
    return 0.5 * min(1.0, weight) + 0.5 * min(1.0, weight / total)
