"""Choosing one gazetteer entry per toponym, collectively for a whole document.

Each mention's candidates are scored by a prior (feature type, population,
name vs alias match), its own kind cue ("the city of X", "the region of X",
"X Oblast"), and the document's context: the countries and first-level
regions the *other* mentions point to, and proximity to their likely
locations. The scores are recomputed a few times so that an unambiguous
mention ("Rapides Parish") pulls its ambiguous neighbours ("Alexandria") home.
One sense per discourse: mentions of the same name share their cues.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sitrep.gazetteer.index import Entry

Cue = Literal["admin", "admin1", "admin2", "city", "country", "none"]

# Prior weight by feature type: an unqualified name is most often the country,
# then a first-level region, then a town (whose weight grows with population).
KIND_PRIOR: dict[str, float] = {"country": 4.5, "region": 6.0, "admin1": 2.6, "admin2": 0.6, "city": 0.0}
POPULATION_WEIGHT: dict[str, float] = {"city": 0.75, "admin2": 0.35, "admin1": 0.15, "country": 0.2}
BY_NAME_BONUS = 1.2  # the entry's own name, not one of its aliases
CAPITAL_BONUS = 2.0  # national capitals are what an unqualified name usually means
NAMESAKE_CITY_BONUS = 1.2  # "Kharkiv" the city over Kharkiv Oblast, absent a cue
CUE_MATCH: dict[Cue, dict[str, float]] = {
    "admin": {"admin1": 3.5, "admin2": 3.0, "region": 3.5, "city": -2.0, "country": -1.0},
    "admin1": {"admin1": 4.0, "admin2": 1.5, "region": 3.0, "city": -3.0, "country": -1.0},
    "admin2": {"admin1": 1.0, "admin2": 4.0, "region": 1.0, "city": -3.0, "country": -2.0},
    "city": {"city": 3.0, "admin1": -2.5, "admin2": -2.5, "region": -2.0, "country": -3.0},
    "country": {"country": 3.0},
    "none": {},
}
COUNTRY_CONTEXT = 3.0
ADMIN1_CONTEXT = 2.5
NEAR_BONUS: tuple[tuple[float, float], ...] = ((25.0, 2.0), (100.0, 1.5), (300.0, 0.8), (800.0, 0.3))
ROUNDS = 3


@dataclass
class Mention:
    """One toponym to resolve: its lookup key, candidates and local cue."""

    key: str
    candidates: Sequence[Entry]
    cue: Cue = "none"
    weight: float = 1.0  # how much this mention counts as context for the others
    scores: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    entry: Entry
    confidence: float


def prior(entry: Entry) -> float:
    score = KIND_PRIOR[entry.kind]
    score += POPULATION_WEIGHT.get(entry.kind, 0.0) * math.log10(entry.population + 1)
    if entry.by_name:
        score += BY_NAME_BONUS
    if entry.capital_of:
        score += CAPITAL_BONUS
    return score


def _namesake_bonus(candidates: Sequence[Entry]) -> list[float]:
    """Favour a city over the region named after it ("Kharkiv" the city, not the oblast).

    The region is pushed down rather than the city up, so that the choice
    between two cities of the same name is left to population and context.
    """
    cities = [e for e in candidates if e.kind == "city" and e.population >= 5000]
    bonus = []
    for entry in candidates:
        namesake = (
            entry.kind == "admin1" and any(c.admin1_code == entry.admin1_code for c in cities)
        ) or (
            entry.kind == "admin2"
            and any(c.admin2 == entry.admin2 and c.admin1_code == entry.admin1_code for c in cities)
        )
        bonus.append(-NAMESAKE_CITY_BONUS if namesake else 0.0)
    return bonus


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def resolve(mentions: Sequence[Mention]) -> list[Choice | None]:
    """The best entry for each mention (None when it has no candidates)."""
    base: list[list[float]] = []
    cues_by_key: dict[str, list[Cue]] = defaultdict(list)
    for mention in mentions:
        cues_by_key[mention.key].append(mention.cue)
    for mention in mentions:
        namesake = _namesake_bonus(mention.candidates)
        scores = []
        for entry, bonus in zip(mention.candidates, namesake, strict=True):
            score = prior(entry) + CUE_MATCH[mention.cue].get(entry.kind, 0.0)
            shared = [c for c in cues_by_key[mention.key] if c != "none"]
            score += 0.5 * sum(CUE_MATCH[c].get(entry.kind, 0.0) for c in shared) / max(1, len(shared))
            if mention.cue == "none" and not shared:
                score += bonus
            scores.append(score)
        base.append(scores)

    probs = [_softmax(s) if s else [] for s in base]
    for _ in range(ROUNDS):
        contributions = _contributions(mentions, probs)
        whole = _merge(contributions)
        contexts: dict[str, _Context] = {}
        scores_now = []
        for i, mention in enumerate(mentions):
            if mention.key not in contexts:
                contexts[mention.key] = _context_without(contributions, mention.key, whole)
            context = contexts[mention.key]
            scores_now.append([
                base[i][j] + _context_score(entry, context) for j, entry in enumerate(mention.candidates)
            ])
        probs = [_softmax(s) if s else [] for s in scores_now]

    choices: list[Choice | None] = []
    for mention, p in zip(mentions, probs, strict=True):
        if not p:
            choices.append(None)
            continue
        best = max(range(len(p)), key=p.__getitem__)
        choices.append(Choice(mention.candidates[best], round(p[best], 3)))
    return choices


@dataclass
class _Context:
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[float, float, float]] = field(default_factory=list)  # lat, lon, weight
    total: float = 0.0


def _contributions(mentions: Sequence[Mention], probs: list[list[float]]) -> dict[str, _Context]:
    """What each distinct name says about the document's whereabouts.

    A name repeated ten times is still one piece of evidence.
    """
    by_key: dict[str, _Context] = {}
    for mention, p in zip(mentions, probs, strict=True):
        if mention.key in by_key or not p:
            continue
        own = by_key[mention.key] = _Context(total=mention.weight)
        best = max(range(len(p)), key=p.__getitem__)
        for entry, prob in zip(mention.candidates, p, strict=True):
            weight = prob * mention.weight
            if entry.country:
                own.countries[entry.country] += weight
            if entry.admin1_code and entry.kind != "country":
                own.admin1[entry.admin1_code] += weight
        top = mention.candidates[best]
        if top.kind in ("city", "admin2") and p[best] > 0.5:
            own.points.append((top.lat, top.lon, p[best] * mention.weight))
    return by_key


def _context_without(contributions: dict[str, _Context], key: str, whole: _Context) -> _Context:
    """The document's evidence minus what the name ``key`` itself contributes."""
    own = contributions.get(key)
    if own is None:
        return whole
    countries = dict(whole.countries)
    for country, weight in own.countries.items():
        countries[country] -= weight
    admin1 = dict(whole.admin1)
    for code, weight in own.admin1.items():
        admin1[code] -= weight
    points = [p for p in whole.points if p not in own.points]
    return _Context(countries, admin1, points, whole.total - own.total)


