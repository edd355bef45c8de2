"""Clause structure shared by the events and control stages: clause heads, arguments, modality.

Everything here reads the one spaCy parse. A *clause head* is the verb (or the sentence root)
that a word belongs to; the *path* of a word is its chain of heads up to the point where the
reported content ends (the reporting verb of an attribution, a relative clause, the root).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from sitrep.model import Modality

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp", "pcomp", "acl", "csubj", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
# Words that make what they govern not (yet) a fact.
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can", "must", "ought"})
PLANNED_AUX = frozenset({"will", "shall", "'ll"})
# "We have to increase the bombings", "the army needs to step up its strikes": an obligation in the present
# tense is not a deed ("troops had to retreat" in the past tells that they did).
OBLIGING_LEMMAS = frozenset({"have", "need"})  # in a present tense: PRESENT_TAGS
# fmt: off
PLANNED_LEMMAS = frozenset({
    "plan", "aim", "intend", "threaten", "prepare", "seek", "want", "vow", "promise", "pledge", "goal",
    "willing", "ready", "prepared", "eager", "unwilling", "reluctant",
    "objective", "ambition", "intention", "attempt", "try", "order", "call", "urge", "demand", "expect",
    "plot", "scheme", "conspiracy", "conspire", "foil", "thwart", "avert", "resolve", "decide",
})
# fmt: on
ATTEMPT_LEMMAS = frozenset({"attempt", "try"})
# What a crowd does by demonstrating when it is the one who says it: "protesters demanded his resignation".
DEMANDING = frozenset({"demand", "call", "urge", "press", "insist", "seek", "ask", "appeal", "chant", "plead"})
# "is to visit", "is scheduled to meet", "set to sign", "due to withdraw", "slated to leave", "poised to take".
SCHEDULING_HEADS = frozenset({"be", "schedule", "set", "due", "slate", "poise"})
FORECASTING = frozenset({"predict", "forecast", "foresee", "anticipate"})
HYPOTHETICAL_LEMMAS = FORECASTING | {"possible", "possibility", "likely", "risk", "chance", "scenario", "fear", "warn"}
# "a possible war", "the planned offensive": the event word's own modifier says it has not happened.
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "likely", "imminent", "future", "hypothetical"})
PLANNED_MODIFIERS = frozenset({"planned", "proposed", "expected", "upcoming", "prospective", "intended"})
# Measures in force once ordered: "ordered a curfew" (but "ordered troops to attack" is planned).
DECREED_MEASURES = frozenset(
    {"ceasefire", "truce", "curfew", "lockdown", "evacuation", "blockade", "closure", "patrol", "deployment"}
)
DENIAL_LEMMAS = frozenset({"deny", "reject", "refute", "dismiss", "disprove", "refuse", "decline"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# "They vowed revenge after the shelling of the port": what follows these is taken as given.
PRESUPPOSING = frozenset({"after", "following", "since", "amid", "despite", "during", "because"})
# "When a citizen is arrested abroad, the embassy is told": a rule about any time, not one event.
GENERIC_MARKS = frozenset({"when", "whenever", "once"})
# Prepositions that name an activity with an "-ing" verb: "learn about fighting" (but "accused of shelling the
# town", "arrested for attacking police" tell a deed).
ACTIVITY_PREPS = frozenset({"about"})
# "Anyone who quarrels with a neighbour", "whoever attacks a journalist": anybody at all, not one doer.
FREE_CHOICE = frozenset({"anybody", "anyone", "whoever", "whomever"})
# "until the truce ends", "before the offensive begins": in the present tense, not yet happened.
FUTURE_MARKS = frozenset({"until", "till", "before"})
# "Militants sometimes throw grenades at cars": a habit, not one event (in the simple present).
HABITUAL_ADVERBS = frozenset(
    {
        "sometimes",
        "often",
        "usually",
        "frequently",
        "regularly",
        "routinely",
        "typically",
        "always",
        "occasionally",
        "generally",
        "rarely",
        "seldom",
    }
)
# "No group has claimed it", "nobody was hurt": the subject or object denies the event.
NEGATIVE_ARGUMENTS = frozenset({"nobody", "nothing", "none", "noone"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", ")"})


# "despite continued shelling", "amid heavy fighting", "in spite of the truce", "ahead of the rally": the
# circumstances of a clause, told beside its news. They are read as a clause of their own, so they do not
# type the news.
CIRCUMSTANCE_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding"})
CIRCUMSTANCE_OF = frozenset({"spite", "ahead"})  # "in spite of", "ahead of"


def is_clause_head(token: Token) -> bool:
    if token.dep_ in CLAUSE_DEPS and (token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT"):
        return True
    return is_circumstance(token)


def in_circumstance(token: Token) -> bool:
    """``token`` is told inside a circumstance phrase, however the parser hung it there ("despite
    continued government *shelling*", parsed as a clause on "government")."""
    return any(is_circumstance(node) for node in path(token))


def is_circumstance(token: Token) -> bool:
    """The object of a circumstance phrase ("despite continued *shelling*", "in spite of the *truce*",
    "ahead of the *rally*")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in CIRCUMSTANCE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in CIRCUMSTANCE_OF)


def clause_head(token: Token) -> Token:
    """The nearest clause head at or above ``token``."""
    node = token
    while not is_clause_head(node) and node.head.i != node.i:
        node = node.head
    return node


def path(token: Token, stop: Iterable[Token] = ()) -> Iterator[Token]:
    """``token`` and its heads, up to (not including) a token in ``stop`` or past the sentence root."""
    stops = {t.i for t in stop}
    node = token
    while node.i not in stops:
        yield node
        if node.head.i == node.i:
            return
        node = node.head


def modality(trigger: Token, stop: Iterable[Token] = (), attempt_is_deed: bool = False) -> Modality:
    """Asserted unless a conditional, a modal, a negation or a plan governs ``trigger``.

    The walk stops at the reporting verb (``stop``: what a source *says* is asserted by the
    source) and after a relative clause or a root, which are asserted on their own. A question
    asserts nothing ("What did one volcano say to the other?"). With ``attempt_is_deed``, an attempt
    happened ("gunmen tried to kill the mayor" is an attack, as ACLED codes it; a town "they tried to take"
    was not taken).
    """
    if _asks(trigger):
        return "hypothetical"
    stops = list(stop)
    cue = _reporting_cue(trigger, stops)
    # who demands did something ("protesters demanded his resignation"); what is demanded is only wanted
    demander = cue is not None and trigger.dep_ == "nsubj" and trigger.head.i == cue.i
    demander = demander and cue is not None and cue.lemma_.lower() in DEMANDING  # "protesters plan to march": not yet
    if cue is not None and not demander and cue.lemma_.lower() in PLANNED_LEMMAS:
        return "planned"  # "X threatened to impose a curfew", "Y demanded a truce": wanted, not done
    if cue is not None and (cue.lemma_.lower() in FORECASTING or _warned_of(trigger, cue)):
        return "hypothetical"  # "forecasters predicted a storm": not yet ("warned that it had flooded" had)
    if cue is not None and cue.lemma_.lower() in DENIAL_LEMMAS:
        return "denied"  # "the army denied that its troops had shelled the village": its source denies it
    if _purpose(trigger) or _called_off(trigger):
        return "planned"
    if done_without(trigger):
        return "denied"
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.head.pos_ in {"NOUN", "PROPN"}:
        return "hypothetical"  # "cooperation in fighting the group", "experience in combating piracy": no one deed
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in ACTIVITY_PREPS:
        return "hypothetical"  # "a course to learn about combating piracy": an activity, no deed
    previous: Token | None = None
    for node in path(trigger, stops):
        # "the army did not comment and continued to shell the town": the first verb's negation and modal
        # are its own (its "if" or "when" still covers both)
        sibling = previous is not None and _a_clause_of_its_own(previous)
        previous = node
        children = [c for c in node.children if not (sibling and c.dep_ in {"neg", "aux", "auxpass"})]
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in children):
            return "hypothetical"
        if _generic(node, children) or (node.i == trigger.i and _done_to_a_kind(node, children)):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in children):
            return "hypothetical"
        if _obliged(node, children):
            return "hypothetical"
        if _scheduled(node, children):
            return "planned"
        if node.lemma_.lower() in DENIAL_LEMMAS and node.i != trigger.i:
            return "denied"
        if any(c.dep_ == "neg" and c.lower_ in NEGATIONS for c in children) and node.pos_ in {"VERB", "AUX"}:
            return "denied"
        if node.i == trigger.i and any(_negative_argument(c) for c in children):
            return "denied"  # "no group has claimed it"; not "no one was hurt when rebels shelled the town"
        if node.i == trigger.i and any(c.dep_ == "det" and c.lower_ == "no" for c in children):
            return "denied"  # "no attack was reported"
        if node.i == trigger.i and any(c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS for c in children):
            return "hypothetical"  # "a possible war against Iraq"
        if node.i == trigger.i and any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in children):
            return "planned"  # "the planned offensive"
        attempted = attempt_is_deed and node.lemma_.lower() in ATTEMPT_LEMMAS
        if (
            node.i != trigger.i
            and node.lemma_.lower() in PLANNED_LEMMAS
            and not _decreed(trigger, node)
            and not attempted
        ):
            return "planned"
        if node.i != trigger.i and node.lemma_.lower() in HYPOTHETICAL_LEMMAS:
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in PLANNED_AUX for c in children):
            return "planned"
        if any(c.dep_ == "aux" and c.lower_ == "going" for c in children):
            return "planned"
        if node.tag_ == "VBG" and node.dep_ == "csubj":  # "capturing Bakhmut is essential": no capture yet
            return "hypothetical"
        if node.dep_ in {"relcl", "ROOT"} or _presupposes(node):
            break
    return "asserted"


def _a_clause_of_its_own(conjunct: Token) -> bool:
    """A verb joined by "and" that carries its own tense, auxiliary or subject ("... and continued to shell",
    "... and are continuing"), so what negates or qualifies the first verb does not reach it ("did not
    attack and kill" shares its "did not")."""
    if conjunct.dep_ != "conj" or conjunct.pos_ not in {"VERB", "AUX"}:
        return False
    own = any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in conjunct.children)
    return own or conjunct.tag_ in {"VBD", "VBZ", "VBP"}


def _warned_of(trigger: Token, cue: Token) -> bool:
    """ "officials warned of flooding", "fears about renewed fighting": what is warned of is to come."""
    head = trigger.head
    return (
        trigger.dep_ == "pobj"
        and head.lower_ in {"of", "about"}
        and head.head.i == cue.i
        and cue.lemma_.lower() in {"warn", "fear"}
    )


def done_without(word: Token) -> bool:
    """The event word is what something was done without: "handed over the town without a fight"."""
    return word.dep_ == "pobj" and word.head.lower_ == "without"


# "the offensive was postponed", "they called off the march": what was called off did not happen (yet).
CALLED_OFF = frozenset({"postpone", "delay", "cancel", "scrap", "shelve", "defer"})


def _called_off(trigger: Token) -> bool:
    node = trigger
    while node.dep_ == "compound" and node.head.i != node.i:  # "the rocket launch was postponed"
        node = node.head
    verb = node.head
    called_off = verb.lemma_.lower() in CALLED_OFF or (
        verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )
    return node.dep_ in {"dobj", "nsubjpass"} and called_off


def _obliged(node: Token, children: list[Token]) -> bool:
    """ "(we) have to increase", "needs to step up": what someone must do now, not what was done."""
    head = node.head
    return (
        node.dep_ == "xcomp"
        and head.lemma_.lower() in OBLIGING_LEMMAS
        and head.tag_ in PRESENT_TAGS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    )


def _scheduled(node: Token, children: list[Token]) -> bool:
    """ "is to visit", "is scheduled to meet", "are set to sign", "is due to withdraw": arranged, not yet done
    ("was due to the shelling" is a cause, not an infinitive)."""
    return (
        node.dep_ == "xcomp"
        and node.tag_ == "VB"
        and node.head.lemma_.lower() in SCHEDULING_HEADS
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children)
    )


