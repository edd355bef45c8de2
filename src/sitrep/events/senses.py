"""Word senses: when an event word in running prose is not about an event.

ACLED notes use violence words literally; general news does not. "To fight climate change",
"attack ads", "drone footage", "chlorine-washed chickens", "Rocket League", "killing it": the
word is a cue, the sense is not. :func:`inert_tokens` marks such cue words once per sentence
so that they neither start an event nor type one. The tests are on the parse, not the word
alone: a weapon counts only when something is done with it, violence only against people or
places, and nothing inside a name or a non-English sentence counts. Whether a weapon is in use is
:mod:`sitrep.events.weapon_senses`; what kind of thing a word names (a person, an abstraction, a
place here) is :mod:`sitrep.events.things`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.attribution.verbs import JUDGED_THINGS
from sitrep.events import measures
from sitrep.events.clause import subjects
from sitrep.events.disaster_senses import figurative_disaster
from sitrep.events.language import is_english
from sitrep.events.lexicon import CueHit
from sitrep.events.protest_senses import OFFICE_HOLDERS, a_politician, not_a_demonstration
from sitrep.events.rules import WEAPON_CUES, accidental_fire
from sitrep.events.territory import PLACE_ENTS, TERRITORIAL_CUES, place_named_before
from sitrep.events.things import (
    EVENT_HEADS,
    ONE_PERSON,
    a_place_here,
    abstract,
    abstract_subject,
    abstract_target,
    modifies_other_noun,
    person,
    person_words,
    place_too,
)
from sitrep.events.triggers import VICTIM_PRONOUNS
from sitrep.events.weapon_senses import weapon_in_use

FIGHT_CUES = frozenset({"clash", "harm", "mob", "riot", "crowd_violence", "taken", "regained", "transfer", "arrest"})
GRIEVANCE_PREP_CUES = frozenset({"arrest", "riot", "crowd_violence", "mob"})
DOMAIN_SENSITIVE_CUES = FIGHT_CUES - {"arrest"}  # an arrest is an arrest in a court report too
# fmt: off
# Modifiers that make violence a manner of speaking: "legal fight", "political attacks", "heart attack".
FIGURATIVE_MODIFIERS = frozenset({
    "legal", "court", "courtroom", "political", "verbal", "personal", "legislative", "rhetorical", "culture",
    "cultural", "trade", "price", "tariff", "bidding", "ratings", "rating", "custody", "heart", "panic",
    "asthma", "anxiety", "uphill", "ideological", "partisan", "budget", "campaign", "electoral", "marketing",
    "media", "social", "ad", "pillow", "food", "snowball", "water", "rap", "dance", "chess", "online",
    "cyber", "ransomware", "phishing", "shark", "dog", "bear", "proxy", "turf", "pr", "twitter",
    "nomination", "primary", "boardroom", "takeover", "patent", "copyright", "ballot", "election", "reelection",
    "runoff", "leadership", "confirmation", "funding", "spending", "succession", "impeachment", "procedural",
    # a private brawl or a sport's bout: "a bar fight", "a prize fight"
    "bar", "pub", "fist", "playground", "schoolyard", "prize", "cage",
})
# A sentence about sport, entertainment, business or campaigning: its violence words are metaphors
# unless the sentence also has hard signs of violence.
OTHER_DOMAIN_WORDS = frozenset({
    "tweet", "tweets", "ad", "ads", "debate", "debates", "speech", "remarks", "rhetoric", "interview",
    "poll", "polls", "primary", "primaries", "nomination", "nominee", "votes", "voters", "ballot",
    "points", "game", "games", "season", "team", "league", "coach", "player", "players", "playoffs", "race",
    "goalkeeper", "goalie", "referee", "midfielder", "stretchered",
    "lap", "laps", "peloton",
    "playoff", "score", "scored", "championship", "tournament", "match", "quarterback", "inning",
    "movie", "movies", "film", "films", "award", "awards", "oscar", "oscars", "box", "album", "song",
    "stocks", "shares", "investors", "earnings", "revenue", "income", "percent", "profit", "profits",
    "sales", "market", "markets", "company", "companies", "bankruptcy", "lawsuit", "court",
    "climate", "cancer", "virus", "disease", "covid", "coronavirus", "pandemic", "vaccine",
})
# An accident or illness, not violence: "killed in a crash", "died of cancer".
ACCIDENT_WORDS = frozenset({
    "crash", "crashes", "collision", "accident", "accidents", "wreck", "overdose", "drowned", "drowning",
    "avalanche", "earthquake", "hurricane", "flood", "floods", "landslide", "cancer", "illness", "disease",
    "heatwave", "tornado", "derailment",
})
# Hard signs of violence that keep a violence word literal in any of those sentences: weapons...
WEAPON_WORDS = frozenset({
    "gun", "guns", "gunman", "gunmen", "gunfire", "gunshot", "shooter", "shooting", "shot", "stabbed",
    "stabbing", "knife", "bomb", "bombs", "explosion", "rifle", "pistol", "weapon", "weapons", "bullet",
    "bullets", "hostage", "hostages", "missile", "missiles", "airstrike", "airstrikes", "murder", "murdered",
    "fire", "armed", "attack", "attacked", "attackers", "assailants", "ambush", "ambushed", "assault",
    "assaulted", "abducted", "kidnapped", "grenade", "grenades", "molotov", "firebomb", "firebombs", "firebombed",
})
# What an accident leaves, as against what an attacker does: only these are read as an accident's toll.
OUTCOME_LEMMAS = frozenset({"kill", "injure", "injury", "die", "dead", "death", "wound", "hurt", "body", "fatality"})
# ... and armed or violent people (a crash report quotes the police: still a crash).
HARD_VIOLENCE_WORDS = WEAPON_WORDS | frozenset({
    "police", "officers", "troops", "soldiers", "army", "military", "militants", "rebels", "insurgents",
    "forces", "militia", "terrorist", "terrorists", "riot", "rioters", "protesters", "demonstrators", "war",
})
# They report crashes too: "police said the driver was killed in a crash".
REPORTING_PEOPLE = frozenset({"police", "officers"})
REFLEXIVES = frozenset({"themselves", "himself", "herself", "myself", "yourself", "ourselves"})
# Verbs under which an attack is not one: "simulated an attack on the island".
PRETEND_VERBS = frozenset({
    "simulate", "rehearse", "practise", "practice", "depict", "dramatise", "dramatize", "reenact", "imagine",
})
# Verbs that mean "show" or "gather" when they take an object: "demonstrated interest", "rally support".
OTHER_SENSE_WHEN_TRANSITIVE = frozenset({"demonstrate", "rally", "agitate", "march", "picket"})
# fmt: on
FIGURATIVE_TARGET_PREPS = frozenset({"against", "on", "for", "over", "with", "off"})
NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "PERSON", "LAW", "FAC"})
OBJECT_DEPS = frozenset({"dobj", "attr", "nsubjpass"})


def inert_tokens(doc: Doc, hits_by_sentence: Iterable[tuple[Span, Sequence[CueHit]]]) -> frozenset[int]:
    """Token indices of cue words used in a sense that is not an event."""
    inert: set[int] = set()
    names = person_words(doc)
    for sentence, hits in hits_by_sentence:
        if not is_english(sentence):
            inert.update(t.i for t in sentence)
            continue
        words = _sentence_words(sentence)
        violent = bool(words & HARD_VIOLENCE_WORDS)  # a weapon or armed people named: words stay literal
        other_domain = bool(words & OTHER_DOMAIN_WORDS) and not violent
        accident = bool(words & ACCIDENT_WORDS) and not words & (HARD_VIOLENCE_WORDS - REPORTING_PEOPLE)
        # "a crash during the race", "a collision with the goalkeeper": part of the sport
        in_play = other_domain and bool(words & IN_PLAY_WORDS)
        spans: dict[tuple[int, int], bool] = {}  # a span is inert when any cue read on it is
        for hit in hits:
            token = doc[hit.start : hit.end].root
            span = (hit.start, hit.end)
            out = (in_play and hit.cue == "accident") or _not_an_event(hit, token, other_domain, accident, violent)
            named = token.is_title and token.text in names and not _capital_by_position(token)
            out = out or (hit.cue in NAMED_EVENT_CUES and named)
            spans[span] = spans.get(span, False) or out
        dropped = {i for (start, end), out in spans.items() if out for i in range(start, end)}
        kept = {i for (start, end), out in spans.items() if not out for i in range(start, end)}
        inert.update(dropped - kept)  # "shoot-outs": the harm word "shoot" is inert, the clash term is not
    return frozenset(inert)


def _not_an_event(hit: CueHit, token: Token, other_domain: bool, accident: bool, violent: bool) -> bool:
    named_protest = hit.cue == "protest" and token.ent_type_ == "EVENT"  # "the Women's March"
    if (
        token.ent_type_ in NAME_ENTS
        and token.pos_ == "PROPN"
        and (hit.cue not in NAMED_EVENT_CUES or token.ent_type_ == "PERSON")
        and not named_protest
        and not _capital_by_position(token)
    ):
        return True  # "Rocket League", "The Intercept", "author Bracelen Flood"; "Hurricane Irma" is the storm
    if token.tag_ == "NNPS" and token.ent_type_ == "ORG":
        return True  # "the Missouri Valley Blazers", "the Calgary Flames": a team's plural name
    if hit.cue in NAMED_EVENT_CUES and figurative_disaster(token):
        return True
    if hit.cue == "clash" and token.ent_type_ == "EVENT" and token.pos_ == "PROPN":
        return True  # "during World War Two", "veterans of the Gulf War": a war's name, not fighting reported
    if hit.cue == "deployment" and modifies_other_noun(token):
        return True  # "troops of the peacekeeping mission", "a patrol boat": what they are, not a move
    if hit.cue == "accident" and token.lemma_.lower() == "fire" and not accidental_fire(token):
        return True  # "opened fire", "rocket fire", "this kid is on fire": no fire that burned anything
    if _names_a_case(token) or _in_dateline(token):
        return True
    if (token.dep_ == "prep" or token.pos_ in {"ADP", "SCONJ"}) and hit.cue != "claimed":  # "according to"
        return True  # ("it was behind the attack" is a claim read off the parse)
    if hit.cue == "air" and hit.end - hit.start == 1 and _used_as_verb(token):
        return True  # "the minister droned on": aircraft are nouns
    if token.lemma_.lower() in CRITICISING_SENSES and token.pos_ == "VERB" and _done_to_people(token):
        return True  # "Forer blasted the Arab legislators", "the senator slammed the minister": words
    if hit.cue in WEAPON_CUES:
        return not weapon_in_use(hit, token)
    if hit.cue == "protest" and not_a_demonstration(token):
        return True
    if hit.cue == "protest" and token.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in token.children):
        return True  # "the minister protested that the report was unfair": said, not demonstrated
    if hit.cue == "protest" and token.lemma_.lower() in OTHER_SENSE_WHEN_TRANSITIVE:
        return _takes_object(token) or token.dep_ == "amod" or not _people_do_it(token)
    if hit.cue == "clash" and (token.lower_ == "warring" or (token.dep_ == "amod" and token.head.pos_ == "NOUN")):
        return True  # "the warring parties", "fighting men": who they are, not what happened
    quarrel = hit.cue == "clash" or (hit.cue in {"crowd_violence", "mob"} and token.lemma_.lower() in QUARREL_WORDS)
    if quarrel and not violent and _politicians_quarrel(token):
        return True  # "lawmakers battled over the budget", "the two senators clashed": words and votes
    if hit.cue == "disrupted" and any(c.dep_ in OBJECT_DEPS and _not_a_weapon(c, token) for c in token.children):
        return True  # "dismantled a trafficking ring", "the plan was shot down": no weapon made safe
    if hit.cue in {"harm", "lethal"} and _people_so_called(token):
        return True  # "peacekeepers evacuated the wounded": the people, not what befell them
    if hit.cue == "measure" and measures.curfew_on_trade(token):
        return True  # "a curfew on alcohol sales": closing hours, no curfew on people
    if hit.cue == "natural" and _a_state_of_nature(token):
        return True  # "the volcano has been dormant for 400 years": what it is, not what happened
    if token.lemma_.lower() == "storm" and token.pos_ == "VERB" and _stormed_away(token):
        return True  # "the Lakers stormed back", "he stormed out of the meeting": a rush, no assault
    if hit.cue in FIGHT_CUES:
        if accident and hit.cue == "harm" and token.lemma_.lower() in OUTCOME_LEMMAS:
            return True
        if other_domain and hit.cue in DOMAIN_SENSITIVE_CUES and not _aimed_at_a_place(token):
            return True  # "the raid on the border post at Kelvane" stays in a sentence about an ad
        if token.head.lemma_.lower() in PRETEND_VERBS:
            return True
        if hit.cue == "harm" and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children):
            return True  # "veterans were killing themselves": self-harm is not political violence
        ground = hit.cue in TERRITORIAL_CUES and place_named_before(token)  # "recaptured it from the rebels"
        # "arrested on charges", "riots against the tax law": what it was for, not what it was done to
        return is_figurative(token, with_preps=hit.cue not in GRIEVANCE_PREP_CUES, it_is_ground=ground)
    return False


def _people_so_called(token: Token) -> bool:
    """ "the wounded", "the dead": an adjective standing for the people it describes."""
    if token.lower_ not in {"wounded", "injured", "dead"} or token.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _capital_by_position(token: Token) -> bool:
    """ "Wildfires forced thousands to flee": a plural common noun capitalised only because it opens the
    sentence, which the tagger took for a one-word name."""
    alone = token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return bool(token.is_sent_start) and alone and token.text.endswith("s") and token.text[1:].islower()


NAMED_EVENT_CUES = frozenset({"natural", "accident"})
# Fight words a quarrel between people uses too: "battled", "clashed", "got into a fight with" (a crowd's
# "assaults" on a town are no quarrel).
QUARREL_WORDS = frozenset({"fight", "brawl", "scuffle", "clash", "quarrel", "tussle"})
# Office-holders and bodies whose fights are political (when no weapon or armed force is in the sentence).
POLITICIANS = OFFICE_HOLDERS | frozenset({
    "legislator", "mp", "delegate", "party", "parliament", "congress", "senate", "committee", "democrat",
    "republican", "councillor", "councilor", "council", "cabinet", "coalition", "faction", "campaign",
})  # fmt: skip
# What police dismantle or neutralise that is a group, not a weapon.
ORGANISATIONS = frozenset({
    "ring", "network", "cell", "gang", "cartel", "syndicate", "racket", "scheme", "organisation", "organization",
})  # fmt: skip


# What a volcano or a fault is, said of it: no eruption, no quake.
NATURAL_STATES = frozenset({"dormant", "active", "extinct", "inactive", "quiet", "calm", "overdue", "rare"})


def _a_state_of_nature(noun: Token) -> bool:
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "acomp" and c.lemma_.lower() in NATURAL_STATES for c in verb.children)


def _not_a_weapon(thing: Token, verb: Token) -> bool:
    """What was dismantled is a group ("a trafficking ring"), what was shot down an idea ("the plan"); a sale
    or a plot thwarted is what thwarting is for."""
    return thing.lemma_.lower() in ORGANISATIONS or (verb.lemma_.lower() == "shoot" and abstract_target(thing))


def _politicians_quarrel(token: Token) -> bool:
    """A fighter is a politician, a named person or a fire crew (the caller checks that nothing armed is
    in the sentence): "lawmakers battled into the night", "Marlow and Tresk battled over the budget",
    "the battle between the two senators", "a bruising primary battle", "firefighters battled the blaze". Armed
    sides are groups, not persons."""
    return any(map(_not_an_armed_side, _fighters(token)))


def _fighters(token: Token) -> list[Token]:
    """Who fights, as the parse names them: the verb's subjects and partners ("battled with X"), or the
    noun's ("the battle between X and Y", "X's fight", "delegate battles", "fought a battle with X")."""
    fighters = []
    if token.pos_ in {"VERB", "AUX"}:
        fighters += subjects(token)
    else:
        fighters += [c for c in token.children if c.dep_ in {"poss", "compound"}]
        if token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.head.pos_ == "VERB"):
            verb = token.head if token.dep_ == "dobj" else token.head.head
            fighters += subjects(verb)  # "Tresk lost the seat after a battle with Kelvane"; not "in combat"
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "between", "against"}):
        for partner in (o for o in prep.children if o.dep_ == "pobj"):
            fighters += [partner, *(c for c in partner.children if c.dep_ == "conj")]
    return fighters


