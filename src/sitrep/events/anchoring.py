"""Anchoring a clause in the article's other layers: who says it, where, when, and whose side.

Shared by the ``events`` and ``control`` stages, so both answer "where" and "who claims it"
the same way. All inputs are the earlier layers of the AnalyzedArticle and the one parse.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import ClassVar

from spacy.tokens import Doc, Token

from sitrep.actors.matcher import ARMED_KINDS, STATE_KINDS, ActorRef, ActorTable
from sitrep.events.clause import is_clause_head, path, phrase
from sitrep.model import AnalyzedArticle, Attribution, Interval, Place, Timex
from sitrep.temporal.governing import governing_timex

# fmt: off
LOCATION_PREPS = frozenset({
    "in", "at", "near", "around", "outside", "inside", "over", "across", "throughout", "into", "on", "of",
    "from", "within", "towards", "toward", "to", "for", "against", "along", "beyond", "by",
})
# fmt: on
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement", "locality", "hamlet", "stronghold"})
REGION_NOUNS = frozenset({"region", "province", "oblast", "area", "district"})
POPULATED = frozenset({"city", "point"})
REGIONAL = frozenset({"admin1", "admin2", "region"})
ANAPHOR_PENALTY = 2.5  # a named place at most two steps deeper still beats "the city"
THIRD_PERSON_POSSESSIVES = frozenset({"their", "its", "his", "her"})


# Pronouns that stand for a group, a force or a state (not "he", "she": people are named again).
ANAPHORIC_PRONOUNS = frozenset({"it", "they"})
ANTECEDENT_KINDS = ARMED_KINDS | STATE_KINDS
ANAPHOR_WINDOW = 400  # places looked back at for "the city": salience is local, and the look stays linear


@dataclass
class ArticleFrame:
    """Per-article lookups built once: token-to-place, attribution speakers, the sides in play."""

    NAME: ClassVar[str] = "article_frame"  # shared by the stages that read it (``Context.derive``)

    doc: Doc
    result: AnalyzedArticle
    actors: ActorTable
    place_at: dict[int, int] = field(default_factory=dict)  # root token index -> place index
    speaker_sides: list[str | None] = field(default_factory=list)
    side_counts: Counter[str] = field(default_factory=Counter)
    cue_tokens: list[Token] = field(default_factory=list)
    location_tokens: frozenset[int] = frozenset()
    cues_by_sentence: dict[int, list[Token]] = field(default_factory=dict)  # sentence start -> its cue tokens
    speaker_at: list[int] = field(default_factory=list)  # token -> innermost attribution containing it, -1: none
    token_starts: list[int] = field(default_factory=list)
    place_starts: list[int] = field(default_factory=list)  # the places' starts in text order ...
    place_order: list[int] = field(default_factory=list)  # ... and their indexes

    @classmethod
    def build(cls, doc: Doc, result: AnalyzedArticle, actors: ActorTable) -> ArticleFrame:
        frame = cls(doc, result, actors)
        for index, place in enumerate(result.places):
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                frame.place_at[span.root.i] = index
        frame.location_tokens = frozenset(
            i for i, index in frame.place_at.items() if result.places[index].role == "location"
        )
        for attribution in result.attributions:
            frame.speaker_sides.append(frame._speaker_side(attribution))
            cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
            if cue is not None:
                frame.cue_tokens.append(cue.root)
                frame.cues_by_sentence.setdefault(cue.root.sent.start, []).append(cue.root)
        frame._index_speakers()
        frame.place_order = sorted(range(len(result.places)), key=lambda i: result.places[i].start)
        frame.place_starts = [result.places[i].start for i in frame.place_order]
        for match in actors.find(list(doc)):
            side = match.entry.side
            if side and match.entry.kind in STATE_KINDS | {"military"} and side not in {"speaker", "adversary"}:
                frame.side_counts[side] += 1
        return frame

    def _speaker_side(self, attribution: Attribution) -> str | None:
        if attribution.source is None:
            return None
        resolved = self.speaker_ref(attribution)
        if resolved is not None and resolved.side:
            return resolved.side
        return side_of_actor(attribution.source.actor or attribution.source.resolved)

    def speaker_ref(self, attribution: Attribution) -> ActorRef | None:
        """Who the source of an attribution is, read off the actor tables ("the Taliban", "militants")."""
        source = attribution.source
        if source is None:
            return None
        span = self.doc.char_span(source.start, source.end, alignment_mode="expand")
        return self.actors.resolve(list(span)) if span is not None else None

    def _index_speakers(self) -> None:
        """Paint each token with the innermost attribution whose content holds it: widest first, so the
        narrowest ends on top. Asking who says something is then a lookup, not a scan of every
        attribution (an article of a million tokens has tens of thousands)."""
        self.token_starts = [t.idx for t in self.doc]
        self.speaker_at = [-1] * len(self.doc)
        order = sorted(
            range(len(self.result.attributions)),
            key=lambda i: (-(self.result.attributions[i].content.end - self.result.attributions[i].content.start), -i),
        )
        for i in order:
            content = self.result.attributions[i].content
            first = bisect_left(self.token_starts, content.start)
            last = bisect_left(self.token_starts, content.end)
            self.speaker_at[first:last] = [i] * (last - first)

    def cues_near(self, token: Token) -> list[Token]:
        """The reporting cues of ``token``'s sentence: the only ones a walk up its parse can meet."""
        return self.cues_by_sentence.get(token.sent.start, [])

    # -- who says it -------------------------------------------------------------------------
    def attribution_of(self, char: int) -> int | None:
        """The innermost attribution whose content contains ``char`` (null: the outlet says it)."""
        at = bisect_right(self.token_starts, char) - 1
        if at < 0 or not self.speaker_at:
            return None
        found = self.speaker_at[at]
        if found < 0:
            return None
        content = self.result.attributions[found].content
        return found if content.start <= char < content.end else None

    def speaker(self, attribution: int | None) -> str | None:
        return self.speaker_sides[attribution] if attribution is not None else None

    def adversary(self, side: str | None) -> str | None:
        """The side most often named in the article other than ``side``."""
        if side is None:
            return None
        others = [(n, s) for s, n in self.side_counts.items() if s != side]
        return max(others)[1] if others else None

    def actor(self, token: Token, attribution: int | None, bare_side_kind: str) -> ActorRef | None:
        """The actor a noun phrase headed by ``token`` names, sides taken from the quote's speaker."""
        if token.lower_ in ANAPHORIC_PRONOUNS:
            antecedent = self._antecedent(token)
            if antecedent is not None:  # "it seized the dam": the group named just before
                token = antecedent
        speaker = self.speaker(attribution)
        tokens = phrase(token)
        ref = self.actors.resolve(tokens, speaker, self.adversary(speaker), bare_side_kind)
        own = any(t.lower_ in THIRD_PERSON_POSSESSIVES for t in tokens)
        if ref is not None and ref.side is None and ref.kind in STATE_KINDS and speaker and own:
            # "their fighters" in what Ukrainian officials said: the speakers' own side.
            return ActorRef(ref.text, _template(ref.kind, speaker), speaker, ref.kind, ref.start, ref.end)
        return ref

    def _antecedent(self, pronoun: Token) -> Token | None:
        """The head of the nearest armed or state actor named before ``pronoun``, in its sentence or
        the one before, a subject first: "YPG commanders told the rebels to leave; they took over
        the airfield" — they, the commanders."""
        sentence = pronoun.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        matches = self.actors.find(list(self.doc[start : pronoun.i]))
        heads = [self.doc[m.start : m.end].root for m in matches if m.entry.kind in ANTECEDENT_KINDS]
        subjects = [h for h in heads if h.dep_ in {"nsubj", "nsubjpass"}]  # the subject stays in focus
        chosen = subjects or heads
        return chosen[-1] if chosen else None

    # -- where ---------------------------------------------------------------------------------
    def place_in(self, head: Token, stop: Sequence[Token] = (), populated_only: bool = False) -> int | None:
        """The location of the clause headed by ``head``: the nearest place in its subtree.

        Named places in the subtree compete by dependency depth with anaphors such as "the city",
        which resolve to the nearest preceding populated place. Without a candidate, the search
        moves up to the governing clause, but never past a reporting verb.
        """
        stops = {t.i for t in stop}
        node: Token | None = head
        while node is not None and node.i not in stops:
            found = self._best_place(node, populated_only)
            if found is not None:
                return found
            node = _governing_clause(node)
        return None

    def _best_place(self, head: Token, populated_only: bool) -> int | None:
        candidates: list[tuple[float, int, int]] = []
        for token, depth in _descendants(head):
            index = self.place_at.get(token.i)
            if index is not None and self._is_location(index, populated_only) and _located(token):
                candidates.append((float(depth), token.i, index))
                continue
            anaphor = self.anaphor(token)
            if anaphor is not None and _located(token):
                candidates.append((depth + ANAPHOR_PENALTY, token.i, anaphor))
        return min(candidates)[2] if candidates else None

    def _is_location(self, index: int, populated_only: bool) -> bool:
        place = self.result.places[index]
        if place.role != "location":
            return False
        return not populated_only or place.precision != "country"

    def anaphor(self, token: Token) -> int | None:
        """ "the city" / "the region": the most mentioned such place so far, the nearest on a tie.

        Salience beats bare recency: "the flashpoint city" in a story about Bakhmut is Bakhmut
        even when a bracketed "Donetsk and Luhansk" came in between.
        """
        noun = token.lemma_.lower()
        wanted = POPULATED if noun in SETTLEMENT_NOUNS else REGIONAL if noun in REGION_NOUNS else None
        if wanted is None or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
            return None
        upto = bisect_right(self.place_starts, token.idx)
        window = self.place_order[max(0, upto - ANAPHOR_WINDOW) : upto]
        before = [
            i
            for i in window
            if (p := self.result.places[i]).end <= token.idx and p.role == "location" and p.precision in wanted
        ]
        if not before:
            return None
        mentions = Counter(_place_key(self.result.places[i]) for i in before)
        return max(before, key=lambda i: (mentions[_place_key(self.result.places[i])], self.result.places[i].start))

    def places_of(self, index: int) -> Place:
        return self.result.places[index]

    # -- when ------------------------------------------------------------------------------------
    def when(self, trigger: Token, attribution: int | None, dct: Interval | None) -> Interval | None:
        """The governing timex of the clause, else of the reporting verb, else the article's date."""
        timex = self._governing(trigger)
        if timex is None and attribution is not None:
            cue = self.result.attributions[attribution].cue
            span = self.doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is not None:
                timex = self._governing(span.root)
        if timex is not None and timex.interval is not None and timex.interval.earliest is not None:
            return timex.interval.model_copy(update={"text": timex.text})
        return reporting_window(dct)

    def _governing(self, token: Token) -> Timex | None:
        """The timex that dates ``token``'s clause, if it really hangs off that clause.

        ``governing_timex`` falls back to any date in the sentence; a date inside another
        clause ("Russia, which launched ... on February 24") does not date this one.
        """
        timex = governing_timex(self.result.timexes, self.doc, token)
        if timex is None:
            return None
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        return timex if span is not None and _governs(span.root, token) else None


