"""Bodies of any length: past the parser's limit they are parsed in pieces, offsets still index the body."""

from __future__ import annotations

import pytest

from sitrep.analyze import chunks
from sitrep.analyze.pipeline import Pipeline
from sitrep.model import Article, Source

PARAGRAPH = (
    "Officials in the river town of Marlow said on Tuesday that the new bridge would open in May. "
    "The mayor, Ana Ruiz, told reporters the project was on budget."
)


def test_chunks_are_exact_slices_cut_at_the_strongest_break() -> None:
    text = "\n\n".join(f"{PARAGRAPH} Part {i}." for i in range(40))
    spans = chunks.chunk_spans(text, 1000)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 1000 for a, b in spans) and len(spans) > 5
    assert all(text[b - 2 : b] == "\n\n" for _, b in spans[:-1])  # every cut after a paragraph break
    one_line = "x" * 2500
    assert chunks.chunk_spans(one_line, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    words = " ".join(["word"] * 600)
    assert all(words[b - 1] == " " for _, b in chunks.chunk_spans(words, 1000)[:-1])


def test_a_body_past_the_parser_limit_is_analysed_whole(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n\n".join(f"{PARAGRAPH} Report {i} came from the harbour office." for i in range(250))
    monkeypatch.setattr(pipeline.nlp, "max_length", 4000)  # the body is ten times the parser's limit
    monkeypatch.setattr(pipeline, "chunk_chars", 3000)
    result = pipeline.analyze(Source(uri="long", kind="text"), Article(body=body))
    assert len(body) > 40_000
    assert sum(1 for s in result.sentences if body[s.start : s.end].startswith("Officials")) == 250
    towns = [p for p in result.places if p.text == "Marlow"]
    assert len(towns) == 250 and body[towns[-1].start : towns[-1].end] == "Marlow"
    assert len(result.timexes) == 500  # "on Tuesday" and "in May" of every paragraph


def test_pathological_text_is_tokenized_in_pieces_and_kept_whole(pipeline: Pipeline) -> None:
    from sitrep.analyze.nlp import MAX_RUN_TOKENS
    from sitrep.analyze.tokens import PIECE

    text = "Officials said " + "!?" * 1500 + " then " + "—" * 400 + "\nand https://example.org/" + "a/b" * 50
    doc = pipeline.nlp(text)
    assert doc.text == text  # offsets still index the input
    assert max(len(t.text) for t in doc if not t.like_url) <= PIECE
    assert any(t.like_url for t in doc)  # a long link is not a pathological chunk: one token as before
    assert max(len(s) for s in doc.sents) <= MAX_RUN_TOKENS  # no endless "sentence" for the parser
    ordinary = "The mayor said the bridge, which cost $4m, would open on May 3. Critics disagreed!"
    assert [t.text for t in pipeline.nlp.make_doc(ordinary)] == [t.text for t in pipeline.nlp.tokenizer.inner(ordinary)]


def test_dense_text_is_cut_by_tokens_not_only_characters() -> None:
    """Punctuation is a token a character: its pieces hold as many tokens as prose pieces, not five times more."""
    dense = "!?.,;" * 2000  # 10,000 characters, about 10,000 tokens
    spans = chunks.chunk_spans(dense, limit=100_000, max_tokens=1000)
    assert "".join(dense[a:b] for a, b in spans) == dense
    assert max(chunks.estimated_tokens(dense, a, b) for a, b in spans) <= 1000
    prose = "\n\n".join(f"{PARAGRAPH} Part {i}." for i in range(40))
    assert len(chunks.chunk_spans(prose, limit=100_000, max_tokens=100_000)) == 1


def test_batches_hold_a_bounded_number_of_tokens() -> None:
    pieces = [("word " * 600, 600, i) for i in range(10)]  # 600 tokens each
    batches = list(chunks._batches(pieces, batch_size=16, max_tokens=1000))
    assert [len(b) for b in batches] == [1] * 10  # two would pass the budget
    assert [i for batch in batches for _, _, i in batch] == list(range(10))
    small = [("a few words", 3, i) for i in range(40)]
    assert [len(b) for b in chunks._batches(small, batch_size=16, max_tokens=1000)] == [16, 16, 8]
