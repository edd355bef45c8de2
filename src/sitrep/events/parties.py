"""The parties of diplomacy and of agreements: the states, international bodies and warring sides a clause
names ("Turkey and Greece", the UN), counts ("the two countries", "both sides") or implies ("the warring
parties"). "The mayor met residents of Vessa" has no parties to diplomacy."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.actors.matcher import ActorRef
from sitrep.events.anchoring import ArticleFrame
from sitrep.events.constructions import PEOPLE_NOUNS
from sitrep.events.territory import WHERE_PREPS
from sitrep.gazetteer.countries import country_name

STATE_KINDS = frozenset({"country", "capital", "government", "organisation", "legislature"})
# fmt: off
STATE_NOUNS = frozenset({
    "country", "nation", "government", "state", "capital", "ally", "power", "superpower", "neighbour", "neighbor",
    "president", "leader", "premier",
})
# fmt: on
SEVERAL = frozenset({"two", "both", "three", "four", "five", "several"})
# Words only dealings between states use; a minister or a president also meets their own opposition.
# fmt: off
DIPLOMACY_WORDS = frozenset({
    "ambassador", "envoy", "embassy", "diplomat", "diplomatic", "treaty", "sanction", "summit", "bilateral",
    "consulate", "foreign", "counterpart", "nato", "un", "delegation",
})
# fmt: on


def states_act(actors: Sequence[tuple[ActorRef, str]], tokens: Sequence[Token], frame: ArticleFrame) -> bool:
    """Two states (or international organisations) deal with each other: two parties named in the
    clause or counted ("the two countries"), or one with a word only diplomacy uses ("ambassador",
    "treaty", "sanctions"). "The mayor met residents of Vessa" is no diplomacy."""
    named = parties(actors, tokens, frame)
    if len(named) >= 2 or any(_several_states(t) for t in tokens):
        return True
    if len(named) == 1 and any(_abroad(t, named, frame) for t in tokens):
        return True
    words = {t.lemma_.lower() for t in tokens}
    return bool(named) and bool(words & DIPLOMACY_WORDS)


def parties(actors: Sequence[tuple[ActorRef, str]], tokens: Sequence[Token], frame: ArticleFrame) -> set[str]:
    """The states and international bodies a clause names: countries, nationalities, state actors,
    places resolved as countries or seats of government. Each is counted by its state, lower-cased
    ("the White House", "Washington" and "American" are one party: the United States)."""
    # Read off the clause's own tokens: ``doc.ents`` or every place of the article per clause would
    # make a long article quadratic.
    places = frame.result.places
    found: set[str] = set()
    for t in tokens:
        index = frame.place_at.get(t.i)
        # a country, or a capital standing for its government ("Moscow says"); a named place that is no mere
        # "where" ("talks in Geneva")
        state = index is not None and (places[index].precision == "country" or places[index].role == "actor")
        named = t.ent_iob_ == "B" and t.ent_type_ in {"GPE", "NORP"} and not _where(t)
        if named and t.ent_type_ == "NORP" and (not _nationality(t, frame) or _private(t)):
            named = False  # "Republican senators", "Muslim groups": a party or a faith; "a Dutch firm": no state
        if state or named:
            found.add(_state_of(t, frame))
    found |= {(ref.side or ref.actor or ref.text).lower() for ref, _ in actors if _a_state(ref, frame.doc)}
    for match in frame.actors.find(tokens):
        if match.entry.kind in STATE_KINDS and match.entry.actor and not _private(frame.doc[match.end - 1]):
            found.add((match.entry.side or match.entry.actor).lower())
    found |= {f"the {t.lemma_.lower()}" for t in tokens if _unnamed_head_of_government(t)}
    for antecedent in filter(None, map(_antecedent, tokens)):  # "Marlow was apologetic when he visited Ankara"
        office = {f"the {antecedent.lemma_.lower()}"} if _office_alone(antecedent) else set()  # the story's own
        found |= parties([], list(antecedent.subtree), frame) or office
    return found


def _antecedent(word: Token) -> Token | None:
    """Whom "he" or "she", the subject of a clause inside another, stands for: the subject of the clause
    it hangs on ("the minister was apologetic when he visited Ankara")."""
    if word.lower_ not in {"he", "she"} or word.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = word.head
    while verb.dep_ in {"advcl", "conj", "ccomp", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"]
        if subjects:
            return subjects[0]
    return None


TRAVELLING = frozenset({"fly", "travel", "arrive", "head", "go", "come", "visit", "leave", "return"})
# Who heads a state or a government, named by office alone: "the prime minister flew to Ankara for talks".
HEADS_OF_GOVERNMENT = frozenset({"president", "minister", "premier", "chancellor", "king", "queen", "emir"})


def _unnamed_head_of_government(word: Token) -> bool:
    """A head of government whose state the clause does not say (the story's own) travels: "the prime
    minister flew to Ankara for talks with the Turkish president"."""
    return word.dep_ == "nsubj" and word.head.lemma_.lower() in TRAVELLING and _office_alone(word)


def _office_alone(word: Token) -> bool:
    """A head of government named by office alone ("the foreign minister"), not "the Turkish president"."""
    if word.lemma_.lower() not in HEADS_OF_GOVERNMENT:
        return False
    return not any(c.ent_type_ in {"GPE", "NORP", "PERSON"} or c.dep_ == "poss" for c in word.subtree if c.i != word.i)


def _state_of(name: Token, frame: ArticleFrame) -> str:
    """The state a place or a nationality belongs to ("Florida", "Cairo": their country; "Chinese": China),
    else the name itself."""
    entity = _entity(name)
    # the place layer keys a name by its last word: "Baton Rouge" is found at "Rouge"
    index = next((frame.place_at[t.i] for t in entity if t.i in frame.place_at), None)
    if index is not None:
        place = frame.result.places[index]
        return (country_name(place.country) or place.name or place.text).lower()
    sides = [m.entry.side for m in frame.actors.find(list(entity)) if m.entry.side]
    return (sides[0] if sides else entity.text).lower()


# Who a nationality describes without making them its state: people and businesses ("a Swedish bank").
PRIVATE_NOUNS = PEOPLE_NOUNS | {
    "firm", "company", "bank", "business", "airline", "carrier", "brand", "maker", "manufacturer", "investor",
    "tourist", "national", "team", "club", "player", "exam", "language",
}  # fmt: skip


def _private(nationality: Token) -> bool:
    """ "a Dutch firm", "a Swedish student": a nationality describing people or a business."""
    head = nationality
    while head.dep_ in {"amod", "compound"} and head.head.i != head.i:
        head = head.head
    return head.i != nationality.i and head.lemma_.lower() in PRIVATE_NOUNS


def _nationality(name: Token, frame: ArticleFrame) -> bool:
    """ "Chinese", "Turkish": a word the actor table knows as a state's people."""
    return any(m.entry.side and m.entry.kind == "country" for m in frame.actors.find(list(_entity(name))))


def _a_state(ref: ActorRef, doc: Doc) -> bool:
    """A state actor, unless only the title before a person's name ("Vice President Joe Biden": the name,
    when the table knows it, says whose; "Chinese President Xi": the nationality does)."""
    if ref.kind not in STATE_KINDS:
        return False
    if ref.side or ref.actor:
        return True
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    following = doc[span.end] if span is not None and span.end < len(doc) else None
    return following is None or following.ent_type_ != "PERSON"


def _where(name: Token) -> bool:
    """A place name that says where ("a meeting in Brussels"), not who: no party to diplomacy."""
    head = name
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in WHERE_PREPS


def two_sides(token: Token) -> bool:
    """ "both sides", "the two sides", "all sides", "the warring factions": the parties of a fight, counted
    rather than named."""
    lemma = token.lemma_.lower()
    if lemma not in {"side", "faction", "party"}:
        return False
    counted = lemma != "party" and any(
        c.dep_ in {"det", "nummod", "predet"} and c.lower_ in {"both", "two", "either", "all"} for c in token.children
    )
    return counted or any(c.lower_ == "warring" for c in token.children)


# Blocs of states whose leaders or ministers meet: "leaders of the regional bloc", "ministers of the union".
BLOCS = frozenset({"bloc", "union", "alliance", "league", "community", "nation", "country", "state", "member"})
ENVOYS = frozenset({"leader", "minister", "head", "president", "envoy", "delegate"})


# What states do among many: "international negotiators", "a multilateral accord".
DEALINGS = frozenset({
    "negotiator", "agreement", "treaty", "talk", "conference", "summit", "community", "negotiation", "deal",
    "accord", "pact", "mediator", "mediation", "envoy", "delegation", "delegate", "diplomacy", "sanction",
})  # fmt: skip
# Who acts only for a state, met many at a time: "diplomats ushered the accord into existence".
STATES_PEOPLE = frozenset({"diplomat", "envoy", "ambassador"})
VISITS = frozenset({"visit", "trip", "tour", "travel", "journey"})
MANY_STATES = frozenset({"world", "foreign"})  # "world leaders", "foreign ministers"


def _several_states(token: Token) -> bool:
    """ "the two countries", "both governments", "three nations", "leaders of the regional bloc": parties
    counted, or the members of a bloc, not named; "diplomats" and "international negotiators" are many
    states' too."""
    if token.lower_ in {"international", "multilateral"} and token.dep_ == "amod":
        return token.head.lemma_.lower() in DEALINGS
    if token.tag_ != "NNS":
        return False
    lemma = token.lemma_.lower()
    if lemma in STATES_PEOPLE:
        return True
    if lemma in ENVOYS and any(
        o.lemma_.lower() in BLOCS for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
    ):
        return True
    if lemma in ENVOYS and any(c.dep_ in {"amod", "compound"} and c.lower_ in MANY_STATES for c in token.children):
        return True  # "called world leaders", "met foreign ministers"
    if lemma not in STATE_NOUNS:
        return False
    return any(c.dep_ in {"nummod", "det", "predet"} and (c.lower_ in SEVERAL or _many(c)) for c in token.children)


def _many(number: Token) -> bool:
    """ "175 countries", "40 nations", "dozens of states": more than one, written in figures or words."""
    if number.lower_ in {"many", "dozens", "scores", "hundreds"}:
        return True
    return number.like_num and number.lower_ not in {"one", "1"}


def _abroad(word: Token, named: set[str], frame: ArticleFrame) -> bool:
    """ "the first visit to the Middle East of the new U.S. secretary of state": a state's visit to a place
    of another state or region is between them."""
    if word.lemma_.lower() not in VISITS:
        return False
    destinations = [o for p in word.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    places = [d for d in destinations if d.ent_type_ in {"GPE", "LOC"}]
    return any(_state_of(d if d.ent_iob_ == "B" else _first_of(d), frame) not in named for d in places)


def _first_of(word: Token) -> Token:
    """The first word of the named entity ``word`` is in."""
    while word.ent_iob_ == "I" and word.i > 0:
        word = word.doc[word.i - 1]
    return word


def _entity(first: Token) -> Span:
    """The named entity that begins at ``first``."""
    end = first.i + 1
    while end < len(first.doc) and first.doc[end].ent_iob_ == "I":
        end += 1
    return first.doc[first.i : end]
