"""Spotting: the spans of a parse that name places, in reading order.

GPE/LOC/FAC entities (and the place inside a longer one: "the Marion County Assessor's"),
countries and regions heading an organisation's name ("the Vermont National Guard", "the U.S.
Army"), a dateline's place ("BRATTLEBORO —"), the names a plural kind noun closes ("Lamoille,
Orange and Essex counties"), plus capitalised spans the small model mislabels or misses when
the evidence says they are places (:mod:`~sitrep.geoparse.evidence`). Seats of government
("the Kremlin") are spotted with the government they stand for; abstractions with no place on
a map ("the West") are skipped; demonyms ("Russian forces") are never spotted as places.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from spacy.tokens import Doc, Span, Token

from sitrep.actors.seats import seats_of_government
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.sources import ADMIN_TYPE_WORDS
from sitrep.geoparse.containers import link_containers
from sitrep.geoparse.cues import CITY_NOUNS, add_context_cues, noun_cue, suffix_cue
from sitrep.geoparse.evidence import (
    TITLES,
    in_story_countries,
    is_dotted,
    is_major,
    is_strong,
    looks_like_person,
    stands_for_person,
    strength_of,
    supported,
)
from sitrep.geoparse.resolve import PlaceCue
from sitrep.geoparse.toponyms import Toponym, is_name_token, strip_determiners

LOCATION_LABELS = frozenset({"GPE", "LOC"})
DATELINE = "DATELINE"  # the label of a dateline's place ("BRATTLEBORO — Town Meeting ...")
PLACE_LABELS = LOCATION_LABELS | {DATELINE}
REPAIRABLE_LABELS = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "PART", "HEAD", ""})


# Minor civil divisions (US townships, New England towns) that GeoNames keeps apart from the
# town they are named after, and that the gazetteer lacks: the town stands in for them.
TOWNSHIP_WORDS = frozenset({"township", "twp", "town"})
LEADING_QUALIFIERS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upstate",
        "downtown",
        "greater",
        "metropolitan",
        "metro",
        "rural",
        "suburban",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
# Names that are not places on a map even though a gazetteer may hold a village so called.
NOT_ON_A_MAP = frozenset(
    {
        "west",
        "the west",
        "east",
        "the east",
        "north",
        "the north",
        "south",
        "the south",
        "world",
        "the world",
        "earth",
        "international community",
        "heaven",
        "hell",
        "midwest",
    }
)
# Words that make a multi-word name an institution's, so that a place name at its head is a place.
INSTITUTION_WORDS = frozenset(
    {
        "university",
        "college",
        "school",
        "schools",
        "department",
        "council",
        "commission",
        "police",
        "court",
        "club",
        "center",
        "centre",
        "hospital",
        "county",
        "city",
        "state",
        "board",
        "office",
        "authority",
        "district",
        "chamber",
        "association",
        "library",
        "museum",
        "airport",
        "committee",
        "government",
        "administration",
        "assembly",
        "parliament",
        "legislature",
        "ministry",
        "agency",
        "fire",
        "sheriff",
        "times",
        "post",
        "herald",
        "tribune",
        "news",
        "daily",
        "society",
        "historical",
        "clinic",
        "branch",
        "utilities",
        "services",
        "bureau",
        "festival",
        "church",
        "foundation",
        "journal",
        "gazette",
        "chronicle",
        "courier",
        "mayor",
        "selectman",
        "alderman",
        "councilman",
        "manager",
        "chief",
        "station",
        "stadium",
        "reservoir",
        "depot",
    }
)
# Capitalised words that head names of institutions or directions, not places ("University of X",
# "Interior Ministry", "Northeast Nebraska"), even where a gazetteer holds a town so called.
GENERIC_NAME_WORDS = (
    INSTITUTION_WORDS
    | LEADING_QUALIFIERS
    | TITLES
    | frozenset(
        {
            "interior",
            "federal",
            "national",
            "royal",
            "metro",
            "first",
            "new",
            "united",
            "union",
        }
    )
)


def lookup_span(span: Span, gazetteer: Gazetteer) -> tuple[Span, tuple[Entry, ...], PlaceCue] | None:
    """Candidates for a span: as is, without a type word ("Donetsk region"), or a qualifier."""
    if not len(span):
        return None
    candidates = gazetteer.lookup(span.text)
    if candidates:
        return span, candidates, suffix_cue(span)
    last = span[-1].lower_
    if len(span) > 1 and last.rstrip(".") == "co":  # "Platte Co.": the AP's abbreviation of County
        counties = tuple(e for e in gazetteer.lookup(f"{span[:-1].text} County") if e.kind == "admin2")
        if counties:
            return span, counties, "admin2"
    if len(span) > 1 and last in ADMIN_TYPE_WORDS:
        head = span[:-1]
        admin = tuple(e for e in gazetteer.lookup(head.text) if e.kind in ("admin1", "admin2", "region"))
        if admin:
            return span, admin, noun_cue(last)
    if len(span) > 1 and last.rstrip(".") in TOWNSHIP_WORDS:  # "Hamilton Township", "Tewksbury Twp."
        towns = tuple(e for e in gazetteer.lookup(span[:-1].text) if e.kind == "city")
        if towns:
            return span, towns, "city"
    if len(span) > 2 and span[0].lower_ in TOWNSHIP_WORDS | CITY_NOUNS and span[1].lower_ == "of":
        towns = tuple(e for e in gazetteer.lookup(span[2:].text) if e.kind == "city")  # "the Town of Ashfield"
        if towns:
            return span, towns, "city"
    if len(span) > 1 and span[0].lower_ in LEADING_QUALIFIERS:
        return lookup_span(span[1:], gazetteer)
    return None


def _with_type_word(span: Span) -> Span:
    """Take in a capitalised type word the entity left out: "Tangipahoa" + "Parish"."""
    doc = span.doc
    if len(span) and span.end < len(doc):
        after = doc[span.end]
        if after.is_title and after.lower_ in ADMIN_TYPE_WORDS:
            return doc[span.start : span.end + 1]
    return span


def _person_words(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """Words that occur inside multi-word PERSON names ("Michael Jordan" -> "jordan"),
    except names that are a country or region's own name ("Sri Lanka" tagged PERSON) and
    institutions the model took for people ("Huntsville Fire [Chief]", "Rock Hill City [Manager]")."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or any(tok.lower_ in INSTITUTION_WORDS for tok in ent):
            continue
        name = strip_determiners(ent)
        if any(e.by_name and e.kind in ("country", "admin1", "region") for e in gazetteer.lookup(name.text)):
            continue
        words.update(tok.lower_ for tok in ent)
    return words


DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
MAX_DATELINE_TOKENS = 4


def _datelines(doc: Doc) -> Iterable[Span]:
    """The place of a dateline: a sentence that opens with a name in capitals, perhaps its
    region and an agency, then a dash ("BRATTLEBORO — Town Meeting", "BOISE, Idaho (AP) —").
    Taggers often read such words as common nouns; the dash says what they are."""
    for sent_start in (token.i for token in doc if token.is_sent_start):
        end = sent_start
        while (
            end < len(doc)
            and end - sent_start < MAX_DATELINE_TOKENS
            and doc[end].is_upper
            and any(ch.isalpha() for ch in doc[end].text)
        ):
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
        if token is not None and token.i not in in_entity and is_name_token(token):
            run.append(token)
            continue
        if run:
            span = doc[run[0].i : run[-1].i + 1]
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
    while end < ent.end and is_name_token(doc[end]):
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
        while end < ent.end and is_name_token(doc[end]):
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
        span = _with_type_word(strip_determiners(raw))
        if not len(span) or any(i in taken for i in range(span.start, span.end)):
            continue
        key = name_key(span.text)
        if key in NOT_ON_A_MAP:
            continue
        seat = seats_of_government().get(key)
        if seat is not None and seat.is_place:
            toponyms.append(Toponym(span.start, span.end, key, (), seat=seat))
            taken.update(range(span.start, span.end))
            continue
        if label not in PLACE_LABELS and not span.text[:1].isupper():
            continue
        found = lookup_span(span, gazetteer)
        if found is None:
            continue
        matched, candidates, cue = found
        key = name_key(matched.text)
        toponym = Toponym(matched.start, matched.end, key, candidates, cue)
        if label == "HEAD" and not is_major(candidates, matched):
            continue
        if label == DATELINE and len(key) <= 4 and not is_strong(candidates, key):
            continue  # "NATO —" opens a sentence as "ROME —" does; only a known place is a dateline
        if label not in PLACE_LABELS:
            if looks_like_person(matched, person_words, candidates) or len(matched) > 3:
                continue
            strength = strength_of(candidates, key, is_dotted(matched))
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
        elif label != DATELINE and stands_for_person(matched, person_words, candidates):
            continue
        toponyms.append(toponym)
        taken.update(range(matched.start, matched.end))
    toponyms.extend(_listed_regions(doc, gazetteer, taken))
    toponyms.extend(in_story_countries(towns, toponyms, taken))
    toponyms.extend(supported([*weak, *towns], toponyms, taken))
    toponyms.sort(key=lambda t: t.start)
    add_context_cues(doc, toponyms)
    link_containers(doc, toponyms, gazetteer)
    return toponyms


MAX_LISTED_REGIONS = 12
REGION_KINDS = frozenset({"admin1", "admin2", "region"})


def _listed_regions(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> Iterable[Toponym]:
    """The names in a list that a plural kind noun closes: "Lamoille, Orange, Essex and Caledonia
    counties", "the Donetsk and Luhansk regions". The noun says what they are, so a name the
    gazetteer knows only as a region's short form ("Caledonia" for Caledonia County) is enough."""
    for noun in doc:
        cue = noun_cue(noun.lemma_.lower()) if noun.tag_ == "NNS" else "none"
        if cue not in ("admin", "admin1", "admin2"):
            continue
        end, listed = noun.i, 0
        while end > 0 and listed < MAX_LISTED_REGIONS:
            start = end
            while start > 0 and is_name_token(doc[start - 1]):
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
