"""One parsed document as the attribution rules see it, and what they find on it.

Every rule reads the same few facts: the spaCy parse, its text (``Doc.text`` is
rebuilt on every access, so it is kept once), the quotations found on the raw
text with the quotation each token stands in, and the cue lexicon. They travel
together, explicitly, as a :class:`SpeechDoc` (the argument ``speech`` of every
rule); each rule returns :class:`FoundAttribution` records, which later passes
complete or filter.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Token

from sitrep.attribution.lexicon import CueEntry, CueLexicon
from sitrep.attribution.quotes import Quote, find_quotes
from sitrep.attribution.spans import CharRange
from sitrep.model import Stance

AttributionKind = Literal["direct", "indirect", "mixed"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "oprd"})
# Forms the small model lemmatises wrongly ("hoping" -> "hop").
MISLEMMATISED = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}

# A lexicon verb that found no content of its own: a later pass may tie it to a quotation.
PendingCue = tuple[Token, CueEntry]


@dataclass
class FoundAttribution:
    """One attribution as found on the parse (token-level facts kept for later passes)."""

    kind: AttributionKind
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
    lexicon: CueLexicon
    quote_of: dict[int, int]  # token index -> index in ``quotes`` of the quotation it stands in
    token_starts: list[int] = field(default_factory=list)  # character offset of each token
    token_ends: list[int] = field(default_factory=list)  # ... of each token's end
    words_before: list[int] = field(default_factory=list)  # words (not punctuation or space) among doc[:i]

    @classmethod
    def read(cls, doc: Doc, lexicon: CueLexicon) -> SpeechDoc:
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        quotes = find_quotes(text)
        quote_of: dict[int, int] = {}
        starts: list[int] = []
        ends: list[int] = []
        words = [0]
        qi = 0
        for tok in doc:
            while qi < len(quotes) and quotes[qi].end <= tok.idx:
                qi += 1
            if qi < len(quotes) and quotes[qi].start <= tok.idx < quotes[qi].end:
                quote_of[tok.i] = qi
            starts.append(tok.idx)
            ends.append(tok.idx + len(tok.text))
            words.append(words[-1] + (not tok.is_punct and not tok.is_space))
        return cls(
            doc=doc,
            text=text,
            quotes=quotes,
            lexicon=lexicon,
            quote_of=quote_of,
            token_starts=starts,
            token_ends=ends,
            words_before=words,
        )

    def token_at(self, char: int) -> Token | None:
        """The token that covers character ``char``; None for a space between tokens."""
        i = bisect_right(self.token_starts, char) - 1
        if i < 0 or char >= self.token_ends[i]:
            return None
        return self.doc[i]

    def words_within(self, start: int, end: int) -> int | None:
        """Words among the tokens lying wholly inside ``[start, end)``; None when no token does.

        Prefix counts make this constant-time in the distance, so rules may ask it of
        every pair of positions in a long document.
        """
        first = bisect_left(self.token_starts, start)
        last = bisect_right(self.token_ends, end)  # tokens [first, last) end at or before ``end``
        if first >= last:
            return None
        return self.words_before[last] - self.words_before[first]

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
