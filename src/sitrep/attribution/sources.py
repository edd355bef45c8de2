"""Who a source is: the fuller name behind a pronoun or short name, and the canonical actor.

Resolution is deliberately shallow (no coreference model): a personal pronoun
goes to the nearest preceding person named in the text (preferring earlier
speakers), a relative pronoun to the noun its clause modifies, and a surname to
the longest earlier person name that ends with it. Actors come from the ``places``
layer (a city standing for its government), from mentions that already carry an
actor, and from the small table of seats of government in ``lexicon``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

from sitrep.attribution.lexicon import seat_of_government
from sitrep.model import Mention, Place

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "we", "our"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.", "gov", "gov."})


@dataclass(frozen=True)
class SourceInfo:
    """The fuller name behind a source (None when the text is the name) and its canonical actor."""

    resolved: str | None
    actor: str | None


class SourceResolver:
    """Resolves sources of one document against its entities and earlier layers."""

    def __init__(self, doc: Doc, text: str, places: Sequence[Place], mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = text  # the doc's text (spaCy rebuilds Doc.text on every access)
        self.persons = _person_spans(doc)
        self.speakers: list[tuple[int, str]] = []  # (char offset, resolved name) of person sources so far
        # Indexes over the persons and actor names, so each question costs a bisection, not a scan of the
        # document (a long document asks as many questions as it has sources).
        self._person_starts = [p.start_char for p in self.persons]
        by_end = sorted(range(len(self.persons)), key=lambda i: self.persons[i].end_char)
        self._ends_sorted = [self.persons[i].end_char for i in by_end]
        self._latest_ending: list[int] = list(accumulate(by_end, max))  # latest person among those ended
        self._by_surname: dict[str, list[int]] = {}
        self._longest_so_far: dict[str, list[list[str]]] = {}  # per surname: the longest name up to each mention
        for i, person in enumerate(self.persons):
            words = _name_words(person)
            if words:
                self._by_surname.setdefault(words[-1], []).append(i)
                longest = self._longest_so_far.setdefault(words[-1], [])
                longest.append(words if not longest or len(words) > len(longest[-1]) else longest[-1])
        self.actor_places = _Inside([p for p in places if p.role == "actor" and p.actor])
        self.actor_mentions = _Inside([m for m in mentions if m.actor])

    def resolve(self, start: int, end: int, head_token: int | None) -> SourceInfo:
        text = self.text[start:end]
        resolved = self._resolve_name(start, end, text, head_token)
        actor = self._actor(start, end, text)
        if resolved is not None and resolved != text and self._is_person_name(resolved):
            self.speakers.append((start, resolved))
        elif resolved is None and self._person_in(start, end) is not None:
            self.speakers.append((start, self._full_name(self._person_in(start, end))))  # type: ignore[arg-type]
        return SourceInfo(resolved=resolved, actor=actor)

    # -- names -------------------------------------------------------------------

    def _resolve_name(self, start: int, end: int, text: str, head_token: int | None) -> str | None:
        lower = text.lower()
        if lower in RELATIVE_PRONOUNS and head_token is not None:
            return self._relative_antecedent(head_token)
        if lower in PERSONAL_PRONOUNS:
            return self._previous_person(start)
        if lower in GROUP_PRONOUNS:
            return None
        person = self._person_in(start, end)
        if person is not None and person.label_ == "PERSON":  # a tagged name, not a guessed subject
            full = self._full_name(person)
            return full if full != text else None
        return None

    def _relative_antecedent(self, head_token: int) -> str | None:
        verb = self.doc[head_token].head
        if verb.dep_ != "relcl":
            return None
        noun = verb.head
        tokens = [t for t in noun.subtree if t.i < verb.left_edge.i and not t.is_punct]
        if not tokens:
            return None
        span = self.doc[tokens[0].i : tokens[-1].i + 1]
        person = self._person_in(span.start_char, span.end_char)
        return self._full_name(person) if person is not None else span.text

    def _previous_person(self, offset: int) -> str | None:
        """The latest person named before ``offset``; earlier speakers win over bystanders."""
        ended = bisect_right(self._ends_sorted, offset)
        last_person = self.persons[self._latest_ending[ended - 1]] if ended else None
        last_speaker = next((s for s in reversed(self.speakers) if s[0] < offset), None)
        if last_speaker is not None and (last_person is None or last_speaker[0] >= last_person.start_char - 300):
            return last_speaker[1]
        return self._full_name(last_person) if last_person is not None else None

    def _person_in(self, start: int, end: int) -> Span | None:
        """The first person (in document order) wholly inside ``[start, end)``."""
        i = bisect_left(self._person_starts, start)
        while i < len(self.persons) and self.persons[i].start_char < end:
            if self.persons[i].end_char <= end:
                return self.persons[i]
            i += 1
        return None

    def _full_name(self, person: Span) -> str:
        """The longest earlier (or same) person name whose last word is this one's last word."""
        words = _name_words(person)
        if not words:
            return person.text
        surname = words[-1].removesuffix("'s").removesuffix("’s")
        earlier = bisect_right(self._person_starts, person.start_char)  # persons up to this one
        seen = bisect_left(self._by_surname.get(surname, []), earlier)  # ... that carry this surname
        if seen and len(longest := self._longest_so_far[surname][seen - 1]) > len(" ".join(words).split()):
            return " ".join(longest)
        return " ".join(words)

    @staticmethod
    def _is_person_name(text: str) -> bool:
        return bool(text) and text[0].isupper()

    # -- actors ------------------------------------------------------------------

    def _actor(self, start: int, end: int, text: str) -> str | None:
        seat = seat_of_government(text)
        if seat is not None:
            return seat
        for names in (self.actor_places, self.actor_mentions):
            found = names.first_inside(start, end, lambda item: _is_whole_or_head(text, item.text))
            if found is not None:
                return found.actor
        return None


def _name_words(person: Span) -> list[str]:
    """The words of a person's name without titles and punctuation ("Gen. Valery Zaluzhny" → Valery Zaluzhny)."""
    return [t.text for t in person if t.lower_ not in TITLES and not t.is_punct]


Named = TypeVar("Named", Place, Mention)


class _Inside(Generic[Named]):
    """Items with character offsets, found by the span that contains them."""

    def __init__(self, items: list[Named]) -> None:
        self.items: list[Named] = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]

    def first_inside(self, start: int, end: int, accept: Callable[[Named], bool]) -> Named | None:
        """The first item (in the original order) wholly inside ``[start, end)`` that ``accept`` takes."""
        best: int | None = None
        k = bisect_left(self.starts, start)
        while k < len(self.order) and self.starts[k] < end:
            i = self.order[k]
            item = self.items[i]
            if item.end <= end and (best is None or i < best) and accept(item):
                best = i
            k += 1
        return self.items[best] if best is not None else None


def _is_whole_or_head(source_text: str, name: str) -> bool:
    """The name is the whole source (minus a determiner), not a modifier ("Moscow's mayor")."""
    core = source_text.strip()
    for prefix in ("the ", "The "):
        core = core.removeprefix(prefix)
    return core == name or core.removeprefix("the ") == name


NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "EVENT"})


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, plus multi-word proper-noun subjects the tagger missed ("Oleksandr Syrskyi said")."""
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    covered = {t.i for e in persons for t in e}
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.i in covered:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start : tok.i + 1]
        if len(span) >= 2 and not any(t.ent_type_ in NOT_PERSON_LABELS for t in span):
            persons.append(span)
    return sorted(persons, key=lambda s: s.start)