def _decreed(trigger: Token, verb: Token) -> bool:
    """ "ordered a ceasefire", "ordered a curfew": a measure that is in force once ordered."""
    return (
        verb.lemma_.lower() == "order"
        and trigger.dep_ == "dobj"
        and trigger.head.i == verb.i
        and (trigger.lemma_.lower() in DECREED_MEASURES)
    )


VOICED_PURPOSES = frozenset({"protest", "demonstrate", "rally", "march", "demand", "denounce", "condemn", "mourn"})


def _purpose(trigger: Token) -> bool:
    """ "moved south to attack the town", "an operation to combat illegal mining": an infinitive of
    purpose says what was meant to happen, not what did ("began to fight" is an ``xcomp``: it did).
    A crowd that "turned out to protest" did protest: voicing is done by turning out."""
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in HELPING:
        return _purpose(trigger.head)  # "volunteers left for the front to help defend the town"
    if trigger.tag_ != "VB" or trigger.dep_ not in {"advcl", "acl"} or trigger.lemma_.lower() in VOICED_PURPOSES:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children)


HELPING = frozenset({"help", "assist"})


def _reporting_cue(trigger: Token, stops: list[Token]) -> Token | None:
    """The reporting verb (one of ``stops``) whose content holds ``trigger``, if any."""
    indices = {t.i for t in stops}
    for node in path(trigger):
        if node.i in indices and node.i != trigger.i:
            return node
        if _presupposes(node):
            return None
    return None


