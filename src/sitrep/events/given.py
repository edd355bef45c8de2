"""What a sentence tells as given rather than as news: an event that is the topic of a complaint, a suit
or a memorial ("sued over a missile attack"), one told with its own past date ("the victims of the 2019
earthquake"), who someone was ("the general, who led the offensive in the 1990s"), a trend ("attacks have
risen") and a toll counted over a long span ("80 civilians have been killed since July").

The events stage drops such a cue; :mod:`sitrep.events.clause` says whether what *is* news happened
(modality), :mod:`sitrep.events.background` which words of a sentence state a demonstration's topic or an
arrest's charge.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from sitrep.events.clause import clause_head, is_clause_head, path

# Predicates that take an event as their topic without reporting it: the news is the complaint, the
# lawsuit, the rescue or the proposal ("sued over a missile attack", "rescued from an airstrike").
# fmt: off
TOPIC_TAKING_VERBS = frozenset({
    "violate", "breach", "flout", "reject", "monitor", "respect", "observe", "honor", "honour",
    "complain", "sue", "blame", "accuse", "rebuke", "welcome", "investigate", "indict", "prosecute",
    "rescue", "remember", "commemorate", "mark", "estimate", "prompt", "highlight", "recall", "mourn",
    "compensate", "probe", "study", "discuss", "debate", "depict", "portray", "dramatize", "dramatise", "reenact",
    "charge", "convict", "sentence", "acquit", "arraign", "plead",
})
TOPIC_TAKING_NOUNS = frozenset({
    "proposal", "threat", "risk", "image", "reminder", "anniversary", "memorial", "investigation", "inquiry",
    "probe", "trial", "lawsuit", "suit", "damage", "compensation", "report", "study", "film", "documentary",
    "book", "rank", "role", "part", "share", "wake", "aftermath", "critic", "history", "lesson", "legacy",
    "clip", "video", "photo", "photograph", "footage", "picture", "outrage", "anger", "fury", "condemnation",
    "evidence", "speculation", "memory", "condolence", "sympathy", "tribute", "commemoration", "reaction",
    "response", "backlash", "fallout", "hearing",
})
# The time or place of an event already known: "on the day of the murder", "at the site of the attack"
# (but "a second night of protests" is the protests, and "the scene of a shooting" tells a new one).
WHEN_AND_WHERE_OF = frozenset({"day", "night", "time", "date", "moment", "hour", "site", "scene"})
# fmt: on
# Verbs that judge an event told as their subject: "the shooting was ruled justifiable".
JUDGING_VERBS = frozenset({"rule", "deem", "declare", "clear", "classify", "label", "justify", "term"})
# Verbs that make a known event the cause or the evidence of the news: "the attack sparked outrage", "the battle
# revealed shortcomings".
# fmt: off
CONSEQUENCE_VERBS = frozenset({
    "prompt", "spark", "trigger", "provoke", "fuel", "lead", "cause", "renew", "revive", "raise",
    "underscore", "highlight", "expose", "galvanize", "galvanise", "reveal", "show", "demonstrate", "prove",
    "illustrate",
})
# What an event causes that is harm of its own: "the storms triggered fires", "the quake caused landslides".
PHYSICAL_CONSEQUENCES = frozenset({
    "fire", "blaze", "flood", "flooding", "landslide", "mudslide", "explosion", "collapse", "evacuation",
    "death", "damage", "destruction", "outage", "blackout", "casualty", "injury",
})
# fmt: on
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Verbs that oppose a kind of wrong rather than report one: "battling sexual harassment with posters".
# fmt: off
OPPOSING_VERBS = frozenset({
    "battle", "fight", "combat", "tackle", "counter", "curb", "prevent", "eradicate", "eliminate", "reduce",
    "address",
})
# fmt: on
FIGHTS = frozenset({"battle", "war", "fight", "clash", "offensive", "skirmish", "gunfight", "firefight"})
# Where a noun phrase sits when something else is said about it: a preposition's object, a modifier.
NOMINAL_LINK_DEPS = frozenset({"pobj", "prep", "compound", "amod", "conj", "appos", "poss", "nmod"})


def in_passing(trigger: Token) -> bool:
    """An event noun that is the topic of something else, not the news itself.

    "Lebanon complained over two air raids", "a lawsuit over the missile attack", "a boy rescued
    from an airstrike": the clause reports a complaint, a suit, a rescue; the raid, the attack,
    the strike are told as given. Headlines ("Suicide blast at court complex") and event nouns
    that are a clause's subject or the object of a deed ("the blast killed four", "carried out an
    attack") are reported; so are those hanging from another event ("killed in an airstrike").
    """
    head = clause_head(trigger)
    described = head.dep_ == "relcl" or (head.dep_ == "acl" and head.tag_ == "VBN")  # "a woman killed in ..."
    if described and (_dated_clause(head) or _pluperfect(head) or _a_former_self(head.head)):
        # "the general, who led the offensive in the 1990s, died", "arrested an activist who had organised
        # protests": who they are, not the news
        return True
    told_with = head.head if head.dep_ == "relcl" and head.head.pos_ in {"NOUN", "PROPN"} else None
    if told_with is not None and told_with.i != trigger.i and in_passing(told_with):
        return True  # "condolences for the attack in which a gunman killed two": told with the attack
    # A headline's "-ing" event noun is often parsed as a verb: "Police shooting ... ruled justifiable",
    # "police investigate teen's shooting death".
    gerund = trigger.tag_ == "VBG" and trigger.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "acl", "compound"}
    if trigger.pos_ not in {"NOUN", "PROPN"} and not gerund:
        return False
    subject = trigger.head if trigger.dep_ in {"acl", "compound"} else trigger  # "police shooting"
    if subject.dep_ in {"nsubj", "nsubjpass"} and subject.head.lemma_.lower() in JUDGING_VERBS:
        return True  # "the police shooting was ruled justified": the news is the ruling
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in CONSEQUENCE_VERBS and _definite(trigger):
        harm = any(c.dep_ == "dobj" and c.lemma_.lower() in PHYSICAL_CONSEQUENCES for c in trigger.head.children)
        return not harm  # "the crash prompted the federation to cancel": an event told before, now a cause
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in TREND_VERBS:
        return True  # "attacks on aid workers have risen": a trend, not one deed
    if subject.dep_ in {"nsubj", "nsubjpass", "attr"} and _of_its_own_year(subject):
        return not _suffered_in(subject)  # "the invasion of Iraq in 2003 was a mistake": history, told as a topic
    if _named_by_its_place(trigger):  # "the Orlando attack is stirring debate", "victims of the Paris attacks"
        told_now = trigger.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and _dated_here(clause_head(trigger))
        return not (_suffered_in(trigger) or told_now or _dated_here(trigger))
    if trigger.dep_ in {"ROOT", "nsubj", "nsubjpass", "attr"}:
        return False
    if _dated_before(trigger) or _known_by_name(trigger):  # "the victims of the 2019 earthquake"
        return not _suffered_in(trigger)
    # a kind of wrong, not one deed: "battling sexual harassment"; not "fought the blaze", "fought a battle"
    kind_of_wrong = trigger.lemma_.lower() not in FIGHTS and not any(
        c.dep_ in {"det", "poss", "nummod"} for c in trigger.children
    )
    node = trigger
    while node.dep_ in NOMINAL_LINK_DEPS | {"dobj"} and node.head.i != node.i:
        node = node.head
        if node.dep_ in {"dative", "prep"} and _felt_about(node):
            return True  # "offered his condolences for the attack": the parser hangs the "for" on the verb
        topics = TOPIC_TAKING_VERBS if node.pos_ == "VERB" else TOPIC_TAKING_NOUNS
        if node.lemma_.lower() in topics:
            return True
        known = _definite(node) and _definite(trigger) and not _modified(node)  # not "the scene of a shooting"
        if node.lemma_.lower() in WHEN_AND_WHERE_OF and known:
            return True
        if kind_of_wrong and node.pos_ == "VERB" and node.lemma_.lower() in OPPOSING_VERBS:
            return True  # "battling sexual harassment", "to combat trafficking"
        if node.pos_ == "VERB":
            return False
    return False


# What is felt or said about an event, offered or voiced: "offered condolences for the attack".
FEELINGS_ABOUT = frozenset({"condolence", "sympathy", "tribute", "condemnation", "outrage", "anger", "fury"})


def _felt_about(preposition: Token) -> bool:
    """A preposition hung on a verb whose object is a feeling about its own object: "offered condolences
    for the attack", "voiced outrage over the killings" (the parser may hang "for" on the verb)."""
    if preposition.lower_ not in {"for", "over", "about", "at"} or preposition.head.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in FEELINGS_ABOUT for c in preposition.head.children)


