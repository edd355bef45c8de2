"""Attributions a punctuation mark makes, with no reporting verb.

Headlines and transcripts write "Name: words"; a quotation may be introduced by
"Name:" or signed "“...” ― Name"; an embedded social-media post ends with
"— Name (@handle) Month D, YYYY". PolNeAR takes the mark (":" or the dash) as the
cue. These forms are found on the raw text with patterns, then checked against
the parse (the name must look like a speaker, not a clause).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sitrep.attribution.document import FoundAttribution, SpeechDoc
from sitrep.attribution.quotations import covered_quotes
from sitrep.attribution.quotes import MAX_QUOTE_CHARS
from sitrep.attribution.spans import CharRange, trim

# Dashes that end a headline before the name of a speaker ("FERRY RIDERS SPEAK - Ilse Varga: “...”").
DASHES = frozenset({"-", "–", "—", "--", "―"})
# Longest name (in tokens) that may introduce a quotation with a bare colon.
MAX_NAME_TOKENS = 8
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


def dash_attributions(speech: SpeechDoc, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """“...” ― Name: a quotation signed with a dash and a name."""
    covered = covered_quotes(speech, found)
    out: list[FoundAttribution] = []
    text = speech.text
    for qi, quote in enumerate(speech.quotes):
        m = _DASH_SPEAKER.match(text, quote.end)
        if qi in covered or m is None:
            continue
        dash = quote.end + m.group().index(m.group("dash"))
        name = speech.token_at(m.end())
        if name is None or speech.token_at(dash) is None:
            continue
        source = _signature(speech, name, m.end())
        if source is None:
            continue
        out.append(_marked_quote(speech, dash, m.group("dash"), (quote.start, quote.end), source, name.i))
    return out


def _signature(speech: SpeechDoc, first: Token, start: int) -> CharRange | None:
    """The name signing a quotation after a dash: a run of proper nouns, or of capitalised words
    when the tokenizer left the dash glued to the name ("―Ilse Varga")."""
    doc = speech.doc
    if first.idx < start:
        words = _SIGNATURE.match(speech.text, start)
        if words is None or " " not in words.group():
            return None
        return start, words.end()
    if first.pos_ != "PROPN":
        return None
    last = first.i
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and "\n" not in doc[last].whitespace_:
        last += 1
    return first.idx, doc[last].idx + len(doc[last].text)


def embedded_posts(speech: SpeechDoc, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """An embedded social-media post: "text pic.twitter.com/x — Name (@handle) March 3, 2021".

    The post's text runs from the start of its line (or the tag that opens it) to the dash,
    without the trailing links.
    """
    text = speech.text
    taken = {f.cue[0] for f in found}
    out: list[FoundAttribution] = []
    for m in _POST_SIGNATURE.finditer(text):
        dash = m.start("dash")
        line_start = max(text.rfind("\n", 0, dash), text.rfind(">", 0, dash)) + 1
        body = _TRAILING_LINKS.sub("", text[line_start:dash]).rstrip()
        lead = len(body) - len(body.lstrip())
        if dash in taken or dash - line_start > MAX_QUOTE_CHARS or len(body.split()) < 2:
            continue
        content = (line_start + lead, line_start + len(body))
        out.append(_marked_quote(speech, dash, m.group("dash"), content, (m.start("name"), m.end("handle") + 1)))
    return out


def colon_lines(speech: SpeechDoc, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Name: words — a headline ("Varga: Ferry won't run on Sunday") or transcript line."""
    text = speech.text
    taken = {f.cue[0] for f in found}
    out: list[FoundAttribution] = []
    for m in _COLON_LINE.finditer(text):
        name_start, name_end = m.span("name")
        name = speech.doc.char_span(name_start, name_end, alignment_mode="expand")
        if (
            name is None
            or not len(name)
            or m.group("name").strip().lower() in COLON_LABELS
            or not _looks_like_speaker(name)
            or m.start("colon") in taken
        ):
            continue
        c_start, c_end = m.span("content")
        if m.group("about") and text[c_end : c_end + 1] not in ("\n", ""):
            continue  # "X to Y: ..." only as a headline line
        content = text[c_start:c_end].rstrip()
        if content.endswith(".") and not content.endswith(("—.", "..")):
            content = content[:-1]
        if len(content.split()) < 2:
            continue
        out.append(
            FoundAttribution(
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


def _looks_like_speaker(name: Span) -> bool:
    """A name, an organisation or a capitalised noun ("Newspaper"), never a clause."""
    if any(t.pos_ not in NAME_POS for t in name):
        return False
    return any(t.pos_ == "PROPN" for t in name) or (len(name) == 1 and name[0].pos_ == "NOUN")


def named_colon_quotes(speech: SpeechDoc, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """“... - Ilse Varga and Tomas Brek: “Our survey shows ...”": a name and a colon introduce a quotation."""
    doc, text = speech.doc, speech.text
    covered = covered_quotes(speech, found)
    out: list[FoundAttribution] = []
    for qi, quote in enumerate(speech.quotes):
        colon = quote.start - 1
        while colon > 0 and text[colon] in " \t\xa0":
            colon -= 1
        if qi in covered or colon < 1 or text[colon] != ":" or quote.start - colon > 4:
            continue
        last = speech.token_at(colon - 1)
        if last is None or last.pos_ != "PROPN":  # "Titre :" (a space before the colon) names nobody
            continue
        name = last
        while name.dep_ in ("conj", "compound", "flat") and name.head.pos_ == "PROPN" and name.head.i < name.i:
            name = name.head
        tokens = list(range(name.left_edge.i, last.i + 1))
        dashes = [k for k, i in enumerate(tokens) if doc[i].text in DASHES]
        tokens = tokens[dashes[-1] + 1 :] if dashes else tokens  # "HEADLINE - Name:"
        if len(tokens) > MAX_NAME_TOKENS or any(doc[i].pos_ in ("VERB", "AUX") for i in tokens):
            continue
        run = trim(doc, tokens)
        if not run:
            continue
        source = (doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text))
        out.append(_marked_quote(speech, colon, ":", (quote.start, quote.end), source, name.i))
    return out


def _marked_quote(
    speech: SpeechDoc, mark: int, lemma: str, content: CharRange, source: CharRange, source_token: int | None = None
) -> FoundAttribution:
    """A quotation tied to its speaker by a punctuation mark (a signing dash, a colon), not a verb."""
    mark_token = speech.token_at(mark)
    fallback = source_token if source_token is not None else -1
    return FoundAttribution(
        kind="direct",
        cue=(mark, mark + 1),
        lemma=lemma,
        stance="neutral",
        content=[content],
        source=source,
        source_token=source_token,
        cue_token=mark_token.i if mark_token is not None else fallback,
    )
