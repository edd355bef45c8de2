"""Out-of-the-box event typing: cues from the lexicon and the actor table, then a decision list.

The list follows the ACLED codebook's own order of precedence: the weapon decides the
sub-type of remote violence, a demonstration stays a demonstration whatever happens at it
(only *how* it ends changes the sub-type), clashes need armed actors on both sides, and the
strategic developments come last because they are what is left when nobody is hurt. No rule
was fitted to ACLED rows; each is one line of the definitions in ``data/acled_types.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from sitrep.actors.matcher import ARMED_KINDS, NON_STATE_ARMED_KINDS, STATE_FORCE_KINDS, ActorTable, default_table
from sitrep.attribution.sources import PERSONAL_PRONOUNS
from sitrep.events import constructions
from sitrep.events.arrests import political_besides_arresters
from sitrep.events.background import SETTLING_CUES, settling_background, topic_tokens
from sitrep.events.clause import (
    HYPOTHETICAL_MODIFIERS,
    PLANNED_MODIFIERS,
    clause_head,
    done_without,
)
from sitrep.events.crowd_roles import as_crowd_sees_it, hurt_by_the_intervention
from sitrep.events.disaster_senses import people_do_it_to
from sitrep.events.lexicon import CueHit, EventLexicon, default_lexicon
from sitrep.events.taxonomy import type_of
from sitrep.events.territory import TERRITORIAL_CUES, territorial

# Derived features besides the lexicon cues.
BELLIGERENT = "state_belligerent"  # set by the events stage: a state's forces act in the clause
ARMED = "armed_actor"
TWO_ARMED = "two_armed_actors"
ARMED_TARGET = "armed_actor_harmed"  # soldiers or police are whom the violence was done to
CIVILIAN = "civilian"
STATE = "state_actor"
WARFARE = "warfare"  # the clash word is a war's ("war", "offensive", "battle"): armed parties, never a mob
WARFARE_LEMMAS = frozenset({"war", "warfare", "offensive", "battle", "combat", "invasion", "siege"})
POLITICAL = "political_violence"  # words that make harm political: terror, massacre, assassination
POLITICAL_ARREST = "political_arrest"  # who is arrested, or for what, is political
STATE_DOER = "state_doer"  # set by the events stage: a state, its government or its army did it
# "the army bombed the town", "Russian bombing of the city": a state's bombing is dropped from the air
STATE_BOMBING = "state_bombing"
BOMBING_LEMMAS = frozenset({"bomb", "bombing"})
MILITARY_TARGET = "military_target"  # a base, a checkpoint, a convoy: violence against armed forces
MILITARY_TARGETS = frozenset(
    {"base", "barracks", "checkpoint", "outpost", "garrison", "convoy", "patrol", "airbase", "airfield", "bunker"}
)
FIRED_ON = "armed_forces_fired_on"  # what came under fire is a convoy, a base or troops (a minister is a figure)
UNDER_FIRE = MILITARY_TARGETS | {"troop", "soldier", "position", "vessel", "warship", "helicopter", "aircraft", "tank"}
VICTIMS = "civilian_victims"  # the words of conflict reporting for its victims ("civilians", "villagers")
# What makes harm political violence rather than a private crime (the events stage asks; typing does not).
POLITICAL_HARM = frozenset({ARMED, STATE, POLITICAL, VICTIMS, BELLIGERENT, MILITARY_TARGET})
VICTIM_LEMMAS = frozenset(
    {
        "civilian",
        "villager",
        "resident",
        "worshipper",
        "worshiper",
        "refugee",
        "pilgrim",
        "farmer",
        "herder",
        "passenger",
        "student",
        "journalist",
        "activist",
        "worker",
        "prisoner",
        "detainee",
        "inmate",
        "shopper",
        "commuter",
    }
)
POLITICAL_LEMMAS = frozenset(
    {
        "terror",
        "terrorist",
        "terrorism",
        "massacre",
        "cleansing",
        "assassinate",
        "assassination",
        "behead",
        "militant",
        "extremist",
        "jihadist",
        "insurgent",
        "attacker",
        "sectarian",
        "separatist",
        "guerrilla",
        "war",
    }
)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


VIOLENCE_CUES = "harm clash air shelling ied grenade suicide chemical explosion sexual abduction"


@dataclass(frozen=True)
class Rule:
    sub_type: str
    all_of: frozenset[str]
    none_of: frozenset[str] = frozenset()
    confidence: float = 0.7


def _rule(sub_type: str, all_of: str, none_of: str = "", confidence: float = 0.7) -> Rule:
    return Rule(sub_type, frozenset(all_of.split()), frozenset(none_of.split()), confidence)


# First match wins. Read top to bottom as the codebook's precedence.
RULES: tuple[Rule, ...] = (
    # A claim of responsibility is news of its own: who says they did it (sitrep extension type).
    # The claimed attack itself ("claimed responsibility for the bombing") is the claim's topic, not a cue;
    # violence told outside the claim ("gunmen killed five; the group claimed responsibility") wins.
    _rule("Claim of responsibility", "claimed", f"{VIOLENCE_CUES}", 0.75),
    # Aid work halted by violence: the news is the halt, the violence its cause ("after a convoy came under fire").
    _rule("Other", "aid_halted", confidence=0.6),
    # A measure or change a group or government declares (curfew, surrender, disbanding); the unrest it
    # answers ("after clashes") is its topic. Violence told beside it wins.
    _rule("Change to group/activity", "measure", f"{VIOLENCE_CUES} protest", 0.6),
    # A demonstration stays a demonstration whatever it is about; the sub-type says how it went.
    _rule("Excessive force against protesters", f"protest lethal {STATE}", "crowd_violence", 0.6),
    # ... or named by its means: "killed during the protest after he was hit by rubber bullets".
    _rule("Excessive force against protesters", "protest lethal intervention", "crowd_violence", 0.6),
    _rule("Violent demonstration", "protest crowd_violence", confidence=0.7),
    _rule("Protest with intervention", "protest intervention", confidence=0.7),
    _rule("Peaceful protest", "protest", "chemical suicide air shelling ied grenade", 0.85),
    _rule("Peaceful protest", "crowd_size grievance", "crowd_violence intervention", 0.7),
    # A violent crowd without a demonstration is a mob.
    _rule("Mob violence", "crowd_size crowd_violence", confidence=0.6),
    _rule("Mob violence", "crowd_size harm", confidence=0.6),
    _rule("Peaceful protest", "crowd_size", confidence=0.7),
    _rule("Chemical weapon", "chemical", confidence=0.8),
    _rule("Suicide bomb", "suicide", confidence=0.85),
    _rule("Sexual violence", "sexual", confidence=0.8),
    # Remote violence: the weapon decides; a weapon stopped before use is a strategic development.
    _rule("Disrupted weapons use", "disrupted", confidence=0.65),
    _rule("Looting/property destruction", "looted_arms", confidence=0.65),  # rebels carrying off an armoury
    _rule("Air/drone strike", "air", confidence=0.8),
    _rule("Grenade", "grenade", "shelling", 0.8),  # a rocket-propelled grenade is fired like a rocket
    _rule("Remote explosive/landmine/IED", "ied", confidence=0.8),
    _rule("Shelling/artillery/missile attack", "shelling", confidence=0.8),
    # Disasters are no attack, whatever their toll (sitrep extension types; weapons decided above).
    _rule("Natural disaster", "natural", "clash", 0.65),
    _rule("Man-made disaster", "accident", "clash mob abduction sexual protest", 0.6),  # a fire "destroyed"
    _rule("Air/drone strike", f"explosion {STATE_BOMBING}", "clash gunfire", 0.55),
    # A bomb that went off, with nothing more specific said, is a remote explosive whoever it killed
    # ("a blast at a checkpoint killed five soldiers"); fighting with explosions stays fighting.
    _rule("Remote explosive/landmine/IED", "explosion", "clash gunfire", 0.5),
    # Territory changing hands by force.
    _rule("Government regains territory", f"regained {ARMED}", confidence=0.6),
    _rule("Non-state actor overtakes territory", f"taken {ARMED}", "arrest abduction", 0.55),
    # Violence against people.
    _rule("Abduction/forced disappearance", "abduction", confidence=0.75),
    # Criminal organisations: their killings, trafficking, seizures and arrests (sitrep extension type).
    _rule("Violent demonstration", "riot grievance", WARFARE, 0.6),  # "riots against the fuel tax"
    _rule("Mob violence", "riot", f"protest {WARFARE}", 0.6),  # a violent crowd with no demonstration named
    _rule("Organised crime", "crime", "protest clash", 0.6),
    _rule("Mob violence", "mob harm", ARMED, 0.6),
    _rule("Mob violence", f"clash {CIVILIAN}", f"{ARMED} {WARFARE}", 0.55),
    _rule("Armed clash", "clash", confidence=0.7),
    _rule("Armed clash", f"gunfire {ARMED}", confidence=0.65),
    _rule("Armed clash", f"gunfire {FIRED_ON}", confidence=0.6),  # "the convoy came under fire"
    _rule("Armed clash", f"harm {TWO_ARMED}", f"{CIVILIAN} {VICTIMS}", 0.6),
    # "five soldiers were killed in an ambush": an armed force attacked is a battle, whoever attacked it
    _rule("Armed clash", f"harm {ARMED_TARGET}", f"{CIVILIAN} {VICTIMS}", 0.55),
    _rule("Armed clash", f"harm {BELLIGERENT}", f"{CIVILIAN} {VICTIMS}", 0.55),
    _rule("Armed clash", f"harm {MILITARY_TARGET}", f"{CIVILIAN} {VICTIMS}", 0.55),
    _rule("Attack", "harm", confidence=0.7),
    # Strategic developments: nobody is hurt.
    _rule("Arrests", "arrest", confidence=0.7),
    _rule("Looting/property destruction", "property", confidence=0.65),
    _rule("Non-violent transfer of territory", "transfer", confidence=0.6),
    _rule("Non-violent transfer of territory", "taken", confidence=0.45),
    _rule("Agreement", "agreement", confidence=0.6),
    _rule("Other", f"deployment {ARMED}", confidence=0.45),
    _rule("Other", "grave", confidence=0.45),  # a mass grave found: the trace of killings, told as news
    _rule("Diplomatic event", "state_measure", confidence=0.55),  # a state cuts aid or arms sales to another
    _rule("Diplomatic event", "diplomacy", confidence=0.5),
    _rule("Headquarters or base established", "base", confidence=0.5),
    _rule("Change to group/activity", "defection", confidence=0.6),  # fighters who change sides (armed only)
    _rule("Change to group/activity", "group_change", confidence=0.45),
)
FALLBACK = "Other"
FALLBACK_CONFIDENCE = 0.2


@dataclass(frozen=True)
class Typing:
    """A typing decision with the cues behind it, so callers can show why."""

    type: str
    sub_type: str
    confidence: float
    features: frozenset[str]
    trigger: tuple[int, int] | None  # token range of the deciding cue in the Doc

    @property
    def violent(self) -> bool:
        return self.type in VIOLENT_TYPES


class RuleTyper:
    """Types a Span (an ACLED note or a clause of an article) with the decision list."""

    def __init__(self, lexicon: EventLexicon | None = None, actors: ActorTable | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.actors = actors or default_table()

    def features(
        self, tokens: Sequence[Token], extra: frozenset[str] = frozenset(), places: frozenset[int] = frozenset()
    ) -> tuple[frozenset[str], list[CueHit]]:
        """The cues that fire in ``tokens``, after the dependency filters, plus actor-kind features."""
        hits = self.lexicon.hits(tokens) + self.dependency_hits(tokens)
        if not tokens:
            return frozenset(extra), []
        doc = tokens[0].doc
        topic = topic_tokens(doc, hits)
        reasons = {i for h in hits if h.cue in SETTLING_CUES for i in settling_background(doc, h)}
        anchors = {"protest", "crowd_size", "grievance", "claimed", "measure"}
        hits = [h for h in hits if (h.cue in anchors and h.start not in reasons) or h.start not in topic]
        hits = [h for h in hits if h.cue not in TERRITORIAL_CUES or territorial(doc, h, places)]
        hits = [h for h in hits if not (h.cue == "accident" and _is_fire(doc, h) and not accidental_fire(doc[h.start]))]
        hits = [h for h in hits if not self.names_actor(doc, h)]
        # "Gunmen storm hotel": the people's verb, no weather (its other cues, "storm" as crowd violence, stay)
        hits = [
            h for h in hits if not (h.cue == "natural" and (people_do_it_to(doc[h.start]) or _stormed(doc[h.start])))
        ]
        # force the police or the army use on a crowd is an intervention, not a violent crowd
        hits = [
            CueHit("intervention", h.start, h.end)
            if h.cue == "crowd_violence" and self.done_by_state(doc[h.start])
            else h
            for h in hits
        ]
        hits = [seen for h in hits for seen in as_crowd_sees_it(doc, h)]
        # "gunmen stormed a hotel": an assault on people where they live, pray or gather, no battle
        hits = [
            CueHit("harm", h.start, h.end) if h.cue == "clash" and _stormed_a_refuge(doc[h.start]) else h for h in hits
        ]
        if any(h.cue == "intervention" for h in hits):  # "protests were dispersed; activists reported injuries"
            hits = [hurt_by_the_intervention(doc, h) for h in hits]
        hits = [h for h in hits if not (h.cue == "protest" and self.state_parade(doc[h.start]))]
        # "summoned the ambassador to protest against the remarks": a government's protest is a note, no crowd
        hits = [h for h in hits if not (h.cue == "protest" and self.protested_by_a_state(doc[h.start]))]
        # "riot police set up road blocks", "the army blockaded the port": the state's checkpoint, no protest;
        # "rebels blocked the roads into the capital": a move of armed men, no protest either
        hits = [read for read in (self.rebels_blocking(doc, h) for h in hits) if read is not None]
        hits = [h for h in hits if not (h.cue == "protest" and self.blocked_by_the_state(doc[h.start : h.end].root))]
        if any(h.cue == "arrest" for h in hits):  # "in a raid, police arrested five": the raid is how
            hits = [h for h in hits if not (h.cue == "harm" and doc[h.start].lemma_.lower() in RAIDS)]
        realised = [h for h in hits if not _unrealised(doc[h.start : h.end].root)]
        if realised:  # "mobilized reservists for a possible war": the war is not what happened
            hits = realised
        names = {h.cue for h in hits} | set(extra)
        kinds = [m.entry.kind for m in self.actors.find(tokens) if m.start not in topic]
        # what the deal is for says who made it: "a deal to let civilians leave the besieged district"
        terms = [t for h in hits if h.cue == "agreement" for t in doc[h.start : h.end].root.subtree]
        if "agreement" in names and not _between_fighters([*tokens, *terms], kinds):
            names = (names - {"agreement"}) | {"diplomacy"}  # a trade deal or a climate accord is diplomacy
            hits = [CueHit("diplomacy", h.start, h.end) if h.cue == "agreement" else h for h in hits]
        armed = [k for k in kinds if k in ARMED_KINDS]
        if armed:
            names.add(ARMED)
        if len(armed) >= 2:
            names.add(TWO_ARMED)
        if "civilians" in kinds or any(_a_civilian_harmed(doc[h.start : h.end].root) for h in hits if h.cue == "harm"):
            names.add(CIVILIAN)
        if {"military", "police"} & set(kinds):
            names.add(STATE)
        if any(t.lemma_.lower() in POLITICAL_LEMMAS for t in tokens if t.i not in topic):
            names.add(POLITICAL)
        if any(t.lemma_.lower() in MILITARY_TARGETS or _held_by_a_side(t) for t in tokens if t.i not in topic):
            names.add(MILITARY_TARGET)
        if any(h.cue == "gunfire" and _fired_on(doc[h.start]) for h in hits):
            names.add(FIRED_ON)
        if any(t.lemma_.lower() in VICTIM_LEMMAS for t in tokens if t.i not in topic):
            names.add(VICTIMS)
        arrests = [doc[h.start : h.end].root for h in hits if h.cue == "arrest"]
        if political_besides_arresters(tokens, arrests):  # "officers arrested 14": the arresters' office
            names.add(POLITICAL_ARREST)
        if STATE_DOER in names and any(_bombing(doc[h.start]) for h in hits if h.cue == "explosion"):
            names.add(STATE_BOMBING)
        if any(h.cue == "clash" and doc[h.start].lemma_.lower() in WARFARE_LEMMAS for h in hits):
            names.add(WARFARE)
        return frozenset(names), hits

    def names_actor(self, doc: Doc, hit: CueHit) -> bool:
        """ "fighters", "rioters" name actors, not events; weapons ("artillery") stay event cues."""
        single = hit.end - hit.start == 1
        if doc[hit.start].pos_ == "VERB":
            return False  # "outlawed the group": the actor table's "outlaw" is a noun
        keep = WEAPON_CUES | DEMONSTRATION_CUES | {"crime"}  # "protesters threw stones", "smugglers offered"
        if hit.cue == "diplomacy" and doc[hit.start].dep_ == "dobj":
            return False  # "withdrew its ambassador", "expelled two envoys": the act is done to the diplomat
        return single and hit.cue not in keep and bool(self.actors.find([doc[hit.start]]))

    def done_by_state(self, token: Token) -> bool:
        """The violence word's doer is the police or the army: "security forces stormed the protest camp",
        "police shot dead and injured protesters". Force used *on* a crowd is no violent crowd."""
        return self.done_by(token, STATE_FORCES)

    def done_by(self, token: Token, kinds: frozenset[str]) -> bool:
        """The doer of the verb ``token`` is (or belongs to) one of the actor ``kinds`` (its subject or agent)."""
        verb = token if token.pos_ == "VERB" else token.head
        while verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "shot dead and injured": one subject
            verb = verb.head
        for child in verb.children:
            doer = child if child.dep_ == "nsubj" else None
            if child.dep_ == "agent":  # "protesters were beaten by police"
                doer = next((g for g in child.children if g.dep_ == "pobj"), None)
            if doer is not None and any(m.entry.kind in kinds for m in self.actors.find(list(doer.subtree))):
                return True
        return False

    def blocked_by_the_state(self, token: Token) -> bool:
        """A road block or blockade set up by police or an army: what a crowd does, and what the state does too."""
        return token.lemma_.lower() in BLOCKING_LEMMAS and self.done_by_state(token)

    def rebels_blocking(self, doc: Doc, hit: CueHit) -> CueHit | None:
        """A protest cue on roads blocked or a port blockaded by rebels or a militia: armed men on the move, not
        a crowd (a road block they set up is their post, which the base construction reads)."""
        token = doc[hit.start : hit.end].root
        blocking = hit.cue == "protest" and token.lemma_.lower() in BLOCKING_LEMMAS
        if not blocking or not self.done_by(token, NON_STATE_ARMED_KINDS):
            return hit
        return CueHit("deployment", hit.start, hit.end) if token.pos_ == "VERB" else None

    def state_parade(self, token: Token) -> bool:
        """Soldiers or police marching, or a march in a ceremony, is a parade, not a protest
        ("police cadets march on the square", "bands marched during the festival")."""
        if token.lemma_.lower() not in PARADE_LEMMAS:
            return False
        if token.lemma_.lower() == "procession" and not any(t.lemma_.lower() in PROTEST_AIMS for t in token.sent):
            return True  # a funeral's, a saint's day's, a motorcade's: a procession is a protest only for a cause
        ceremony = any(t.lemma_.lower() in CEREMONIES for t in clause_head(token).subtree if t.i != token.i)
        return ceremony or self.done_by_state(token)

    def protested_by_a_state(self, token: Token) -> bool:
        """The protest verb's doer, or the doer of the act it is the purpose of, is a government."""
        if token.pos_ != "VERB" or token.lemma_.lower() != "protest":
            return False
        verb = token
        if verb.dep_ in {"advcl", "xcomp"} and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "summoned the ambassador to protest": the summoner protests
        return self.done_by(verb, GOVERNMENTS)

    def dependency_hits(self, tokens: Sequence[Token]) -> list[CueHit]:
        """Cues read off the parse rather than the word list (:mod:`sitrep.events.constructions`)."""
        return constructions.hits(tokens, self.actors)

    def type_tokens(
        self, tokens: Sequence[Token], extra: frozenset[str] = frozenset(), places: frozenset[int] = frozenset()
    ) -> Typing:
        """Type ``tokens``; the caller may add features it knows (a state belligerent) and the
        indices of tokens the places layer resolved (so "fell" has a territorial subject)."""
        names, hits = self.features(tokens, extra, places)
        for rule in RULES:
            if rule.all_of <= names and not (rule.none_of & names):
                return Typing(type_of(rule.sub_type), rule.sub_type, rule.confidence, names, _trigger(rule, hits))
        return Typing(type_of(FALLBACK), FALLBACK, FALLBACK_CONFIDENCE, names, None)

    def type_span(self, span: Span, extra: frozenset[str] = frozenset()) -> Typing:
        return self.type_tokens(list(span), extra)


