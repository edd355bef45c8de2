"""Map noun phrases ("Russian forces", "our defenders", "the Kremlin") to canonical actors and sides.

A phrase is read as *side* + *role*: a country word or capital gives the side, a role noun
(troops, police, residents ...) gives the kind, and a template joins them ("Military Forces of
Russia"). Named actors (Wagner Group, NATO) carry their own name. "our"/"we" and "enemy" only
get a side from the caller, who knows the quote's speaker. The table is ``actors.tsv`` beside
this module, so adding an actor is a one-line edit, not code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from sitrep.tables import Row, read_table

SPEAKER = "speaker"
ADVERSARY = "adversary"
SIDE_KINDS = frozenset({"country", "capital"})
PLACEHOLDER_KINDS = frozenset({"first-person", "adversary"})
# Kinds whose actor takes the side of the state it belongs to (civilians and crowds have no side).
STATE_KINDS = frozenset({"military", "government", "police", "intelligence", "capital", "country"})
TEMPLATES: dict[str, str] = {
    "military": "Military Forces of {side}",
    "government": "Government of {side}",
    "capital": "Government of {side}",
    "country": "Government of {side}",
    "police": "Police Forces of {side}",
    "intelligence": "Government of {side}",
    "civilians": "Civilians ({side})",
    "protesters": "Protesters ({side})",
    "rioters": "Rioters ({side})",
    "rebel": "Rebel Group ({side})",
    "armed group": "Unidentified Armed Group ({side})",
    "militia": "Militia ({side})",
}
UNSIDED: dict[str, str] = {
    "civilians": "Civilians",
    "protesters": "Protesters",
    "rioters": "Rioters",
    "armed group": "Unidentified Armed Group",
    "rebel": "Unidentified Armed Group",
    "militia": "Militia",
}
# Kinds that bear arms, for the event typer (clash vs attack on civilians).
ARMED_KINDS = frozenset({"military", "police", "rebel", "armed group", "militia"})
STATE_FORCE_KINDS = frozenset({"military", "police"})  # the armed kinds that are a state's
NON_STATE_ARMED_KINDS = ARMED_KINDS - STATE_FORCE_KINDS  # rebels, armed groups, militias


@dataclass(frozen=True)
class ActorEntry:
    pattern: tuple[str, ...]
    actor: str
    side: str
    kind: str
    notes: str


@dataclass(frozen=True)
class ActorMatch:
    """A table entry found at tokens [start, end) of the sequence given to :meth:`ActorTable.find`."""

    start: int
    end: int
    entry: ActorEntry


@dataclass(frozen=True)
class ActorRef:
    """A resolved actor: canonical name (or None), side and kind of a phrase."""

    text: str
    actor: str | None
    side: str | None
    kind: str | None
    start: int
    end: int


def token_forms(token: Token) -> tuple[str, ...]:
    """The forms a table pattern may match: lower-case text and lemma ("US" stays a country, and "IS" the
    Islamic State where it is no verb of a line in capitals)."""
    if token.text in {"US", "U.S.", "U.S"}:
        return ("u.s.",)
    if token.text == "IS" and _the_group_is(token):
        return ("isis",)
    return (token.lower_, token.lemma_.lower())


def _the_group_is(token: Token) -> bool:
    """ "shot dead by IS", "IS fighters": a name in lower-case text, not "THE WAR IS OVER"."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    named = token.pos_ != "AUX" or token.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj", "compound", "conj", "appos"}
    return named and not any(n.is_upper and len(n) > 1 for n in neighbours)


def _pattern(text: str) -> tuple[str, ...]:
    return tuple(word for word in text.replace("-", " ").split() if word)


@dataclass
class _Node:
    """A word trie's node: the words that may follow, and the table row whose pattern ends here."""

    children: dict[str, _Node] = field(default_factory=dict)
    entry: ActorEntry | None = None
    order: int = 0  # the row's place in the table: of two patterns of one length that match, the first wins


