"""Events on news prose: labelled snippets (30 labels + none) and pages that report no event at all.

Two measures, each printed for the ``dev`` and ``heldout`` splits (``eval/news_text.split_of``;
rules are never tuned on ``heldout``):

1. **Snippets** (``eval/data/news_events_*.tsv``, labelled by ``eval/guidelines/events.md``): each
   snippet is analysed as a one-paragraph article by the whole pipeline; its predicted label is the
   sub-type of its most confident *asserted* event, ``none`` without one. Per label: precision,
   recall, F1; weighted F1 is the support-weighted mean over the labels present in the gold (``none``
   is not a label, but a label predicted on a ``none`` snippet is a false positive of that label).
2. **False alarms** (``eval/data/false_alarm_pages.tsv``): pages of sports, technology, science,
   business, entertainment … that report no event; every asserted event sitrep finds is a false alarm.

Both for the rules out of the box and for a model trained on the ACLED development sample
(``sitrep train-events``), which re-types the rules' clauses where it is clearly surer.

Snippets are also scored per source and per batch (the file they come from: a batch labelled after
the rules were written measures them on text they were not tuned on).

Run: ``.venv/bin/python -m eval.events_news [--confusions] [--errors=N [--gold=LABEL] [--batch=NAME]]
[--rules-only|--only-trained] [--more-pages]`` (the last also reads every page of ``html/more`` and counts
the pages with events).
"""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from eval.common import precision_recall_f1, shared_data
from eval.news_text import check, document_text, read_labels
from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.events import classifier
from sitrep.extract import extract
from sitrep.model import AnalyzedArticle, Article, Source
from sitrep.sources import Origin, RawDoc

DATA = Path(__file__).resolve().parent / "data"
NONE = "none"


def predicted_label(result: AnalyzedArticle) -> str:
    asserted = [e for e in result.events if e.modality == "asserted"]
    if not asserted:
        return NONE
    return max(asserted, key=lambda e: e.confidence).sub_type


def snippets() -> list[dict[str, str]]:
    rows = []
    for path in sorted(DATA.glob("news_events_*.tsv")):
        for row in read_labels(path):
            text = document_text(row["source"], row["doc"])[int(row["start"]) : int(row["end"])]
            if check(text) != row["check"]:
                raise SystemExit(f"{path.name} {row['id']}: the text at its offsets changed (check mismatch)")
            rows.append({**row, "text": text, "batch": path.stem.removeprefix("news_events_")})
    return rows


def score(rows: list[dict[str, str]]) -> tuple[dict[str, tuple[float, float, float, int]], float, float]:
    """Per label (P, R, F1, support), weighted F1, accuracy."""
    labels = sorted({r["label"] for r in rows} - {NONE})
    per: dict[str, tuple[float, float, float, int]] = {}
    for label in labels:
        tp = sum(1 for r in rows if r["label"] == label and r["predicted"] == label)
        predicted = sum(1 for r in rows if r["predicted"] == label)
        gold = sum(1 for r in rows if r["label"] == label)
        p, r_, f = precision_recall_f1(tp, predicted, tp, gold)
        per[label] = (p, r_, f, gold)
    support = sum(s for *_, s in per.values())
    weighted = sum(f * s for _, _, f, s in per.values()) / support if support else 0.0
    accuracy = sum(1 for r in rows if r["label"] == r["predicted"]) / len(rows) if rows else 0.0
    return per, weighted, accuracy