STATE_FORCES = STATE_FORCE_KINDS
WEAPON_CUES = frozenset({"air", "shelling", "ied", "grenade", "chemical", "suicide", "explosion"})
BLOCKING_LEMMAS = frozenset({"road", "roadblock", "block", "blockade", "barricade"})
PARADE_LEMMAS = frozenset({"march", "parade", "file", "procession"})
CEREMONIES = frozenset(
    {
        "parade",
        "rehearsal",
        "ceremony",
        "festival",
        "celebration",
        "graduation",
        "pageant",
        "carnival",
        "pilgrim",
        "pilgrimage",
        "worshipper",
        "worshiper",
        "feast",
    }
)
# Words that give a procession a cause: "a procession against the dam", "chanting slogans".
PROTEST_AIMS = frozenset(
    {"protest", "demand", "against", "solidarity", "slogan", "chant", "banner", "placard", "oppose", "denounce"}
)
DEMONSTRATION_CUES = frozenset({"protest", "crowd_violence", "mob", "riot"})
RAIDS = frozenset({"raid", "swoop", "sweep"})  # how an arrest is made: "in a raid, police arrested five"


# One person harmed, named by a pronoun or as a man, a woman or a child: a civilian unless the clause names an
# armed force ("he was shot dead by IS"; "five soldiers were killed" names its force).
CIVILIAN_VICTIMS = PERSONAL_PRONOUNS | {"man", "woman", "child", "boy", "girl", "teenager"}