class ActorTable:
    """Longest-match lookup of table patterns over spaCy tokens.

    The patterns sit in a word trie: a match costs the length of the pattern, however many of the table's
    thousands of rows begin with "president" or "john"."""

    def __init__(self, entries: Sequence[ActorEntry]) -> None:
        self._root = _Node()
        for order, entry in enumerate(entries):
            node = self._root
            for word in entry.pattern:
                node = node.children.setdefault(word, _Node())
            if node.entry is None:  # first row wins
                node.entry, node.order = entry, order

    @classmethod
    def from_rows(cls, rows: Iterable[Row]) -> ActorTable:
        entries = []
        for row in rows:
            if _pattern(row["pattern"]):
                entries.append(
                    ActorEntry(_pattern(row["pattern"]), row["actor"], row["side"], row["kind"], row["notes"])
                )
        return cls(entries)

    def find(self, tokens: Sequence[Token]) -> list[ActorMatch]:
        """Non-overlapping longest matches, left to right; hyphens are skipped."""
        words = [t for t in tokens if t.text != "-"]
        forms = [token_forms(t) for t in words]
        matches: list[ActorMatch] = []
        i = 0
        while i < len(words):
            found = self._match_at(forms, i)
            if found is None:
                i += 1
                continue
            if not _figurative_host(words[i], len(found.pattern)):
                matches.append(ActorMatch(words[i].i, words[i + len(found.pattern) - 1].i + 1, found))
            i += len(found.pattern)
        return matches

    def _match_at(self, forms: list[tuple[str, ...]], i: int) -> ActorEntry | None:
        """The longest pattern starting at ``i`` whose first word is the token's text, else its lemma (later
        words match either form); of two as long, the table's earlier row."""
        for first in dict.fromkeys(forms[i]):
            start = self._root.children.get(first)
            if start is None:
                continue
            best: tuple[int, int, ActorEntry] | None = None
            stack = [(start, i + 1)]
            while stack:
                node, j = stack.pop()
                if node.entry is not None and (best is None or (j, -node.order) > (best[0], -best[1])):
                    best = (j, node.order, node.entry)
                if j < len(forms):
                    stack.extend((node.children[f], j + 1) for f in dict.fromkeys(forms[j]) if f in node.children)
            if best is not None:
                return best[2]
        return None

    def resolve(
        self,
        tokens: Sequence[Token],
        speaker_side: str | None = None,
        adversary_side: str | None = None,
        bare_side_kind: str = "government",
    ) -> ActorRef | None:
        """The actor a noun phrase names, or None when it names no known actor.

        ``bare_side_kind`` decides what a bare country means ("Russia attacked" reads as its
        military in a violent event, as its government elsewhere).
        """
        if not tokens:
            return None
        matches = self.find(tokens)
        if not matches:
            return None
        doc = tokens[0].doc
        span = doc[tokens[0].i : tokens[-1].i + 1]
        text, start, end = span.text, span.start_char, span.end_char
        named = [m.entry for m in matches if m.entry.actor and m.entry.kind not in SIDE_KINDS]
        if named:
            entry = named[0]
            return ActorRef(text, entry.actor, entry.side or None, entry.kind, start, end)
        side = self._side(matches, speaker_side, adversary_side)
        roles = [m.entry.kind for m in matches if not m.entry.actor and m.entry.kind not in PLACEHOLDER_KINDS]
        role = roles[-1] if roles else None
        if role is None:
            capital = next((m.entry for m in matches if m.entry.kind == "capital"), None)
            if capital is not None:
                return ActorRef(text, capital.actor, capital.side, "government", start, end)
            role = bare_side_kind if side else None
        if role is None:
            return None
        if side:
            actor = TEMPLATES.get(role, role.title() + " ({side})").format(side=side)
            return ActorRef(text, actor, side if role in STATE_KINDS else None, role, start, end)
        return ActorRef(text, UNSIDED.get(role), None, role, start, end)

    @staticmethod
    def _side(matches: list[ActorMatch], speaker: str | None, adversary: str | None) -> str | None:
        for m in matches:
            if m.entry.kind in SIDE_KINDS:
                return m.entry.side
            if m.entry.side == SPEAKER and speaker:
                return speaker
            if m.entry.side == ADVERSARY and adversary:
                return adversary
        return None


@lru_cache(maxsize=1)
def default_table() -> ActorTable:
    """The packaged table, loaded once per process."""
    return ActorTable.from_rows(read_table("actors.tsv"))


HOSTS = frozenset({"army", "legion"})  # "an army of fans", "a legion of volunteers": many people, no force


def _figurative_host(word: Token, length: int) -> bool:
    """A one-word force named for a crowd of some people ("the army of fans invaded Lisbon"); "the army of
    Norland" and "the army of the republic" are forces."""
    if length != 1 or word.lemma_.lower() not in HOSTS:
        return False
    of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = [o for o in of.children if o.dep_ == "pobj"] if of is not None else []
    return any(m.tag_ == "NNS" for m in members)