# What people suffered in an event named as given: "five were killed in last week's bombing" reports it.
SUFFERING_VERBS = frozenset({"kill", "die", "injure", "wound", "hurt", "destroy", "damage", "displace", "trap", "bury"})
PAST_DATE_WORDS = frozenset({"last", "previous", "past", "earlier"})


# Verbs that tell how a kind of event is trending: "attacks have risen", "kidnappings doubled".
# fmt: off
TREND_VERBS = frozenset({
    "rise", "increase", "fall", "drop", "decline", "decrease", "double", "triple", "soar", "surge", "grow",
    "climb", "plummet", "spike",
})
# fmt: on


def _dated_clause(head: Token) -> bool:
    """A clause dated by a year of its own ("in the 1990s", "in 2003"), wherever the parser hung the date
    ("which launched the invasion on February 24 last year" stays an event, dated to its own day)."""
    for obj in head.subtree:
        if obj.dep_ != "pobj" or obj.ent_type_ != "DATE" or obj.head.lower_ not in {"in", "during"}:
            continue
        if clause_head(obj).i == head.i and any(_a_year(t) for t in obj.subtree):
            return True
    return False


LONG_SPANS = frozenset({"year", "month", "decade", "century"})


def _long_past(date: Token) -> bool:
    """ "last year", "two years ago", "last month": a date at least a month before the news."""
    words = {t.lemma_.lower() for t in date.subtree}
    return bool(words & LONG_SPANS) and bool(words & {"last", "ago", "previous"})


