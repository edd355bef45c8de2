"""A record as a flat, JSON-ready dict: the one shape behind JSONL, CSV and GeoJSON."""

from __future__ import annotations

from typing import Any

from sitrep.corpus.records import Record


def record_dict(r: Record) -> dict[str, Any]:
    """Everything about one event, its place, its time and its claim chain (outlet → source → cue → content)."""
    place = r.place
    return {
        "kind": r.kind,
        "doc_id": r.doc_id,
        "index": r.idx,
        "type": r.type,
        "sub_type": r.sub_type,
        "side": r.side,
        "status": r.status,
        "modality": r.modality,
        "confidence": round(r.confidence, 3),
        "earliest": r.earliest,
        "latest": r.latest,
        "granularity": r.granularity,
        "place": place.name if place else None,
        "place_id": place.place_id if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "precision": place.precision if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "actors": r.actors,
        "claim_chain": {
            "outlet": r.outlet,
            "uri": r.uri,
            "title": r.title,
            "story_id": r.story_id,
            "source": r.claimant.source,
            "source_actor": r.claimant.actor,
            "cue": r.claimant.cue,
            "stance": r.claimant.stance,
            "content": r.claimant.content,
        },
        "evidence": {"start": r.evidence_start, "end": r.evidence_end, "text": r.evidence},
    }


def flat_dict(r: Record) -> dict[str, Any]:
    """The same facts with nested parts spread into prefixed columns (for CSV)."""
    row = record_dict(r)
    chain = row.pop("claim_chain")
    evidence = row.pop("evidence")
    actors = row.pop("actors")
    row["actor1"] = _actor(actors, "actor1")
    row["actor2"] = _actor(actors, "actor2")
    row.update({f"claim_{k}": v for k, v in chain.items()})
    row["evidence"] = evidence["text"]
    row["evidence_start"], row["evidence_end"] = evidence["start"], evidence["end"]
    return row


def _actor(actors: list[dict[str, Any]], role: str) -> str | None:
    names = [a.get("actor") or a.get("text") for a in actors if a.get("role", "actor1") == role]
    return "; ".join(n for n in names if n) or None
