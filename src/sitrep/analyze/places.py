"""Places: toponyms -> gazetteer entries, or governments when a place name stands for one.

Three small steps over the one parse:

1. *spot*: GPE/LOC/FAC entities (and the place inside a longer one: "the Marion
   County Assessor's"), countries and regions heading an organisation's name ("the
   Vermont National Guard", "the U.S. Army"), a dateline's place ("BRATTLEBORO —"),
   the names a plural kind noun closes ("Lamoille, Orange and Essex counties"),
   plus capitalised spans the small model mislabels (PERSON "Kherson", ORG
   "Bakhmut") or misses, when the gazetteer evidence is strong, a mere town is in
   a country the story is about ("Toyota" in a Texas story is a car) or a lesser
   one in a region it is about ("the Dahlonega Department of Public Safety" in a
   Georgia story), and nothing marks a person ("Mr", "coach", a multi-word PERSON
   elsewhere in the text sharing the word);
2. *resolve*: candidates by name and alias, chosen collectively for the
   document (see :mod:`sitrep.gazetteer.resolve`) with the local cues read
   here: the kind ("the city of X", "the region of X", "X Oblast", "X, one of
   the regions", "X and Y counties") and the container ("Paris, Tenn.");
3. *metonymy*: a country or national capital that is the subject of a speech
   or decision verb ("Moscow says"), the object of a verb that makes it act
   ("require Kiev to make"), or the possessor of a goal or demand ("Moscow's
   objectives") is role ``actor``, actor "Government of <Country>" ("Military Forces of
   <Country>" for "Russia's army"). Such places keep their coordinates, so a consumer
   that maps locations must filter on ``role == "location"``.

Seats of government ("the Kremlin") are emitted as role ``actor`` without
coordinates; abstractions with no place on a map ("the West") are skipped;
demonyms ("Russian forces") are never spotted as places. Spans someone else
marks as places (:func:`given_toponyms`: annotations, a user's selection) are
resolved too, a nationality word to its country ("Israeli" -> Israel,
"Ontarians" -> Ontario).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import Literal

from spacy.tokens import Doc, Span, Token

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.gazetteer import Gazetteer, load
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.resolve import Cue, Mention, prior, resolve
from sitrep.gazetteer.sources import ADMIN_TYPE_WORDS
from sitrep.model import Place

Precision = Literal["city", "admin2", "admin1", "region", "country"]

LOCATION_LABELS = frozenset({"GPE", "LOC"})
DATELINE = "DATELINE"  # the label of a dateline's place ("BRATTLEBORO — Town Meeting ...")
PLACE_LABELS = LOCATION_LABELS | {DATELINE}
REPAIRABLE_LABELS = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "PART", "HEAD", ""})

# Nouns that say what kind of place a nearby name is.
CITY_NOUNS = frozenset({"city", "town", "village", "capital", "port", "suburb", "settlement", "hamlet"})
ADMIN1_NOUNS = frozenset({"oblast", "province", "governorate", "state", "krai", "prefecture", "republic"})
ADMIN2_NOUNS = frozenset({"county", "parish", "district", "raion", "rayon", "borough", "municipality"})
# Minor civil divisions (US townships, New England towns) that GeoNames keeps apart from the
# town they are named after, and that the gazetteer lacks: the town stands in for them.
TOWNSHIP_WORDS = frozenset({"township", "twp", "town"})
ADMIN_NOUNS = frozenset({"region", "area", "territory"}) | ADMIN1_NOUNS | ADMIN2_NOUNS
LEADING_QUALIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "upstate", "downtown", "greater",
    "metropolitan", "metro", "rural", "suburban", "northeast", "northwest", "southeast", "southwest",
})
# Names that are not places on a map even though a gazetteer may hold a village so called.
NOT_ON_A_MAP = frozenset({
    "west", "the west", "east", "the east", "north", "the north", "south", "the south",
    "world", "the world", "earth", "international community", "heaven", "hell", "midwest",
})
# Seats of government, named for the government (or forces) that sit there.
SEATS_OF_GOVERNMENT: dict[str, tuple[str, str]] = {
    "kremlin": ("RU", "Government of {country}"),
    "white house": ("US", "Government of {country}"),
    "downing street": ("GB", "Government of {country}"),
    "elysee": ("FR", "Government of {country}"),
    "elysee palace": ("FR", "Government of {country}"),
    "zhongnanhai": ("CN", "Government of {country}"),
    "pentagon": ("US", "Military Forces of {country}"),
}
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "president", "minister", "king", "queen",
    "prince", "princess", "gen", "general", "col", "colonel", "capt", "captain", "sgt", "officer",
    "coach", "judge", "senator", "sen", "rep", "gov", "governor", "mayor", "rev", "father", "st",
})
# Verbs whose subject, when a country or capital, is its government.
SPEECH_DECISION_VERBS = frozenset({
    "say", "add", "announce", "demand", "want", "refuse", "agree", "confess", "admit", "claim",
    "deny", "insist", "warn", "state", "declare", "accuse", "reject", "accept", "urge", "propose",
    "threaten", "vow", "pledge", "promise", "respond", "reply", "condemn", "welcome", "decide",
    "order", "approve", "confirm", "ask", "request", "offer", "hope", "believe", "argue", "tell",
    "acknowledge", "recognize", "recognise", "protest", "complain", "suggest", "intend", "seek",
    "negotiate", "sanction", "expel", "summon", "recall", "veto", "ratify", "sign", "annex",
    "blame", "denounce", "dismiss", "report", "plan", "push", "press",
})
# Verbs that make their object act ("require Kiev to make", "pressure Kyiv to").
CAUSATIVE_VERBS = frozenset({
    "require", "force", "pressure", "push", "urge", "press", "ask", "compel", "persuade", "convince",
    "allow", "encourage", "call", "oblige", "get", "lead", "prompt", "invite", "tell",
})
# Nouns whose possessor, when a country or capital, is its government.
GOVERNMENT_NOUNS = frozenset({
    "objective", "goal", "demand", "position", "decision", "policy", "plan", "proposal", "offer",
    "stance", "claim", "refusal", "response", "strategy", "aim", "ambition", "condition", "ultimatum",
    "request", "warning", "statement", "announcement", "insistence", "approach", "intention",
    "government", "junta", "regime", "authorities", "administration", "leadership", "cabinet", "ministry",
})
# Words that make a multi-word name an institution's, so that a place name at its head is a place.
INSTITUTION_WORDS = frozenset({
    "university", "college", "school", "schools", "department", "council", "commission", "police",
    "court", "club", "center", "centre", "hospital", "county", "city", "state", "board", "office",
    "authority", "district", "chamber", "association", "library", "museum", "airport", "committee",
    "government", "administration", "assembly", "parliament", "legislature", "ministry", "agency",
    "fire", "sheriff", "times", "post", "herald", "tribune", "news", "daily",
    "society", "historical", "clinic", "branch", "utilities", "services", "bureau", "festival",
    "church", "foundation", "journal", "gazette", "chronicle", "courier", "mayor", "selectman",
    "alderman", "councilman", "manager", "chief", "station", "stadium", "reservoir", "depot",
})
# Nouns whose possessor, when a country or capital, is its armed forces ("Russia's army").
MILITARY_NOUNS = frozenset({"army", "military", "forces", "force", "troops", "navy", "soldiers", "artillery"})
# Capitalised words that head names of institutions or directions, not places ("University of X",
# "Interior Ministry", "Northeast Nebraska"), even where a gazetteer holds a town so called.
GENERIC_NAME_WORDS = INSTITUTION_WORDS | LEADING_QUALIFIERS | TITLES | frozenset({
    "interior", "federal", "national", "royal", "metro", "first", "new", "united", "union",
})
STRONG_CITY_POPULATION = 15_000
WORLD_CITY_POPULATION = 1_000_000  # a mislabelled name this big is a place wherever the story is
STRONG_ALIAS_POPULATION = 100_000
SUPPORTED_TOWN_POPULATION = 10_000
MAX_CANDIDATES = 60


@dataclass
class Toponym:
    """A span that names a place, with the key to look it up and its local cue."""

    start: int  # token indices into the doc
    end: int
    key: str
    candidates: tuple[Entry, ...]
    cue: Cue = "none"
    seat: tuple[str, str] | None = None
    within: tuple[Entry, ...] = ()  # readings of the region named after a comma ("Paris, Tenn.")
    container_start: int | None = None  # token where that region's name starts


# ---------------------------------------------------------------------------------------------------
# Spotting
# ---------------------------------------------------------------------------------------------------
def _strip_determiners(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def _lookup_span(span: Span, gazetteer: Gazetteer) -> tuple[Span, tuple[Entry, ...], Cue] | None:
    """Candidates for a span: as is, without a type word ("Donetsk region"), or a qualifier."""
    if not len(span):
        return None
    candidates = gazetteer.lookup(span.text)
    if candidates:
        return span, candidates, _suffix_cue(span)
    last = span[-1].lower_
    if len(span) > 1 and last.rstrip(".") == "co":  # "Platte Co.": the AP's abbreviation of County
        counties = tuple(e for e in gazetteer.lookup(f"{span[:-1].text} County") if e.kind == "admin2")
        if counties:
            return span, counties, "admin2"
    if len(span) > 1 and last in ADMIN_TYPE_WORDS:
        head = span[:-1]
        admin = tuple(e for e in gazetteer.lookup(head.text) if e.kind in ("admin1", "admin2", "region"))
        if admin:
            return span, admin, _noun_cue(last)
    if len(span) > 1 and last.rstrip(".") in TOWNSHIP_WORDS:  # "Hamilton Township", "Tewksbury Twp."
        towns = tuple(e for e in gazetteer.lookup(span[:-1].text) if e.kind == "city")
        if towns:
            return span, towns, "city"
    if len(span) > 2 and span[0].lower_ in TOWNSHIP_WORDS | CITY_NOUNS and span[1].lower_ == "of":
        towns = tuple(e for e in gazetteer.lookup(span[2:].text) if e.kind == "city")  # "the Town of Ashfield"
        if towns:
            return span, towns, "city"
    if len(span) > 1 and span[0].lower_ in LEADING_QUALIFIERS:
        return _lookup_span(span[1:], gazetteer)
    return None


def _with_type_word(span: Span) -> Span:
    """Take in a capitalised type word the entity left out: "Tangipahoa" + "Parish"."""
    doc = span.doc
    if len(span) and span.end < len(doc):
        after = doc[span.end]
        if after.is_title and after.lower_ in ADMIN_TYPE_WORDS:
            return doc[span.start:span.end + 1]
    return span


def _suffix_cue(span: Span) -> Cue:
    return _noun_cue(span[-1].lower_) if len(span) > 1 else "none"


def _noun_cue(word: str) -> Cue:
    if word in CITY_NOUNS:
        return "city"
    if word in ADMIN1_NOUNS:
        return "admin1"
    if word in ADMIN2_NOUNS:
        return "admin2"
    if word in ADMIN_NOUNS:
        return "admin"
    return "none"


def _person_words(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """Words that occur inside multi-word PERSON names ("Michael Jordan" -> "jordan"),
    except names that are a country or region's own name ("Sri Lanka" tagged PERSON) and
    institutions the model took for people ("Huntsville Fire [Chief]", "Rock Hill City [Manager]")."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or any(tok.lower_ in INSTITUTION_WORDS for tok in ent):
            continue
        name = _strip_determiners(ent)
        if any(e.by_name and e.kind in ("country", "admin1", "region") for e in gazetteer.lookup(name.text)):
            continue
        words.update(tok.lower_ for tok in ent)
    return words


