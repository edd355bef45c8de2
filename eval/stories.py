"""Stories: does near-duplicate linking put reprints of one article together and keep others apart?

The labelled set is made here, from real political news articles (PolNeAR, hundreds of articles
on the same few campaigns and crises, so unrelated articles on the same topic abound). For each
sampled article the set holds the original and copies an aggregator or a syndication partner
would make:

- ``reprint``: the same body inside another outlet's furniture (dateline, "Related" links,
  copyright line);
- ``trim``: the first 40–70% of the paragraphs (a wire story cut to fit);
- ``relede``: a new first paragraph taken from another article, the old one dropped;
- ``rewrite``: one word in ten dropped or replaced, sentences left in place (a light edit);
- ``headline``: the same body under a headline translated or rewritten (titles are not
  compared, so this must cluster).

Half the originals end in the same outlet's page furniture (newsletter, follow-us, policy links):
unrelated articles sharing it must stay apart.

Every pair of copies of one article is "same story"; every pair from different articles is not.
The whole pipeline of :mod:`sitrep.store.stories` runs on a real SQLite store (LSH candidates,
threshold, story merging), once per threshold. Pairwise precision/recall/F1 are printed per
threshold and per variant, on the ``dev`` and ``heldout`` halves of the articles (by a hash of
their name; the threshold is chosen on ``dev``).

Run: ``.venv/bin/python -m eval.stories``.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
from collections import Counter, defaultdict
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

from sqlalchemy import insert

from eval.common import precision_recall_f1, shared_data
from sitrep.store import Store, backends, schema, stories

SAMPLE = 240
THRESHOLDS = (0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
VARIANTS = ("reprint", "trim", "relede", "rewrite", "headline")
# One outlet's page furniture, left in by a converter: shared by unrelated articles, which must not
# cluster because of it.
FURNITURE = (
    "Sign up for our daily newsletter and get the top stories delivered to your inbox every morning. "
    "Follow us on social media for breaking news alerts, live coverage and analysis from our reporters "
    "around the world. Read more: the latest politics, world, business and opinion coverage from our "
    "newsroom, updated throughout the day. Privacy policy. Terms of use. Contact us. Advertise with us."
)
FILLER_WORDS = ("also", "then", "still", "now", "just", "very", "really", "reportedly", "officially")


def articles() -> dict[str, str]:
    root = shared_data() / "attribution" / "polnear"
    texts = {}
    for path in sorted(root.glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        if len(text.split()) >= 150:
            texts[path.stem] = text
    return texts


def story_of(name: str) -> str:
    """PolNeAR holds a few articles twice under two dates: outlet and slug name the story."""
    outlet, _, rest = name.partition("_")
    return f"{outlet}_{rest.partition('_')[2]}"


def split_of(name: str) -> str:
    return "heldout" if int(hashlib.sha1(f"stories:{name}".encode()).hexdigest(), 16) % 3 == 0 else "dev"


def paragraphs(text: str) -> list[str]:
    found = [p.strip() for p in text.split("\n\n") if p.strip()]
    return found if len(found) > 1 else [p.strip() for p in text.splitlines() if p.strip()]


def variant(kind: str, text: str, rng: random.Random, other: str) -> str:
    paras = paragraphs(text)
    if kind == "reprint":
        head = f"{rng.choice(['WASHINGTON', 'NEW YORK', 'LONDON'])} ({rng.choice(['AP', 'Reuters', 'AFP'])}) —"
        tail = ["Related: More politics coverage", "Copyright 2016. All rights reserved.", "Share this article"]
        return "\n\n".join([head, *paras, *tail])
    if kind == "trim":
        keep = max(2, round(len(paras) * rng.uniform(0.4, 0.7)))
        return "\n\n".join(paras[:keep])
    if kind == "relede":
        return "\n\n".join([paragraphs(other)[0], *paras[1:]])
    if kind == "rewrite":
        words = text.split(" ")
        edited = []
        for word in words:
            roll = rng.random()
            if roll < 0.05:
                continue
            edited.append(rng.choice(FILLER_WORDS) if roll < 0.10 else word)
        return " ".join(edited)
    return text  # "headline": the body is unchanged; only the (uncompared) title differs


def build(texts: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """``(story, variant, split, body)`` rows: originals and their copies, in a shuffled order."""
    rng = random.Random(13)
    names = sorted(texts)
    chosen = rng.sample(names, min(SAMPLE, len(names)))
    rows = []
    for name in chosen:
        original = texts[name]
        if rng.random() < 0.5:  # half the originals come from one outlet whose furniture stayed in
            original = f"{original}\n\n{FURNITURE}"
        story = story_of(name)
        rows.append((story, "original", split_of(story), original))
        for kind in VARIANTS:
            other = texts[rng.choice([n for n in names if story_of(n) != story])]
            rows.append((story, kind, split_of(story), variant(kind, texts[name], rng, other)))
    rng.shuffle(rows)  # copies arrive in any order, as they do from feeds
    return rows


def cluster(rows: list[tuple[str, str, str, str]], threshold: float) -> list[int]:
    """The story id the store gives each row, adding them one by one as an ingest would."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "stories.db")
        now = datetime.now(UTC).isoformat()
        ids = []
        with backends.writing(store.engine) as conn:
            for i, (_, _, _, body) in enumerate(rows):
                values = dict(sha256=f"{i:064d}", uri=f"eval:{i}", kind="text", body=body, analysis="{}")
                doc_id = conn.execute(insert(schema.documents).values(**values, ingested_at=now)).inserted_primary_key[
                    0
                ]  # type: ignore[index]
                ids.append(int(doc_id))
                stories.add(conn, int(doc_id), body, threshold)
        with store.engine.connect() as conn:
            story_of = dict(
                conn.execute(
                    schema.documents.select().with_only_columns(schema.documents.c.id, schema.documents.c.story_id)
                ).all()
            )
        store.close()
    return [story_of[i] for i in ids]