def _a_former_self(noun: Token) -> bool:
    """ "the former Senate leader who negotiated the peace accord": who someone was, told by what they did."""
    return any(c.dep_ == "amod" and c.lower_ in {"former", "late", "onetime", "erstwhile"} for c in noun.children)


def _pluperfect(verb: Token) -> bool:
    """ "had organised", "had been killed": told as done before the news."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


def _a_year(token: Token) -> bool:
    """ "2003", "1990s"."""
    digits = token.text.removesuffix("s")
    return len(digits) == 4 and digits.isdigit()


def _known_by_name(noun: Token) -> bool:
    """ "since the Paris attacks", "after the terrorist attacks in Paris and Brussels", "two days after
    the killings": events the reader knows, by their place or as a series, told as the time of what is news
    (a single "after the bombing" may be the news itself)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"after", "since", "following"} or not _definite(noun):
        return False
    if _aftermath(noun.head.head):
        return False  # "streets were strewn with debris after the clashes": what the events left is the news
    named = any(c.dep_ in {"compound", "amod"} and c.ent_type_ in {"GPE", "DATE", "EVENT"} for c in noun.children)
    return named or noun.tag_ == "NNS"


# What violence or a disaster leaves behind, told as the news: "strewn with debris", "pulled bodies from the rubble".
AFTERMATH_WORDS = frozenset({
    "debris", "rubble", "wreckage", "ruin", "body", "corpse", "blood", "crater", "glass", "smoke", "ash",
    "strew", "litter", "charred", "burned", "burnt", "gut", "shatter", "destroy", "damage", "collapse",
    "wounded", "injured", "casualty", "survivor", "rescuer",
})  # fmt: skip


def _aftermath(word: Token) -> bool:
    """The clause ``word`` belongs to tells what an event left behind."""
    head = clause_head(word)
    return any(t.lemma_.lower() in AFTERMATH_WORDS or t.lower_ in AFTERMATH_WORDS for t in head.subtree)


def _named_by_its_place(noun: Token) -> bool:
    """ "the Orlando attack", "the Paris attacks", "the San Bernardino massacre": an event the reader knows by
    the name of its place (the first report says "an attack in Orlando")."""
    if not _definite(noun) or noun.pos_ != "NOUN" or noun.lemma_.lower() in DEMONSTRATIONS:
        return False
    return any(c.dep_ in {"compound", "nmod"} and c.ent_type_ in PLACE_ENTITIES and c.i < noun.i for c in noun.children)


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# What a crowd holds: named by its place it is still the news ("joined the Tower Bridge protest").
DEMONSTRATIONS = frozenset({"protest", "demonstration", "march", "rally", "vigil", "strike", "procession", "sit"})


def _of_its_own_year(noun: Token) -> bool:
    """ "the 2003 invasion", "the invasion of Iraq in 2003", "the attacks of September 11, 2001": an event
    named with the year it happened in."""
    if _dated_before(noun):
        return True
    dates = (o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "during"} for o in c.subtree)
    return any(_a_year(t) and t.ent_type_ == "DATE" for t in dates)


def _dated_here(head: Token) -> bool:
    """The word names the day or time of what it tells, itself or in a phrase of its own ("on Tuesday", "this
    morning"; not a date inside its subject)."""
    return any(c.ent_type_ in {"DATE", "TIME"} for c in head.children) or any(
        t.ent_type_ in {"DATE", "TIME"} for c in head.children if c.dep_ in {"prep", "npadvmod"} for t in c.subtree
    )


def _dated_before(noun: Token) -> bool:
    """An event noun that carries its own past date: "the 2019 earthquake", "last week's bombing", "the 1995
    killings", "the collapse two years ago" (a date that says when, not "Tuesday's", which may be today's
    news)."""
    for child in noun.children:
        if child.dep_ == "advmod" and child.ent_type_ == "DATE" and _long_past(child):
            return True  # "the bridge collapse two years ago"
        if child.dep_ not in {"poss", "nummod", "compound", "amod", "npadvmod"} or child.ent_type_ != "DATE":
            continue
        words = list(child.subtree)
        if any(_a_year(t) or t.lower_ in PAST_DATE_WORDS for t in words):
            return True
    return False