def _strength(candidates: Sequence[Entry], key: str, dotted: bool = False) -> Literal["sure", "town"] | None:
    """"sure" for regions and big cities, "town" for a sizeable town that needs the story
    to be in its country ("Toyota" is a Japanese city, and a car in a Texas story)."""
    if not _strong(candidates, key, dotted):
        return None
    big = [e for e in candidates if e.kind != "city" or e.population >= WORLD_CITY_POPULATION]
    return "sure" if big and _strong(big, key, dotted) else "town"


def _strong(candidates: Sequence[Entry], key: str, dotted: bool = False) -> bool:
    """Is the gazetteer sure enough that a mislabelled or unlabelled span is a place?

    Short aliases are not enough ("Mass" is an AP abbreviation of Massachusetts
    and a church service), unless written as an abbreviation ("U.S.", "S.C.", "Tenn.").
    """
    for entry in candidates:
        if entry.kind in ("country", "admin1", "region") and (entry.by_name or len(key) >= 5 or dotted):
            return True
        if entry.kind == "admin2" and key.rsplit(" ", 1)[-1] in ADMIN_TYPE_WORDS:
            return True  # "Tangipahoa Parish", "Shelby County"
        if entry.kind == "city" and (
            (entry.by_name and entry.population >= STRONG_CITY_POPULATION)
            or (len(key) >= 4 and entry.population >= STRONG_ALIAS_POPULATION)
        ):
            return True
    return False


