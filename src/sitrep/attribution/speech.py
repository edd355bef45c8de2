"""Dependency rules that find reported speech: cue, source and content.

One pass over the parse proposes cues: a lexicon verb with a complement its
frames allow (a clause or quotation; for some verbs an object or a to-clause),
"according to", a fronted "In a poll, ...", a speech-act noun with a that-clause,
a stance adjective after a copula ("is critical of"). Each cue then finds its
source (the subject, the agent of a passive, or the subject it shares with the
verb it hangs from) and its content (the complement, widened to the whole
quotation when the complement sits inside quote marks). Quotes left without a
cue are then tied to a nearby cue verb the parser failed to link ("“...,” he
said." across a sentence split, "He said: “...”", "“...” ― Name"), and a
quotation interrupted by its cue (“A,” he said, “B.”) gets both parts.
A cue inside the content of another attribution ("told reporters he thought
...") is the reported speaker's words, like a verb inside a quote, and is dropped.

Spans follow the PolNeAR conventions measured by ``eval/attribution.py --diagnose``:
a relative pronoun opens the content of a cue in its relative clause ("which ||
he described || as X"), content after its cue stops where the sentence's main
clause or a scene-setting "as/while/after" clause begins, an object's content
stops at a time or place adjunct, a passive cue ends before the agent's "by",
and a headline or transcript "Name: words" is an attribution with ":" as cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from sitrep.attribution.lexicon import CueEntry, Lexicon
from sitrep.attribution.quotes import MAX_QUOTE_CHARS, Quote
from sitrep.attribution.spans import (
    CharRange,
    hull,
    parts_from_indices,
    subtree_indices,
    token_range,
    trim,
)
from sitrep.model import Stance

Kind = Literal["direct", "indirect", "mixed"]

# Dependents a bare "X said on Monday." may have besides its subject and time phrases.
BARE_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod"})
# Dashes that end a headline before the name of a speaker ("FERRY RIDERS SPEAK - Ilse Varga: “...”").
DASHES = frozenset({"-", "–", "—", "--", "―"})
# Verbs whose object is whom the words are addressed to ("he told reporters"), not what is said.
ADDRESSEE_VERBS = frozenset({"tell", "assure", "remind", "inform", "warn", "promise", "advise"})
# Prepositions that place a speech act ("at a rally", "during a debate"), never part of what is said.
PLACE_PREPOSITIONS = frozenset({"at", "during", "amid"})
# What precedes a quotation that continues the speech after its cue ("“A,” he said, “B.”", "he said. “B.”").
CONTINUATION_LEADS = frozenset({",", ".", ":", ";", "?", "!", "\n", "—", "–"})
# Conjunctions of a clause that sets the scene of the saying ("said A as she campaigned", "while ...").
CIRCUMSTANCE_MARKS = frozenset({"as", "after", "while", "whereas", "though", "although"})
# Longest name (in tokens) that may introduce a quotation with a bare colon.
MAX_NAME_TOKENS = 8
# Relative pronouns ("which", "who", "that" as WDT).
RELATIVE_TAGS = frozenset({"WDT", "WP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSE_DEPS = frozenset({"ccomp"})
OBJECT_DEPS = frozenset({"dobj", "oprd"})
# Dependents that belong to the cue span when they sit just left of the verb ("has also said").
CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Dependents between the verb and its content that annotators count as part of the cue
# ("said in a statement that", "said Thursday that", "said:").
CUE_BRIDGE_DEPS = frozenset({"npadvmod", "advmod", "prt"})
# A verb that shares its subject with the verb it depends on ("said ..., adding that").
# ("began by saying that": a gerund after a preposition is understood with the clause's subject.)
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp"})
# Prepositions that introduce what a speech verb is about ("complained about", "warned of").
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "against", "over"})
# Forms the small model lemmatises wrongly ("hoping" -> "hop").
MISLEMMATISED = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}
# Documents that speak for their authors when fronted: "In a new poll, ...".
# ("In a statement, X said" is only the medium: the head verb then has a source of its own.)
SOURCE_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "analysis"})
PLAIN_SAYING = frozenset({"say", "tell", "state", "add", "write", "continue"})
# How many words may separate a quote from the clause of the cue that introduces it.
QUOTE_LINK_WINDOW = 4
# How many words may separate the two halves of a quotation interrupted by its cue.
SPLIT_QUOTE_WINDOW = 60
_DASH_SPEAKER = re.compile(r"[ \t]*(?P<dash>[―—–])[ \t]*")
# The signature line of an embedded post: " — Name (@handle) Month D, YYYY".
_POST_SIGNATURE = re.compile(
    r"[ \t\xa0]+(?P<dash>[—―–]) (?P<name>[^\n()<>—―]{2,60}?) \((?P<handle>@\w+)\) [A-Z][a-z]+ \d{1,2}, \d{4}"
)
# Links a post ends with before its signature ("pic.twitter.com/x", "https://t.co/x").
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://|pic\.twitter\.com/)\S+)+\s*$")
# Capitalised words of a name ("Ilse Varga", "Tomas J. Brek").
_SIGNATURE = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4}")
# "Name: text" as a paragraph of its own (headline or transcript; flattened pages may mark a paragraph
# with two spaces after a sentence); the name is one to four words, the first capitalised ("Varga
# camp: ...", "Newspaper: ..."). A headline may add whom or what the words are about ("Varga to
# Harbour Union: ...") and open with a label ("EXCLUSIVE – Tomas Brek: ...").
_COLON_LINE = re.compile(
    r"(?:^|(?<=[.?!”\"’]  ))(?:[A-Z]{2,}(?: [A-Z]{2,})* [–—-] )?"
    r"(?P<quote>[\"“]?)(?P<name>[A-Z][\w.’'-]*(?: (?!(?:to|on|at|about|for) )[\w.’'-]+){0,3})"
    r"(?P<about> (?:to|on|at|about|for) [^:\n.?!]{1,80}?)?(?P<colon>:) +(?P<content>\S(?:(?!(?<=[.?!”\"’])  )[^\n])*)",
    re.MULTILINE,
)
# Parts of speech a speaker's name in a "Name: text" line may consist of (no verb: "The point is: ...").
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "PUNCT"})
# Line labels that are not speakers.
COLON_LABELS = frozenset(
    {
        "update",
        "updated",
        "note",
        "editor's note",
        "editor’s note",
        "photo",
        "video",
        "watch",
        "related",
        "read more",
        "source",
        "sources",
        "correction",
        "caption",
        "credit",
        "image",
        "warning",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "live",
        "explainer",
    }
)


@dataclass
class Found:
    """One attribution as found on the parse (token-level facts kept for later steps)."""

    kind: Kind
    cue: CharRange
    lemma: str
    stance: Stance
    content: list[CharRange]
    source: CharRange | None = None
    source_token: int | None = None
    cue_token: int = -1
    from_complement: bool = False  # content is an object or to-clause, not a clause or quote


class SpeechFinder:
    """Applies the rules to one parsed document."""

    def __init__(self, doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> None:
        self.doc = doc
        self.quotes = quotes
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.lexicon = lexicon
        self.quote_of: dict[int, int] = {}
        qi = 0
        for tok in doc:
            while qi < len(quotes) and quotes[qi].end <= tok.idx:
                qi += 1
            if qi < len(quotes) and quotes[qi].start <= tok.idx < quotes[qi].end:
                self.quote_of[tok.i] = qi

    def find(self) -> list[Found]:
        found: list[Found] = []
        pending: list[tuple[Token, CueEntry]] = []
        for tok in self.doc:
            if tok.i in self.quote_of:
                continue  # the quoted speaker's own words: not the writer's attribution
            if tok.lower_ == "according":
                item = self._according_to(tok)
                if item is not None:
                    found.append(item)
                continue
            if tok.lower_ == "in" and tok.dep_ == "prep":
                item = self._in_document(tok)
                if item is not None:
                    found.append(item)
                continue
            entry = self._verb_entry(tok)
            if entry is not None:
                item = self._verb_attribution(tok, entry)
                if item is not None:
                    found.append(item)
                elif self._subject(tok) is not None or tok.dep_ in SHARED_SUBJECT_DEPS:
                    pending.append((tok, entry))
            elif tok.pos_ == "NOUN" and self.lexicon.noun(tok.lemma_) is not None:
                item = self._noun_attribution(tok)
                if item is not None:
                    found.append(item)
            elif tok.dep_ == "acomp" and tok.pos_ == "ADJ":
                item = self._adjective_attribution(tok)
                if item is not None:
                    found.append(item)
        found = [f for f in found if not self._content_in_earlier_paragraph(f)]
        self._join_split_quotes(found)
        found.extend(self._link_orphan_quotes(found, pending))
        found.extend(self._dash_attributions(found))
        found.extend(self._colon_lines(found))
        found.extend(self._named_colon_quotes(found))
        found.extend(self._embedded_posts(found))
        self._share_sources(found)
        self._join_split_quotes(found)
        found = [f for f in found if f.source is not None or not f.from_complement]
        found = [f for f in found if f.source is None or not self._generic_you(f.source)]
        found = _drop_nested(found)
        for item in found:
            item.content = [part for s, e in item.content for part in _split_paragraphs(self.text, s, e)]
        unique = {(f.cue, tuple(f.content)): f for f in found}  # one per cue and content
        return sorted(unique.values(), key=lambda f: (f.cue[0], f.content[0][0]))

    # -- verbs ---------------------------------------------------------------------

    def _verb_entry(self, tok: Token) -> CueEntry | None:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
            return None
        for child in tok.rights:
            if child.dep_ in ("prep", "prt"):
                phrasal = self.lexicon.phrasal_verb(tok.lemma_, child.lower_)
                if phrasal is not None:
                    return phrasal
        return self.lexicon.verb(MISLEMMATISED.get(tok.lower_, tok.lemma_))

    def _verb_attribution(self, verb: Token, entry: CueEntry) -> Found | None:
        if verb.dep_ == "relcl":
            relative = self._relative_attribution(verb, entry)
            if relative is not None:
                return relative
        noun_clause = self._noun_with_clause(verb) if "object" in entry.frames else None
        if noun_clause is not None:
            noun, clause = noun_clause
            item = self._make(verb, entry, subtree_indices(clause))
            if item is not None:
                item.cue = (item.cue[0], max(item.cue[1], noun.idx + len(noun.text)))
            return item
        content = self._clausal_content(verb) if "clause" in entry.frames else None
        if content is None and "clause" in entry.frames:
            content = self._as_parenthetical(verb)
        clausal = content is not None
        if (
            content is None
            and entry.frames & {"object", "infinitive"}
            and (self._subject(verb) is not None or verb.dep_ in ("conj", "advcl"))
        ):
            content = self._complement_content(verb, entry)
        if content is None and self._subject(verb) is not None:
            topic = self._topic_object(verb)
            if topic is not None:
                prep, tokens = topic
                item = self._make(verb, entry, tokens)
                if item is not None:
                    item.cue = (item.cue[0], max(item.cue[1], prep.idx + len(prep.text)))
                    item.from_complement = True
                return item
        if content is None and "object" in entry.frames:
            return self._passive_with_agent(verb, entry)
        if content is None:
            return None
        item = self._make(verb, entry, content)
        if item is not None and not clausal and self._passive_request(verb):
            subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
            run = trim(self.doc, subtree_indices(subject))
            if run:  # "Velt || was asked || to list ...": who is asked is part of the request
                item.content.insert(0, (self.doc[run[0]].idx, self.doc[run[-1]].idx + len(self.doc[run[-1]].text)))
        elif item is not None and not clausal:
            item.from_complement = True
        return item

    def _passive_request(self, verb: Token) -> bool:
        """ "Mayor Velt has been asked to publish the ferry contracts": the request is reported without its source."""
        return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
            c.dep_ == "xcomp" and _is_to_clause(c) for c in verb.children
        )

    def _relative_attribution(self, verb: Token, entry: CueEntry) -> Found | None:
        """ "the tram depot, which she described as “a rusty cathedral”", "a vote that he said surprised everyone".

        The relative pronoun stands for what the source said something about, so it opens
        the content; the rest is what follows the cue in the relative clause (the
        predicate for an object frame, the whole remainder for a clause frame).
        """
        relative = next(
            (c for c in verb.lefts if c.tag_ in RELATIVE_TAGS and c.dep_ in ("dobj", "nsubj", "nsubjpass")), None
        )
        speaker = next(
            (c for c in verb.lefts if c.dep_ in ("nsubj", "csubj") and relative is not None and c.i != relative.i),
            None,
        )
        if relative is None or speaker is None:
            return None
        if "clause" in entry.frames and any(c.dep_ in CLAUSE_DEPS for c in verb.children):
            return None  # "which he said was ...": an ordinary clausal content
        if "object" in entry.frames:
            rest = [
                i
                for c in verb.rights
                if c.dep_ in (*OBJECT_DEPS, "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
                for i in subtree_indices(c)
            ]
        elif "clause" in entry.frames:
            rest = [i for c in verb.rights if not c.is_punct for i in subtree_indices(c)]
        else:
            return None
        parts, kind = self._content_parts(rest) if rest else ([], "indirect")
        found = self._cued("mixed" if kind == "direct" else kind, verb, [token_range(relative), *parts], entry)
        found.source, found.source_token = self._np_range(speaker), speaker.i
        return found

    def _clausal_content(self, verb: Token) -> list[int] | None:
        """Token indices of the verb's clause or quotation, or None when it has none."""
        for child in verb.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "parataxis" and child.i in self.quote_of):
                return self._clause_without_cues(child) + self._conjoined_continuation(verb, child)
        has_object = verb.lemma_ not in ADDRESSEE_VERBS and any(
            c.dep_ in OBJECT_DEPS and c.i not in self.quote_of for c in verb.children
        )
        for child in verb.children:
            if child.i in self.quote_of and not child.is_punct and child.dep_ not in SUBJECT_DEPS:
                if has_object and child.dep_ != "ccomp":
                    return None  # "called Velt a “coward”": the object frame takes the whole phrase
                return self._clause_without_cues(child)
        stray = self._stray_that_clause(verb)
        if stray is not None:
            return self._clause_without_cues(stray)
        if not self._parenthetical(verb):
            return None
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and self._subject(verb) is not None:
            # "X, but Y, he said, Z": the content is the rest of the sentence around the cue clause
            own = set(subtree_indices(verb))
            sentence = [t.i for t in verb.sent if not t.is_space]
            return [i for i in sentence if i not in own]
        if (
            verb.dep_ == "ccomp"
            and verb.head.i < verb.i
            and self._subject(verb) is not None
            and any(t.text == "," for t in self.doc[verb.head.i : verb.i])
            and self._subject(verb.head) is not None
            and self._verb_entry(verb.head) is None
        ):
            own = set(subtree_indices(verb))
            return [i for i in self._clause_without_cues(verb.head) if i not in own]
        return None

    def _parenthetical(self, verb: Token) -> bool:
        """A cue clause that can stand inside the content ("X, he told reporters, Y"): nothing of its own
        to say, so no object ("will accept the nomination") other than the addressee of "tell" and no
        complement clause."""
        for child in verb.children:
            if child.dep_ in ("xcomp", "oprd", "ccomp"):
                return False
            if child.dep_ == "dobj" and verb.lemma_ not in ADDRESSEE_VERBS:
                return False
        return True

    def _noun_with_clause(self, verb: Token) -> tuple[Token, Token] | None:
        """ "expressed concern that ...", "voiced hope that ...": the noun joins the cue, the clause is content."""
        for child in verb.rights:
            if child.dep_ not in OBJECT_DEPS or child.pos_ != "NOUN" or child.i != verb.i + 1:
                continue
            for clause in child.rights:
                if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children
                ):
                    return child, clause
        return None

    def _as_parenthetical(self, verb: Token) -> list[int] | None:
        """ "As the Post reported, the inspector issued subpoenas": the clause it hangs on is the content."""
        if verb.dep_ != "advcl" or self._subject(verb) is None or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return None
        if any(c.dep_ in OBJECT_DEPS for c in verb.children):
            return None  # "as he told reporters": the object is the addressee, not missing content
        own = set(subtree_indices(verb))
        return [i for i in subtree_indices(verb.head) if i not in own]

    def _stray_that_clause(self, verb: Token) -> Token | None:
        """A that-clause the parser hung on an adjunct: "tweeted in the early hours that ..."."""
        if self._subject(verb) is None:
            return None
        for child in verb.rights:
            if child.dep_ not in ("prep", "npadvmod", "advmod", "dobj"):
                continue
            for tok in child.subtree:
                if (
                    tok.dep_ in ("ccomp", "acl", "relcl", "advcl")
                    and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.left_edge.i for m in tok.children)
                    and all(
                        a.dep_ in ("prep", "pobj", "npadvmod", "advmod", "dobj", "compound", "amod")
                        for a in _path_up(tok.head, child)
                    )
                ):
                    return tok
        return None

    def _complement_content(self, verb: Token, entry: CueEntry) -> list[int] | None:
        """An object or to-clause as content ("cited his remarks as proof", "vowed to retaliate").

        The content runs from the complement to the end of the verb's phrase: what
        follows the object ("... for not paying taxes", "... as a crazy system") is
        part of what the source said.
        """
        particle = entry.lemma.partition(" ")[2]
        first: Token | None = None
        for child in verb.rights:
            if particle and child.lower_ == particle and child.dep_ in ("prep", "prt"):
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                first = objects[0] if objects else None
            elif self._is_complement(child, entry):
                first = child
            if first is not None:
                break
        if first is None:
            return None
        excluded = set(self._clause_without_cues(verb)) ^ set(subtree_indices(verb))
        end = first.right_edge.i
        for child in verb.rights:
            if child.i <= end:
                continue
            if child.dep_ in ("conj", "cc", "parataxis", "punct", "mark") or self._subject(child) is not None:
                break  # a new clause: "accused X of Y, and Russia rejected it"
            if self._circumstance(child):
                break  # "endorsed Varga on Tuesday", "at a rally": when and where, not what
            end = child.right_edge.i
        return [i for i in range(first.left_edge.i, end + 1) if not self.doc[i].is_space and i not in excluded]

    def _circumstance(self, child: Token) -> bool:
        """A time or place adjunct of the cue verb ("on Tuesday", "at a rally in Iowa")."""
        if child.dep_ == "npadvmod" or (child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS):
            return True
        return child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)

    def _topic_object(self, verb: Token) -> tuple[Token, list[int]] | None:
        """What a speech verb is about: "complained about his mic", "warned of a famine"."""
        if verb.lemma_ in PLAIN_SAYING:
            return None  # "said on Monday", "said of the election": time and topic, not content
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects and child.i == verb.i + 1 and objects[0].ent_type_ not in ("DATE", "TIME"):
                    return child, subtree_indices(objects[0])
        return None

    def _passive_with_agent(self, verb: Token, entry: CueEntry) -> Found | None:
        """ "The leak was first revealed by the Harbour Gazette": the passive subject is the content."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        if subject is None or agent is None or not objects or subject.lower_ in ("it", "this", "that"):
            return None
        parts, kind = self._content_parts(subtree_indices(subject))
        if not parts:
            return None
        start, end = self._cue_range(verb, parts, entry)
        return Found(
            kind=kind,
            cue=(start, min(end, agent.idx)),  # "was first reported by": the agent's "by" is not part of the cue
            lemma=entry.lemma,
            stance=entry.stance,
            content=parts,
            source=self._np_range(objects[0]),
            source_token=objects[0].i,
            cue_token=verb.i,
            from_complement=True,
        )

    @staticmethod
    def _is_complement(child: Token, entry: CueEntry) -> bool:
        if "object" in entry.frames and child.dep_ in OBJECT_DEPS:
            return True
        return "infinitive" in entry.frames and child.dep_ == "xcomp" and (_is_to_clause(child) or child.tag_ == "VBG")

    def _conjoined_continuation(self, verb: Token, content: Token) -> list[int]:
        """ "said that A, but B" parsed with B hanging from "said": B continues the content."""
        extra: list[int] = []
        end = content.right_edge.i
        for child in verb.rights:
            if child.i <= end:
                continue
            if child.dep_ in ("cc", "punct") and child.i == end + 1 and child.text not in QUOTE_CLOSERS:
                continue
            if (
                child.dep_ in ("conj", "ccomp")
                and child.pos_ in ("VERB", "AUX")
                and self._verb_entry(child) is None
                and child.left_edge.i <= end + 3
            ):
                extra.extend(range(end + 1, child.right_edge.i + 1))
            break
        return extra

    def _trim_trailing_modifiers(self, tokens: list[int]) -> list[int]:
        """Drop a final non-restrictive modifier: ", which ...", ", who is 70", ", <apposition>", ", led by ...".

        Annotators leave these out of the content: they are the writer's gloss, not the claim. A final
        ", leaving ..." / ", bringing ..." stays: it is usually the consequence the source claims, and so
        does an "apposition" that goes on as a list ("pensioners, ferry workers under 30, and ...").
        """
        toks = sorted(tokens)
        present = set(toks)
        while len(toks) > 2:
            last = (
                max(i for i in toks if not self.doc[i].is_punct)
                if any(not self.doc[i].is_punct for i in toks)
                else toks[-1]
            )
            cut: int | None = None
            for i in toks:
                tok = self.doc[i]
                comma = tok.left_edge.i - 1
                if tok.right_edge.i < last or comma not in present or self.doc[comma].text != ",":
                    continue
                if (
                    (tok.dep_ == "relcl" and tok.left_edge.lower_ in ("which", "who", "whom", "whose"))
                    or (tok.dep_ == "appos" and not any(c.dep_ in ("conj", "cc") for c in tok.children))
                    or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBN" and self._subject(tok) is None)
                ):
                    cut = comma
                    break
            if cut is None or cut <= toks[0]:
                break
            toks = [i for i in toks if i < cut]
            present = set(toks)
        return toks

    def _trim_leading_connectives(self, tokens: list[int]) -> list[int]:
        """Drop what links the content to the text before it: "However,", "In addition,", a dateline."""
        toks = sorted(tokens)
        while len(toks) > 3:
            first = self.doc[toks[0]]
            if first.is_punct and first.text not in QUOTE_MARK_TEXTS:
                toks = toks[1:]
                continue
            comma = next((k for k, i in enumerate(toks[:10]) if self.doc[i].text in (",", "―", "—", "--")), None)
            if comma is None or comma == 0:
                break
            phrase = [self.doc[i] for i in toks[:comma]]
            top = [t for t in phrase if t.head.i not in toks[:comma]]
            if len(top) == 1 and (
                top[0].dep_ in ("advmod", "cc")
                or (top[0].dep_ == "advcl" and comma <= 4)
                or (self.doc[toks[comma]].text != "," and _is_dateline(phrase))
            ):
                toks = toks[comma + 1 :]
                continue
            break
        return toks

    def _clause_without_cues(self, head: Token) -> list[int]:
        """The clause under ``head`` minus subject-less reporting adjuncts ("..., warning that ...").

        Those adjuncts are attributions of their own that share the outer source, so
        they are cut out of the outer content.
        """
        excluded: set[int] = set()
        for tok in head.subtree:
            if tok.i == head.i or tok.i in excluded:
                continue
            if (
                tok.dep_ in ("advcl", "conj")
                and self._verb_entry(tok) is not None
                and self._subject(tok) is None
                and any(c.dep_ in CLAUSE_DEPS for c in tok.children)
                and tok.i not in self.quote_of
            ):
                cut = set(subtree_indices(tok))
                left = min(cut) - 1
                while left > head.left_edge.i and (self.doc[left].is_punct or self.doc[left].dep_ == "cc"):
                    if self.doc[left].text in QUOTE_CLOSERS:
                        break
                    cut.add(left)
                    left -= 1
                excluded |= cut
        return subtree_indices(head, excluded)

    # -- building a Found ------------------------------------------------------------

    def _to_sentence_end(self, cue: Token, tokens: list[int]) -> list[int]:
        """Content after its cue runs on to the end of the sentence, as annotators mark it.

        The parser often hangs the tail of a long complement ("..., but would add ...")
        on the reporting verb; the tail stops at a new attribution or a semicolon.
        """
        if not tokens or min(tokens) < cue.i:
            return tokens
        last = max(tokens)
        extra: list[int] = []
        for tok in self.doc[last + 1 : cue.sent.end]:
            if (
                tok.text == ";"
                or (tok.dep_ == "ROOT" and tok.i != cue.i)  # "After he said A, Judge B proceeded ..."
                or (tok.dep_ == "mark" and tok.lower_ in CIRCUMSTANCE_MARKS and tok.head.head.i == cue.i)
                or tok.lower_ == "according"
                or (tok.pos_ in ("VERB", "AUX") and self._verb_entry(tok) is not None and tok.i not in self.quote_of)
            ):
                return tokens
            extra.append(tok.i)
        return tokens + [i for i in extra if not self.doc[i].is_space]

    def _drop_leading_time(self, cue: Token, tokens: list[int]) -> list[int]:
        """ "said on Sunday its forces ...": the parser gives the date to the content; it dates the saying."""
        toks = sorted(tokens)
        if not toks or toks[0] != cue.i + 1:
            return toks
        first = self.doc[toks[0]]
        phrase = [t.i for t in first.subtree] if first.dep_ in ("prep", "npadvmod") else []
        is_time = any(self.doc[i].ent_type_ in ("DATE", "TIME") for i in phrase)
        if phrase and is_time and phrase[0] == toks[0] and len(phrase) < len(toks) - 2:
            return [i for i in toks if i > phrase[-1]]
        return toks

    def _make(self, cue: Token, entry: CueEntry, content_tokens: list[int]) -> Found | None:
        content_tokens = self._to_sentence_end(cue, [i for i in content_tokens if i != cue.i])
        content_tokens = self._drop_leading_time(cue, content_tokens)
        if not content_tokens:
            return None
        parts, kind = self._content_parts(content_tokens, inside=self.quote_of.get(cue.i))
        if not parts:
            return None
        return self._cued(kind, cue, parts, entry)

    def _content_parts(self, tokens: list[int], inside: int | None = None) -> tuple[list[CharRange], Kind]:
        """Content ranges: a complement inside a quotation becomes the whole quotation.

        ``inside`` is the quotation the cue itself stands in ("I think ..." within a
        quote): that quotation is the speaker's text, not the content of this cue.
        """
        quote_ids = {self.quote_of[i] for i in tokens if i in self.quote_of} - {inside}
        outside = [
            i for i in tokens if (i not in self.quote_of or self.quote_of[i] == inside) and not self.doc[i].is_punct
        ]
        if quote_ids and not outside:
            quotes = sorted(self.quotes[q] for q in quote_ids)
            return [(q.start, q.end) for q in quotes], "direct"
        tokens = self._trim_leading_connectives(tokens)
        if not quote_ids:
            tokens = self._trim_trailing_modifiers(tokens)
        parts = parts_from_indices(self.doc, tokens)
        if quote_ids and parts:
            # a complement that runs into a quotation takes in the rest of that quotation
            lo, hi = hull(parts)
            for q in quote_ids:
                lo, hi = min(lo, self.quotes[q].start), max(hi, self.quotes[q].end)
            if len(parts) == 1:
                parts = [(lo, hi)]
            return parts, "mixed"
        return parts, "indirect"

    def _cue_range(self, verb: Token, content: list[CharRange], entry: CueEntry | None = None) -> CharRange:
        """The verb with adjacent auxiliaries/adverbs, and what bridges it to content after it."""
        start, end = token_range(verb)
        first = verb
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
            first = verb.head  # catenative: "went on to explain", "continues to insist"
            start = first.idx
        elif verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.i < verb.head.i:
            first = verb.head.head  # "were more likely to say", "is eager to point out"
            start = first.idx
        i = first.i - 1
        while (
            i >= 0
            and self.doc[i].head.i == first.i
            and self.doc[i].dep_ in CUE_LEFT_DEPS
            and self.doc[i].tag_ != "WRB"  # "when asked": the conjunction is not part of the cue
        ):
            start = self.doc[i].idx
            i -= 1
        content_start = min(s for s, _ in content)
        particle = entry.lemma.partition(" ")[2] if entry is not None else ""
        for child in verb.rights:
            if particle and child.lower_ == particle and child.dep_ in ("prep", "prt"):
                end = child.idx + len(child.text)
        if content_start > end:
            for child in verb.rights:
                last = child.right_edge
                while last.is_space and last.i > child.i:
                    last = self.doc[last.i - 1]  # "declared:\n\n": the paragraph break is not part of the cue
                if last.idx >= content_start:
                    break
                bridging = child.dep_ in CUE_BRIDGE_DEPS or (child.text == ":" and child.dep_ == "punct")
                if not bridging or self.text[end : child.idx].strip(" ,"):
                    if not bridging:
                        break
                    if self.text[end : child.idx].strip():
                        break
                end = last.idx + len(last.text)
        return start, end

    # -- sources -------------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        return None

    def _cued(self, kind: Kind, verb: Token, content: list[CharRange], entry: CueEntry) -> Found:
        """An attribution of ``content`` to the source of the cue ``verb``."""
        found = Found(kind=kind, cue=self._cue_range(verb, content, entry), lemma=entry.lemma, stance=entry.stance,
                      content=content, cue_token=verb.i)
        source = self._source_of(verb)
        if source is not None:
            found.source, found.source_token = source
        return found

    def _source_of(self, verb: Token) -> tuple[CharRange, int] | None:
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return self._np_range(objs[0]), objs[0].i
        subject = self._subject(verb)
        if subject is None or subject.dep_ == "nsubjpass":
            return None
        return self._np_range(subject), subject.i

    def _np_range(self, head: Token) -> CharRange:
        """The whole noun phrase; a comma closing an apposition or relative clause is kept.

        A dateline before it ("RENO, Nev. (AP) — ") is not part of it.
        """
        tokens = subtree_indices(head, self._participle_asides(head))
        run = _after_dateline(self.doc, trim(self.doc, sorted(tokens)))
        while run and self.doc[run[-1]].dep_ == "cc":
            run = trim(self.doc, run[:-1])  # "O’Malley (D) and" when the parser cut the coordination short
        if not run:
            return token_range(head)
        first, last = self.doc[run[0]], self.doc[run[-1]]
        texts = [self.doc[i].text for i in run]
        if texts.count("(") > texts.count(")") and last.i + 1 < len(self.doc) and self.doc[last.i + 1].text == ")":
            last = self.doc[last.i + 1]  # the parser hung the closing bracket elsewhere: "Chaffetz (R-Utah)"
        end = last.idx + len(last.text)
        after = last.i + 1
        if (
            after < len(self.doc)
            and self.doc[after].text == ","
            and any(self.doc[i].text == "," for i in run)
            and (self.doc[after].head.i == head.i or head.head.i > after)
        ):
            end = self.doc[after].idx + 1
        return first.idx, end

    def _participle_asides(self, head: Token) -> set[int]:
        """ "Rubio, speaking at a rally in Miami, said": the circumstance of the saying, not the source."""
        out: set[int] = set()
        for child in head.rights:
            comma = child.left_edge.i - 1
            if child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and comma >= 0 and self.doc[comma].text == ",":
                out |= {t.i for t in child.subtree} | {comma}
        return out

    def _generic_you(self, source: CharRange) -> bool:
        """ "you want to believe ...", "you know": the reader or audience addressed, not a source."""
        return self.text[source[0] : source[1]].lower() == "you"

    def _share_sources(self, found: list[Found]) -> None:
        """A subject-less cue ("..., adding that") takes the source of the cue it hangs from."""
        by_token = {f.cue_token: f for f in found}
        for item in found:
            if item.source is not None or item.cue_token < 0:
                continue
            tok = self.doc[item.cue_token]
            if tok.dep_ not in SHARED_SUBJECT_DEPS:
                continue
            head = tok.head
            for _ in range(6):
                owner = by_token.get(head.i)
                if owner is not None and owner.source is not None:
                    item.source, item.source_token = owner.source, owner.source_token
                    break
                # a head inside a quotation is the quoted speaker's sentence, not the writer's
                writer_root = head.head.i in self.quote_of and head.i not in self.quote_of
                if owner is None and self._subject(head) is not None and (head.dep_ != "ccomp" or writer_root):
                    if self._verb_entry(head) is not None or tok.dep_ in ("conj", "advcl", "pcomp") or (
                        tok.dep_ == "xcomp" and not any(c.dep_ in OBJECT_DEPS for c in head.children)
                    ):
                        src = self._source_of(head)
                        if src is not None:
                            item.source, item.source_token = src
                    break
                if head.head.i == head.i or writer_root:
                    break
                head = head.head

    # -- other constructions -----------------------------------------------------------

    def _according_to(self, tok: Token) -> Found | None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            return None
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        pronoun = self._that_is_according(tok)
        if pronoun is not None:
            # "That’s according to the filing": the pronoun stands for the claim before it
            return Found(
                kind="indirect",
                cue=(self.doc[pronoun.i + 1].idx, to.idx + len(to.text)),
                lemma="according to",
                stance="neutral",
                content=[token_range(pronoun)],
                source=self._np_range(objs[0]),
                source_token=objs[0].i,
                cue_token=tok.i,
            )
        if tok.head.i == tok.i:
            return None
        head = tok.head
        while head.head.i != head.i and (head.dep_ == "conj" or head.pos_ not in ("VERB", "AUX")):
            head = head.head  # the whole claim: up from a conjunct or a noun to its clause
        phrase = set(subtree_indices(tok))
        content = [i for i in subtree_indices(head) if i not in phrase]
        parts, kind = self._content_parts(content)
        if not parts:
            return None
        return self._named_in_phrase(kind, (tok.idx, to.idx + len(to.text)), "according to", tok, objs[0], parts)

    def _named_in_phrase(
        self, kind: Kind, cue: CharRange, lemma: str, cue_token: Token, source: Token, parts: list[CharRange]
    ) -> Found:
        """A neutral attribution whose source is the object of its own cue phrase ("according to X", "in a poll")."""
        return Found(kind=kind, cue=cue, lemma=lemma, stance="neutral", content=parts,
                     source=self._np_range(source), source_token=source.i, cue_token=cue_token.i)

    def _that_is_according(self, tok: Token) -> Token | None:
        """The "That" of "That’s according to X" / "That is according to X", else None."""
        copula = tok if tok.head.i == tok.i else tok.head
        subject = self._subject(copula)
        if subject is None or subject.lower_ not in ("that", "this"):
            return None
        between = self.doc[subject.i + 1 : tok.i]
        if len(between) == 1 and between[0].lower_ in ("’s", "'s", "is", "was"):
            return subject
        return None

    def _in_document(self, tok: Token) -> Found | None:
        """ "In a poll released Monday, 52 percent backed ...": a document fronted as the source."""
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() not in SOURCE_DOCUMENTS or tok.i >= tok.head.i:
            return None
        if tok.head.pos_ not in ("VERB", "AUX") or tok.i != tok.sent.start or self._verb_entry(tok.head):
            return None
        phrase = set(subtree_indices(tok))
        content = [i for i in subtree_indices(tok.head) if i not in phrase]
        parts, kind = self._content_parts(content)
        if not parts:
            return None
        return self._named_in_phrase(kind, token_range(tok), "in", tok, objs[0], parts)

    def _adjective_attribution(self, adj: Token) -> Found | None:
        """ "X is confident that ...", "X has been critical of ...": a stance adjective after a copula.

        The lexicon lists the adjective alone for a that-clause and with its preposition
        for an object ("critical of", not "critical for").
        """
        copula = adj.head
        subject = self._subject(copula)
        if subject is None or copula.pos_ not in ("AUX", "VERB"):
            return None
        adjectives = self.lexicon.adjectives
        complement: Token | None = None
        cue_end = adj
        entry: CueEntry | None = None
        for child in adj.rights:
            single = adjectives.get(adj.lower_)
            with_prep = adjectives.get(f"{adj.lower_} {child.lower_}")
            if single is not None and "clause" in single.frames and child.dep_ == "ccomp":
                complement, entry = child, single
            elif with_prep is not None and child.dep_ == "prep" and child.i == adj.i + 1:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    complement, cue_end, entry = objects[0], child, with_prep
            if complement is not None:
                break
        if complement is None or entry is None:
            return None
        parts, kind = self._content_parts(subtree_indices(complement))
        if not parts:
            return None
        start, _ = self._cue_range(copula, parts)
        return Found(
            kind=kind,
            cue=(min(start, copula.idx), cue_end.idx + len(cue_end.text)),
            lemma=entry.lemma,
            stance=entry.stance,
            content=parts,
            source=self._np_range(subject),
            source_token=subject.i,
            cue_token=adj.i,
        )

    def _noun_attribution(self, noun: Token) -> Found | None:
        entry = self.lexicon.noun(noun.lemma_)
        if entry is None:
            return None
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        parts, kind = self._content_parts(subtree_indices(clause))
        if not parts:
            return None
        found = Found(
            kind=kind, cue=token_range(noun), lemma=entry.lemma, stance=entry.stance, content=parts, cue_token=noun.i
        )
        for child in noun.children:
            if child.dep_ == "poss":
                tokens = [i for i in subtree_indices(child) if self.doc[i].dep_ != "case"]
                run = trim(self.doc, sorted(tokens))
                if run:
                    found.source = (self.doc[run[0]].idx, self.doc[run[-1]].idx + len(self.doc[run[-1]].text))
                    found.source_token = child.i
                break
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    found.source, found.source_token = self._np_range(objs[0]), objs[0].i
                break
        return found

    # -- quotations without a parsed link ---------------------------------------------

    def _covered(self, found: list[Found]) -> set[int]:
        return {qi for f in found for qi, q in enumerate(self.quotes) if _covers(f.content, q)}

    def _link_orphan_quotes(self, found: list[Found], pending: list[tuple[Token, CueEntry]]) -> list[Found]:
        """Tie quotes nobody attributed to a content-less cue verb right before or after them."""
        covered = self._covered(found)
        linked: list[Found] = []
        for verb, entry in pending:
            if "clause" not in entry.frames or verb.i in self.quote_of:
                continue
            clause = [i for i in subtree_indices(verb) if not self.doc[i].is_punct and i not in self.quote_of]
            if not clause:
                continue
            lo, hi = self.doc[min(clause)], self.doc[max(clause)]
            best: int | None = None
            for qi, quote in enumerate(self.quotes):
                if qi in covered:
                    continue
                if (
                    quote.end <= lo.idx
                    and self._gap_words(quote.end, lo.idx) <= QUOTE_LINK_WINDOW
                    and ("\n" not in self.text[quote.end : lo.idx] or self._bare_speech_clause(verb))
                ):
                    best = qi
                elif best is None and quote.start >= hi.idx + len(hi.text):
                    if self._gap_words(hi.idx + len(hi.text), quote.start) <= QUOTE_LINK_WINDOW:
                        best = qi
                    break
            if best is None:
                continue
            quote = self.quotes[best]
            if quote.start > verb.idx and any(
                other.i != verb.i and verb.i < other.i < hi.i + 1 and other.head.i == verb.i for other, _ in pending
            ):
                continue  # "X didn’t seem impressed, telling reporters, “...”": the nearer cue introduces it
            content = [(quote.start, quote.end)]
            item = self._cued("direct", verb, content, entry)
            covered.add(best)
            linked.append(item)
        return linked

    def _marked_quote(
        self, mark: int, lemma: str, content: CharRange, source: CharRange, source_token: int | None = None
    ) -> Found:
        """A quotation tied to its speaker by a punctuation mark (a signing dash, a colon), not a verb."""
        mark_span = self.doc.char_span(mark, mark + 1, alignment_mode="expand")
        fallback = source_token if source_token is not None else -1
        return Found(
            kind="direct", cue=(mark, mark + 1), lemma=lemma, stance="neutral", content=[content], source=source,
            source_token=source_token, cue_token=mark_span[0].i if mark_span is not None else fallback,
        )

    def _dash_attributions(self, found: list[Found]) -> list[Found]:
        """“...” ― Name: a quotation signed with a dash and a name."""
        covered = self._covered(found)
        out: list[Found] = []
        text = self.text
        for qi, quote in enumerate(self.quotes):
            m = _DASH_SPEAKER.match(text, quote.end)
            if qi in covered or m is None:
                continue
            dash = quote.end + m.group().index(m.group("dash"))
            dash_span = self.doc.char_span(dash, dash + 1, alignment_mode="expand")
            name = self.doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if name is None or dash_span is None:
                continue
            source = self._signature(name[0], m.end())
            if source is None:
                continue
            out.append(self._marked_quote(dash, m.group("dash"), (quote.start, quote.end), source, name[0].i))
        return out

    def _embedded_posts(self, found: list[Found]) -> list[Found]:
        """An embedded social-media post: "text pic.twitter.com/x — Name (@handle) March 3, 2021".

        The post's text runs from the start of its line (or the tag that opens it) to the dash,
        without the trailing links.
        """
        taken = {f.cue[0] for f in found}
        out: list[Found] = []
        for m in _POST_SIGNATURE.finditer(self.text):
            dash = m.start("dash")
            line_start = max(self.text.rfind("\n", 0, dash), self.text.rfind(">", 0, dash)) + 1
            body = _TRAILING_LINKS.sub("", self.text[line_start:dash]).rstrip()
            lead = len(body) - len(body.lstrip())
            if dash in taken or dash - line_start > MAX_QUOTE_CHARS or len(body.split()) < 2:
                continue
            content = (line_start + lead, line_start + len(body))
            out.append(self._marked_quote(dash, m.group("dash"), content, (m.start("name"), m.end("handle") + 1)))
        return out

    def _signature(self, first: Token, start: int) -> CharRange | None:
        """The name signing a quotation after a dash: a run of proper nouns, or of capitalised words
        when the tokenizer left the dash glued to the name ("―Ilse Varga")."""
        if first.idx < start:
            words = _SIGNATURE.match(self.text, start)
            if words is None or " " not in words.group():
                return None
            return start, words.end()
        if first.pos_ != "PROPN":
            return None
        last = first.i
        while (
            last + 1 < len(self.doc)
            and self.doc[last + 1].pos_ == "PROPN"
            and "\n" not in self.doc[last].whitespace_
        ):
            last += 1
        return first.idx, self.doc[last].idx + len(self.doc[last].text)

    def _colon_lines(self, found: list[Found]) -> list[Found]:
        """Name: words — a headline ("Varga: Ferry won't run on Sunday") or transcript line."""
        taken = {f.cue[0] for f in found}
        out: list[Found] = []
        for m in _COLON_LINE.finditer(self.text):
            name_start, name_end = m.span("name")
            name = self.doc.char_span(name_start, name_end, alignment_mode="expand")
            if (
                name is None
                or m.group("name").strip().lower() in COLON_LABELS
                or not _looks_like_speaker(name)
                or m.start("colon") in taken
            ):
                continue
            c_start, c_end = m.span("content")
            if m.group("about") and self.text[c_end : c_end + 1] not in ("\n", ""):
                continue  # "X to Y: ..." only as a headline line
            content = self.text[c_start:c_end].rstrip()
            if content.endswith(".") and not content.endswith(("—.", "..")):
                content = content[:-1]
            if len(content.split()) < 2:
                continue
            out.append(
                Found(
                    kind="direct" if m.group("quote") else "indirect",
                    cue=(m.start("colon"), m.end("colon")),
                    lemma=":",
                    stance="neutral",
                    content=[(c_start, c_start + len(content))],
                    source=(name_start, name_end),
                    source_token=name.root.i,
                    cue_token=name.root.i,
                )
            )
        return out

    def _named_colon_quotes(self, found: list[Found]) -> list[Found]:
        """“... - Ilse Varga and Tomas Brek: “Our survey shows ...”": a name and a colon introduce a quotation."""
        covered = self._covered(found)
        out: list[Found] = []
        for qi, quote in enumerate(self.quotes):
            colon = quote.start - 1
            while colon > 0 and self.text[colon] in " \t\xa0":
                colon -= 1
            if qi in covered or colon < 1 or self.text[colon] != ":" or quote.start - colon > 4:
                continue
            before = self.doc.char_span(colon - 1, colon, alignment_mode="expand")
            if before is None or before[-1].pos_ != "PROPN":
                continue
            name = before[-1]
            while name.dep_ in ("conj", "compound", "flat") and name.head.pos_ == "PROPN" and name.head.i < name.i:
                name = name.head
            tokens = list(range(name.left_edge.i, before[-1].i + 1))
            dashes = [k for k, i in enumerate(tokens) if self.doc[i].text in DASHES]
            tokens = tokens[dashes[-1] + 1 :] if dashes else tokens  # "HEADLINE - Name:"
            if len(tokens) > MAX_NAME_TOKENS or any(self.doc[i].pos_ in ("VERB", "AUX") for i in tokens):
                continue
            run = trim(self.doc, tokens)
            if not run:
                continue
            source = (self.doc[run[0]].idx, self.doc[run[-1]].idx + len(self.doc[run[-1]].text))
            out.append(self._marked_quote(colon, ":", (quote.start, quote.end), source, name.i))
        return out

    def _join_split_quotes(self, found: list[Found]) -> None:
        """“A,” he said, “B.”: the quotation after the cue is the second part of the content."""
        covered = self._covered(found)
        for item in found:
            if item.kind == "indirect" or len(item.content) != 1:
                continue
            # the quotation that closes the content ("Velt is still a “safe pair of hands,” Orla said. “...”")
            qi = next((k for k, q in enumerate(self.quotes) if q.end == item.content[0][1]), None)
            if qi is None or qi + 1 >= len(self.quotes) or qi + 1 in covered:
                continue
            first, second = self.quotes[qi], self.quotes[qi + 1]
            between = self.text[first.end : second.start]
            if not (first.end <= item.cue[0] and item.cue[1] <= second.start):
                continue
            if "\n" in between and not (
                item.lemma.isalpha() and self._continues_next_paragraph(first, second, item.cue)
            ):
                continue
            if self._gap_words(first.end, second.start) > SPLIT_QUOTE_WINDOW or '"' in between or "“" in between:
                continue
            if between.rstrip()[-1:] not in CONTINUATION_LEADS:
                continue  # "... on ABC’s “This Week.”": a phrase quoted inside the sentence, not more speech
            item.content.append((second.start, second.end))
            covered.add(qi + 1)
        for item in found:
            if item.kind != "direct" or not item.content:
                continue
            qi = next((k for k, q in enumerate(self.quotes) if (q.start, q.end) == item.content[0]), None)
            if qi is None or qi == 0 or qi - 1 in covered:
                continue
            first, second = self.quotes[qi - 1], self.quotes[qi]
            between = self.text[first.end : second.start]
            if not (first.end <= item.cue[0] and item.cue[1] <= second.start) or "\n" in between:
                continue
            if self._gap_words(first.end, second.start) > SPLIT_QUOTE_WINDOW or '"' in between or "“" in between:
                continue
            item.content.insert(0, (first.start, first.end))
            covered.add(qi - 1)

    def _continues_next_paragraph(self, first: Quote, second: Quote, cue: CharRange) -> bool:
        """ "“A,” she said.¶“B.”": a paragraph of quote and cue, then a paragraph opening with a quote.

        News style gives the speaker once and lets the next quoted paragraph continue.
        """
        para_start = self.text.rfind("\n", 0, first.start) + 1
        if self.text[para_start : first.start].strip():
            return False
        tail = self.text[cue[1] : second.start]
        line, _, rest = tail.partition("\n")
        return not rest.strip() and "\n" not in rest.strip("\n ") and not any(m in line for m in QUOTE_MARK_TEXTS)

    def _content_in_earlier_paragraph(self, item: Found) -> bool:
        """A cue never reports what closed the paragraph before it: "“...”¶The campaign did not respond"."""
        content_end = max(e for _, e in item.content)
        if content_end > item.cue[0] or "\n" not in self.text[content_end : item.cue[0]]:
            return False
        return item.cue_token < 0 or not self._bare_speech_clause(self.doc[item.cue_token])

    def _bare_speech_clause(self, verb: Token) -> bool:
        """ "¶X, the commander, said on Monday.": a clause that only names who spoke and when.

        Only such a clause reports the quotation of the paragraph before it; "The ferry company
        gave no answer to our questions" says something of its own.
        """
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS or child.dep_ in BARE_CLAUSE_DEPS or child.is_punct or child.is_space:
                continue
            if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
                continue
            return False
        return True

    def _gap_words(self, start: int, end: int) -> int:
        """Words (not punctuation) strictly between two character offsets."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            return 0 if not self.text[start:end].strip() else QUOTE_LINK_WINDOW + 1
        return sum(1 for t in span if not t.is_punct and not t.is_space)


QUOTE_CLOSERS = frozenset({"”", '"', "»", "''"})
QUOTE_MARK_TEXTS = frozenset({"“", "”", '"', "«", "»", "''", "``", "„"})


def _drop_nested(found: list[Found]) -> list[Found]:
    """A cue inside what another source is reported to have said is part of that content
    ("He told reporters he thought ..."): like verbs inside quotes, not an attribution of the writer."""
    contents = [(f, part) for f in found for part in f.content]
    kept = [f for f in found if not any(o is not f and s <= f.cue[0] and f.cue[1] <= e for o, (s, e) in contents)]
    # "voiced hope that ...": the noun cue "hope" is part of the verb's cue for the same content
    return [
        f
        for f in kept
        if not any(
            o is not f and o.content == f.content and o.cue[0] <= f.cue[0] and f.cue[1] <= o.cue[1] and o.cue != f.cue
            for o in kept
        )
    ]


def _after_dateline(doc: Doc, run: list[int]) -> list[int]:
    """ "KELVANE, Norland (AP) — Ilse Varga": the span after a dateline's dash."""
    dashes = [k for k, i in enumerate(run) if doc[i].text in ("—", "–", "--")]
    if not dashes:
        return run
    head_part = [doc[i] for i in run[: dashes[0]]]
    if head_part and (head_part[0].is_upper or any(t.text == ")" for t in head_part)):
        return run[dashes[0] + 1 :]
    return run


