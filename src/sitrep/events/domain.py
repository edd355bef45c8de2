"""What a whole document is about: evidence for or against reading its violence words as events.

A recipe's "shell", a game review's "the woman kills him", a fashion page's "blazer", a joke's
"volcano": word senses decided one sentence at a time miss what the page as a whole makes
plain. The vocabulary of the page says its domain. A page whose words are mostly those of
sport, food, fashion, games, technology, markets or science, and that has almost none of the
vocabulary of conflict, crime, disasters or diplomacy, reports no event; so does any page with
less than one word of that vocabulary in a thousand. Other pages are read as news. Short texts (a snippet, a note) carry
too little evidence and are always read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

MIN_WORDS = 150  # shorter texts are read as they are
MIN_NEWS_SHARE = 0.001  # a page with less of the vocabulary of events (one word in a thousand) reports none
DOMAIN_SHARE = 0.025  # a page is of another domain when this share of its words is that domain's ...
NEWS_SHARE = 0.006  # ... unless this share of its words is the vocabulary of events and their actors

# fmt: off
DOMAINS: dict[str, frozenset[str]] = {
    "sport": frozenset({
        "match", "goal", "season", "coach", "team", "league", "score", "scored", "championship", "tournament",
        "player", "players", "club", "striker", "midfielder", "quarterback", "inning", "innings", "pitch",
        "playoff", "playoffs", "referee", "stadium", "fans", "cup", "squad", "defender", "touchdown", "wicket",
        "medal", "olympic", "olympics", "race", "lap", "podium", "tennis", "football", "soccer", "basketball",
        "baseball", "hockey", "rugby", "cricket", "golf", "nba", "nfl", "fifa", "uefa", "win", "victory",
    }),
    "food": frozenset({
        "recipe", "recipes", "cup", "cups", "tablespoon", "tablespoons", "teaspoon", "teaspoons", "bake", "baking",
        "oven", "flour", "sugar", "butter", "flavor", "flavour", "ingredients", "ingredient", "cook", "cooking",
        "chocolate", "sauce", "dish", "dessert", "snack", "vegan", "delicious", "taste", "minutes", "salt",
        "cheese", "dough", "wine", "coffee", "restaurant", "menu", "chef", "kitchen", "mix", "stir",
    }),
    "style": frozenset({
        "dress", "skirt", "outfit", "jacket", "blazer", "shoes", "fashion", "style", "wear", "wearing", "look",
        "makeup", "hair", "beauty", "skin", "designer", "collection", "costume", "halloween", "gift", "decor",
        "garden", "plant", "plants", "flowers", "soil", "water", "sun", "bloom", "blooms", "pot", "pruning",
    }),
    "screen": frozenset({
        "game", "games", "gameplay", "player", "level", "character", "characters", "quest", "film", "movie",
        "episode", "series", "season", "album", "song", "songs", "band", "singer", "actor", "actress",
        "director", "novel", "book", "story", "fans", "stage", "tour", "concert", "show", "netflix", "review",
        "joke", "jokes", "funny", "comedy", "piano", "music", "poem", "poetry",
    }),
    "technology": frozenset({
        "app", "apps", "software", "device", "devices", "users", "user", "update", "feature", "features",
        "android", "iphone", "google", "apple", "microsoft", "browser", "account", "password", "data", "cloud",
        "chip", "battery", "screen", "laptop", "smartphone", "online", "website", "security", "code", "ai",
    }),
    "markets": frozenset({
        "shares", "stock", "stocks", "revenue", "profit", "profits", "quarter", "investors", "investor",
        "market", "markets", "earnings", "sales", "prices", "price", "customers", "company", "companies",
        "growth", "billion", "million", "percent", "dividend", "analysts", "inflation", "economy", "brand",
    }),
    "science": frozenset({
        "researchers", "study", "studies", "scientists", "species", "telescope", "galaxy", "planet", "cells",
        "cell", "gene", "genes", "protein", "brain", "patients", "disease", "universe", "physics", "molecules",
        "experiment", "data", "astronomers", "stars", "climate", "university", "journal", "evolution",
    }),
}
NEWS_WORDS = frozenset({
    "killed", "wounded", "injured", "died", "forces", "troops", "soldiers", "military", "army", "police",
    "militants", "rebels", "insurgents", "clashes", "protesters", "protests", "demonstrators", "arrested",
    "ceasefire", "shelling", "airstrike", "airstrikes", "bombing", "gunmen", "hostages", "kidnapped",
    "earthquake", "floods", "flooding", "hurricane", "casualties", "refugees", "occupation", "regime",
    "embassy", "sanctions", "diplomats", "firefighters", "rescuers", "evacuated", "victims", "crashed",
    "sheriff", "deputies", "suspect", "suspects", "trafficking", "smuggling", "cartel", "ambassador",
    "summit", "negotiations", "diplomatic", "bilateral", "treaty", "protest", "protested", "protesting",
    "demonstration", "strikers", "picket", "terrorists", "terrorist", "terrorism", "militia", "attacks",
    "explosion", "blast", "wildfire", "storm", "tornado", "drought", "landslide", "evacuation",
})
# fmt: on


@dataclass(frozen=True)
class Domain:
    """The domain a document reads as, with the shares of words behind the decision."""

    name: str  # "news", one of DOMAINS, or "other" (no vocabulary of events, no clear domain)
    share: float  # share of the document's words from that domain's vocabulary
    news_share: float

    @property
    def reports_events(self) -> bool:
        return self.name == "news"


def document_domain(doc: Doc) -> Domain:
    """The domain of a parsed document; "news" unless the page is plainly about something else.

    Read once per document: the events and control stages both ask.
    """
    cached = doc.user_data.get(_CACHE_KEY)
    if isinstance(cached, Domain):
        return cached
    domain = _read_domain(doc)
    doc.user_data[_CACHE_KEY] = domain
    return domain


_CACHE_KEY = "sitrep.domain"


def _read_domain(doc: Doc) -> Domain:
    words = [t.lower_ for t in doc if t.is_alpha]
    if len(words) < MIN_WORDS:
        return Domain("news", 0.0, 0.0)
    counts = Counter(words)
    news = sum(counts[w] for w in NEWS_WORDS) / len(words)
    shares = {name: sum(counts[w] for w in vocabulary) / len(words) for name, vocabulary in DOMAINS.items()}
    name, share = max(shares.items(), key=lambda kv: kv[1])
    if news < MIN_NEWS_SHARE or (share >= DOMAIN_SHARE and news < NEWS_SHARE):
        return Domain(name if share >= DOMAIN_SHARE else "other", share, news)
    return Domain("news", share, news)