def _presupposes(node: Token) -> bool:
    """``node`` opens a phrase whose content is given: "after the raid", "since rebels took it"."""
    if node.dep_ == "prep" and node.lower_ in PRESUPPOSING:
        return True
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PRESUPPOSING for c in node.children)


def _asks(trigger: Token) -> bool:
    """The trigger's sentence is a question: it ends with a question mark."""
    last = _last_word(trigger.sent)
    return last is not None and last.text.endswith("?")


def _last_word(sentence: Span) -> Token | None:
    """The sentence's last token past closing quotes and brackets: where its full stop would be."""
    return next((t for t in reversed(sentence) if not t.is_space and t.text not in CLOSING_QUOTES), None)


def _generic(verb: Token, children: list[Token]) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in children) and not _dated(children):
        return True  # "soldiers routinely beat up detainees": a habit in any tense, unless dated ("last week")
    marked = any(c.dep_ in {"mark", "advmod"} and c.lower_ in GENERIC_MARKS for c in children)
    anybody = _free_choice_subject(verb, children)
    habitual = _every(children) or _how_often(children)
    return (marked or anybody or _not_yet(verb, children) or habitual) and _present(verb, children)


def _done_to_a_kind(verb: Token, children: list[Token]) -> bool:
    """ "the regime kills journalists and opponents": a present verb done to a kind of people (a bare plural),
    told nowhere and at no time, is what someone does, not one event. A headline ("Troops kill militants",
    no full stop) tells news in the present."""
    objects = [c for c in children if c.dep_ == "dobj"]
    simple_present = verb.tag_ in PRESENT_TAGS and not any(c.dep_ in {"aux", "auxpass"} for c in children)
    if not objects or not simple_present or _headline(verb.sent) or _dated(children):
        return False
    if any(t.ent_type_ in {"GPE", "LOC", "FAC"} for c in children for t in c.subtree):
        return False
    return all(_bare_plural(o) for o in objects)