def _a_civilian_harmed(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in CIVILIAN_VICTIMS for c in verb.children)


def _bombing(token: Token) -> bool:
    """ "bombed", "the bombing of": the act of bombing, not a bomb ("a bomb exploded") nor a blast."""
    return token.lemma_.lower() in BOMBING_LEMMAS and (token.pos_ == "VERB" or token.lower_.startswith("bombing"))


def _held_by_a_side(token: Token) -> bool:
    """ "rebel-held", "Georgian-controlled": a place one armed side holds, so an attack on it is a battle."""
    doc = token.doc
    return token.lower_ in {"held", "controlled"} and token.i > 0 and doc[token.i - 1].text == "-"


UNREALISED_MODIFIERS = HYPOTHETICAL_MODIFIERS | PLANNED_MODIFIERS


def _unrealised(token: Token) -> bool:
    """An event word its own modifier says has not happened: "a possible war", "the planned offensive";
    or one done without: "handed over the town without a fight"."""
    return done_without(token) or any(c.dep_ == "amod" and c.lower_ in UNREALISED_MODIFIERS for c in token.children)


CONFLICT_AGREEMENT_WORDS = frozenset(
    {
        "ceasefire",
        "cease",
        "truce",
        "peace",
        "prisoner",
        "prisoners",
        "hostage",
        "hostages",
        "hostilities",
        "pause",
        "fighting",
        "armistice",
        "rebels",
        "militants",
        "insurgents",
        "swap",
        "exchange",
        "besieged",
        "siege",
        "evacuation",
        "corridor",
    }
)