def _dotted(span: Span) -> bool:
    """Written as an abbreviation with full stops: "U.S.", "S.C.", "W. Va.", "Tenn."."""
    return span.text.endswith(".") and span.text[:1].isupper()


def _major(candidates: Sequence[Entry], span: Span) -> bool:
    """A country or first-level region by its own name (or abbreviation) at the head of an
    organisation's name is a place that the name is about ("the Vermont National Guard")."""
    return any(
        e.kind in ("country", "admin1", "region") and (e.by_name or _dotted(span))
        for e in candidates
    )


def _looks_like_person(span: Span, person_words: set[str], candidates: Sequence[Entry]) -> bool:
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in ADMIN_TYPE_WORDS:
        return False  # "Anderson County", "Lafayette Parish": named after a person, but a place
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
        return True
    if span.label_ == "PERSON" and len(span) > 1 and not any(e.by_name for e in candidates):
        return True
    if len(span) > 1 and any(e.kind in ("country", "region") and e.by_name for e in candidates):
        return False  # "Sri Lanka", though "Sri Lankan officials" was taken for a person
    return any(tok.lower_ in person_words for tok in span)


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and (token.is_title or (token.is_upper and len(token) > 2))


DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
MAX_DATELINE_TOKENS = 4


def _datelines(doc: Doc) -> Iterable[Span]:
    """The place of a dateline: a sentence that opens with a name in capitals, perhaps its
    region and an agency, then a dash ("BRATTLEBORO — Town Meeting", "BOISE, Idaho (AP) —").
    Taggers often read such words as common nouns; the dash says what they are."""
    for sent_start in (token.i for token in doc if token.is_sent_start):
        end = sent_start
        while (end < len(doc) and end - sent_start < MAX_DATELINE_TOKENS
               and doc[end].is_upper and any(ch.isalpha() for ch in doc[end].text)):
            end += 1
        if end == sent_start or not any(len(doc[i]) > 1 for i in range(sent_start, end)):
            continue
        after = end
        if after < len(doc) and doc[after].text == ",":  # "RENO, Nev."
            after += 1
            while after < min(len(doc), end + 4) and (doc[after].is_title or doc[after].text == "."):
                after += 1
        if after < len(doc) and doc[after].text == "(":  # "(AP)"
            close = next((i for i in range(after, min(len(doc), after + 6)) if doc[i].text == ")"), None)
            after = close + 1 if close is not None else after
        if after < len(doc) and doc[after].text in DATELINE_DASHES:
            span = doc[sent_start:end]
            span.label_ = DATELINE
            yield span