def _not_an_armed_side(word: Token) -> bool:
    """A politician or a political body, a person named (armed sides are groups), or a crew that fights
    fires."""
    return a_politician(word) or word.lemma_.lower() in NO_ARMED_SIDES


FIRE_CREWS = frozenset({"firefighter", "fireman", "firemen", "rescuer"})  # (a tank's crew fights)
NO_ARMED_SIDES = POLITICIANS | FIRE_CREWS


AWAY_PARTICLES = frozenset({"back", "out", "off", "away", "ahead", "past"})


def _stormed_away(verb: Token) -> bool:
    """ "stormed back", "stormed out": no place stormed ("stormed the parliament", "stormed into the city")."""
    particle = any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in AWAY_PARTICLES for c in verb.children)
    return particle and not any(c.dep_ == "dobj" for c in verb.children)


# Weapon and blow words that say "criticised" when people are their object.
CRITICISING_SENSES = frozenset({"blast", "slam", "hammer", "lambast", "roast", "savage"})


# Office-holders a speaker criticises (what they say and decide is attribution's JUDGED_THINGS).
# fmt: off
CRITICISED_PEOPLE = frozenset({
    "legislator", "lawmaker", "minister", "senator", "official", "critic", "rival", "opponent", "president",
    "leader", "government", "administration",
})
# fmt: on