def _fired_on(word: Token) -> bool:
    """The subject of "came under fire" is armed forces or their post: "the convoy came under fire"."""
    verb = word if word.pos_ in {"VERB", "AUX"} else word.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in UNDER_FIRE for c in verb.children)


GOVERNMENTS = frozenset({"government", "country", "capital"})  # actor kinds that protest by diplomatic note
# Where unarmed people live, pray, learn, heal, work or gather: storming one is an attack on them.
CIVILIAN_SITES = frozenset(
    {
        "hotel", "school", "church", "mosque", "temple", "synagogue", "hospital", "clinic", "market", "restaurant",
        "bar", "nightclub", "club", "mall", "university", "college", "dormitory", "home", "house", "shrine",
        "theatre", "theater", "cafe", "embassy", "bus", "train", "refinery", "factory", "plant", "office", "bank",
        "shop", "store", "supermarket", "farm", "courthouse",
    }
)  # fmt: skip


def _stormed(word: Token) -> bool:
    """ "stormed a hotel", "the church was stormed by rebels": somebody's assault on something, no weather."""
    if word.lemma_.lower() != "storm" or word.pos_ != "VERB":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass", "agent"} for c in word.children)


def _stormed_a_refuge(word: Token) -> bool:
    """What was stormed is a civilian site ("stormed a hotel", "a school was stormed"), not a position."""
    return _stormed(word) and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in CIVILIAN_SITES for c in word.children
    )