def report_snippets(rows: list[dict[str, str]], confusions: bool) -> None:
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in rows if split == "all" or r["split"] == split]
        per, weighted, accuracy = score(chosen)
        negatives = [r for r in chosen if r["label"] == NONE]
        quiet = sum(1 for r in negatives if r["predicted"] == NONE)
        found = sum(1 for r in chosen if r["label"] != NONE and r["predicted"] != NONE)
        events = sum(1 for r in chosen if r["label"] != NONE)
        print(
            f"{split:<8} {len(chosen):4d} snippets  weighted F1 {100 * weighted:5.1f}  "
            f"accuracy {100 * accuracy:5.1f}  events found {found}/{events}  none quiet {quiet}/{len(negatives)}"
        )
    for column in ("source", "batch"):
        print(f"  by {column} (weighted F1 dev / held out, snippets): where a change does or does not carry over")
        for value in sorted({r[column] for r in rows}):
            cells = []
            for split in ("dev", "heldout"):
                chosen = [r for r in rows if r[column] == value and r["split"] == split]
                cells.append(f"{100 * score(chosen)[1]:5.1f} ({len(chosen):3d})" if chosen else "   —       ")
            print(f"    {value:<12} {cells[0]}  /  {cells[1]}")
    per, _, _ = score(rows)
    print(f"  {'label':<38} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for label, (p, r, f, n) in sorted(per.items(), key=lambda kv: -kv[1][3]):
        print(f"  {label:<38} {100 * p:5.1f} {100 * r:5.1f} {100 * f:5.1f} {n:4d}")
    if confusions:
        dev = [r for r in rows if r["split"] == "dev"]
        pairs = Counter((r["label"], r["predicted"]) for r in dev if r["label"] != r["predicted"])
        print("  most frequent confusions on the development split (gold -> predicted):")
        for (gold, predicted), n in pairs.most_common(25):
            print(f"    {n:4d}  {gold}  ->  {predicted}")


def analyze_page(pipeline: Pipeline, page: Path) -> AnalyzedArticle | None:
    """One saved HTML page (gzipped or not) through the whole pipeline; None for a page sitrep refuses."""
    data = page.read_bytes()
    if page.name.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        return pipeline.analyze(*extract(RawDoc(Origin(str(page)), data, "text/html"), "html"))
    except Exception as exc:  # a page sitrep refuses reports no event
        print(f"  skipped {page.name}: {exc}"[:160])
        return None


def every_other_page(pipeline: Pipeline) -> None:
    """``--more-pages``: every page of ``html/more`` (903 pages of many genres and languages, some of them
    conflict news): how many pages get any asserted event, and which types. Not a false-alarm count."""
    kinds: Counter[str] = Counter()
    pages = with_events = 0
    for page in sorted((shared_data() / "html" / "more").glob("*.gz")):
        result = analyze_page(pipeline, page)
        if result is None:
            continue
        pages += 1
        asserted = [e for e in result.events if e.modality == "asserted"]
        with_events += bool(asserted)
        kinds.update(e.sub_type for e in asserted)
    print(f"html/more: {with_events} of {pages} pages with asserted events ({sum(kinds.values())}: {dict(kinds)})")


def false_alarms(pipeline: Pipeline) -> None:
    path = DATA / "false_alarm_pages.tsv"
    if not path.exists():
        print(f"(no {path.name} yet)")
        return
    rows = read_labels(path)
    by_split: dict[str, list[int]] = defaultdict(list)
    examples: list[str] = []
    for row in rows:
        result = analyze_page(pipeline, shared_data() / "html" / row["doc"])
        if result is None:
            continue
        asserted = [e for e in result.events if e.modality == "asserted"]
        by_split[row["split"]].append(len(asserted))
        for e in asserted[:2]:
            examples.append(
                f"{row['doc']} [{row['genre']}]: {e.sub_type}: "
                f"{result.article.body[e.evidence.start : e.evidence.end][:90]!r}"
            )
    for split in ("dev", "heldout"):
        counts = by_split[split]
        print(
            f"false alarms {split:<8} {sum(counts):3d} asserted events on {sum(1 for c in counts if c)} of "
            f"{len(counts)} pages"
        )
    for line in examples[:40]:
        print("  " + line)


def run(pipeline: Pipeline, rows: list[dict[str, str]], title: str) -> None:
    """Predict every snippet with ``pipeline`` and print the scores under ``title``."""
    print(f"-- {title}")
    texts = [(Source(uri=r["id"], kind="text"), Article(body=r["text"])) for r in rows]
    failed: list[str] = []
    for row, result in zip(rows, pipeline.analyze_many(texts), strict=True):
        row["predicted"] = predicted_label(result) if isinstance(result, AnalyzedArticle) else NONE
        if not isinstance(result, AnalyzedArticle):
            failed.append(f"{row['id']}: {result}"[:200])
    if failed:  # a stage that raises would otherwise pass for a quiet "none"
        print(f"!! {len(failed)} snippets failed to analyse (scored as none), e.g. {failed[0]}")
    report_snippets(rows, "--confusions" in sys.argv)
    dump = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--dump=")), None)
    if dump:  # to compare two versions snippet by snippet
        Path(dump).write_text("".join(f"{r['id']}\t{r['split']}\t{r['label']}\t{r['predicted']}\n" for r in rows))
    errors = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--errors=")), 0)
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--gold=")), None)
    batch = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--batch=")), None)
    wrong = [
        r
        for r in rows
        if r["label"] != r["predicted"]
        and r["split"] == "dev"
        and only in (None, r["label"])
        and batch in (None, r["batch"])
    ]
    for row in wrong[:errors]:
        print(f"  {row['id']}: gold {row['label']} / got {row['predicted']}: {row['text'][:160]!r}")


def trained_model(folder: Path) -> Path:
    """A model trained by ``sitrep train-events`` on the ACLED development sample (never shipped)."""
    return classifier.train(shared_data() / "events" / "acled_sample.csv", folder / "acled.joblib", cv_folds=0)


def main() -> None:
    started = time.perf_counter()
    rows = snippets()
    print(
        f"news snippets: {len(rows)} from {len({r['source'] for r in rows})} sources "
        f"({sum(r['split'] == 'heldout' for r in rows)} held out)"
    )
    pipeline = Pipeline(config=PipelineConfig.default(events_model="none"))
    if "--only-trained" not in sys.argv:
        run(pipeline, rows, "out of the box (rules)")
        false_alarms(pipeline)
        if "--more-pages" in sys.argv:
            every_other_page(pipeline)
    if "--rules-only" not in sys.argv:
        with tempfile.TemporaryDirectory() as folder:
            model = trained_model(Path(folder))
            trained = Pipeline(config=PipelineConfig.default(events_model=str(model)))
            run(trained, rows, "trained on the ACLED sample (sitrep train-events), rules as the prior")
    print(f"(events_news: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
