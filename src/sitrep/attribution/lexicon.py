"""The cue lexicon (lemma -> stance) and the table of seats of government.

The lexicon lives in ``sitrep/data/stance_lexicon.tsv`` so that it can be read,
reviewed and extended without touching code; its header documents the columns,
the stance classes and the MIT-licensed word lists it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import cast, get_args

from sitrep.model import Stance

STANCES: frozenset[str] = frozenset(get_args(Stance))

# Buildings and addresses that stand for a government in news prose ("the Kremlin
# said"). Cities ("Moscow says") are places and come from the ``places`` layer;
# these are not places in a gazetteer, so they are listed here. Keys are lower-case
# without a leading "the".
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "kremlin": "Government of Russia",
    "white house": "Government of United States",
    "pentagon": "Military Forces of United States",
    "state department": "Government of United States",
    "downing street": "Government of United Kingdom",
    "number 10": "Government of United Kingdom",
    "no 10": "Government of United Kingdom",
    "no. 10": "Government of United Kingdom",
    "whitehall": "Government of United Kingdom",
    "elysee": "Government of France",
    "élysée": "Government of France",
    "elysee palace": "Government of France",
    "élysée palace": "Government of France",
    "quai d'orsay": "Government of France",
    "bankova": "Government of Ukraine",
    "zhongnanhai": "Government of China",
    "blue house": "Government of South Korea",
    "chancellery": "Government of Germany",
    "porte": "Government of Turkey",
}


Frame = str  # "clause", "object" or "infinitive": the complements that make a word a cue


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    stance: Stance
    pos: str
    frames: frozenset[Frame] = frozenset({"clause"})


@dataclass(frozen=True)
class Lexicon:
    """Cue words by part of speech: verbs, speech-act nouns, stance adjectives."""

    verbs: dict[str, CueEntry]
    nouns: dict[str, CueEntry]
    adjectives: dict[str, CueEntry]
    phrasal: dict[str, dict[str, CueEntry]]  # verb lemma -> particle -> entry ("call" -> "for")

    def verb(self, lemma: str) -> CueEntry | None:
        return self.verbs.get(lemma.lower())

    def phrasal_verb(self, lemma: str, particle: str) -> CueEntry | None:
        return self.phrasal.get(lemma.lower(), {}).get(particle.lower())

    def noun(self, lemma: str) -> CueEntry | None:
        return self.nouns.get(lemma.lower())


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV text (comment lines start with ``#``; one header row)."""
    by_pos: dict[str, dict[str, CueEntry]] = {"VERB": {}, "NOUN": {}, "ADJ": {}}
    phrasal: dict[str, dict[str, CueEntry]] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in rows[1:]:
        lemma, stance, pos, frames, *_ = line.split("\t")
        if stance not in STANCES:
            raise ValueError(f"unknown stance {stance!r} for {lemma!r} in the cue lexicon")
        entry = CueEntry(lemma, cast(Stance, stance), pos, frozenset(frames.split("+")) if frames else frozenset())
        verb, _, particle = lemma.partition(" ")
        if pos == "VERB" and particle:
            phrasal.setdefault(verb, {})[particle] = entry
        else:
            by_pos.setdefault(pos, {})[lemma] = entry
    return Lexicon(verbs=by_pos["VERB"], nouns=by_pos["NOUN"], adjectives=by_pos["ADJ"], phrasal=phrasal)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    text = resources.files("sitrep.data").joinpath("stance_lexicon.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)


def seat_of_government(text: str) -> str | None:
    """Canonical actor for "the Kremlin", "the White House", ... else None."""
    key = text.strip().lower()
    key = key.removeprefix("the ").strip()
    return SEATS_OF_GOVERNMENT.get(key)
