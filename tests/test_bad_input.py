"""Bad input gets one line naming the file and the reason; batches go on."""

from __future__ import annotations

import gzip
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE, FIXTURES

from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.sources import read_path


def _fail(path: Path, **kw: object) -> str:
    with pytest.raises(InputError) as info:
        extract(read_path(path, **kw))  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert "empty" in _fail(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "PNG" in _fail(path)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 8)
    assert "binary" in _fail(blob)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    assert "too large" in _fail(path, max_bytes=1000)


def test_gzip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    assert "too large once decompressed" in _fail(path, max_bytes=100_000)


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "html" / "dispatch.html").read_bytes())[:300])
    assert "truncated gzip" in _fail(path)


def test_gzip_members_nesting_and_a_cut_last_member(tmp_path: Path) -> None:
    page = (FIXTURES / "html" / "dispatch.html").read_bytes()
    whole = tmp_path / "members.html.gz"
    whole.write_bytes(gzip.compress(page[:500]) + gzip.compress(page[500:]))  # what `cat a.gz b.gz` makes
    assert read_path(whole).data == page
    nested = tmp_path / "nested.html.gz"
    nested.write_bytes(gzip.compress(gzip.compress(page)))
    assert read_path(nested).data == page
    cut = tmp_path / "cut-member.html.gz"
    cut.write_bytes(gzip.compress(page[:500]) + gzip.compress(page[500:])[:-40])
    assert "truncated gzip" in _fail(cut)
    junk = tmp_path / "junk.html.gz"
    junk.write_bytes(gzip.compress(page) + b"<html>more")
    assert "trailing garbage" in _fail(junk)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_bytes(b"Report: " + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + b"\x01\x02" * 10)
    assert "binary" in _fail(path) or "undecodable" in _fail(path)


def test_hostile_html_scripts_only(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text("<html><body><script>" + "alert(1);" * 1000 + "</script></body></html>", encoding="utf-8")
    assert "no article text" in _fail(path)


def test_deeply_nested_and_huge_attribute_html(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    nested = "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000
    path.write_text(f'<html><body data-x="{"A" * 2_000_000}">{nested}</body></html>', encoding="utf-8")
    try:
        source, article = extract(read_path(path))
    except InputError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
    else:
        assert source.kind == "html" and "<div>" not in article.body


def test_cli_single_bad_file_exits_nonzero_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "sitrep", "analyze", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {path}: empty file"]
    assert "Traceback" not in result.stderr


def test_cli_analyze_reports_bad_and_prints_good(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"%PDF-1.7 binary")
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", "analyze", str(bad), str(EXAMPLE)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "PDF" in result.stderr


def test_a_failing_stage_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    from sitrep.analyze.pipeline import Pipeline
    from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
    from sitrep.service import analyze_paths

    importlib.import_module("sitrep.analyze.events")  # so the real stage cannot re-register over ours

    @stage("events")
    def make_fragile(config: StageConfig) -> StageFn:
        def fragile(ctx: Context) -> list[object]:
            if "explode" in ctx.article.body:
                raise RuntimeError("simulated bug")
            return []

        return fragile

    try:
        good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
        good.write_text("The council met on Monday and approved the budget.\n", encoding="utf-8")
        bad.write_text("This text will explode the fragile stage.\n", encoding="utf-8")
        pipeline = Pipeline(stages=["sentences", "events"])
        outcomes = list(analyze_paths([bad, good], pipeline, kind="text"))
        assert outcomes[0].error is not None and outcomes[1].result is not None
        message = str(outcomes[0].error)
        assert message.startswith(str(bad)) and "stage 'events' failed: RuntimeError: simulated bug" in message
    finally:
        importlib.reload(importlib.import_module("sitrep.analyze.events"))  # the real stage again
