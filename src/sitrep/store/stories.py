"""Stories: one report reprinted, trimmed or lightly rewritten by many outlets, found as it arrives.

Each stored body gets a MinHash signature over its word shingles (datasketch). Locality-sensitive
hashing cuts the signature into bands (the band count and width are those datasketch's
``MinHashLSH`` chooses for the threshold); documents that share a band bucket are candidates,
and a candidate whose estimated Jaccard similarity reaches the threshold is linked to the new
document with its score. Bands are rows of ``lsh_bands`` with an index, so adding a document
costs a few indexed lookups whatever the size of the store, on SQLite and PostgreSQL alike.

A story is the connected set of linked documents; ``documents.story_id`` holds the id of its
first document. When a new document links two stories, the later one joins the earlier.
``eval/stories.py`` measures pairwise precision and recall and chose the threshold.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import CompoundSelect, Connection, bindparam, insert, select, union_all, update

from sitrep.store import schema

NUM_PERM = 128
SHINGLE_WORDS = 4
# Estimated Jaccard of word shingles at which two bodies are one story. Chosen on the dev half of
# eval/stories.py: pairwise F1 99.5 (0.2 scores 99.7, but its LSH bands are two slots wide and make
# about 1 in 100 unrelated documents a candidate to compare, against 3 in 10,000 here).
THRESHOLD = 0.25
MIN_SHINGLES = 8  # a body shorter than this is its own story: too little text to compare
# Candidates read per LSH bucket, newest first. One link is enough to join a story, so a document is
# compared with at most bands × PER_BUCKET others, however large its story has grown.
PER_BUCKET = 16
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4)
def bands(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """``(bands, rows per band)`` as datasketch's LSH picks them for ``threshold``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping runs of ``size`` lower-cased words: what reprints share and rewrites keep in part."""
    words = _WORD.findall(body.lower())
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(max(0, len(words) - size + 1))}


def signature(body: str) -> np.ndarray | None:
    """The MinHash of a body's shingles, or None when it is too short to compare."""
    found = shingles(body)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(sorted(found))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature slots."""
    return float(np.count_nonzero(a == b)) / len(a)


def buckets(values: np.ndarray, threshold: float = THRESHOLD) -> list[tuple[int, str]]:
    count, rows = bands(threshold)
    return [
        (band, hashlib.sha1(values[band * rows : (band + 1) * rows].tobytes()).hexdigest()) for band in range(count)
    ]


def add(conn: Connection, doc_id: int, body: str, threshold: float = THRESHOLD) -> int:
    """Index a new document, link it to the near-duplicates already stored; returns its story id."""
    values = signature(body)
    d = schema.documents.c
    if values is None:
        conn.execute(update(schema.documents).where(d.id == doc_id).values(story_id=doc_id))
        return doc_id
    keys = buckets(values, threshold)
    candidates = set(conn.scalars(_newest_in_buckets(len(keys)), {f"k{i}": k for i, (_, k) in enumerate(keys)}))
    candidates.discard(doc_id)
    links = [(other, score) for other, score in _scores(conn, values, sorted(candidates)) if score >= threshold]
    conn.execute(insert(schema.doc_minhashes).values(doc_id=doc_id, signature=values.astype("<u8").tobytes()))
    conn.execute(insert(schema.lsh_bands), [{"band": band, "bucket": key, "doc_id": doc_id} for band, key in keys])
    if links:
        conn.execute(
            insert(schema.story_links), [{"doc_id": doc_id, "other_id": o, "score": round(s, 4)} for o, s in links]
        )
    stories = set(conn.scalars(select(d.story_id).where(d.id.in_([o for o, _ in links])))) - {None}
    story = min(stories | {doc_id})
    conn.execute(update(schema.documents).where(d.id == doc_id).values(story_id=story))
    merged = stories - {story}
    if merged:  # the new document bridges stories: the later ones join the first
        conn.execute(update(schema.documents).where(d.story_id.in_(merged)).values(story_id=story))
    return story


@lru_cache(maxsize=4)
def _newest_in_buckets(count: int) -> CompoundSelect[Any]:
    """The newest few documents of each of a document's buckets, in one statement (one round trip; the
    statement is built once and its compiled form cached): a wire copy reprinted 10,000 times costs the same."""
    b = schema.lsh_bands.c
    parts = []
    for band in range(count):
        in_bucket = select(b.doc_id).where(b.band == band, b.bucket == bindparam(f"k{band}"))
        newest = in_bucket.order_by(b.doc_id.desc()).limit(PER_BUCKET).subquery(f"b{band}")
        parts.append(select(newest.c.doc_id))
    return union_all(*parts)


def _scores(conn: Connection, values: np.ndarray, candidates: Iterable[int]) -> list[tuple[int, float]]:
    m = schema.doc_minhashes.c
    ids = list(candidates)
    if not ids:
        return []
    rows = conn.execute(select(m.doc_id, m.signature).where(m.doc_id.in_(ids)))
    return [(row.doc_id, similarity(values, np.frombuffer(row.signature, dtype="<u8"))) for row in rows]
