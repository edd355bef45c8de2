"""Event extraction: the clauses of an article that report violence, protest or strategic developments.

Each clause with an event cue (a verb or noun from the ACLED/PLOVER lexicon, not a mere
actor noun) becomes one :class:`~sitrep.model.Event`: typed by the rule typer (or by the
user's trained model, when present), with its actors and their sides
(:mod:`~sitrep.events.roles`), its place (the clause's location, not any place in the
sentence), its time (the governing timex, else the reporting window of the article's date),
its modality, and the attribution that asserts it (null when the outlet itself does).

General news uses the same words in other senses ("fight climate change", "drone footage",
"attack ads"); :mod:`sitrep.events.senses` marks those cue words inert before grouping, so they
neither start nor type an event, and text that is not English yields no events at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.actors.matcher import ARMED_KINDS, NON_STATE_ARMED_KINDS, ActorRef
from sitrep.events import classifier
from sitrep.events.anchoring import ArticleFrame
from sitrep.events.arrests import arrested_figure, harmed_figure, political_besides_arresters, told_before
from sitrep.events.clause import clause_head, in_circumstance, modality, path
from sitrep.events.crowd_roles import UNORGANISED_KINDS, crowd_acts, crowd_did_it
from sitrep.events.domain import document_domain
from sitrep.events.given import in_passing, many_of_them, tally
from sitrep.events.language import is_english
from sitrep.events.parties import parties, states_act, two_sides
from sitrep.events.roles import PLACE_HEADS, ClauseGroup, acled_roles, event_actors, to_event_actor
from sitrep.events.rules import (
    ARMED,
    ARMED_TARGET,
    BELLIGERENT,
    MILITARY_TARGET,
    POLITICAL_ARREST,
    POLITICAL_HARM,
    RAIDS,
    STATE_DOER,
    STATE_FORCES,
    TWO_ARMED,
    VICTIMS,
    VIOLENT_TYPES,
    WARFARE,
    WEAPON_CUES,
    RuleTyper,
    Typing,
    default_typer,
)
from sitrep.events.senses import inert_tokens
from sitrep.events.taxonomy import sub_types, type_of
from sitrep.events.triggers import clause_groups, tells_the_toll
from sitrep.gazetteer.countries import country_name
from sitrep.model import AnalyzedArticle, Event, Evidence, Interval, Modality, Span

# Cues that start an event only with an armed actor in the clause: "troops were deployed", "militants
# set up a base", "soldiers burned the houses"; not "the app was deployed", "the company's headquarters",
# "the storm destroyed homes".
ARMED_ONLY_CUES = frozenset({"deployment", "base", "property", "defection"})
ARMED_ONLY_TYPES = frozenset(
    {"Other", "Headquarters or base established", "Looting/property destruction", "Change to group/activity"}
)
# Types that need no named actor or place to be an event: a quake is news without anybody doing it;
# talks need states (checked apart) and trafficking names its criminals.
SELF_GROUNDED_TYPES = frozenset({"Disasters", "Claims", "Diplomacy", "Crime"})
# News wherever it happens: a mass grave uncovered (its discovery is already required), aid halted by the
# violence the sentence tells.
SELF_GROUNDED_CUES = frozenset({"grave", "aid_halted"})
STATE_MEASURES = frozenset({"curfew", "emergency", "martial"})  # measures only an authority declares
ONE_SIDED = frozenset({"ceasefire", "truce"})  # a warring side's own measure ("declared a unilateral ceasefire")
CHANGE = "Change to group/activity"
CLAIM = "Claim of responsibility"
# Political violence a group may claim to have done.
ATTACK_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})  # control claims
# How a group names itself in what it says it did: "they attacked", "its fighters killed".
SELF_WORDS = frozenset({"they", "it", "we", "its", "their", "our"})
# Actors whose presence makes a clause about somebody: armed actors and the political ones.
GROUNDING_KINDS = ARMED_KINDS | {
    "opposition",
    "government",
    "legislature",
    "judiciary",
    "media",
    "protesters",
    "criminals",
}
# Doers that make an act a state's: its army, its government, the state itself ("Russia bombed the town").
STATE_DOER_KINDS = frozenset({"military", "government", "country"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl"})  # events told in passing: less sure to be the news
SUBORDINATE_FACTOR = 0.85
CIRCUMSTANCE_FACTOR = 0.5  # "despite continued shelling, rebels captured ...": the setting of the news
LANGUAGE_SAMPLE_TOKENS = 1000


DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
# A crowd's event read again on its whole sentence: "police dispersed ...", "joining the demonstrators".
CROWD_SUB_TYPES = frozenset({"Peaceful protest", "Mob violence", "Protest with intervention"})


def extract_events(
    doc: Doc,
    result: AnalyzedArticle,
    dct: Interval | None,
    typer: RuleTyper | None = None,
    model: classifier.TrainedTyper | None = None,
    frame_of: Callable[[], ArticleFrame] | None = None,
) -> list[Event]:
    """All events of one article; pure: reads the parse and the earlier layers (``frame_of`` gives
    their frame when another stage shares it; built here otherwise)."""
    typer = typer or default_typer()
    if not is_english(doc[:LANGUAGE_SAMPLE_TOKENS], result.article.language):
        return []  # the lexicon and the parse are English: elsewhere every cue is a false friend
    if not document_domain(doc).reports_events:
        return []  # a recipe's "shell", a game review's "kills": the page is about something else
    sentences = [(s, typer.lexicon.hits(list(s)) + typer.dependency_hits(list(s))) for s in doc.sents]
    inert = inert_tokens(doc, sentences)
    frame = frame_of() if frame_of is not None else ArticleFrame.build(doc, result, typer.actors)
    groups = clause_groups(doc, result, typer, sentences, inert)
    found = [_event(group, frame, typer, model, dct, inert) for group in groups]
    found = _demonstration_stories(_one_event_per_operation(found, groups), groups, typer, frame, inert)
    return _one_per_trigger([event for event in found if event is not None])


STORY_SENTENCES = 2  # sentences after a demonstration's that may tell how it went
# How a demonstration went, from least to most: the story's reading replaces the first sentence's when higher.
DEMONSTRATION_RANK = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Violent demonstration": 2,
    "Excessive force against protesters": 3,
}


# What a demonstration's story may tell after it: how it went, and the crowd's own violence ("some students
# threw rocks at police": a riot told alone, the demonstration's violence told after it).
STORY_SUB_TYPES = frozenset({*DEMONSTRATION_RANK, "Mob violence"})


# The weapons' sub-types (air strikes, shelling, bombs, grenades, chemical weapons): the attacker is not at the
# target, and what the weapon did is its toll.
REMOTE_VIOLENCE = tuple(s for s in sub_types() if type_of(s) == "Explosions/Remote violence")
# Events that take in what is done in their sentence as part of them, and what they take in: the police's
# shooting and arrests at a demonstration, the arrests at a weapons seizure, the fighting for a town taken.
DEMONSTRATION_DEEDS = frozenset({"Attack", "Arrests", "Armed clash", "Mob violence"})
PARTS_OF = {
    "Protest with intervention": DEMONSTRATION_DEEDS,
    "Violent demonstration": DEMONSTRATION_DEEDS,
    "Excessive force against protesters": DEMONSTRATION_DEEDS,
    "Disrupted weapons use": frozenset({"Arrests"}),
    # a battle in which ground changed hands is coded as the change ("militants overran the district and
    # launched an offensive")
    "Non-state actor overtakes territory": frozenset({"Armed clash"}),
    "Government regains territory": frozenset({"Armed clash"}),
    # the killings a weapon's strike caused are its toll ("mortar rounds hit the market; seven were killed")
    **dict.fromkeys(REMOTE_VIOLENCE, frozenset({"Attack"})),
    # one accident however many clauses tell it ("a warehouse caught fire and two workers were injured")
    "Man-made disaster": frozenset({"Man-made disaster"}),
    "Natural disaster": frozenset({"Natural disaster"}),
}


def _one_event_per_operation(found: list[Event | None], groups: list[ClauseGroup]) -> list[Event | None]:
    """ "Police opened fire to disperse demonstrators, killing one and arresting 12", "police seized a cache
    of explosives and arrested eight": ACLED codes one event, the demonstration and how it was met, the
    seizure and who was caught with it. The deeds told in its sentence merge into it, which is then as
    certain as the surest of them. A deed in a clause of its own ("when police arrested the leader, his
    supporters protested") is a cause and stays an event."""
    out = list(found)
    by_sentence = _events_by_sentence(found, groups)
    for k, (event, group) in enumerate(zip(found, groups, strict=True)):
        if event is None or out[k] is None or event.sub_type not in PARTS_OF:
            continue
        told = [(j, part) for j in by_sentence[group.head.sent.start] if j != k and (part := found[j]) is not None]
        parts = [
            j
            for j, part in told
            if out[j] is not None
            and part.sub_type in PARTS_OF[event.sub_type]
            and (event.modality == "asserted" or part.modality != "asserted")  # a hedge never swallows a fact
            and not _introduced(groups[j].head)
        ]
        if parts:
            surest = max([event.confidence, *(part.confidence for j, part in told if j in parts)])
            out[k] = event.model_copy(update={"confidence": surest})
            for j in parts:
                out[j] = None
    return out


def _events_by_sentence(found: list[Event | None], groups: list[ClauseGroup]) -> dict[int, list[int]]:
    """Sentence start -> the indices of the events told in it: one pass, so that passes over a sentence's
    events are not a scan of every clause per event in a long article."""
    by_sentence: dict[int, list[int]] = {}
    for j, (told, group) in enumerate(zip(found, groups, strict=True)):
        if told is not None:
            by_sentence.setdefault(group.head.sent.start, []).append(j)
    return by_sentence


def _introduced(head: Token) -> bool:
    """The clause opens with a subordinator ("when", "after", "because"): told as a circumstance."""
    return any(c.i < head.i and (c.pos_ == "SCONJ" or c.tag_ == "WRB") for c in head.children)


def _demonstration_stories(
    found: list[Event | None], groups: list[ClauseGroup], typer: RuleTyper, frame: ArticleFrame, inert: frozenset[int]
) -> list[Event | None]:
    """A demonstration's story goes on after its sentence: "Police broke up the protest", "The demonstrators
    burned tyres on the road". Read together (up to :data:`STORY_SENTENCES` more sentences of the paragraph,
    until one reports another kind of event), they say how it went; ACLED codes the demonstration once, so
    the protest takes the story's sub-type and the crowd events told after it merge into it."""
    doc = frame.doc
    out = list(found)
    by_sentence = _events_by_sentence(found, groups)
    for k, (event, group) in enumerate(zip(found, groups, strict=True)):
        if event is None or out[k] is None or event.sub_type not in DEMONSTRATION_RANK:
            continue
        first = group.head.sent
        story, merged, followed = list(_live(first, inert)), [], False
        end = first.end
        for _ in range(STORY_SENTENCES):
            if end >= len(doc) or "\n\n" in doc[end - 1].text_with_ws or doc[end].is_space:
                break  # the paragraph ends
            following = doc[end].sent
            told = by_sentence.get(following.start, [])
            if any(found[j].sub_type not in STORY_SUB_TYPES for j in told):  # type: ignore[union-attr]
                break
            story += _live(following, inert)
            merged += told
            end, followed = following.end, True
        if not followed:
            continue
        whole = typer.type_tokens(story, frozenset(), frame.location_tokens)
        if DEMONSTRATION_RANK.get(whole.sub_type, -1) > DEMONSTRATION_RANK[event.sub_type]:
            out[k] = event.model_copy(update={"sub_type": whole.sub_type, "type": whole.type})
        for j in merged:
            out[j] = None
    return out


def _one_per_trigger(events: list[Event]) -> list[Event]:
    """Two clauses typed on their whole sentence can yield the same event twice: keep it once."""
    seen: set[object] = set()
    kept = []
    for event in events:
        key = (event.trigger.start, event.trigger.end, event.sub_type) if event.trigger else id(event)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _event(
    group: ClauseGroup,
    frame: ArticleFrame,
    typer: RuleTyper,
    model: classifier.TrainedTyper | None,
    dct: Interval | None,
    inert: frozenset[int] = frozenset(),
) -> Event | None:
    head = group.head
    # A cue's words are its clause's, even where the parser splits them ("was fire bombed": "bombed" hangs
    # as a clause of its own on "fire")
    own = {i for hit in group.hits for i in range(hit.start, hit.end)}
    # ... and so are the words of its toll ("shot dead two and injured five protesters"); a claim's toll is
    # the claimed attack's ("claimed the bombing ..., killing two officers")
    claim = any(hit.cue == "claimed" for hit in group.hits)
    own_words = clause_tokens(head)
    tolled = [c for w in own_words for c in w.children if (w.i == head.i or c.dep_ == "relcl") and tells_the_toll(c)]
    tolls = [] if claim else [t for c in tolled for t in clause_tokens(c)]
    words = sorted({*own_words, *tolls, *(frame.doc[i] for i in own)}, key=lambda t: t.i)
    tokens = [t for t in words if t.i not in inert]
    first = frame.doc[group.hits[0].start]
    attribution = frame.attribution_of(first.idx)
    actors = event_actors(group, frame, attribution, bare_side_kind="military")
    belligerent = any(ref.kind in ARMED_KINDS and ref.side for ref, _ in actors)
    extra = frozenset({BELLIGERENT}) if belligerent else frozenset()
    if any(ref.kind in ARMED_KINDS and role == "actor1" for ref, role in actors):
        extra |= {ARMED}  # the doer, even left implicit: "the YPG claimed to have captured the village"
        if any(ref.kind in ARMED_KINDS and role == "actor2" for ref, role in actors):
            extra |= {TWO_ARMED}  # "the army said it had killed 20 militants": "it" is the army
    if any(ref.kind in ARMED_KINDS and role == "actor2" for ref, role in actors):
        extra |= {ARMED_TARGET}
    if any(ref.kind in STATE_DOER_KINDS and role == "actor1" for ref, role in actors):
        extra |= {STATE_DOER}
    typing = typer.type_tokens(tokens, extra, frame.location_tokens)
    if typing.trigger is None:
        return None
    trigger = frame.doc[typing.trigger[0] : typing.trigger[1]]
    if in_passing(trigger.root):
        return None  # "sued over a missile attack": the news is the suit
    if typing.sub_type in CROWD_SUB_TYPES:  # how it ended, or who rioted, is often told around it
        whole = typer.type_tokens(_live(head.sent, inert), extra, frame.location_tokens)
        if whole.type in DEMONSTRATION_TYPES and whole.trigger is not None:
            typing = whole
            trigger = frame.doc[whole.trigger[0] : whole.trigger[1]]
            if in_passing(trigger.root):
                return None
    claims_many = typing.sub_type == CLAIM and any(many_of_them(t) for t in trigger.root.subtree)
    # a record of many events ("hundreds of attacks"), not "thousands of protesters"
    many = (many_of_them(trigger.root) and typing.type not in CROWD_TYPES) or claims_many
    if typing.type != STRATEGIC and (tally(trigger.root) or many):
        return None  # "80 civilians have been killed since July": a toll, not one event (a third demobilised is news)
    if not typing.violent:  # "Moscow added ... to the Russian Federation": a government acts
        actors = event_actors(group, frame, attribution, bare_side_kind="government")
    sub_type, confidence = _typed(typing, tokens, model)
    if in_circumstance(head):
        confidence *= CIRCUMSTANCE_FACTOR
    else:  # each clause it is told inside of ("a truce in towns that have seen shelling") makes it less the news
        confidence *= SUBORDINATE_FACTOR ** sum(1 for node in path(head) if node.dep_ in SUBORDINATE_DEPS)
    stops = [t for t in frame.cues_near(head) if not trigger.start <= t.i < trigger.end]  # "claimed responsibility"
    # the clause's own reporting verb stops no search for its place: "witnesses reported fighting in Mosul"
    place = frame.place_in(head, [t for t in stops if t.i != head.i])
    if sub_type == TAKEN and _taken_at_home(actors, place, frame):
        sub_type = RETAKEN  # "regime forces captured the district": the state takes back its own ground
    # an organised actor grounds an event; a leader named by name is one person ("Bush attacked Trump")
    organised = [ref for ref, _ in actors if not _a_persons_name(ref, frame.doc)]
    grounded = place is not None or any(ref.actor or ref.kind in GROUNDING_KINDS for ref in organised)
    grounded = grounded or ARMED in typing.features  # an armed actor named in the clause, whatever its role
    grounded = grounded or VICTIMS in typing.features  # "the attack left four villagers dead": conflict's victims
    if sub_type == "Arrests":  # "a former minister was arrested": who was taken says who took them
        grounded = grounded or arrested_figure(trigger.root) or told_before(trigger.root)
    if sub_type == "Attack":  # "the governor was shot dead": who was harmed says why
        grounded = grounded or harmed_figure(trigger.root)
    if typing.type == "Battles":
        if not typing.features & ARMED_SIGNS:  # "the ministry fought the ruling", "the clash cost him votes":
            grounded = place is not None  # a battle with no armed side named is one only where it was fought
        # "both sides exchanged fire": the two parties of a battle, counted; "... that left four dead"
        grounded = grounded or any(two_sides(t) for t in tokens) or bool(tolls)
    if sub_type == "Agreement":  # "Fiji's president signed a peace pact": a party, not a place of the event
        grounded = grounded or bool(parties(actors, tokens, frame)) or any(two_sides(t) for t in head.sent)
    # "nurses protested", "the protesters chanted", "rioters broke into the shops": a crowd did it
    demonstrated = typing.type in CROWD_TYPES and (trigger.root.pos_ == "VERB" or crowd_acts(trigger.root))
    # "all protests across the country were dispersed": what was done to a demonstration says it took place
    demonstrated = demonstrated or (sub_type in MET_PROTESTS and trigger.root.dep_ == "nsubjpass")
    rampage = sub_type != "Looting/property destruction" or trigger.root.lemma_.lower() in RAMPAGE_VERBS
    mob = (sub_type == "Attack" and crowd_did_it(actors, frame.doc)) or (
        sub_type in CROWD_DEEDS and rampage and crowd_did_it(actors, frame.doc, UNORGANISED_KINDS)
    )
    started_by_armed_only = all(h.cue in ARMED_ONLY_CUES for h in group.hits)
    if sub_type == "Looting/property destruction" and not actors:
        # "looting was reported in the poor districts", "shops were looted overnight": nobody named, a crowd's
        mob = mob or trigger.root.lemma_.lower() in CROWD_LOOTING
    if started_by_armed_only and typing.sub_type in ARMED_ONLY_TYPES and ARMED not in typing.features and not mob:
        return None
    moved = all(h.cue == "deployment" for h in group.hits)  # (a checkpoint the police set up is a base)
    routine = moved or trigger.root.lemma_.lower() == "surrender"
    forces = [m.entry.kind for m in typer.actors.find(tokens) if m.entry.kind in ARMED_KINDS] if routine else []
    if routine and sub_type in ARMED_ONLY_TYPES and _only_police(forces):
        return None  # "police stepped up patrols", "the suspect surrendered to police": law enforcement's routine
    if mob:  # "villagers beat and killed a man accused of theft", "villagers clashed with police", "a group of
        # youths torched a home": a crowd's violence, with or without a mob word
        sub_type = "Mob violence"
    if sub_type == "Attack" and not typing.features & (POLITICAL_HARM - {VICTIMS}):
        # "he was killed while supporting combat operations": a death the sentence puts in a battle
        # "killed when a neighbour accidentally hit her": a death the sentence puts in an accident
        # "a warehouse caught fire and two workers were injured": victims the sentence puts in an accident
        context = typer.type_tokens(_live(head.sent, inert), extra, frame.location_tokens)
        if context.sub_type in DISASTERS or (context.type == "Battles" and VICTIMS not in typing.features):
            sub_type = context.sub_type
        elif VICTIMS not in typing.features and not harmed_figure(trigger.root):
            return None  # a stabbing on a jogging path, a shooting after a party: private crime, not ACLED's
    if sub_type == ABDUCTION and trigger.root.lemma_.lower() in UNFORCED and not typing.features & POLITICAL_HARM:
        return None  # teenagers who "went missing", a family's "ransom" call: nobody named took them
    raiders = [ref.kind for ref, role in actors if role == "actor1"]
    if sub_type == "Attack" and trigger.root.lemma_.lower() in RAIDS and _only_police(raiders):
        sub_type = "Arrests"  # "police officers raided a flat in Leeds": a search for an arrest, no attack
    if sub_type == "Arrests" and not _political_arrest(typing, head, actors):
        if not any(h.cue == "crime" for h in typer.lexicon.hits(list(head.sent))):
            return None  # a burglar or a drunk driver taken into custody: ordinary crime, not a political arrest
        sub_type = "Organised crime"  # "arrested 20 in a manhunt for heroin smugglers": a raid on a crime ring
    # a state cutting aid or arms sales to another: its doer is a state, read off the parse
    cut_by_a_state = any(h.cue == "state_measure" and h.start == trigger.start for h in group.hits)
    if (
        sub_type == "Diplomatic event"
        and not cut_by_a_state
        and not states_act(actors, _with_description(tokens, trigger), frame)
    ):
        return None  # talks, visits and sanctions are diplomacy only between states ("talks with his agent")
    deed = sub_type  # what was done, or tried: a claimed attempt is a claim made
    claimable = type_of(sub_type) in ATTACK_TYPES and sub_type not in TERRITORY
    if claimable and _claimed_by_its_doer(actors, attribution, frame):
        sub_type = CLAIM  # "the Taliban said they carried out the attack": the news is who says they did it
    self_grounded = type_of(sub_type) in SELF_GROUNDED_TYPES
    self_grounded = self_grounded or (sub_type == CHANGE and _state_measure(trigger, actors))
    self_grounded = self_grounded or any(h.cue in SELF_GROUNDED_CUES for h in group.hits)
    if not grounded and not demonstrated and not mob and not self_grounded and not typing.features & WEAPON_CUES:
        return None  # nobody, nowhere, no weapon: "women in combat", "a verbal attack" are not events
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    return Event(
        type=type_of(sub_type),
        sub_type=sub_type,
        actors=[to_event_actor(ref, role) for ref, role in acled_roles(actors)],
        place=place,
        when=frame.when(trigger.root, attribution, dct),
        modality=_state_decision(
            trigger.root, modality(trigger.root, stops, attempt_is_deed=attempt_is_the_deed(deed)), cut_by_a_state
        ),
        asserted_by=frame.attribution_of(trigger.start_char),
        evidence=Evidence(start=start, end=end),
        trigger=Span(start=trigger.start_char, end=trigger.end_char, text=trigger.text),
        confidence=round(confidence, 3),
    )


def _a_persons_name(ref: ActorRef, doc: Doc) -> bool:
    """The actor is a person the text names ("Donald Trump", "Putin"), not a force, a body or a state."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ == "PERSON"


CROWD_TYPES = frozenset({"Protests", "Riots"})
# What says a fight is armed: an armed side, a military target, a war word, conflict's victims.
ARMED_SIGNS = frozenset({ARMED, TWO_ARMED, ARMED_TARGET, BELLIGERENT, MILITARY_TARGET, WARFARE, VICTIMS})
MET_PROTESTS = frozenset({"Protest with intervention", "Excessive force against protesters"})
# Deeds of armed groups or of anyone that a crowd's doing makes mob violence.
CROWD_DEEDS = frozenset({"Armed clash", "Looting/property destruction"})
# What a crowd does to property in violence, not in work ("residents demolished the old bridge to build a new one").
# fmt: off
RAMPAGE_VERBS = frozenset({
    "torch", "burn", "set", "loot", "ransack", "vandalise", "vandalize", "smash", "plunder", "pillage", "raze",
    "storm", "wreck", "trash",
})
# fmt: on
# Plunder that, with nobody named, is a crowd's (an army's looting is told with the army).
CROWD_LOOTING = frozenset({"loot", "looting", "ransack", "plunder"})
STRATEGIC = "Strategic developments"
ABDUCTION = "Abduction/forced disappearance"
# Words that say someone is gone, not that someone took them.
UNFORCED = frozenset({"go", "whereabouts", "take", "captive", "ransom", "missing"})
TAKEN = "Non-state actor overtakes territory"
DISASTERS = frozenset({"Man-made disaster", "Natural disaster"})
RETAKEN = "Government regains territory"
HOME_FORCE_WORDS = frozenset({"government", "regime", "loyalist", "loyalists"})


def _taken_at_home(actors: Sequence[tuple[ActorRef, str]], place: int | None, frame: ArticleFrame) -> bool:
    """The taker is a state's own forces and the place is in that state, or forces called the
    government's: a government regaining ground, not a group (or an invader) overtaking it."""
    armed = [ref for ref, role in actors if role == "actor1" and ref.kind in ARMED_KINDS]
    if any(set(ref.text.lower().replace("-", " ").split()) & HOME_FORCE_WORDS for ref in armed):
        return True  # "regime forces", "pro-government militias": the state's own or its affiliates
    takers = [ref for ref in armed if ref.kind in STATE_FORCES]
    if place is None:
        return False
    country = country_name(frame.result.places[place].country)
    return country is not None and any(ref.side == country for ref in takers)


def _with_description(tokens: list[Token], trigger: SpacySpan) -> list[Token]:
    """The clause's words and those of the clause describing its event word ("the agreement, signed by 175
    countries"): the parties of a deal may be named only there."""
    return tokens + [t for c in trigger.root.children if c.dep_ in {"acl", "relcl"} for t in clause_tokens(c)]


def attempt_is_the_deed(sub_type: str) -> bool:
    """Violence whose attempt is itself the event (not a change of hands, which an attempt does not make), and
    a demonstration: protesters who "tried to march on parliament" demonstrated (ACLED codes a demonstration
    the police stopped)."""
    return (type_of(sub_type) in VIOLENT_TYPES or type_of(sub_type) == "Protests") and sub_type not in {TAKEN, RETAKEN}


def _claimed_by_its_doer(actors: Sequence[tuple[ActorRef, str]], attribution: int | None, frame: ArticleFrame) -> bool:
    """An armed group (not a state's forces) says that it did the deed: "the Taliban said they carried out
    the attack", "militants said they attempted to kill the minister", "al-Shabaab said its fighters
    killed 20 soldiers". A denial claims nothing, and an army reporting its own operations is no claim."""
    if attribution is None:
        return False
    said = frame.result.attributions[attribution]
    speaker = frame.speaker_ref(said)
    if speaker is None or speaker.kind not in NON_STATE_ARMED_KINDS or said.cue.stance == "countering":
        return False
    for ref, role in actors:
        if role != "actor1":
            continue
        first = next(iter(ref.text.lower().split()), "")
        named = said.source is not None and ref.text.lower() in said.source.text.lower()  # "they" read as the source
        if first in SELF_WORDS or named or (ref.actor is not None and ref.actor == speaker.actor):
            return True
    return False


ANNOUNCING = frozenset({"announce", "say", "declare", "decide"})


def _state_decision(trigger: Token, told: Modality, cut_by_a_state: bool) -> Modality:
    """ "the United States announced it would cut all military aid": a state's decision to cut its aid or arms
    sales is the diplomatic act, made when announced (an announced attack has still not happened)."""
    decided = trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in ANNOUNCING
    if told == "hypothetical" and decided and cut_by_a_state:
        return "asserted"
    return told


def _state_measure(trigger: SpacySpan, actors: Sequence[tuple[ActorRef, str]]) -> bool:
    """A curfew, a state of emergency or martial law that nobody but an authority could have declared: "a
    curfew was imposed", "the city lifted the curfew". Parents who impose one on their son are no authority."""
    root = trigger.root
    if any(t.lemma_.lower() in ONE_SIDED for t in trigger):
        return True  # "a unilateral ceasefire ordered by the interim leader": only a warring side declares one
    objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}] if root.pos_ == "VERB" else []
    lifted = [w for c in objects for w in c.subtree]
    if not any(t.lemma_.lower() in STATE_MEASURES for t in [*trigger, *lifted]):  # "lifted the blockade"
        return False
    verb = root.head if root.dep_ in {"dobj", "nsubjpass"} else root
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    authority = any(ref.kind in GROUNDING_KINDS for ref, _ in actors)
    return authority or all(d.pos_ == "PROPN" or d.lemma_.lower() in PLACE_HEADS or d.lower_ == "it" for d in doers)


