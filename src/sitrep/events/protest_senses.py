"""When a protest word names no demonstration: a candidate's campaign rally, a protest a government lodges, a
song or a vote "in protest" (the events stage's senses, :mod:`sitrep.events.senses`, ask)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.clause import subjects

# A candidate's rally is a campaign event, not a demonstration: "a campaign rally", "election night rally".
CAMPAIGN_WORDS = frozenset(
    {"campaign", "election", "electoral", "reelection", "victory", "pep", "fundraising", "inauguration"}
)
# A protest a government or a body lodges is a complaint, not a demonstration: "lodged a protest".
# What a protest word may modify and still name the protest: "a protest march", "a protest camp".
PROTEST_ACTS = frozenset({"march", "rally", "action", "demonstration", "camp", "strike", "vigil", "sit", "gathering"})
LODGING_VERBS = frozenset({"lodge", "file", "register", "raise", "send", "deliver", "submit", "voice"})


# Who holds a campaign rally: "the senator held a rally in Ohio" (supporters holding one protest).
POLITICIANS = frozenset(
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


def _a_politicians_rally(rally: Token) -> bool:
    if rally.dep_ != "dobj" or rally.head.lemma_.lower() not in RALLY_HOSTING:
        return False
    hosts = subjects(rally.head)
    return any(h.ent_type_ == "PERSON" or h.lemma_.lower() in POLITICIANS for h in hosts)


# "rallied behind the governor", "rallied around the flag": support given, not a crowd in the street.
ALLEGIANCE_PREPS = frozenset({"behind", "around", "round"})


def not_a_demonstration(token: Token) -> bool:
    """ "a campaign rally", "canceled the visit in protest", "lodged a formal protest", "rallied behind the
    governor"."""
    if token.pos_ == "VERB" and token.lemma_.lower() == "rally":
        return any(c.dep_ == "prep" and c.lower_ in ALLEGIANCE_PREPS for c in token.children)
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
