"""What makes an arrest political, as ACLED codes arrests: who is taken ("an activist", "a former minister",
"the editor"), or for what ("coup", "treason", "sedition"). A burglar or a drunk driver taken into custody is
ordinary law enforcement, which ACLED does not code. The same words make a killing political ("the governor was
shot dead")."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from sitrep.events.clause import subjects

POLITICAL_ARREST_LEMMAS = frozenset(
    {
        "protester",
        "demonstrator",
        "activist",
        "journalist",
        "opposition",
        "dissident",
        "militant",
        "rebel",
        "insurgent",
        "terrorist",
        "terrorism",
        "official",
        "politician",
        "lawmaker",
        "leader",
        "mayor",
        "governor",
        "minister",
        "coup",
        "treason",
        "sedition",
        "extremism",
        "extremist",
        "blogger",
        "editor",
        "reporter",
        "publisher",
        "columnist",
        "cartoonist",
        "critic",
        "plotter",
        "separatist",
        "jihadist",
        "spy",
        "espionage",
        "officer",
        "general",
        "commander",
        "soldier",
        "protest",
        "premier",
        "party",
        "plot",
        "collaborate",
        "intelligence",
        "missionary",
        "anti-terror",
        "terror",
        "parliamentary",
        "bribery",
        "corruption",
        "embezzlement",
        "graft",
    }
)


def political_word(token: Token) -> bool:
    """A word that makes an arrest political ("activist", "coup", "opposition"); a "party" only when it is a
    political one ("the ruling party", "Labour Party"), not a birthday's."""
    lemma = token.lemma_.lower()
    if lemma == "party":
        named = [c for c in token.children if c.dep_ in {"amod", "compound"}]
        kinds = [c for c in named if c.lower_ in PARTY_KINDS or c.lemma_.lower() in PARTY_KINDS]  # "banned": "ban"
        return token.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in named) or bool(kinds)
    return lemma in POLITICAL_ARREST_LEMMAS


# What makes a party a political one: "the ruling party", "an Islamist party" (not a birthday or search party).
PARTY_KINDS = frozenset({
    "ruling", "opposition", "political", "governing", "communist", "socialist", "nationalist", "islamist",
    "conservative", "liberal", "democratic", "republican", "labour", "green", "coalition", "separatist",
    "banned", "main", "major", "leftist", "rightist", "populist", "pro", "anti", "religious", "ethnic",
})  # fmt: skip


def told_before(verb: Token) -> bool:
    """ "... named Vessa as an organiser of the mutiny. She was held overnight.": the one arrested is a pronoun
    that takes who it is from the sentence before, a political one."""
    pronoun = any(c.dep_ in {"nsubjpass", "dobj"} and c.tag_ == "PRP" for c in verb.children)
    before = verb.sent.start - 1
    return pronoun and before >= 0 and any(map(political_word, verb.doc[before].sent))


def arrested_figure(verb: Token) -> bool:
    """ "a former minister was arrested", "police detained the editor", and a headline's "Opposition leader
    arrested ahead of vote" (the participle hangs from the one arrested)."""
    return _figure_acted_on(verb, political_word)


def harmed_figure(verb: Token) -> bool:
    """ "the governor was shot dead", "gunmen killed an opposition activist": violence against a political
    figure is political. A soldier or an officer harmed is not counted here: who harmed them says what it was."""
    return _figure_acted_on(verb, lambda t: political_word(t) and t.lemma_.lower() not in FORCE_RANKS)


def _figure_acted_on(verb: Token, figure: Callable[[Token], bool]) -> bool:
    """The one ``verb`` acts on is named or described by a ``figure`` word ("three officers accused of treason")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and figure(verb.head):
        return True
    return any(c.dep_ in {"nsubjpass", "dobj"} and any(map(figure, c.subtree)) for c in verb.children)


def arresters(verb: Token) -> frozenset[int]:
    """The words of who made the arrest ("Task force officers ... arrested 14", "detained by intelligence
    agents"). Subjects are shared along conjoined verbs."""
    doers = [s for s in subjects(verb) if s.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return frozenset(t.i for d in doers for t in d.subtree)


# The rank of whoever makes an arrest ("police officers arrested a burglar"): it says nothing of the arrest. The
# unit does: "anti-terror police", "intelligence officers".
ARRESTING_RANKS = frozenset({"officer", "official", "commander", "leader", "general", "soldier"})
FORCE_RANKS = ARRESTING_RANKS - {"official", "leader"}


def political_besides_arresters(words: Iterable[Token], verbs: Iterable[Token]) -> bool:
    """A political word among ``words``, not counting the rank of who made the arrests told by ``verbs``."""
    doers = frozenset().union(*(arresters(v) for v in verbs))
    return any(political_word(t) for t in words if t.i not in doers or t.lemma_.lower() not in ARRESTING_RANKS)
