"""When a protest word names no demonstration: a candidate's campaign rally, a protest a government lodges, a
song or a vote "in protest" (the events stage's senses, :mod:`sitrep.events.senses`, ask)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.clause import near, subjects
from sitrep.events.things import ONE_PERSON, person_words

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
        return any(map(a_politician, _speakers(rally.head)))
    if rally.dep_ == "pobj" and rally.head.lower_ in {"at", "during"}:
        verb = next((a for a in rally.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None:
            return False
        speaking = verb.lemma_.lower() in RALLY_SPEECH  # "she greeted supporters at a rally"
        return any(a_politician(s) or (speaking and s.lower_ in ONE_PERSON) for s in _speakers(verb))
    return False


def _ones_own(noun: Token) -> bool:
    """ "her motorcade", "the senator's march to the nomination": one person's progress, not a crowd's
    ("his funeral procession" is the crowd's; "Sharif's march on Islamabad" a protest march he leads)."""
    if not _someones(noun):
        return False
    if noun.lemma_.lower() == "motorcade":
        return True
    towards = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "toward", "towards"}]
    goals = [o for c in towards for o in c.children]
    return noun.lemma_.lower() == "march" and any(o.ent_type_ not in {"GPE", "LOC", "FAC"} for o in goals)


def _allegiance(child: Token) -> bool:
    """ "behind the governor", "to his side", "to the defence of the president"."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in ALLEGIANCE_PREPS:
        return True
    return child.lower_ == "to" and any(o.lemma_.lower() in ALLEGIANCE_OBJECTS for o in child.children)


def _someones(noun: Token) -> bool:
    """ "his supporters", "her motorcade", "the senator's fans": one person's ("opposition supporters" are a
    side)."""
    return any(c.dep_ == "poss" and (c.lower_ in {"his", "her", "my"} or a_politician(c)) for c in noun.children)


def _cheered(token: Token) -> bool:
    """A politician's audience chanting or cheering: "his supporters were shown chanting his name", "the crowd
    chanted as the senator spoke"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"chant", "cheer"}:
        return False
    if any(d.lemma_.lower() in AUDIENCES and _someones(d) for d in _speakers(token)):
        return True
    return any(
        c.dep_ == "advcl" and c.lemma_.lower() in RALLY_SPEECH and any(map(a_politician, subjects(c)))
        for c in token.children
    )


def _speakers(verb: Token) -> list[Token]:
    """Who does ``verb``, or, for a participle with no subject of its own ("Speaking at a rally, the
    governor said", "walked on stage, chanting"), who does the verb it hangs from."""
    found = subjects(verb)
    if not found and verb.dep_ in {"advcl", "xcomp"} and verb.tag_ in {"VBG", "VBN"}:
        found = subjects(verb.head)
    if verb.dep_ == "relcl" and all(s.tag_ in {"WP", "WDT"} for s in found):
        found = [verb.head]  # "Marlow, who held a rally in Dayton": who is the one the clause hangs on
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


# "rallied behind the governor", "rallied around the flag", "rallied to his side": support given, not a crowd in
# the street.
ALLEGIANCE_PREPS = frozenset({"behind", "around", "round"})
ALLEGIANCE_OBJECTS = frozenset({"side", "defense", "defence", "cause", "support", "aid", "banner", "flag", "call"})
# Who cheers a politician rather than protests: "his supporters chanted his name".
AUDIENCES = frozenset({"supporter", "fan", "backer", "delegate", "attendee", "audience", "loyalist"})
# What a politician does at their own rally: "she greeted supporters at a rally", "he told the rally".
RALLY_SPEECH = frozenset({
    "say", "tell", "greet", "speak", "address", "thank", "promise", "vow", "pledge", "declare", "announce", "urge",
    "praise", "mock", "criticise", "criticize", "attack", "joke", "boast", "insist", "warn", "call", "make",
})  # fmt: skip


def not_a_demonstration(token: Token) -> bool:
    """ "a campaign rally", "canceled the visit in protest", "lodged a formal protest", "rallied behind the
    governor", "the senator protested the ruling"."""
    if token.pos_ == "VERB" and token.lemma_.lower() == "rally":
        return any(_allegiance(c) for c in token.children)
    if one_persons_objection(token) or _cheered(token) or _left_the_room(token):
        return True
    if token.pos_ != "NOUN":
        return False
    if token.lemma_.lower() == "shutdown" and not _called_shutdown(token):
        return True  # "the resort's shutdown", "a government shutdown": a closure, not a general strike
    if _ones_own(token):
        return True  # "her motorcade", "the senator's march to the nomination": one person's
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


# What tells a walkout from leaving a room: workers, a union, a strike or a grievance told close by.
LABOUR_WORDS = frozenset({
    "worker", "employee", "staff", "teacher", "nurse", "doctor", "union", "strike", "striker", "wage", "pay",
    "protest", "demand", "student", "miner", "driver", "pilot", "contract", "delegate", "lawmaker", "delegation",
})  # fmt: skip


def _left_the_room(token: Token) -> bool:
    """ "Then they just walked out": people leaving, unless the sentence tells of workers, a union, a strike
    or a grievance ("nurses walked out over pay")."""
    out = any(c.dep_ in {"prt", "advmod"} and c.lower_ == "out" for c in token.children)
    if token.lemma_.lower() != "walk" or not out:
        return False
    return not any(t.lemma_.lower() in LABOUR_WORDS for t in near(token))


# How a general strike is called and kept: "separatists called a shutdown", "a complete shutdown was observed".
SHUTDOWN_VERBS = frozenset({"call", "observe", "enforce", "announce", "declare", "hold", "stage", "support"})
SHUTDOWN_KINDS = frozenset({"general", "complete", "total", "strike", "protest", "day", "hour", "statewide"})


def _called_shutdown(noun: Token) -> bool:
    """A shutdown called, observed or enforced, or one a strike's words describe."""
    if any(c.lemma_.lower() in SHUTDOWN_KINDS for c in noun.children if c.dep_ in {"amod", "compound", "nummod"}):
        return True
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in SHUTDOWN_VERBS
