"""The analysis pipeline: one parse, then the registered stages in order."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.registry import Context, StageConfig, StageFn, factory
from sitrep.errors import InputError
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
        """Analyse one article; a failing stage raises :class:`StageFailure`."""
        outcome = next(self.analyze_many([(source, article)]))
        if isinstance(outcome, StageFailure):
            raise outcome
        return outcome

    def analyze_many(
        self, items: Iterable[tuple[Source, Article]], batch_size: int = 16
    ) -> Iterator[AnalyzedArticle | StageFailure]:
        """Analyse articles, parsing bodies in batches with ``nlp.pipe``.

        A stage that fails on one article yields a :class:`StageFailure` for it
        (one line, naming the article and the stage) and the batch goes on.
        """
        pairs = ((article.body, (source, article)) for source, article in items)
        for doc, (source, article) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            result = AnalyzedArticle(source=source, article=article)
            ctx = Context(article=article, doc=doc, result=result)
            try:
                for name, run in self.stages:
                    setattr(result, name, list(run(ctx)))
            except Exception as exc:  # a bug in one stage must not sink a batch
                yield StageFailure(source.uri, f"stage {name!r} failed: {type(exc).__name__}: {exc}"[:300])
                continue
            yield result


class StageFailure(InputError):
    """An analysis stage raised on one article: reported like a bad input, never a traceback."""
