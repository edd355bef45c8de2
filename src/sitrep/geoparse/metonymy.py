"""Metonymy: a country or capital that stands for its government or its forces ("Moscow says").

A country or national capital that is the subject of a speech or decision verb ("Moscow
says"), the object of a verb that makes it act ("require Kiev to make"), or the possessor of
a goal or demand ("Moscow's objectives") is role ``actor``, actor "Government of <Country>"
("Military Forces of <Country>" for "Russia's army"). Seats of government ("the Kremlin") are
named for the government (or forces) that sit there, from the one table of them
(:mod:`sitrep.actors.seats`). The word lists here are the whole rule.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import Entry
from sitrep.geoparse.toponyms import Toponym

# Verbs whose subject, when a country or capital, is its government.
SPEECH_DECISION_VERBS = frozenset(
    {
        "say",
        "add",
        "announce",
        "demand",
        "want",
        "refuse",
        "agree",
        "confess",
        "admit",
        "claim",
        "deny",
        "insist",
        "warn",
        "state",
        "declare",
        "accuse",
        "reject",
        "accept",
        "urge",
        "propose",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "respond",
        "reply",
        "condemn",
        "welcome",
        "decide",
        "order",
        "approve",
        "confirm",
        "ask",
        "request",
        "offer",
        "hope",
        "believe",
        "argue",
        "tell",
        "acknowledge",
        "recognize",
        "recognise",
        "protest",
        "complain",
        "suggest",
        "intend",
        "seek",
        "negotiate",
        "sanction",
        "expel",
        "summon",
        "recall",
        "veto",
        "ratify",
        "sign",
        "annex",
        "blame",
        "denounce",
        "dismiss",
        "report",
        "plan",
        "push",
        "press",
    }
)
# Verbs that make their object act ("require Kiev to make", "pressure Kyiv to").
CAUSATIVE_VERBS = frozenset(
    {
        "require",
        "force",
        "pressure",
        "push",
        "urge",
        "press",
        "ask",
        "compel",
        "persuade",
        "convince",
        "allow",
        "encourage",
        "call",
        "oblige",
        "get",
        "lead",
        "prompt",
        "invite",
        "tell",
    }
)
# Nouns whose possessor, when a country or capital, is its government.
GOVERNMENT_NOUNS = frozenset(
    {
        "objective",
        "goal",
        "demand",
        "position",
        "decision",
        "policy",
        "plan",
        "proposal",
        "offer",
        "stance",
        "claim",
        "refusal",
        "response",
        "strategy",
        "aim",
        "ambition",
        "condition",
        "ultimatum",
        "request",
        "warning",
        "statement",
        "announcement",
        "insistence",
        "approach",
        "intention",
        "government",
        "junta",
        "regime",
        "authorities",
        "administration",
        "leadership",
        "cabinet",
        "ministry",
    }
)
# Nouns whose possessor, when a country or capital, is its armed forces ("Russia's army").
MILITARY_NOUNS = frozenset({"army", "military", "forces", "force", "troops", "navy", "soldiers", "artillery"})


def _has_infinitive(token: Token) -> bool:
    return any(child.dep_ in ("xcomp", "ccomp", "acl", "advcl") for child in token.children)


def metonymic_role(doc: Doc, toponym: Toponym) -> str | None:
    """ "Government" or "Military Forces" when the name stands for a state's institutions, else None."""
    root = doc[toponym.start : toponym.end].root
    while root.dep_ == "conj" and root.head is not root:  # "Paris and Berlin announced"
        root = root.head
    head = root.head
    lemma = head.lemma_.lower()
    if root.dep_ in ("nsubj", "nsubjpass") and lemma in SPEECH_DECISION_VERBS:
        return "Government"
    if root.dep_ == "dobj" and lemma in CAUSATIVE_VERBS and _has_infinitive(head):
        return "Government"  # "require Kiev to make"
    pressed = root.dep_ == "pobj" and lemma in ("on", "upon")
    if (
        pressed
        and head.head.lemma_.lower() in CAUSATIVE_VERBS | {"pressure"}
        and (_has_infinitive(head.head) or _has_infinitive(head.head.head))
    ):
        return "Government"  # "put pressure on Kyiv to accept", "called on Kyiv to"
    if root.dep_ == "poss" and lemma in GOVERNMENT_NOUNS:
        return "Government"  # "Moscow's objectives"
    if root.dep_ == "poss" and lemma in MILITARY_NOUNS:
        return "Military Forces"  # "Russia's army"
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in SPEECH_DECISION_VERBS:
        return "Government"  # "was announced by Moscow"
    return None


def government_of(entry: Entry, gazetteer: Gazetteer, institution: str = "Government") -> str | None:
    """The state institution a country or national capital stands for ("Government of Russia")."""
    iso = entry.country if entry.kind == "country" else entry.capital_of
    if not iso:
        return None
    country = gazetteer.country(iso)
    return f"{institution} of {country.name}" if country else None