def _done_to_people(verb: Token) -> bool:
    """The verb's object is people (a person, a group, an office-holder) or what they said and decided,
    not a place or a thing: "blasted the Arab legislators", "slammed the decision"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        lemma = obj.lemma_.lower()
        if person(obj) or abstract(obj) or lemma in CRITICISED_PEOPLE or lemma in JUDGED_THINGS:
            return True
        if obj.lower_ in VICTIM_PRONOUNS:
            return True  # "Marlow blasted him over his tax returns"
    return False


INFLECTED_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound", "appos", "attr", "conj"})


def _used_as_verb(token: Token) -> bool:
    """An inflected verb the parse also treats as one ("droned on"); a tagger's "airstrike"/VBP that
    sits as a preposition's object is a noun."""
    return token.tag_ in INFLECTED_VERB_TAGS and token.dep_ not in NOMINAL_DEPS


# Nouns of the legal aftermath that a crime word classifies: "murder suspect", "rape trial".
# fmt: off
CASE_NOUNS = frozenset({
    "suspect", "charge", "trial", "case", "conviction", "investigation", "inquiry", "probe", "verdict",
    "sentence", "hearing", "inquest", "lawsuit", "indictment", "acquittal", "defendant", "convict",
})
# fmt: on


# Words of a race or a match in play, where crashes and collisions are part of the sport.
IN_PLAY_WORDS = frozenset({
    "race", "lap", "laps", "peloton", "rider", "riders", "stage", "circuit", "prix", "goalkeeper", "goalie",
    "referee", "midfielder", "stretchered", "tackle", "foul",
})  # fmt: skip
DATELINE_MARKS = frozenset({"—", "–", "-", "--", "(", "\x97"})


