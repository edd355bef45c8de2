"""The analysis pipeline: one parse, then the registered stages in order.

A pipeline is built from a :class:`PipelineConfig` of plain values (model name,
stage names, options). The configuration pickles; the pipeline does not need
to: any process (a worker, a server) builds an identical pipeline from the same
configuration, loading the model and the gazetteer once per process.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.chunks import CHUNK_CHARS, parse_many
from sitrep.analyze.headline_case import with_headlines_parsed
from sitrep.analyze.registry import Context, Option, StageConfig, StageFn, factory, requires
from sitrep.errors import InputError, UsageError
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
CHUNK_OPTION = "chunk_chars"  # bodies longer than this are parsed in paragraph-aligned pieces


@dataclass(frozen=True)
class PipelineConfig:
    """Everything needed to build a pipeline, as plain values (picklable, printable)."""

    model_name: str
    stages: tuple[str, ...] = DEFAULT_STAGES
    options: Mapping[str, Option] = field(default_factory=dict)

    @classmethod
    def default(
        cls, stages: Sequence[str] = DEFAULT_STAGES, model: str | None = None, **options: Option
    ) -> PipelineConfig:
        """The configuration for ``stages`` with the model from ``model``, ``$SITREP_MODEL`` or the default."""
        return cls(nlp_loader.model_name(model), tuple(stages), dict(options))


def _check_order(stages: Sequence[str]) -> None:
    for i, name in enumerate(stages):
        missing = [layer for layer in requires(name) if layer not in stages[:i]]
        if missing:
            raise UsageError(f"stage {name!r} reads {', '.join(missing)}: put those stages before it")


class Pipeline:
    """Loads the model and the stages once; analyses many articles."""

    def __init__(
        self, stages: Sequence[str] = DEFAULT_STAGES, model: str | None = None, config: PipelineConfig | None = None
    ) -> None:
        self.config = config or PipelineConfig.default(stages, model)
        self.nlp = nlp_loader.load(self.config.model_name)
        for name in self.config.stages:
            importlib.import_module(STAGE_MODULES.get(name, f"sitrep.analyze.{name}"))
        _check_order(self.config.stages)
        stage_config = StageConfig(self.config.model_name, dict(self.config.options))
        self.stages: list[tuple[str, StageFn]] = [(name, factory(name)(stage_config)) for name in self.config.stages]
        self.chunk_chars = int(self.config.options.get(CHUNK_OPTION) or CHUNK_CHARS)

    @classmethod
    def from_config(cls, config: PipelineConfig) -> Pipeline:
        return cls(config=config)

    def analyze(self, source: Source, article: Article) -> AnalyzedArticle:
        """Analyse one article; a failing stage raises :class:`StageFailure`."""
        outcome = next(self.analyze_many([(source, article)]))
        if isinstance(outcome, StageFailure):
            raise outcome
        return outcome

    def _parse_one(self, text: str) -> Doc:
        """One text parsed as the batch parses bodies (long ones in pieces)."""
        return next(parse_many(self.nlp, [(text, None)], 1, self.chunk_chars))[0]

    def analyze_many(
        self, items: Iterable[tuple[Source, Article]], batch_size: int = 16
    ) -> Iterator[AnalyzedArticle | StageFailure]:
        """Analyse articles, parsing bodies in batches with ``nlp.pipe`` (long ones in pieces, see ``chunks``).

        A stage that fails on one article yields a :class:`StageFailure` for it
        (one line, naming the article and the stage) and the batch goes on.
        """
        pairs = ((article.body, (source, article)) for source, article in items)
        for parsed, (source, article) in parse_many(self.nlp, pairs, batch_size, self.chunk_chars):
            result = AnalyzedArticle(source=source, article=article)
            name = "headline parse"
            try:
                doc = with_headlines_parsed(parsed, self._parse_one)
                ctx = Context(article=article, doc=doc, result=result)
                for name, run in self.stages:
                    setattr(result, name, list(run(ctx)))
            except Exception as exc:  # a bug in one stage must not sink a batch
                yield StageFailure(source.uri, f"stage {name!r} failed: {type(exc).__name__}: {exc}"[:300])
                continue
            yield result


class StageFailure(InputError):
    """An analysis stage raised on one article: reported like a bad input, never a traceback."""