def _candidate_spans(doc: Doc) -> Iterable[Span]:
    """Datelines' places; entities; place names at the head of, or after "of" in, longer
    names ("Ohio State University", "Habitat Council of Greater Tucson"); then runs of
    capitalised proper nouns outside any entity."""
    yield from _datelines(doc)
    for ent in doc.ents:
        yield ent
        if len(ent) < 2:
            continue
        if ent.label_ in LOCATION_LABELS:  # "the Marion County Assessor's", "Fargo city": the place inside
            for sub in chain(_leading_names(ent), _name_parts(ent)):
                sub.label_ = ent.label_
                yield sub
            continue
        for sub in _name_parts(ent):
            sub.label_ = "PART"
            yield sub
        for sub in _leading_names(ent):
            sub.label_ = "HEAD"
            yield sub
    in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and token.i not in in_entity and _is_name_token(token):
            run.append(token)
            continue
        if run:
            span = doc[run[0].i:run[-1].i + 1]
            span.label_ = ""
            yield span
            run = []


def _generic(span: Span) -> bool:
    """One word that heads names of institutions or directions ("University", "Northeast")."""
    return len(span) == 1 and span[0].lower_ in GENERIC_NAME_WORDS


def _leading_names(ent: Span) -> Iterable[Span]:
    """The leading proper nouns of a longer name, longest first: "the U.S. Census",
    "the Vermont National Guard", "the Kenya Defence Forces" (kept only for major places)."""
    doc = ent.doc
    start = ent.start
    while start < ent.end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    end = start
    while end < ent.end and _is_name_token(doc[end]):
        end += 1
    for stop in range(min(end, start + 3), start, -1):
        if stop < ent.end and not _generic(doc[start:stop]):
            yield doc[start:stop]


def _name_parts(ent: Span) -> Iterable[Span]:
    """Place names inside an organisation's name: at its head when the rest names an
    institution ("Ohio State University", not "Paris Hilton"), or after "of" or "in"
    ("the Lutheran School in Lombard", a name the model ran on)."""
    doc = ent.doc
    institutional = any(tok.lower_ in INSTITUTION_WORDS for tok in ent)
    starts = [t.i + 1 for t in ent if t.lower_ in ("of", "in") and t.i + 1 < ent.end]
    if institutional:
        starts.insert(0, ent.start)
    for start in starts:
        while start < ent.end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        end = start
        while end < ent.end and _is_name_token(doc[end]):
            end += 1
        for stop in range(end, start, -1):
            if stop - start < len(ent) and not _generic(doc[start:stop]):
                yield doc[start:stop]


