"""The analysis pipeline: one parse, then the registered stages in order."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.registry import Context, StageConfig, StageFn, factory
from sitrep.model import AnalyzedArticle, Article, Source

# Layer name -> module that registers it. Order matters: later stages read
# earlier layers (attributions use places for metonymy, events use all three).
STAGE_MODULES: dict[str, str] = {
    "sentences": "sitrep.analyze.mentions",
    "mentions": "sitrep.analyze.mentions",
    "timexes": "sitrep.analyze.timexes",
    "places": "sitrep.analyze.places",
    "attributions": "sitrep.analyze.attributions",
    "events": "sitrep.analyze.events",
    "control": "sitrep.analyze.control",
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGE_MODULES)


class Pipeline:
    """Loads the model and the stages once; analyses many articles."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, model: str | None = None) -> None:
        self.config = StageConfig(model_name=nlp_loader.model_name(model))
        self.nlp = nlp_loader.load(self.config.model_name)
        self.stages: list[tuple[str, StageFn]] = []
        for name in stages:
            importlib.import_module(STAGE_MODULES.get(name, f"sitrep.analyze.{name}"))
            self.stages.append((name, factory(name)(self.config)))

    def analyze(self, source: Source, article: Article) -> AnalyzedArticle:
        return next(self.analyze_many([(source, article)]))

    def analyze_many(
        self, items: Iterable[tuple[Source, Article]], batch_size: int = 16
    ) -> Iterator[AnalyzedArticle]:
        """Analyse articles, parsing bodies in batches with ``nlp.pipe``."""
        pairs = ((article.body, (source, article)) for source, article in items)
        for doc, (source, article) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            result = AnalyzedArticle(source=source, article=article)
            ctx = Context(article=article, doc=doc, result=result)
            for name, run in self.stages:
                setattr(result, name, list(run(ctx)))
            yield result