def _between_fighters(tokens: Sequence[Token], kinds: Sequence[str]) -> bool:
    """An agreement between parties at war: a ceasefire, a truce, a prisoner swap, or an armed group (two
    states' "military pact" is diplomacy)."""
    return bool(set(kinds) & NON_STATE_ARMED_KINDS) or any(t.lower_ in CONFLICT_AGREEMENT_WORDS for t in tokens)


GUNFIRE_HEADS = frozenset({"open", "exchange", "return", "come", "cease", "trade", "draw", "hold", "under"})


FIRE_EVIDENCE = frozenset(
    {
        "kill",
        "die",
        "dead",
        "injure",
        "destroy",
        "damage",
        "gut",
        "burn",
        "firefighter",
        "blaze",
        "evacuate",
        "house",
        "home",
        "building",
        "apartment",
        "factory",
        "warehouse",
        "nightclub",
        "hospital",
        "school",
        "market",
        "forest",
        "acre",
        "spread",
        "sweep",
        "break",
        "rescue",
        "smoke",
        "flame",
    }
)


# What fires in "rocket fire", "sniper fire", "machine gun fire": gunfire, not a blaze.
FIRING_WEAPONS = constructions.WEAPON_OBJECTS | {
    "artillery", "tank", "sniper", "machine", "cannon", "enemy", "cross", "naval", "gunboat", "helicopter",
}  # fmt: skip


