"""Evaluate ACLED sub-event typing on the development sample (notes -> sub_event_type).

Two modes: the out-of-the-box rules (no training data), and a model trained with
``sitrep.events`` on the same file under stratified 5-fold cross-validation, so no row is
ever scored by a model that saw it. Run: ``.venv/bin/python -m eval.events`` from the repo.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from eval.common import shared_data
from sitrep.analyze import nlp as nlp_loader
from sitrep.events import classifier
from sitrep.events.extraction import extract_events
from sitrep.events.rules import default_typer
from sitrep.model import AnalyzedArticle, Article, Source


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": float(accuracy_score(gold, predicted)),
        "macro_f1": float(f1_score(gold, predicted, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(gold, predicted, average="weighted", zero_division=0)),
    }


STAGE_SAMPLE_EVERY = 5  # the events stage runs on every 5th note: enough to see a change in recall


def rule_predictions(texts: list[str]) -> tuple[list[str], list[str | None]]:
    """The rule typer on each whole note, and the events stage's first event on a sample of them.

    The stage sees a note as a one-paragraph article with no other layers, so its detection
    rate is a lower bound of its recall on conflict text (no places or attributions help it).
    """
    nlp = nlp_loader.load()
    typer = default_typer()
    typed: list[str] = []
    staged: list[str | None] = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=128)):
        typed.append(typer.type_span(doc[:]).sub_type)
        if i % STAGE_SAMPLE_EVERY == 0:
            found = extract_events(doc, _bare_result(doc.text), None, typer)
            staged.append(found[0].sub_type if found else None)
    return typed, staged


def _bare_result(text: str) -> AnalyzedArticle:
    return AnalyzedArticle(source=Source(uri="acled-note", kind="text"), article=Article(body=text))


def show_stage(gold: list[str], staged: list[str | None]) -> None:
    sample = gold[::STAGE_SAMPLE_EVERY]
    detected = sum(s is not None for s in staged)
    same = sum(s == g for s, g in zip(staged, sample, strict=True))
    print(
        f"{'events stage (1 in 5 notes)':<28} detected {100 * detected / len(sample):5.1f}%  "
        f"first event's sub-type right {100 * same / len(sample):5.1f}%  ({len(sample)} notes)"
    )


def show(name: str, result: dict[str, float], seconds: float) -> None:
    print(
        f"{name:<28} accuracy {100 * result['accuracy']:5.1f}  macro F1 {100 * result['macro_f1']:5.1f}  "
        f"weighted F1 {100 * result['weighted_f1']:5.1f}  ({seconds:.0f} s)"
    )


def confusions(gold: list[str], predicted: list[str], top: int = 15) -> None:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    for (g, p), n in pairs.most_common(top):
        print(f"  {n:5d}  {g}  ->  {p}")


def main() -> None:
    path = shared_data() / "events" / "acled_sample.csv"
    if not path.exists():
        print(f"missing {path}; set SITREP_SHARED_DATA", file=sys.stderr)
        raise SystemExit(1)
    texts, gold = classifier.read_rows(path)
    print(f"{path.name}: {len(texts)} notes, {len(set(gold))} sub-event types")
    start = time.perf_counter()
    predicted, staged = rule_predictions(texts)
    show("rules (out of the box)", scores(gold, predicted), time.perf_counter() - start)
    show_stage(gold, staged)
    if "--confusions" in sys.argv:
        confusions(gold, predicted)
    start = time.perf_counter()
    trained = classifier.cross_validate(texts, gold, folds=5)
    show("trained (5-fold CV)", trained, time.perf_counter() - start)
    print("reference: CASE 2021 task 2 best weighted F1 83.9 (fine-tuned transformers, 25 classes)")


if __name__ == "__main__":
    main()
