"""When a protest word names no demonstration: a candidate's campaign rally, a protest a government lodges, a
song or a vote "in protest" (the events stage's senses, :mod:`sitrep.events.senses`, ask)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.clause import subjects
from sitrep.events.things import person_words

# A candidate's rally is a campaign event, not a demonstration: "a campaign rally", "election night rally".
CAMPAIGN_WORDS = frozenset(
    {"campaign", "election", "electoral", "reelection", "victory", "pep", "fundraising", "inauguration"}
)
# A protest a government or a body lodges is a complaint, not a demonstration: "lodged a protest".
# What a protest word may modify and still name the protest: "a protest march", "a protest camp".
PROTEST_ACTS = frozenset({"march", "rally", "action", "demonstration", "camp", "strike", "vigil", "sit", "gathering"})
LODGING_VERBS = frozenset({"lodge", "file", "register", "raise", "send", "deliver", "submit", "voice"})


# Who holds a campaign rally: "the senator held a rally in Ohio" (supporters holding one protest).
OFFICE_HOLDERS = frozenset(
    {
        "senator",
        "candidate",
        "president",
        "governor",
        "nominee",
        "mayor",
        "congressman",
        "congresswoman",
        "minister",
        "premier",
        "chancellor",
        "politician",
        "lawmaker",
        "incumbent",
        "challenger",
    }
)
RALLY_HOSTING = frozenset({"hold", "stage", "host", "address", "headline", "throw"})


def a_politician(word: Token) -> bool:
    """A person the text names (here or anywhere in the article), or one named by a political office: one
    person, not a crowd."""
    named = word.pos_ == "PROPN" and (word.ent_type_ == "PERSON" or word.text in person_words(word.doc))
    return named or word.lemma_.lower() in OFFICE_HOLDERS


def _a_politicians_rally(rally: Token) -> bool:
    """ "the senator held a rally in Ohio", "a Kelvane rally", "Kelvane's rallies", and the rally a politician
    speaks at: "at a rally in Ohio, the governor said ...", "bashing his rival during a rally"."""
    if any(c.dep_ in {"poss", "compound"} and a_politician(c) for c in rally.children):
        return True
    if rally.dep_ == "dobj" and rally.head.lemma_.lower() in RALLY_HOSTING:
        return any(map(a_politician, subjects(rally.head)))
    if rally.dep_ == "pobj" and rally.head.lower_ in {"at", "during"}:
        verb = next((a for a in rally.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return verb is not None and any(map(a_politician, _speakers(verb)))
    return False


def _speakers(verb: Token) -> list[Token]:
    """Who does ``verb``, or, for a participle with no subject of its own ("Speaking at a rally, the
    governor said", "walked on stage, chanting"), who does the verb it hangs from."""
    found = subjects(verb)
    if not found and verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VBN"}:
        found = subjects(verb.head)
    return found


# Acts of a demonstration that one person does in words: "the senator protested the ruling", "Kelvane
# walked onto the stage, chanting his own name".
ONE_PERSONS_PROTEST = frozenset({"protest", "chant"})


def one_persons_objection(token: Token) -> bool:
    """The protest verb's doers are politicians or named people, one by one: an objection, no crowd."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ONE_PERSONS_PROTEST:
        return False
    doers = _speakers(token)
    return bool(doers) and all(map(a_politician, doers))


# "rallied behind the governor", "rallied around the flag": support given, not a crowd in the street.
ALLEGIANCE_PREPS = frozenset({"behind", "around", "round"})


def not_a_demonstration(token: Token) -> bool:
    """ "a campaign rally", "canceled the visit in protest", "lodged a formal protest", "rallied behind the
    governor", "the senator protested the ruling"."""
    if token.pos_ == "VERB" and token.lemma_.lower() == "rally":
        return any(c.dep_ == "prep" and c.lower_ in ALLEGIANCE_PREPS for c in token.children)
    if one_persons_objection(token):
        return True
    if token.pos_ != "NOUN":
        return False
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    modifiers |= {g.lemma_.lower() for c in token.children if c.dep_ == "compound" for g in c.children}
    if token.lemma_.lower() == "rally" and (modifiers & CAMPAIGN_WORDS or _a_politicians_rally(token)):
        return True
    modifies = token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN"
    if modifies and token.head.lemma_.lower() not in PROTEST_ACTS:
        return True  # "protest movements", "a protest song", "protest votes"; not "a protest march"
    if token.dep_ == "pobj" and token.head.lower_ == "in" and not any(c.dep_ == "det" for c in token.children):
        return token.tag_ != "NNS"  # "in protest", "in apparent protest"; not "in the protest", "erupted in protests"
    return token.dep_ == "dobj" and token.head.lemma_.lower() in LODGING_VERBS