def accidental_fire(token: Token) -> bool:
    """ "Fire" that burns: a noun, not gunfire ("opened fire", "rocket fire"), told with what it burned
    or whom it hurt ("a fire that killed four", "the fire spread to the warehouse")."""
    if token.pos_ != "NOUN" or token.head.lemma_.lower() in GUNFIRE_HEADS:
        return False
    if token.head.lemma_.lower() == "set":  # "youths set fire to a home": arson, told by its doers
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in FIRING_WEAPONS for c in token.children):
        return False  # "rocket fire", "mortar fire"; a "factory fire" burns
    return any(t.lemma_.lower() in FIRE_EVIDENCE for t in token.sent if t.i != token.i)


def _is_fire(doc: Doc, hit: CueHit) -> bool:
    return hit.end - hit.start == 1 and doc[hit.start].lemma_.lower() == "fire"


def _trigger(rule: Rule, hits: list[CueHit]) -> tuple[int, int] | None:
    """The first lexicon hit of a cue the rule required: the word that decided the type."""
    deciding = [h for h in hits if h.cue in rule.all_of and h.cue != "crowd_size"]
    if not deciding:
        return None
    first = min(deciding, key=lambda h: h.start)
    return (first.start, first.end)


@lru_cache(maxsize=1)
def default_typer() -> RuleTyper:
    return RuleTyper()
