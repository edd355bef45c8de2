"""Shared set-up for the events/control tests: the Bakhmut example with hand-filled layers."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.registry import Context
from sitrep.model import AnalyzedArticle, Article, Attribution, Interval, Place, Source, Timex

FIXTURES = Path(__file__).parent / "fixtures" / "events"
DCT = Interval(earliest="2023-03-30", latest="2023-03-30", granularity="day")


def body() -> str:
    return EXAMPLE_BODY


@lru_cache(maxsize=1)
def _parsed() -> object:
    return nlp_loader.load()(body())


def bakhmut_context() -> Context:
    """The example article with places/timexes/attributions as those stages produce them."""
    layers = json.loads((FIXTURES / "bakhmut_layers.json").read_text("utf-8"))
    article = Article(body=body(), published=DCT)
    result = AnalyzedArticle(
        source=Source(uri="test:bakhmut", kind="text"),
        article=article,
        places=[Place(**p) for p in layers["places"]],
        timexes=[Timex(**t) for t in layers["timexes"]],
        attributions=[Attribution(**a) for a in layers["attributions"]],
    )
    return Context(article=article, doc=_parsed(), result=result)  # type: ignore[arg-type]


def attribution_index(ctx: Context, source_text: str, cue: str) -> int:
    for i, a in enumerate(ctx.result.attributions):
        if a.source is not None and a.source.text == source_text and a.cue.text == cue:
            return i
    raise AssertionError(f"no attribution {source_text!r} {cue!r}")