def _headline(sentence: Span) -> bool:
    """A line with no full stop, question or exclamation mark at its end."""
    last = _last_word(sentence)
    return last is None or last.text[-1:] not in {".", "!", "?"}


def _bare_plural(noun: Token) -> bool:
    """A plural noun with no article, number or owner: "journalists", "civilians", not "the five civilians"."""
    if noun.tag_ != "NNS":
        return False
    return not any(c.dep_ in {"det", "nummod", "poss", "predet"} or c.like_num for c in noun.children)


def _free_choice_subject(verb: Token, children: list[Token]) -> bool:
    """The doer is anybody at all: "anyone who quarrels with a neighbour", "whoever attacks them"."""
    for subject in (c for c in children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.lower_ in FREE_CHOICE:
            return True
        if verb.dep_ == "relcl" and subject.tag_ in {"WP", "WDT"} and verb.head.lower_ in FREE_CHOICE:
            return True
    return False


def _dated(children: list[Token]) -> bool:
    """The clause names its time ("often shelled the town last week"): repeated deeds of one period."""
    return any(t.ent_type_ in {"DATE", "TIME"} for c in children for t in c.subtree)


def _every(children: list[Token]) -> bool:
    """ "demonstrators picket every convention": done to each of a kind, a habit, not one event."""
    objects = [c for c in children if c.dep_ == "dobj"]
    objects += [o for c in children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(d.dep_ == "det" and d.lower_ in {"every", "each"} for o in objects for d in o.children)


PERIODS = frozenset({"year", "month", "week", "day", "night", "season", "weekend"})
HOW_OFTEN_ADVERBS = frozenset({"annually", "yearly", "monthly", "weekly", "daily", "nightly"})


def _how_often(children: list[Token]) -> bool:
    """ "about 54 crashes on that road each year", "two crashes per week", "it floods annually": a rate, not
    one event (in the present tense)."""
    objects = [o for c in children if c.dep_ in {"dobj", "nsubj", "attr"} for o in c.children]  # "crashes per week"
    for child in [*children, *objects]:
        if child.dep_ == "advmod" and child.lower_ in HOW_OFTEN_ADVERBS:
            return True
        period = child.dep_ == "npadvmod" and child.lemma_.lower() in PERIODS
        if period and any(d.dep_ == "det" and d.lower_ in {"each", "every", "a", "an", "per"} for d in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "per":
            return any(o.lemma_.lower() in PERIODS for o in child.children)
    return False


def _not_yet(verb: Token, children: list[Token]) -> bool:
    """ "until the fighting ends", "before the offensive starts", "as soon as the battle begins":
    a time clause in the present tells of what has not happened yet ("as fighting raged" did)."""
    if verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in children if c.dep_ == "mark"}
    return bool(marks & FUTURE_MARKS) or ("as" in marks and verb.head.lower_ == "soon")


def _negative_argument(child: Token) -> bool:
    """A subject or object that is nobody: "no group", "no one", "nobody", "none of them"."""
    if child.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    if child.lower_ in NEGATIVE_ARGUMENTS:
        return True
    return any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)


def _present(verb: Token, children: list[Token]) -> bool:
    """The verb group is in the simple present ("is arrested", "attack"), not past or perfect."""
    auxiliaries = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    tags = {verb.tag_} if not auxiliaries else {a.tag_ for a in auxiliaries}
    return bool(tags & PRESENT_TAGS) and not any(a.lemma_ == "have" for a in auxiliaries)


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Russia, which launched")."""
    if token.lower_ in RELATIVE_PRONOUNS:
        node = token.head
        while node.dep_ != "relcl" and node.head.i != node.i:
            node = node.head
        if node.dep_ == "relcl":
            return node.head
    return token


def subject(head: Token, stop: Iterable[Token] = ()) -> Token | None:
    """The subject of a clause, climbing to the governing clause when it is left implicit.

    "Enemy forces had success in their actions aimed at storming the city": the storming's
    subject is the forces. The climb stops at a reporting verb, whose subject is the source —
    except for its infinitive, whose doer it also is: "the YPG claimed to have captured the village".
    """
    stops = {t.i for t in stop}
    for node in path(head, stop):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return antecedent(child)
        if node.dep_ == "relcl":
            return node.head
        if node.head.i in stops:
            if node.dep_ == "xcomp":
                controller = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                return antecedent(controller) if controller is not None else None
            return None
    return None


def phrase(token: Token) -> list[Token]:
    """The noun phrase a token heads: its pre-modifiers and an ``of`` complement."""
    tokens = [t for t in token.doc[token.left_edge.i : token.i + 1]]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            tokens += list(child.subtree)
    return tokens


NEAR_WORDS = 12  # words either side of a cue that count as said close by


def near(token: Token, words: int = NEAR_WORDS) -> Span:
    """The words either side of ``token`` within its sentence. A window, not the sentence: a pathological
    "sentence" may be 100,000 words long, and a check per cue over all of it would be quadratic."""
    sentence = token.sent
    return token.doc[max(sentence.start, token.i - words) : min(sentence.end, token.i + words + 1)]


def doers_of(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it hangs from when the doer is told once for several acts:
    "carrying signs, residents lined the street", "chained themselves together before occupying the lobby"."""
    node, found = verb, [c for c in verb.children if c.dep_ == "nsubj"]
    while not found and node.dep_ in {"pcomp", "advcl", "conj", "xcomp"} and node.head.i != node.i:
        node = node.head.head if node.dep_ == "pcomp" else node.head  # "before occupying": from the preposition
        found = [c for c in node.children if c.dep_ == "nsubj"]
    return found


def subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, shared along conjoined verbs ("stood at 200,000 and has since exploded")."""
    node = verb
    for _ in range(3):
        found = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if found or node.dep_ != "conj":
            return found
        node = node.head
    return []
