"""The cue lexicon (lemma -> stance) and the seats of government as attribution sources.

The lexicon lives in ``sitrep/data/stance_lexicon.tsv`` so that it can be read,
reviewed and extended without touching code; its header documents the columns,
the stance classes and the MIT-licensed word lists it was built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast, get_args

from sitrep.actors.seats import seats_of_government
from sitrep.model import Stance
from sitrep.tables import packaged_text, parse_table

STANCES: frozenset[str] = frozenset(get_args(Stance))

Frame = str  # "clause", "object" or "infinitive": the complements that make a word a cue


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    stance: Stance
    pos: str
    frames: frozenset[Frame] = frozenset({"clause"})


@dataclass(frozen=True)
class CueLexicon:
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


def parse_lexicon(text: str) -> CueLexicon:
    """Parse the TSV text (comment lines start with ``#``; one header row)."""
    by_pos: dict[str, dict[str, CueEntry]] = {"VERB": {}, "NOUN": {}, "ADJ": {}}
    phrasal: dict[str, dict[str, CueEntry]] = {}
    for row in parse_table(text):
        lemma, stance, pos, frames = row["lemma"], row["stance"], row["pos"], row["frames"]
        if stance not in STANCES:
            raise ValueError(f"unknown stance {stance!r} for {lemma!r} in the cue lexicon")
        entry = CueEntry(lemma, cast(Stance, stance), pos, frozenset(frames.split("+")) if frames else frozenset())
        verb, _, particle = lemma.partition(" ")
        if pos == "VERB" and particle:
            phrasal.setdefault(verb, {})[particle] = entry
        else:
            by_pos.setdefault(pos, {})[lemma] = entry
    return CueLexicon(verbs=by_pos["VERB"], nouns=by_pos["NOUN"], adjectives=by_pos["ADJ"], phrasal=phrasal)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """The packaged lexicon, read once per process."""
    return parse_lexicon(packaged_text("stance_lexicon.tsv"))


def seat_of_government(text: str) -> str | None:
    """Canonical actor for "the Kremlin", "the White House", ... else None."""
    key = text.strip().lower()
    key = key.removeprefix("the ").strip()
    seat = seats_of_government().get(key)
    return seat.actor if seat else None