def pairwise(rows: list[tuple[str, str, str, str]], assigned: list[int], split: str) -> tuple[float, float, float]:
    chosen = [i for i, row in enumerate(rows) if row[2] == split]
    tp = predicted = gold = 0
    for a, b in combinations(chosen, 2):
        same_gold = rows[a][0] == rows[b][0]
        same_predicted = assigned[a] == assigned[b]
        tp += same_gold and same_predicted
        predicted += same_predicted
        gold += same_gold
    return precision_recall_f1(tp, predicted, tp, gold)


def recall_by_variant(rows: list[tuple[str, str, str, str]], assigned: list[int], split: str) -> dict[str, float]:
    """Share of copies of each kind that ended in their original's story."""
    original = {row[0]: assigned[i] for i, row in enumerate(rows) if row[1] == "original"}  # one per story
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for i, row in enumerate(rows):
        if row[1] != "original" and row[2] == split:
            totals[row[1]] += 1
            hits[row[1]] += assigned[i] == original[row[0]]
    return {kind: hits[kind] / totals[kind] for kind in VARIANTS if totals[kind]}


def main() -> None:
    texts = articles()
    rows = build(texts)
    per_split = Counter(row[2] for row in rows)
    print(f"stories: {len(rows)} documents from {len({r[0] for r in rows})} articles ({dict(per_split)})")
    results = defaultdict(dict)
    for threshold in THRESHOLDS:
        assigned = cluster(rows, threshold)
        for split in ("dev", "heldout"):
            p, r, f = pairwise(rows, assigned, split)
            results[threshold][split] = (p, r, f, recall_by_variant(rows, assigned, split))
    for split in ("dev", "heldout"):
        print(f"  {split}: threshold   P      R      F1    recall per variant")
        for threshold in THRESHOLDS:
            p, r, f, per = results[threshold][split]
            kinds = "  ".join(f"{k} {100 * v:.0f}" for k, v in per.items())
            mark = " <- default" if threshold == stories.THRESHOLD else ""
            print(f"        {threshold:9.2f}  {100 * p:5.1f}  {100 * r:5.1f}  {100 * f:5.1f}   {kinds}{mark}")


if __name__ == "__main__":
    main()
