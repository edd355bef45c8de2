"""Event detection against the ACE labels of 6,201 Voice of America sentences (a second, looser measure).

ACE's ontology is not sitrep's: its ``Conflict:Attack`` covers every attack and battle, generic ones
included ("attacks have risen"); its sentences without events report nothing ACE codes, though some
report a disaster or a diplomatic event that sitrep does code. So these are not scores against a gold
standard but rates that move when detection changes, on many more sentences than the labelled
snippets (``eval/events_news.py``), from another genre:

- **found**: share of the sentences with an ACE event of a kind where sitrep finds a matching
  asserted event (any event for ``Conflict:Attack``; a protest or riot for ``Conflict:Demonstrate``;
  an arrest for ``Justice:Arrest-Jail``, which sitrep codes only when political, so well below 100);
- **quiet**: share of the sentences with no ACE event at all where sitrep asserts none.

Both printed per split (``eval/news_text.split_of``; nothing is tuned on ``heldout``).
Run: ``.venv/bin/python -m eval.events_ace [--misses=KIND:N]``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from eval.common import shared_data
from eval.news_text import split_of
from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.model import AnalyzedArticle, Article, Event, Source


def _any(events: list[Event]) -> bool:
    return bool(events)


def _crowd(events: list[Event]) -> bool:
    return any(e.type in {"Protests", "Riots"} for e in events)


def _arrest(events: list[Event]) -> bool:
    return any(e.sub_type == "Arrests" for e in events)


KINDS: dict[str, Callable[[list[Event]], bool]] = {
    "Conflict:Attack": _any,
    "Conflict:Demonstrate": _crowd,
    "Justice:Arrest-Jail": _arrest,
}


def sentences() -> list[dict[str, object]]:
    path = shared_data() / "events" / "news" / "voa_m2e2_sentences.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        row["split"] = split_of("voa", str(row["id"]))
        row["kinds"] = sorted({str(e["type"]) for e in row["events"]})
    return rows


def main() -> None:
    started = time.perf_counter()
    rows = sentences()
    pipeline = Pipeline(config=PipelineConfig.default(events_model="none"))
    texts = [(Source(uri=str(r["id"]), kind="text"), Article(body=str(r["text"]))) for r in rows]
    for row, result in zip(rows, pipeline.analyze_many(texts), strict=True):
        found = result.events if isinstance(result, AnalyzedArticle) else []
        row["asserted"] = [e for e in found if e.modality == "asserted"]
    print(f"VOA sentences: {len(rows)} ({sum(r['split'] == 'heldout' for r in rows)} held out)")
    for split in ("dev", "heldout"):
        chosen = [r for r in rows if r["split"] == split]
        parts = []
        for kind, matches in KINDS.items():
            having = [r for r in chosen if kind in r["kinds"]]  # type: ignore[operator]
            hits = sum(1 for r in having if matches(r["asserted"]))  # type: ignore[arg-type]
            parts.append(f"{kind} found {100 * hits / max(1, len(having)):4.1f}% of {len(having)}")
        empty = [r for r in chosen if not r["kinds"]]
        quiet = sum(1 for r in empty if not r["asserted"])
        parts.append(f"no ACE event: quiet {100 * quiet / max(1, len(empty)):4.1f}% of {len(empty)}")
        print(f"{split:<8} " + "; ".join(parts))
    misses = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--misses=")), None)
    if misses:  # development split only
        kind, _, count = misses.rpartition(":")
        dev = [r for r in rows if r["split"] == "dev"]
        if kind == "none":
            wrong = [r for r in dev if not r["kinds"] and r["asserted"]]
        else:
            wrong = [r for r in dev if kind in r["kinds"] and not KINDS[kind](r["asserted"])]  # type: ignore[operator,arg-type]
        for row in wrong[: int(count)]:
            got = ", ".join(sorted({e.sub_type for e in row["asserted"]}))  # type: ignore[attr-defined]
            print(f"  {row['id']} [{got}]: {str(row['text'])[:200]!r}")
    print(f"(events_ace: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
