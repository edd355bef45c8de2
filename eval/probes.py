"""Invented probe sentences (``eval/data/invented_probes.tsv``): how many the events stage types as written.

The sentences were invented to find constructions the rules miss (light verbs, headlines, background,
figurative senses, non-conflict domains); the rules were then fixed against them, so a pass rate here is a
regression check for the method, not a measure of generalisation (that is ``eval.events_news``'s held-out
half). Run: ``.venv/bin/python -m eval.probes [--failures]``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eval.events_news import predicted_label
from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.model import AnalyzedArticle, Article, Source

PROBES = Path(__file__).parent / "data" / "invented_probes.tsv"


def probes() -> list[tuple[str, str, str]]:
    """(label, batch, sentence) rows."""
    rows = [line.rstrip("\n").split("\t") for line in PROBES.read_text().splitlines() if not line.startswith("#")]
    return [(label, batch, text) for label, batch, text in rows]


def main() -> None:
    rows = probes()
    pipeline = Pipeline(config=PipelineConfig.default(events_model="none"))
    items = [(Source(uri=f"probe-{i}", kind="text"), Article(body=text)) for i, (_, _, text) in enumerate(rows)]
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures = []
    for (label, batch, text), result in zip(rows, pipeline.analyze_many(items), strict=True):
        got = predicted_label(result) if isinstance(result, AnalyzedArticle) else "none"
        total[batch] += 1
        passed[batch] += got == label
        if got != label:
            failures.append(f"  {batch}: gold {label} / got {got}: {text}")
    for batch in total:
        print(f"  {batch:<26} {passed[batch]:>3} / {total[batch]}")
    print(f"invented probes: {sum(passed.values())} / {sum(total.values())} typed as written")
    if "--failures" in sys.argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
