"""How states and warring sides deal with each other, read off the parse: deals signed, leaders received or
called, prisoners swapped. Each is a cue hit of the lexicon's ``agreement`` or ``diplomacy``; who the parties
are (states make diplomacy, fighters an agreement) is for the rules and :mod:`sitrep.events.parties`."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.lexicon import CueHit


def hits(token: Token) -> list[CueHit]:
    """The dealings ``token`` begins: an agreement on the deal signed or the swap, diplomacy on the verb."""
    found = [CueHit("agreement", deal.i, deal.i + 1) for deal in _deals_signed(token)]
    if _swaps_prisoners(token):
        found.append(CueHit("agreement", token.i, token.i + 1))
    if _by_phone(token) or _receives_a_leader(token):
        found.append(CueHit("diplomacy", token.i, token.i + 1))
    return found


SIGNING_VERBS = frozenset({"sign", "ink", "conclude", "seal", "clinch"})
SIGNED_TEXTS = frozenset({"deal", "declaration", "communique", "communiqué", "charter", "protocol", "convention"})


def _deals_signed(token: Token) -> list[Token]:
    """ "Egypt and Sudan signed a trade deal", "inked a joint declaration": the deal is an agreement made
    (whose parties the rules read: states make diplomacy, fighters an agreement)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SIGNING_VERBS:
        return []
    return [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in SIGNED_TEXTS]


RECEIVING_VERBS = frozenset({"welcome", "receive", "greet"})
# fmt: off
LEADERS = frozenset({
    "president", "minister", "premier", "chancellor", "king", "queen", "emir", "prince", "sheikh", "pope",
    "leader", "counterpart", "delegation", "envoy", "ambassador", "secretary", "monarch", "sultan",
})
# fmt: on


def _receives_a_leader(token: Token) -> bool:
    """ "the Indian prime minister welcomed the Nepali president", "Biden received King Abdullah": a leader
    received is met (the parties decide whether two states meet)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in RECEIVING_VERBS:
        return False
    guests = [c for c in token.children if c.dep_ == "dobj"]
    return any(w.lemma_.lower() in LEADERS for g in guests for w in (g, *g.children) if w.dep_ in {"dobj", "compound"})


PHONES = frozenset({"phone", "telephone", "videolink", "video", "hotline"})


def _by_phone(token: Token) -> bool:
    """ "weighed in by phone with the leaders of Peru and Chile", "spoke over the telephone": whatever the
    verb, leaders dealing by phone (the parties decide whether they are states)."""
    if token.pos_ != "VERB":
        return False
    means = [o for p in token.children if p.dep_ == "prep" and p.lower_ in {"by", "over", "via"} for o in p.children]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in PHONES for o in means)


# Who is swapped in a prisoner exchange: "released four prisoners in a swap", "exchanged 200 detainees".
PRISONERS = frozenset({"prisoner", "hostage", "detainee", "captive", "pow"})
SWAPPING_VERBS = frozenset({"exchange", "swap", "trade"})


def _swaps_prisoners(token: Token) -> bool:
    """ "the two sides exchanged more than 200 prisoners": a swap carried out (the words between the verb
    and the captives keep the lexicon's "exchanged prisoners" from matching)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SWAPPING_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PRISONERS for c in token.children)
