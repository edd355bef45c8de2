"""The event cue lexicon: named groups of words and phrases, matched on tokens.

The cues are the vocabulary of the ACLED sub-event definitions and PLOVER categories
("shelled", "tear gas", "abducted"); ``rules.py`` decides a sub-type from which cues fire.
Keeping the words in ``lexicon.tsv`` lets a user extend them without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from sitrep.actors.matcher import token_forms
from sitrep.tables import Row, read_table

SKIP_ENTS = frozenset({"DATE", "TIME"})  # "March", "May" and "the day of the strike" are dates, not cues


NOMINAL_LEFT_POS = frozenset({"DET", "NUM", "ADJ"})


@dataclass(frozen=True)
class Term:
    cue: str
    words: tuple[str, ...]  # a word ending in "*" matches by prefix
    joined: bool = False  # written with a hyphen: a noun ("a sit-in"), not the phrasal verb ("sat in a chair")

    def matches_at(self, forms: Sequence[tuple[str, ...]], i: int, nominal: Sequence[bool] = ()) -> bool:
        if i + len(self.words) > len(forms):
            return False
        if self.joined and nominal and not nominal[i]:
            return False
        return all(_word_matches(w, forms[i + k]) for k, w in enumerate(self.words))


def _word_matches(word: str, forms: tuple[str, ...]) -> bool:
    if word.endswith("*"):
        return any(f.startswith(word[:-1]) for f in forms)
    return word in forms


@dataclass(frozen=True)
class CueHit:
    cue: str
    start: int  # token index in the Doc
    end: int


class EventLexicon:
    """Cue terms indexed by their first word (exact) or its first three letters (prefix terms)."""

    def __init__(self, terms: Sequence[Term], patterns: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self.cues = tuple(dict.fromkeys([t.cue for t in terms] + [c for c, _ in patterns]))
        self._exact: dict[str, list[Term]] = {}
        self._prefix: dict[str, list[Term]] = {}
        for term in terms:
            first = term.words[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:3], []).append(term)
            else:
                self._exact.setdefault(first, []).append(term)
        self._patterns = tuple(patterns)

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> EventLexicon:
        terms: list[Term] = []
        patterns: list[tuple[str, re.Pattern[str]]] = []
        for row in rows:
            cue, items = row["cue"], row["terms"]
            for item in (i.strip() for i in items.split(",")):
                if item.startswith("re:"):
                    patterns.append((cue, re.compile(item[3:], re.IGNORECASE)))
                elif item:
                    words = tuple(w for w in item.lower().replace("-", " ").split() if w)
                    terms.append(Term(cue, words, joined="-" in item and len(words) > 1))
        return cls(terms, patterns)

    def hits(self, tokens: Sequence[Token]) -> list[CueHit]:
        """Every cue occurrence in ``tokens`` (dates and hyphens skipped)."""
        words = [t for t in tokens if t.text != "-" and t.ent_type_ not in SKIP_ENTS]
        forms = [token_forms(t) for t in words]
        nominal = [_nominal(t) for t in words]
        found: list[CueHit] = []
        for i, token_forms_i in enumerate(forms):
            candidates: list[Term] = []
            for form in dict.fromkeys(token_forms_i):
                candidates += self._exact.get(form, [])
                candidates += self._prefix.get(form[:3], [])
            for term in candidates:
                if term.matches_at(forms, i, nominal):
                    end = words[i + len(term.words) - 1].i + 1
                    found.append(CueHit(term.cue, words[i].i, end))
        if tokens:
            doc, first = tokens[0].doc, tokens[0]
            offset = first.idx
            text = doc[first.i : tokens[-1].i + 1].text  # not doc.text: spaCy rebuilds it on every access
            for cue, pattern in self._patterns:
                for m in pattern.finditer(text):
                    span = doc.char_span(offset + m.start(), offset + m.end(), alignment_mode="expand")
                    if span is not None:
                        found.append(CueHit(cue, span.start, span.end))
        return _outermost(found)


def _outermost(found: list[CueHit]) -> list[CueHit]:
    """A noun that ends a longer phrase of another cue is that phrase's head, and the words before it say
    what it is: "water cannon" is no artillery, a "stun grenade" no grenade attack. ("shot dead" keeps "shot":
    there the longer phrase ends past it. A trigger anywhere inside a longer trigger is dropped later, by
    ``triggers._within_longer``.)"""
    ending: dict[int, list[CueHit]] = {}
    for hit in found:
        ending.setdefault(hit.end, []).append(hit)
    return [h for h in found if not any(o.start < h.start and o.cue != h.cue for o in ending[h.end])]


def _nominal(token: Token) -> bool:
    """A word written hyphenated to the next ("sit-in") or after a determiner ("a sit in")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.text == "-" and not token.whitespace_:
        return True
    return token.i > 0 and token.nbor(-1).pos_ in NOMINAL_LEFT_POS


@lru_cache(maxsize=1)
def default_lexicon() -> EventLexicon:
    return EventLexicon.from_rows(read_table("event_lexicon.tsv"))