def _is_dateline(tokens: list[Token]) -> bool:
    """ "WASHINGTON (AP)", "RENO, Nev.": capitals, a wire service in brackets, a state abbreviation."""
    return tokens[0].is_upper and all(t.is_upper or t.is_punct or t.is_title for t in tokens)


def _looks_like_speaker(name: Span) -> bool:
    """A name, an organisation or a capitalised noun ("Newspaper"), never a clause."""
    if any(t.pos_ not in NAME_POS for t in name):
        return False
    return any(t.pos_ == "PROPN" for t in name) or (len(name) == 1 and name[0].pos_ == "NOUN")


def _path_up(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up its heads to ``stop`` (inclusive)."""
    path = [tok]
    while tok.i != stop.i and tok.head.i != tok.i:
        tok = tok.head
        path.append(tok)
    return path


def _split_paragraphs(text: str, start: int, end: int) -> list[CharRange]:
    """A span running over a paragraph break becomes one part per paragraph (annotators' convention)."""
    parts: list[CharRange] = []
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            offset = pos + line.index(stripped)
            parts.append((offset, offset + len(stripped)))
        pos += len(line) + 1
    return parts or [(start, end)]


def _is_to_clause(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _covers(parts: list[CharRange], quote: Quote) -> bool:
    return any(s <= quote.start and quote.end <= e for s, e in parts)
