"""One parsed document as the attribution rules see it, and what they find on it.

Every rule reads the same few facts: the spaCy parse, its text (``Doc.text`` is
rebuilt on every access, so it is kept once), the quotations found on the raw
text with the quotation each token stands in, and the cue lexicon. They travel
together, explicitly, as a :class:`SpeechDoc` (the argument ``speech`` of every
rule); each rule returns :class:`FoundAttribution` records, which later passes
complete or filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from sitrep.attribution.lexicon import CueEntry, Lexicon
from sitrep.attribution.quotes import Quote
from sitrep.attribution.spans import CharRange
from sitrep.model import Stance

Kind = Literal["direct", "indirect", "mixed"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "oprd"})
# Forms the small model lemmatises wrongly ("hoping" -> "hop").
MISLEMMATISED = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}

# A lexicon verb that found no content of its own: a later pass may tie it to a quotation.
PendingCue = tuple[Token, CueEntry]


@dataclass
class FoundAttribution:
    """One attribution as found on the parse (token-level facts kept for later passes)."""

    kind: Kind
    cue: CharRange
    lemma: str
    stance: Stance
    content: list[CharRange]
    source: CharRange | None = None
    source_token: int | None = None
    cue_token: int = -1
    from_complement: bool = False  # content is an object or to-clause, not a clause or quote


@dataclass(frozen=True, eq=False)
class SpeechDoc:
    """The parse, its text, its quotations and the lexicon: what every rule reads."""

    doc: Doc
    text: str
    quotes: list[Quote]
    lexicon: Lexicon
    quote_of: dict[int, int]  # token index -> index in ``quotes`` of the quotation it stands in

    @classmethod
    def read(cls, doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> SpeechDoc:
        quote_of: dict[int, int] = {}
        qi = 0
        for tok in doc:
            while qi < len(quotes) and quotes[qi].end <= tok.idx:
                qi += 1
            if qi < len(quotes) and quotes[qi].start <= tok.idx < quotes[qi].end:
                quote_of[tok.i] = qi
        return cls(doc=doc, text=doc.text, quotes=quotes, lexicon=lexicon, quote_of=quote_of)

    def verb_cue(self, tok: Token) -> CueEntry | None:
        """The lexicon entry of a reporting verb ("say", phrasal "call for"), else None."""
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
            return None
        for child in tok.rights:
            if child.dep_ in ("prep", "prt"):
                phrasal = self.lexicon.phrasal_verb(tok.lemma_, child.lower_)
                if phrasal is not None:
                    return phrasal
        return self.lexicon.verb(MISLEMMATISED.get(tok.lower_, tok.lemma_))


def subject(verb: Token) -> Token | None:
    """The verb's subject (active, passive or clausal), else None."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def is_to_clause(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
