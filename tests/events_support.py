"""Shared set-up for the events/control tests: the Bakhmut example with hand-filled layers."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.events import make_events
from sitrep.analyze.pipeline import Pipeline
from sitrep.analyze.registry import Context, StageConfig
from sitrep.model import AnalyzedArticle, Article, Attribution, Event, Interval, Place, Source, Timex

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


def run_events(ctx: Context) -> list[Event]:
    """The events stage on ``ctx`` with the rules alone (a user's trained model never leaks in)."""
    return list(make_events(StageConfig(options={"events_model": "none"}))(ctx))


def written_context(text: str) -> Context:
    """A written sentence as an article dated :data:`DCT`, with its parse and no other layers."""
    doc = nlp_loader.load()(text)
    article = Article(body=text, published=DCT)
    return Context(
        article=article, doc=doc, result=AnalyzedArticle(source=Source(uri="t", kind="text"), article=article)
    )


def events_of(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """(sub-type, modality) of every event the stage finds in ``text``."""
    ctx = written_context(text)
    ctx.article.language = language
    return [(e.sub_type, e.modality) for e in run_events(ctx)]


def modalities_of(text: str) -> set[str]:
    """The modalities of the events the stage finds in ``text`` (empty: it finds none)."""
    return {modality for _, modality in events_of(text)}


def asserted_sub_types(text: str) -> list[str]:
    """The sub-types of the events the stage asserts in ``text``, in order."""
    return [sub_type for sub_type, modality in events_of(text) if modality == "asserted"]


def asserted_events(text: str) -> list[Event]:
    """The events the stage asserts in ``text`` (a written sentence, see :func:`written_context`)."""
    return [e for e in run_events(written_context(text)) if e.modality == "asserted"]


def main_event(text: str) -> Event:
    """The asserted event of ``text`` the stage is surest of: what the sentence reports."""
    found = asserted_events(text)
    assert found, f"no asserted event in {text!r}"
    return max(found, key=lambda e: e.confidence)


def whole_pipeline_asserts(pipeline: Pipeline, text: str) -> list[str]:
    """The sub-types of the asserted events of ``text`` analysed by every stage (real places resolved)."""
    result = pipeline.analyze(Source(uri="t", kind="text"), Article(body=text))
    return [e.sub_type for e in result.events if e.modality == "asserted"]