def _merge(contributions: dict[str, _Context]) -> _Context:
    merged = _Context()
    for own in contributions.values():
        merged.total += own.total
        for country, weight in own.countries.items():
            merged.countries[country] += weight
        for code, weight in own.admin1.items():
            merged.admin1[code] += weight
        merged.points.extend(own.points)
    return merged


def _context_score(entry: Entry, context: _Context) -> float:
    if context.total <= 0:
        return 0.0
    score = 0.0
    if entry.country is None:  # a region across countries ("Middle East") fits any context
        return COUNTRY_CONTEXT + ADMIN1_CONTEXT
    if entry.country:
        score += COUNTRY_CONTEXT * min(1.0, context.countries.get(entry.country, 0.0) / context.total * 2)
    if entry.admin1_code and entry.kind in ("city", "admin2", "admin1"):
        score += ADMIN1_CONTEXT * min(1.0, context.admin1.get(entry.admin1_code, 0.0) / context.total * 2)
    if entry.kind == "city" and context.points:
        best = 0.0
        for lat, lon, weight in context.points:
            distance = haversine_km(entry.lat, entry.lon, lat, lon)
            for limit, bonus in NEAR_BONUS:
                if distance <= limit:
                    best = max(best, bonus * weight)
                    break
        score += best
    return score
