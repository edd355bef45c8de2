"""A pipeline is built from plain configuration, so another process builds the same one."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE

from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.analyze.registry import StageConfig, stage
from sitrep.errors import ResourceError, UsageError
from sitrep.extract import extract
from sitrep.sources import read_path

WORKER = """
import pickle, sys
from sitrep.analyze.pipeline import Pipeline
from sitrep.extract import extract
from sitrep.sources import read_path
config, path = pickle.loads(sys.stdin.buffer.read())
pipeline = Pipeline.from_config(config)
sys.stdout.write(pipeline.analyze(*extract(read_path(path, captured_at="2023-05-25"))).model_dump_json())
"""


def test_configuration_pickles_and_builds_the_same_pipeline_in_another_process(pipeline: Pipeline) -> None:
    config = pipeline.config
    assert pickle.loads(pickle.dumps(config)) == config
    here = pipeline.analyze(*extract(read_path(EXAMPLE, captured_at="2023-05-25"))).model_dump_json()
    there = subprocess.run(
        [sys.executable, "-c", WORKER],
        input=pickle.dumps((config, EXAMPLE)),
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout.decode("utf-8")
    assert there == here
    assert '"events":[{' in here and '"control":[{' in here  # the comparison covers every layer, events included


def test_default_configuration_names_model_and_every_stage() -> None:
    config = PipelineConfig.default(model="some_model", events_model="none")
    assert config.model_name == "some_model" and config.stages[0] == "sentences" and config.stages[-1] == "control"
    assert dict(config.options) == {"events_model": "none"}


def test_a_stage_before_the_layers_it_reads_is_refused() -> None:
    @stage("control", requires=("places",))
    def make_reader(config: StageConfig) -> object:  # pragma: no cover - never built
        raise AssertionError

    try:
        with pytest.raises(UsageError, match="stage 'control' reads places"):
            Pipeline(stages=["sentences", "control"])
    finally:
        import importlib

        importlib.reload(importlib.import_module("sitrep.analyze.control"))  # the real stage again


def test_a_server_configuration_never_builds_the_gazetteer(tmp_path: Path) -> None:
    missing = tmp_path / "no-gazetteer.sqlite"
    config = PipelineConfig.default(stages=["sentences", "places"], gazetteer=str(missing), build_gazetteer=False)
    with pytest.raises(ResourceError, match=r"gazetteer index not found .*sitrep setup"):
        Pipeline.from_config(config)
    assert not missing.exists()