def _in_dateline(token: Token) -> bool:
    """ "HURRICANE, W.Va. -", "TEGA CAY —": a place name in capitals opening a story, before its dash."""
    sentence = token.sent
    if not token.is_upper or len(token.text) < 2 or token.i - sentence.start > 3:
        return False
    following = token.doc[token.i + 1 : min(sentence.end, token.i + 7)]
    return any(t.text in DATELINE_MARKS for t in following)


def _names_a_case(token: Token) -> bool:
    """ "Police catch murder suspect", "the shooting investigation": the word classifies a case
    (read off the next word, since headlines parse badly: "murder" is often taken as an object)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "NOUN" and following.lemma_.lower() in CASE_NOUNS


FIRES = frozenset({"fire", "fires", "blaze", "flame", "flames", "inferno"})
FIREFIGHTING_VERBS = frozenset({"battle", "fight", "combat", "tackle", "contain", "attack"})


def is_figurative(token: Token, with_preps: bool = True, it_is_ground: bool = False) -> bool:
    """Violence done to an abstraction, by a manner of speaking, or a word modifying another noun.

    "It" as object is an abstraction ("killed it on stage") unless ``it_is_ground``: a town taken or
    retaken after it was named ("troops recaptured it from the rebels").
    """
    if modifies_other_noun(token, FIGHT_HEADS):  # "attack ads", "battle pass"
        return True
    if token.lemma_.lower() in FIREFIGHTING_VERBS and token.dep_ == "compound" and token.head.lower_ in FIRES:
        return True  # a headline's "Firefighters battle Tega Cay fire", parsed as one noun phrase
    if token.dep_ == "amod" and abstract(token.head):  # "slaughtered chickens"
        return True
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ in {"amod", "compound", "npadvmod"} and lemma in FIGURATIVE_MODIFIERS:
            return True
        if child.dep_ in OBJECT_DEPS and abstract_target(child) and not (it_is_ground and child.lower_ == "it"):
            return True
        if child.dep_ in OBJECT_DEPS and lemma in FIRES and token.lemma_.lower() in FIREFIGHTING_VERBS:
            return True  # "firefighters battled a fire"; "set fire to the offices" stays violence
        targets = [o for o in child.children if o.dep_ == "pobj"]
        is_target = with_preps and child.dep_ == "prep" and child.lower_ in FIGURATIVE_TARGET_PREPS
        if is_target and any(map(abstract_target, targets)):
            return True
        if child.dep_ == "xcomp" and child.tag_ == "VB" and token.pos_ == "VERB":  # "fought to acquire"
            return True
    return abstract_subject(token) or _echoes_figurative(token) or _one_person_on_the_offensive(token)


def _echoes_figurative(token: Token) -> bool:
    """The noun said again after a figurative use in the same sentence: "a political fight over who will be
    president — a fight mediated by the secretary of state"."""
    if token.pos_ != "NOUN" or any(c.dep_ in {"prep", "amod", "compound"} for c in token.children):
        return False  # "the fight at the border", "a gun battle": a fight of its own
    lemma = token.lemma_.lower()
    before = token.doc[max(token.sent.start, token.i - ECHO_WINDOW) : token.i]  # bounded: a long sentence is no cost
    return any(
        earlier.lemma_.lower() == lemma
        and any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in FIGURATIVE_MODIFIERS for c in earlier.children)
        for earlier in before
    )