def _governs(timex_root: Token, token: Token) -> bool:
    """True when the timex attaches to ``token``'s chain of heads without crossing another clause,
    or sits in a clause that describes the event word itself ("the war that began in 1991")."""
    chain = {t.i for t in path(token)}
    if is_clause_head(token):
        chain.add(token.i)
    node = timex_root
    while True:
        if node.i in chain:
            return True
        if node.i != timex_root.i and is_clause_head(node):
            return node.dep_ in {"relcl", "acl"} and node.head.i == token.i
        if node.head.i == node.i:
            return False
        node = node.head


def reporting_window(dct: Interval | None) -> Interval | None:
    """Undated news is about the day before publication or the day itself: say so, no more."""
    if dct is None or dct.earliest is None:
        return None
    try:
        first = date.fromisoformat(dct.earliest[:10]) - timedelta(days=1)
    except ValueError:
        return dct
    return Interval(earliest=first.isoformat(), latest=dct.latest, granularity="day", text=None)


def _place_key(place: Place) -> str:
    return place.place_id or str(place.geonameid or "") or (place.name or place.text).lower()


def side_of_actor(actor: str | None) -> str | None:
    """The side in a canonical name: "Military Forces of Russia" -> "Russia"."""
    if not actor:
        return None
    if " of " in actor:
        return actor.rsplit(" of ", 1)[1]
    if actor.endswith(")") and "(" in actor:
        return actor.rsplit("(", 1)[1][:-1]
    return None


def _template(kind: str | None, side: str) -> str | None:
    from sitrep.actors.matcher import TEMPLATES

    return TEMPLATES[kind].format(side=side) if kind in TEMPLATES else None


def _descendants(head: Token) -> list[tuple[Token, int]]:
    out: list[tuple[Token, int]] = []
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        out.append((token, depth))
        stack += [(child, depth + 1) for child in token.children]
    return out


def _located(token: Token) -> bool:
    """A place is the clause's location when it hangs off a preposition, an apposition or a verb."""
    if token.dep_ == "pobj":
        return token.head.lower_ in LOCATION_PREPS
    return token.dep_ in {"dobj", "appos", "conj", "npadvmod", "compound", "nsubj", "nsubjpass", "attr"}


def _governing_clause(token: Token) -> Token | None:
    node = token
    while node.head.i != node.i:
        node = node.head
        if is_clause_head(node):
            return node
    return None
