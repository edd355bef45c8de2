"""Shared fixtures: the bundled example, a loaded pipeline (once per session), a fresh database."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from sitrep.analyze.pipeline import Pipeline, StageFailure
from sitrep.contract import violations
from sitrep.model import AnalyzedArticle, Article, Source
from sitrep.store import Store

# Tests must not pick up a model the user trained with `sitrep train-events` (results would depend on it).
os.environ["SITREP_WORKERS"] = "1"  # one process unless a test asks for workers (tests/test_workers.py)
os.environ["SITREP_EVENTS_MODEL"] = str(Path(__file__).resolve().parent / "fixtures" / "no-trained-events-model")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_f33f436a49f2953e.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The example's article body as the extractor recovers it (test_textdump checks that they agree),
# so stage tests do not depend on the extractor.
EXAMPLE_BODY = (FIXTURES / "example_body.txt").read_text(encoding="utf-8").rstrip("\n")

pytest_plugins = ["tests.corpus_support", "tests.postgres_support"]  # disagreeing articles; a real PostgreSQL


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend: every store, corpus and API test runs against both."""
    if request.param == "sqlite":
        opened = Store(tmp_path / "test.db")
    else:
        opened = Store(request.getfixturevalue("postgres_url"))
    yield opened
    opened.close()


@pytest.fixture(autouse=True, scope="session")
def every_output_keeps_the_contract() -> Iterator[None]:
    """Whatever a test analyses, its offsets slice the body and its indexes point at real items."""
    original = Pipeline.analyze_many

    def checked(
        self: Pipeline, items: Iterable[tuple[Source, Article]], batch_size: int = 16
    ) -> Iterator[AnalyzedArticle | StageFailure]:
        for result in original(self, items, batch_size):
            if isinstance(result, AnalyzedArticle):
                problems = violations(result)
                assert not problems, f"{result.source.uri}: " + "; ".join(map(str, problems[:5]))
            yield result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Pipeline, "analyze_many", checked)
        yield
