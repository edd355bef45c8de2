"""Territorial control: who holds, takes, retakes, advances on or leaves a populated place.

A claim is read from a clause whose verb or noun is in :data:`STATUS_CUES`; the side is the
actor of the clause (the holder, the advancer; for "X fell to Y", Y), the place is the
clause's populated place or region (an anaphor such as "the city" resolves to the nearest
preceding city), and the claimant is the attribution whose content holds the clause, so
"Our defenders are holding the city" in a General Staff quote is Ukraine holding Bakhmut,
claimed by the General Staff. Modality and time come from the same helpers as events
(:mod:`~sitrep.events.clause`, :mod:`~sitrep.events.anchoring`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.actors.matcher import ActorRef, default_table
from sitrep.events.anchoring import ArticleFrame, side_of_actor
from sitrep.events.clause import clause_head, modality, subject
from sitrep.events.domain import document_domain
from sitrep.model import AnalyzedArticle, ControlClaim, ControlStatus, Evidence, Interval


@dataclass(frozen=True)
class StatusCue:
    """A word (lemma) that states a control status, with the particle or object it needs, if any."""

    lemma: str
    status: ControlStatus
    needs: str = ""  # a child word that must be present ("hold on", "fall to", "take control")
    side_from_to: bool = False  # "X fell to Y": the side is Y, the place is X
    confidence: float = 0.6


STATUS_CUES: tuple[StatusCue, ...] = (
    StatusCue("hold", "holds", confidence=0.65),
    StatusCue("defend", "holds", confidence=0.55),
    StatusCue("control", "holds", confidence=0.6),
    StatusCue("retain", "holds", confidence=0.55),
    StatusCue("capture", "captured", confidence=0.65),
    StatusCue("seize", "captured", confidence=0.6),
    StatusCue("occupy", "captured", confidence=0.55),
    StatusCue("overrun", "captured", confidence=0.6),
    StatusCue("take", "captured", needs="control", confidence=0.6),
    StatusCue("fall", "captured", needs="to", side_from_to=True, confidence=0.6),
    StatusCue("retake", "retaken", confidence=0.65),
    StatusCue("recapture", "retaken", confidence=0.65),
    StatusCue("liberate", "retaken", confidence=0.6),
    StatusCue("regain", "retaken", confidence=0.6),
    StatusCue("reclaim", "retaken", confidence=0.6),
    StatusCue("advance", "advancing", confidence=0.6),
    StatusCue("progress", "advancing", confidence=0.6),
    StatusCue("success", "advancing", confidence=0.55),
    StatusCue("gain", "advancing", confidence=0.5),
    StatusCue("push", "advancing", needs="into", confidence=0.5),
    StatusCue("breakthrough", "advancing", confidence=0.55),
    StatusCue("storm", "contested", confidence=0.55),
    StatusCue("contest", "contested", confidence=0.55),
    StatusCue("battle", "contested", needs="for", confidence=0.5),
    StatusCue("fight", "contested", needs="for", confidence=0.5),
    StatusCue("encircle", "encircled", confidence=0.6),
    StatusCue("surround", "encircled", confidence=0.6),
    StatusCue("besiege", "encircled", confidence=0.6),
    StatusCue("siege", "encircled", confidence=0.55),
    StatusCue("withdraw", "withdrawn", confidence=0.6),
    StatusCue("retreat", "withdrawn", confidence=0.6),
    StatusCue("abandon", "withdrawn", confidence=0.55),
)
_BY_LEMMA: dict[str, list[StatusCue]] = {}
for _cue in STATUS_CUES:
    _BY_LEMMA.setdefault(_cue.lemma, []).append(_cue)


def extract_claims(
    doc: Doc, result: AnalyzedArticle, dct: Interval | None, frame: ArticleFrame | None = None
) -> list[ControlClaim]:
    """All territorial-control claims of one article (none on a page about sport, games, markets ...)."""
    if not document_domain(doc).reports_events:
        return []  # "the champions held on to their lead in Kelvane" claims no territory
    frame = frame or ArticleFrame.build(doc, result, default_table())
    claims: list[ControlClaim] = []
    seen: set[tuple[int, str, str, int | None, str]] = set()
    for token, cue in _cues(doc):
        claim = _claim(token, cue, frame, dct)
        if claim is None:
            continue
        key = (claim.place, claim.side, claim.status, claim.claimant, claim.modality)
        if key not in seen:
            seen.add(key)
            claims.append(claim)
    return claims


def _cues(doc: Doc) -> Iterator[tuple[Token, StatusCue]]:
    for token in doc:
        if token.pos_ not in {"VERB", "NOUN"}:
            continue
        for cue in _BY_LEMMA.get(token.lemma_.lower(), ()):
            if not cue.needs or any(c.lower_ == cue.needs for c in token.children):
                yield token, cue
                break


def _claim(token: Token, cue: StatusCue, frame: ArticleFrame, dct: Interval | None) -> ControlClaim | None:
    attribution = frame.attribution_of(token.idx)
    stops = frame.cues_near(token)
    head = clause_head(token)
    if cue.side_from_to:
        place_token = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        holder = _prep_object(token, "to")
    else:
        place_token = None
        holder = subject(head, stops) if token.pos_ == "VERB" else _noun_holder(token, head, stops)
    place = _place(frame, place_token) if place_token is not None else None
    if place is None:
        place = frame.place_in(token, stops, populated_only=True)
    if place is None:
        place = _sentence_place(frame, token)
    if place is None or holder is None:
        return None
    ref = frame.actor(holder, attribution, bare_side_kind="military") or _place_government(frame, holder)
    side = (ref.side or side_of_actor(ref.actor)) if ref is not None else None
    if not side:
        return None
    tokens = [t for t in head.subtree]
    return ControlClaim(
        place=place,
        side=side,
        status=cue.status,
        when=frame.when(token, attribution, dct),
        claimant=attribution,
        evidence=Evidence(start=min(t.idx for t in tokens), end=max(t.idx + len(t) for t in tokens)),
        modality=modality(token, stops),
        confidence=cue.confidence,
    )


def _noun_holder(token: Token, head: Token, stops: list[Token]) -> Token | None:
    """ "Russian progress", "their success": a possessor or modifier, else the clause's subject."""
    for child in token.children:
        if child.dep_ in {"poss", "amod", "compound"} and child.pos_ != "DET":
            return child
    return subject(head, stops)


def _prep_object(token: Token, prep: str) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _place(frame: ArticleFrame, token: Token) -> int | None:
    index = frame.place_at.get(token.i)
    if index is not None and frame.result.places[index].precision != "country":
        return index
    return frame.anaphor(token)


def _sentence_place(frame: ArticleFrame, token: Token) -> int | None:
    """Last resort: the populated place named or referred to in the same sentence, nearest first."""
    sentence = token.sent
    candidates = []
    for other in sentence:
        index = _place(frame, other)
        if index is not None and frame.result.places[index].role == "location":
            candidates.append((abs(other.i - token.i), index))
    return min(candidates)[1] if candidates else None


def _place_government(frame: ArticleFrame, token: Token) -> ActorRef | None:
    index = frame.place_at.get(token.i)
    if index is None:
        return None
    place = frame.result.places[index]
    if place.actor is None:
        return None
    return ActorRef(place.text, place.actor, side_of_actor(place.actor), "government", place.start, place.end)
