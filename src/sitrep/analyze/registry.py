"""The stage registry: each analysis layer is one small, named stage.

A stage *factory* is registered under the name of the layer it fills
(``"timexes"`` fills ``AnalyzedArticle.timexes``). The factory runs once per
process (a CLI run, a web worker, a Dask worker) and may load resources such as
the gazetteer; the function it returns runs once per document and must be pure:
no I/O, no globals, just ``Context -> list[item]``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from sitrep.model import AnalyzedArticle, Article, Interval

StageFn = Callable[["Context"], Sequence[Any]]
StageFactory = Callable[["StageConfig"], StageFn]


@dataclass(frozen=True)
class StageConfig:
    """Settings a stage factory may read; extend with fields, not globals."""

    model_name: str = "en_core_web_sm"
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """What a stage sees: the article, its one parse, and the layers so far."""

    article: Article
    doc: Doc
    result: AnalyzedArticle

    @property
    def dct(self) -> Interval | None:
        """The document creation time: the article's publication interval, if anchored."""
        published = self.article.published
        if published is None or published.earliest is None or published.latest is None:
            return None
        return published


_FACTORIES: dict[str, StageFactory] = {}


def stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under the layer name it fills."""

    def register(factory: StageFactory) -> StageFactory:
        if name not in AnalyzedArticle.model_fields:
            raise ValueError(f"stage {name!r} names no layer of AnalyzedArticle")
        _FACTORIES[name] = factory
        return factory

    return register


def factory(name: str) -> StageFactory:
    try:
        return _FACTORIES[name]
    except KeyError:
        raise KeyError(f"no stage named {name!r}; known: {', '.join(sorted(_FACTORIES))}") from None