def _political_arrest(typing: Typing, head: Token, actors: Sequence[tuple[ActorRef, str]]) -> bool:
    """Who is arrested, or for what, is political: said in the clause or anywhere in its sentence. An army or
    an armed group that detains people is never ordinary law enforcement."""
    if any(role == "actor1" and ref.kind in ARMED_KINDS - {"police"} for ref, role in actors):
        return True
    if POLITICAL_ARREST in typing.features or political_besides_arresters(head.sent, [head]):
        return True
    return told_before(head)


def _only_police(kinds: Sequence[str | None]) -> bool:
    """The forces named are the police and nothing else ("police raided the home", "surrendered to police")."""
    return bool(kinds) and all(kind == "police" for kind in kinds)


def _typed(typing: Typing, tokens: Sequence[Token], model: classifier.TrainedTyper | None) -> tuple[str, float]:
    """The rules' answer, re-typed by the user's trained model where it is clearly surer."""
    if model is None:
        return typing.sub_type, typing.confidence
    [distribution] = model.distributions([" ".join(t.text for t in tokens)])
    return classifier.combine(typing.sub_type, typing.confidence, distribution)


def _live(sentence: SpacySpan, inert: frozenset[int]) -> list[Token]:
    """A sentence's words without the inert ones: read when the clause alone says too little."""
    return [t for t in sentence if t.i not in inert]


def clause_tokens(head: Token) -> list[Token]:
    """The clause's own words: its subtree without the clauses nested in it."""
    return [t for t in head.subtree if clause_head(t).i == head.i]