def _suffered_in(noun: Token) -> bool:
    """The first verb above the noun (past the participles that describe people: "those killed in") says
    people were hurt in it: the event is reported, with its own date."""
    node = noun
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            if node.dep_ in {"acl", "relcl"} and node.tag_ == "VBN":
                continue  # "the families of those killed in ...": who the families are
            return node.lemma_.lower() in SUFFERING_VERBS
    return False


# What makes a span long enough that a count over it is statistics: "since July", "since the truce".
# fmt: off
MONTH_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})
SPAN_NOUNS = frozenset({
    "year", "month", "decade", "war", "ceasefire", "truce", "conflict", "invasion", "uprising", "start",
    "beginning", "independence", "revolution", "takeover", "occupation", "talks", "accord", "agreement",
})
# fmt: on
SPAN_PREPS = frozenset({"over", "in", "during", "within", "across", "throughout"})
SPAN_MODIFIERS = frozenset({"past", "last", "recent", "previous"})
COUNT_NOUNS = frozenset({"dozens", "hundreds", "thousands", "scores", "millions", "tens"})


# A share of a set of events: "the majority of the airstrikes", "half of the attacks".
SHARES = frozenset({"majority", "most", "bulk", "half", "share", "proportion", "percent", "fraction", "total"})


def many_of_them(trigger: Token) -> bool:
    """ "a group that has carried out hundreds of attacks", "claimed scores of attacks on churches": a
    count of many events with no day of their own, a record rather than one event ("dozens of airstrikes hit
    the city on Tuesday" is the day's news)."""
    if trigger.tag_ != "NNS" or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    if trigger.head.head.lower_ not in COUNT_NOUNS | {"series", "string", "spate", "wave"} | SHARES:
        return False  # "hundreds of attacks", "a spate of bombings", "the majority of the airstrikes"
    head = clause_head(trigger)
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in head.subtree if clause_head(t).i == head.i)


def tally(trigger: Token) -> bool:
    """Statistics, not one event: a count of victims or attacks over a long span.

    "About 80 civilians have been killed since July in the protests", "between June 2014 and April
    2016 bombers killed more than 1,000", "more than 40 attacks over the past two years". The news of
    one day ("fighting has killed 12 since Monday") keeps its event: a weekday is no long span.
    """
    sentence = trigger.sent
    counts = [t for t in sentence if t.ent_type_ not in {"DATE", "TIME"} and (t.like_num or t.lower_ in COUNT_NOUNS)]
    if not any(t.lower_ not in {"one", "1"} for t in counts):
        return False  # "one of the deadliest since 2007" ranks one attack, it counts none
    heads = {node.i for node in path(trigger) if is_clause_head(node)} | {trigger.i}
    # the span may hang anywhere in the clauses above the trigger: "in Nigeria between June 2014 and …"
    return any(_long_span(t) for t in sentence if clause_head(t).i in heads or t.head.i in heads)


def _long_span(child: Token) -> bool:
    word = child.lower_
    if word == "since" and child.dep_ in {"prep", "mark"}:
        return _names_long_span(child.subtree if child.dep_ == "prep" else child.head.subtree)
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in child.children):
        return _names_long_span(child.subtree)  # "killed in airstrikes since the ceasefire began"
    if word == "between" and child.dep_ == "prep":
        return _names_long_span(child.subtree) and any(t.dep_ == "cc" for t in child.subtree)
    if word in SPAN_PREPS and child.dep_ == "prep":
        return any(
            t.dep_ == "pobj" and t.lemma_.lower() in SPAN_NOUNS and any(m.lower_ in SPAN_MODIFIERS for m in t.children)
            for t in child.children
        )  # "over the past two years", "in recent months"
    return False


def _names_long_span(tokens: Iterable[Token]) -> bool:
    """A month, a year, or a period noun: not a weekday, "dawn" or "the attack"."""
    for t in tokens:
        if (t.lower_ in MONTH_NAMES and t.pos_ == "PROPN") or t.lemma_.lower() in SPAN_NOUNS or t.lower_ in SPAN_NOUNS:
            return True
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100:
            return True
    return False


def _modified(noun: Token) -> bool:
    """ "the second night", "the same day": a modifier that counts or compares."""
    return any(c.dep_ in {"amod", "nummod", "compound"} for c in noun.children)


def _definite(noun: Token) -> bool:
    """ "the crash", "this attack", "Friday's bombing": an event the reader already knows of."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in noun.children)