ECHO_WINDOW = 40  # tokens back where a figurative use is looked for


def _one_person_on_the_offensive(token: Token) -> bool:
    """ "She went on the offensive": one person takes the offensive in words; armies go on it in arms."""
    if token.lemma_.lower() != "offensive" or token.dep_ != "pobj" or token.head.lower_ != "on":
        return False
    verb = token.head.head
    doers = subjects(verb) if verb.pos_ in {"VERB", "AUX"} else []
    return bool(doers) and all(s.lower_ in ONE_PERSON or s.ent_type_ == "PERSON" for s in doers)


def _people_do_it(verb: Token) -> bool:
    """A protest verb is the protest sense unless a thing is its subject ("the speed ... demonstrates")."""
    if verb.pos_ != "VERB":
        return True
    doers = subjects(verb)
    # "a number of teachers", "a group of residents": the people are in the "of" complement
    people = [o for s in doers for p in s.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    things = [s for s in doers if s.tag_ == "NN" and not person(s)]
    return not things or any(s.tag_ in {"NNS", "NNPS"} or person(s) for s in people)


# "combat operations", "a combat mission": a fight word names a military operation (a drone's
# "operations" are a company's business as often).
FIGHT_HEADS = EVENT_HEADS | {"operation", "mission", "sortie"}


def _aimed_at_a_place(token: Token) -> bool:
    """A named place in the event word's own prepositions ("attack on the compound in Benghazi")."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    return any(t.ent_type_ in PLACE_ENTS for p in preps for t in p.subtree)


def _takes_object(token: Token) -> bool:
    """ "demonstrated that", "rally support", "a demonstration of", "the silence they demonstrated": another
    sense of the word."""
    has_object = any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children)
    gap = token.pos_ == "VERB" and token.dep_ == "relcl" and not has_object
    if gap and not (person(token.head) or token.head.pos_ == "PRON"):
        return True  # the noun the clause hangs on is its object
    for child in token.children:
        if child.dep_ in {"dobj", "ccomp"}:
            return True
        if token.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "of":
            return True
    return False


def _sentence_words(sentence: Span) -> frozenset[str]:
    """Lower-cased common words: "Rakuwa Primary Health Center" does not make a sentence about elections, nor
    a market that is a place here ("the market was looted") one about business."""
    return frozenset(t.lower_ for t in sentence if t.pos_ != "PROPN" and not (place_too(t) and a_place_here(t)))
