"""The stage registry: each analysis layer is one small, named stage.

A stage *factory* is registered under the name of the layer it fills
(``"timexes"`` fills ``AnalyzedArticle.timexes``), with the layers it reads
(``requires``), as spaCy components declare theirs. The factory runs once per
process that builds a pipeline and may load resources through
:mod:`sitrep.analyze.resources` (cached per process); the function it returns
runs once per document and must be pure: no I/O, no globals, just
``Context -> list[item]``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc

from sitrep.model import AnalyzedArticle, Article, Interval

StageFn = Callable[["Context"], Sequence[Any]]
T = TypeVar("T")
StageFactory = Callable[["StageConfig"], StageFn]


Option = str | int | float | bool | None


@dataclass(frozen=True)
class StageConfig:
    """Settings a stage factory may read: plain values only, so a configuration can be pickled and
    sent to another process, which builds its own stages (and loads its own resources) from it."""

    model_name: str = "en_core_web_sm"
    options: dict[str, Option] = field(default_factory=dict)


@dataclass
class Context:
    """What a stage sees: the article, its one parse, and the layers so far."""

    article: Article
    doc: Doc
    result: AnalyzedArticle
    derived: dict[str, Any] = field(default_factory=dict)

    def derive(self, name: str, build: Callable[[], T]) -> T:
        """A view of the layers so far that several stages read, built by the first that asks.

        Only for views of layers every asking stage ``requires``: those are complete before it runs.
        """
        if name not in self.derived:
            self.derived[name] = build()
        return self.derived[name]  # type: ignore[no-any-return]

    @property
    def dct(self) -> Interval | None:
        """The document creation time: the article's publication interval, if anchored."""
        published = self.article.published
        if published is None or published.earliest is None or published.latest is None:
            return None
        return published


_FACTORIES: dict[str, StageFactory] = {}
_REQUIRES: dict[str, tuple[str, ...]] = {}


def stage(name: str, requires: Sequence[str] = ()) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under the layer name it fills, with the layers it reads."""

    def register(factory: StageFactory) -> StageFactory:
        for layer in (name, *requires):
            if layer not in AnalyzedArticle.model_fields:
                raise ValueError(f"stage {name!r}: {layer!r} names no layer of AnalyzedArticle")
        _FACTORIES[name] = factory
        _REQUIRES[name] = tuple(requires)
        return factory

    return register


def requires(name: str) -> tuple[str, ...]:
    """The layers stage ``name`` reads, which earlier stages must fill."""
    return _REQUIRES.get(name, ())


def factory(name: str) -> StageFactory:
    try:
        return _FACTORIES[name]
    except KeyError:
        raise KeyError(f"no stage named {name!r}; known: {', '.join(sorted(_FACTORIES))}") from None