def spot(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms in reading order: sure ones first, then weak mislabelled names that the
    document's own geography supports ("Dahlonega" tagged ORG in a story set in Georgia)."""
    person_words = _person_words(doc, gazetteer)
    toponyms: list[Toponym] = []
    weak: list[Toponym] = []
    towns: list[Toponym] = []
    taken: set[int] = set()
    for raw in _candidate_spans(doc):
        label = raw.label_
        if label not in PLACE_LABELS and label not in REPAIRABLE_LABELS:
            continue
        span = _with_type_word(_strip_determiners(raw))
        if not len(span) or any(i in taken for i in range(span.start, span.end)):
            continue
        key = name_key(span.text)
        if key in NOT_ON_A_MAP:
            continue
        seat = SEATS_OF_GOVERNMENT.get(key)
        if seat is not None:
            toponyms.append(Toponym(span.start, span.end, key, (), seat=seat))
            taken.update(range(span.start, span.end))
            continue
        if label not in PLACE_LABELS and not span.text[:1].isupper():
            continue
        found = _lookup_span(span, gazetteer)
        if found is None:
            continue
        matched, candidates, cue = found
        key = name_key(matched.text)
        toponym = Toponym(matched.start, matched.end, key, candidates, cue)
        if label == "HEAD" and not _major(candidates, matched):
            continue
        if label == DATELINE and len(key) <= 4 and not _strong(candidates, key):
            continue  # "NATO —" opens a sentence as "ROME —" does; only a known place is a dateline
        if label not in PLACE_LABELS:
            if _looks_like_person(matched, person_words, candidates) or len(matched) > 3:
                continue
            strength = _strength(candidates, key, _dotted(matched))
            if strength is None:
                # A weak name is kept only where the story's geography supports it; inside an
                # organisation's name only at its head ("the Dahlonega Department of Public Safety"),
                # not after "of", where common nouns stand ("Chamber of Commerce", "Department of Justice").
                if len(key) >= 4 and not (label == "PART" and matched.start and doc[matched.start - 1].lower_ == "of"):
                    weak.append(toponym)
                continue
            if strength == "town" and len(matched) == 1:
                towns.append(toponym)
                continue
        elif label != DATELINE and _stands_for_person(matched, person_words, candidates):
            continue
        toponyms.append(toponym)
        taken.update(range(matched.start, matched.end))
    toponyms.extend(_listed_regions(doc, gazetteer, taken))
    toponyms.extend(_in_story_countries(towns, toponyms, taken))
    toponyms.extend(_supported([*weak, *towns], toponyms, taken))
    toponyms.sort(key=lambda t: t.start)
    _add_context_cues(doc, toponyms)
    link_containers(doc, toponyms, gazetteer)
    return toponyms


MAX_LISTED_REGIONS = 12
REGION_KINDS = frozenset({"admin1", "admin2", "region"})


def _listed_regions(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> Iterable[Toponym]:
    """The names in a list that a plural kind noun closes: "Lamoille, Orange, Essex and Caledonia
    counties", "the Donetsk and Luhansk regions". The noun says what they are, so a name the
    gazetteer knows only as a region's short form ("Caledonia" for Caledonia County) is enough."""
    for noun in doc:
        cue = _noun_cue(noun.lemma_.lower()) if noun.tag_ == "NNS" else "none"
        if cue not in ("admin", "admin1", "admin2"):
            continue
        end, listed = noun.i, 0
        while end > 0 and listed < MAX_LISTED_REGIONS:
            start = end
            while start > 0 and _is_name_token(doc[start - 1]):
                start -= 1
            if start == end:
                break
            names = doc[start:end]
            if not any(i in taken for i in range(start, end)):
                regions = tuple(e for e in gazetteer.lookup(names.text) if e.kind in REGION_KINDS)
                if regions:
                    taken.update(range(start, end))
                    yield Toponym(start, end, name_key(names.text), regions, cue)
            listed += 1
            end = start
            while end > 0 and doc[end - 1].lower_ in (",", "and", "or", "&"):
                end -= 1
            if end == start:
                break


def given_toponyms(doc: Doc, spans: Iterable[Span], gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms for spans that someone else says are places (annotations, a user's selection),
    in reading order with their context cues and containers, ready for :func:`resolve_toponyms`.

    A nationality word ("Israeli", "Sri Lankans") is never *spotted* as a place (it feeds
    actors), but asked what a given one refers to, the answer is its country.
    """
    toponyms = []
    for raw in spans:
        stripped = _strip_determiners(raw)
        span = stripped if len(stripped) else raw
        found = _lookup_span(span, gazetteer)
        matched, candidates, cue = found if found is not None else (span, (), "none")
        people_of = gazetteer.demonym(span.text) or gazetteer.demonym(span.text.removesuffix("s"))
        if people_of is not None and all(e.place_id != people_of.place_id for e in candidates):
            matched, candidates, cue = span, (people_of, *candidates), "country"
        key = name_key(matched.text)
        if not candidates:
            key, candidates = _named_for(span.text, gazetteer) or (key, ())
        toponyms.append(Toponym(matched.start, matched.end, key, candidates, cue))
    toponyms.sort(key=lambda t: t.start)
    _add_context_cues(doc, toponyms)
    link_containers(doc, toponyms, gazetteer)
    return toponyms


# English demonym endings and what they replace in the place's name, tried in order:
# Texans -> Texas, Minnesotans -> Minnesota, Ontarians -> Ontario, Ohioans -> Ohio,
# New Yorkers -> New York, Dagestani -> Dagestan, Richmondites -> Richmond, Hungarian -> Hungary.
DEMONYM_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ian", "ia"), ("ian", "io"), ("ian", "y"), ("an", "a"), ("an", "as"), ("an", ""), ("er", ""),
    ("ite", ""), ("i", ""), ("ese", ""), ("", "ia"), ("", "istan"),  # Abkhaz -> Abkhazia, Uzbek -> Uzbekistan
)
DEMONYM_KINDS = frozenset({"country", "admin1", "region", "city"})


def _named_for(text: str, gazetteer: Gazetteer) -> tuple[str, tuple[Entry, ...]] | None:
    """The name a people word not in the demonym table is formed from, with its readings
    ("Ontarians" -> Ontario): only for words that end like a demonym and names that some
    place bears as its own (or a region as an alias: "Dagestan, Respublika"). The word is
    then one more mention of that name, so "London" and "Londoners" keep one sense."""
    word = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    for ending, replacement in DEMONYM_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        name = word[: len(word) - len(ending)] + replacement
        found = gazetteer.lookup(name)
        if any(e.kind in DEMONYM_KINDS and (e.by_name or e.kind != "city") for e in found):
            return name_key(name), found
    return None


def _story_countries(sure: Sequence[Toponym]) -> set[str]:
    return {
        best.country for best in (max(t.candidates, key=prior) for t in sure if t.candidates) if best.country
    }


def _in_story_countries(towns: list[Toponym], sure: list[Toponym], taken: set[int]) -> Iterable[Toponym]:
    """Mislabelled one-word names of sizeable towns, kept when the story is in the town's
    country (or names no country at all): "Bakhmut" tagged ORG in a story about Ukraine."""
    countries = _story_countries(sure)
    for toponym in towns:
        if any(i in taken for i in range(toponym.start, toponym.end)):
            continue
        if not countries or any(
            e.kind == "city" and e.country in countries and e.population >= STRONG_CITY_POPULATION
            for e in toponym.candidates
        ):
            taken.update(range(toponym.start, toponym.end))
            yield toponym


def _stands_for_person(span: Span, person_words: set[str], candidates: Sequence[Entry]) -> bool:
    """A one-word GPE that is a person's name here: after a title ("coach Hartwell"), or a
    word of a person's name in the story ("Brian Fairfield ... Fairfield declined"),
    unless it is a country, region or national capital."""
    if len(span) != 1 or any(e.kind != "city" or e.capital_of for e in candidates):
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
        return True
    return span[0].lower_ in person_words


def _supported(weak: list[Toponym], sure: list[Toponym], taken: set[int]) -> Iterable[Toponym]:
    """Weak names with a town of that name where the sure toponyms are: in one of their
    first-level regions, or a sizeable town in one of their countries."""
    regions: set[str] = set()
    countries: set[str] = set()
    for toponym in sure:
        if toponym.candidates:
            best = max(toponym.candidates, key=prior)
            if best.kind != "country" and best.admin1_code:
                regions.add(best.admin1_code)
            if best.country:
                countries.add(best.country)
    for toponym in weak:
        if any(i in taken for i in range(toponym.start, toponym.end)):
            continue
        local = tuple(
            e for e in toponym.candidates
            if e.kind == "city" and (
                (e.by_name and e.admin1_code in regions)
                or (e.country in countries and e.population >= SUPPORTED_TOWN_POPULATION)
            )
        )
        if local:
            taken.update(range(toponym.start, toponym.end))
            yield Toponym(toponym.start, toponym.end, toponym.key, local, toponym.cue)


# ---------------------------------------------------------------------------------------------------
# Context cues
# ---------------------------------------------------------------------------------------------------
def _cue_before(doc: Doc, start: int) -> Cue:
    """"the city of X", "the eastern region of X", "regions - along with X"."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        cue = _noun_cue(doc[start - 2].lemma_.lower())
        if cue != "none":
            return cue
    for i in range(start - 1, max(0, start - 5) - 1, -1):
        token = doc[i]
        if token.pos_ == "PROPN" or token.text in (".", ";", ":", "!", "?") or "\n" in token.text:
            break
        cue = _noun_cue(token.lemma_.lower())
        if cue != "none" and token.tag_ == "NNS":  # a list's head: "regions - along with X"
            return cue
    return "none"


def _cue_after(doc: Doc, end: int) -> Cue:
    """"X region" outside the entity, or an apposition "X, one of the four regions".

    A type word inside a longer name is the institution's, not the place's kind:
    "the Salem State Conservatory", "the Bristol District Rowing Club".
    """
    if end < len(doc) and not (end + 1 < len(doc) and doc[end].is_title and _is_name_token(doc[end + 1])):
        cue = _noun_cue(doc[end].lower_)
        if cue == "none" and doc[end].tag_ == "NNS":  # "Butler and Warren counties"
            cue = _noun_cue(doc[end].lemma_.lower())
        if cue != "none":
            return cue
    if end < len(doc) and doc[end].text == ",":
        sent_end = doc[end].sent.end
        for i in range(end + 1, min(sent_end, end + 9)):
            token = doc[i]
            if token.text in (",", ";", ".", ":") or token.pos_ in ("VERB", "AUX", "PROPN"):
                break
            cue = _noun_cue(token.lemma_.lower())
            if cue != "none" and token.pos_ == "NOUN":
                return cue
    return "none"


# The kinds of entry that answer each cue: a cue no candidate answers to says nothing about the
# name ("Columbia State" is a college: there is no state called Columbia).
CUE_KINDS: dict[Cue, frozenset[str]] = {
    "city": frozenset({"city"}),
    "admin1": frozenset({"admin1", "region"}),
    "admin2": frozenset({"admin2"}),
    "admin": frozenset({"admin1", "admin2", "region"}),
    "country": frozenset({"country"}),
    "none": frozenset(),
}


def _answered(toponym: Toponym, cue: Cue) -> Cue:
    return cue if any(e.kind in CUE_KINDS[cue] for e in toponym.candidates) else "none"


def _add_context_cues(doc: Doc, toponyms: list[Toponym]) -> None:
    for toponym in toponyms:
        if toponym.cue == "none":
            toponym.cue = _answered(toponym, _cue_before(doc, toponym.start))
        if toponym.cue == "none":
            toponym.cue = _answered(toponym, _cue_after(doc, toponym.end))
    # Members of one list of regions share the kind: "the regions of Luhansk, Kherson, and Zaporizhzhia".
    # (Only region cues spread: "Alexandria, Va." is a town and its state, not a list of towns; and not
    # a kind the name itself carries: "Lebanon and Wilson County" is a town and a county.)
    for previous, current in [*pairwise(toponyms), *((b, a) for a, b in reversed(list(pairwise(toponyms))))]:
        if current.cue != "none" or previous.cue not in ("admin", "admin1", "admin2"):
            continue
        if doc[previous.end - 1].lower_ in ADMIN_TYPE_WORDS:
            continue
        first, last = sorted((previous, current), key=lambda t: t.start)
        between = doc[first.end:last.start]
        if 0 < len(between) <= 2 and all(t.text == "," or t.lower_ in ("and", "or") for t in between):
            current.cue = previous.cue


MAX_CONTAINER_TOKENS = 3
CONTAINER_KINDS = frozenset({"country", "admin1"})


def _container_name(span: Span) -> bool:
    return all(tok.is_title or tok.is_upper or (tok.text.endswith(".") and tok.text[:1].isupper()) for tok in span)


def _container_after(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[int, tuple[Entry, ...]] | None:
    """The region named right after a comma: "Paris, Tenn.", "Athens, Greece", "Hammond, Tangipahoa Parish"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    room = 0  # tokens up to the end of the sentence (Token.sent would scan the whole sentence)
    while room < MAX_CONTAINER_TOKENS and end + 1 + room < len(doc) and not doc[end + 1 + room].is_sent_start:
        room += 1
    for size in range(room, 0, -1):
        span = doc[end + 1:end + 1 + size]
        if not _container_name(span):
            continue
        typed = span[-1].lower_ in ADMIN_TYPE_WORDS
        regions = tuple(
            e for e in gazetteer.lookup(span.text)
            if e.kind in CONTAINER_KINDS or (typed and e.kind == "admin2")
        )
        if regions:
            return span.start, regions
    return None


def link_containers(doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> None:
    """Note the region a toponym is said to lie in: "City, ST", "City, State", "City, Country"."""
    for toponym in toponyms:
        if toponym.seat is not None or not toponym.candidates:
            continue
        found = _container_after(doc, toponym.end, gazetteer)
        if found is not None:
            toponym.container_start, toponym.within = found


# ---------------------------------------------------------------------------------------------------
# Metonymy
# ---------------------------------------------------------------------------------------------------
def _has_infinitive(token: Token) -> bool:
    return any(child.dep_ in ("xcomp", "ccomp", "acl", "advcl") for child in token.children)


def _metonymic_role(doc: Doc, toponym: Toponym) -> str | None:
    """"Government" or "Military Forces" when the name stands for a state's institutions, else None."""
    root = doc[toponym.start:toponym.end].root
    while root.dep_ == "conj" and root.head is not root:  # "Paris and Berlin announced"
        root = root.head
    head = root.head
    lemma = head.lemma_.lower()
    if root.dep_ in ("nsubj", "nsubjpass") and lemma in SPEECH_DECISION_VERBS:
        return "Government"
    if root.dep_ == "dobj" and lemma in CAUSATIVE_VERBS and _has_infinitive(head):
        return "Government"  # "require Kiev to make"
    pressed = root.dep_ == "pobj" and lemma in ("on", "upon")
    if pressed and head.head.lemma_.lower() in CAUSATIVE_VERBS | {"pressure"} and (
        _has_infinitive(head.head) or _has_infinitive(head.head.head)
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


# ---------------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------------
def resolve_toponyms(doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> list[Place]:
    """Resolve spotted (or given) toponyms to places, then read metonymy."""
    index_at = {t.start: i for i, t in enumerate(toponyms)}
    mentions = [
        Mention(
            t.key, _shortlist(t.candidates), t.cue, within=t.within,
            container=index_at.get(t.container_start) if t.container_start is not None else None,
        )
        for t in toponyms
    ]
    choices = resolve(mentions)
    places: list[Place] = []
    for toponym, mention, choice in zip(toponyms, mentions, choices, strict=True):
        span = doc[toponym.start:toponym.end]
        if toponym.seat is not None:
            iso, pattern = toponym.seat
            country = gazetteer.country(iso)
            if country is not None:
                seat_actor = pattern.format(country=country.name)
                places.append(Place(
                    start=span.start_char, end=span.end_char, text=span.text, name=span.text,
                    place_id=None, country=iso, role="actor", actor=seat_actor, confidence=0.9,
                ))
            continue
        if choice is None or not mention.candidates:
            continue
        entry = choice.entry
        institution = _metonymic_role(doc, toponym)
        actor = government_of(entry, gazetteer, institution) if institution else None
        places.append(Place(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            name=entry.name,
            geonameid=entry.geonameid,
            place_id=entry.place_id,
            lat=round(entry.lat, 5),
            lon=round(entry.lon, 5),
            country=entry.country,
            admin1=entry.admin1 if entry.kind != "country" else None,
            precision=PRECISION[entry.kind],
            role="actor" if actor else "location",
            actor=actor,
            confidence=choice.confidence,
        ))
    return places


PRECISION: dict[str, Precision] = {
    "country": "country", "admin1": "admin1", "admin2": "admin2", "city": "city", "region": "region",
}


def _shortlist(candidates: Sequence[Entry]) -> tuple[Entry, ...]:
    """The candidates worth scoring: all regions and the most populous places."""
    if len(candidates) <= MAX_CANDIDATES:
        return tuple(candidates)
    big = [e for e in candidates if e.kind != "city"][:MAX_CANDIDATES // 2]
    cities = [e for e in candidates if e.kind == "city"][:MAX_CANDIDATES - len(big)]
    return tuple(big + cities)


def make_places_fn(gazetteer: Gazetteer) -> Callable[[Context], list[Place]]:
    def places(ctx: Context) -> list[Place]:
        return resolve_toponyms(ctx.doc, spot(ctx.doc, gazetteer), gazetteer)

    return places


@stage("places")
def make_places(config: StageConfig) -> StageFn:
    """Open the gazetteer once per process (building it first if it is missing or corrupt)."""
    gazetteer = config.options.get("gazetteer") or load()
    return make_places_fn(gazetteer)
